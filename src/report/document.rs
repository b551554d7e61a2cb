//! The JSON form of a [`Report`] ([`ReportDocument`], [SPEC](crate::spec)
//! §3.10) and the way back: [`crate::Scorer::read_report`], which accepts a
//! document only when it is what the scorer gives for its ratings.
//!
//! A report is written for a dashboard: each node names its parent, the
//! framework its title and its version as `1.0.0`, and defaults
//! (`weight: 1`, `scored: true`, `false` flags, empty lists) are left out.

use serde::de::Deserializer;
use serde::{Deserialize, Serialize, Serializer};

use super::views::{NodeScore, Outcome};
use super::{Counts, Report};
use crate::core::interpret::NoScore;
use crate::model::assessment::{DeclaredFinding, Subject};
use crate::model::id::Id;
use crate::model::scale::RatingValue;

/// A [`Report`] as its JSON form holds it: plain data, for reading a
/// report back ([`crate::Scorer::read_report`]) or for tools that process the
/// JSON. [`Report`] serialises to this form. An unknown field is refused
/// at every depth.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(title = "Report"))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ReportDocument {
    /// The JSON Schema the document names (`"$schema"`), for editors; kept
    /// on a round trip, otherwise ignored.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// The framework scored against.
    pub framework: ReportedFramework,
    /// What was assessed.
    pub subject: Subject,
    /// True when the assessment rates no applicable leaf (rule 12).
    #[serde(
        default,
        skip_serializing_if = "crate::model::form::defaults::is_false"
    )]
    pub qualitative: bool,
    /// The outcome for the whole framework.
    pub total: OutcomeDocument,
    /// The total's band after `critical_caps_band` (rule 8).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub band: Option<Id>,
    /// Whether a critical risk lowered the total's band.
    #[serde(
        default,
        skip_serializing_if = "crate::model::form::defaults::is_false"
    )]
    pub band_capped: bool,
    /// Whether the total rests on little evidence ([`Report::low_coverage`]).
    #[serde(
        default,
        skip_serializing_if = "crate::model::form::defaults::is_false"
    )]
    pub low_coverage: bool,
    /// Every criterion, in definition (pre-)order.
    pub nodes: Vec<NodeDocument>,
    /// The computed risks (rule 8).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub risks: Vec<FindingDocument>,
    /// The computed strengths (rule 8).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub strengths: Vec<FindingDocument>,
    /// The findings the assessor declared.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub findings: Vec<DeclaredFinding>,
    /// Every facet value's score (rule 9).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub facets: Vec<FacetDocument>,
    /// Which fields with a default the document read gave.
    #[serde(skip)]
    pub(crate) given: GivenTop,
}

/// Which of a report's top-level fields with a default the document read
/// gave, even at the default (see [`Given`]).
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct GivenTop {
    pub(crate) qualitative: bool,
    pub(crate) band_capped: bool,
    pub(crate) low_coverage: bool,
    pub(crate) risks: bool,
    pub(crate) strengths: bool,
    pub(crate) facets: bool,
}

impl PartialEq for GivenTop {
    fn eq(&self, _: &GivenTop) -> bool {
        true
    }
}

/// The framework a report is of: id, exact version (written `1.0.0`) and
/// title.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ReportedFramework {
    /// The framework's id.
    pub id: Id,
    /// Its version.
    #[cfg_attr(
        feature = "schema",
        schemars(with = "crate::model::form::version_schema::SemVer")
    )]
    pub version: semver::Version,
    /// Its title.
    pub title: String,
}

/// One criterion of a [`ReportDocument`], its outcome's fields beside its
/// own. An unknown field is refused here as in every part of a report.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
#[non_exhaustive]
pub struct NodeDocument {
    /// The criterion's id.
    pub id: Id,
    /// Its parent's id; absent for a top-level criterion.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<Id>,
    /// Its title.
    pub title: String,
    /// Its depth: top-level criteria have depth 1.
    pub depth: usize,
    /// Whether it is a leaf.
    #[serde(
        default,
        skip_serializing_if = "crate::model::form::defaults::is_false"
    )]
    pub leaf: bool,
    /// Its weight in its parent's aggregate; 1 when absent.
    #[serde(
        default = "crate::model::form::defaults::one",
        skip_serializing_if = "crate::model::form::defaults::is_one"
    )]
    pub weight: f64,
    /// Whether it counts in its parent's aggregate; true when absent.
    #[serde(
        default = "crate::model::form::defaults::yes",
        skip_serializing_if = "crate::model::form::defaults::is_true"
    )]
    pub scored: bool,
    /// Whether a low score is a risk.
    #[serde(
        default,
        skip_serializing_if = "crate::model::form::defaults::is_false"
    )]
    pub critical: bool,
    /// At a leaf: the rating given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rating: Option<RatingValue>,
    /// Why it is not applicable (a profile's reason or the rating's note).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_applicable: Option<String>,
    /// What scoring measured.
    #[serde(flatten)]
    pub outcome: OutcomeDocument,
    /// Which fields with a default the document read gave.
    #[serde(skip)]
    pub(crate) given: Given,
}

