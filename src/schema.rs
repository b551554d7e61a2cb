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
//! Each schema has the `$id` `urn:assessment-model:schema:<kind>:1`, and
//! every document may name it in an optional `"$schema"` (kept, never
//! checked); `schemas/README.md` says how to use the committed files from
//! an editor. The schemas keep to draft 2020-12's keywords and formats (the
//! number formats schemars writes become `minimum` and `maximum`), and a
//! schema rejects what the parser rejects, as far as JSON Schema can say
//! it: versions, version requirements and dates carry a `pattern`.
//!
//! Available with the `schema` feature (on by default).

use schemars::generate::SchemaSettings;
use schemars::transform::RecursiveTransform;
use schemars::{JsonSchema, Schema};

use crate::localization::Localization;
use crate::mapping::Mapping;
use crate::model::assessment::Assessment;
use crate::model::framework::Framework;
use crate::plan::ActionPlan;
use crate::profile::Profile;
use crate::report::document::ReportDocument;
use crate::report::explain::Explanation;
use crate::review::PeerReview;

/// The stems of the committed files (`schemas/<stem>.schema.json`), which
/// are also the `<kind>` of the schemas' ids.
const FRAMEWORK: &str = "framework";
const ASSESSMENT: &str = "assessment";
const PROFILE: &str = "profile";
const MAPPING: &str = "mapping";
const PEER_REVIEW: &str = "peer-review";
const REPORT: &str = "report";
const LOCALIZATION: &str = "localization";
const ACTION_PLAN: &str = "action-plan";
const EXPLANATION: &str = "explanation";

/// The schema of a document of type `T`, as read: draft 2020-12,
/// definitions under `$defs`, `$id` `urn:assessment-model:schema:<stem>:1`,
/// only keywords and formats of draft 2020-12 (see [`standard_formats`]).
fn document<T: JsonSchema>(stem: &str) -> Schema {
    let mut schema = SchemaSettings::draft2020_12()
        .for_deserialize()
        .with_transform(RecursiveTransform(prose_descriptions))
        .with_transform(RecursiveTransform(standard_formats))
        .with_transform(RecursiveTransform(bounded_id_keys))
        .into_generator()
        .into_root_schema_for::<T>();
    // A URN names the schema and locates nothing (the crate has no web
    // site to serve it from), so it cannot break when a host moves; an
    // editor is pointed at the committed file instead (`schemas/README.md`).
    // The last segment is the edition of the format, raised only when a
    // document that was valid stops being valid.
    let id = format!("urn:assessment-model:schema:{stem}:1");
    schema.insert("$id".to_owned(), id.into());
    schema
}

/// The JSON Schema of a [`Framework`] document.
///
/// # Examples
///
/// ```
/// let schema = assessment_model::schema::framework();
/// assert_eq!(schema.get("title").and_then(|t| t.as_str()), Some("Framework"));
/// assert_eq!(
///     schema.get("$id").and_then(|t| t.as_str()),
///     Some("urn:assessment-model:schema:framework:1")
/// );
/// assert_eq!(schema.get("additionalProperties"), Some(&serde_json::Value::Bool(false)));
/// ```
pub fn framework() -> Schema {
    document::<Framework>(FRAMEWORK)
}

/// The JSON Schema of an [`Assessment`] document.
pub fn assessment() -> Schema {
    document::<Assessment>(ASSESSMENT)
}

/// The JSON Schema of a [`Profile`] document.
///
/// # Examples
///
/// ```
/// let schema = assessment_model::schema::profile();
/// assert_eq!(schema.get("title").and_then(|t| t.as_str()), Some("Profile"));
/// ```
pub fn profile() -> Schema {
    document::<Profile>(PROFILE)
}

/// The JSON Schema of a [`Mapping`] document.
///
/// # Examples
///
/// ```
/// let schema = assessment_model::schema::mapping();
/// assert_eq!(schema.get("title").and_then(|t| t.as_str()), Some("Mapping"));
/// ```
pub fn mapping() -> Schema {
    document::<Mapping>(MAPPING)
}

/// The JSON Schema of a [`PeerReview`] document. Dates are strings of the
/// form `YYYY-MM-DD` (`format: date`, and a `pattern` that checks the
/// calendar too, for validators that do not assert formats); the rules
/// that span fields are [`PeerReview::issues`]'s.
pub fn peer_review() -> Schema {
    document::<PeerReview>(PEER_REVIEW)
}

/// The JSON Schema of a [`Report`](crate::Report) document ([`ReportDocument`]): the
/// result of [`Scorer::score`](crate::Scorer::score) as it is written, and
/// read back with [`Scorer::read_report`](crate::Scorer::read_report).
///
/// # Examples
///
/// ```
/// let schema = assessment_model::schema::report();
/// assert_eq!(schema.get("title").and_then(|t| t.as_str()), Some("Report"));
/// ```
pub fn report() -> Schema {
    document::<ReportDocument>(REPORT)
}

