//! The IMPART benchmark (IMPART, ESF Learning Network 2009-12): the core
//! benchmark of 8 critical factors, the three themes and their thematic
//! modules, and the study visits.
//!
//! IMPART's benchmark is modular (source 000, "Completing IMPART's modular
//! benchmark"): the **core benchmark** holds the critical factors that apply
//! in general to projects on migrant and ethnic minority employment; a
//! **thematic module** adds the critical factors that make the difference
//! for projects on one theme, one module per theme; core + module is the
//! benchmark for all projects in that thematic area.
//!
//! - [`core()`] gives `impart-core` 1.0.0, rated on the crate's own ordinal
//!   scale `in-place` ([`in_place_scale`]); [`core_with_scale`] swaps in
//!   another scale.
//! - [`Theme`] names the three themes; [`module`] declares a thematic
//!   module that `requires` `impart-core` `^1`.
//! - [`study_visits`] lists the study visits per theme, region and year.
//!
//! # What the sources do not give
//!
//! - **No rating scale.** The slides ask "are the factors in place, that
//!   ensure long-term impact…?"; the three-level `in-place` scale is the
//!   crate's choice.
//! - **No thematic module indicators.** The sources say there is one module
//!   per theme but list none of their critical factors, so the crate ships
//!   no module content: [`module`] takes the criteria from its caller.
//! - **No weights.** Every factor and indicator has weight 1.
//! - **No control facet.** The crate's design names, as an example of a
//!   facet, IMPART's "inside / outside the project's control". The slides
//!   draw that line only for the peer review as a whole ("Peer review - how
//!   IMPART innovated ...": IMPART went beyond "what it can control" to look
//!   also at "factors outside its control"); they never say of a factor or
//!   an indicator which side it is on. Tagging each would be the crate's
//!   guess presented as the source's, so `impart-core` ships no such facet;
//!   a user who wants one can add it, with their own tags.

use std::fmt;
use std::str::FromStr;

use semver::{Version, VersionReq};

use crate::model::framework::{Criterion, Framework, FrameworkRef, Provenance};
use crate::model::id::Id;
use crate::model::rules::ScoringRules;
use crate::model::scale::{Level, Scale};

use super::id;

/// The id of the `in-place` scale every core indicator is rated on.
pub const SCALE: &str = "in-place";

/// A critical factor scoring below this is a risk (see [`core()`]).
pub const RISK_BELOW: f64 = 0.5;

/// The network, as the source names it.
pub const NETWORK: &str = "IMPART – ESF Learning Network 2009-12";

/// The source document of the core benchmark.
pub const DOCUMENT: &str = "Actions to promote employment for migrants: what makes them sustainable? \
     (Richard Stanton, MigrationWork CIC; INPUT Project, Third Mission of Transnational Experts \
     Seminar 23 May 2012 – Reutlingen)";

/// The crate's ordinal scale for IMPART indicators (the sources give none):
/// `not-in-place` (0), `partly-in-place` (1), `in-place` (2), normalising
/// to 0, ½ and 1.
///
/// It follows the benchmark's own question, "are the factors in place, that
/// ensure long-term impact for this project or programme?" (source 000,
/// "How we created the IMPART benchmark"), with a middle level for a
/// factor that is only partly there.
///
/// # Examples
///
/// ```
/// use assessment_model::RatingValue;
/// use assessment_model::catalog::impart;
///
/// let scale = impart::in_place_scale();
/// assert_eq!(scale.normalise(&RatingValue::Level(1.into())), Some(0.5));
/// ```
pub fn in_place_scale() -> Scale {
    Scale::Ordinal {
        title: Some("In place".to_owned()),
        description: Some(
            "Whether the indicator is in place for the project (the crate's own scale: the \
             IMPART sources give none)."
                .to_owned(),
        ),
        levels: vec![
            Level::new(id("not-in-place"), 0, "not in place"),
            Level::new(id("partly-in-place"), 1, "partly in place"),
            Level::new(id("in-place"), 2, "in place"),
        ],
    }
}

