//! Quickstart: score the source's worked example against the good-practice
//! criteria and print the report.
//!
//! Run with `cargo run --example quickstart`.

use std::error::Error;

use assessment_model::Scorer;
use assessment_model::catalog::good_practice;

fn main() -> Result<(), Box<dyn Error>> {
    // The built-in framework and the source's worked Afpa assessment.
    let framework = good_practice::criteria();
    let assessment = good_practice::worked_example();

    // Validate and compile once, then score.
    let scorer = Scorer::new(&framework)?;
    let report = scorer.score(&assessment)?;

    // The full report table: every area, question and item.
    println!("{report}");

    // Totals per area.
    println!("Totals per area");
    for area in &framework.criteria {
        let score = report.node(area.id.as_str()).and_then(|n| n.score());
        match score {
            Some(s) => println!("  {:<32} {:>6.1}", area.title, s * 100.0),
            None => println!("  {:<32} {:>6}", area.title, "—"),
        }
    }
    if let Some(total) = report.total().score() {
        println!(
            "  {:<32} {:>6.1}",
            "Total (mean of the areas)",
            total * 100.0
        );
    }

    // What to improve first: the exact gain in the total of meeting each
    // unmet item.
    println!("\nTop priorities");
    for priority in scorer.priorities(&assessment)?.iter().take(3) {
        let title = framework
            .criterion(priority.criterion.as_str())
            .map_or("", |c| c.title.as_str());
        println!(
            "  {:<6} +{:>4.1} points  {}",
            priority.criterion.as_str(),
            priority.gain * 100.0,
            title
        );
    }
    Ok(())
}
