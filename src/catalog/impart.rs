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

use crate::model::framework::{Criterion, Framework, Provenance};
use crate::model::id::Id;
use crate::model::rules::ScoringRules;
use crate::model::scale::{Level, Scale};

use super::id;

mod study_visits;
mod theme;

pub use study_visits::{StudyVisit, VisitStatus, study_visits};
pub use theme::{Theme, ThemeError, module};

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
