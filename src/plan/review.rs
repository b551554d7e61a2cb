//! [`ActionPlan::review`]: what became of each action's criteria in a
//! [`Progress`] ([SPEC](crate::spec) §3.13).

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::analysis::progress::{Progress, ProgressStatus, RiskStatus};
use crate::model::id::Id;
use crate::model::issue::{Issue, ValidationError};
use crate::plan::ActionPlan;

use super::{Action, ActionStatus, Answers};

impl ActionPlan {
    /// Per action, whether the criteria it addresses improved, stayed or
    /// regressed from the progress's baseline to its current report, read
    /// from the progress's per-node statuses (rule 14; [`Verdict`] gives
    /// the rule), and, for an action answering a risk, what became of the
    /// risk.
    ///
    /// # Errors
    ///
    /// [`ValidationError`] with `framework-mismatch` at `/framework` (a
    /// path into the plan) when the progress's framework version does not
    /// satisfy the plan's reference.
    ///
    /// # Examples
    ///
    /// ```
    /// use assessment_model::{ActionPlan, Progress, Scorer, catalog::good_practice};
    /// use assessment_model::plan::{Draft, Owner, Verdict};
    ///
    /// let scorer = Scorer::new(&good_practice::criteria())?;
    /// let report = scorer.score(&good_practice::worked_example())?;
    /// let plan = ActionPlan::draft(&report, &Draft::new(Owner::Organisation("Afpa".into()), "2027-06-30".parse()?));
    /// let review = plan.review(&Progress::between(&report, &report)?)?;
    /// assert!(review.actions.iter().all(|a| a.verdict == Verdict::Stayed));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn review(&self, progress: &Progress) -> Result<PlanReview, ValidationError> {
        let f = &progress.framework;
        if f.id != self.framework.id || !exact_matches(&self.framework.version, &f.version) {
            let kind = crate::model::issue::IssueKind::FrameworkMismatch {
                required: format!("{} {}", self.framework.id, self.framework.version),
                found: format!("{} {}", f.id, f.version),
            };
            return Err(ValidationError::new(vec![Issue::new("/framework", kind)]));
        }
        let actions = self.actions.iter().map(|a| a.review(progress)).collect();
        Ok(PlanReview { actions })
    }
}

/// Whether the exact requirement `=x.y.z` of a progress satisfies `req`:
/// the version it pins does.
fn exact_matches(req: &semver::VersionReq, exact: &semver::VersionReq) -> bool {
    exact.comparators.first().is_some_and(|c| {
        let version = semver::Version {
            major: c.major,
            minor: c.minor.unwrap_or(0),
            patch: c.patch.unwrap_or(0),
            pre: c.pre.clone(),
            build: semver::BuildMetadata::EMPTY,
        };
        req.matches(&version)
    })
}

impl Action {
    /// This action's review against `progress`.
    fn review(&self, progress: &Progress) -> ActionReview {
        let criteria: Vec<CriterionChange> = self
            .criteria
            .iter()
            .map(|id| {
                let node = progress.node(id);
                CriterionChange {
                    criterion: id.clone(),
                    status: node.map(|n| n.status),
                    delta: node.and_then(|n| n.delta),
                }
            })
            .collect();
        let risk = match &self.answers {
            Some(Answers::Risk(id)) => progress
                .risks
                .iter()
                .find(|r| r.criterion == *id)
                .map(|r| r.status),
            _ => None,
        };
        ActionReview {
            action: self.id.clone(),
            status: self.status,
            verdict: Verdict::of(criteria.iter().filter_map(|c| c.status)),
            risk,
            criteria,
        }
    }
}

/// The review of a whole [`ActionPlan`]: one entry per action, in the
/// plan's order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct PlanReview {
    /// Per action, in the plan's order.
    pub actions: Vec<ActionReview>,
}

/// What became of one action's criteria.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ActionReview {
    /// The action's id.
    pub action: Id,
    /// The action's status, as the plan says.
    pub status: ActionStatus,
    /// Whether its criteria improved, stayed or regressed.
    pub verdict: Verdict,
    /// For an action answering a risk: resolved or persisting (`None` when
    /// the progress does not list the risk on either side).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub risk: Option<RiskStatus>,
    /// Per criterion addressed, in the action's order.
    pub criteria: Vec<CriterionChange>,
}

