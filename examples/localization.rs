//! The IMPART core benchmark read by a German-speaking peer team.
//!
//! The benchmark stays in English (its sources give no translation). A
//! translator delivers a *partial* German localization as a document of its
//! own; it is checked against the benchmark (every problem at once, and
//! how much it covers), and the benchmark's texts are then looked up in the
//! requested language, Austrian German (`de-AT`), with the stated fallback:
//! the exact tag, then the primary language (`de`), then the benchmark's
//! own English. A project's report is printed in that language, every
//! title that fell back marked with the language it came from. Finally the
//! project is scored against the localized benchmark, to show that the
//! scores do not move, and its risks are named in German.
//!
//! **The German texts are this example's own**, written for it to show the
//! mechanism: they are not from the IMPART sources, nor an authorised
//! translation.
//!
//! Run with `cargo run --example localization`.

use std::error::Error;

use assessment_model::catalog::impart;
use assessment_model::localization::{Localized, LocalizedText, Step, TextKey};
use assessment_model::model::LanguageTag;
use assessment_model::{
    Assessment, LevelRef, Localization, RatingValue, Scorer, Subject, from_json_str,
};

/// The example's own partial German localization of the core benchmark:
/// the title, the eight factors, the scale's levels and some indicators.
const GERMAN: &str = r#"{
    "id": "impart-core-de-example",
    "framework": { "id": "impart-core", "version": "^1" },
    "language": "de",
    "notes": [
        "Written for the crate's localization example: not from the IMPART sources and not an authorised translation."
    ],
    "title": "IMPART-Kernbenchmark",
    "scales": { "in-place": {
        "title": "Vorhanden",
        "levels": {
            "not-in-place": { "label": "nicht vorhanden" },
            "partly-in-place": { "label": "teilweise vorhanden" },
            "in-place": { "label": "vorhanden" }
        }
    }},
    "criteria": {
        "needs-assessment": { "title": "Bedarfsanalyse für das Projekt" },
        "needs-assessment-1": { "title": "als Grundlage für Planung und Durchführung des Projekts" },
        "needs-assessment-4": { "title": "Beteiligte konsultieren, auch die Zielgruppe" },
        "migrant-voice": { "title": "Die Stimme der Migrantinnen und Migranten leitet die Projektarbeit" },
        "migrant-voice-3": { "title": "Migrantenselbstorganisationen (MSO) zur Arbeit konsultieren" },
        "employer-engagement": { "title": "Einbindung der Arbeitgeber" },
        "other-social-partners": { "title": "Weitere Sozialpartner leiten das Projekt" },
        "policy-frameworks": { "title": "Verknüpfung mit politischen Rahmenwerken" },
        "commitment-to-mainstream": { "title": "Verpflichtung zum Mainstreaming >> langfristige Wirkung" },
        "monitoring-evaluation": { "title": "Monitoring und Evaluation" },
        "equalities": { "title": "Gleichstellung" }
    }
}"#;

/// The example's own Austrian German texts: only the title differs.
const AUSTRIAN: &str = r#"{
    "id": "impart-core-de-at-example",
    "framework": { "id": "impart-core", "version": "^1" },
    "language": "de-AT",
    "notes": ["Written for the crate's localization example."],
    "title": "IMPART-Kernbenchmark (österreichische Fassung)"
}"#;

/// A marker for where a text came from: nothing for the requested tag,
/// the language otherwise.
fn marked(text: &LocalizedText<'_>) -> String {
    match text.step {
        Step::Exact => text.text.to_owned(),
        _ => format!("{}  [{}]", text.text, text.language),
    }
}

fn main() -> Result<(), Box<dyn Error>> {
    let core = impart::core();
    let german: Localization = from_json_str(GERMAN)?;
    let austrian: Localization = from_json_str(AUSTRIAN)?;

    // 1. The translator's document, checked against the benchmark.
    let coverage = german.validate_for(&core)?;
    println!(
        "German localization: {} of {} texts translated ({:.0} %); {} untranslated-text warnings",
        coverage.translated,
        coverage.translatable,
        coverage.share() * 100.0,
        german.issues_against(&core).len()
    );

    // 2. A project's report in Austrian German, with the fallback visible:
    // a title that is not in the requested language is followed by the
    // language it came from.
    let requested = LanguageTag::new("de-AT")?;
    let texts = Localized::new(&core, &[&german, &austrian], &requested)?;
    let mut assessment = Assessment::new(core.compatible_ref(), Subject::new("Ein Projekt"));
    for (i, leaf) in core.leaves().enumerate() {
        let level = i32::try_from(i % 3)?;
        assessment.rate(leaf.id.as_str(), RatingValue::Level(LevelRef::Value(level)))?;
    }
    let report = Scorer::new(&core)?.score(&assessment)?;
    println!("\n{}", report.display_in(&texts));
    let fell_back = core
        .walk()
        .filter_map(|(_, c)| texts.criterion_title(c.id.as_str()))
        .filter(|text| text.step == Step::Framework)
        .count();
    println!("{fell_back} criterion titles fell back to English.");
    let mut labels = Vec::new();
    for level in ["not-in-place", "partly-in-place", "in-place"] {
        let label = texts
            .get(TextKey::LevelLabel("in-place", level))
            .ok_or("no level")?;
        labels.push(marked(&label));
    }
    println!("Ratings: {}", labels.join(" · "));

    // 3. Scores do not depend on the language.
    let localized = german.apply(&core)?;
    let again = Scorer::new(&localized)?.score(&assessment)?;
    assert_eq!(report.total().score(), again.total().score());
    println!(
        "\nTotal {:.3} against the English benchmark and {:.3} against the German one.",
        report.total().score().unwrap_or(f64::NAN),
        again.total().score().unwrap_or(f64::NAN)
    );
    for risk in report.risks() {
        let name = texts
            .criterion_title(risk.criterion.as_str())
            .ok_or("no criterion")?;
        println!("Risiko: {} ({:.2})", marked(&name), risk.score);
    }
    Ok(())
}
