//! The good-practice criteria (source: "Good Practice Criteria", with a
//! worked assessment): 5 criteria areas, 11 questions and 36 checklist
//! items, each item met (✓) or not met (–).
//!
//! - [`criteria`] gives the framework `good-practice-criteria` 1.0.0;
//! - [`worked_example`] gives the source's worked assessment of a refugee
//!   training and employment programme run by Afpa (in France, by the
//!   crate's reading of "French trainees"), and [`worked_example_provenance`]
//!   what in it is the source's and what the crate's.
//!
//! Ids: areas `inclusivity-participation`, `relevance-complementarity`,
//! `effectiveness`, `sustainability`, `partnership-collaboration`;
//! questions `q1` to `q11` in source order (numbered across the areas);
//! checklist items `q<question>-<item>`, numbered within their question in
//! source order (`q1-1` … `q11-2`).
//!
//! # What the source does not give
//!
//! The source names neither its publisher nor its year, and gives no
//! weights, no bands and no rule for turning ticks into a score; the
//! framework's provenance and rules say what the crate chose instead.

use crate::model::framework::{Criterion, Framework, Provenance};
use crate::model::rules::ScoringRules;
use crate::model::scale::Scale;

use super::id;

mod worked_example;

pub use worked_example::{worked_example, worked_example_provenance};

/// The id of the binary scale every checklist item is rated on.
pub const SCALE: &str = "met";

/// The source document's title, as it gives it.
pub const DOCUMENT: &str = "Good Practice Criteria";

/// The good-practice criteria: framework `good-practice-criteria` 1.0.0.
///
/// The tree has three levels: 5 criteria areas (groups), 11 questions
/// (groups) and 36 checklist items (leaves on the binary scale `met`).
/// Every title is the source's wording verbatim, including its typo
/// "refuges" (for "refugees") in item `q10-2` and the parenthesised examples
/// that end question `q10`'s title. Each criterion's `source` says where it
/// stands in the document (area, question and item number).
///
/// # Default rules (the crate's choice)
///
/// The source does not say how ticks become a score. The framework keeps
/// the crate's default rules, which read the checklist as plainly as
/// possible: every item, question and area has weight 1, each group is the
/// weighted mean of its children (so a question scores the share of its
/// items met, an area the mean of its questions, and the total the mean of
/// the five areas), unrated items are left out (lowering coverage), and
/// there are no bands and no risk or strength thresholds (no criterion is
/// marked critical: the source ranks none above another).
///
/// # Examples
///
/// ```
/// use assessment_model::catalog::good_practice;
///
/// let gp = good_practice::criteria();
/// gp.validate()?;
/// assert_eq!(gp.criteria.len(), 5);
/// assert_eq!(gp.leaves().count(), 36);
/// assert_eq!(
///     gp.criterion("q9-3").map(|c| c.title.as_str()),
///     Some("Diversify funding opportunities and identify options for self-financing through business activities or social entrepreneurship."),
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn criteria() -> Framework {
    let mut question_number = 0usize;
    let criteria = AREAS
        .iter()
        .enumerate()
        .map(|(area_index, area)| {
            let area_number = area_index.saturating_add(1);
            let questions = area
                .questions
                .iter()
                .enumerate()
                .map(|(index_in_area, question)| {
                    question_number = question_number.saturating_add(1);
                    let q = question_number;
                    let items = question
                        .items
                        .iter()
                        .enumerate()
                        .map(|(item_index, title)| {
                            let k = item_index.saturating_add(1);
                            let mut item = Criterion::leaf(id(format!("q{q}-{k}")), *title, id(SCALE));
                            item.source = Some(format!(
                                "{DOCUMENT}, area {area_number} ({}), question {q} ({} of the area), good practice checklist item {k}",
                                area.title,
                                index_in_area.saturating_add(1)
                            ));
                            item
                        })
                        .collect();
                    let mut group = Criterion::group(id(format!("q{q}")), question.title, items);
                    group.source = Some(format!(
                        "{DOCUMENT}, area {area_number} ({}), question {q} ({} of the area)",
                        area.title,
                        index_in_area.saturating_add(1)
                    ));
                    group
                })
                .collect();
            let mut group = Criterion::group(id(area.id), area.title, questions);
            group.source = Some(format!("{DOCUMENT}, criteria area {area_number}"));
            group
        })
        .collect();

    Framework {
        schema: None,
        id: id("good-practice-criteria"),
        version: semver::Version::new(1, 0, 0),
        title: DOCUMENT.to_owned(),
        description: Some(
            "Good-practice criteria for actions that support the integration of migrants and \
             refugees: five criteria areas, each asked as questions, each question answered by \
             a good practice checklist whose items are met or not met."
                .to_owned(),
        ),
        language: crate::model::language_tag::LanguageTag::en(),
        provenance: Provenance {
            network: None,
            document: Some(DOCUMENT.to_owned()),
            year: None,
            notes: vec![
                "Areas, questions and checklist items are the source's wording verbatim, in \
                 source order; the typo \"refuges\" in item q10-2 is kept as given."
                    .to_owned(),
                "The source names no publisher and no year, so network and year are left empty."
                    .to_owned(),
                "The source gives no weights, bands or scoring rule: the crate's default rules \
                 apply (equal weights, weighted mean at every level, unrated items excluded)."
                    .to_owned(),
                "Question ids q1..q11 run across the areas; item ids q<question>-<item> are \
                 numbered within their question."
                    .to_owned(),
            ],
            derived_from: Vec::new(),
        },
        scales: [(
            id(SCALE),
            Scale::Binary {
                title: Some("Met".to_owned()),
                description: Some(
                    "The checklist item is met (the source's ✓) or not met (the source's –)."
                        .to_owned(),
                ),
            },
        )]
        .into_iter()
        .collect(),
        facets: indexmap::IndexMap::new(),
        rules: ScoringRules::default(),
        requires: Vec::new(),
        criteria,
    }
}

