//! [`Progress`]'s `Display` (a short progress note) and [`ProgressTally`],
//! the count per node over a cohort's progress values
//! ([SPEC](crate::spec) §8.1).

use std::fmt;

use serde::{Deserialize, Serialize};

use super::progress::{NodeProgress, Progress, ProgressStatus, RiskChange, RiskStatus};
use crate::localization::localized::Localized;
use crate::model::framework::FrameworkRef;
use crate::model::id::Id;
use crate::model::issue::{Issue, IssueKind, ValidationError};

/// How many nodes the note lists as moved; the rest are counted.
const MOVED_SHOWN: usize = 10;

/// A score ×100 with one decimal, or "—".
fn cell(x: Option<f64>) -> String {
    x.map_or_else(|| "—".to_owned(), |x| format!("{:.1}", x * 100.0))
}

/// "a → b" with the bands when either has one.
fn movement(n: &NodeProgress) -> String {
    let mut s = format!("{} → {}", cell(n.baseline), cell(n.current));
    if let Some(d) = n.delta {
        s.push_str(&format!(" ({:+.1})", d * 100.0));
    }
    if n.band_changed() {
        let band = |b: &Option<Id>| b.as_ref().map_or("—", Id::as_str).to_owned();
        s.push_str(&format!(
            ", band {} → {}",
            band(&n.baseline_band),
            band(&n.current_band)
        ));
    }
    s
}

impl fmt::Display for Progress {
    /// A short progress note: the framework (and the mapping the baseline
    /// came through), the total, the nodes that moved most (by |delta|,
    /// ties in definition order; the first ten, the rest counted), the
    /// nodes newly or no longer scored, risks resolved, new and
    /// persisting, coverage, and how many ratings changed. Scores ×100:
    ///
    /// ```text
    /// progress — tiny 1.0.0
    /// total: 50.0 → 100.0 (+50.0)
    /// moved most:
    ///   a First: 0.0 → 100.0 (+100.0)
    /// coverage: 100.0% → 100.0%
    /// ratings changed: 1 (a)
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write_note(f, &|n| n.title.clone(), None)
    }
}

impl Progress {
    /// The progress note ([`Progress`]'s `Display`) with the criterion
    /// titles in the language of `texts`, by its fallback order
    /// ([SPEC](crate::spec) §7.6), as [`crate::Report::display_in`] renders a
    /// report: a title that fell back is marked with its language, and a
    /// line under the heading names the requested language.
    ///
    /// # Examples
    ///
    /// ```
    /// use assessment_model::{Localization, Progress, Scorer};
    /// use assessment_model::localization::{Localized, TitledText};
    /// use assessment_model::model::LanguageTag;
    /// use assessment_model::catalog::good_practice;
    ///
    /// let framework = good_practice::criteria();
    /// let scorer = Scorer::new(&framework)?;
    /// let before = scorer.score(&good_practice::worked_example())?;
    /// let mut after = good_practice::worked_example();
    /// after.rate("q9-3", assessment_model::RatingValue::Met)?;
    /// let progress = Progress::between(&before, &scorer.score(&after)?)?;
    /// // A localization written for this example: one title in German.
    /// let mut de = Localization::new("gp-de".parse()?, framework.compatible_ref(), "de".parse()?);
    /// de.criteria.insert("q9-3".parse()?, TitledText::title("Beispieltitel"));
    /// let texts = Localized::new(&framework, &[&de], &LanguageTag::new("de")?)?;
    /// let note = progress.display_in(&texts).to_string();
    /// assert!(note.contains("q9-3 Beispieltitel:"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn display_in<'p, 'l>(&'p self, texts: &'p Localized<'l>) -> LocalizedProgress<'p, 'l> {
        LocalizedProgress {
            progress: self,
            texts,
        }
    }

    /// The note, each criterion's title from `title`, and a `language`
    /// line under the heading when given.
    fn write_note(
        &self,
        f: &mut fmt::Formatter<'_>,
        title: &dyn Fn(&NodeProgress) -> String,
        language: Option<&str>,
    ) -> fmt::Result {
        let version = self.framework.version.to_string();
        let version = version.trim_start_matches('=');
        writeln!(f, "progress — {} {version}", self.framework.id)?;
        if let Some(language) = language {
            writeln!(f, "{language}")?;
        }
        if let Some(c) = &self.carried {
            let from = c.from.version.to_string();
            let from = from.trim_start_matches('=');
            writeln!(
                f,
                "baseline carried from {} {from} through {}",
                c.from.id, c.mapping
            )?;
        }
        writeln!(f, "total: {}", movement(&self.total))?;
        write_moved(f, &self.nodes, title)?;
        for status in [ProgressStatus::NewlyScored, ProgressStatus::NoLongerScored] {
            let ids = ids(self
                .nodes
                .iter()
                .filter(|n| n.status == status)
                .map(|n| &n.criterion));
            if !ids.is_empty() {
                writeln!(f, "{status}: {ids}")?;
            }
        }
        for (status, label) in [
            (RiskStatus::Resolved, "risks resolved"),
            (RiskStatus::New, "new risks"),
            (RiskStatus::Persisting, "risks persisting"),
        ] {
            let risks: Vec<String> = self.risks_with(status).map(risk).collect();
            if !risks.is_empty() {
                writeln!(f, "{label}: {}", risks.join(", "))?;
            }
        }
        let percent =
            |x: Option<f64>| x.map_or_else(|| "—".to_owned(), |x| format!("{:.1}%", x * 100.0));
        writeln!(
            f,
            "coverage: {} → {}",
            percent(self.baseline_coverage),
            percent(self.current_coverage)
        )?;
        let changed = ids(self.ratings.iter().map(|r| &r.criterion));
        if changed.is_empty() {
            writeln!(f, "ratings changed: none")
        } else {
            writeln!(f, "ratings changed: {} ({changed})", self.ratings.len())
        }
    }
}

