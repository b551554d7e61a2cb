//! The fast path for batch users: an assessment bound once to dense,
//! index-addressed leaf values, and totals computed from them without any
//! lookup.

use super::aggregate::{Mode, NOT_APPLICABLE, Scratch};
use super::compile::Compiled;
use crate::{Assessment, MissingPolicy, Scorer};

use crate::ValidationError;

/// An assessment's ratings bound to a [`Scorer`]'s leaves: one value per
/// leaf, in definition order.
///
/// Each value is the leaf's normalised score in [0, 1] (rule 1), `NaN`
/// when the leaf has no rating, or a negative number (−1) when it is not
/// applicable (rule 2). Only [`Scorer::bind`] makes one, so every value is
/// on its leaf's scale.
#[derive(Debug, Clone, PartialEq)]
pub struct DenseRatings {
    values: Vec<f64>,
    qualitative: bool,
}

impl DenseRatings {
    /// The values, one per leaf in definition order (see the type's docs
    /// for the encoding).
    pub fn values(&self) -> &[f64] {
        &self.values
    }

    /// Whether the assessment rates no applicable leaf (rule 12): its
    /// totals are `None`.
    pub fn is_qualitative(&self) -> bool {
        self.qualitative
    }

    /// Whether leaf `leaf` (an index in definition order) is rated
    /// applicable.
    pub fn is_rated(&self, leaf: usize) -> bool {
        self.values.get(leaf).is_some_and(|v| *v >= 0.0)
    }

    /// Whether leaf `leaf` is not applicable.
    pub fn is_not_applicable(&self, leaf: usize) -> bool {
        self.values.get(leaf).is_some_and(|v| *v == NOT_APPLICABLE)
    }
}

impl Compiled {
    pub(crate) fn mode(&self, qualitative: bool) -> Mode {
        Mode {
            missing_zero: self.framework.rules.missing == MissingPolicy::Zero && !qualitative,
            min_coverage: self.framework.rules.min_coverage,
        }
    }
}

impl Scorer {
    /// Checks `assessment` and binds its ratings to this framework's
    /// leaves, once; [`Scorer::total_dense`] then scores it without
    /// lookups.
    ///
    /// # Errors
    ///
    /// [`ValidationError`] with every problem [`Scorer::validate`] finds.
    ///
    /// # Examples
    ///
    /// ```
    /// use assessment_model::{Assessment, Framework, RatingValue, Scorer, Scratch, Subject};
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
    /// let dense = scorer.bind(&assessment)?;
    /// assert!(dense.values()[1].is_nan()); // "b" has no rating
    /// let mut scratch = Scratch::new();
    /// assert_eq!(scorer.total_dense(&dense, &mut scratch), Some(1.0));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn bind(&self, assessment: &Assessment) -> Result<DenseRatings, ValidationError> {
        let c = self.compiled();
        let binding = c.bind(assessment);
        if !binding.issues.is_empty() {
            return Err(ValidationError::new(binding.issues));
        }
        Ok(DenseRatings {
            values: binding.values,
            qualitative: binding.qualitative,
        })
    }

    /// The total score of bound ratings: the same number as
    /// `score(..)?.total().score()`, without lookups, and without
    /// allocation once `scratch` has grown to the framework's size.
    ///
    /// `None` when the total has no score (rules 4, 6, 12), or when
    /// `ratings` were bound by a scorer with another number of leaves.
    ///
    /// When every group aggregates by weighted mean and no `min_coverage`
    /// is set, the total takes a compiled plan that computes only the
    /// means (no counts, coverage or flat sums), each group over one
    /// contiguous slice; otherwise the general pass. Both give the same
    /// bits.
    pub fn total_dense(&self, ratings: &DenseRatings, scratch: &mut Scratch) -> Option<f64> {
        let compiled = self.compiled();
        if ratings.qualitative || ratings.values.len() != compiled.leaves() {
            return None;
        }
        let mode = compiled.mode(false);
        match &compiled.plan {
            Some(plan) => plan.total(&ratings.values, mode.missing_zero, &mut scratch.slots),
            None => {
                compiled.evaluate(&ratings.values, mode, scratch);
                scratch.group_score(0)
            }
        }
    }

    /// The total score of `assessment` alone, without building a report.
    ///
    /// # Errors
    ///
    /// [`ValidationError`] as for [`Scorer::score`].
    pub fn total(&self, assessment: &Assessment) -> Result<Option<f64>, ValidationError> {
        let dense = self.bind(assessment)?;
        Ok(self.total_dense(&dense, &mut Scratch::new()))
    }
}
