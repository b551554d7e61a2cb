#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Shape, ids, scales, rules and provenance of the built-in catalogues.

use std::collections::HashSet;

use assessment_model::catalog::{self, good_practice, impart, profint};
use assessment_model::{Framework, RatingValue, Scale};

fn depths(framework: &Framework) -> Vec<usize> {
    framework.walk().map(|(d, _)| d).collect()
}

#[test]
fn every_catalogue_validates_without_errors_or_warnings() {
    for framework in catalog::frameworks() {
        let issues = framework.issues();
        assert!(issues.is_empty(), "{}: {issues:?}", framework.id);
        framework.validate().unwrap();
    }
}

#[test]
fn every_catalogue_has_unique_ids_leaves_on_its_scales_and_a_source_per_criterion() {
    for framework in catalog::frameworks() {
        let mut seen = HashSet::new();
        for (_, c) in framework.walk() {
            assert!(
                seen.insert(c.id.clone()),
                "{} duplicate {}",
                framework.id,
                c.id
            );
            assert!(
                c.source.as_deref().is_some_and(|s| !s.is_empty()),
                "{} has no source",
                c.id
            );
            if c.is_leaf() {
                let scale = c.scale.as_ref().unwrap();
                assert!(framework.scales.contains_key(scale));
            } else {
                assert!(c.scale.is_none());
            }
            assert_eq!(c.weight, 1.0);
            assert!(c.scored);
        }
        assert_eq!(framework.version, semver::Version::new(1, 0, 0));
        assert!(framework.provenance.document.is_some());
        assert!(!framework.provenance.notes.is_empty());
        assert!(framework.requires.is_empty());
    }
}

#[test]
fn good_practice_has_5_areas_11_questions_36_binary_items() {
    let gp = good_practice::criteria();
    assert_eq!(gp.id, "good-practice-criteria");
    assert_eq!(gp.criteria.len(), 5);
    let areas: Vec<&str> = gp.criteria.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(
        areas,
        [
            "inclusivity-participation",
            "relevance-complementarity",
            "effectiveness",
            "sustainability",
            "partnership-collaboration"
        ]
    );
    let questions: Vec<&str> = gp
        .walk()
        .filter(|(d, _)| *d == 2)
        .map(|(_, c)| c.id.as_str())
        .collect();
    assert_eq!(
        questions,
        [
            "q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "q9", "q10", "q11"
        ]
    );
    assert_eq!(gp.leaves().count(), 36);
    assert!(gp.leaves().all(|c| c.scale.as_ref().unwrap() == "met"));
    assert!(matches!(gp.scales["met"], Scale::Binary { .. }));
    assert_eq!(gp.scales.len(), 1);
    assert_eq!(&depths(&gp)[..3], [1, 2, 3]);
    assert_eq!(depths(&gp).iter().filter(|d| **d == 3).count(), 36);
    assert!(gp.walk().all(|(_, c)| !c.critical));
    assert_eq!(gp.rules, assessment_model::ScoringRules::default());
    let item = gp.criterion("q5-4").unwrap();
    assert_eq!(
        item.source.as_deref(),
        Some(
            "Good Practice Criteria, area 2 (Relevance & Complementarity), question 5 (2 of the area), good practice checklist item 4"
        )
    );
}

#[test]
fn worked_example_rates_every_item_33_met_3_not_met() {
    let gp = good_practice::criteria();
    let example = good_practice::worked_example();
    assert!(example.framework.matches(&gp));
    let leaf_ids: Vec<&str> = gp.leaves().map(|c| c.id.as_str()).collect();
    let rated: Vec<&str> = example.ratings.keys().map(|k| k.as_str()).collect();
    assert_eq!(rated, leaf_ids);
    let not_met: Vec<&str> = example
        .ratings
        .iter()
        .filter(|(_, r)| r.value == RatingValue::NotMet)
        .map(|(id, _)| id.as_str())
        .collect();
    assert_eq!(not_met, ["q3-3", "q9-3", "q10-2"]);
    assert_eq!(
        example
            .ratings
            .values()
            .filter(|r| r.value == RatingValue::Met)
            .count(),
        33
    );
    assert!(
        example
            .ratings
            .values()
            .all(|r| r.note.is_some() == (r.value == RatingValue::NotMet))
    );
    let narrated: Vec<&str> = example.narratives.keys().map(|k| k.as_str()).collect();
    assert_eq!(
        narrated,
        [
            "q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "q9", "q10", "q11"
        ]
    );
    assert_eq!(
        example.subject.attributes["implementing_organisation"],
        "Afpa"
    );
}

