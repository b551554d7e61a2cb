//! [`ActionPlan`]: what a subject will do about a report's risks and
//! priorities, by whom and by when, and whether it worked
//! ([SPEC](crate::spec) §3.13). Its checks are in `validate.rs`, the draft
//! in `draft.rs`, the review against a [`Progress`](crate::Progress) in
//! `review.rs`.
//!
//! This module holds the [`ActionPlan`] (also at the crate root), its
//! [`Action`]s with their [`Owner`], [`ActionStatus`] and what they
//! [`Answers`], the [`Draft`] options, and a review's results
//! ([`PlanReview`], [`ActionReview`], [`Verdict`], [`CriterionChange`];
//! §6.7).

use serde::{Deserialize, Serialize};

use crate::model::assessment::{Person, Subject};
use crate::model::date::IsoDate;
use crate::model::framework::FrameworkRef;
use crate::model::id::Id;

mod draft;
mod review;
mod validate;

pub use draft::Draft;
pub use review::{ActionReview, CriterionChange, PlanReview, Verdict};

/// A plan of action: the subject and framework it is for, and actions,
/// each answering criteria of a report (and perhaps one of its risks or
/// declared findings), with an owner, a due date and a status
/// ([SPEC](crate::spec) §3.13). NIST OSCAL calls such a document a plan of
/// action and milestones.
///
/// Read the document with [`crate::from_json_str`]: it must be an
/// object, unknown fields and a key given twice are errors. Check it
/// against the report it answers with
/// [`ActionPlan::validate_against`]; propose one with
/// [`ActionPlan::draft`]; see whether it worked with
/// [`ActionPlan::review`].
///
/// # Examples
///
/// ```
/// use assessment_model::{ActionPlan, from_json_str};
///
/// let text = r#"{
///     "subject": { "name": "Afpa" },
///     "framework": { "id": "good-practice", "version": "^1" },
///     "actions": [{
///         "id": "follow-up",
///         "title": "Follow beneficiaries up after the practice",
///         "criteria": ["q9-3"],
///         "owner": { "organisation": "Afpa" },
///         "due": "2027-06-30",
///         "status": "planned"
///     }]
/// }"#;
/// let plan: ActionPlan = from_json_str(text)?;
/// assert_eq!(plan.actions[0].criteria[0], "q9-3");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ActionPlan {
    /// The JSON Schema the document names (`"$schema"`), for editors.
    /// Any string is accepted: it is kept on a round trip and otherwise
    /// ignored (not checked). The committed schemas' ids are
    /// `urn:assessment-model:schema:<kind>:1`.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// What the plan is for (the report's subject).
    pub subject: Subject,
    /// The framework (versions) whose criteria the actions address.
    pub framework: FrameworkRef,
    /// The actions, in the order a reader should see them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<Action>,
}

/// One action of an [`ActionPlan`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Action {
    /// The action's id, unique in the plan.
    pub id: Id,
    /// What will be done.
    pub title: String,
    /// The criteria it addresses (any depth), whose progress
    /// [`ActionPlan::review`] reads.
    pub criteria: Vec<Id>,
    /// The risk or declared finding it answers, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answers: Option<Answers>,
    /// Who is responsible.
    pub owner: Owner,
    /// By when.
    pub due: IsoDate,
    /// Where it stands.
    pub status: ActionStatus,
    /// When it was done (required when `status` is `done`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub done: Option<IsoDate>,
    /// The exact gain in the report's total (rule 10) expected from raising
    /// the criterion to its maximum, as [`ActionPlan::draft`] computed it
    /// from the report's priorities; informative, not checked against the
    /// report. A finite number: NaN or an infinity (which JSON cannot
    /// write, so the plan would not read back) is refused when a document
    /// is read and by [`ActionPlan::issues_against`].
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "finite_gain"
    )]
    pub expected_gain: Option<f64>,
    /// A free note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Why `gain` cannot be an [`Action::expected_gain`]: it is not a finite
/// number. The one check of that field, on reading and in validation.
pub(crate) fn gain_problem(gain: Option<f64>) -> Option<String> {
    let gain = gain.filter(|g| !g.is_finite())?;
    Some(format!("expected_gain must be a finite number, not {gain}"))
}

/// Reads [`Action::expected_gain`], refusing what [`gain_problem`] refuses.
fn finite_gain<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
    let gain = Option::<f64>::deserialize(d)?;
    match gain_problem(gain) {
        Some(problem) => Err(serde::de::Error::custom(problem)),
        None => Ok(gain),
    }
}

/// What an [`Action`] answers: a computed risk of the report (rule 8), by
/// its criterion, or a finding the assessor declared, by its position in
/// the report's (and assessment's) `findings` (0 for the first).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum Answers {
    /// `{"risk": "<criterion id>"}`: the risk of that critical criterion.
    Risk(Id),
    /// `{"finding": 0}`: the declared finding at that position.
    Finding(usize),
}

/// Who is responsible for an [`Action`]: a person, or an organisation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum Owner {
    /// `{"person": {"name": …}}`: a named person.
    Person(Person),
    /// `{"organisation": "…"}`: an organisation, by name.
    Organisation(String),
}

impl Owner {
    /// The owner's name: the person's, or the organisation's.
    pub fn name(&self) -> &str {
        match self {
            Owner::Person(p) => &p.name,
            Owner::Organisation(name) => name,
        }
    }
}

/// Where an [`Action`] stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ActionStatus {
    /// Not started.
    Planned,
    /// Under way.
    InProgress,
    /// Done (on the date in [`Action::done`]).
    Done,
    /// Given up.
    Dropped,
}

impl std::fmt::Display for ActionStatus {
    /// In words: `planned`, `in progress`, `done`, `dropped`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            ActionStatus::Planned => "planned",
            ActionStatus::InProgress => "in progress",
            ActionStatus::Done => "done",
            ActionStatus::Dropped => "dropped",
        })
    }
}

impl Action {
    /// A planned action `id` addressing `criteria`, owned by `owner`, due
    /// on `due`, with no answer, done date, gain or note.
    pub fn new(
        id: Id,
        title: impl Into<String>,
        criteria: Vec<Id>,
        owner: Owner,
        due: IsoDate,
    ) -> Action {
        Action {
            id,
            title: title.into(),
            criteria,
            answers: None,
            owner,
            due,
            status: ActionStatus::Planned,
            done: None,
            expected_gain: None,
            note: None,
        }
    }
}

impl ActionPlan {
    /// An empty plan for `subject` against `framework` (add its actions).
    pub fn new(subject: Subject, framework: FrameworkRef) -> ActionPlan {
        ActionPlan {
            schema: None,
            subject,
            framework,
            actions: Vec::new(),
        }
    }
}
