//! The mapping from PROFINT's first-phase success factors (IO1, Figure 1)
//! to the reformulated ones (IO2, Figure 4), following section 4.1 of the
//! PROFINT model documentation.

use crate::mapping::carried::Translation;
use crate::mapping::{Mapping, MappingEntry, Relation};
use crate::model::assessment::Assessment;
use crate::model::issue::ValidationError;

use super::super::id;
use super::{success_factors_io1, success_factors_io2};

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