#[test]
fn worked_example_provenance_says_the_country_is_inferred() {
    let provenance = good_practice::worked_example_provenance();
    assert_eq!(
        provenance.document.as_deref(),
        Some("Good Practice Criteria")
    );
    assert_eq!(provenance.notes.len(), 5);
    assert_eq!(
        provenance.notes[3],
        "implementing_organisation: Afpa is stated (question 8's narrative: \
         \"implementing organisation Afpa\")."
    );
    assert_eq!(
        provenance.notes[4],
        "country: FR is inferred, not stated: the source names no country; the crate \
         reads France from \"French trainees\" (question 5's narrative: \"open to both \
         refugee and French trainees\")."
    );
    // What the notes quote is in the narratives they name.
    let example = good_practice::worked_example();
    assert!(example.narratives["q5"].contains("open to both refugee and French trainees"));
    assert!(example.narratives["q8"].contains("implementing organisation Afpa"));
    assert_eq!(example.subject.attributes["country"], "FR");
}

#[test]
fn impart_core_has_8_critical_factors_and_30_indicators_on_in_place() {
    let core = impart::core();
    assert_eq!(core.id, "impart-core");
    assert_eq!(core.criteria.len(), 8);
    assert!(core.criteria.iter().all(|f| f.critical && !f.is_leaf()));
    let counts: Vec<usize> = core.criteria.iter().map(|f| f.children.len()).collect();
    assert_eq!(counts, [4, 4, 5, 2, 4, 4, 4, 3]);
    assert!(
        core.leaves()
            .all(|c| !c.critical && c.scale.as_ref().unwrap() == "in-place")
    );
    let Scale::Ordinal { levels, .. } = &core.scales["in-place"] else {
        panic!("not ordinal")
    };
    let levels: Vec<(&str, i32)> = levels.iter().map(|l| (l.id.as_str(), l.value)).collect();
    assert_eq!(
        levels,
        [("not-in-place", 0), ("partly-in-place", 1), ("in-place", 2)]
    );
    assert_eq!(core.rules.risk_below, Some(0.5));
    assert_eq!(core.rules.strength_at, None);
    assert!(core.criterion("migrant-voice").unwrap().critical);
}

#[test]
fn impart_core_has_no_control_facet_and_its_provenance_says_why() {
    let core = impart::core();
    assert!(core.facets.is_empty());
    assert!(core.walk().all(|(_, c)| c.tags.is_empty()));
    // The "not in the source" list is the provenance notes: the last one
    // is the control facet's.
    assert_eq!(core.provenance.notes.len(), 5);
    assert_eq!(
        core.provenance.notes[4],
        "Not in the sources: which factors are inside or outside the project's control. \
         The slides draw that line only for the peer review as a whole (\"Peer review - \
         how IMPART innovated ...\": beyond \"what it can control\" to \"factors outside \
         its control\") and never say it of a factor or an indicator, so no control facet \
         is shipped."
    );
}

#[test]
fn impart_core_scale_is_replaceable() {
    let five = Scale::numeric(1.0, 5.0).with_direction(Default::default());
    let core = impart::core_with_scale(five.clone());
    assert_eq!(core.scales.len(), 1);
    assert_eq!(core.scales["in-place"], five);
    assert!(core.issues().is_empty());
    let mut plain = impart::core();
    plain.scales.insert("in-place".parse().unwrap(), five);
    assert_eq!(plain, core);
}

