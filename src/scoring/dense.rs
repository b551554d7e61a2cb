//! The fast path for batch users: an assessment bound once to dense,
//! index-addressed leaf values, and totals computed from them without any
//! lookup.

use super::aggregate::{Mode, NOT_APPLICABLE, Scratch};
use super::compile::{Compiled, NONE};
use crate::{Assessment, Issue, IssueKind, MissingPolicy, RatingValue, Scorer, pointer};

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
    /// Every leaf is rated applicable (none missing or not applicable):
    /// the mean plan's fast case.
    complete: bool,
}

impl DenseRatings {
    /// Bound values and whether they are qualitative (rule 12), as the
    /// binding found them.
    fn new(values: Vec<f64>, qualitative: bool) -> DenseRatings {
        let complete = values.iter().all(|v| *v >= 0.0);
        DenseRatings {
            values,
            qualitative,
            complete,
        }
    }

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
        Ok(DenseRatings::new(binding.values, binding.qualitative))
    }

    /// Binds ratings given by position — one per leaf in definition order
    /// ([`crate::Framework::leaves`]), `None` for a leaf without a rating —
    /// as [`Scorer::bind`] binds an assessment's: each normalised on its
    /// leaf's scale by [`crate::Scale::normalise`], a leaf the framework
    /// marks not applicable kept so, rules 3 and 12 applied. For callers
    /// that hold ratings as a table rather than as [`Assessment`]s (the
    /// Python binding's batch path); the totals have the same bits as
    /// those of the assessment with the same ratings.
    ///
    /// # Errors
    ///
    /// [`ValidationError`] with every problem: `invalid-document` at the
    /// root when `ratings` does not have one entry per leaf;
    /// `rating-off-scale` at `/{leaf index}`; `missing-rating` at
    /// `/{leaf index}` under [`MissingPolicy::Error`].
    ///
    /// # Examples
    ///
    /// ```
    /// use assessment_model::{Framework, RatingValue, Scorer, Scratch};
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
    /// let dense = scorer.bind_leaves(&[Some(RatingValue::Met), Some(RatingValue::NotMet)])?;
    /// assert_eq!(scorer.total_dense(&dense, &mut Scratch::new()), Some(0.5));
    /// let off = scorer.bind_leaves(&[Some(RatingValue::Number(2.0)), None]).unwrap_err();
    /// assert_eq!(off.issues()[0].path, "/0");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn bind_leaves(
        &self,
        ratings: &[Option<RatingValue>],
    ) -> Result<DenseRatings, ValidationError> {
        let c = self.compiled();
        if ratings.len() != c.leaves() {
            let message = format!("{} ratings for {} leaves", ratings.len(), c.leaves());
            let kind = IssueKind::InvalidDocument { message };
            return Err(ValidationError::new(vec![Issue::new("", kind)]));
        }
        let mut issues = Vec::new();
        let mut values = Vec::with_capacity(ratings.len());
        for (leaf, rating) in ratings.iter().enumerate() {
            let node = c.leaf_node.get(leaf).map_or(0, |&n| n as usize);
            let marked = c.na_from.get(node).is_some_and(|&n| n != NONE);
            let normalised = match rating {
                None => Some(f64::NAN),
                Some(RatingValue::NotApplicable) => Some(NOT_APPLICABLE),
                Some(v) => c.scale_of_leaf(leaf).and_then(|(_, s)| s.normalise(v)),
            };
            match (normalised, rating) {
                (Some(_), _) if marked => values.push(NOT_APPLICABLE),
                (Some(x), _) => values.push(x),
                (None, Some(value)) => {
                    values.push(f64::NAN);
                    if let (Some(id), Some((scale_id, scale))) = (c.id(node), c.scale_of_leaf(leaf))
                    {
                        let kind = IssueKind::RatingOffScale {
                            id: id.to_string(),
                            value: value.to_string(),
                            scale: scale_id.to_string(),
                            expected: scale.admits(),
                        };
                        issues.push(Issue::new(pointer("", leaf), kind));
                    }
                }
                (None, None) => values.push(f64::NAN),
            }
        }
        let qualitative = !values.iter().any(|v| *v >= 0.0);
        if c.framework.rules.missing == MissingPolicy::Error && !qualitative {
            for (leaf, v) in values.iter().enumerate() {
                let node = c.leaf_node.get(leaf).map_or(0, |&n| n as usize);
                if let (true, Some(id)) = (v.is_nan(), c.id(node)) {
                    let kind = IssueKind::MissingRating { id: id.to_string() };
                    issues.push(Issue::new(pointer("", leaf), kind));
                }
            }
        }
        if !issues.is_empty() {
            return Err(ValidationError::new(issues));
        }
        Ok(DenseRatings::new(values, qualitative))
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
            Some(plan) => plan.total(
                &ratings.values,
                mode.missing_zero,
                ratings.complete,
                &mut scratch.slots,
            ),
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