/// A [`Progress`] note with its criterion titles in another language
/// ([`Progress::display_in`]).
#[derive(Clone, Copy)]
pub struct LocalizedProgress<'p, 'l> {
    progress: &'p Progress,
    texts: &'p Localized<'l>,
}

impl fmt::Display for LocalizedProgress<'_, '_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let title = |n: &NodeProgress| self.texts.marked_title(n.criterion.as_str(), &n.title);
        let language = self.texts.language_line();
        self.progress.write_note(f, &title, Some(&language))
    }
}

/// The ids, comma-separated.
fn ids<'a>(ids: impl Iterator<Item = &'a Id>) -> String {
    ids.map(Id::as_str).collect::<Vec<_>>().join(", ")
}

/// "id (a → b)".
fn risk(r: &RiskChange) -> String {
    format!(
        "{} ({} → {})",
        r.criterion,
        cell(r.baseline),
        cell(r.current)
    )
}

/// The improved and regressed nodes, largest |delta| first (a stable sort,
/// so ties keep definition order).
fn write_moved(
    f: &mut fmt::Formatter<'_>,
    nodes: &[NodeProgress],
    title: &dyn Fn(&NodeProgress) -> String,
) -> fmt::Result {
    let mut moved: Vec<(&NodeProgress, f64)> = nodes
        .iter()
        .filter(|n| {
            matches!(
                n.status,
                ProgressStatus::Improved | ProgressStatus::Regressed
            )
        })
        .filter_map(|n| Some((n, n.delta?.abs())))
        .collect();
    moved.sort_by(|a, b| b.1.total_cmp(&a.1));
    if moved.is_empty() {
        return writeln!(f, "moved: none");
    }
    writeln!(f, "moved most:")?;
    for (n, _) in moved.iter().take(MOVED_SHOWN) {
        writeln!(f, "  {} {}: {}", n.criterion, title(n), movement(n))?;
    }
    let rest = moved.len().saturating_sub(MOVED_SHOWN);
    if rest > 0 {
        writeln!(f, "  … and {rest} more")?;
    }
    Ok(())
}

/// Per node, how many of a cohort's progress values improved, regressed,
/// stayed unchanged, were newly or no longer scored, or were unscored on
/// both sides ([SPEC](crate::spec) §8.1). The counts of a node add up to
/// [`ProgressTally::members`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct StatusCounts {
    /// Members whose node improved.
    pub improved: usize,
    /// Members whose node regressed.
    pub regressed: usize,
    /// Members whose node stayed within 1e-12.
    pub unchanged: usize,
    /// Members whose node is newly scored.
    pub newly_scored: usize,
    /// Members whose node is no longer scored.
    pub no_longer_scored: usize,
    /// Members whose node has a score on neither side.
    pub unscored: usize,
}

