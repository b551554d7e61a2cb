//! The PROFINT model (Erasmus+, "European professional teams for
//! successful integration of migrants and refugees"): the success factors
//! of its two phases, the learning-assessment grid and the interview grids'
//! respondent types.
//!
//! - [`success_factors_io1`]: `profint-io1` 1.0.0, the 13 factors of the
//!   first phase (Figure 1), tagged with the source's two facets
//!   (stakeholder, field of professionalisation);
//! - [`success_factors_io2`]: `profint-io2` 1.0.0, the 13 reformulated
//!   factors in Figure 4's order, each tagged (facet [`PART_FACET`]) with
//!   the part of the PROFINT model it is placed in, the crate's reading;
//! - [`io1_to_io2`]: the [`Mapping`] from the IO1 factors
//!   to the IO2 factors (section 4.1), and [`migrate_io1`] to carry an IO1
//!   assessment across;
//! - [`learning_grid`]: `profint-learning-grid` 1.0.0, the 22 proposals of
//!   appendix E in 5 learning domains, rated 1 to 3 for importance;
//! - [`RespondentType`]: the interview grids A to D, by respondent type,
//!   with the fields of professionalisation ([`Field`]) each asks about.
//!
//! # What the source does not give
//!
//! The documentation summarises the appendices but does not reproduce them:
//! the wording of the learning grid's 22 proposals, the questions of grids A
//! to D, and Figures 2, 3 and 5 (the averages per learning domain and the
//! model's recommendations) are not in it. It gives no publication year. It
//! does not say which of the four parts each IO2 factor belongs to; the
//! tags of the facet `part` are the crate's reading, said so in the facet's
//! description, the provenance and each factor's `source`.

use std::fmt;
use std::str::FromStr;

use crate::mapping::carried::Translation;
use crate::mapping::{Mapping, MappingEntry, Relation};
use crate::model::assessment::Assessment;
use crate::model::framework::{Criterion, Facet, FacetValue, Framework, Provenance};
use crate::model::issue::ValidationError;
use crate::model::rules::ScoringRules;
use crate::model::scale::{Level, Scale};

use super::id;

/// The network, as the source names it.
pub const NETWORK: &str = "PROFINT (Erasmus+)";

/// The source document's title.
pub const DOCUMENT: &str =
    "PROFINT model – Documentation: Formalization and references of the partners' work";

/// The id of the binary scale the success factors are rated on.
pub const SUCCESS_SCALE: &str = "met";

/// The binary scale of the success factors: the factor holds for the device
/// (met) or not (not met).
fn success_scale() -> Scale {
    Scale::Binary {
        title: Some("Met".to_owned()),
        description: Some(
            "The success factor holds for the device (met) or does not (not met).".to_owned(),
        ),
    }
}

/// Provenance shared by the PROFINT catalogues, with `notes` added.
fn provenance(notes: Vec<String>) -> Provenance {
    Provenance {
        network: Some(NETWORK.to_owned()),
        document: Some(DOCUMENT.to_owned()),
        year: None,
        notes,
        derived_from: Vec::new(),
    }
}

/// A facet value with a short title and the source's phrase as description.
fn value(title: &str, source_phrase: &str) -> FacetValue {
    FacetValue {
        title: title.to_owned(),
        description: Some(source_phrase.to_owned()),
    }
}

/// The stakeholder facet of IO1 (section 2.2).
fn stakeholder_facet() -> Facet {
    Facet {
        title: "Stakeholder".to_owned(),
        description: Some(
            "The stakeholder of the device a success factor refers to (section 2.2).".to_owned(),
        ),
        values: [
            (
                id("beneficiaries"),
                value("Beneficiaries", "the beneficiaries"),
            ),
            (
                id("partners"),
                value(
                    "Partners",
                    "the partners of the organization implementing the device",
                ),
            ),
            (
                id("organisation"),
                value("Organisation", "the organization implementing the device"),
            ),
        ]
        .into_iter()
        .collect(),
    }
}

/// The field-of-professionalisation facet of IO1 (section 2.2).
fn field_facet() -> Facet {
    Facet {
        title: "Field of professionalization".to_owned(),
        description: Some(
            "The field of professionalization a success factor refers to (section 2.2).".to_owned(),
        ),
        values: Field::ALL
            .into_iter()
            .map(|field| (id(field.id()), value(field.label(), field.source_phrase())))
            .collect(),
    }
}

// The 13 success factors of PROFINT's first phase (IO1, Figure 1).

