#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Every title of the built-in catalogues against the sources' own text.
//!
//! The expected wording is parsed here from unedited copies of the source
//! lines (`tests/fixtures/sources/`, see its README), not taken from the
//! catalogues.
// Test code on fixed data: an index out of range or an overflow is a failure
// of the test, not of the crate.
#![allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]

use assessment_model::catalog::{good_practice, impart, profint};
use assessment_model::{Criterion, Framework, RatingValue};

const GP_SOURCE: &str = include_str!("fixtures/sources/good_practice_criteria.txt");
const IMPART_SOURCE: &str = include_str!("fixtures/sources/impart_core_factors.txt");
const FIGURE_1: &str = include_str!("fixtures/sources/profint_figure1.txt");
const FIGURE_4: &str = include_str!("fixtures/sources/profint_figure4.txt");
const DOMAINS: &str = include_str!("fixtures/sources/profint_domains.txt");

// ----- good-practice criteria -----

struct GpQuestion {
    title: String,
    narrative: String,
    items: Vec<(char, String)>,
}

struct GpArea {
    title: String,
    questions: Vec<GpQuestion>,
}

const GP_AREAS: [&str; 5] = [
    "Inclusivity & Participation",
    "Relevance & Complementarity",
    "Effectiveness",
    "Sustainability",
    "Partnership & Collaboration",
];

/// Parses the good-practice source: area line, then per question its
/// title, its narrative, "Good practice checklist" and the marked items.
fn parse_gp() -> Vec<GpArea> {
    let mut areas: Vec<GpArea> = Vec::new();
    let mut expect_narrative = false;
    for line in GP_SOURCE.lines().skip(1).filter(|l| !l.trim().is_empty()) {
        if GP_AREAS.contains(&line) {
            areas.push(GpArea {
                title: line.to_owned(),
                questions: Vec::new(),
            });
        } else if line == "Good practice checklist" {
        } else if let Some(rest) = line.strip_prefix("✓ ").or_else(|| line.strip_prefix("– ")) {
            let mark = line.chars().next().unwrap();
            let question = areas.last_mut().unwrap().questions.last_mut().unwrap();
            question.items.push((mark, rest.to_owned()));
        } else if expect_narrative {
            let question = areas.last_mut().unwrap().questions.last_mut().unwrap();
            question.narrative = line.to_owned();
            expect_narrative = false;
        } else {
            areas.last_mut().unwrap().questions.push(GpQuestion {
                title: line.to_owned(),
                narrative: String::new(),
                items: Vec::new(),
            });
            expect_narrative = true;
        }
    }
    areas
}

#[test]
fn the_fixture_parses_to_the_documented_shape() {
    let areas = parse_gp();
    let per_question: Vec<Vec<usize>> = areas
        .iter()
        .map(|a| a.questions.iter().map(|q| q.items.len()).collect())
        .collect();
    assert_eq!(
        per_question,
        [
            vec![4, 2, 3],
            vec![3, 5, 3],
            vec![4, 5],
            vec![3],
            vec![2, 2]
        ]
    );
    assert!(
        areas
            .iter()
            .flat_map(|a| &a.questions)
            .all(|q| !q.narrative.is_empty())
    );
}

#[test]
fn good_practice_titles_are_the_source_text() {
    let gp = good_practice::criteria();
    let areas = parse_gp();
    assert_eq!(gp.criteria.len(), areas.len());
    let mut q = 0;
    for (area, expected) in gp.criteria.iter().zip(&areas) {
        assert_eq!(area.title, expected.title);
        assert_eq!(area.children.len(), expected.questions.len());
        for (question, expected) in area.children.iter().zip(&expected.questions) {
            q += 1;
            assert_eq!(question.id, format!("q{q}").as_str());
            assert_eq!(question.title, expected.title);
            assert_eq!(question.children.len(), expected.items.len());
            for (k, (item, (_, text))) in question.children.iter().zip(&expected.items).enumerate()
            {
                assert_eq!(item.id, format!("q{q}-{}", k + 1).as_str());
                assert_eq!(&item.title, text, "item {}", item.id);
            }
        }
    }
    assert_eq!(q, 11);
}

