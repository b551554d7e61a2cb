//! The 13 success factors of PROFINT's first phase (IO1, Figure 1).

use crate::model::framework::{Criterion, Framework};
use crate::model::rules::ScoringRules;

use super::super::id;
use super::{SUCCESS_SCALE, field_facet, provenance, stakeholder_facet, success_scale};

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
    let criteria = FACTORS
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
const FACTORS: [(&str, &str, Option<&str>); 13] = [
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
