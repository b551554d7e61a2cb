//! [`Progress`]: what changed between a baseline report and a current
//! report ([SPEC](crate::spec) §8.1, rule 14): per node the two scores, the
//! difference and a [`ProgressStatus`], the bands before and after; risks resolved,
//! new and persisting; coverage before and after; the leaves whose ratings
//! differ. The note ([`Progress`]'s `Display`) and the cohort tally
//! ([`ProgressTally`](crate::analysis::ProgressTally)) are in `progress_note.rs`.

use serde::{Deserialize, Serialize};

use crate::mapping::Mapping;
use crate::model::assessment::Assessment;
use crate::model::framework::{Framework, FrameworkRef};
use crate::model::id::Id;
use crate::model::issue::{Issue, IssueKind, ValidationError};
use crate::model::scale::RatingValue;
use crate::report::Report;
use crate::report::views::NodeScore;
use crate::scorer::Scorer;

/// How far apart two scores must be to count as a change (rule 14): a
/// difference of at most this, either way, is [`ProgressStatus::Unchanged`].
pub const PROGRESS_TOLERANCE: f64 = 1e-12;

/// How one node's score moved from the baseline to the current report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ProgressStatus {
    /// Both have a score and `current − baseline > 1e-12`.
    Improved,
    /// Both have a score and `current − baseline < −1e-12`.
    Regressed,
    /// Both have a score, within 1e-12 of each other.
    Unchanged,
    /// The current report has a score, the baseline has none.
    NewlyScored,
    /// The baseline has a score, the current report has none.
    NoLongerScored,
    /// Neither has a score (not applicable, unrated or qualitative on both
    /// sides): nothing to compare, so neither a change nor "unchanged".
    Unscored,
}

impl std::fmt::Display for ProgressStatus {
    /// In words: `improved`, `regressed`, `unchanged`, `newly scored`,
    /// `no longer scored`, `unscored`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            ProgressStatus::Improved => "improved",
            ProgressStatus::Regressed => "regressed",
            ProgressStatus::Unchanged => "unchanged",
            ProgressStatus::NewlyScored => "newly scored",
            ProgressStatus::NoLongerScored => "no longer scored",
            ProgressStatus::Unscored => "unscored",
        })
    }
}

impl ProgressStatus {
    /// The status of a node scored `baseline` before and `current` now.
    pub fn of(baseline: Option<f64>, current: Option<f64>) -> ProgressStatus {
        match (baseline, current) {
            (Some(b), Some(c)) if c - b > PROGRESS_TOLERANCE => ProgressStatus::Improved,
            (Some(b), Some(c)) if c - b < -PROGRESS_TOLERANCE => ProgressStatus::Regressed,
            (Some(_), Some(_)) => ProgressStatus::Unchanged,
            (None, Some(_)) => ProgressStatus::NewlyScored,
            (Some(_), None) => ProgressStatus::NoLongerScored,
            (None, None) => ProgressStatus::Unscored,
        }
    }
}

/// One node's progress (or the total's).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct NodeProgress {
    /// The criterion's id (for the total: the framework's id).
    pub criterion: Id,
    /// The criterion's title (for the total: the framework's).
    pub title: String,
    /// The depth in the tree: 0 for the total, 1 for top-level criteria.
    pub depth: usize,
    /// The baseline's score.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<f64>,
    /// The current score.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current: Option<f64>,
    /// `current − baseline`, when both have a score.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delta: Option<f64>,
    /// How the score moved.
    pub status: ProgressStatus,
    /// The baseline's band (for the total: after `critical_caps_band`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline_band: Option<Id>,
    /// The current band (for the total: after `critical_caps_band`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current_band: Option<Id>,
}

impl NodeProgress {
    /// Whether the band differs before and after.
    pub fn band_changed(&self) -> bool {
        self.baseline_band != self.current_band
    }
}

/// What became of a risk (rule 8) from the baseline to the current report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum RiskStatus {
    /// A risk in the baseline only.
    Resolved,
    /// A risk in the current report only.
    New,
    /// A risk in both.
    Persisting,
}