#[test]
fn good_practice_keeps_the_sources_typo_and_characters() {
    let gp = good_practice::criteria();
    assert!(
        gp.criterion("q10-2")
            .unwrap()
            .title
            .contains("participation of refuges and migrants")
    );
    assert!(
        gp.criterion("q10")
            .unwrap()
            .title
            .ends_with("? (e.g., migrants, civil society, public authorities, businesses)")
    );
    let example = good_practice::worked_example();
    assert!(example.narratives["q4"].contains("‘discovery period’"));
    assert!(example.narratives["q11"].contains("every 2 – 3 months"));
    assert!(example.narratives["q7"].contains("evaluated according indicators"));
}

#[test]
fn worked_example_is_the_sources_marks_and_narratives() {
    let example = good_practice::worked_example();
    let areas = parse_gp();
    let questions: Vec<&GpQuestion> = areas.iter().flat_map(|a| &a.questions).collect();
    assert_eq!(example.narratives.len(), 11);
    let mut expected_ratings = Vec::new();
    for (index, question) in questions.iter().enumerate() {
        let q = index + 1;
        assert_eq!(
            example.narratives[format!("q{q}").as_str()],
            question.narrative
        );
        for (k, (mark, _)) in question.items.iter().enumerate() {
            let value = match mark {
                '✓' => RatingValue::Met,
                '–' => RatingValue::NotMet,
                other => panic!("unexpected mark {other}"),
            };
            expected_ratings.push((format!("q{q}-{}", k + 1), value));
        }
    }
    let actual: Vec<(String, RatingValue)> = example
        .ratings
        .iter()
        .map(|(id, rating)| (id.to_string(), rating.value.clone()))
        .collect();
    assert_eq!(actual, expected_ratings);
}

// ----- IMPART core -----

/// (factor title, [(indicator, sub-points)]) parsed from the slides.
type ImpartFactor = (String, Vec<(String, Vec<String>)>);

/// Parses the core-factor slides: a `###`/`####` heading or an unindented
/// bullet on a slide without headings opens a factor; bullets under it are
/// indicators; `o` bullets are sub-points; indented lines without a bullet
/// continue the line above.
fn parse_impart() -> Vec<ImpartFactor> {
    // Join continuation lines first: (indent, text).
    let mut lines: Vec<(usize, String)> = Vec::new();
    for raw in IMPART_SOURCE.lines().filter(|l| !l.trim().is_empty()) {
        let trimmed = raw.trim_start();
        let indent = raw.len() - trimmed.len();
        if indent > 0 && !trimmed.starts_with("- ") {
            let last = lines.last_mut().unwrap();
            last.1.push(' ');
            last.1.push_str(trimmed.trim_end());
        } else {
            lines.push((indent, raw.trim_end().to_owned()));
        }
    }
    let mut factors: Vec<ImpartFactor> = Vec::new();
    let mut under_heading = false;
    for (indent, line) in lines {
        let text = line.trim_start();
        if text.starts_with("# ") {
            under_heading = false;
        } else if let Some(heading) = text
            .strip_prefix("#### ")
            .or_else(|| text.strip_prefix("### "))
        {
            factors.push((heading.to_owned(), Vec::new()));
            under_heading = true;
        } else if let Some(sub) = text.strip_prefix("- o ") {
            let indicator = factors.last_mut().unwrap().1.last_mut().unwrap();
            indicator.1.push(sub.to_owned());
        } else if let Some(bullet) = text.strip_prefix("- ") {
            if indent == 0 && !under_heading {
                factors.push((bullet.to_owned(), Vec::new()));
            } else {
                factors
                    .last_mut()
                    .unwrap()
                    .1
                    .push((bullet.to_owned(), Vec::new()));
            }
        } else {
            panic!("unparsed line {line:?}");
        }
    }
    factors
}

