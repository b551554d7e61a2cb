//! Ten projects against the good-practice criteria: how sure are their
//! ranks? Weights at the two upper levels (criteria areas and questions)
//! vary by ±25%, and the areas and the total aggregate by any of the
//! weighted, geometric and harmonic means; the report gives each project's score and rank
//! intervals and which input drives the variance ([SPEC] §8.3).
//!
//! Run with `cargo run --example uncertainty`.
//!
//! [SPEC]: https://docs.rs/assessment-model/latest/assessment_model/spec/index.html
#![allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]

use assessment_model::catalog::good_practice;
use assessment_model::{
    Aggregation, Assessment, RatingValue, Scorer, Subject, Uncertainty, UncertaintySpec,
};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let framework = good_practice::criteria();
    let scorer = Scorer::new(&framework)?;

    // Ten projects with different profiles: project k meets one item of
    // every question (a different one per project and question) and each
    // other item when a fixed pattern says so, more often for later
    // projects.
    let projects: Vec<Assessment> = (0..10usize)
        .map(|k| {
            let name = format!("Project {}", char::from(b'A' + k as u8));
            let mut a = Assessment::new(framework.exact_ref(), Subject::new(name));
            let mut i = 0usize;
            for area in &framework.criteria {
                for (qi, question) in area.children.iter().enumerate() {
                    let n = question.children.len();
                    for (j, item) in question.children.iter().enumerate() {
                        i += 1;
                        let met = j == (k + qi) % n || (i * 7 + k * 5) % 13 < 2 + k / 2;
                        let v = if met {
                            RatingValue::Met
                        } else {
                            RatingValue::NotMet
                        };
                        a.rate(&item.id, v)?;
                    }
                }
            }
            Ok(a)
        })
        .collect::<Result<_, Box<dyn std::error::Error>>>()?;

    // The method varies where the total aggregates the areas (level 0) and
    // where an area aggregates its questions (level 1); a question keeps
    // the share of its items met (a geometric mean of ticks would be 0 as
    // soon as one item is not met).
    let spec = UncertaintySpec::new()
        .level(1, 0.25)
        .level(2, 0.25)
        .methods([
            Aggregation::WeightedMean,
            Aggregation::GeometricMean,
            Aggregation::HarmonicMean,
        ])
        .method_levels([0, 1]);
    let result = Uncertainty::new(&scorer, spec)
        .seed(7)
        .samples(10_000)
        .run(&projects)?;
    print!("{result}");

    // Which input drives the variance of each project's total: the input
    // with the largest total-effect index.
    println!("\nlargest total effect on each project's score:");
    for member in &result.members {
        let top = member
            .sensitivity
            .iter()
            .zip(&result.inputs)
            .filter_map(|(s, input)| s.total_effect.map(|st| (st, input)))
            .max_by(|a, b| a.0.total_cmp(&b.0));
        if let Some((st, input)) = top {
            println!("  {:<12} {input} (S_Ti = {st:.2})", member.subject);
        }
    }
    Ok(())
}