/// The IO1 success factors: framework `profint-io1` 1.0.0.
///
/// 13 leaves `io1-f1` … `io1-f13`, the factors of Figure 1 verbatim (the
/// numbering "1)" … "13)" dropped), rated on the binary scale `met`, and
/// tagged with the source's two facets (section 2.2):
///
/// - `stakeholder`: `beneficiaries` (4, 7, 8, 9, 10, 11), `partners` (5, 6),
///   `organisation` (1, 2, 3, 12, 13);
/// - `field`: `accompaniment-strategy` (1, 2, 3), `partnership-management`
///   (5, 6), `accompanying-methodology` (7 to 11), `accompanying-skills`
///   (12, 13). Factor 4 has no field in the source and stays untagged.
///
/// # Scale and rules (the crate's choice)
///
/// The partners reported "whether and to what extent the various success
/// factors were validated" (section 2.3) but the source defines no rating
/// scale; the crate records each factor as met (it holds for the device)
/// or not met. Rules are the crate's defaults: the total is the share of
/// the factors met, unrated factors left out.
///
/// Kept verbatim: factor 2's "are subjects learning processes", and factor
/// 4's closing colon (the source lists nothing after it).
///
/// # Examples
///
/// ```
/// use assessment_model::catalog::profint;
///
/// let io1 = profint::success_factors_io1();
/// io1.validate()?;
/// let f4 = io1.criterion("io1-f4").ok_or("no io1-f4")?;
/// assert_eq!(f4.tags["stakeholder"], "beneficiaries");
/// assert!(!f4.tags.contains_key("field"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn success_factors_io1() -> Framework {
    let criteria = IO1_FACTORS
        .iter()
        .enumerate()
        .map(|(index, (title, stakeholder, field))| {
            let n = index.saturating_add(1);
            let mut leaf = Criterion::leaf(id(format!("io1-f{n}")), *title, id(SUCCESS_SCALE));
            leaf.tags.insert(id("stakeholder"), id(*stakeholder));
            if let Some(field) = field {
                leaf.tags.insert(id("field"), id(*field));
            }
            leaf.source = Some(format!(
                "section 2.2, Figure 1, factor {n}; stakeholder and field as listed after Figure 1"
            ));
            leaf
        })
        .collect();

    Framework {
        schema: None,
        id: id("profint-io1"),
        version: semver::Version::new(1, 0, 0),
        title: "List of the success factors of devices supporting migrants and refugees - \
                established at the end of the project PROFINT first step (IO1)"
            .to_owned(),
        description: Some(
            "The success factors for the support of migrants and refugees drawn up in the first \
             phase of the PROFINT project (IO1), from which the interview grids were produced."
                .to_owned(),
        ),
        language: crate::model::language_tag::LanguageTag::en(),
        provenance: provenance(vec![
            "Factors are Figure 1's wording verbatim, without their numbers; factor 2's \
             \"are subjects learning processes\" and factor 4's closing colon are kept as given."
                .to_owned(),
            "Facets stakeholder and field are as section 2.2 lists them; factor 4 has no field \
             in the source and is left untagged."
                .to_owned(),
            "The source gives no rating scale: the binary scale met (the factor holds for the \
             device or not) and equal weights are the crate's choice."
                .to_owned(),
        ]),
        scales: [(id(SUCCESS_SCALE), success_scale())].into_iter().collect(),
        facets: [
            (id("stakeholder"), stakeholder_facet()),
            (id("field"), field_facet()),
        ]
        .into_iter()
        .collect(),
        rules: ScoringRules::default(),
        requires: Vec::new(),
        criteria,
    }
}

/// Figure 1, verbatim: (factor, stakeholder, field).
const IO1_FACTORS: [(&str, &str, Option<&str>); 13] = [
    (
        "The device created to support migrants / refugees aims at the acquisition of a job and has as a guideline the development of a project and professional skills, whatever the level of skills and experience gained by the beneficiaries recruited and accompanied.",
        "organisation",
        Some("accompaniment-strategy"),
    ),
    (
        "The device aims at global support and is based on the fact that the mastery of the host country's language, the social and cultural integration and the professional development of the beneficiaries are subjects learning processes that interact and reinforce each other.",
        "organisation",
        Some("accompaniment-strategy"),
    ),
    (
        "The device is based on a knowledge of the territory and an anchoring in the local environment",
        "organisation",
        Some("accompaniment-strategy"),
    ),
    (
        "The device favors practice as a learning mode:",
        "beneficiaries",
        None,
    ),
    (
        "The system relies upon the establishment of a network of qualified partners",
        "partners",
        Some("partnership-management"),
    ),
    (
        "The management develops and maintains functional partnerships at the organizational level.",
        "partners",
        Some("partnership-management"),
    ),
    (
        "The accompaniment is both collective and individual.",
        "beneficiaries",
        Some("accompanying-methodology"),
    ),
    (
        "The individual accompaniment is brought closer and as much as possible joint with the partners",
        "beneficiaries",
        Some("accompanying-methodology"),
    ),
    (
        "The device strengthens/relies on motivation and respect of the codes and aims at the autonomy of the beneficiaries",
        "beneficiaries",
        Some("accompanying-methodology"),
    ),
    (
        "The accompanying team (internal and external) is available and reactive",
        "beneficiaries",
        Some("accompanying-methodology"),
    ),
    (
        "The device operates \"continuous targeting\" of the beneficiaries with feedback and adaptations, i.e. it is based on an adaptive accompanying methodology.",
        "beneficiaries",
        Some("accompanying-methodology"),
    ),
    (
        "The organization responsible for the device optimizes internal and external support resources (professional and voluntary)",
        "organisation",
        Some("accompanying-skills"),
    ),
    (
        "The management communicates on the device and its results and uses tools and methods adapted to the interlocutors",
        "organisation",
        Some("accompanying-skills"),
    ),
];