/// One criteria area of the source, with its questions.
struct Area {
    id: &'static str,
    title: &'static str,
    questions: &'static [Question],
}

/// One question of the source, with its good practice checklist.
struct Question {
    title: &'static str,
    items: &'static [&'static str],
}

// The source's areas, questions and checklist items, verbatim and in order.
const AREAS: &[Area] = &[
    Area {
        id: "inclusivity-participation",
        title: "Inclusivity & Participation",
        questions: &[
            // q1
            Question {
                title: "Does the practice ensure that its services are accessible and responsive to diverse groups?",
                items: &[
                    "Adopt a participatory, gender mainstreaming, age sensitive, inclusive approach and secure equal opportunities for beneficiaries.",
                    "Make sure to provide precise and accessible information on how to access services in different languages, formats and through different communication channels",
                    "Ensure that equality and diversity are an essential part of how services are delivered, taking into consideration different needs and capacities.",
                    "Make reasonable adjustments to service delivery in order to take into account particular needs of the target group.",
                ],
            },
            // q2
            Question {
                title: "Does the practice involve the active participation of the receiving society?",
                items: &[
                    "Consider integration as a two-way process, and aim for change on the side of the receiving society.",
                    "Foresee an active role for the receiving society in the design and implementation stages of the practice, and involve actions that encourage native communities and beneficiaries to work together.",
                ],
            },
            // q3
            Question {
                title: "Does the practice consult its beneficiaries and involve them in the design, implementation, monitoring and evaluation of the action?",
                items: &[
                    "Organise consultation activities with migrant beneficiaries in order to co-create actions where possible and secure their feedback on the design and evaluation of the action.",
                    "Provide appropriate feedback mechanisms by which beneficiaries can safely express their opinions on service quality.",
                    "Use flexible and interculturally-adapted formats and compensate participants for their contribution.",
                ],
            },
        ],
    },
    Area {
        id: "relevance-complementarity",
        title: "Relevance & Complementarity",
        questions: &[
            // q4
            Question {
                title: "Are the objectives of the practice relevant to the needs of the migrants?",
                items: &[
                    "Identify and analyse the needs of the relevant migrants and prioritise methods which directly ask them about their needs.",
                    "Identify and analyse gaps in integration support and design actions to fill these gaps.",
                    "Aim for systemic improvement, satisfying the needs of the majority of target groups in the target area.",
                ],
            },
            // q5
            Question {
                title: "Is the practice relevant to the empowerment of migrants, the strengthening of their autonomy and the support of their long-term integration?",
                items: &[
                    "Devise actions with the overarching goal of providing positive feedback and making migrants more confident, autonomous and independent.",
                    "Contribute to migrants’ engagement with the community for the common good.",
                    "Ensure that services contribute to the strengthening of the capacities of migrants/migrant communities.",
                    "Include (or create the preconditions for) actions that facilitate long-term integration.",
                    "Address discrimination and information gaps as obstacles to long-term integration.",
                ],
            },
            // q6
            Question {
                title: "Does the practice align with the priorities, strategic goals and policies of other relevant stakeholders, and contribute to the wider integration framework?",
                items: &[
                    "Ensure that all actions are in line with international and European human rights standards.",
                    "Employ regional/local, national and EU/international level integration-related guidelines and tools.",
                    "Make sure that the services offered contribute to the strengthening of the capacities of relevant institutions to support future development.",
                ],
            },
        ],
    },
    Area {
        id: "effectiveness",
        title: "Effectiveness",
        questions: &[
            // q7
            Question {
                title: "Is the practice adequately planned and based on a comprehensive design?",
                items: &[
                    "Aim for actions that achieve observable outcomes among the target group or contribute to changes during the implementation of the action.",
                    "Make sure that the objectives and planned results of the activity are feasible and clear.",
                    "Develop a communications strategy during the design phase of the action and pay attention to communication with host communities and local authorities.",
                    "Develop a staff management plan to identify team members with the right skills to work with beneficiaries, and their needs for training and further qualification.",
                ],
            },
            // q8
            Question {
                title: "Does the practice regularly monitor implementation and evaluate its results?",
                items: &[
                    "Ensure regular monitoring of action implementation and compare actual performance to goals set during the design phase.",
                    "Anticipate obstacles that might occur and plan alternative scenarios during the design phase of the action.",
                    "Ensure achievement of intended outputs / outcomes.",
                    "Determine whether practice outcomes are considered successful by beneficiaries, the host and practitioner communities, funders, and policymakers.",
                    "Assess whether interventions contribute to long-term sustainable change.",
                ],
            },
        ],
    },
    Area {
        id: "sustainability",
        title: "Sustainability",
        questions: &[
            // q9
            Question {
                title: "Does the practice attract structural funding and support from new sponsors and individuals, or have the potential to develop a business model to generate its own resources?",
                items: &[
                    "Develop partnerships and relations with relevant stakeholders at the early stage of the action to ensure that the practice has strong support and potential partners for after the primary funding terminates.",
                    "Identify new EU and national funding opportunities for long-term integration (e.g., shifting from project-based initiatives that are limited in time or dependent on one (external) donor to a comprehensive, multi-year strategy based on secured funding or diverse funding opportunities).",
                    "Diversify funding opportunities and identify options for self-financing through business activities or social entrepreneurship.",
                ],
            },
        ],
    },
    Area {
        id: "partnership-collaboration",
        title: "Partnership & Collaboration",
        questions: &[
            // q10
            Question {
                title: "Does the practice establish communication and coordination with other relevant actors to foster the integration of migrants? (e.g., migrants, civil society, public authorities, businesses)",
                items: &[
                    "Ensure the involvement and participation of key stakeholders in the development phase and create strategies to involve them in the action.",
                    "Include multi-stakeholder consultation with professionals, institutions, and citizens, in order to promote the meaningful participation of refuges and migrants and support a joint sense of ownership of decisions and actions.",
                ],
            },
            // q11
            Question {
                title: "Does the practice contribute to discussion on the improvement of integration support policies?",
                items: &[
                    "Seize opportunities to contribute to the development of comprehensive integration strategies involving EU-level/national/regional/local authorities, service providers and civil society.",
                    "Work with relevant partners to jointly review operations, practices, services, and integration outcomes.",
                ],
            },
        ],
    },
];
