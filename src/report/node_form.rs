//! How a [`NodeDocument`] is read: as one struct of the node's fields and
//! its outcome's, which refuses a field it does not know.
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
use super::document::{NodeDocument, OutcomeDocument, ScaleMeanDocument};
use crate::core::interpret::NoScore;
use crate::model::id::Id;
use crate::model::scale::RatingValue;

/// A node's fields and its outcome's, as the document holds them (the
/// defaults are [`NodeDocument`]'s).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NodeForm {
    id: Id,
    #[serde(default)]
    parent: Option<Id>,
    title: String,
    depth: usize,
    #[serde(default)]
    leaf: bool,
    #[serde(default = "crate::model::form::defaults::one")]
    weight: f64,
    #[serde(default = "crate::model::form::defaults::yes")]
    scored: bool,
    #[serde(default)]
    critical: bool,
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
            leaf: form.leaf,
            weight: form.weight,
            scored: form.scored,
            critical: form.critical,
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
        })
    }
}