// The mapping from PROFINT's first-phase success factors (IO1, Figure 1)
// to the reformulated ones (IO2, Figure 4), following section 4.1 of the
// PROFINT model documentation.

/// The mapping `profint-io1-to-io2` from `profint-io1` ^1 to `profint-io2`
/// ^1.
///
/// Section 4.1 says that "as a whole, the success factors listed after the
/// IO1 mapping were validated", and that the cross-analysis "resulted in a
/// clarification and reformulation of this list". Reading Figure 1 against
/// Figure 4 and sections 4.1.1 to 4.1.3:
///
/// | IO1 | IO2 | relation | what happened |
/// |---|---|---|---|
/// | 1 + 2 | 1 | subset | merged and reformulated: comprehensive accompaniment (4.1.1) |
/// | 2 | 2 | superset | reformulated: three learning processes (4.1.2); its "global support" went to IO2 1 |
/// | 3 | 3 | equivalent | kept |
/// | 4 | 9 | subset | moved, and beneficiary participation added (4.1.3) |
/// | 5 | 4 | equivalent | moved |
/// | 6 | 5 | subset | moved and widened to teams, operational and institutional levels |
/// | — | 6 | — | new: concrete involvement of the partners (4.1.3) |
/// | 7 | 7 | equivalent | reworded |
/// | 8 | 8 | equivalent | made precise (the partners involved in the phases) |
/// | 9 | 10 | superset | moved; "respect of the codes" no longer stated |
/// | 10 | 11 | subset | moved; familiarity with migrants' situation added |
/// | 11 | 12 | equivalent | moved |
/// | 12 | — | — | no counterpart in Figure 4 |
/// | 13 | 13 | subset | widened to teams and organisations, progress and results |
///
/// So 12 of the 13 IO1 factors are carried (IO1 factor 12 is not, with its
/// rationale in `unmapped_from`), and 12 of the 13 IO2 factors receive a
/// rating (IO2 factor 6 is new, with its rationale in `unmapped_to`). Both
/// frameworks rate on the same binary scale, so a single-source rating
/// is carried as it is; IO2 factor 1, made from two IO1 factors, is met only
/// when both are (their mean is 1).
///
/// # Examples
///
/// ```
/// use assessment_model::catalog::profint;
///
/// let mapping = profint::io1_to_io2();
/// mapping.check(&profint::success_factors_io1(), &profint::success_factors_io2())?;
/// assert_eq!(mapping.entries.len(), 12);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn io1_to_io2() -> Mapping {
    let entry = |from: &[&str], to: &str, relation: Relation, rationale: &str| MappingEntry {
        from: from.iter().map(|f| id(*f)).collect(),
        to: id(to),
        relation,
        rationale: rationale.to_owned(),
    };
    let io1 = success_factors_io1();
    let io2 = success_factors_io2();
    Mapping {
        schema: None,
        id: id("profint-io1-to-io2"),
        title: "PROFINT success factors: first phase (IO1) to second phase (IO2)".to_owned(),
        description: Some(
            "Section 4.1 of the PROFINT model documentation: the IO1 factors were \
             validated as a whole, then clarified and reformulated into Figure 4. \
             IO1 factor 12 has no IO2 counterpart; IO2 factor 6 is new."
                .to_owned(),
        ),
        from: io1.compatible_ref(),
        to: io2.compatible_ref(),
        entries: vec![
            entry(
                &["io1-f1", "io1-f2"],
                "io2-f1",
                Relation::Subset,
                "Section 4.1.1: reflecting on the notion of comprehensive accompaniment \
                 \"introduced in phase IO1\" led the partners \"to reconsider the formulation \
                 of the first two success factors\". IO1 factor 1 (a job as the aim, with a \
                 professional project and skills) and the global support of IO1 factor 2 \
                 become IO2 factor 1, which widens the aim to \"work and full integration of \
                 people\" and adds the whole integration journey and its \"peripheral\" \
                 conditions; the two IO1 factors together state part of it.",
            ),
            entry(
                &["io1-f2"],
                "io2-f2",
                Relation::Superset,
                "Section 4.1.2: the reformulated second factor keeps IO1 factor 2's basis \
                 (language, social and cultural integration and professional development as \
                 learning processes that interact and reinforce each other), now \"three \
                 learning processes\" \"throughout the integration process\", and \"in \
                 reality, specifies the conditions for comprehensive accompaniment\". IO1 \
                 factor 2 also states the aim of global support, which moved to IO2 factor 1.",
            ),
            entry(
                &["io1-f3"],
                "io2-f3",
                Relation::Equivalent,
                "Figures 1 and 4 state the same factor: the device is based on knowledge of \
                 the territory and an anchoring in the local environment; section 4.1.2 calls \
                 it \"our third success factor\".",
            ),
            entry(
                &["io1-f4"],
                "io2-f9",
                Relation::Subset,
                "Section 4.1.3: IO2 factor 9 keeps IO1 factor 4 (practice as a learning mode) \
                 and adds \"the active participation of beneficiaries in the definition and \
                 implementation of activities or projects\": \"Participation must be the \
                 corollary of the importance given to practice as a mode of learning\".",
            ),
            entry(
                &["io1-f5"],
                "io2-f4",
                Relation::Equivalent,
                "Same wording in Figures 1 and 4 (\"The system relies upon the establishment \
                 of a network of qualified partners\"); moved from 5th to 4th place.",
            ),
            entry(
                &["io1-f6"],
                "io2-f5",
                Relation::Subset,
                "IO1 factor 6 has \"the management\" maintain functional partnerships \"at \
                 the organizational level\"; IO2 factor 5 widens it to \"teams and \
                 management\" \"at the operational and institutional levels\".",
            ),
            entry(
                &["io1-f7"],
                "io2-f7",
                Relation::Equivalent,
                "Reworded only: \"The accompaniment is both collective and individual\" \
                 (Figure 1) and \"The device provides both collective and individual \
                 support\" (Figure 4).",
            ),
            entry(
                &["io1-f8"],
                "io2-f8",
                Relation::Equivalent,
                "Same statement; Figure 4 makes precise which partners: those \"involved in \
                 the different phases or dimensions of the accompaniment\".",
            ),
            entry(
                &["io1-f9"],
                "io2-f10",
                Relation::Superset,
                "IO1 factor 9 relies on \"motivation and respect of the codes\" and aims at \
                 autonomy; IO2 factor 10 keeps motivation and autonomy but no longer states \
                 respect of the codes, so the IO1 factor asks for more. Moved from 9th to \
                 10th place.",
            ),
            entry(
                &["io1-f10"],
                "io2-f11",
                Relation::Subset,
                "IO1 factor 10 asks that the team be \"available and reactive\"; IO2 factor \
                 11 keeps \"available and responsive\" and adds that the teams \"are familiar \
                 with the situation of migrants and refugees\" and \"attentive to the \
                 beneficiaries\". Moved from 10th to 11th place.",
            ),
            entry(
                &["io1-f11"],
                "io2-f12",
                Relation::Equivalent,
                "Same wording in Figures 1 and 4 (\"continuous targeting\" with feedback and \
                 adaptations, an adaptive accompanying methodology); moved from 11th to 12th \
                 place.",
            ),
            entry(
                &["io1-f13"],
                "io2-f13",
                Relation::Subset,
                "IO1 factor 13 has \"the management\" communicate on the device and its \
                 results; IO2 factor 13 widens it to \"accompanying teams and their \
                 organizations\" communicating on the device's \"progress and results\" to \
                 their various stakeholders, with methods adapted to each.",
            ),
        ],
        unmapped_from: [(
            id("io1-f12"),
            "Figure 4 has no counterpart to IO1 factor 12 (\"The organization responsible \
             for the device optimizes internal and external support resources (professional \
             and voluntary)\"), and section 4.1 does not say where it went; its rating is not \
             carried."
                .to_owned(),
        )]
        .into_iter()
        .collect(),
        unmapped_to: [(
            id("io2-f6"),
            "New in IO2 (section 4.1.3): the partners' concrete involvement \"as a factor of \
             success in itself\"; no IO1 factor states it."
                .to_owned(),
        )]
        .into_iter()
        .collect(),
    }
}