/// One criterion that is a risk in the baseline, the current report or
/// both.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RiskChange {
    /// The critical criterion.
    pub criterion: Id,
    /// Resolved, new or persisting.
    pub status: RiskStatus,
    /// Its baseline score, if it had one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<f64>,
    /// Its current score, if it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current: Option<f64>,
}

/// A leaf whose rating differs: a rating given on one side only, or two
/// ratings that are not the same on the leaf's scale
/// ([`crate::Scale::same_rating`]: a level named by id is the same rating
/// as that level named by value).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RatingChange {
    /// The leaf.
    pub criterion: Id,
    /// The baseline's rating, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<RatingValue>,
    /// The current rating, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current: Option<RatingValue>,
}

/// How the baseline reached the current framework: through which mapping,
/// from which framework version ([`Progress::across`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CarriedFrom {
    /// The mapping's id.
    pub mapping: Id,
    /// The framework (exact version) the baseline was assessed against.
    pub from: FrameworkRef,
    /// The baseline's ratings that the mapping did not carry, in the
    /// assessment's order ([`crate::mapping::Translation::not_carried`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub not_carried: Vec<Id>,
}

/// The progress from a baseline report to a current report of the same
/// framework version ([SPEC](crate::spec) §8.1, rule 14).
///
/// Made by [`Progress::between`], or by [`Progress::across`] for a baseline
/// of another framework (version), carried through a [`Mapping`]. Owned
/// data, computed on request: ids and titles are copied from the reports.
///
/// # Examples
///
/// ```
/// use assessment_model::{Assessment, Framework, Progress, RatingValue, Scorer, Subject};
/// use assessment_model::analysis::ProgressStatus;
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
/// let mut before = Assessment::new(framework.exact_ref(), Subject::new("P"));
/// before.rate("a", RatingValue::NotMet)?;
/// before.rate("b", RatingValue::Met)?;
/// let mut after = before.clone();
/// after.rate("a", RatingValue::Met)?;
/// let progress = Progress::between(&scorer.score(&before)?, &scorer.score(&after)?)?;
/// assert_eq!(progress.total.delta, Some(0.5));
/// assert_eq!(progress.node("a").map(|n| n.status), Some(ProgressStatus::Improved));
/// assert_eq!(progress.node("b").map(|n| n.status), Some(ProgressStatus::Unchanged));
/// assert_eq!(progress.ratings.len(), 1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Progress {
    /// The framework (exact version) of the current report, and of the
    /// baseline as compared.
    pub framework: FrameworkRef,
    /// When the baseline was carried from another framework (version):
    /// the mapping and the version it came from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub carried: Option<CarriedFrom>,
    /// The total's progress; its bands are the reports' bands after
    /// `critical_caps_band` ([`Report::band`]).
    pub total: NodeProgress,
    /// The total's coverage in the baseline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline_coverage: Option<f64>,
    /// The total's coverage now.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current_coverage: Option<f64>,
    /// Every criterion's progress, in definition (pre-)order.
    pub nodes: Vec<NodeProgress>,
    /// Every criterion that is a risk on either side, in definition order.
    pub risks: Vec<RiskChange>,
    /// Every leaf whose rating differs, in definition order.
    pub ratings: Vec<RatingChange>,
}

