//! The three IMPART themes and the thematic modules declared for them.

use std::fmt;
use std::str::FromStr;

use semver::{Version, VersionReq};

use crate::model::framework::{Criterion, Framework, FrameworkRef, Provenance};
use crate::model::id::Id;

use super::super::id;
use super::{DOCUMENT, NETWORK, SCALE, core_id, in_place_scale, rules};

/// One of IMPART's three themes, the thematic priorities its study visits
/// were grouped by (thematic working groups TWG 1 to 3).
///
/// As a subject attribute it is written under the key
/// [`Theme::ATTRIBUTE`] in its stable string form ([`Theme::as_str`]),
/// which [`FromStr`] reads back.
///
/// # Examples
///
/// ```
/// use assessment_model::catalog::impart::Theme;
///
/// let theme: Theme = "integrated_territorial".parse()?;
/// assert_eq!(theme, Theme::IntegratedTerritorial);
/// assert_eq!(theme.title(), "Integrated Territorial Approaches");
/// assert_eq!(theme.twg(), 3);
/// assert_eq!(theme.to_string(), "integrated_territorial");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Theme {
    /// "Assessment and Validation: Valuing Migrant Competences" (TWG 1).
    AssessmentValidation,
    /// "Fostering Anti-discrimination Skills as a Professional Approach"
    /// (TWG 2).
    AntiDiscrimination,
    /// "Integrated Territorial Approaches" (TWG 3).
    IntegratedTerritorial,
}

impl Theme {
    /// The subject attribute key under which a theme is recorded.
    pub const ATTRIBUTE: &'static str = "theme";

    /// The three themes, in the sources' order.
    pub const ALL: [Theme; 3] = [
        Theme::AssessmentValidation,
        Theme::AntiDiscrimination,
        Theme::IntegratedTerritorial,
    ];

    /// The theme's title, verbatim from the sources (000 and 002 agree).
    pub fn title(self) -> &'static str {
        match self {
            Theme::AssessmentValidation => "Assessment and Validation: Valuing Migrant Competences",
            Theme::AntiDiscrimination => {
                "Fostering Anti-discrimination Skills as a Professional Approach"
            }
            Theme::IntegratedTerritorial => "Integrated Territorial Approaches",
        }
    }

    /// The number of the theme's thematic working group (TWG), as source
    /// 002 gives it.
    pub fn twg(self) -> u8 {
        match self {
            Theme::AssessmentValidation => 1,
            Theme::AntiDiscrimination => 2,
            Theme::IntegratedTerritorial => 3,
        }
    }

    /// The stable string form (snake_case), the same as its serde form.
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::AssessmentValidation => "assessment_validation",
            Theme::AntiDiscrimination => "anti_discrimination",
            Theme::IntegratedTerritorial => "integrated_territorial",
        }
    }
}

impl fmt::Display for Theme {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Theme {
    type Err = ThemeError;

    fn from_str(s: &str) -> Result<Theme, ThemeError> {
        Theme::ALL
            .into_iter()
            .find(|theme| theme.as_str() == s)
            .ok_or_else(|| ThemeError {
                input: s.to_owned(),
            })
    }
}

/// A string that names no [`Theme`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown IMPART theme {input:?} (expected assessment_validation, anti_discrimination or integrated_territorial)"
)]
pub struct ThemeError {
    /// The string that was read.
    pub input: String,
}

/// Declares a thematic module for `theme`: a framework with `id`,
/// `version`, `title` and the caller's `criteria`, that `requires`
/// `impart-core` `^1` (so it composes with [`super::core()`] into the
/// benchmark for all projects in that thematic area).
///
/// **The crate ships no module indicators**: the sources say there is one
/// module per theme, "set of CFs that make the difference specifically for
/// projects on each theme", but do not list them. The criteria are the
/// caller's. The module defines the `in-place` scale (so its leaves can be
/// rated like the core's, and it validates on its own; a module whose
/// leaves all use other scales gets an unused-scale warning for it) and
/// carries the core's rules. Its provenance records the theme and that the
/// content is not from the sources; its description names the theme.
///
/// Composing it with the core is the job of `compose`; this function only
/// declares the module. Its `in-place` scale and its rules are the same as
/// [`super::core()`]'s, so they merge with the core's when composed; a
/// module meant for [`super::core_with_scale`] should have its `in-place`
/// scale replaced by the same scale first.
///
/// # Examples
///
/// ```
/// use assessment_model::{Criterion, Id};
/// use assessment_model::catalog::impart::{self, Theme};
///
/// // An illustrative indicator, not from the sources.
/// let mut factor = Criterion::group(
///     Id::new("recognition-route")?,
///     "A route to recognise migrants' qualifications",
///     vec![Criterion::leaf(Id::new("recognition-route-1")?, "route agreed with the awarding body", Id::new("in-place")?)],
/// );
/// factor.critical = true;
/// let module = impart::module(
///     Theme::AssessmentValidation,
///     Id::new("impart-validation-module")?,
///     semver::Version::new(0, 1, 0),
///     "Validation module (illustrative)",
///     vec![factor],
/// );
/// module.validate()?;
/// assert_eq!(module.requires[0].id, "impart-core");
/// assert!(module.requires[0].matches(&impart::core()));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn module(
    theme: Theme,
    id: Id,
    version: Version,
    title: impl Into<String>,
    criteria: Vec<Criterion>,
) -> Framework {
    Framework {
        schema: None,
        id,
        version,
        title: title.into(),
        description: Some(format!(
            "IMPART thematic module for the theme \"{}\" (TWG {}).",
            theme.title(),
            theme.twg()
        )),
        language: crate::model::language_tag::LanguageTag::en(),
        provenance: Provenance {
            network: Some(NETWORK.to_owned()),
            document: Some(DOCUMENT.to_owned()),
            year: None,
            notes: vec![
                format!(
                    "Thematic module for the IMPART theme \"{}\".",
                    theme.title()
                ),
                "The sources give no thematic module indicators: every criterion of this module \
                 is its author's, not IMPART's."
                    .to_owned(),
            ],
            derived_from: Vec::new(),
        },
        scales: [(self::id(SCALE), in_place_scale())].into_iter().collect(),
        facets: indexmap::IndexMap::new(),
        rules: rules(),
        requires: vec![FrameworkRef {
            id: core_id(),
            version: core_requirement(),
        }],
        criteria,
    }
}

/// `^1`: any 1.x version of the core benchmark.
fn core_requirement() -> VersionReq {
    VersionReq {
        comparators: vec![semver::Comparator {
            op: semver::Op::Caret,
            major: 1,
            minor: None,
            patch: None,
            pre: semver::Prerelease::EMPTY,
        }],
    }
}