#[test]
fn impart_core_titles_are_the_source_text() {
    let core = impart::core();
    let factors = parse_impart();
    let ids = [
        "needs-assessment",
        "migrant-voice",
        "employer-engagement",
        "other-social-partners",
        "policy-frameworks",
        "commitment-to-mainstream",
        "monitoring-evaluation",
        "equalities",
    ];
    assert_eq!(factors.len(), 8);
    assert_eq!(core.criteria.len(), 8);
    for ((factor, id), (title, indicators)) in core.criteria.iter().zip(ids).zip(&factors) {
        assert_eq!(factor.id, id);
        assert_eq!(&factor.title, title);
        assert!(factor.critical, "{id} is critical");
        assert_eq!(factor.children.len(), indicators.len(), "{id}");
        for (n, (indicator, (text, subs))) in factor.children.iter().zip(indicators).enumerate() {
            assert_eq!(indicator.id, format!("{id}-{}", n + 1).as_str());
            assert_eq!(&indicator.title, text);
            assert!(indicator.is_leaf());
            let description = (!subs.is_empty()).then(|| subs.join("\n"));
            assert_eq!(indicator.description, description, "{}", indicator.id);
        }
    }
}

#[test]
fn impart_equalities_sub_points_stay_in_one_indicator() {
    let core = impart::core();
    let first = core.criterion("equalities-1").unwrap();
    assert_eq!(
        first.title,
        "core aim: promote equality /tackle discrimination"
    );
    assert_eq!(
        first.description.as_deref(),
        Some("between migrants + others\nwithin communities")
    );
    assert_eq!(
        core.criterion("commitment-to-mainstream-1").unwrap().title,
        "invest in local structures to champion good practice eg. MSO networks"
    );
}

// ----- PROFINT -----

/// The numbered factors `- N) text` of a figure, in order.
fn numbered(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in text.lines() {
        let Some(rest) = line.strip_prefix("- ") else {
            continue;
        };
        let Some((number, factor)) = rest.split_once(") ") else {
            continue;
        };
        assert_eq!(number.parse::<usize>().unwrap(), out.len() + 1);
        out.push(factor.to_owned());
    }
    out
}

fn leaf_titles(framework: &Framework, prefix: &str) -> Vec<(String, String)> {
    let mut leaves: Vec<&Criterion> = framework.leaves().collect();
    leaves.sort_by_key(|c| {
        c.id.as_str()
            .trim_start_matches(prefix)
            .parse::<usize>()
            .unwrap()
    });
    leaves
        .iter()
        .map(|c| (c.id.to_string(), c.title.clone()))
        .collect()
}

#[test]
fn profint_io1_factors_are_figure_1() {
    let expected = numbered(FIGURE_1);
    assert_eq!(expected.len(), 13);
    let actual = leaf_titles(&profint::success_factors_io1(), "io1-f");
    for (n, ((id, title), text)) in actual.iter().zip(&expected).enumerate() {
        assert_eq!(id, &format!("io1-f{}", n + 1));
        assert_eq!(title, text);
    }
    assert_eq!(actual.len(), 13);
}

#[test]
fn profint_io2_factors_are_figure_4() {
    let expected = numbered(FIGURE_4);
    assert_eq!(expected.len(), 13);
    let actual = leaf_titles(&profint::success_factors_io2(), "io2-f");
    for (n, ((id, title), text)) in actual.iter().zip(&expected).enumerate() {
        assert_eq!(id, &format!("io2-f{}", n + 1));
        assert_eq!(title, text);
    }
    assert_eq!(actual.len(), 13);
}

