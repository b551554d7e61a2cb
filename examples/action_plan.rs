//! From findings to commitments, and back: the worked good-practice
//! assessment (the Afpa example of the source) is scored, a plan of action
//! is drafted from its report (one action per risk and per top priority,
//! for a person to edit), the plan is edited and checked against the
//! report, and a follow-up assessment a year later shows which actions
//! worked (SPEC §3.13, §6.7).
//!
//! **The follow-up assessment, the owners and the dates are this
//! example's own**, made up to show the mechanism: the source has a single
//! assessment of the practice and no plan.
//!
//! Run with `cargo run --example action_plan`.

use std::error::Error;

use assessment_model::catalog::good_practice;
use assessment_model::model::Person;
use assessment_model::plan::{ActionStatus, Draft, Owner};
use assessment_model::{ActionPlan, Progress, RatingValue, Scorer};

fn main() -> Result<(), Box<dyn Error>> {
    let framework = good_practice::criteria();
    let scorer = Scorer::new(&framework)?;
    let baseline = good_practice::worked_example();
    let report = scorer.score(&baseline)?;
    println!("{report}");

    // A draft: the catalogue marks no criterion critical, so there is no
    // risk to answer, and the three unmet items are the top priorities.
    let mut owner = Person::new("Practice coordinator");
    owner.organisation = Some("Afpa".into());
    let draft = Draft::new(Owner::Person(owner), "2027-06-30".parse()?);
    let mut plan = ActionPlan::draft(&report, &draft);

    // The person edits it: the first action is done, the second under way,
    // the third handed to a partner.
    if let Some(first) = plan.actions.get_mut(0) {
        first.status = ActionStatus::Done;
        first.done = Some("2027-03-15".parse()?);
    }
    if let Some(second) = plan.actions.get_mut(1) {
        second.status = ActionStatus::InProgress;
    }
    if let Some(third) = plan.actions.get_mut(2) {
        third.owner = Owner::Organisation("Regional employment service".into());
    }
    plan.validate_against(&report)?;
    println!(
        "The plan, as edited:\n{}\n",
        serde_json::to_string_pretty(&plan)?
    );

    // A year later (the example's own follow-up): the first two items are
    // now met, the third is still not.
    let mut follow_up = baseline.clone();
    follow_up.rate("q9-3", RatingValue::Met)?;
    follow_up.rate("q10-2", RatingValue::Met)?;
    let current = scorer.score(&follow_up)?;
    let progress = Progress::between(&report, &current)?;
    println!("{progress}");

    let review = plan.review(&progress)?;
    println!("The plan's review:");
    for (action, reviewed) in plan.actions.iter().zip(&review.actions) {
        let criteria: Vec<String> = reviewed
            .criteria
            .iter()
            .map(|c| match c.delta {
                Some(delta) => format!("{} {:+.1}", c.criterion, delta * 100.0),
                None => format!("{} (not comparable)", c.criterion),
            })
            .collect();
        println!(
            "  {} {:?} ({}, owner {}): {}; {}",
            action.id,
            action.title,
            reviewed.status,
            action.owner.name(),
            reviewed.verdict,
            criteria.join(", ")
        );
    }
    Ok(())
}
