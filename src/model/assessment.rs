//! [`Assessment`]: ratings of one subject against one framework version,
//! with evidence, narratives and declared findings.

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

use crate::model::framework::FrameworkRef;
use crate::model::id::{Id, IdError};
use crate::model::scale::RatingValue;

/// Ratings of one subject (a project, practice, device) against one
/// framework version, with evidence and notes.
///
/// Ratings are keyed by leaf id. An assessment may carry only narratives
/// and findings (qualitative use: IMPART peers "are not judging how well" a
/// project performs); it is valid and gives a report without totals.
///
/// # Examples
///
/// ```
/// use assessment_model::{Assessment, RatingValue};
///
/// let assessment: Assessment = assessment_model::from_json_str(r#"{
///     "framework": { "id": "tiny", "version": "^1" },
///     "subject": { "name": "A project", "attributes": { "country": "FR" } },
///     "ratings": {
///         "a": { "value": "met" },
///         "b": { "value": "not_met", "note": "No budget line yet." }
///     }
/// }"#)?;
/// assert_eq!(assessment.ratings["b"].value, RatingValue::NotMet);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Assessment {
    /// The JSON Schema the document names (`"$schema"`), for editors.
    /// Any string is accepted: it is kept on a round trip and otherwise
    /// ignored (not checked, not scored). The committed schemas' ids are
    /// `urn:assessment-model:schema:<kind>:1`.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// The framework (id and version requirement) the assessment was made
    /// against.
    pub framework: FrameworkRef,
    /// What is assessed.
    pub subject: Subject,
    /// Who assessed it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub assessors: Vec<Person>,
    /// Ratings by leaf id, in the order given.
    #[serde(
        default,
        skip_serializing_if = "IndexMap::is_empty",
        deserialize_with = "crate::model::form::unique_keys::unique_keys"
    )]
    pub ratings: IndexMap<Id, Rating>,
    /// Narratives by criterion id (a leaf or a group).
    #[serde(
        default,
        skip_serializing_if = "IndexMap::is_empty",
        deserialize_with = "crate::model::form::unique_keys::unique_keys"
    )]
    pub narratives: IndexMap<Id, String>,
    /// Findings the assessor declares, carried into the report as given.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub findings: Vec<DeclaredFinding>,
}

impl Assessment {
    /// An assessment of `subject` against `framework` with nothing rated yet.
    ///
    /// # Examples
    ///
    /// ```
    /// use assessment_model::{Assessment, Rating, RatingValue, Subject};
    /// use assessment_model::catalog::good_practice;
    ///
    /// let gp = good_practice::criteria();
    /// let mut assessment = Assessment::new(gp.exact_ref(), Subject::new("My project"));
    /// assessment.rate("q1-1", RatingValue::Met)?;
    /// assert_eq!(assessment.ratings.len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(framework: FrameworkRef, subject: Subject) -> Assessment {
        Assessment {
            schema: None,
            framework,
            subject,
            assessors: Vec::new(),
            ratings: IndexMap::new(),
            narratives: IndexMap::new(),
            findings: Vec::new(),
        }
    }

    /// Rates leaf `id` with `value` (no evidence, no note), replacing any
    /// earlier rating of it. `id` is an [`Id`] or text (`&str`, `String`),
    /// checked as [`Id::new`] checks it. Returns `self` for chaining.
    ///
    /// Whether `id` is a leaf of the framework, and `value` on its scale,
    /// is for [`Scorer::validate`](crate::Scorer::validate) to say.
    ///
    /// # Errors
    ///
    /// [`IdError`] when `id` is not a well-formed id; nothing is rated then.
    ///
    /// # Examples
    ///
    /// ```
    /// use assessment_model::{Assessment, RatingValue, Subject};
    /// use assessment_model::catalog::good_practice;
    ///
    /// let gp = good_practice::criteria();
    /// let mut assessment = Assessment::new(gp.exact_ref(), Subject::new("My project"));
    /// assessment.rate("q1-1", RatingValue::Met)?.rate("q1-2", RatingValue::NotMet)?;
    /// assert_eq!(assessment.ratings["q1-2"].value, RatingValue::NotMet);
    /// assert!(assessment.rate("Q1", RatingValue::Met).is_err());
    /// assert_eq!(assessment.ratings.len(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn rate(
        &mut self,
        id: impl AsRef<str>,
        value: RatingValue,
    ) -> Result<&mut Assessment, IdError> {
        let id = Id::new(id.as_ref())?;
        self.ratings.insert(id, Rating::new(value));
        Ok(self)
    }
}

