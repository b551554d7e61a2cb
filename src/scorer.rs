//! [`Scorer`]: a framework validated and compiled, and every operation on
//! it in one place: scoring an assessment into a [`Report`], its total,
//! batches ([`RatingsTable`]), priorities, checking an assessment and
//! reading a report back ([SPEC](crate::spec) §5, §6.3).
//!
//! The scorer sits on the core and the report floors: each method here is
//! a few lines that call them.

use std::sync::Arc;

use crate::check::validate::{Tree, check};
use crate::core::compile::Compiled;
use crate::core::priorities::{Priority, priorities};
use crate::core::table::{RatingsTable, total};
use crate::model::assessment::Assessment;
use crate::model::framework::Framework;
use crate::model::issue::{Issue, ValidationError, pointer};
use crate::model::work::{Gate, Meter, Observer, RunError, Unwatched, Watched, unstoppable};
use crate::report::Report;
use crate::report::bounds::{Bounds, bounds};
use crate::report::build::build;
use crate::report::document::ReportDocument;
use crate::report::read::read;

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
///    parent; nothing to aggregate gives `None` ([`NoScore`](crate::NoScore));
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
/// 11. the mean in scale units ([`ScaleMean`](crate::report::ScaleMean)) where every leaf below a
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
/// let framework: Framework = assessment_model::from_json_str(r#"{
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
    inner: Arc<Compiled>,
}

impl Scorer {
    /// Validates `framework` ([`Framework::validate`]) and compiles it.
    ///
    /// # Errors
    ///
    /// [`ValidationError`] with every issue when the framework is invalid.
    pub fn new(framework: &Framework) -> Result<Scorer, ValidationError> {
        let tree = Tree::new(framework);
        check(framework, &tree).map_err(ValidationError::new)?;
        let compiled = Compiled::new(framework, tree);
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

    /// An empty table of `rows` rows of this framework's ratings, to set
    /// row by row and total with [`Scorer::totals`].
    ///
    /// # Examples
    ///
    /// ```
    /// use assessment_model::catalog::good_practice;
    /// use assessment_model::Scorer;
    ///
    /// let scorer = Scorer::new(&good_practice::criteria())?;
    /// let table = scorer.table(1000);
    /// assert_eq!(table.rows(), 1000);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn table(&self, rows: usize) -> RatingsTable {
        RatingsTable::new(Arc::clone(&self.inner), rows)
    }

