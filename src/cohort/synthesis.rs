//! [`Synthesis`]: common findings across several consolidated peer reviews
//! of one framework (IMPART: the network drew common findings across ten
//! projects in seven states, source `002`).

use serde::{Deserialize, Serialize};

use super::{Cohort, CohortStats, share_in_range};
use crate::model::id::Id;
use crate::model::issue::{ValidationError, pointer};
use crate::review::consolidate::Consolidated;
use crate::scorer::Scorer;

/// A criterion that is a risk in at least a given share of a cohort's
/// members.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct CommonRisk {
    /// The criterion's id.
    pub criterion: Id,
    /// How many members (reviews) have it as a risk.
    pub members: u64,
    /// `members` over the cohort's size, in [0, 1].
    pub share: f64,
}

/// The synthesis of several consolidated peer reviews under one framework:
/// the cohort of their consolidated assessments, its statistics, and the
/// criteria that are risks in at least a given share of the reviews.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Synthesis {
    /// The cohort of the reviews' consolidated assessments (for
    /// [`Cohort::weakest`]; grouped by the attributes asked for).
    pub cohort: Cohort,
    /// The cohort's statistics.
    pub stats: CohortStats,
    /// The criteria that are a risk in at least the share of reviews asked
    /// for, in definition order.
    pub common_risks: Vec<CommonRisk>,
}

impl Synthesis {
    /// Scores every review's consolidated assessment with `scorer`, gathers
    /// them in a cohort with a grouping by each of `groupings` (subject
    /// attributes, see [`Cohort::with_grouping`]), and
    /// lists the criteria that are risks in at least `min_share` of them.
    ///
    /// # Errors
    ///
    /// [`ValidationError`], its paths into
    /// `{"reviews": [<consolidated>…], "min_share": <min_share>}`:
    /// `threshold-out-of-range` at `/min_share` when `min_share` is not in
    /// [0, 1]; the scorer's issues at `/reviews/<i>/assessment…` when the
    /// `i`-th consolidated assessment cannot be scored (e.g. a review of
    /// another framework: `framework-mismatch` at
    /// `/reviews/<i>/assessment/framework`).
    pub fn new(
        scorer: &Scorer,
        reviews: &[Consolidated],
        groupings: &[&str],
        min_share: f64,
    ) -> Result<Synthesis, ValidationError> {
        share_in_range(min_share)?;
        let mut cohort = groupings
            .iter()
            .fold(Cohort::new(scorer), |c, a| c.with_grouping(*a));
        for (i, review) in reviews.iter().enumerate() {
            cohort
                .push_assessment(&review.assessment)
                .map_err(|e| e.under(&pointer(&pointer("/reviews", i), "assessment")))?;
        }
        let common_risks = cohort.common_risks(min_share)?;
        let stats = cohort.stats();
        Ok(Synthesis {
            cohort,
            stats,
            common_risks,
        })
    }
}