#[test]
fn impart_themes_round_trip_and_carry_the_source_titles() {
    let titles: Vec<&str> = impart::Theme::ALL.iter().map(|t| t.title()).collect();
    assert_eq!(
        titles,
        [
            "Assessment and Validation: Valuing Migrant Competences",
            "Fostering Anti-discrimination Skills as a Professional Approach",
            "Integrated Territorial Approaches"
        ]
    );
    for theme in impart::Theme::ALL {
        assert_eq!(theme.to_string().parse::<impart::Theme>().unwrap(), theme);
        let json = serde_json::to_string(&theme).unwrap();
        assert_eq!(json, format!("\"{theme}\""));
    }
    let err = "Integrated Territorial Approaches"
        .parse::<impart::Theme>()
        .unwrap_err();
    assert_eq!(err.input, "Integrated Territorial Approaches");
    assert!(err.to_string().contains("unknown IMPART theme"));
}

#[test]
fn impart_module_requires_core_1_and_ships_no_indicators_of_its_own() {
    use assessment_model::{Criterion, Id};
    let leaf = Criterion::leaf(Id::new("x-1").unwrap(), "x", Id::new("in-place").unwrap());
    let group = Criterion::group(Id::new("x").unwrap(), "X", vec![leaf]);
    let module = impart::module(
        impart::Theme::AntiDiscrimination,
        Id::new("anti-discrimination-module").unwrap(),
        semver::Version::new(0, 1, 0),
        "Module",
        vec![group.clone()],
    );
    assert!(module.issues().is_empty(), "{:?}", module.issues());
    assert_eq!(module.criteria, vec![group]);
    assert_eq!(module.requires.len(), 1);
    assert_eq!(module.requires[0].id, "impart-core");
    assert_eq!(module.requires[0].version.to_string(), "^1");
    assert!(module.requires[0].matches(&impart::core()));
    let mut v2 = impart::core();
    v2.version = semver::Version::new(2, 0, 0);
    assert!(!module.requires[0].matches(&v2));
    assert!(
        module
            .description
            .unwrap()
            .contains("Fostering Anti-discrimination Skills")
    );
    assert!(
        module
            .provenance
            .notes
            .iter()
            .any(|n| n.contains("no thematic module indicators"))
    );
    assert!(module.scales.contains_key("in-place"));
}

#[test]
fn impart_study_visits_are_source_002() {
    use impart::{Theme::*, VisitStatus::*};
    let visits: Vec<(impart::Theme, &str, u16, Option<&str>, impart::VisitStatus)> =
        impart::study_visits()
            .iter()
            .map(|v| (v.theme, v.region, v.year, v.months, v.status))
            .collect();
    assert_eq!(
        visits,
        [
            (AssessmentValidation, "Berlin (Germany)", 2010, None, Run),
            (AntiDiscrimination, "Flanders (Belgium)", 2010, None, Run),
            (AntiDiscrimination, "Estonia", 2010, None, Run),
            (AntiDiscrimination, "Scotland", 2010, None, Run),
            (IntegratedTerritorial, "Andalusia (Spain)", 2010, None, Run),
            (
                IntegratedTerritorial,
                "Baden-Württemberg (Germany)",
                2010,
                None,
                Run
            ),
            (IntegratedTerritorial, "Aragon (Spain)", 2010, None, Run),
            (
                AssessmentValidation,
                "England",
                2011,
                Some("September"),
                Planned
            ),
            (
                AntiDiscrimination,
                "Greece",
                2011,
                Some("October-November"),
                Planned
            ),
            (IntegratedTerritorial, "Germany", 2011, Some("May"), Planned),
            (
                IntegratedTerritorial,
                "Sweden",
                2011,
                Some("October"),
                Planned
            ),
        ]
    );
    // "In 2010 IMPART run seven study visits".
    assert_eq!(
        impart::study_visits()
            .iter()
            .filter(|v| v.year == 2010)
            .count(),
        7
    );
}

