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
use assessment_model::{Assessment, RatingValue, Scorer, Subject};

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

    let mut reports = Vec::new();
    for (name, group, levels) in QUESTIONNAIRES {
        let mut subject = Subject::new(name);
        subject.attributes.insert(
            RespondentType::ATTRIBUTE.to_owned(),
            RespondentType::Beneficiaries.to_string(),
        );
        subject
            .attributes
            .insert("beneficiary_group".to_owned(), group.to_owned());
        let mut answers = Assessment::new(grid.exact_ref(), subject);
        for (n, level) in (1..).zip(levels) {
            answers.rate(format!("p{n}").parse()?, RatingValue::Level(level));
        }
        reports.push((group, scorer.score(&answers)?));
    }

    println!("Mean importance per learning domain (1 not important - 3 very important)");
    let groups = ["swedish-device", "french-italian-devices"];
    println!("{:<70} {:>16} {:>24}", "domain", groups[0], groups[1]);
    for domain in Domain::ALL {
        let label = format!(
            "{} (proposals {}-{})",
            domain.title(),
            domain.proposals().start(),
            domain.proposals().end()
        );
        let mut row = format!("{label:<70}");
        for group in groups {
            let means: Vec<f64> = reports
                .iter()
                .filter(|(g, _)| *g == group)
                .filter_map(|(_, r)| r.node(domain.id())?.outcome().scale_mean().map(|m| m.value))
                .collect();
            let width = if group == groups[0] { 16 } else { 24 };
            if means.is_empty() {
                row.push_str(&format!(" {:>width$}", "—"));
            } else {
                let mean = means.iter().sum::<f64>() / means.len() as f64;
                row.push_str(&format!(" {mean:>width$.2}"));
            }
        }
        println!("{row}");
    }
    Ok(())
}