    /// Checks `assessment` against this framework (design, *Validation*):
    /// the one check of an assessment, which [`Scorer::score`] also runs.
    ///
    /// # Errors
    ///
    /// A [`ValidationError`] with every problem that keeps `assessment`
    /// from being scored, in assessment order: framework id or version not
    /// satisfied, lists and texts over their limits ([`crate::limits`]:
    /// `too-many-items`, `text-too-long`), unknown criterion ids (ratings,
    /// narratives, findings), ratings on groups, ratings off their leaf's
    /// scale and, under
    /// [`MissingPolicy::Error`](crate::MissingPolicy::Error), every missing leaf ([SPEC](crate::spec) §6.3).
    /// Paths point into the assessment: `framework-mismatch` at
    /// `/framework`; `unknown-criterion` at `/ratings/<id>`,
    /// `/narratives/<id>` or `/findings/<i>/criterion`; `rating-on-group` at
    /// `/ratings/<id>`; `rating-off-scale` at `/ratings/<id>/value`; one
    /// `missing-rating` per missing leaf at `/ratings`. Empty when it can be
    /// scored.
    ///
    /// # Examples
    ///
    /// ```
    /// use assessment_model::{Assessment, Framework, RatingValue, Scorer, Subject};
    ///
    /// let framework: Framework = assessment_model::from_json_str(r#"{
    ///     "id": "tiny", "version": "1.0.0", "title": "Tiny",
    ///     "scales": { "tick": { "type": "binary" } },
    ///     "criteria": [{ "id": "a", "title": "First", "scale": "tick" }]
    /// }"#)?;
    /// let scorer = Scorer::new(&framework)?;
    /// let mut assessment = Assessment::new(framework.exact_ref(), Subject::new("P"));
    /// assessment.rate("a", RatingValue::Met)?;
    /// scorer.validate(&assessment)?;
    ///
    /// assessment.rate("a", RatingValue::Level(2.into()))?;
    /// let err = scorer.validate(&assessment).unwrap_err();
    /// assert_eq!(err.issues()[0].code(), "rating-off-scale");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn validate(&self, assessment: &Assessment) -> Result<(), ValidationError> {
        self.inner.bind(assessment).checked().map(drop)
    }

    /// Scores `assessment`: every node's score, coverage, counts and band,
    /// the risks and strengths, the assessor's findings, the facet views and
    /// the means in scale units ([SPEC](crate::spec) §5).
    ///
    /// # Errors
    ///
    /// [`ValidationError`] with every problem [`Scorer::validate`] finds, at
    /// paths into the assessment: framework
    /// mismatch, unknown criteria, ratings on groups, ratings off scale and,
    /// under [`crate::MissingPolicy::Error`], every missing leaf.
    ///
    /// # Examples
    ///
    /// ```
    /// use assessment_model::{Assessment, Framework, RatingValue, Scorer, Subject};
    ///
    /// let framework: Framework = assessment_model::from_json_str(r#"{
    ///     "id": "tiny", "version": "1.0.0", "title": "Tiny",
    ///     "scales": { "tick": { "type": "binary" } },
    ///     "rules": { "strength_at": 1.0 },
    ///     "criteria": [
    ///         { "id": "a", "title": "First", "scale": "tick" },
    ///         { "id": "b", "title": "Second", "scale": "tick" }
    ///     ]
    /// }"#)?;
    /// let scorer = Scorer::new(&framework)?;
    /// let mut assessment = Assessment::new(framework.exact_ref(), Subject::new("P"));
    /// assessment.rate("a", RatingValue::Met)?;
    /// let report = scorer.score(&assessment)?;
    /// assert_eq!(report.total().score(), Some(1.0));
    /// assert_eq!(report.total().coverage(), Some(0.5));
    /// assert_eq!(report.strengths()[0].criterion, "a");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn score(&self, assessment: &Assessment) -> Result<Report, ValidationError> {
        build(&self.inner, assessment)
    }

    /// The total score of `assessment` alone, without building a report:
    /// `score(..)?.total().score()`.
    ///
    /// # Errors
    ///
    /// [`ValidationError`] as for [`Scorer::score`].
    ///
    /// # Examples
    ///
    /// ```
    /// use assessment_model::catalog::good_practice;
    /// use assessment_model::Scorer;
    ///
    /// let scorer = Scorer::new(&good_practice::criteria())?;
    /// let example = good_practice::worked_example();
    /// assert_eq!(scorer.total(&example)?, scorer.score(&example)?.total().score());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn total(&self, assessment: &Assessment) -> Result<Option<f64>, ValidationError> {
        let checked = self.inner.bind(assessment).checked()?;
        Ok(total(&self.inner, &checked.values))
    }

    /// The total score of every row of `table` into `out` (one per row):
    /// for each, the same number, bit for bit, as
    /// `score(..)?.total().score()` of the assessment with the same
    /// ratings; `None` where the total has no score (rules 4, 6, 12) or
    /// the row is empty.
    ///
    /// # Errors
    ///
    /// `invalid-document` at the root when `out` does not have one entry
    /// per row, or `table` was made by a scorer of another framework.
    ///
    /// # Examples
    ///
    /// ```
    /// use assessment_model::catalog::good_practice;
    /// use assessment_model::Scorer;
    ///
    /// let scorer = Scorer::new(&good_practice::criteria())?;
    /// let example = good_practice::worked_example();
    /// let mut table = scorer.table(2);
    /// table.set_assessment(0, &example)?;
    /// table.set_assessment(1, &example)?;
    /// let mut totals = vec![None; table.rows()];
    /// scorer.totals(&table, &mut totals)?;
    /// let total = scorer.score(&example)?.total().score();
    /// assert_eq!(totals, [total, total]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn totals(
        &self,
        table: &RatingsTable,
        out: &mut [Option<f64>],
    ) -> Result<(), ValidationError> {
        table.totals(&self.inner, out)
    }

    /// The total of each of `assessments`, in order, telling `observer`
    /// how far it has got and stopping when it says so ([`Observer`]): a
    /// batch whose binding and scoring may take seconds. The assessments
    /// are bound [`Scorer::BATCH_ROWS`] at a time into one reused
    /// [`RatingsTable`] and totalled with [`Scorer::totals`], so each total
    /// has the bits of `score(..)?.total().score()`. The units are
    /// assessments; the observer is told after each chunk.
    ///
    /// # Errors
    ///
    /// [`RunError::Invalid`] with every problem of every assessment that
    /// does not bind, as [`Scorer::validate`] finds them, each path
    /// prefixed with `/<index of the assessment>` (all assessments are
    /// checked: the error comes at the end); [`RunError::Stopped`] when
    /// the observer returns `false` (no totals are returned).
    ///
    /// # Examples
    ///
    /// ```
    /// use assessment_model::catalog::good_practice;
    /// use assessment_model::model::RunError;
    /// use assessment_model::Scorer;
    ///
    /// let scorer = Scorer::new(&good_practice::criteria())?;
    /// let example = good_practice::worked_example();
    /// let batch = vec![example.clone(); 3000];
    /// let totals = scorer.totals_observed(&batch, &mut |_, _| true)?;
    /// assert_eq!(totals.len(), 3000);
    /// assert_eq!(totals[2999], scorer.total(&example)?);
    ///
    /// // Stopped after the first chunk, nothing is returned.
    /// let err = scorer.totals_observed(&batch, &mut |done: u64, _| done == 0).unwrap_err();
    /// assert!(matches!(err, RunError::Stopped(s) if s.done == 1024 && s.total == 3000));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn totals_observed(
        &self,
        assessments: &[Assessment],
        observer: &mut dyn Observer,
    ) -> Result<Vec<Option<f64>>, RunError> {
        Ok(batch_totals(self, assessments, Watched(observer))??)
    }

    /// How many assessments [`Scorer::totals_observed`] binds into its
    /// table before totalling them: enough to fill many passes of the
    /// interpreter, few enough to stay in cache.
    pub const BATCH_ROWS: usize = 1024;

    /// For every applicable rated leaf below the top of its scale: the gain
    /// in the total score if that leaf alone were raised to the top (rule
    /// 10). The gain is exact for every aggregation: the total is
    /// re-scored, re-evaluating only the leaf's ancestors (the other nodes
    /// cannot change). Sorted by gain, largest first, then definition
    /// order. Empty when the total has no score (a raise cannot give it
    /// one: it changes neither coverage nor what is included).
    ///
    /// Unscored leaves, and leaves under unscored groups, are listed with
    /// gain 0.
    ///
    /// # Errors
    ///
    /// [`ValidationError`] as for [`Scorer::score`].
    ///
    /// # Examples
    ///
    /// ```
    /// use assessment_model::{Assessment, Framework, RatingValue, Scorer, Subject};
    ///
    /// let framework: Framework = assessment_model::from_json_str(r#"{
    ///     "id": "tiny", "version": "1.0.0", "title": "Tiny",
    ///     "scales": { "tick": { "type": "binary" } },
    ///     "criteria": [
    ///         { "id": "a", "title": "First", "scale": "tick" },
    ///         { "id": "b", "title": "Second", "scale": "tick", "weight": 3.0 }
    ///     ]
    /// }"#)?;
    /// let scorer = Scorer::new(&framework)?;
    /// let mut assessment = Assessment::new(framework.exact_ref(), Subject::new("P"));
    /// assessment.rate("a", RatingValue::NotMet)?;
    /// assessment.rate("b", RatingValue::NotMet)?;
    /// let gains = scorer.priorities(&assessment)?;
    /// assert_eq!(gains[0].criterion, "b");
    /// assert_eq!(gains[0].gain, 0.75);
    /// assert_eq!(gains[1].gain, 0.25);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn priorities(&self, assessment: &Assessment) -> Result<Vec<Priority>, ValidationError> {
        let checked = self.inner.bind(assessment).checked()?;
        let (block, results) = self
            .inner
            .program
            .evaluate(&checked.values, self.inner.policy());
        Ok(priorities(
            &self.inner,
            &block,
            &results,
            checked.qualitative,
        ))
    }

    /// The lowest and highest score of every node over every way of rating
    /// the missing leaves, with the current score, and per missing leaf its
    /// leverage on the total ([SPEC](crate::spec) §8.2, rule 15).
    ///
    /// The bounds are exact: the lower bound is the score with every
    /// missing applicable leaf at its scale's minimum, the upper with
    /// every one at its maximum, both computed by the core's aggregation
    /// pass with `min_coverage` not applied (see [`Bounds`] for why no
    /// completion leaves them). A fully rated
    /// assessment has `lower == upper == current` everywhere.
    ///
    /// Where `min_coverage` cuts a node out, the report (and `current`)
    /// has no score there but the bounds still do: they say what the node
    /// could score once rated. A parent then aggregates without that node
    /// now, with it in the bounds, so its `current` may lie outside its
    /// bounds.
    ///
    /// Under [`MissingPolicy::Error`](crate::MissingPolicy::Error) missing ratings are not an error
    /// here (they are what the bounds are about), and `current` is `None`
    /// while any is missing. An assessment that rates no applicable leaf
    /// (rule 12) has bounds (0 and 1 where nothing is given) and no
    /// current score.
    ///
    /// # Errors
    ///
    /// [`ValidationError`] with every problem [`Scorer::validate`] finds
    /// other than `missing-rating`.
    ///
    /// # Examples
    ///
    /// ```
    /// use assessment_model::{Assessment, Framework, RatingValue, Scorer, Subject};
    ///
    /// let framework: Framework = assessment_model::from_json_str(r#"{
    ///     "id": "tiny", "version": "1.0.0", "title": "Tiny",
    ///     "scales": { "tick": { "type": "binary" } },
    ///     "criteria": [
    ///         { "id": "a", "title": "First", "scale": "tick" },
    ///         { "id": "b", "title": "Second", "scale": "tick" },
    ///         { "id": "c", "title": "Third", "scale": "tick", "weight": 2.0 }
    ///     ]
    /// }"#)?;
    /// let scorer = Scorer::new(&framework)?;
    /// let mut assessment = Assessment::new(framework.exact_ref(), Subject::new("P"));
    /// assessment.rate("a", RatingValue::Met)?;
    /// let bounds = scorer.bounds(&assessment)?;
    /// // b and c missing: at least 1/4, at most 4/4; now 1 (b, c left out).
    /// assert_eq!(bounds.total.lower, Some(0.25));
    /// assert_eq!(bounds.total.upper, Some(1.0));
    /// assert_eq!(bounds.total.current, Some(1.0));
    /// // Rating c (weight 2) narrows the interval by 1/2, rating b by 1/4.
    /// assert_eq!(bounds.leverage[0].criterion, "c");
    /// assert_eq!(bounds.leverage[0].leverage, 0.5);
    /// assert_eq!(bounds.leverage[1].leverage, 0.25);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn bounds(&self, assessment: &Assessment) -> Result<Bounds, ValidationError> {
        bounds(&self.inner, assessment, Unwatched).map(unstoppable)
    }

    /// [`Scorer::bounds`], telling `observer` how far it has got and
    /// stopping when it says so ([`Observer`]). The units are the missing
    /// applicable leaves, whose leverage is the work that grows with the
    /// framework (the two passes of the bounds come first); the observer
    /// is told about every 4,096 of them.
    ///
    /// # Errors
    ///
    /// [`RunError::Invalid`] with the issues of [`Scorer::bounds`]
    /// (checked before the observer is first told anything);
    /// [`RunError::Stopped`] when the observer returns `false` (no bounds
    /// are returned).
    ///
    /// # Examples
    ///
    /// ```
    /// use assessment_model::catalog::good_practice;
    /// use assessment_model::Scorer;
    ///
    /// let scorer = Scorer::new(&good_practice::criteria())?;
    /// let example = good_practice::worked_example();
    /// let mut calls = Vec::new();
    /// let bounds = scorer.bounds_observed(&example, &mut |done: u64, total: u64| {
    ///     calls.push((done, total));
    ///     true
    /// })?;
    /// assert_eq!(bounds, scorer.bounds(&example)?);
    /// // Told at the start and at the end.
    /// assert_eq!(calls.first().map(|c| c.0), Some(0));
    /// assert_eq!(calls.last().map(|c| c.0 == c.1), Some(true));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn bounds_observed(
        &self,
        assessment: &Assessment,
        observer: &mut dyn Observer,
    ) -> Result<Bounds, RunError> {
        Ok(bounds(&self.inner, assessment, Watched(observer))??)
    }

    /// Reads a report back from its document ([`ReportDocument`], what a
    /// [`Report`] serialises to): it checks the document against this
    /// scorer's framework, re-scores the ratings it lists (with its subject
    /// and declared findings) and accepts it only when every measured
    /// field is what scoring gives, bit for bit. The informational fields
    /// (titles, parents, depths, weights, flags) must be the framework's
    /// too.
    ///
    /// # Errors
    ///
    /// A [`ValidationError`] with one issue, its path into the document:
    /// `framework-mismatch` at `/framework` when the document is of another
    /// framework or version; otherwise `invalid-report`: the nodes are not
    /// the framework's (`/nodes`, `/nodes/<i>/id`), a score is not in
    /// [0, 1] or a scale mean not finite (`/nodes/<i>/score`,
    /// `/total/score`, `…/scale_mean/value`), a rating is on a group or
    /// off its leaf's scale (`/nodes/<i>/rating`, the reason the
    /// assessment check gives), or a field differs from what scoring gives
    /// (its path, e.g. `/nodes/<i>/coverage`, `/risks/<k>/criterion`).
    ///
    /// # Examples
    ///
    /// ```
    /// use assessment_model::{Assessment, Framework, RatingValue, Scorer, Subject};
    /// use assessment_model::report::ReportDocument;
    ///
    /// let framework: Framework = assessment_model::from_json_str(r#"{
    ///     "id": "tiny", "version": "1.0.0", "title": "Tiny",
    ///     "scales": { "tick": { "type": "binary" } },
    ///     "criteria": [{ "id": "a", "title": "A", "scale": "tick" }]
    /// }"#)?;
    /// let scorer = Scorer::new(&framework)?;
    /// let mut assessment = Assessment::new(framework.exact_ref(), Subject::new("P"));
    /// assessment.rate("a", RatingValue::Met)?;
    /// let report = scorer.score(&assessment)?;
    ///
    /// let json = serde_json::to_string(&report)?;
    /// let document: ReportDocument = assessment_model::from_json_str(&json)?;
    /// assert_eq!(scorer.read_report(document)?, report);
    ///
    /// let altered: ReportDocument = assessment_model::from_json_str(&json.replace("\"score\":1.0", "\"score\":0.5"))?;
    /// let err = scorer.read_report(altered).unwrap_err();
    /// assert_eq!(err.issues()[0].code(), "invalid-report");
    /// // The total comes first in the document: its score is the first that differs.
    /// assert_eq!(err.issues()[0].path, "/total/score");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn read_report(&self, document: ReportDocument) -> Result<Report, ValidationError> {
        read(&self.inner, document)
    }

    pub(crate) fn compiled(&self) -> &Compiled {
        &self.inner
    }

    /// The compiled framework as reports share it.
    pub(crate) fn shared(&self) -> &Arc<Compiled> {
        &self.inner
    }
}