#[test]
fn profint_io1_has_13_binary_factors_and_both_facets() {
    let io1 = profint::success_factors_io1();
    assert_eq!(io1.id, "profint-io1");
    assert_eq!(io1.criteria.len(), 13);
    assert!(io1.criteria.iter().all(|c| c.is_leaf()));
    let ids: Vec<String> = io1.criteria.iter().map(|c| c.id.to_string()).collect();
    assert_eq!(
        ids,
        (1..=13).map(|n| format!("io1-f{n}")).collect::<Vec<_>>()
    );
    let facets: Vec<&str> = io1.facets.keys().map(|k| k.as_str()).collect();
    assert_eq!(facets, ["stakeholder", "field"]);
    let values =
        |f: &str| -> Vec<String> { io1.facets[f].values.keys().map(|k| k.to_string()).collect() };
    assert_eq!(
        values("stakeholder"),
        ["beneficiaries", "partners", "organisation"]
    );
    assert_eq!(
        values("field"),
        [
            "accompaniment-strategy",
            "partnership-management",
            "accompanying-methodology",
            "accompanying-skills"
        ]
    );
    assert!(matches!(io1.scales["met"], Scale::Binary { .. }));
}

#[test]
fn profint_io2_has_13_factors_in_figure_4_order_tagged_with_the_four_parts() {
    let io2 = profint::success_factors_io2();
    assert_eq!(io2.id, "profint-io2");
    // Figure 4's order, 1 to 13, every factor a leaf at the root.
    let ids: Vec<&str> = io2.walk().map(|(_, c)| c.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "io2-f1", "io2-f2", "io2-f3", "io2-f4", "io2-f5", "io2-f6", "io2-f7", "io2-f8",
            "io2-f9", "io2-f10", "io2-f11", "io2-f12", "io2-f13"
        ]
    );
    assert!(io2.criteria.iter().all(|c| c.is_leaf()));
    assert_eq!(depths(&io2), [1; 13]);
    // The four parts are the values of the one facet `part`.
    let facets: Vec<&str> = io2.facets.keys().map(|k| k.as_str()).collect();
    assert_eq!(facets, ["part"]);
    assert_eq!(profint::PART_FACET, "part");
    let values: Vec<(&str, &str)> = io2.facets["part"]
        .values
        .iter()
        .map(|(id, v)| (id.as_str(), v.title.as_str()))
        .collect();
    assert_eq!(
        values,
        [
            (
                "comprehensive-accompaniment",
                "A comprehensive accompaniment"
            ),
            (
                "qualified-partnerships",
                "Qualified and functional partnerships"
            ),
            ("adapted-methodology", "Adapted methodology"),
            ("responsive-teams", "Responsive and innovative teams"),
        ]
    );
    assert!(
        io2.facets["part"]
            .description
            .as_deref()
            .unwrap()
            .contains("the crate's reading")
    );
    // The placements of the former part groups, factor by factor.
    let tags: Vec<(&str, &str)> = io2
        .leaves()
        .map(|c| (c.id.as_str(), c.tags["part"].as_str()))
        .collect();
    assert_eq!(
        tags,
        [
            ("io2-f1", "comprehensive-accompaniment"),
            ("io2-f2", "comprehensive-accompaniment"),
            ("io2-f3", "comprehensive-accompaniment"),
            ("io2-f4", "qualified-partnerships"),
            ("io2-f5", "qualified-partnerships"),
            ("io2-f6", "qualified-partnerships"),
            ("io2-f7", "adapted-methodology"),
            ("io2-f8", "adapted-methodology"),
            ("io2-f9", "adapted-methodology"),
            ("io2-f10", "adapted-methodology"),
            ("io2-f11", "responsive-teams"),
            ("io2-f12", "adapted-methodology"),
            ("io2-f13", "responsive-teams"),
        ]
    );
    assert!(io2.leaves().all(|c| c.tags.len() == 1));
    // Every placement is marked as the crate's reading.
    assert_eq!(
        io2.criterion("io2-f3").unwrap().source.as_deref(),
        Some(
            "section 4.1, Figure 4, factor 3; part 5.1 (A comprehensive accompaniment): the \
             crate's reading, not the source's; it reformulates IO1 factor 3 (field: \
             accompaniment strategy)"
        )
    );
    for (n, c) in io2.leaves().enumerate() {
        let source = c.source.as_deref().unwrap();
        assert!(
            source.starts_with(&format!("section 4.1, Figure 4, factor {}; part 5.", n + 1)),
            "{source}"
        );
        assert!(
            source.contains("): the crate's reading, not the source's; "),
            "{source}"
        );
    }
    assert_eq!(
        io2.provenance.notes[1],
        "The source does not state which part each factor belongs to: the facet part is the \
         crate's reading, and each factor's source gives the reason for its tag. The parts are \
         a facet, not groups, so that the factors keep Figure 4's order."
    );
}

