//! [`CohortState`]: a cohort's accumulators as plain data, so that cohorts
//! built on different machines (partition by partition, in a distributed
//! engine) can be shipped, rebuilt and merged. The caller does the I/O.

use indexmap::IndexMap;
use semver::Version;
use serde::{Deserialize, Serialize};

use super::tally::Tally;
use super::{Cohort, state_mismatch};
use crate::model::id::Id;
use crate::model::issue::{Issue, IssueKind, ValidationError};
use crate::scorer::Scorer;

/// Everything a [`Cohort`] holds except its scorer: the framework's id and
/// version, and the accumulators of the whole cohort and of every group.
///
/// Made by [`Cohort::state`], turned back into a cohort by
/// [`Cohort::from_state`], which checks it against the scorer's framework.
/// Serialising it is how a cohort crosses a process boundary; its size is
/// the cohort's (see *Memory* on [`Cohort`]).
///
/// # Examples
///
/// ```
/// use assessment_model::{Assessment, Cohort, Framework, RatingValue, Scorer, Subject};
/// use assessment_model::cohort::CohortState;
///
/// let framework: Framework = assessment_model::from_json_str(r#"{
///     "id": "tiny", "version": "1.0.0", "title": "Tiny",
///     "scales": { "tick": { "type": "binary" } },
///     "criteria": [{ "id": "a", "title": "A", "scale": "tick" }]
/// }"#)?;
/// let scorer = Scorer::new(&framework)?;
/// // On one machine:
/// let mut part = Cohort::new(&scorer);
/// let mut a = Assessment::new(framework.exact_ref(), Subject::new("P"));
/// a.rate("a", RatingValue::Met)?;
/// part.push_assessment(&a)?;
/// let shipped = serde_json::to_string(&part.state())?;
/// // On another:
/// let state: CohortState = assessment_model::from_json_str(&shipped)?;
/// let mut whole = Cohort::new(&scorer);
/// whole.merge(&Cohort::from_state(&scorer, state)?)?;
/// assert_eq!(whole.stats().nodes["a"].mean, Some(1.0));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CohortState {
    framework: Id,
    #[cfg_attr(
        feature = "schema",
        schemars(with = "crate::model::form::version_schema::SemVer")
    )]
    version: Version,
    all: Tally,
    #[serde(
        default,
        skip_serializing_if = "IndexMap::is_empty",
        deserialize_with = "crate::model::form::unique_keys::unique_nested_keys"
    )]
    groups: IndexMap<String, IndexMap<String, Tally>>,
}

impl Cohort {
    /// The cohort's accumulators as plain data (see [`CohortState`]).
    pub fn state(&self) -> CohortState {
        let framework = self.scorer.framework();
        CohortState {
            framework: framework.id.clone(),
            version: framework.version.clone(),
            all: self.all.clone(),
            groups: self.groups.clone(),
        }
    }

    /// Rebuilds a cohort for `scorer` from `state`.
    ///
    /// # Errors
    ///
    /// [`ValidationError`] with one issue, its path into the serialised
    /// state: `framework-mismatch` at `/framework` when the state is of
    /// another framework or version; `invalid-state` (at `/all`,
    /// `/groups/<attribute>/<value>` or `/groups/<attribute>`) when its
    /// accumulators do not fit the framework's nodes and levels, a count
    /// exceeds the members, or a group's members do not add up to the
    /// cohort's.
    pub fn from_state(scorer: &Scorer, state: CohortState) -> Result<Cohort, ValidationError> {
        let framework = scorer.framework();
        if state.framework != framework.id || state.version != framework.version {
            let issue = state_mismatch(&state.framework, &state.version, framework);
            return Err(ValidationError::new(vec![issue]));
        }
        let mut cohort = Cohort::new(scorer);
        let invalid =
            |path: String| ValidationError::new(vec![Issue::new(path, IssueKind::InvalidState)]);
        if !state.all.is_consistent(&cohort.levels) {
            return Err(invalid("/all".into()));
        }
        for (attribute, groups) in &state.groups {
            let at = crate::model::issue::pointer("/groups", attribute);
            let mut members: u64 = 0;
            for (value, tally) in groups {
                if !tally.is_consistent(&cohort.levels) {
                    return Err(invalid(crate::model::issue::pointer(&at, value)));
                }
                members = members.saturating_add(tally.members());
            }
            if members != state.all.members() {
                return Err(invalid(at));
            }
        }
        cohort.all = state.all;
        cohort.groups = state.groups;
        Ok(cohort)
    }
}