/// The IMPART core benchmark 2012: framework `impart-core` 1.0.0, rated on
/// [`in_place_scale`].
///
/// The 8 critical factors (groups, each `critical: true`) and their 30
/// indicators (leaves) are the slides' wording verbatim, in source order
/// ("Making projects sustainable: IMPART 'core' factors (I)" to "(IV)"):
/// factor titles are the slides' headings, indicator titles their bullets.
/// Two layout choices, both recorded in the provenance:
///
/// - a bullet that the slide breaks over two lines is joined with one space;
/// - the sub-points of the equalities indicator "core aim: promote equality
///   /tackle discrimination" ("between migrants + others", "within
///   communities") are not indicators of their own: they stay in that
///   indicator's `description`, verbatim, one per line, so `equalities-1`
///   is one rated leaf like every other indicator.
///
/// # Rules (the crate's choice)
///
/// Groups take the weighted mean of their children (every weight 1);
/// unrated indicators are left out. A factor scoring below
/// [`RISK_BELOW`] (½: on average less than "partly in place") is a **risk**
/// of long-term failure, the benchmark's diagnostic purpose (source 000,
/// "IMPART peer review – as learning process": "looking at risks of
/// long-term failure"). No strength threshold and no bands are set.
///
/// # Examples
///
/// ```
/// use assessment_model::catalog::impart;
///
/// let core = impart::core();
/// core.validate()?;
/// assert_eq!(core.criteria.len(), 8);
/// assert!(core.criteria.iter().all(|factor| factor.critical));
/// assert_eq!(core.rules.risk_below, Some(0.5));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn core() -> Framework {
    core_with_scale(in_place_scale())
}

/// [`core()`] with `scale` in place of [`in_place_scale`], under the same
/// scale id [`SCALE`], so every indicator is rated on it.
///
/// The rules stay as in [`core()`]: a factor is a risk when its normalised
/// score is below [`RISK_BELOW`], whatever the scale's levels; change
/// `rules.risk_below` on the result if the new scale calls for another
/// threshold.
///
/// # Examples
///
/// ```
/// use assessment_model::Scale;
/// use assessment_model::catalog::impart;
///
/// let ticked = impart::core_with_scale(Scale::binary());
/// ticked.validate()?;
/// assert!(matches!(ticked.scales["in-place"], Scale::Binary { .. }));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn core_with_scale(scale: Scale) -> Framework {
    let criteria = FACTORS
        .iter()
        .map(|factor| {
            let indicators = factor
                .indicators
                .iter()
                .enumerate()
                .map(|(index, indicator)| {
                    let n = index.saturating_add(1);
                    let mut leaf = Criterion::leaf(
                        id(format!("{}-{n}", factor.id)),
                        indicator.text,
                        id(SCALE),
                    );
                    if !indicator.sub_points.is_empty() {
                        leaf.description = Some(indicator.sub_points.join("\n"));
                    }
                    leaf.source = Some(format!(
                        "source 000, slide \"Making projects sustainable: IMPART 'core' factors ({})\", \
                         factor \"{}\", indicator {n}",
                        factor.slide, factor.title
                    ));
                    leaf
                })
                .collect();
            let mut group = Criterion::group(id(factor.id), factor.title, indicators);
            group.critical = true;
            group.source = Some(format!(
                "source 000, slide \"Making projects sustainable: IMPART 'core' factors ({})\"; \
                 \"{}\" in the overall findings",
                factor.slide, factor.findings_name
            ));
            group
        })
        .collect();

    Framework {
        schema: None,
        id: id("impart-core"),
        version: semver::Version::new(1, 0, 0),
        title: "IMPART core benchmark".to_owned(),
        description: Some(
            "Critical factors applying in general to projects on migrant & ethnic minority \
             employment: are the factors in place, that ensure long-term impact for this \
             project or programme?"
                .to_owned(),
        ),
        language: crate::model::language_tag::LanguageTag::en(),
        provenance: provenance(),
        scales: [(id(SCALE), scale)].into_iter().collect(),
        facets: indexmap::IndexMap::new(),
        rules: rules(),
        requires: Vec::new(),
        criteria,
    }
}

/// The core benchmark's rules: weighted mean, a risk below [`RISK_BELOW`].
fn rules() -> ScoringRules {
    ScoringRules {
        risk_below: Some(RISK_BELOW),
        ..ScoringRules::default()
    }
}