#[test]
fn profint_learning_grid_has_22_proposals_in_5_domains_rated_1_to_3() {
    let grid = profint::learning_grid();
    assert_eq!(grid.id, "profint-learning-grid");
    let ranges: Vec<(&str, Vec<String>)> = grid
        .criteria
        .iter()
        .map(|d| {
            (
                d.id.as_str(),
                d.children.iter().map(|c| c.id.to_string()).collect(),
            )
        })
        .collect();
    let p = |r: std::ops::RangeInclusive<u8>| r.map(|n| format!("p{n}")).collect::<Vec<_>>();
    assert_eq!(
        ranges,
        [
            ("linguistic", p(1..=4)),
            ("socialisation-culture", p(5..=8)),
            ("civic-everyday-life", p(9..=15)),
            ("professional-project", p(16..=18)),
            ("professional-job-search", p(19..=22)),
        ]
    );
    let scale = &grid.scales["importance"];
    assert_eq!(scale.normalise(&RatingValue::Level(1.into())), Some(0.0));
    assert_eq!(scale.normalise(&RatingValue::Level(2.into())), Some(0.5));
    assert_eq!(scale.normalise(&RatingValue::Level(3.into())), Some(1.0));
    assert_eq!(scale.normalise(&RatingValue::Level(0.into())), None);
    assert_eq!(scale.normalise(&RatingValue::Level(4.into())), None);
    for n in 0..=23u8 {
        let domain = profint::Domain::of_proposal(n).map(|d| d.id());
        let expected = match n {
            1..=4 => Some("linguistic"),
            5..=8 => Some("socialisation-culture"),
            9..=15 => Some("civic-everyday-life"),
            16..=18 => Some("professional-project"),
            19..=22 => Some("professional-job-search"),
            _ => None,
        };
        assert_eq!(domain, expected, "proposal {n}");
    }
}

#[test]
fn profint_respondent_types_round_trip_with_their_grids_and_fields() {
    use profint::{Field::*, RespondentType};
    let table: Vec<(String, char, &[profint::Field])> = RespondentType::ALL
        .iter()
        .map(|r| (r.to_string(), r.grid(), r.fields()))
        .collect();
    assert_eq!(
        table,
        [
            (
                "partners".to_owned(),
                'A',
                &[
                    AccompanimentStrategy,
                    PartnershipManagement,
                    AccompanyingSkills
                ][..]
            ),
            (
                "companies".to_owned(),
                'B',
                &[
                    PartnershipManagement,
                    AccompanyingMethodology,
                    AccompanyingSkills
                ][..]
            ),
            (
                "other_device_actors".to_owned(),
                'C',
                &[
                    AccompanimentStrategy,
                    PartnershipManagement,
                    AccompanyingMethodology,
                    AccompanyingSkills
                ][..]
            ),
            (
                "beneficiaries".to_owned(),
                'D',
                &[AccompanyingMethodology][..]
            ),
        ]
    );
    for r in RespondentType::ALL {
        assert_eq!(r.to_string().parse::<RespondentType>().unwrap(), r);
        assert_eq!(serde_json::to_string(&r).unwrap(), format!("\"{r}\""));
    }
    assert_eq!(RespondentType::ATTRIBUTE, "respondent_type");
    assert!("Partners".parse::<RespondentType>().is_err());
    assert!("".parse::<RespondentType>().is_err());
}
