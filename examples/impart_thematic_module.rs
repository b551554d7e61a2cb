//! Declaring an IMPART thematic module and composing it with the core
//! benchmark.
//!
//! The IMPART sources describe one thematic module per theme, on top of the
//! core benchmark, but do not list any module's critical factors, so the
//! crate ships none. This example shows how a user writes one.
//!
//! **Illustrative only**: the factor and indicators below are invented for
//! the example; they are not IMPART's.
//!
//! Run with `cargo run --example impart_thematic_module`.

use std::error::Error;

use assessment_model::catalog::impart::{self, Theme};
use assessment_model::{Criterion, Id, compose};

fn main() -> Result<(), Box<dyn Error>> {
    let in_place = Id::new(impart::SCALE)?;
    // ILLUSTRATIVE: not from the IMPART sources.
    let mut factor = Criterion::group(
        Id::new("recognition-routes")?,
        "Routes to recognise migrants' qualifications (illustrative)",
        vec![
            Criterion::leaf(
                Id::new("recognition-routes-1")?,
                "competence assessment available in the migrant's language (illustrative)",
                in_place.clone(),
            ),
            Criterion::leaf(
                Id::new("recognition-routes-2")?,
                "agreement with the awarding bodies (illustrative)",
                in_place,
            ),
        ],
    );
    factor.critical = true;

    let theme = Theme::AssessmentValidation;
    let module = impart::module(
        theme,
        Id::new("impart-assessment-validation-example")?,
        semver::Version::new(0, 1, 0),
        "Assessment and validation module (illustrative)",
        vec![factor],
    );
    module.validate()?;

    let core = impart::core();
    println!("theme:     {} (TWG {})", theme.title(), theme.twg());
    println!("module:    {} {}", module.id, module.version);
    for requirement in &module.requires {
        println!(
            "requires:  {} {} (core {} satisfies it: {})",
            requirement.id,
            requirement.version,
            core.version,
            requirement.matches(&core)
        );
    }
    println!(
        "criteria:  {} group(s), {} indicator(s)",
        module.criteria.len(),
        module.leaves().count()
    );

    // Core benchmark + thematic module = benchmark for the thematic area.
    let benchmark = compose(&core, &[&module])?;
    println!(
        "composed:  {} {}: {} critical factors, {} indicators",
        benchmark.id,
        benchmark.version,
        benchmark.criteria.iter().filter(|c| c.critical).count(),
        benchmark.leaves().count()
    );
    println!("\nStudy visits of this theme:");
    for visit in impart::study_visits().iter().filter(|v| v.theme == theme) {
        println!("  {} {} ({:?})", visit.year, visit.region, visit.status);
    }
    Ok(())
}
