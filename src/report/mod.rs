//! Reports of one assessment ([SPEC](crate::spec) §3.10): the
//! [`Report`] and its views (a [`NodeScore`] per criterion with its
//! [`Outcome`], [`Finding`]s, [`FacetScore`]s and [`ScaleMean`]s), the
//! report's serialised form ([`ReportDocument`] and its parts), its text in
//! a language ([`LocalizedReport`]) and the [`Bounds`] of an assessment
//! with missing ratings, per node ([`NodeBounds`]) and per missing leaf
//! ([`Leverage`], §8.2), and why a node has its score ([`Explanation`],
//! §3.14: [`Report::explain`]). The crate root re-exports [`Report`],
//! [`NodeScore`], [`Outcome`], [`Counts`] and [`Bounds`].
//!
//! A report is a view of one evaluation over the shared compiled framework:
//! it is made from an assessment by [`Scorer::score`](crate::Scorer::score),
//! written as its document and read back with
//! [`Scorer::read_report`](crate::Scorer::read_report).

pub(crate) mod bounds;
pub(crate) mod build;
pub(crate) mod display;
pub(crate) mod document;
pub(crate) mod explain;
pub(crate) mod read;
pub(crate) mod views;

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::core::compile::Compiled;
use crate::core::interpret::{Block, Results};
use crate::core::priorities::{Priority, priorities};
use crate::model::assessment::{DeclaredFinding, Subject};
use crate::model::framework::FrameworkRef;
use crate::model::id::Id;
use crate::model::rules::Band;
use crate::model::scale::RatingValue;

pub use bounds::{Bounds, Leverage, NodeBounds};
pub use display::LocalizedReport;
pub use document::{
    FacetDocument, FindingDocument, NodeDocument, OutcomeDocument, ReportDocument,
    ReportedFramework, ScaleMeanDocument,
};
pub use explain::{Exclusion, Explanation, Included, LeftOut, LocalizedExplanation};

pub use views::{FacetScore, Finding, NodeScore, Outcome, ScaleMean};

/// The result of scoring one assessment against one framework.
///
/// Made by [`crate::Scorer::score`], or read back from its JSON form with
/// [`crate::Scorer::read_report`] (which checks it). Nodes are listed in
/// definition (pre-)order, so the same inputs give the same report, bit for
/// bit (rule 13). Scores are in [0, 1]; [`Report`]'s `Display` shows them
/// ×100. Nodes, outcomes and findings are small views into the report,
/// returned by value.
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
/// assessment.rate("b", RatingValue::Met)?;
/// let report = scorer.score(&assessment)?;
/// assert_eq!(report.total().score(), Some(0.75));
/// assert_eq!(report.node("b").and_then(|n| n.score()), Some(1.0));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone)]
pub struct Report {
    pub(crate) compiled: Arc<Compiled>,
    /// The `"$schema"` of the document it was read from, if any.
    pub(crate) schema: Option<String>,
    pub(crate) subject: Subject,
    /// True when the assessment rates no applicable leaf (rule 12).
    pub(crate) qualitative: bool,
    /// The total's band (an index into the framework's bands) after
    /// `critical_caps_band` (rule 8).
    pub(crate) band: Option<u32>,
    pub(crate) band_capped: bool,
    pub(crate) low_coverage: bool,
    /// The numbers scoring evaluated, which every node's view reads
    /// ([`Report::outcome_at`]); priorities start from them without a
    /// second check or pass.
    pub(crate) evaluation: Evaluation,
    /// Per leaf: the rating given, if any.
    pub(crate) ratings: Vec<Option<RatingValue>>,
    /// The note of each leaf rated not applicable with one, by node index.
    pub(crate) notes: Vec<(u32, String)>,
    /// Node indices of the risks and of the strengths, in definition order.
    pub(crate) risks: Vec<u32>,
    pub(crate) strengths: Vec<u32>,
    pub(crate) findings: Vec<DeclaredFinding>,
    /// Per facet value, facets then values in definition order: its
    /// score (rule 9) and its leaves' counts.
    pub(crate) facets: Vec<(Option<f64>, Counts)>,
}

/// What the interpreter evaluated for one assessment: its bound leaf
/// values as a block of one lane, each group's result, and the results of
/// the program of means in scale units (rule 11) where the framework has
/// one.
#[derive(Debug, Clone)]
pub(crate) struct Evaluation {
    pub block: Block<1>,
    pub results: Results<1>,
    pub means: Option<Results<1>>,
}

impl Report {
    /// The coverage below which a total that has a score is flagged as
    /// resting on little evidence ([`Report::low_coverage`]), when the
    /// framework sets no `min_coverage`: 0.5, half the applicable leaves.
    ///
    /// Why a half: below it, the unrated leaves outnumber the rated ones.
    /// Under a weighted mean of equally weighted leaves at coverage `c`,
    /// rating the missing leaves could put the completed total anywhere in
    /// an interval of width `1 − c` (rule 15's bounds), so below a half
    /// what is not known weighs more than what is.
    pub const LOW_COVERAGE: f64 = 0.5;

    /// The `"$schema"` the report document names, when it was read from one
    /// that names it; a report made by [`crate::Scorer::score`] names none.
    pub fn schema(&self) -> Option<&str> {
        self.schema.as_deref()
    }