impl Progress {
    /// The progress from `baseline` to `current`, two reports of the same
    /// framework id and exact version ([SPEC](crate::spec) §8.1).
    ///
    /// Each node of the current report is compared with the baseline's
    /// node of the same id. A report compared with itself is
    /// [`ProgressStatus::Unchanged`] wherever it has a score ([`ProgressStatus::Unscored`]
    /// elsewhere), every risk persists and no rating differs.
    ///
    /// # Errors
    ///
    /// [`ValidationError`] with one issue, `framework-mismatch` at
    /// `/baseline/framework`, when the baseline's framework id or version is
    /// not the current report's (compare those through [`Progress::across`]).
    ///
    /// # Examples
    ///
    /// ```
    /// use assessment_model::{Assessment, Framework, Progress, Scorer, Subject};
    ///
    /// let tiny = |version: &str| -> Result<Framework, assessment_model::ValidationError> {
    ///     assessment_model::from_json_str(&format!(r#"{{
    ///         "id": "tiny", "version": "{version}", "title": "Tiny",
    ///         "scales": {{ "tick": {{ "type": "binary" }} }},
    ///         "criteria": [ {{ "id": "a", "title": "A", "scale": "tick" }} ]
    ///     }}"#))
    /// };
    /// let (one, two) = (tiny("1.0.0")?, tiny("2.0.0")?);
    /// let old = Scorer::new(&one)?.score(&Assessment::new(one.exact_ref(), Subject::new("P")))?;
    /// let new = Scorer::new(&two)?.score(&Assessment::new(two.exact_ref(), Subject::new("P")))?;
    /// let err = Progress::between(&old, &new).unwrap_err();
    /// assert_eq!(err.issues()[0].code(), "framework-mismatch");
    /// assert_eq!(err.issues()[0].path, "/baseline/framework");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn between(baseline: &Report, current: &Report) -> Result<Progress, ValidationError> {
        let (b, c) = (baseline.framework(), current.framework());
        if b != c {
            let plain = |r: &FrameworkRef| {
                let version = r.version.to_string();
                format!("{} {}", r.id, version.trim_start_matches('='))
            };
            let kind = IssueKind::FrameworkMismatch {
                required: format!("{} {}", c.id, c.version),
                found: plain(b),
            };
            return Err(ValidationError::new(vec![Issue::new(
                "/baseline/framework",
                kind,
            )]));
        }
        Ok(compare(baseline, current))
    }

    /// The progress from a `baseline` assessment made against `from` to
    /// the `current` report of `scorer`'s framework, another framework or
    /// version: the baseline is carried through `mapping`
    /// ([`Mapping::translate`]), scored by `scorer`, and compared with
    /// [`Progress::between`]; [`Progress::carried`] records the mapping,
    /// the version the baseline came from and the ratings not carried.
    ///
    /// # Errors
    ///
    /// [`ValidationError`] listing the problems of [`Mapping::translate`]
    /// (its paths); the problems of scoring the carried assessment, under
    /// `/translation/assessment` (say, a leaf left unrated under
    /// [`crate::MissingPolicy::Error`]); `framework-mismatch` at
    /// `/current/framework` when `current` is not a report of `scorer`'s
    /// framework.
    ///
    /// # Examples
    ///
    /// ```
    /// use assessment_model::catalog::profint;
    /// use assessment_model::{Assessment, Progress, RatingValue, Scorer, Subject};
    /// use assessment_model::analysis::ProgressStatus;
    ///
    /// let (io1, io2) = (profint::success_factors_io1(), profint::success_factors_io2());
    /// let mut before = Assessment::new(io1.exact_ref(), Subject::new("A device"));
    /// before.rate("io1-f5", RatingValue::NotMet)?;
    /// let scorer = Scorer::new(&io2)?;
    /// let mut now = Assessment::new(io2.exact_ref(), Subject::new("A device"));
    /// now.rate("io2-f4", RatingValue::Met)?;
    /// let progress =
    ///     Progress::across(&before, &profint::io1_to_io2(), &io1, &scorer, &scorer.score(&now)?)?;
    /// assert_eq!(progress.carried.as_ref().map(|c| c.mapping.as_str()), Some("profint-io1-to-io2"));
    /// assert_eq!(progress.node("io2-f4").map(|n| n.status), Some(ProgressStatus::Improved));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn across(
        baseline: &Assessment,
        mapping: &Mapping,
        from: &Framework,
        scorer: &Scorer,
        current: &Report,
    ) -> Result<Progress, ValidationError> {
        let to = scorer.framework();
        if *current.framework() != to.exact_ref() {
            let kind = IssueKind::FrameworkMismatch {
                required: format!("{} ={}", to.id, to.version),
                found: format!("{} {}", current.framework().id, current.framework().version),
            };
            return Err(ValidationError::new(vec![Issue::new(
                "/current/framework",
                kind,
            )]));
        }
        let translation = mapping.translate(baseline, from, to)?;
        let report = scorer
            .score(&translation.assessment)
            .map_err(|e| e.under("/translation/assessment"))?;
        let mut progress = Progress::between(&report, current)?;
        progress.carried = Some(CarriedFrom {
            mapping: mapping.id.clone(),
            from: from.exact_ref(),
            not_carried: translation
                .not_carried
                .into_iter()
                .map(|n| n.from)
                .collect(),
        });
        Ok(progress)
    }

    /// The progress of criterion `id`.
    pub fn node(&self, id: impl AsRef<str>) -> Option<&NodeProgress> {
        let id = id.as_ref();
        self.nodes.iter().find(|n| n.criterion == *id)
    }

    /// The risk changes with status `status`, in definition order.
    pub fn risks_with(&self, status: RiskStatus) -> impl Iterator<Item = &RiskChange> {
        self.risks.iter().filter(move |r| r.status == status)
    }
}