/// Carries an assessment made against `profint-io1` to `profint-io2`
/// through [`io1_to_io2`] and the built-in frameworks.
///
/// # Errors
///
/// [`ValidationError`] when the assessment is not one of `profint-io1` ^1, or
/// rates criteria it does not define or off their scale.
///
/// # Examples
///
/// ```
/// use assessment_model::{Assessment, RatingValue, Subject};
/// use assessment_model::catalog::profint;
///
/// let io1 = profint::success_factors_io1();
/// let mut assessment = Assessment::new(io1.exact_ref(), Subject::new("A device"));
/// assessment.rate("io1-f5", RatingValue::Met)?;
/// let moved = profint::migrate_io1(&assessment)?;
/// assert_eq!(moved.assessment.ratings["io2-f4"].value, RatingValue::Met);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn migrate_io1(assessment: &Assessment) -> Result<Translation, ValidationError> {
    io1_to_io2().translate(assessment, &success_factors_io1(), &success_factors_io2())
}

// The 13 reformulated success factors of PROFINT's second phase (IO2,
// Figure 4), in the figure's order, each tagged with the part of the
// PROFINT model it is placed in (the crate's reading).

/// The id of the facet of `profint-io2` whose values are the four parts of
/// the PROFINT model ([`Part`]).
pub const PART_FACET: &str = "part";

