//! [`PeerReview`]: a review of one subject by several peers, as IMPART ran
//! them (source `002`, the peer-review process): a benchmark per theme, a
//! baseline report, a project report, a desk review, a study visit with
//! interviews, feedback on the spot and a detailed visit report; each peer
//! rates the subject against the benchmark, and the ratings are
//! consolidated into one assessment ([`PeerReview::consolidate`]).
//!
//! This module holds the [`PeerReview`] (also at the crate root), its
//! context ([`ContextDocuments`], [`BaselineReport`], [`StudyVisit`],
//! [`Counterpart`]), its consolidation ([`Consolidation`], [`Consolidated`],
//! [`Disagreement`], [`ReviewError`]), the peers' agreement ([`Agreement`],
//! [`LeafAgreement`], [`ScaleAgreement`]) and Krippendorff's alpha
//! ([`krippendorff_alpha`], [`MeasurementLevel`]) ([SPEC](crate::spec)
//! §3.9, §7.4).

mod agreement;
pub(crate) mod consolidate;
pub(crate) mod krippendorff;
mod validate;

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

use crate::model::assessment::{Assessment, DeclaredFinding, Person, Subject};
use crate::model::date::IsoDate;
use crate::model::framework::{Framework, FrameworkRef};
use crate::model::id::Id;

pub use agreement::{Agreement, LeafAgreement, ScaleAgreement};
pub use consolidate::{Consolidated, Consolidation, Disagreement, ReviewError};
pub use krippendorff::{MeasurementLevel, krippendorff_alpha};

/// A review of one subject (a project) by several peers against one
/// framework (a benchmark: IMPART's core, or core plus a thematic module).
///
/// Peers are listed by a short key (an [`Id`], e.g. `peer-de`), and each
/// peer's [`Assessment`] is keyed by the same key. Everything else is
/// structured text: what the peers read before the visit, what they saw and
/// whom they met, what they said on the spot and what the visit report
/// found.
///
/// Deserialising checks the form of every field (unknown fields are
/// errors, dates must be `YYYY-MM-DD` calendar dates); the rules that span
/// fields are checked by [`PeerReview::issues`] and, against the framework,
/// [`PeerReview::issues_against`].
///
/// # Examples
///
/// ```
/// use assessment_model::PeerReview;
///
/// let review: PeerReview = assessment_model::from_json_str(r#"{
///     "framework": { "id": "tiny", "version": "^1" },
///     "subject": { "name": "Job coaching for refugees", "attributes": { "country": "SE" } },
///     "theme": "employer engagement",
///     "peers": {
///         "peer-de": { "name": "Anna", "organisation": "ESF agency", "country": "DE" },
///         "peer-pl": { "name": "Piotr", "country": "PL" }
///     },
///     "context": {
///         "baseline": { "policy_setting": "National introduction programme." },
///         "project_report": "Runs since 2010 in three municipalities."
///     },
///     "visit": {
///         "place": "Malmö",
///         "start": "2011-10-12",
///         "end": "2011-10-14",
///         "counterparts": [{ "role": "project manager" }, { "role": "employer", "organisation": "A bakery" }]
///     },
///     "assessments": {
///         "peer-de": {
///             "framework": { "id": "tiny", "version": "^1" },
///             "subject": { "name": "Job coaching for refugees" },
///             "ratings": { "a": { "value": "met" } }
///         }
///     },
///     "feedback": ["Employers value the single contact person."]
/// }"#)?;
/// assert!(review.issues().is_empty());
/// assert_eq!(review.visit.as_ref().map(|v| v.start.to_string()).as_deref(), Some("2011-10-12"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct PeerReview {
    /// The JSON Schema the document names (`"$schema"`), for editors.
    /// Any string is accepted: it is kept on a round trip and otherwise
    /// ignored (not checked, not scored). The committed schemas' ids are
    /// `urn:assessment-model:schema:<kind>:1`.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// The framework (benchmark) the peers assess against.
    pub framework: FrameworkRef,
    /// What is reviewed.
    pub subject: Subject,
    /// The review's theme (IMPART: one of the network's themes).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub theme: Option<String>,
    /// The thematic module used with the core benchmark, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub module: Option<FrameworkRef>,
    /// The peers, by key, in the order given.
    #[serde(
        default,
        skip_serializing_if = "IndexMap::is_empty",
        deserialize_with = "crate::model::form::unique_keys::unique_keys"
    )]
    pub peers: IndexMap<Id, Person>,
    /// What the peers read before the visit.
    #[serde(default, skip_serializing_if = "ContextDocuments::is_empty")]
    pub context: ContextDocuments,
    /// The study visit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visit: Option<StudyVisit>,
    /// Each peer's assessment, keyed by the peer's key in `peers`.
    #[serde(
        default,
        skip_serializing_if = "IndexMap::is_empty",
        deserialize_with = "crate::model::form::unique_keys::unique_keys"
    )]
    pub assessments: IndexMap<Id, Assessment>,
    /// The feedback the peers gave on the spot, one item per point.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub feedback: Vec<String>,
    /// The findings of the detailed visit report.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub findings: Vec<DeclaredFinding>,
}

