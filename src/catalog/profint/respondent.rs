//! The respondent types of PROFINT's interview grids A to D, and the
//! fields of professionalisation.

use std::fmt;
use std::str::FromStr;

/// A field of professionalisation (section 2.2): the `field` facet of
/// `profint-io1`, and what the interview grids ask about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    /// "the accompaniment strategy" (IO1 factors 1, 2, 3).
    AccompanimentStrategy,
    /// "the management of partnerships" (IO1 factors 5, 6).
    PartnershipManagement,
    /// "the accompanying methodology" (IO1 factors 7 to 11).
    AccompanyingMethodology,
    /// "the development of accompanying skills" (IO1 factors 12, 13).
    AccompanyingSkills,
}

impl Field {
    /// The four fields, in the source's order.
    pub const ALL: [Field; 4] = [
        Field::AccompanimentStrategy,
        Field::PartnershipManagement,
        Field::AccompanyingMethodology,
        Field::AccompanyingSkills,
    ];

    /// The field's value id in the `field` facet.
    pub fn id(self) -> &'static str {
        match self {
            Field::AccompanimentStrategy => "accompaniment-strategy",
            Field::PartnershipManagement => "partnership-management",
            Field::AccompanyingMethodology => "accompanying-methodology",
            Field::AccompanyingSkills => "accompanying-skills",
        }
    }

    /// A short label (the facet value's title).
    pub fn label(self) -> &'static str {
        match self {
            Field::AccompanimentStrategy => "Accompaniment strategy",
            Field::PartnershipManagement => "Partnership management",
            Field::AccompanyingMethodology => "Accompanying methodology",
            Field::AccompanyingSkills => "Accompanying skills",
        }
    }

    /// The source's phrase for the field, verbatim (section 2.2).
    pub fn source_phrase(self) -> &'static str {
        match self {
            Field::AccompanimentStrategy => "the accompaniment strategy",
            Field::PartnershipManagement => "the management of partnerships",
            Field::AccompanyingMethodology => "the accompanying methodology",
            Field::AccompanyingSkills => "the development of accompanying skills",
        }
    }
}

/// Who answered an interview grid: the four grids A to D of section 2.2.
///
/// Usable as a subject attribute: store [`RespondentType::as_str`] (also
/// its `Display`, a stable snake_case string) under the key
/// [`RespondentType::ATTRIBUTE`], read it back with [`FromStr`].
///
/// # Examples
///
/// ```
/// use assessment_model::Subject;
/// use assessment_model::catalog::profint::{Field, RespondentType};
///
/// let mut subject = Subject::new("Interview 7");
/// subject.attributes.insert(RespondentType::ATTRIBUTE.into(), RespondentType::OtherDeviceActors.to_string());
/// let back: RespondentType = subject.attributes[RespondentType::ATTRIBUTE].parse()?;
/// assert_eq!(back.grid(), 'C');
/// assert_eq!(back.fields(), Field::ALL);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum RespondentType {
    /// Grid A: "partners involved in the mapped devices".
    Partners,
    /// Grid B: "companies receiving beneficiaries on a job / a practice".
    Companies,
    /// Grid C: "actors accompanying / intervening on a similar /
    /// complementary / competitor device".
    OtherDeviceActors,
    /// Grid D: "refugees or migrants who have received support for their
    /// integration".
    Beneficiaries,
}

impl RespondentType {
    /// The subject attribute key under which a respondent type is recorded.
    pub const ATTRIBUTE: &'static str = "respondent_type";

    /// The four respondent types, in grid order A to D.
    pub const ALL: [RespondentType; 4] = [
        RespondentType::Partners,
        RespondentType::Companies,
        RespondentType::OtherDeviceActors,
        RespondentType::Beneficiaries,
    ];