/// One addressed criterion's status in the progress.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct CriterionChange {
    /// The criterion.
    pub criterion: Id,
    /// Its status; `None` when the progress has no such node.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<ProgressStatus>,
    /// `current − baseline`, when both have a score.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delta: Option<f64>,
}

/// The verdict on one action: how the criteria it addresses moved.
/// Only criteria scored on both sides (improved, regressed, unchanged)
/// count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Verdict {
    /// At least one improved and none regressed.
    Improved,
    /// Every one that counts is unchanged.
    Stayed,
    /// At least one regressed and none improved.
    Regressed,
    /// Some improved and some regressed.
    Mixed,
    /// None is scored on both sides (newly scored, no longer scored,
    /// unscored or unknown): nothing to compare.
    NotComparable,
}

impl Verdict {
    /// The verdict on criteria with `statuses`.
    pub fn of(statuses: impl IntoIterator<Item = ProgressStatus>) -> Verdict {
        let (mut up, mut down, mut same) = (false, false, false);
        for status in statuses {
            match status {
                ProgressStatus::Improved => up = true,
                ProgressStatus::Regressed => down = true,
                ProgressStatus::Unchanged => same = true,
                _ => {}
            }
        }
        match (up, down, same) {
            (true, true, _) => Verdict::Mixed,
            (true, false, _) => Verdict::Improved,
            (false, true, _) => Verdict::Regressed,
            (false, false, true) => Verdict::Stayed,
            (false, false, false) => Verdict::NotComparable,
        }
    }
}

impl fmt::Display for Verdict {
    /// In words: `improved`, `stayed`, `regressed`, `mixed`,
    /// `not comparable`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Verdict::Improved => "improved",
            Verdict::Stayed => "stayed",
            Verdict::Regressed => "regressed",
            Verdict::Mixed => "mixed",
            Verdict::NotComparable => "not comparable",
        })
    }
}

impl fmt::Display for PlanReview {
    /// One line per action: its id, status and verdict, each criterion's
    /// change in points (`+100.0`) or why there is none, and what became
    /// of the risk it answers.
    ///
    /// # Examples
    ///
    /// ```
    /// use assessment_model::{ActionPlan, Progress, RatingValue, Scorer, catalog::good_practice};
    /// use assessment_model::plan::{Draft, Owner};
    ///
    /// let scorer = Scorer::new(&good_practice::criteria())?;
    /// let before = good_practice::worked_example();
    /// let report = scorer.score(&before)?;
    /// let draft = Draft::new(Owner::Organisation("Afpa".into()), "2027-06-30".parse()?);
    /// let plan = ActionPlan::draft(&report, &draft.top(1));
    /// let mut after = before.clone();
    /// after.rate("q9-3", RatingValue::Met)?;
    /// let progress = Progress::between(&report, &scorer.score(&after)?)?;
    /// let review = plan.review(&progress)?;
    /// assert_eq!(review.to_string(), "action-1 (planned): improved; q9-3 +100.0\n");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for action in &self.actions {
            write!(
                f,
                "{} ({}): {}",
                action.action, action.status, action.verdict
            )?;
            for (i, change) in action.criteria.iter().enumerate() {
                f.write_str(if i == 0 { "; " } else { ", " })?;
                match (change.delta, change.status) {
                    (Some(delta), _) => write!(f, "{} {:+.1}", change.criterion, delta * 100.0)?,
                    (None, Some(status)) => write!(f, "{} {status}", change.criterion)?,
                    (None, None) => write!(f, "{} not in the progress", change.criterion)?,
                }
            }
            match action.risk {
                Some(RiskStatus::Resolved) => f.write_str("; risk resolved")?,
                Some(RiskStatus::Persisting) => f.write_str("; risk persisting")?,
                Some(RiskStatus::New) => f.write_str("; risk new")?,
                None => {}
            }
            writeln!(f)?;
        }
        Ok(())
    }
}