#[test]
fn profint_io2_factors_are_in_figure_4_order() {
    // In definition order (not sorted by id): Figure 4's factors 1 to 13.
    let io2 = profint::success_factors_io2();
    let titles: Vec<String> = io2.leaves().map(|c| c.title.clone()).collect();
    assert_eq!(titles, numbered(FIGURE_4));
    let ids: Vec<String> = io2.leaves().map(|c| c.id.to_string()).collect();
    assert_eq!(
        ids,
        (1..=13).map(|n| format!("io2-f{n}")).collect::<Vec<_>>()
    );
}

/// The numbers listed in parentheses after `label` in Figure 1's block.
fn listed(label: &str) -> Vec<usize> {
    let line = FIGURE_1.lines().find(|l| l.starts_with(label)).unwrap();
    let inside = line.split_once('(').unwrap().1.split_once(')').unwrap().0;
    inside
        .split(',')
        .map(|n| n.trim().parse().unwrap())
        .collect()
}

#[test]
fn profint_io1_facets_are_as_the_source_lists_them() {
    let io1 = profint::success_factors_io1();
    let tagged = |facet: &str, value: &str| -> Vec<usize> {
        io1.leaves()
            .filter(|c| c.tags.get(facet).is_some_and(|v| v == value))
            .map(|c| c.id.as_str()["io1-f".len()..].parse().unwrap())
            .collect()
    };
    assert_eq!(
        tagged("stakeholder", "beneficiaries"),
        listed("- the beneficiaries")
    );
    assert_eq!(
        tagged("stakeholder", "partners"),
        listed("- the partners of the organization")
    );
    assert_eq!(
        tagged("stakeholder", "organisation"),
        listed("- the organization implementing")
    );
    assert_eq!(
        tagged("field", "accompaniment-strategy"),
        listed("- the accompaniment strategy")
    );
    assert_eq!(
        tagged("field", "partnership-management"),
        listed("- the management of partnerships")
    );
    assert_eq!(
        tagged("field", "accompanying-methodology"),
        listed("- the accompanying methodology")
    );
    assert_eq!(
        tagged("field", "accompanying-skills"),
        listed("- the development of accompanying skills")
    );
    // And, independently of the parsing, the lists the issue states.
    assert_eq!(tagged("stakeholder", "beneficiaries"), [4, 7, 8, 9, 10, 11]);
    assert_eq!(tagged("stakeholder", "partners"), [5, 6]);
    assert_eq!(tagged("stakeholder", "organisation"), [1, 2, 3, 12, 13]);
    assert_eq!(tagged("field", "accompaniment-strategy"), [1, 2, 3]);
    assert_eq!(tagged("field", "partnership-management"), [5, 6]);
    assert_eq!(
        tagged("field", "accompanying-methodology"),
        [7, 8, 9, 10, 11]
    );
    assert_eq!(tagged("field", "accompanying-skills"), [12, 13]);
    let f4 = io1.criterion("io1-f4").unwrap();
    assert!(!f4.tags.contains_key("field"));
    assert!(
        io1.leaves()
            .all(|c| c.tags.len() == if c.id == "io1-f4" { 1 } else { 2 })
    );
}

#[test]
fn profint_learning_domains_are_section_3_2() {
    let grid = profint::learning_grid();
    let expected: Vec<(String, usize, usize)> = DOMAINS
        .lines()
        .filter_map(|l| l.strip_prefix("- "))
        .map(|l| {
            let (name, rest) = l.split_once(" (proposals ").unwrap();
            let (from, to) = rest.trim_end_matches(')').split_once('-').unwrap();
            (name.to_owned(), from.parse().unwrap(), to.parse().unwrap())
        })
        .collect();
    assert_eq!(expected.len(), 5);
    for (domain, (name, from, to)) in grid.criteria.iter().zip(&expected) {
        assert_eq!(&domain.title, name);
        let ids: Vec<String> = domain.children.iter().map(|c| c.id.to_string()).collect();
        let want: Vec<String> = (*from..=*to).map(|n| format!("p{n}")).collect();
        assert_eq!(ids, want);
        for child in &domain.children {
            assert_eq!(child.title, format!("Proposal {}", &child.id.as_str()[1..]));
        }
    }
}