/// One of the four parts of the PROFINT model (section 5).
///
/// # Examples
///
/// ```
/// use assessment_model::catalog::profint::{Field, Part};
///
/// assert_eq!(Part::ResponsiveTeams.title(), "Responsive and innovative teams");
/// assert_eq!(Part::ResponsiveTeams.field(), Field::AccompanyingSkills);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Part {
    /// 5.1 "A comprehensive accompaniment".
    ComprehensiveAccompaniment,
    /// 5.2 "Qualified and functional partnerships".
    QualifiedPartnerships,
    /// 5.3 "Adapted methodology".
    AdaptedMethodology,
    /// 5.4 "Responsive and innovative teams".
    ResponsiveTeams,
}

impl Part {
    /// The four parts, in the source's order.
    pub const ALL: [Part; 4] = [
        Part::ComprehensiveAccompaniment,
        Part::QualifiedPartnerships,
        Part::AdaptedMethodology,
        Part::ResponsiveTeams,
    ];

    /// The part's value id in the facet [`PART_FACET`] of `profint-io2`.
    pub fn id(self) -> &'static str {
        match self {
            Part::ComprehensiveAccompaniment => "comprehensive-accompaniment",
            Part::QualifiedPartnerships => "qualified-partnerships",
            Part::AdaptedMethodology => "adapted-methodology",
            Part::ResponsiveTeams => "responsive-teams",
        }
    }

    /// The part's title, verbatim from the source's contents (section 5).
    pub fn title(self) -> &'static str {
        match self {
            Part::ComprehensiveAccompaniment => "A comprehensive accompaniment",
            Part::QualifiedPartnerships => "Qualified and functional partnerships",
            Part::AdaptedMethodology => "Adapted methodology",
            Part::ResponsiveTeams => "Responsive and innovative teams",
        }
    }

    /// The part's section number in the source.
    pub fn section(self) -> &'static str {
        match self {
            Part::ComprehensiveAccompaniment => "5.1",
            Part::QualifiedPartnerships => "5.2",
            Part::AdaptedMethodology => "5.3",
            Part::ResponsiveTeams => "5.4",
        }
    }

    /// The field of professionalisation whose recommendations the part
    /// structures. Section 4.2 lists the four fields (support strategy,
    /// partnership management, accompanying methodology, accompanying
    /// skills) and says the model has four parts "whose titles underline the
    /// respective main axes"; the pairing follows that order.
    pub fn field(self) -> Field {
        match self {
            Part::ComprehensiveAccompaniment => Field::AccompanimentStrategy,
            Part::QualifiedPartnerships => Field::PartnershipManagement,
            Part::AdaptedMethodology => Field::AccompanyingMethodology,
            Part::ResponsiveTeams => Field::AccompanyingSkills,
        }
    }
}