/// The totals of `assessments` ([`Scorer::totals_observed`]), telling
/// `gate` after each chunk: every issue (paths under `/<index>`), or the
/// totals unless the gate stopped the work.
fn batch_totals<G: Gate>(
    scorer: &Scorer,
    assessments: &[Assessment],
    gate: G,
) -> Result<Result<Vec<Option<f64>>, G::Stop>, ValidationError> {
    // A chunk binds and scores 1,024 assessments, milliseconds of work:
    // the gate is told after each (a unit as costly as the meter's step).
    let mut meter = match Meter::start(gate, assessments.len() as u64, u64::MAX) {
        Ok(meter) => meter,
        Err(stop) => return Ok(Err(stop)),
    };
    let mut table = scorer.table(Scorer::BATCH_ROWS.min(assessments.len()));
    let mut chunk_totals = vec![None; table.rows()];
    let mut totals = Vec::with_capacity(assessments.len());
    let mut issues: Vec<Issue> = Vec::new();
    for (k, chunk) in assessments.chunks(Scorer::BATCH_ROWS).enumerate() {
        if chunk.len() != table.rows() {
            table.resize(chunk.len());
            chunk_totals.resize(chunk.len(), None);
        }
        let first = k.saturating_mul(Scorer::BATCH_ROWS);
        for (i, assessment) in chunk.iter().enumerate() {
            if let Err(e) = table.set_assessment(i, assessment) {
                let at = pointer("", first.saturating_add(i));
                issues.extend(e.under(&at).into_issues());
            }
        }
        scorer.totals(&table, &mut chunk_totals)?;
        totals.extend_from_slice(&chunk_totals);
        if let Err(stop) = meter.add(chunk.len() as u64) {
            return Ok(Err(stop));
        }
    }
    if !issues.is_empty() {
        return Err(ValidationError::new(issues));
    }
    meter.finish();
    Ok(Ok(totals))
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
