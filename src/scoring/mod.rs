//! Scoring: [`Scorer`] (a framework validated and compiled for fast
//! scoring), [`Report`], improvement [`Priority`]s and batches of totals
//! ([`RatingsTable`]) ([SPEC](crate::spec) §5).
//!
//! The rules and where the crate's policy differs from OpenSCAP's are
//! documented on [`Scorer`].

mod check;
pub(crate) mod compile;
mod display;
pub use display::LocalizedReport;
pub(crate) mod document;
mod evaluate;
pub(crate) mod interpret;
pub(crate) mod priorities;
pub(crate) mod program;
mod read;
pub(crate) mod report;
mod table;
pub(crate) mod views;
mod whatif;

use std::sync::Arc;

use crate::model::framework::Framework;
use crate::model::issue::ValidationError;

pub use document::{
    FacetDocument, FindingDocument, NodeDocument, OutcomeDocument, ReportDocument,
    ReportedFramework, ScaleMeanDocument,
};
pub use interpret::{LeafValue, NoScore};
pub use report::{Counts, Priority, Report};
pub use table::RatingsTable;
pub use views::{FacetScore, Finding, NodeScore, Outcome, ScaleMean};

/// A framework validated and compiled for fast scoring: the proof of
/// validity that scoring relies on ([SPEC](crate::spec) §6.1).
///
/// Compiling turns the tree into one flat program: the groups in
/// post-order, each with its members' range, weights, method and flags,
/// every id resolved to an index once. One interpreter evaluates it for
/// everything that scores: a report, a total, a batch of totals
/// ([`Scorer::totals`], several assessments side by side), priorities,
/// bounds and uncertainty samples, so each rule below is written once.
/// `Scorer` is `Send + Sync` and cheap to clone (the compiled form is
/// shared behind an `Arc`).
///
/// The rules, by number as [SPEC](crate::spec) §5 gives them (rule *N* is
/// §5.*N*), in short:
///
/// 1. leaf normalisation ([`crate::Scale::normalise`]); a rating off its
///    scale (NaN and infinities included) is an error (`rating-off-scale`), never
///    clamped;
/// 2. not-applicable leaves (rated so, or marked so by a profile on the
///    leaf or an ancestor: `Criterion::not_applicable`, whose reason the
///    report carries) are left out as if absent; a group whose leaves all
///    are is not applicable;
/// 3. missing ratings follow [`crate::MissingPolicy`]; `Error` lists every
///    missing leaf;
/// 4. unscored criteria are scored and reported but left out of their
///    parent; nothing to aggregate gives `None` ([`NoScore`]);
/// 5. [`crate::Aggregation`], per framework with per-criterion override;
/// 6. coverage = rated applicable leaves / applicable leaves, unscored
///    leaves included, under every missing policy; `min_coverage` applies
///    to groups and the total (a leaf's coverage is 0 or 1, and rule 3
///    already decides what a missing leaf counts as);
/// 7. bands: the band with the highest `from` at or below the score;
/// 8. risks (critical and below `risk_below`), strengths (at or above
///    `strength_at`, leaves included), the assessor's findings as given;
///    `critical_caps_band` lowers the total's band, never the score;
/// 9. facet views: tags inherited down the tree; effective weight = the
///    product along the root path of `weight / Σ weights of the scored
///    siblings` (itself included); an unscored criterion's share is 0, as
///    it is out of its parent's aggregate; only rated applicable leaves
///    count (a missing leaf does not, even under `Zero`);
/// 10. priorities ([`Scorer::priorities`]): exact, by re-scoring;
/// 11. the mean in scale units ([`ScaleMean`]) where every leaf below a
///     node is on one ordinal or numeric scale;
/// 12. an assessment that rates no applicable leaf is qualitative: no
///     scores, findings and coverage only;
/// 13. determinism: definition order everywhere; the same inputs give
///     bit-identical reports.
///
/// # Where this differs from OpenSCAP
///
/// The XCCDF 1.2 models (`default`, `flat`, `flat-unweighted`, `absolute`)
/// are computed as OpenSCAP's `xccdf_result_calculate_score` computes them
/// for every rated tree, scaled to [0, 1] instead of [0, 100] (flat: score / maximum). The
/// policies differ where nothing counts:
///
/// - a group (or benchmark) with nothing to aggregate — every rule not
///   applicable or unscored — scores 0 in OpenSCAP's default model and 1
///   in its absolute model; here it has no score (`None`, rule 4);
/// - a group whose counted children all have weight 0 scores 0 in
///   OpenSCAP's default model and still counts in its parent; here it has
///   no score and its parent goes on without it.
///
/// `FlatUnweighted` takes every leaf weight that is not 0 as 1 and leaves
/// a weight-0 leaf out, as the XCCDF 1.2 specification says (NISTIR 7275r4
/// §7.3.2.4: "items with weights of 0 remain 0"); OpenSCAP's code counts a
/// weight-0 leaf as 1, so a benchmark with weight-0 rules scores
/// differently there. `Flat` ignores group weights, as OpenSCAP does; under
/// both flat models a group between a leaf and the flat node that merely
/// has no score of its own (every child weight 0, say) still passes its
/// leaves up.
///
/// # Examples
///
/// ```
/// use assessment_model::{Assessment, Framework, RatingValue, Scorer, Subject};
///
/// let framework: Framework = serde_json::from_str(r#"{
///     "id": "tiny", "version": "1.0.0", "title": "Tiny",
///     "scales": { "tick": { "type": "binary" } },
///     "criteria": [
///         { "id": "a", "title": "First", "scale": "tick" },
///         { "id": "b", "title": "Second", "scale": "tick" }
///     ]
/// }"#)?;
/// let scorer = Scorer::new(&framework)?;
/// let mut assessment = Assessment::new(framework.exact_ref(), Subject::new("P"));
/// assessment.rate("a", RatingValue::Met)?;
/// assessment.rate("b", RatingValue::NotMet)?;
/// assert_eq!(scorer.total(&assessment)?, Some(0.5));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct Scorer {
    inner: Arc<compile::Compiled>,
}

impl Scorer {
    /// Validates `framework` ([`Framework::validate`]) and compiles it.
    ///
    /// # Errors
    ///
    /// [`ValidationError`] with every issue when the framework is invalid.
    pub fn new(framework: &Framework) -> Result<Scorer, ValidationError> {
        let tree = crate::check::validate::Tree::new(framework);
        crate::check::validate::check(framework, &tree).map_err(ValidationError::new)?;
        let compiled = compile::Compiled::new(framework, tree);
        Ok(Scorer {
            inner: Arc::new(compiled),
        })
    }

    /// The framework this scorer was compiled from.
    pub fn framework(&self) -> &Framework {
        &self.inner.framework
    }

    /// The number of leaves: the width of a [`RatingsTable`] row for this
    /// framework.
    pub fn leaf_count(&self) -> usize {
        self.inner.leaves()
    }

    pub(crate) fn compiled(&self) -> &compile::Compiled {
        &self.inner
    }

    /// The compiled framework as reports share it.
    pub(crate) fn shared(&self) -> &Arc<compile::Compiled> {
        &self.inner
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scorer_is_send_sync_clone() {
        fn assert_traits<T: Send + Sync + Clone>() {}
        assert_traits::<Scorer>();
        assert_traits::<Report>();
        assert_traits::<RatingsTable>();
    }
}