/// Which of a node's fields with a default (`leaf`, `weight`, `scored`,
/// `critical`) a document read gave, even at the default, so that a
/// difference there is reported at the field when the document has it and
/// at the node when it does not. Not part of the document's value: any two
/// compare equal.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Given {
    pub(crate) leaf: bool,
    pub(crate) weight: bool,
    pub(crate) scored: bool,
    pub(crate) critical: bool,
}

impl PartialEq for Given {
    fn eq(&self, _: &Given) -> bool {
        true
    }
}

/// What scoring measured at one node of a [`ReportDocument`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct OutcomeDocument {
    /// The normalised score in [0, 1].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<f64>,
    /// Why there is no score.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub no_score: Option<NoScore>,
    /// Rated applicable leaves / applicable leaves.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coverage: Option<f64>,
    /// Leaf counts.
    pub counts: Counts,
    /// The band, by id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub band: Option<Id>,
    /// The mean in scale units (rule 11).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scale_mean: Option<ScaleMeanDocument>,
}

/// A mean in a scale's units, in a [`ReportDocument`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ScaleMeanDocument {
    /// The scale's id.
    pub scale: Id,
    /// The mean, in the scale's units.
    pub value: f64,
}

/// A computed risk or strength, in a [`ReportDocument`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct FindingDocument {
    /// The criterion.
    pub criterion: Id,
    /// Its score.
    pub score: f64,
    /// The threshold that made it a finding.
    pub threshold: f64,
}

/// A facet value's score, in a [`ReportDocument`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct FacetDocument {
    /// The facet's id.
    pub facet: Id,
    /// The value's id.
    pub value: Id,
    /// The score.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<f64>,
    /// Leaf counts over the leaves that carry the value.
    pub counts: Counts,
}

impl Report {
    /// The report's JSON form as plain data: what `serde` writes.
    pub fn to_document(&self) -> ReportDocument {
        let finding = |f: crate::report::views::Finding<'_>| FindingDocument {
            criterion: f.criterion.clone(),
            score: f.score,
            threshold: f.threshold,
        };
        ReportDocument {
            schema: self.schema.clone(),
            framework: ReportedFramework {
                id: self.compiled.framework.id.clone(),
                version: self.compiled.framework.version.clone(),
                title: self.compiled.framework.title.clone(),
            },
            subject: self.subject.clone(),
            qualitative: self.qualitative,
            total: outcome_document(self.total()),
            band: self.band().cloned(),
            band_capped: self.band_capped,
            low_coverage: self.low_coverage,
            nodes: self.nodes().map(node_document).collect(),
            risks: self.risks().into_iter().map(finding).collect(),
            strengths: self.strengths().into_iter().map(finding).collect(),
            findings: self.findings.clone(),
            facets: self
                .facets()
                .into_iter()
                .map(|f| FacetDocument {
                    facet: f.facet.clone(),
                    value: f.value.clone(),
                    score: f.score,
                    counts: f.counts,
                })
                .collect(),
            given: GivenTop::default(),
        }
    }
}

fn node_document(node: NodeScore<'_>) -> NodeDocument {
    NodeDocument {
        id: node.id().clone(),
        parent: node.parent().cloned(),
        title: node.title().to_string(),
        depth: node.depth(),
        leaf: node.is_leaf(),
        weight: node.weight(),
        scored: node.is_scored(),
        critical: node.is_critical(),
        rating: node.rating().cloned(),
        not_applicable: node.not_applicable().map(str::to_string),
        outcome: outcome_document(node.outcome()),
        given: Given::default(),
    }
}

fn outcome_document(outcome: Outcome<'_>) -> OutcomeDocument {
    OutcomeDocument {
        score: outcome.score(),
        no_score: outcome.no_score(),
        coverage: outcome.coverage(),
        counts: outcome.counts(),
        band: outcome.band().cloned(),
        scale_mean: outcome.scale_mean().map(|m| ScaleMeanDocument {
            scale: m.scale.clone(),
            value: m.value,
        }),
    }
}

impl Serialize for Report {
    /// Writes [`Report::to_document`].
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.to_document().serialize(serializer)
    }
}

// How a [`ReportDocument`] is read: its nodes as one struct of the node's
// fields and its outcome's, which refuses a field it does not know, and at
// every level a note of which fields with a default the document gave
// ([`Given`], [`GivenTop`]), for paths of differences that resolve.
//
// A node's outcome is written flattened into the node (`{"id": …,
// "score": …, "counts": …}`). Serde's `flatten` cannot be combined with
// `deny_unknown_fields`, and it buffers the node's content, so an unknown
// field inside a node was ignored and a path below it stopped at the node.
// Read as [`NodeForm`], an unknown field is `unknown-field` at its own
// path (`/nodes/3/extra`) and every error below is at its own path too,
// as everywhere else in a report.

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