impl PeerReview {
    /// A review of `subject` against `framework` with no peers, context or
    /// assessments yet.
    ///
    /// # Examples
    ///
    /// ```
    /// use assessment_model::{FrameworkRef, PeerReview, Subject};
    ///
    /// let framework: FrameworkRef = assessment_model::from_json_str(r#"{"id": "impart-core", "version": "^1"}"#)?;
    /// let review = PeerReview::new(framework, Subject::new("A project"));
    /// assert!(review.peers.is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(framework: FrameworkRef, subject: Subject) -> PeerReview {
        PeerReview {
            schema: None,
            framework,
            subject,
            theme: None,
            module: None,
            peers: IndexMap::new(),
            context: ContextDocuments::default(),
            visit: None,
            assessments: IndexMap::new(),
            feedback: Vec::new(),
            findings: Vec::new(),
        }
    }

    /// Consolidates the peers' assessments into one by `method` (see
    /// [`Consolidation`] for the rules per leaf), and measures their
    /// agreement ([`Agreement`]).
    ///
    /// Nothing a peer wrote is lost, and all of it is attributed with the
    /// peer's key in square brackets:
    /// - on a leaf that gets a rating, every rating peer's evidence is kept
    ///   with its `reference` prefixed `[peer] ` (or set to `[peer]`), and
    ///   their notes become the rating's note, one line `[peer] note` each;
    /// - on a leaf left unrated (no score, or a disagreement), the notes and
    ///   evidence go into the leaf's narrative instead, as lines
    ///   `[peer] note` and `[peer] evidence (kind): description (reference)`;
    /// - narratives are joined per criterion as paragraphs `[peer] text`;
    /// - the review's own findings (the visit report's) come first, as
    ///   given, then every peer's declared findings with text `[peer] …`.
    ///
    /// # Errors
    ///
    /// - [`ReviewError::InvalidFramework`] when `framework` does not
    ///   validate;
    /// - [`ReviewError::Invalid`] when the review does not fit `framework`
    ///   (every issue, with paths, from [`PeerReview::issues_against`]);
    /// - [`ReviewError::Invalid`] for [`Consolidation::Mean`] with one
    ///   `not-numeric` issue per leaf with scores on a binary or ordinal
    ///   scale, at the first rating peer's rating of it
    ///   (`/assessments/<peer>/ratings/<leaf>`).
    ///
    /// # Examples
    ///
    /// ```
    /// use assessment_model::{Framework, PeerReview, RatingValue};
    /// use assessment_model::review::Consolidation;
    ///
    /// let framework: Framework = assessment_model::from_json_str(r#"{
    ///     "id": "tiny", "version": "1.0.0", "title": "Tiny",
    ///     "scales": { "tick": { "type": "binary" } },
    ///     "criteria": [{ "id": "a", "title": "A", "scale": "tick" }]
    /// }"#)?;
    /// let review: PeerReview = assessment_model::from_json_str(r#"{
    ///     "framework": { "id": "tiny", "version": "^1" },
    ///     "subject": { "name": "P" },
    ///     "peers": { "p1": { "name": "One" }, "p2": { "name": "Two" } },
    ///     "assessments": {
    ///         "p1": { "framework": { "id": "tiny", "version": "^1" }, "subject": { "name": "P" },
    ///                 "ratings": { "a": { "value": "met", "note": "Seen in the plan." } } },
    ///         "p2": { "framework": { "id": "tiny", "version": "^1" }, "subject": { "name": "P" },
    ///                 "ratings": { "a": { "value": "not_met" } } }
    ///     }
    /// }"#)?;
    /// let result = review.consolidate(&framework, Consolidation::Median)?;
    /// // Lower median of {not met, met}: not met.
    /// assert_eq!(result.assessment.ratings["a"].value, RatingValue::NotMet);
    /// assert_eq!(result.assessment.ratings["a"].note.as_deref(), Some("[p1] Seen in the plan."));
    /// assert_eq!(result.agreement.leaves["a"].spread, Some(1.0));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn consolidate(
        &self,
        framework: &Framework,
        method: Consolidation,
    ) -> Result<Consolidated, ReviewError> {
        consolidate::consolidate(self, framework, method)
    }
}

/// The documents peers read before a study visit (IMPART: a baseline report,
/// a project report and a desk review), as structured text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ContextDocuments {
    /// The baseline report on the region.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<BaselineReport>,
    /// The project report: what the project is and does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_report: Option<String>,
    /// Notes of the desk review, one item per note.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub desk_review: Vec<String>,
}

impl ContextDocuments {
    /// Whether nothing is recorded.
    pub fn is_empty(&self) -> bool {
        *self == ContextDocuments::default()
    }
}

/// A baseline report: the region's socio-economic context, its policy
/// setting and the funding activity in it (IMPART: ESF activity).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct BaselineReport {
    /// The socio-economic context.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub socio_economic_context: Option<String>,
    /// The policy setting.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub policy_setting: Option<String>,
    /// The funding activity (e.g. ESF programmes and projects).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub funding_activity: Option<String>,
}

/// A study visit: where, when, and whom the peers interviewed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct StudyVisit {
    /// Where the visit took place.
    pub place: String,
    /// The first day of the visit.
    pub start: IsoDate,
    /// The last day, when the visit lasted more than one day; not before
    /// `start` ([`PeerReview::issues`] checks it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<IsoDate>,
    /// The counterparts interviewed, in the order met.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub counterparts: Vec<Counterpart>,
}

impl StudyVisit {
    /// A visit to `place` on `start`, of one day, with no counterparts
    /// recorded yet.
    pub fn new(place: impl Into<String>, start: IsoDate) -> StudyVisit {
        StudyVisit {
            place: place.into(),
            start,
            end: None,
            counterparts: Vec::new(),
        }
    }
}

/// Someone the peers interviewed on a study visit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Counterpart {
    /// Their role (e.g. "project manager", "employer", "participant").
    pub role: String,
    /// Their name, where it may be recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Their organisation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
}

impl Counterpart {
    /// A counterpart in the role `role` (e.g. "project manager"), with no
    /// name or organisation recorded.
    pub fn new(role: impl Into<String>) -> Counterpart {
        Counterpart {
            role: role.into(),
            name: None,
            organisation: None,
        }
    }
}
