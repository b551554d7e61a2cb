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

use crate::model::assessment::{Assessment, Rating, Subject};
use crate::model::framework::{Criterion, Framework, Provenance};
use crate::model::rules::ScoringRules;
use crate::model::scale::{RatingValue, Scale};

use super::id;

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

// The source's worked assessment: a refugee training and employment
// programme run by Afpa (in France, by the crate's reading), rated against
// the good-practice criteria.

/// The source's worked example as an [`Assessment`] of
/// `good-practice-criteria` `=1.0.0`.
///
/// - `narratives`: each question's narrative verbatim, keyed by question id
///   (`q1` … `q11`);
/// - `ratings`: every one of the 36 checklist items, [`RatingValue::Met`]
///   where the source marks it ✓ and [`RatingValue::NotMet`] where it marks
///   it "–". 33 items are met; the three not met are `q3-3`, `q9-3` and
///   `q10-2`, and their ratings carry a note saying so.
///
/// # How "–" was read
///
/// The source marks each checklist item with ✓ or "–" and explains neither
/// mark. "–" is read as **not met**, not as *not applicable*: the checklist
/// is binary (an item is in place or it is not), every "–" item is one
/// that plainly could apply to the programme (compensating participants,
/// self-financing, multi-stakeholder consultation), and the narratives do
/// not report those practices, whereas they report the ticked ones. Reading
/// "–" as not applicable would drop those items from the scores and hide the
/// three gaps the example exists to show.
///
/// # What the source states, and what the crate reads into it
///
/// - The subject's name is the crate's label: the source does not name the
///   programme.
/// - `implementing_organisation: Afpa` is stated: question 8's narrative
///   names "implementing organisation Afpa".
/// - `country: FR` is **inferred, not stated**: the source names no
///   country; the crate reads France from "French trainees" in question 5's
///   narrative ("open to both refugee and French trainees").
///
/// [`worked_example_provenance`] gives the same as provenance notes.
///
/// # Examples
///
/// ```
/// use assessment_model::RatingValue;
/// use assessment_model::catalog::good_practice;
///
/// let example = good_practice::worked_example();
/// let met = example.ratings.values().filter(|r| r.value == RatingValue::Met).count();
/// assert_eq!((met, example.ratings.len()), (33, 36));
/// assert!(example.narratives["q9"].starts_with("The programme receives national"));
/// ```
pub fn worked_example() -> Assessment {
    let mut subject =
        Subject::new("Refugee training and employment programme run by Afpa (worked example)");
    subject.kind = Some("practice".to_owned());
    subject
        .attributes
        .insert("country".to_owned(), "FR".to_owned());
    subject
        .attributes
        .insert("implementing_organisation".to_owned(), "Afpa".to_owned());

    let mut assessment = Assessment::new(criteria().exact_ref(), subject);
    for (index, (narrative, marks)) in NARRATIVES.iter().zip(MARKS).enumerate() {
        let q = index.saturating_add(1);
        assessment
            .narratives
            .insert(id(format!("q{q}")), (*narrative).to_owned());
        for (item_index, mark) in marks.iter().enumerate() {
            let k = item_index.saturating_add(1);
            let rating = match mark {
                Mark::Tick => Rating::new(RatingValue::Met),
                Mark::Dash => Rating {
                    note: Some(format!(
                        "{DOCUMENT}, worked example: marked \"–\", read as not met."
                    )),
                    ..Rating::new(RatingValue::NotMet)
                },
            };
            assessment.ratings.insert(id(format!("q{q}-{k}")), rating);
        }
    }
    assessment
}

/// Where the worked example comes from, and which of its parts are the
/// crate's reading rather than the source's statement (an [`Assessment`]
/// has no provenance of its own, so it is given here).
///
/// The notes, in order: the narratives and marks as the source gives them;
/// how "–" is read; the subject's name; the implementing organisation,
/// stated; the country, inferred.
///
/// # Examples
///
/// ```
/// use assessment_model::catalog::good_practice;
///
/// let provenance = good_practice::worked_example_provenance();
/// assert_eq!(provenance.document.as_deref(), Some(good_practice::DOCUMENT));
/// assert!(provenance.notes.iter().any(|note| note.starts_with("country: FR is inferred")));
/// ```
pub fn worked_example_provenance() -> Provenance {
    Provenance {
        network: None,
        document: Some(DOCUMENT.to_owned()),
        year: None,
        notes: vec![
            "Narratives are each question's narrative verbatim (q1 to q11); every checklist \
             item is rated as the source marks it, ✓ as met and \"–\" as not met."
                .to_owned(),
            "The source explains neither mark: reading \"–\" as not met rather than not \
             applicable is the crate's reading."
                .to_owned(),
            "The subject's name is the crate's label: the source does not name the programme."
                .to_owned(),
            "implementing_organisation: Afpa is stated (question 8's narrative: \
             \"implementing organisation Afpa\")."
                .to_owned(),
            "country: FR is inferred, not stated: the source names no country; the crate \
             reads France from \"French trainees\" (question 5's narrative: \"open to both \
             refugee and French trainees\")."
                .to_owned(),
        ],
        derived_from: Vec::new(),
    }
}

