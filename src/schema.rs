//! The JSON Schema (draft 2020-12) of each top-level document type
//! ([SPEC](crate::spec) §2, §3), generated from the types with schemars, so
//! it cannot drift from the code: the copies committed under `schemas/` are
//! checked against these functions by the crate's tests.
//!
//! Doc comments become descriptions (their prose only: rustdoc sections such
//! as `# Examples` are left out, and intra-doc links become plain code
//! spans); definitions deny unknown fields
//! (`additionalProperties: false`); fields with a default are not required.
//! The schemas describe documents as they are read (deserialised). They
//! check form, not the rules that span fields (unique ids, references,
//! thresholds): those are [`Framework::validate`](crate::Framework::validate)'s.
//!
//! Available with the `schema` feature (on by default).

use schemars::generate::SchemaSettings;
use schemars::transform::RecursiveTransform;
use schemars::{JsonSchema, Schema};

use crate::{Assessment, Framework, Mapping, PeerReview, Profile, Report};

/// The schema of a document of type `T`, as read: draft 2020-12,
/// definitions under `$defs`.
fn document<T: JsonSchema>() -> Schema {
    SchemaSettings::draft2020_12()
        .for_deserialize()
        .with_transform(RecursiveTransform(prose_descriptions))
        .into_generator()
        .into_root_schema_for::<T>()
}

/// The JSON Schema of a [`Framework`] document.
///
/// # Examples
///
/// ```
/// let schema = assessment_model::schema::framework();
/// assert_eq!(schema.get("title").and_then(|t| t.as_str()), Some("Framework"));
/// assert_eq!(schema.get("additionalProperties"), Some(&serde_json::Value::Bool(false)));
/// ```
pub fn framework() -> Schema {
    document::<Framework>()
}

/// The JSON Schema of an [`Assessment`] document.
pub fn assessment() -> Schema {
    document::<Assessment>()
}

/// The JSON Schema of a [`Profile`] document.
///
/// # Examples
/// ```
/// let schema = assessment_model::schema::profile();
/// assert_eq!(schema.get("title").and_then(|t| t.as_str()), Some("Profile"));
pub fn profile() -> Schema {
    document::<Profile>()
}

/// The JSON Schema of a [`Mapping`] document.
/// let schema = assessment_model::schema::mapping();
/// assert_eq!(schema.get("title").and_then(|t| t.as_str()), Some("Mapping"));
pub fn mapping() -> Schema {
    document::<Mapping>()
}

/// The JSON Schema of a [`PeerReview`] document. Dates are strings of the
/// form `YYYY-MM-DD` (`format: date`); the calendar check and the rules that
/// span fields are [`PeerReview::issues`]'s.
pub fn peer_review() -> Schema {
    document::<PeerReview>()
}

/// The JSON Schema of a [`Report`] document: the result of
/// [`Scorer::score`](crate::Scorer::score), as a report is read back.
///
/// # Examples
///
/// ```
/// let schema = assessment_model::schema::report();
/// assert_eq!(schema.get("title").and_then(|t| t.as_str()), Some("Report"));
/// ```
pub fn report() -> Schema {
    document::<Report>()
}

/// Every document type's schema with the stem of its committed file
/// (`schemas/<stem>.schema.json`), in a fixed order.
///
/// # Examples
///
/// ```
/// let names: Vec<&str> = assessment_model::schema::all().iter().map(|(name, _)| *name).collect();
/// assert!(names.contains(&"framework"));
/// ```
pub fn all() -> Vec<(&'static str, Schema)> {
    vec![
        ("framework", framework()),
        ("assessment", assessment()),
        ("profile", profile()),
        ("mapping", mapping()),
        ("peer-review", peer_review()),
        ("report", report()),
    ]
}

/// Keeps the prose of a description taken from a doc comment: cuts it at the
/// first rustdoc section heading (`# Examples`, `# Errors`…) and turns
/// intra-doc links (`` [`Scale`] ``, `` [`Scale`](crate::Scale) ``) into
/// code spans.
fn prose_descriptions(schema: &mut Schema) {
    if let Some(description) = schema.get("description").and_then(|d| d.as_str()) {
        let prose = prose(description);
        schema.insert("description".to_owned(), prose.into());
    }
}

fn prose(description: &str) -> String {
    let prose = match description.find("\n\n# ") {
        Some(at) => description.get(..at).unwrap_or(description),
        None => description,
    };
    let mut out = String::with_capacity(prose.len());
    let mut rest = prose;
    while let Some(open) = rest.find("[`") {
        let (before, link) = rest.split_at(open);
        out.push_str(before);
        let Some(close) = link.find("`]") else {
            rest = link;
            break;
        };
        // `link[1..close + 1]` is the code span with its backticks.
        out.push_str(link.get(1..close.saturating_add(1)).unwrap_or_default());
        rest = link.get(close.saturating_add(2)..).unwrap_or_default();
        if rest.starts_with('(') {
            if let Some(end) = rest.find(')') {
                rest = rest.get(end.saturating_add(1)..).unwrap_or_default();
            }
        }
    }
    out.push_str(rest);
    out.trim_end().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cleaned(text: &str) -> String {
        let mut schema = schemars::json_schema!({ "description": text });
        prose_descriptions(&mut schema);
        schema
            .get("description")
            .and_then(|d| d.as_str())
            .unwrap_or_default()
            .to_owned()
    }

    #[test]
    fn sections_and_links_are_dropped() {
        assert_eq!(cleaned("A thing.\n\n# Examples\n\n```\nx\n```"), "A thing.");
        assert_eq!(
            cleaned("See [`Scale`] and [`Level`](crate::Level)."),
            "See `Scale` and `Level`."
        );
        assert_eq!(cleaned("A [`broken link"), "A [`broken link");
        assert_eq!(cleaned("Plain [0, 1] range."), "Plain [0, 1] range.");
    }
}
