//! The learning-assessment grid of PROFINT's appendix E: 22 proposals in
//! 5 learning domains, each rated 1 (not important) to 3 (very important).

use crate::model::framework::{Criterion, Framework};
use crate::model::rules::ScoringRules;
use crate::model::scale::{Level, Scale};

use super::super::id;
use super::provenance;

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
