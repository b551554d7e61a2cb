//! The fast path for batch users: an assessment bound once to dense,
//! index-addressed leaf values, and totals computed from them without any
//! lookup.

use super::aggregate::{Mode, NOT_APPLICABLE, Scratch};
use super::compile::Compiled;
use crate::model::assessment::Assessment;
use crate::model::issue::{Issue, IssueKind, ValidationError, pointer};
use crate::model::rules::MissingPolicy;
use crate::model::scale::RatingValue;
use crate::scoring::Scorer;

/// An assessment's ratings bound to a [`Scorer`]'s leaves: one value per
/// leaf, in definition order.
///
/// Each value is the leaf's normalised score in [0, 1] (rule 1), `NaN`
/// when the leaf has no rating, or a negative number (−1) when it is not
/// applicable (rule 2). Only binding gives one values ([`Scorer::bind`],
/// [`Scorer::bind_leaves`]), so every value is on its leaf's scale;
/// `DenseRatings::default()` is an empty one to bind into
/// ([`Scorer::bind_leaves_into`]), with no total.
#[derive(Debug, Clone, Default, PartialEq)]
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
        let mut dense = DenseRatings {
            values,
            ..DenseRatings::default()
        };
        dense.found(qualitative);
        dense
    }

    /// Records what binding found of the values it gave: whether they are
    /// qualitative, and whether every leaf is rated applicable.
    fn found(&mut self, qualitative: bool) {
        self.qualitative = qualitative;
        self.complete = self.values.iter().all(|v| *v >= 0.0);
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
        let mut dense = DenseRatings::default();
        self.bind_leaves_into(ratings, &mut dense)?;
        Ok(dense)
    }

    /// [`Scorer::bind_leaves`] into `dense`, reusing its memory: a batch
    /// that binds row after row into one `DenseRatings` allocates nothing
    /// once it has grown to the framework's size.
    ///
    /// # Errors
    ///
    /// As [`Scorer::bind_leaves`]; `dense` is then left with no values, so
    /// that [`Scorer::total_dense`] gives `None` for it.
    ///
    /// # Examples
    ///
    /// ```
    /// use assessment_model::{DenseRatings, Framework, RatingValue, Scorer, Scratch};
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
    /// let (mut dense, mut scratch) = (DenseRatings::default(), Scratch::new());
    /// let rows = [[Some(RatingValue::Met), None], [Some(RatingValue::NotMet), Some(RatingValue::Met)]];
    /// let mut totals = Vec::new();
    /// for row in &rows {
    ///     scorer.bind_leaves_into(row, &mut dense)?;
    ///     totals.push(scorer.total_dense(&dense, &mut scratch));
    /// }
    /// assert_eq!(totals, [Some(1.0), Some(0.5)]);
    /// assert!(scorer.bind_leaves_into(&[None], &mut dense).is_err());
    /// assert_eq!(scorer.total_dense(&dense, &mut scratch), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn bind_leaves_into(
        &self,
        ratings: &[Option<RatingValue>],
        dense: &mut DenseRatings,
    ) -> Result<(), ValidationError> {
        self.bind_by_position(ratings, dense, |c, leaf, rating, issues| {
            let Some(value) = rating else {
                return c.unrated(leaf);
            };
            c.bound(leaf, value).unwrap_or_else(|| {
                issues.extend(c.off_scale(leaf, value, pointer("", leaf)));
                f64::NAN
            })
        })
    }

    /// Binds ratings given as numbers by position, one per leaf in
    /// definition order, into `dense` as [`Scorer::bind_leaves_into`]
    /// binds ratings: NaN is a leaf without a rating, `not_applicable` a
    /// leaf rated not applicable, and any other number the rating it
    /// stands for on the leaf's scale ([`crate::Scale::rating_of_code`]:
    /// binary 1 met and 0 not met, an ordinal level's value, a numeric
    /// scale's number). For ratings held as a table of numbers (the Python
    /// binding's arrays); the totals have the same bits as those of the
    /// assessment with the same ratings.
    ///
    /// A code equal to `not_applicable` is read as not applicable before it
    /// is read as a rating: choose a number no leaf admits (minus infinity
    /// is one, as a rating is finite).
    ///
    /// # Errors
    ///
    /// As [`Scorer::bind_leaves`], a `rating-off-scale` naming the rating
    /// the number stands for; `dense` is then left with no values.
    ///
    /// # Examples
    ///
    /// ```
    /// use assessment_model::{DenseRatings, Framework, Scorer, Scratch};
    ///
    /// let framework: Framework = serde_json::from_str(r#"{
    ///     "id": "tiny", "version": "1.0.0", "title": "Tiny",
    ///     "scales": { "tick": { "type": "binary" } },
    ///     "criteria": [
    ///         { "id": "a", "title": "First", "scale": "tick" },
    ///         { "id": "b", "title": "Second", "scale": "tick" },
    ///         { "id": "c", "title": "Third", "scale": "tick" }
    ///     ]
    /// }"#)?;
    /// let scorer = Scorer::new(&framework)?;
    /// let mut dense = DenseRatings::default();
    /// scorer.bind_codes_into(&[1.0, f64::NAN, f64::NEG_INFINITY], f64::NEG_INFINITY, &mut dense)?;
    /// assert_eq!(scorer.total_dense(&dense, &mut Scratch::new()), Some(1.0));
    /// let off = scorer.bind_codes_into(&[1.0, 0.5, 0.0], f64::NEG_INFINITY, &mut dense).unwrap_err();
    /// assert_eq!(off.issues()[0].path, "/1");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn bind_codes_into(
        &self,
        codes: &[f64],
        not_applicable: f64,
        dense: &mut DenseRatings,
    ) -> Result<(), ValidationError> {
        self.bind_by_position(codes, dense, |c, leaf, &code, issues| {
            c.bound_code(leaf, code, not_applicable).unwrap_or_else(|| {
                let rating = c.scale_of_leaf(leaf).map(|(_, s)| s.rating_of_code(code));
                let rating = rating.unwrap_or(RatingValue::Number(code));
                issues.extend(c.off_scale(leaf, &rating, pointer("", leaf)));
                f64::NAN
            })
        })
    }

    /// The one binder of ratings given by position: `value` gives each
    /// leaf's dense value (pushing what it refuses to the issues); then
    /// rules 12 and 3 as [`Scorer::bind`] applies them. On error `dense`
    /// is left empty.
    fn bind_by_position<T>(
        &self,
        items: &[T],
        dense: &mut DenseRatings,
        mut value: impl FnMut(&Compiled, usize, &T, &mut Vec<Issue>) -> f64,
    ) -> Result<(), ValidationError> {
        let c = self.compiled();
        dense.values.clear();
        dense.qualitative = false;
        if items.len() != c.leaves() {
            let message = format!("{} ratings for {} leaves", items.len(), c.leaves());
            let kind = IssueKind::InvalidDocument { message };
            return Err(ValidationError::new(vec![Issue::new("", kind)]));
        }
        let mut issues = Vec::new();
        let values = items.iter().enumerate();
        dense
            .values
            .extend(values.map(|(leaf, item)| value(c, leaf, item, &mut issues)));
        let qualitative =
            c.qualitative_or_missing(&dense.values, |leaf| pointer("", leaf), &mut issues);
        if !issues.is_empty() {
            dense.values.clear();
            return Err(ValidationError::new(issues));
        }
        dense.found(qualitative);
        Ok(())
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