/// The source's mark on a checklist item.
#[derive(Clone, Copy)]
enum Mark {
    /// ✓
    Tick,
    /// –
    Dash,
}

const TICK: Mark = Mark::Tick;
const DASH: Mark = Mark::Dash;

// Each question's narrative, verbatim, in source order (the source's
// "according indicators" in q7 is kept as given).
const NARRATIVES: [&str; 11] = [
    // q1
    "The practice offers comprehensive support to beneficiaries with diverse needs. It is well known by actors in refugee integration, who are able to easily refer people to its services. The specific needs of participants are identified and fulfilled via individualised support programmes, and the social and administrative support provided by the programme is constantly adjusted according to beneficiaries’ changing needs.",
    // q2
    "Important programme partners include both public and private companies. In order to deconstruct misconceptions and potential obstacles, those partners that are not initially familiar with refugees are given the opportunity to attend group information sessions. Partner companies play an essential role in the provision of training and access to employment for beneficiaries.",
    // q3
    "The programme records participant feedback via a satisfaction questionnaire, and each trainee group identifies a representative to share suggestions and requests.",
    // q4
    "The objectives of the practice are relevant to the needs expressed by its refugee participants at the time of their joining and in their feedback questionnaires. The programme also includes a ‘discovery period’ during which participants can experience various jobs and workplaces and use this experience to design their own integration pathways.",
    // q5
    "The practice is a promising example of support for the long-term integration of migrants. It aims to foster refugees’ access to housing, skills and employment, and contributes to their socio-administrative autonomy. Vocational trainings offered by the practice are open to both refugee and French trainees, allowing for the development of social ties that can facilitate long-term integration. Cultural activities are also organised between the different groups.",
    // q6
    "The practice contributes to improvements in the wider integration framework by following the national strategy for refugee integration and acting as a good example that can be replicated by or inspire similar actors. Relevant stakeholders are involved in programme implementation.",
    // q7
    "The effectiveness of the programme comes from the comprehensiveness of the services it offers and its coordination with other relevant actors. Programme outcomes are evaluated according indicators decided upon during the design period, and all members of the programme team receive training on interculturality. Since the beginning of the project communication has been ensured with both public and private partners, including companies, employment services, targeted associations, and local, regional and national authorities.",
    // q8
    "The practice uses different tools to regularly evaluate its implementation and results in conjunction with various actors, including assessing participants’ integration progress six months after their completion of the programme. Following a request from the state, implementing organisation Afpa keeps records of relevant financial data, the number of beneficiaries, and the outcomes of these beneficiaries. The scientific evaluation committee of the Skills Investment Plan is also evaluating the practice.",
    // q9
    "The programme receives national, comprehensive, multi-year funding from diverse stakeholders.",
    // q10
    "The practice is designed and delivered in conjunction with other essential actors in refugee integration. All together these actors are able to accompany individuals along the integration journey, from reception, to accommodation, to language learning, to skills training, to potential employment, and finally to independent housing.",
    // q11
    "Steering committees are set up at national and regional level every 2 – 3 months. These bring all the actors involved in the programme together to discuss relevant local / national delivery contexts and policies.",
];

const MARKS: [&[Mark]; 11] = [
    // q1
    &[TICK, TICK, TICK, TICK],
    // q2
    &[TICK, TICK],
    // q3
    &[TICK, TICK, DASH],
    // q4
    &[TICK, TICK, TICK],
    // q5
    &[TICK, TICK, TICK, TICK, TICK],
    // q6
    &[TICK, TICK, TICK],
    // q7
    &[TICK, TICK, TICK, TICK],
    // q8
    &[TICK, TICK, TICK, TICK, TICK],
    // q9
    &[TICK, TICK, DASH],
    // q10
    &[TICK, DASH],
    // q11
    &[TICK, TICK],
];
