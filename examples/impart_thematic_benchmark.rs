//! The IMPART benchmark for one thematic area: the core benchmark composed
//! with a thematic module, tailored by a regional profile, then used to
//! score a project.
//!
//! **Illustrative only**: the IMPART sources give no thematic module
//! indicators, so the module's factor below is invented for the example, as
//! are the profile's region, its reasons and the project's ratings. The core
//! benchmark is IMPART's own (`catalog::impart::core`).
//!
//! Run with `cargo run --example impart_thematic_benchmark`.

use std::error::Error;

use assessment_model::catalog::impart::{self, Theme};
use assessment_model::compose::Composition;
use assessment_model::model::EvidenceKind;
use assessment_model::profile::Selection;
use assessment_model::{
    Assessment, Criterion, Evidence, Id, Profile, Rating, RatingValue, Scorer, Subject,
};

fn main() -> Result<(), Box<dyn Error>> {
    // 1. An ILLUSTRATIVE thematic module for the anti-discrimination theme.
    let in_place = Id::new(impart::SCALE)?;
    let mut factor = Criterion::group(
        Id::new("anti-discrimination-practice")?,
        "Anti-discrimination as a professional approach (illustrative)",
        vec![
            Criterion::leaf(
                Id::new("anti-discrimination-practice-1")?,
                "staff trained to recognise and tackle discrimination (illustrative)",
                in_place.clone(),
            ),
            Criterion::leaf(
                Id::new("anti-discrimination-practice-2")?,
                "a procedure to report discrimination by employers (illustrative)",
                in_place,
            ),
        ],
    );
    factor.critical = true;
    let module = impart::module(
        Theme::AntiDiscrimination,
        Id::new("impart-anti-discrimination-illustrative")?,
        semver::Version::new(0, 1, 0),
        "IMPART anti-discrimination module (illustrative)",
        vec![factor],
    );

    // 2. Core + module = the benchmark for the thematic area.
    let core = impart::core();
    let benchmark = Composition::new(&core)
        .module(&module)
        .id(Id::new("impart-anti-discrimination-benchmark")?)
        .version(semver::Version::new(0, 1, 0))
        .title("IMPART benchmark: anti-discrimination (illustrative module)")
        .build()?;
    println!(
        "{} {}: {} criteria, {} indicators",
        benchmark.id,
        benchmark.version,
        benchmark.walk().count(),
        benchmark.leaves().count()
    );

    // 3. An ILLUSTRATIVE regional profile.
    let mut profile = Profile::new(
        Id::new("region-x")?,
        "Region X (illustrative)",
        benchmark.compatible_ref(),
    );
    profile
        .exclude
        .push(Selection::subtree(Id::new("policy-frameworks-3")?));
    profile
        .weights
        .insert(Id::new("anti-discrimination-practice")?, 2.0);
    profile.not_applicable.insert(
        Id::new("employer-engagement-3")?,
        "Skills audits are run by the regional employment service, not by projects \
         (illustrative)."
            .into(),
    );
    let tailored = profile.apply(&benchmark)?;
    for step in &tailored.provenance.derived_from {
        let version = step
            .version
            .as_ref()
            .map(|v| format!(" {v}"))
            .unwrap_or_default();
        println!("  derived from {:?} {}{version}", step.kind, step.id);
    }

    // 4. An ILLUSTRATIVE assessment of a project (0 not in place, 1 partly,
    //    2 in place).
    let mut assessment = Assessment::new(tailored.exact_ref(), Subject::new("Project A"));
    let ratings = [
        ("needs-assessment-1", 2),
        ("needs-assessment-2", 1),
        ("needs-assessment-4", 2),
        ("migrant-voice-1", 1),
        ("migrant-voice-3", 0),
        ("employer-engagement-1", 2),
        ("employer-engagement-2", 2),
        ("other-social-partners-1", 1),
        ("policy-frameworks-1", 2),
        ("commitment-to-mainstream-1", 0),
        ("commitment-to-mainstream-4", 0),
        ("monitoring-evaluation-1", 2),
        ("monitoring-evaluation-4", 0),
        ("equalities-1", 2),
        ("anti-discrimination-practice-1", 2),
        ("anti-discrimination-practice-2", 0),
    ];
    for (id, level) in ratings {
        assessment.rate(id, RatingValue::Level(level.into()))?;
    }
    assessment
        .ratings
        .insert(Id::new("monitoring-evaluation-2")?, {
            let mut built = Rating::new(RatingValue::Level(1.into()));
            built.evidence = vec![{
                let mut built = Evidence::new(
                    EvidenceKind::Interview,
                    "Participants' feedback is collected, outcomes are not",
                );
                built.reference = Some("study visit, day 2".into());
                built
            }];
            built.note = Some("Only 'hard' outcomes are recorded (illustrative).".into());
            built
        });

    // 5. Score and print the report.
    let scorer = Scorer::new(&tailored)?;
    let report = scorer.score(&assessment)?;
    println!();
    println!("{report}");
    for node in report.nodes() {
        if let Some(reason) = node.not_applicable() {
            println!("not applicable: {} ({}): {reason}", node.id(), node.title());
        }
    }
    Ok(())
}
