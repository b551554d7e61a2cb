//! How a [`ReportDocument`] is read: its nodes as one struct of the node's
//! fields and its outcome's, which refuses a field it does not know, and at
//! every level a note of which fields with a default the document gave
//! ([`Given`], [`GivenTop`]), for paths of differences that resolve.
//!
//! A node's outcome is written flattened into the node (`{"id": …,
//! "score": …, "counts": …}`). Serde's `flatten` cannot be combined with
//! `deny_unknown_fields`, and it buffers the node's content, so an unknown
//! field inside a node was ignored and a path below it stopped at the node.
//! Read as [`NodeForm`], an unknown field is `unknown-field` at its own
//! path (`/nodes/3/extra`) and every error below is at its own path too,
//! as everywhere else in a report.

use serde::Deserialize;
use serde::de::Deserializer;

use super::Counts;
use super::document::{
    FacetDocument, FindingDocument, Given, GivenTop, NodeDocument, OutcomeDocument, ReportDocument,
    ReportedFramework, ScaleMeanDocument,
};
use crate::core::interpret::NoScore;
use crate::model::assessment::{DeclaredFinding, Subject};
use crate::model::id::Id;
use crate::model::scale::RatingValue;

/// A node's fields and its outcome's, as the document holds them (the
/// defaults are [`NodeDocument`]'s; whether the document gave each field
/// that has one is kept in [`Given`]).
#[derive(Deserialize)]
#[serde(expecting = "struct NodeDocument", deny_unknown_fields)]
struct NodeForm {
    id: Id,
    #[serde(default)]
    parent: Option<Id>,
    title: String,
    depth: usize,
    #[serde(default)]
    leaf: Option<bool>,
    #[serde(default)]
    weight: Option<f64>,
    #[serde(default)]
    scored: Option<bool>,
    #[serde(default)]
    critical: Option<bool>,
    #[serde(default)]
    rating: Option<RatingValue>,
    #[serde(default)]
    not_applicable: Option<String>,
    #[serde(default)]
    score: Option<f64>,
    #[serde(default)]
    no_score: Option<NoScore>,
    #[serde(default)]
    coverage: Option<f64>,
    counts: Counts,
    #[serde(default)]
    band: Option<Id>,
    #[serde(default)]
    scale_mean: Option<ScaleMeanDocument>,
}

impl<'de> Deserialize<'de> for NodeDocument {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<NodeDocument, D::Error> {
        let form = NodeForm::deserialize(deserializer)?;
        Ok(NodeDocument {
            id: form.id,
            parent: form.parent,
            title: form.title,
            depth: form.depth,
            leaf: form.leaf.unwrap_or(false),
            weight: form
                .weight
                .unwrap_or_else(crate::model::form::defaults::one),
            scored: form
                .scored
                .unwrap_or_else(crate::model::form::defaults::yes),
            critical: form.critical.unwrap_or(false),
            rating: form.rating,
            not_applicable: form.not_applicable,
            outcome: OutcomeDocument {
                score: form.score,
                no_score: form.no_score,
                coverage: form.coverage,
                counts: form.counts,
                band: form.band,
                scale_mean: form.scale_mean,
            },
            given: Given {
                leaf: form.leaf.is_some(),
                weight: form.weight.is_some(),
                scored: form.scored.is_some(),
                critical: form.critical.is_some(),
            },
        })
    }
}

/// A report's top-level fields, as the document holds them.
#[derive(Deserialize)]
#[serde(expecting = "struct ReportDocument", deny_unknown_fields)]
struct ReportForm {
    #[serde(rename = "$schema", default)]
    schema: Option<String>,
    framework: ReportedFramework,
    subject: Subject,
    #[serde(default)]
    qualitative: Option<bool>,
    total: OutcomeDocument,
    #[serde(default)]
    band: Option<Id>,
    #[serde(default)]
    band_capped: Option<bool>,
    #[serde(default)]
    low_coverage: Option<bool>,
    nodes: Vec<NodeDocument>,
    #[serde(default)]
    risks: Option<Vec<FindingDocument>>,
    #[serde(default)]
    strengths: Option<Vec<FindingDocument>>,
    #[serde(default)]
    findings: Vec<DeclaredFinding>,
    #[serde(default)]
    facets: Option<Vec<FacetDocument>>,
}

impl<'de> Deserialize<'de> for ReportDocument {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<ReportDocument, D::Error> {
        let form = ReportForm::deserialize(deserializer)?;
        let given = GivenTop {
            qualitative: form.qualitative.is_some(),
            band_capped: form.band_capped.is_some(),
            low_coverage: form.low_coverage.is_some(),
            risks: form.risks.is_some(),
            strengths: form.strengths.is_some(),
            facets: form.facets.is_some(),
        };
        Ok(ReportDocument {
            schema: form.schema,
            framework: form.framework,
            subject: form.subject,
            qualitative: form.qualitative.unwrap_or(false),
            total: form.total,
            band: form.band,
            band_capped: form.band_capped.unwrap_or(false),
            low_coverage: form.low_coverage.unwrap_or(false),
            nodes: form.nodes,
            risks: form.risks.unwrap_or_default(),
            strengths: form.strengths.unwrap_or_default(),
            findings: form.findings,
            facets: form.facets.unwrap_or_default(),
            given,
        })
    }
}
