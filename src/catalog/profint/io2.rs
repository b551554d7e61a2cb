//! The 13 reformulated success factors of PROFINT's second phase (IO2,
//! Figure 4), in the figure's order, each tagged with the part of the
//! PROFINT model it is placed in (the crate's reading).

use crate::model::framework::{Criterion, Facet, FacetValue, Framework};
use crate::model::rules::ScoringRules;

use super::super::id;
use super::{Field, SUCCESS_SCALE, provenance, success_scale};

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
    let criteria = FACTORS
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
const FACTORS: [(&str, Part, &str); 13] = [
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
