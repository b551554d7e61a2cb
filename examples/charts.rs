//! Prints the profile of the worked good-practice assessment as SVG text
//! (SPEC §9.1); nothing is written to disk.
//!
//! ```sh
//! cargo run --example charts > profile.svg
//! ```

use assessment_model::Scorer;
use assessment_model::catalog::good_practice;
use assessment_model::chart::{self, ChartOptions};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let scorer = Scorer::new(&good_practice::criteria())?;
    let report = scorer.score(&good_practice::worked_example())?;
    print!("{}", chart::profile(&report, &ChartOptions::new(720, 520)));
    Ok(())
}
