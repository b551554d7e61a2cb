//! Carrying a PROFINT first-phase (IO1) assessment over to the reformulated
//! success factors of the second phase (IO2), through the mapping of the
//! source's section 4.1, and printing what was carried and what was left.
//!
//! The device and its ratings are illustrative; the factors and the mapping
//! are the catalogue's.
//!
//! Run with `cargo run --example profint_migration`.

use std::error::Error;

use assessment_model::catalog::profint;
use assessment_model::{Assessment, Id, RatingValue, Subject};

fn main() -> Result<(), Box<dyn Error>> {
    let io1 = profint::success_factors_io1();
    let io2 = profint::success_factors_io2();

    // An illustrative IO1 assessment: factors 2, 9 and 12 not met, factor
    // 6 not rated, the rest met.
    let mut assessment = Assessment::new(io1.exact_ref(), Subject::new("A device (illustrative)"));
    for n in 1..=13 {
        let value = match n {
            2 | 9 | 12 => RatingValue::NotMet,
            6 => continue,
            _ => RatingValue::Met,
        };
        assessment.rate(format!("io1-f{n}"), value)?;
    }
    if let Some(first) = assessment.ratings.get_index_mut(0) {
        first.1.note = Some("Placement in a company after four months.".into());
    }

    let moved = profint::migrate_io1(&assessment)?;

    let title = |id: &Id| {
        io2.criterion(id.as_str())
            .map(|c| c.title.clone())
            .unwrap_or_default()
    };
    let short = |text: String| {
        if text.chars().count() > 70 {
            format!("{}…", text.chars().take(69).collect::<String>())
        } else {
            text
        }
    };
    println!("{} {} → {} {}", io1.id, io1.version, io2.id, io2.version);
    println!("\ncarried ({}):", moved.carried.len());
    for c in &moved.carried {
        let from: Vec<&str> = c.from.iter().map(Id::as_str).collect();
        let missing = if c.missing.is_empty() {
            String::new()
        } else {
            let m: Vec<&str> = c.missing.iter().map(Id::as_str).collect();
            format!(" (unrated source: {})", m.join(", "))
        };
        println!(
            "  {:<8} ← {:<16} {:<10} {:<8} {}{missing}",
            c.to.to_string(),
            from.join(" + "),
            c.relation.to_string(),
            c.value.to_string(),
            short(title(&c.to)),
        );
    }
    println!("\ncame through a relation weaker than equivalent:");
    for c in moved.weaker_than_equivalent() {
        println!("  {} ({})", c.to, c.relation);
    }
    println!("\nnot carried ({}):", moved.not_carried.len());
    for n in &moved.not_carried {
        println!("  {}: {}", n.from, n.reason);
    }
    println!("\nIO2 factors left unrated ({}):", moved.unrated.len());
    for u in &moved.unrated {
        println!("  {}: {}", u.id, u.reason);
    }
    if let Some(note) = moved
        .assessment
        .ratings
        .get("io2-f1")
        .and_then(|r| r.note.as_deref())
    {
        println!("\nnote carried to io2-f1: {note}");
    }
    Ok(())
}