/// The JSON Schema of a [`Localization`] document. Its `language` is any
/// string here: the tag is checked by
/// [`Localization::validate_for`](crate::Localization::validate_for), so
/// that a malformed tag is reported with every other problem.
///
/// # Examples
///
/// ```
/// let schema = assessment_model::schema::localization();
/// assert_eq!(schema.get("title").and_then(|t| t.as_str()), Some("Localization"));
/// ```
pub fn localization() -> Schema {
    document::<Localization>(LOCALIZATION)
}

/// The JSON Schema of an [`ActionPlan`] document ([SPEC](crate::spec)
/// §3.13). Dates are strings of the form `YYYY-MM-DD`; the checks against
/// a report (ids, risks, a done date) are
/// [`ActionPlan::issues_against`](crate::ActionPlan::issues_against)'s.
///
/// # Examples
///
/// ```
/// let schema = assessment_model::schema::action_plan();
/// assert_eq!(schema.get("title").and_then(|t| t.as_str()), Some("ActionPlan"));
/// ```
pub fn action_plan() -> Schema {
    document::<ActionPlan>(ACTION_PLAN)
}

/// The JSON Schema of an [`Explanation`] ([SPEC](crate::spec) §3.14):
/// why a node of a report has its score, as
/// [`Report::explain`](crate::Report::explain) gives it, for the tools
/// that show it.
///
/// # Examples
///
/// ```
/// let schema = assessment_model::schema::explanation();
/// assert_eq!(schema.get("title").and_then(|t| t.as_str()), Some("Explanation"));
/// ```
pub fn explanation() -> Schema {
    document::<Explanation>(EXPLANATION)
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
        (FRAMEWORK, framework()),
        (ASSESSMENT, assessment()),
        (PROFILE, profile()),
        (MAPPING, mapping()),
        (PEER_REVIEW, peer_review()),
        (REPORT, report()),
        (LOCALIZATION, localization()),
        (ACTION_PLAN, action_plan()),
        (EXPLANATION, explanation()),
    ]
}

/// Replaces the formats schemars gives numbers (`uint`, `uint32`, `int32`,
/// `double`…), which are not in draft 2020-12's format vocabulary (a strict
/// validator refuses them), by what they mean in standard keywords: the
/// type's `minimum` and `maximum` where it has bounds (a bound already there,
/// from a `range`, is kept). Other formats are left as they are.
fn standard_formats(schema: &mut Schema) {
    let Some(format) = schema.get("format").and_then(|f| f.as_str()) else {
        return;
    };
    // Every minimum fits an i64 and every maximum a u64.
    let (minimum, maximum): (i64, u64) = match format {
        "float" | "double" => {
            schema.remove("format");
            return;
        }
        "int8" => (i8::MIN.into(), i8::MAX.unsigned_abs().into()),
        "int16" => (i16::MIN.into(), i16::MAX.unsigned_abs().into()),
        "int32" => (i32::MIN.into(), i32::MAX.unsigned_abs().into()),
        "int64" | "int" => (i64::MIN, i64::MAX.unsigned_abs()),
        "uint8" => (0, u8::MAX.into()),
        "uint16" => (0, u16::MAX.into()),
        "uint32" => (0, u32::MAX.into()),
        "uint64" | "uint" => (0, u64::MAX),
        _ => return,
    };
    schema.remove("format");
    if schema.get("minimum").is_none() {
        schema.insert("minimum".to_owned(), minimum.into());
    }
    if schema.get("maximum").is_none() {
        schema.insert("maximum".to_owned(), maximum.into());
    }
}

/// Bounds the length of the keys of a map keyed by [`Id`](crate::Id):
/// schemars carries the key type's `pattern` over to `patternProperties`
/// but not its `maxLength`, which `propertyNames` restores.
fn bounded_id_keys(schema: &mut Schema) {
    let keyed_by_id = schema
        .get("patternProperties")
        .and_then(|p| p.as_object())
        .is_some_and(|p| p.len() == 1 && p.contains_key(crate::model::id::PATTERN));
    if keyed_by_id {
        let names = schemars::json_schema!({ "maxLength": crate::model::id::Id::MAX_LEN });
        schema.insert("propertyNames".to_owned(), names.to_value());
    }
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
            cleaned("See [`Scale`] and [`Level`](crate::model::scale::Level)."),
            "See `Scale` and `Level`."
        );
        assert_eq!(cleaned("A [`broken link"), "A [`broken link");
        assert_eq!(cleaned("Plain [0, 1] range."), "Plain [0, 1] range.");
    }
}
