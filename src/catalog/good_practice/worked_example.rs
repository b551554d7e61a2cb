//! The source's worked assessment: a refugee training and employment
//! programme run by Afpa (in France, by the crate's reading), rated against
//! the good-practice criteria.

use crate::model::assessment::{Assessment, Rating, Subject};
use crate::model::framework::Provenance;
use crate::model::scale::RatingValue;

use super::super::id;
use super::{DOCUMENT, criteria};

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