/// What an assessment is about.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Subject {
    /// The subject's name.
    pub name: String,
    /// What kind of subject it is (e.g. "project", "practice", "device").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// Free attributes used to group assessments (e.g. `country`, `theme`,
    /// `respondent_type`, `beneficiary_group`).
    #[serde(
        default,
        skip_serializing_if = "IndexMap::is_empty",
        deserialize_with = "crate::model::form::unique_keys::unique_keys"
    )]
    pub attributes: IndexMap<String, String>,
}

impl Subject {
    /// A subject with a name and nothing else.
    pub fn new(name: impl Into<String>) -> Subject {
        Subject {
            name: name.into(),
            ..Subject::default()
        }
    }
}

/// A person taking part: an assessor, a peer reviewer.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Person {
    /// The person's name.
    pub name: String,
    /// The organisation they come from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
    /// Their country.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
}

impl Person {
    /// A person with a name and nothing else.
    pub fn new(name: impl Into<String>) -> Person {
        Person {
            name: name.into(),
            ..Person::default()
        }
    }
}

/// One rating of a leaf, with its evidence and a note.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Rating {
    /// The rating.
    pub value: RatingValue,
    /// What the rating rests on.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<Evidence>,
    /// A free note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Rating {
    /// A rating with no evidence and no note.
    pub fn new(value: RatingValue) -> Rating {
        Rating {
            value,
            evidence: Vec::new(),
            note: None,
        }
    }
}

/// One piece of evidence behind a rating.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Evidence {
    /// What kind of evidence it is.
    pub kind: EvidenceKind,
    /// What it shows.
    pub description: String,
    /// Where to find it (a document title, a page, an interview reference).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
}

impl Evidence {
    /// Evidence of kind `kind` showing `description`, with no reference.
    ///
    /// # Examples
    ///
    /// ```
    /// use assessment_model::{Evidence, Rating, RatingValue};
    /// use assessment_model::model::EvidenceKind;
    ///
    /// let mut rating = Rating::new(RatingValue::Level(1.into()));
    /// rating.evidence.push(Evidence::new(EvidenceKind::Interview, "Two participants"));
    /// rating.note = Some("Feedback is collected but not yet acted on.".into());
    /// assert_eq!(rating.evidence.len(), 1);
    /// ```
    pub fn new(kind: EvidenceKind, description: impl Into<String>) -> Evidence {
        Evidence {
            kind,
            description: description.into(),
            reference: None,
        }
    }
}

/// The kind of an [`Evidence`] item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum EvidenceKind {
    /// A document: a report, a plan, a record.
    Document,
    /// An interview with a counterpart.
    Interview,
    /// Something observed on the spot.
    Observation,
    /// A desk review of documents.
    DeskReview,
    /// A survey or questionnaire.
    Survey,
    /// Data: monitoring figures, statistics.
    Data,
    /// Anything else.
    Other,
}

/// A finding the assessor declares, with its text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct DeclaredFinding {
    /// A risk or a strength.
    pub kind: FindingKind,
    /// The criterion it is about, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub criterion: Option<Id>,
    /// What was found.
    pub text: String,
}

impl DeclaredFinding {
    /// A finding of kind `kind` with text `text`, about no criterion in
    /// particular (set [`criterion`](DeclaredFinding::criterion) for one).
    ///
    /// # Examples
    ///
    /// ```
    /// use assessment_model::model::{DeclaredFinding, FindingKind};
    ///
    /// let mut finding = DeclaredFinding::new(FindingKind::Risk, "Funding ends next year.");
    /// finding.criterion = Some("sustainability".parse()?);
    /// assert_eq!(finding.kind, FindingKind::Risk);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(kind: FindingKind, text: impl Into<String>) -> DeclaredFinding {
        DeclaredFinding {
            kind,
            criterion: None,
            text: text.into(),
        }
    }
}

/// Whether a finding is a risk or a strength.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum FindingKind {
    /// A risk (IMPART: a risk of long-term failure).
    Risk,
    /// A strength.
    Strength,
}