/// The IO2 success factors: framework `profint-io2` 1.0.0.
///
/// 13 leaves `io2-f1` … `io2-f13`, the factors of Figure 4 verbatim (the
/// numbering dropped) and in its order, rated on the binary scale `met`.
/// Each carries a tag of the facet [`PART_FACET`] (`part`), whose four
/// values are the parts of the PROFINT model ([`Part`], section 5):
///
/// | value of `part` | factors |
/// |---|---|
/// | `comprehensive-accompaniment` | 1, 2, 3 |
/// | `qualified-partnerships` | 4, 5, 6 |
/// | `adapted-methodology` | 7, 8, 9, 10, 12 |
/// | `responsive-teams` | 11, 13 |
///
/// **The placements are the crate's reading**, not the source's: the
/// source lists the factors (Figure 4) and the parts (section 5) but does
/// not say which factor goes where (Figure 5, which may, is not in the
/// text). Each factor's `source` gives the reason for its tag. Factor 2's
/// comes closest to being stated (section 4.1.2: it "specifies the
/// conditions for comprehensive accompaniment"). Factor 11 is the one open
/// call: its IO1 ancestor (factor 10) was in the accompanying methodology
/// field, but its new wording is about the teams (familiar with migrants'
/// situation, attentive, available and responsive), which the part
/// "Responsive and innovative teams" names; the crate tags it so.
///
/// The parts are a facet rather than groups of the tree so that the
/// factors keep Figure 4's order and the total does not depend on the
/// crate's reading. The source gives IO2 no facet of its own.
///
/// # Rules (the crate's choice)
///
/// The crate's defaults: every factor has weight 1, the total is the share
/// of the factors met, unrated factors left out. The facet view of each
/// part (rule 9) is the share of that part's factors met.
///
/// # Examples
///
/// ```
/// use assessment_model::catalog::profint;
///
/// let io2 = profint::success_factors_io2();
/// io2.validate()?;
/// assert_eq!(io2.criteria.len(), 13);
/// assert!(io2.criteria.iter().all(|factor| factor.is_leaf()));
/// let f11 = io2.criterion("io2-f11").ok_or("no io2-f11")?;
/// assert_eq!(f11.tags[profint::PART_FACET], "responsive-teams");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn success_factors_io2() -> Framework {
    let criteria = IO2_FACTORS
        .iter()
        .enumerate()
        .map(|(index, (title, part, reason))| {
            let n = index.saturating_add(1);
            let mut leaf = Criterion::leaf(id(format!("io2-f{n}")), *title, id(SUCCESS_SCALE));
            leaf.tags.insert(id(PART_FACET), id(part.id()));
            leaf.source = Some(format!(
                "section 4.1, Figure 4, factor {n}; part {} ({}): the crate's reading, not the \
                 source's; {reason}",
                part.section(),
                part.title()
            ));
            leaf
        })
        .collect();

    Framework {
        schema: None,
        id: id("profint-io2"),
        version: semver::Version::new(1, 0, 0),
        title: "Improved list of success factors for the support and training of migrants and \
                refugees developed at the end of phase IO2 of the project."
            .to_owned(),
        description: Some(
            "The success factors reformulated in the second phase of the PROFINT project (IO2), \
             on which the PROFINT model was built, in Figure 4's order; the facet part places \
             each in one of the model's four parts (the crate's reading)."
                .to_owned(),
        ),
        language: crate::model::language_tag::LanguageTag::en(),
        provenance: provenance(vec![
            "Factors are Figure 4's wording verbatim, in its order, without their numbers; the \
             values of the facet part are the contents' titles of sections 5.1 to 5.4."
                .to_owned(),
            "The source does not state which part each factor belongs to: the facet part is \
             the crate's reading, and each factor's source gives the reason for its tag. The \
             parts are a facet, not groups, so that the factors keep Figure 4's order."
                .to_owned(),
            "The source gives no rating scale: the binary scale met and equal weights are the \
             crate's choice."
                .to_owned(),
        ]),
        scales: [(id(SUCCESS_SCALE), success_scale())].into_iter().collect(),
        facets: [(id(PART_FACET), part_facet())].into_iter().collect(),
        rules: ScoringRules::default(),
        requires: Vec::new(),
        criteria,
    }
}

/// The facet [`PART_FACET`]: the four parts of the PROFINT model, in the
/// source's order.
fn part_facet() -> Facet {
    Facet {
        title: "Part of the PROFINT model".to_owned(),
        description: Some(
            "The part of the PROFINT model (section 5) a success factor is placed in: the \
             crate's reading, since the source does not say which part each factor belongs to."
                .to_owned(),
        ),
        values: Part::ALL
            .into_iter()
            .map(|part| {
                (
                    id(part.id()),
                    FacetValue {
                        title: part.title().to_owned(),
                        description: Some(format!("Section {} of the contents.", part.section())),
                    },
                )
            })
            .collect(),
    }
}