fn provenance() -> Provenance {
    Provenance {
        network: Some(NETWORK.to_owned()),
        document: Some(DOCUMENT.to_owned()),
        year: Some("2012".to_owned()),
        notes: vec![
            "Factors and indicators are the slides' wording verbatim, in source order \
             (\"Making projects sustainable: IMPART 'core' factors (I)\" to \"(IV)\"); \
             bullets broken over two lines are joined with one space."
                .to_owned(),
            "The sub-points of equalities-1 (\"between migrants + others\", \"within \
             communities\") are kept verbatim in its description, one per line, not as \
             indicators of their own."
                .to_owned(),
            "The sources give no rating scale: the ordinal scale in-place (not in place / \
             partly in place / in place) is the crate's own choice."
                .to_owned(),
            "The sources give no weights or thresholds: equal weights and a risk below 0.5 \
             for the critical factors are the crate's own choice."
                .to_owned(),
            "Not in the sources: which factors are inside or outside the project's control. \
             The slides draw that line only for the peer review as a whole (\"Peer review - \
             how IMPART innovated ...\": beyond \"what it can control\" to \"factors outside \
             its control\") and never say it of a factor or an indicator, so no control facet \
             is shipped."
                .to_owned(),
        ],
        derived_from: Vec::new(),
    }
}

/// One core factor of the slides.
struct Factor {
    id: &'static str,
    /// The slide's heading, verbatim.
    title: &'static str,
    /// The factor's name in the "Overall findings" table.
    findings_name: &'static str,
    /// The slide's Roman numeral.
    slide: &'static str,
    indicators: &'static [Indicator],
}

/// One indicator: a bullet under a factor, with its sub-points.
struct Indicator {
    text: &'static str,
    sub_points: &'static [&'static str],
}

const fn ind(text: &'static str) -> Indicator {
    Indicator {
        text,
        sub_points: &[],
    }
}

// The core factors and their indicators, verbatim, in source order.
const FACTORS: &[Factor] = &[
    Factor {
        id: "needs-assessment",
        title: "Needs assessment for the project",
        findings_name: "needs assessment",
        slide: "I",
        indicators: &[
            ind("as basis of project design and delivery"),
            ind("objective and inclusive"),
            ind("use outside, independent evidence"),
            ind("consult stakeholders, including target group"),
        ],
    },
    Factor {
        id: "migrant-voice",
        title: "Migrant voice to guide project's work",
        findings_name: "migrant voice",
        slide: "I",
        indicators: &[
            ind("to inform design ... delivery ... evaluation"),
            ind("listen to project participants but also wider communities"),
            ind("consult migrant self-organisations (MSOs) on its work"),
            ind("give MSOs a role in steering project"),
        ],
    },
    Factor {
        id: "employer-engagement",
        title: "Employer engagement",
        findings_name: "employer engagement",
        slide: "II",
        indicators: &[
            ind("identify employers to work with"),
            ind("consult on skills needs"),
            ind("audit migrant skills, where relevant >> skill recognition"),
            ind("support for migrant integration to workforce"),
            ind("make business case for recruiting migrants"),
        ],
    },
    Factor {
        id: "other-social-partners",
        title: "Other social partners to guide project",
        findings_name: "consulting other social partners",
        slide: "II",
        indicators: &[
            ind(
                "consult employment agencies, trade unions, business bodies ... on labour market conditions + response",
            ),
            ind("include these partners in project governance"),
        ],
    },
    Factor {
        id: "policy-frameworks",
        title: "Link project with policy frameworks",
        findings_name: "policy framework",
        slide: "III",
        indicators: &[
            ind("EU policies, or national / regional"),
            ind("align project goals explicitly"),
            ind("policy-makers contribute to design"),
            ind("dialogue with them as project develops ..."),
        ],
    },
    Factor {
        id: "commitment-to-mainstream",
        title: "Commitment to mainstream >> long-term legacy",
        findings_name: "commitment to mainstream",
        slide: "III",
        indicators: &[
            ind("invest in local structures to champion good practice eg. MSO networks"),
            ind("concrete products to embody this practice"),
            ind("follow migrants' longer-term employment experience"),
            ind("with policy-makers: plan to bring results to mainstream"),
        ],
    },
    Factor {
        id: "monitoring-evaluation",
        title: "Monitoring and evaluation",
        findings_name: "monitoring and evaluation",
        slide: "IV",
        indicators: &[
            ind("structured + transparent"),
            ind("adapted to target group ... variety of evidence"),
            ind("both 'hard' (quantifiable) and 'soft' outcomes"),
            ind("not just current performance >> test longer-term impact"),
        ],
    },
    Factor {
        id: "equalities",
        title: "Equalities",
        findings_name: "equalities",
        slide: "IV",
        indicators: &[
            Indicator {
                text: "core aim: promote equality /tackle discrimination",
                sub_points: &["between migrants + others", "within communities"],
            },
            ind("equalities in project's own employment practice"),
            ind(
                "in relationship with employers, other agencies ... champion equalities + tackle discrimination",
            ),
        ],
    },
];

