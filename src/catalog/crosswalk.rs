//! Crosswalks between the built-in catalogues.
//!
//! [`impart_core_to_good_practice`] relates the IMPART core benchmark's
//! indicators to the good-practice checklist items where the two speak of
//! the same thing. It is the crate's own reading of the two sources: neither
//! gives a crosswalk or refers to the other.

use crate::mapping::{Mapping, MappingEntry, Relation};

use super::{good_practice, id, impart};

/// The crosswalk `impart-core-to-good-practice` from `impart-core` ^1 to
/// `good-practice-criteria` ^1, indicator to checklist item.
///
/// **The crosswalk is the crate's reading**, not a source's: the IMPART
/// slides (source 000) and the good-practice criteria (source 003) were
/// written apart, and neither relates its items to the other's. Every
/// entry, relation and rationale below is the crate's, made by reading the
/// two side by side; the rationales quote both sources so that a reader
/// can check each one. The mapping's `description` says so too.
///
/// The two sources were written for different purposes (IMPART: will good
/// practice last beyond the project? the good-practice criteria: is this a
/// good practice?), so most entries are `intersects`: the indicator and the
/// item share a concern without either containing the other. Only two are
/// `equivalent`: the migrant voice informing design and evaluation
/// (`migrant-voice-1` → `q3-1`) and testing longer-term impact
/// (`monitoring-evaluation-4` → `q8-5`).
///
/// | theme | IMPART core (source 000) | good practice (source 003) |
/// |---|---|---|
/// | needs assessment | `needs-assessment-1`, `-4` | `q4-1` |
/// | migrant voice / beneficiary participation | `migrant-voice-1`, `-2`, `-4` | `q3-1`, `q3-2`, `q10-2` |
/// | employers, receiving society | `employer-engagement-1` | `q2-2` |
/// | partnerships | `other-social-partners-1`, `-2` | `q10-1` |
/// | policy frameworks | `policy-frameworks-1`, `-2`, `-4` | `q6-2`, `q11-1` |
/// | mainstreaming, sustainability of funding | `commitment-to-mainstream-1`, `-4` | `q6-3`, `q9-2` |
/// | monitoring and evaluation | `monitoring-evaluation-1`, `-2`, `-4` | `q8-1`, `q8-4`, `q8-5` |
/// | equalities, discrimination | `equalities-1`, `-3` | `q1-3`, `q5-5`, `q2-1` |
///
/// # Coverage
///
/// - IMPART side: 18 of the 30 core indicators are mapped, and every one of
///   the 8 factors has at least one. Not mapped: `needs-assessment-2`, `-3`,
///   `migrant-voice-3`, `employer-engagement-2` to `-5`,
///   `policy-frameworks-3`, `commitment-to-mainstream-2`, `-3`,
///   `monitoring-evaluation-3`, `equalities-2` (the good-practice checklist
///   has nothing as specific: skills audits, business cases, MSO
///   consultation, hard and soft outcomes…).
/// - Good-practice side: 16 of the 36 checklist items receive a rating,
///   in 10 of the 11 questions and all 5 areas; question 7 (planning and
///   design: `q7-1` to `q7-4`) has no IMPART counterpart.
///
/// Translating an IMPART assessment therefore leaves at least 20
/// good-practice items unrated, and [`Mapping::translate`] lists them.
///
/// # Examples
///
/// ```
/// use assessment_model::catalog::{crosswalk, good_practice, impart};
///
/// let crosswalk = crosswalk::impart_core_to_good_practice();
/// crosswalk.check(&impart::core(), &good_practice::criteria())?;
/// assert_eq!(crosswalk.entries.len(), 16);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn impart_core_to_good_practice() -> Mapping {
    use Relation::{Equivalent, Intersects};
    let entry = |from: &[&str], to: &str, relation: Relation, rationale: &str| MappingEntry {
        from: from.iter().map(|f| id(*f)).collect(),
        to: id(to),
        relation,
        rationale: rationale.to_owned(),
    };
    Mapping {
        schema: None,
        id: id("impart-core-to-good-practice"),
        title: "IMPART core benchmark to good-practice criteria".to_owned(),
        description: Some(
            "The crate's own reading of two sources that give no crosswalk: neither the \
             IMPART seminar slides nor the good-practice criteria relate their items to the \
             other's. Entries pair the IMPART core benchmark's indicators with the \
             good-practice checklist items where the two speak of the same thing; 18 of 30 \
             indicators, 16 of 36 items."
                .to_owned(),
        ),
        from: impart::core().compatible_ref(),
        to: good_practice::criteria().compatible_ref(),
        entries: vec![
            entry(
                &["needs-assessment-1", "needs-assessment-4"],
                "q4-1",
                Intersects,
                "Both rest the action on an analysis of its target group's needs gathered by \
                 asking them: IMPART's needs assessment is the \"basis of project design and \
                 delivery\" and consults \"stakeholders, including target group\"; the \
                 checklist asks to \"identify and analyse the needs of the relevant migrants\" \
                 and prioritise \"methods which directly ask them\". IMPART also consults \
                 other stakeholders; the checklist puts the migrants first.",
            ),
            entry(
                &["migrant-voice-1"],
                "q3-1",
                Equivalent,
                "The migrant voice \"to inform design ... delivery ... evaluation\" and \
                 consultation with migrant beneficiaries \"to co-create actions\" and \"secure \
                 their feedback on the design and evaluation of the action\" ask the same.",
            ),
            entry(
                &["migrant-voice-2"],
                "q3-2",
                Intersects,
                "Listening to project participants (IMPART, also \"wider communities\") and \
                 feedback mechanisms by which beneficiaries \"can safely express their \
                 opinions on service quality\" (checklist) share hearing the participants.",
            ),
            entry(
                &["migrant-voice-4"],
                "q10-2",
                Intersects,
                "Giving migrant self-organisations \"a role in steering project\" and \
                 multi-stakeholder consultation promoting \"the meaningful participation of \
                 refuges and migrants\" and \"a joint sense of ownership of decisions\" share \
                 migrants' part in decisions; the checklist item is wider (professionals, \
                 institutions, citizens).",
            ),
            entry(
                &["employer-engagement-1"],
                "q2-2",
                Intersects,
                "Identifying employers to work with is one way of foreseeing \"an active role \
                 for the receiving society in the design and implementation stages\"; the \
                 worked example names partner companies as essential.",
            ),
            entry(
                &["other-social-partners-1", "other-social-partners-2"],
                "q10-1",
                Intersects,
                "Consulting employment agencies, trade unions and business bodies and \
                 including them \"in project governance\" (IMPART) and ensuring \"the \
                 involvement and participation of key stakeholders in the development phase\" \
                 (checklist) both involve partners in the action's making.",
            ),
            entry(
                &["policy-frameworks-1", "policy-frameworks-2"],
                "q6-2",
                Intersects,
                "Linking the project with EU, national or regional policies and aligning its \
                 goals explicitly (IMPART) and employing \"regional/local, national and \
                 EU/international level integration-related guidelines and tools\" \
                 (checklist) both anchor the action in policy at those levels.",
            ),
            entry(
                &["policy-frameworks-4"],
                "q11-1",
                Intersects,
                "Dialogue with policy-makers as the project develops (IMPART) and seizing \
                 opportunities \"to contribute to the development of comprehensive \
                 integration strategies\" with authorities (checklist) share the action's \
                 voice in policy.",
            ),
            entry(
                &["commitment-to-mainstream-1"],
                "q6-3",
                Intersects,
                "Investing \"in local structures to champion good practice\" for a long-term \
                 legacy (IMPART) and strengthening \"the capacities of relevant institutions \
                 to support future development\" (checklist) both leave capacity behind.",
            ),
            entry(
                &["commitment-to-mainstream-4"],
                "q9-2",
                Intersects,
                "Sustainability of funding: planning with policy-makers \"to bring results to \
                 mainstream\" (IMPART, whose key lesson is \"project-plus funding\") and \
                 \"shifting from project-based initiatives that are limited in time\" to \"a \
                 comprehensive, multi-year strategy based on secured funding\" (checklist).",
            ),
            entry(
                &["monitoring-evaluation-1"],
                "q8-1",
                Intersects,
                "Structured and transparent monitoring and evaluation (IMPART) and regular \
                 monitoring that compares \"actual performance to goals set during the design \
                 phase\" (checklist).",
            ),
            entry(
                &["monitoring-evaluation-2"],
                "q8-4",
                Intersects,
                "Evaluation \"adapted to target group\" with a \"variety of evidence\" \
                 (IMPART) and determining whether outcomes are seen as successful \"by \
                 beneficiaries, the host and practitioner communities, funders, and \
                 policymakers\" (checklist) both draw on several voices.",
            ),
            entry(
                &["monitoring-evaluation-4"],
                "q8-5",
                Equivalent,
                "\"Not just current performance >> test longer-term impact\" (IMPART) and \
                 \"Assess whether interventions contribute to long-term sustainable change\" \
                 (checklist) ask the same.",
            ),
            entry(
                &["equalities-1"],
                "q1-3",
                Intersects,
                "Promoting equality as a core aim (IMPART) and making \"equality and \
                 diversity ... an essential part of how services are delivered\" \
                 (checklist).",
            ),
            entry(
                &["equalities-3"],
                "q2-1",
                Intersects,
                "Championing equalities and tackling discrimination with employers and other \
                 agencies (IMPART) is change \"on the side of the receiving society\" \
                 (checklist: integration as a two-way process).",
            ),
            entry(
                &["equalities-1"],
                "q5-5",
                Intersects,
                "Tackling discrimination (IMPART: \"promote equality /tackle \
                 discrimination\") and addressing \"discrimination and information gaps as \
                 obstacles to long-term integration\" (checklist).",
            ),
        ],
        unmapped_from: Default::default(),
        unmapped_to: Default::default(),
    }
}
