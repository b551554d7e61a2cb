//! An IMPART core review and its follow-up a year later, read as a
//! progress note ([SPEC] §8.1): what moved most, which risks were resolved
//! or are new, how much more was rated, and which ratings changed.
//!
//! The ratings are this example's own, for illustration: the IMPART
//! sources rate no project.
//!
//! Run with `cargo run --example progress`.
//!
//! [SPEC]: https://docs.rs/assessment-model/latest/assessment_model/spec/index.html

use assessment_model::catalog::impart;
use assessment_model::{Assessment, Framework, Progress, RatingValue, Scorer, Subject};

/// Per factor, one character per indicator in source order: `0` not in
/// place, `1` partly in place, `2` in place, `-` not rated.
type Ratings = &'static [(&'static str, &'static str)];

/// The first review: a needs assessment done, migrants barely heard,
/// employers engaged, monitoring not started, half the equality items
/// unrated.
const REVIEW_2025: Ratings = &[
    ("needs-assessment", "2211"),
    ("migrant-voice", "1000"),
    ("employer-engagement", "22121"),
    ("other-social-partners", "11"),
    ("policy-frameworks", "1101"),
    ("commitment-to-mainstream", "1100"),
    ("monitoring-evaluation", "0010"),
    ("equalities", "1-1"),
];

/// A year later: a user panel and an MSO on the steering group, an
/// evaluation plan; one employer partnership lapsed and a trade union
/// left.
const FOLLOW_UP_2026: Ratings = &[
    ("needs-assessment", "2222"),
    ("migrant-voice", "2112"),
    ("employer-engagement", "22111"),
    ("other-social-partners", "10"),
    ("policy-frameworks", "1101"),
    ("commitment-to-mainstream", "1110"),
    ("monitoring-evaluation", "2111"),
    ("equalities", "112"),
];

fn assess(
    framework: &Framework,
    ratings: Ratings,
) -> Result<Assessment, Box<dyn std::error::Error>> {
    let subject = Subject::new("Job coaching for newly arrived refugees (illustrative)");
    let mut assessment = Assessment::new(framework.exact_ref(), subject);
    for factor in &framework.criteria {
        let pattern = ratings
            .iter()
            .find(|(id, _)| *id == factor.id.as_str())
            .map_or("", |(_, p)| *p);
        for (indicator, mark) in factor.children.iter().zip(pattern.chars()) {
            if let Some(level) = mark.to_digit(10) {
                let level = i32::try_from(level)?;
                assessment.rate(&indicator.id, RatingValue::Level(level.into()))?;
            }
        }
    }
    Ok(assessment)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let core = impart::core();
    let scorer = Scorer::new(&core)?;
    let review = scorer.score(&assess(&core, REVIEW_2025)?)?;
    let follow_up = scorer.score(&assess(&core, FOLLOW_UP_2026)?)?;
    let progress = Progress::between(&review, &follow_up)?;
    print!("{progress}");
    Ok(())
}