impl StatusCounts {
    fn add(&mut self, status: ProgressStatus) {
        let n = match status {
            ProgressStatus::Improved => &mut self.improved,
            ProgressStatus::Regressed => &mut self.regressed,
            ProgressStatus::Unchanged => &mut self.unchanged,
            ProgressStatus::NewlyScored => &mut self.newly_scored,
            ProgressStatus::NoLongerScored => &mut self.no_longer_scored,
            ProgressStatus::Unscored => &mut self.unscored,
        };
        *n = n.saturating_add(1);
    }
}

/// One node's counts in a [`ProgressTally`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct NodeTally {
    /// The criterion's id (for the total: the framework's id).
    pub criterion: Id,
    /// The counts.
    pub counts: StatusCounts,
}

/// Per node, how many members of a cohort improved, regressed or stayed:
/// [`ProgressTally::of`] over their [`Progress`] values.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ProgressTally {
    /// The framework of every member; `None` for an empty cohort.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub framework: Option<FrameworkRef>,
    /// How many progress values were counted.
    pub members: usize,
    /// The total's counts.
    pub total: StatusCounts,
    /// Every node's counts, in the first member's definition order.
    pub nodes: Vec<NodeTally>,
}

impl ProgressTally {
    /// Counts the statuses of every node over `members`, all of one
    /// framework version.
    ///
    /// # Errors
    ///
    /// [`ValidationError`] with one `framework-mismatch` issue at
    /// `/{i}/framework` per member `i` of another framework (version) than
    /// member 0's, or whose nodes are not member 0's.
    ///
    /// # Examples
    ///
    /// ```
    /// use assessment_model::{Assessment, Framework, Progress, RatingValue, Scorer, Subject};
    /// use assessment_model::analysis::ProgressTally;
    ///
    /// let framework: Framework = assessment_model::from_json_str(r#"{
    ///     "id": "tiny", "version": "1.0.0", "title": "Tiny",
    ///     "scales": { "tick": { "type": "binary" } },
    ///     "criteria": [ { "id": "a", "title": "A", "scale": "tick" } ]
    /// }"#)?;
    /// let scorer = Scorer::new(&framework)?;
    /// let rated = |v: RatingValue| -> Result<_, Box<dyn std::error::Error>> {
    ///     let mut a = Assessment::new(framework.exact_ref(), Subject::new("P"));
    ///     a.rate("a", v)?;
    ///     Ok(scorer.score(&a)?)
    /// };
    /// let (no, yes) = (rated(RatingValue::NotMet)?, rated(RatingValue::Met)?);
    /// let cohort = [Progress::between(&no, &yes)?, Progress::between(&yes, &yes)?];
    /// let tally = ProgressTally::of(&cohort)?;
    /// assert_eq!((tally.nodes[0].counts.improved, tally.nodes[0].counts.unchanged), (1, 1));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn of(members: &[Progress]) -> Result<ProgressTally, ValidationError> {
        let Some(first) = members.first() else {
            return Ok(ProgressTally::default());
        };
        let mut tally = ProgressTally {
            framework: Some(first.framework.clone()),
            members: 0,
            total: StatusCounts::default(),
            nodes: first
                .nodes
                .iter()
                .map(|n| NodeTally {
                    criterion: n.criterion.clone(),
                    counts: StatusCounts::default(),
                })
                .collect(),
        };
        let mut issues = Vec::new();
        for (i, p) in members.iter().enumerate() {
            let same_nodes = p.nodes.len() == tally.nodes.len()
                && p.nodes
                    .iter()
                    .zip(&tally.nodes)
                    .all(|(n, t)| n.criterion == t.criterion);
            if p.framework != first.framework || !same_nodes {
                issues.push(Issue::new(
                    format!("/{i}/framework"),
                    IssueKind::FrameworkMismatch {
                        required: format!("{} {}", first.framework.id, first.framework.version),
                        found: format!("{} {}", p.framework.id, p.framework.version),
                    },
                ));
                continue;
            }
            tally.members = tally.members.saturating_add(1);
            tally.total.add(p.total.status);
            for (t, n) in tally.nodes.iter_mut().zip(&p.nodes) {
                t.counts.add(n.status);
            }
        }
        if issues.is_empty() {
            Ok(tally)
        } else {
            Err(ValidationError::new(issues))
        }
    }

    /// The counts of criterion `id`.
    pub fn node(&self, id: impl AsRef<str>) -> Option<&StatusCounts> {
        let id = id.as_ref();
        self.nodes
            .iter()
            .find(|n| n.criterion == *id)
            .map(|n| &n.counts)
    }
}