    /// The stable string form (snake_case), the same as its serde form.
    pub fn as_str(self) -> &'static str {
        match self {
            RespondentType::Partners => "partners",
            RespondentType::Companies => "companies",
            RespondentType::OtherDeviceActors => "other_device_actors",
            RespondentType::Beneficiaries => "beneficiaries",
        }
    }

    /// The letter of the respondent type's interview grid (appendix A to D).
    pub fn grid(self) -> char {
        match self {
            RespondentType::Partners => 'A',
            RespondentType::Companies => 'B',
            RespondentType::OtherDeviceActors => 'C',
            RespondentType::Beneficiaries => 'D',
        }
    }

    /// Who the grid is for, verbatim from section 2.2.
    pub fn description(self) -> &'static str {
        match self {
            RespondentType::Partners => {
                "partners involved in the mapped devices, excluding companies, but possibly \
                 including actors internal to the organization and not part of the team \
                 dedicated to the device"
            }
            RespondentType::Companies => "companies receiving beneficiaries on a job / a practice",
            RespondentType::OtherDeviceActors => {
                "actors accompanying / intervening on a similar / complementary / competitor device"
            }
            RespondentType::Beneficiaries => {
                "refugees or migrants who have received support for their integration"
            }
        }
    }

    /// What the respondents were asked about, verbatim from section 2.2.
    pub fn asks_about(self) -> &'static str {
        match self {
            RespondentType::Partners => {
                "1) about the device, its accompanying dimensions and its strong and weak points \
                 2) on the functioning of the partnership around the device 3) and on the skills \
                 needed by the teams and the organizations."
            }
            RespondentType::Companies => {
                "1) on the situation and the specificities of the beneficiaries 2) on the joint \
                 accompaniment which characterizes the partnership of the device with the \
                 companies and 3) on the competences needed by their teams and their organization."
            }
            RespondentType::OtherDeviceActors => {
                "directly on the factors of success, the characteristics of the beneficiaries to \
                 take into account, partnerships and skills to develop, i.e. the four fields of \
                 professionalization to which the factors of success refer."
            }
            RespondentType::Beneficiaries => {
                "the accompaniment methodology and the practical period possibly spent in \
                 companies."
            }
        }
    }

    /// The fields of professionalisation the grid asks about.
    ///
    /// Stated in the source for grid C (all four fields) and grid D (the
    /// accompanying methodology). For grids A and B the fields are read
    /// from their questions ([`RespondentType::asks_about`]), using grid C's
    /// own pairing of topics with fields (success factors ↔ strategy,
    /// characteristics of the beneficiaries ↔ methodology, partnerships ↔
    /// partnership management, skills ↔ accompanying skills): partners are
    /// asked about the device (strategy), the partnership and the skills;
    /// companies about the beneficiaries (methodology), the joint
    /// accompaniment of the partnership and the competences.
    pub fn fields(self) -> &'static [Field] {
        match self {
            RespondentType::Partners => &[
                Field::AccompanimentStrategy,
                Field::PartnershipManagement,
                Field::AccompanyingSkills,
            ],
            RespondentType::Companies => &[
                Field::PartnershipManagement,
                Field::AccompanyingMethodology,
                Field::AccompanyingSkills,
            ],
            RespondentType::OtherDeviceActors => &Field::ALL,
            RespondentType::Beneficiaries => &[Field::AccompanyingMethodology],
        }
    }
}

impl fmt::Display for RespondentType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for RespondentType {
    type Err = RespondentTypeError;

    fn from_str(s: &str) -> Result<RespondentType, RespondentTypeError> {
        RespondentType::ALL
            .into_iter()
            .find(|r| r.as_str() == s)
            .ok_or_else(|| RespondentTypeError {
                input: s.to_owned(),
            })
    }
}

/// A string that names no [`RespondentType`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown PROFINT respondent type {input:?} (expected partners, companies, other_device_actors or beneficiaries)"
)]
pub struct RespondentTypeError {
    /// The string that was read.
    pub input: String,
}