/// Figure 4, verbatim and in order: (factor, part, why the crate places it
/// there).
const IO2_FACTORS: [(&str, Part, &str); 13] = [
    (
        "The device aims to provide a comprehensive accompaniment for newcomers, i.e. the different actors working on initiatives targeting migrants / refugees have in mind the whole journey that they must make until their full integration and apprehend all the problems that they have to face during their integration journey.",
        Part::ComprehensiveAccompaniment,
        "the factor defines comprehensive accompaniment (section 4.1.1) and reformulates IO1 factor 1 (field: accompaniment strategy)",
    ),
    (
        "The device is based on the fact that the mastery of the host country's language, the social and cultural integration and the professional development of the beneficiaries are subjects of three learning processes that interact and reinforce each other, throughout the integration process.",
        Part::ComprehensiveAccompaniment,
        "section 4.1.2 states that it \"specifies the conditions for comprehensive accompaniment\"; it reformulates IO1 factor 2 (field: accompaniment strategy)",
    ),
    (
        "The device is based on knowledge of the territory and an anchoring in the local environment.",
        Part::ComprehensiveAccompaniment,
        "it reformulates IO1 factor 3 (field: accompaniment strategy)",
    ),
    (
        "The system relies upon the establishment of a network of qualified partners.",
        Part::QualifiedPartnerships,
        "it reformulates IO1 factor 5 (field: management of partnerships)",
    ),
    (
        "Teams and management develop and maintain functional partnerships at the operational and institutional levels.",
        Part::QualifiedPartnerships,
        "it reformulates IO1 factor 6 (field: management of partnerships)",
    ),
    (
        "The device concretely involves the partners in the different phases and dimensions of the beneficiary support process.",
        Part::QualifiedPartnerships,
        "a new factor about the partners' involvement, which section 4.1.3 says strengthens \"the functioning and effectiveness of the partnerships\"",
    ),
    (
        "The device provides both collective and individual support.",
        Part::AdaptedMethodology,
        "it reformulates IO1 factor 7 (field: accompanying methodology)",
    ),
    (
        "The individual accompaniment is brought closer and as much as possible joint with the partners involved in the different phases or dimensions of the accompaniment.",
        Part::AdaptedMethodology,
        "it reformulates IO1 factor 8 (field: accompanying methodology)",
    ),
    (
        "The device promotes practice as mode of learning and promotes as much as possible the active participation of beneficiaries in the definition and implementation of activities or projects",
        Part::AdaptedMethodology,
        "it reformulates IO1 factor 4 (no field in the source) with the beneficiaries' participation, which section 4.1.3 calls the corollary of practice as a mode of learning \"in accompanying devices\"",
    ),
    (
        "The support is based on / develops in the first place the motivation of the beneficiaries and aims development into autonomy.",
        Part::AdaptedMethodology,
        "it reformulates IO1 factor 9 (field: accompanying methodology)",
    ),
    (
        "The accompanying teams are familiar with the situation of migrants and refugees; they are attentive to the beneficiaries, available and responsive.",
        Part::ResponsiveTeams,
        "its wording is about the teams, as the part's title is; its IO1 ancestor, factor 10, was in the field accompanying methodology, so part 5.3 is the other possible reading",
    ),
    (
        "The device operates \"continuous targeting\" of beneficiaries with feedback and adaptations, i.e. it is based on an adaptive accompanying methodology.",
        Part::AdaptedMethodology,
        "it reformulates IO1 factor 11 (field: accompanying methodology) and names an adaptive accompanying methodology",
    ),
    (
        "Accompanying teams and their organizations communicate on the system and its progress and results to their various stakeholders, using methods adapted to the different categories of interlocutors.",
        Part::ResponsiveTeams,
        "it reformulates IO1 factor 13 (field: development of accompanying skills)",
    ),
];

// The learning-assessment grid of PROFINT's appendix E: 22 proposals in
// 5 learning domains, each rated 1 (not important) to 3 (very important).

/// The id of the learning grid's ordinal scale.
pub const IMPORTANCE: &str = "importance";

/// One of the five learning domains the source groups the grid's proposals
/// into (section 3.2).
///
/// # Examples
///
/// ```
/// use assessment_model::catalog::profint::Domain;
///
/// assert_eq!(Domain::CivicEverydayLife.proposals(), 9..=15);
/// assert_eq!(Domain::of_proposal(19), Some(Domain::ProfessionalJobSearch));
/// assert_eq!(Domain::of_proposal(23), None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Domain {
    /// "linguistics (proposals 1-4)".
    Linguistic,
    /// "socialization and culture (proposals 5-8)".
    SocialisationCulture,
    /// "civic and everyday life (proposals 9-15)".
    CivicEverydayLife,
    /// "professional - construction of a project (proposals 16-18)".
    ProfessionalProject,
    /// "professional - skills and techniques of job search (proposals
    /// 19-22)".
    ProfessionalJobSearch,
}

impl Domain {
    /// The five domains, in the source's order.
    pub const ALL: [Domain; 5] = [
        Domain::Linguistic,
        Domain::SocialisationCulture,
        Domain::CivicEverydayLife,
        Domain::ProfessionalProject,
        Domain::ProfessionalJobSearch,
    ];