/// The progress of two reports of the same framework version.
fn compare(baseline: &Report, current: &Report) -> Progress {
    let total = node_progress(
        (current.framework().id.clone(), current.framework_title(), 0),
        (baseline.total().score(), current.total().score()),
        (baseline.band(), current.band()),
    );
    let before = |node: &NodeScore<'_>| baseline.node(node.id());
    let nodes = current
        .nodes()
        .map(|now| {
            let then = before(&now);
            let then_score = then.and_then(|n| n.score());
            node_progress(
                (now.id().clone(), now.title(), now.depth()),
                (then_score, now.score()),
                (then.and_then(|n| n.band()), now.band()),
            )
        })
        .collect();
    Progress {
        framework: current.framework().clone(),
        carried: None,
        total,
        baseline_coverage: baseline.total().coverage(),
        current_coverage: current.total().coverage(),
        nodes,
        risks: risk_changes(baseline, current),
        ratings: rating_changes(baseline, current),
    }
}

/// The progress of one node: its id, title and depth, its scores, delta,
/// status and bands.
fn node_progress(
    (criterion, title, depth): (Id, &str, usize),
    (baseline, current): (Option<f64>, Option<f64>),
    (baseline_band, current_band): (Option<&Id>, Option<&Id>),
) -> NodeProgress {
    NodeProgress {
        criterion,
        title: title.to_owned(),
        depth,
        baseline,
        current,
        delta: baseline.zip(current).map(|(b, c)| c - b),
        status: ProgressStatus::of(baseline, current),
        baseline_band: baseline_band.cloned(),
        current_band: current_band.cloned(),
    }
}

/// Every criterion that is a risk on either side, in the current report's
/// definition order.
fn risk_changes(baseline: &Report, current: &Report) -> Vec<RiskChange> {
    let (then, now) = (baseline.risks(), current.risks());
    let is_in = |risks: &[crate::report::views::Finding<'_>], id: &Id| {
        risks.iter().any(|r| r.criterion == id)
    };
    current
        .nodes()
        .filter_map(|node| {
            let id = node.id();
            let status = match (is_in(&then, id), is_in(&now, id)) {
                (true, true) => RiskStatus::Persisting,
                (true, false) => RiskStatus::Resolved,
                (false, true) => RiskStatus::New,
                (false, false) => return None,
            };
            Some(RiskChange {
                criterion: id.clone(),
                status,
                baseline: baseline.node(id).and_then(|n| n.score()),
                current: node.score(),
            })
        })
        .collect()
}

/// Every leaf whose rating differs on its (current) scale, in definition
/// order.
fn rating_changes(baseline: &Report, current: &Report) -> Vec<RatingChange> {
    let compiled = &current.compiled;
    current
        .nodes()
        .filter(NodeScore::is_leaf)
        .filter_map(|now| {
            let then = baseline.node(now.id()).and_then(|n| n.rating());
            let same = match (then, now.rating()) {
                (None, None) => true,
                (Some(a), Some(b)) => {
                    let leaf = compiled.nodes.get(now.index()).and_then(|n| n.leaf);
                    match leaf.and_then(|leaf| compiled.scale_of_leaf(leaf as usize)) {
                        Some((_, scale)) => scale.same_rating(a, b),
                        None => a == b,
                    }
                }
                _ => false,
            };
            (!same).then(|| RatingChange {
                criterion: now.id().clone(),
                baseline: then.cloned(),
                current: now.rating().cloned(),
            })
        })
        .collect()
}
