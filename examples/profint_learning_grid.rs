//! The PROFINT learning-assessment grid: score a few beneficiaries'
//! questionnaires and print the mean importance per learning domain, in the
//! grid's own 1-3 units, per beneficiary group (as the source's Figures 2
//! and 3 do).
//!
//! **Illustrative answers**: the source reports only the averages, in
//! figures that are not in its text, so the questionnaires below are
//! invented for the example.
//!
//! Run with `cargo run --example profint_learning_grid`.

use std::error::Error;

use assessment_model::catalog::profint::{self, Domain, RespondentType};
use assessment_model::{Assessment, Cohort, RatingValue, Scorer, Subject};

/// The subject attribute that groups the beneficiaries.
const GROUP: &str = "beneficiary_group";

/// One illustrative questionnaire: (respondent, group, importance of
/// proposals 1 to 22).
type Answers = (&'static str, &'static str, [i32; 22]);

// ILLUSTRATIVE data, not from the source.
const QUESTIONNAIRES: [Answers; 4] = [
    (
        "UVUC 1",
        "swedish-device",
        [
            3, 3, 2, 1, 3, 3, 2, 3, 2, 2, 3, 2, 2, 3, 2, 2, 3, 2, 2, 2, 1, 2,
        ],
    ),
    (
        "UVUC 2",
        "swedish-device",
        [
            3, 3, 3, 1, 3, 2, 3, 3, 2, 3, 2, 2, 3, 2, 2, 3, 2, 2, 2, 1, 2, 2,
        ],
    ),
    (
        "MLV 1",
        "french-italian-devices",
        [
            2, 1, 1, 1, 2, 2, 3, 2, 2, 3, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3,
        ],
    ),
    (
        "MCG 1",
        "french-italian-devices",
        [
            1, 1, 2, 1, 2, 3, 2, 2, 3, 2, 2, 2, 2, 3, 2, 3, 3, 2, 3, 3, 3, 3,
        ],
    ),
];

fn main() -> Result<(), Box<dyn Error>> {
    let grid = profint::learning_grid();
    let scorer = Scorer::new(&grid)?;
    let mut cohort = Cohort::new(&scorer).with_grouping(GROUP);

    println!(
        "Mean importance per respondent, domains in order (proposals 1-4, 5-8, 9-15, 16-18, 19-22)"
    );
    for (name, group, levels) in QUESTIONNAIRES {
        let mut subject = Subject::new(name);
        subject.attributes.insert(
            RespondentType::ATTRIBUTE.to_owned(),
            RespondentType::Beneficiaries.to_string(),
        );
        subject
            .attributes
            .insert(GROUP.to_owned(), group.to_owned());
        let mut answers = Assessment::new(grid.exact_ref(), subject);
        for (n, level) in (1..).zip(levels) {
            answers.rate(format!("p{n}"), RatingValue::Level(level.into()))?;
        }
        // One respondent's report: mean importance per domain, in 1-3 units.
        let report = scorer.score(&answers)?;
        let means: Vec<String> = Domain::ALL
            .iter()
            .map(|d| {
                report
                    .node(d.id())
                    .and_then(|n| n.outcome().scale_mean())
                    .map_or_else(|| "—".to_owned(), |m| format!("{:.2}", m.value))
            })
            .collect();
        println!("{name:<8} ({group}): {}", means.join("  "));
        cohort.push(&report)?;
    }

    // Per group, as the source's Figures 2 and 3.
    let groups = cohort.stats_by(GROUP).ok_or("the cohort is grouped")?;
    println!("\nMean importance per learning domain (1 not important - 3 very important)");
    print!("{:<70}", "domain");
    for group in groups.keys() {
        print!(" {group:>24}");
    }
    println!();
    for domain in Domain::ALL {
        let label = format!(
            "{} (proposals {}-{})",
            domain.title(),
            domain.proposals().start(),
            domain.proposals().end()
        );
        print!("{label:<70}");
        for stats in groups.values() {
            match stats.nodes.get(domain.id()).and_then(|n| n.mean_in_units) {
                Some(mean) => print!(" {mean:>24.2}"),
                None => print!(" {:>24}", "—"),
            }
        }
        println!();
    }
    Ok(())
}