    /// The domain's criterion id in `profint-learning-grid`.
    pub fn id(self) -> &'static str {
        match self {
            Domain::Linguistic => "linguistic",
            Domain::SocialisationCulture => "socialisation-culture",
            Domain::CivicEverydayLife => "civic-everyday-life",
            Domain::ProfessionalProject => "professional-project",
            Domain::ProfessionalJobSearch => "professional-job-search",
        }
    }

    /// The domain's name, verbatim from section 3.2 (lower case, as given).
    pub fn title(self) -> &'static str {
        match self {
            Domain::Linguistic => "linguistics",
            Domain::SocialisationCulture => "socialization and culture",
            Domain::CivicEverydayLife => "civic and everyday life",
            Domain::ProfessionalProject => "professional - construction of a project",
            Domain::ProfessionalJobSearch => "professional - skills and techniques of job search",
        }
    }

    /// The numbers of the proposals in the domain, as section 3.2 gives them.
    pub fn proposals(self) -> std::ops::RangeInclusive<u8> {
        match self {
            Domain::Linguistic => 1..=4,
            Domain::SocialisationCulture => 5..=8,
            Domain::CivicEverydayLife => 9..=15,
            Domain::ProfessionalProject => 16..=18,
            Domain::ProfessionalJobSearch => 19..=22,
        }
    }

    /// The domain of proposal `number`, `None` outside 1 to 22.
    pub fn of_proposal(number: u8) -> Option<Domain> {
        Domain::ALL
            .into_iter()
            .find(|domain| domain.proposals().contains(&number))
    }
}

/// The learning-assessment grid: framework `profint-learning-grid` 1.0.0.
///
/// Five groups, the learning domains ([`Domain`]), hold the 22 leaves `p1`
/// … `p22`, rated on the ordinal scale `importance`: 1 "not important",
/// 2 "important", 3 "very important" (normalised 0, ½, 1). A domain's score
/// is the mean of its proposals, and the report also gives it in the
/// scale's own units (the source's "average of importance values … to each
/// learning domain", section 3.2).
///
/// **The proposals' wording is not in the source**: the documentation
/// refers to appendix E but does not reproduce it, so the proposals are
/// titled "Proposal 1" … "Proposal 22". The source labels the levels 1
/// ("not important") and 3 ("very important"); the label "important" for 2
/// is the crate's. Rules are the crate's defaults (equal weights, weighted
/// mean, unrated proposals left out).
///
/// # Examples
///
/// ```
/// use assessment_model::catalog::profint;
///
/// let grid = profint::learning_grid();
/// grid.validate()?;
/// let ids: Vec<&str> = grid.criteria.iter().map(|d| d.id.as_str()).collect();
/// assert_eq!(ids, ["linguistic", "socialisation-culture", "civic-everyday-life",
///                  "professional-project", "professional-job-search"]);
/// assert_eq!(grid.leaves().count(), 22);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn learning_grid() -> Framework {
    let criteria = Domain::ALL
        .into_iter()
        .map(|domain| {
            let proposals = domain
                .proposals()
                .map(|n| {
                    let mut leaf = Criterion::leaf(
                        id(format!("p{n}")),
                        format!("Proposal {n}"),
                        id(IMPORTANCE),
                    );
                    leaf.source = Some(format!(
                        "appendix E, proposal {n} (wording not reproduced in the source); \
                         domain as section 3.2 groups it"
                    ));
                    leaf
                })
                .collect();
            let range = domain.proposals();
            let mut group = Criterion::group(id(domain.id()), domain.title(), proposals);
            group.source = Some(format!(
                "section 3.2, learning domain \"{} (proposals {}-{})\"",
                domain.title(),
                range.start(),
                range.end()
            ));
            group
        })
        .collect();

    Framework {
        schema: None,
        id: id("profint-learning-grid"),
        version: semver::Version::new(1, 0, 0),
        title: "Assessment grid of the learning processes".to_owned(),
        description: Some(
            "The questionnaire on which beneficiaries express the importance they give to \
             different types of learning progresses in the device (appendix E), grouped into \
             5 learning domains."
                .to_owned(),
        ),
        language: crate::model::language_tag::LanguageTag::en(),
        provenance: provenance(vec![
            "Appendix E is not reproduced in the source: the 22 proposals' wording is unknown, \
             so they are titled Proposal 1 to Proposal 22."
                .to_owned(),
            "Domains and their proposal ranges are section 3.2's, names verbatim.".to_owned(),
            "The importance scale 1 to 3 is the source's; it labels 1 \"not important\" and 3 \
             \"very important\", the label \"important\" for 2 is the crate's."
                .to_owned(),
        ]),
        scales: [(id(IMPORTANCE), importance_scale())].into_iter().collect(),
        facets: indexmap::IndexMap::new(),
        rules: ScoringRules::default(),
        requires: Vec::new(),
        criteria,
    }
}

fn importance_scale() -> Scale {
    Scale::Ordinal {
        title: Some("Importance".to_owned()),
        description: Some(
            "The importance the beneficiary gives to the learning progress, from 1 - not \
             important - to 3 - very important."
                .to_owned(),
        ),
        levels: vec![
            Level::new(id("not-important"), 1, "not important"),
            Level::new(id("important"), 2, "important"),
            Level::new(id("very-important"), 3, "very important"),
        ],
    }
}

// The respondent types of PROFINT's interview grids A to D, and the
// fields of professionalisation.

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