/// The id of the core benchmark, as a module's requirement names it.
fn core_id() -> Id {
    id("impart-core")
}

// IMPART's study visits per theme, region and year (source 002, the
// IMPART methodology page).

/// One IMPART study visit: a host region or country visited by the peers of
/// one thematic working group.
///
/// # Examples
///
/// ```
/// use assessment_model::catalog::impart::{self, Theme, VisitStatus};
///
/// let run_2010: Vec<&str> = impart::study_visits()
///     .iter()
///     .filter(|v| v.year == 2010 && v.theme == Theme::AntiDiscrimination)
///     .map(|v| v.region)
///     .collect();
/// assert_eq!(run_2010, ["Flanders (Belgium)", "Estonia", "Scotland"]);
/// assert!(impart::study_visits().iter().filter(|v| v.year == 2011).all(|v| v.status == VisitStatus::Planned));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct StudyVisit {
    /// The theme (thematic working group) of the visit.
    pub theme: Theme,
    /// The region or country visited, verbatim from the source (with the
    /// country in parentheses where the source gives one).
    pub region: &'static str,
    /// The year of the visit.
    pub year: u16,
    /// The month(s), where the source gives them (only for the 2011 plan).
    pub months: Option<&'static str>,
    /// Whether the source reports the visit as run or as planned.
    pub status: VisitStatus,
}

/// Whether a [`StudyVisit`] had been run or was planned when the source was
/// written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum VisitStatus {
    /// "In 2010 IMPART run seven study visits".
    Run,
    /// "In 2011 IMPART plans to conduct the following study visits".
    Planned,
}

/// The study visits as source 002 lists them: the seven run in 2010 and the
/// four planned for 2011, in the source's order (by theme, then as listed).
///
/// The source gives no visits beyond 2011 and no months for 2010. (Source
/// 000 speaks of 14 projects looked at across the network's life; the
/// visits after 2011 are not listed in any source, so they are not here.)
pub fn study_visits() -> &'static [StudyVisit] {
    VISITS
}

const fn run(theme: Theme, region: &'static str) -> StudyVisit {
    StudyVisit {
        theme,
        region,
        year: 2010,
        months: None,
        status: VisitStatus::Run,
    }
}

const fn planned(theme: Theme, region: &'static str, months: &'static str) -> StudyVisit {
    StudyVisit {
        theme,
        region,
        year: 2011,
        months: Some(months),
        status: VisitStatus::Planned,
    }
}

const VISITS: &[StudyVisit] = &[
    run(Theme::AssessmentValidation, "Berlin (Germany)"),
    run(Theme::AntiDiscrimination, "Flanders (Belgium)"),
    run(Theme::AntiDiscrimination, "Estonia"),
    run(Theme::AntiDiscrimination, "Scotland"),
    run(Theme::IntegratedTerritorial, "Andalusia (Spain)"),
    run(Theme::IntegratedTerritorial, "Baden-Württemberg (Germany)"),
    run(Theme::IntegratedTerritorial, "Aragon (Spain)"),
    planned(Theme::AssessmentValidation, "England", "September"),
    planned(Theme::AntiDiscrimination, "Greece", "October-November"),
    planned(Theme::IntegratedTerritorial, "Germany", "May"),
    planned(Theme::IntegratedTerritorial, "Sweden", "October"),
];

// The three IMPART themes and the thematic modules declared for them.

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
/// `impart-core` `^1` (so it composes with [`core()`] into the
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
/// [`core()`]'s, so they merge with the core's when composed; a
/// module meant for [`core_with_scale`] should have its `in-place`
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