    /// Whether the total has a score but its coverage is below the
    /// threshold: the framework's `min_coverage` where it sets one,
    /// otherwise [`Report::LOW_COVERAGE`]. The score is as the rules give
    /// it (nothing is changed); the flag says that it rests on little
    /// evidence, and [`Report`]'s `Display` says so in words. Serialised as
    /// `"low_coverage": true`, omitted when false.
    ///
    /// A framework with `min_coverage` already withholds a total below it
    /// (rule 6: no score,
    /// [`NoScore::InsufficientCoverage`](crate::NoScore::InsufficientCoverage)), so its
    /// reports are never flagged: its authors have said how much evidence
    /// is enough. A total without a score (qualitative, insufficient
    /// coverage, nothing applicable) is not flagged either.
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
    ///         { "id": "a", "title": "A", "scale": "tick" },
    ///         { "id": "b", "title": "B", "scale": "tick" },
    ///         { "id": "c", "title": "C", "scale": "tick" }
    ///     ]
    /// }"#)?;
    /// let scorer = Scorer::new(&framework)?;
    /// let mut assessment = Assessment::new(framework.exact_ref(), Subject::new("P"));
    /// assessment.rate("a", RatingValue::Met)?;
    /// // One of three leaves rated: a total of 1, on a third of the evidence.
    /// let report = scorer.score(&assessment)?;
    /// assert_eq!(report.total().score(), Some(1.0));
    /// assert!(report.low_coverage());
    /// assessment.rate("b", RatingValue::NotMet)?;
    /// assert!(!scorer.score(&assessment)?.low_coverage());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn low_coverage(&self) -> bool {
        self.low_coverage
    }

    /// The framework scored against: its id and exact version.
    pub fn framework(&self) -> &FrameworkRef {
        &self.compiled.exact
    }

    /// The title of the framework scored against.
    pub fn framework_title(&self) -> &str {
        &self.compiled.framework.title
    }

    /// What was assessed.
    pub fn subject(&self) -> &Subject {
        &self.subject
    }

    /// Whether the assessment was qualitative: it rates no applicable leaf
    /// (it carries narratives, findings, perhaps "not applicable" marks).
    /// Then no node has a score, whatever the missing policy, and the report
    /// lists findings and coverage (rule 12).
    pub fn is_qualitative(&self) -> bool {
        self.qualitative
    }

    /// The total's band, after a critical risk has capped it when the
    /// framework sets `critical_caps_band` (rule 8). The uncapped band is
    /// `total().band()`.
    pub fn band(&self) -> Option<&Id> {
        self.compiled.band_id(self.band)
    }

    /// Whether a critical risk lowered the total's band (rule 8).
    pub fn band_capped(&self) -> bool {
        self.band_capped
    }

    /// The findings the assessor declared, carried through as given.
    pub fn findings(&self) -> &[DeclaredFinding] {
        &self.findings
    }

    /// [`crate::Scorer::priorities`] of the assessment this report scored, from
    /// the ratings scoring bound: no second check.
    ///
    /// # Examples
    ///
    /// ```
    /// use assessment_model::catalog::good_practice;
    /// use assessment_model::Scorer;
    ///
    /// let scorer = Scorer::new(&good_practice::criteria())?;
    /// let assessment = good_practice::worked_example();
    /// let report = scorer.score(&assessment)?;
    /// assert_eq!(report.priorities(), scorer.priorities(&assessment)?);
    /// assert_eq!(report.priorities()[0].criterion, "q9-3");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn priorities(&self) -> Vec<Priority> {
        let e = &self.evaluation;
        priorities(&self.compiled, &e.block, &e.results, self.qualitative)
    }

    /// The bands of the framework scored against (rule 7), ascending.
    pub(crate) fn bands(&self) -> &[Band] {
        &self.compiled.framework.rules.bands
    }

    /// The rating given at node `i`, when it is a leaf with one.
    pub(crate) fn rating_at(&self, i: usize) -> Option<&RatingValue> {
        let leaf = self.compiled.nodes.get(i)?.leaf?;
        self.ratings.get(leaf as usize)?.as_ref()
    }

    /// The note of node `i`'s not-applicable rating, if it has one.
    pub(crate) fn note_at(&self, i: usize) -> Option<&str> {
        let i = u32::try_from(i).ok()?;
        let at = self.notes.binary_search_by_key(&i, |(n, _)| *n).ok()?;
        self.notes.get(at).map(|(_, note)| note.as_str())
    }
}

impl PartialEq for Report {
    /// Reports are equal when they say the same: the same JSON form
    /// ([`Report::to_document`]). Reports that share their compiled
    /// framework compare what was measured without building that form.
    fn eq(&self, other: &Report) -> bool {
        if !Arc::ptr_eq(&self.compiled, &other.compiled) {
            return self.to_document() == other.to_document();
        }
        self.schema == other.schema
            && self.subject == other.subject
            && self.qualitative == other.qualitative
            && self.band == other.band
            && self.band_capped == other.band_capped
            && self.low_coverage == other.low_coverage
            && (0..self.compiled.nodes.len()).all(|i| self.outcome_at(i) == other.outcome_at(i))
            && self.ratings == other.ratings
            && self.notes == other.notes
            && self.risks == other.risks
            && self.strengths == other.strengths
            && self.findings == other.findings
            && self.facets == other.facets
    }
}

/// Leaf counts below a node (a leaf counts itself).
///
/// `leaves = rated + missing + not_applicable`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Counts {
    /// Every leaf.
    pub leaves: usize,
    /// Applicable leaves with a rating.
    pub rated: usize,
    /// Leaves that are not applicable (rated so, or marked so by the
    /// framework).
    pub not_applicable: usize,
    /// Applicable leaves without a rating.
    pub missing: usize,
}
