//! The pipelines the fuzz targets drive, shared by `fuzz/fuzz_targets/*.rs`
//! (through `#[path]`) and by `tests/fuzz_seeds.rs`, which feeds every
//! committed seed through them in `cargo test`.
//!
//! Each function takes arbitrary bytes, parses them as one kind of
//! document, runs everything the crate offers on it, and panics only when
//! one of the crate's promises is broken:
//!
//! - nothing panics, whatever the bytes (the fuzzer catches panics);
//! - a parse failure is one issue of code `invalid-document`,
//!   `unknown-field`, `malformed-id`, `malformed-language-tag` or
//!   `duplicate-id`;
//! - every issue's path resolves in the serialised document;
//! - a framework validates exactly when [`Scorer::new`] accepts it;
//! - an assessment is scored exactly when [`Scorer::check`] finds nothing;
//! - a report's total and node scores are in [0, 1];
//! - every rating that went in is in the report as rated or not applicable;
//! - scoring an assessment after a JSON round trip gives the identical
//!   report.
#![allow(
    dead_code,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    clippy::panic
)]

use std::sync::OnceLock;

use assessment_model::catalog::{crosswalk, good_practice, profint};
use assessment_model::localization::Localized;
use assessment_model::model::{DeclaredFinding, FindingKind};
use assessment_model::review::Consolidation;
use assessment_model::{
    Assessment, Framework, Issue, Level, Localization, Mapping, PeerReview, Profile, RatingValue,
    Scale, Scorer, Subject, ValidationError, catalog, from_deserializer,
};

/// The codes [`from_deserializer`] may report.
const PARSE_CODES: [&str; 5] = [
    "invalid-document",
    "unknown-field",
    "malformed-id",
    "malformed-language-tag",
    "duplicate-id",
];

/// Parses `data` as JSON through [`from_deserializer`], rejecting trailing
/// characters; `None` on failure, after checking the failure's form.
pub fn parse_json<T: serde::de::DeserializeOwned>(data: &[u8]) -> Option<T> {
    let mut de = serde_json::Deserializer::from_slice(data);
    let parsed = from_deserializer::<T, _>(&mut de).and_then(|value| {
        de.end().map(|()| value).map_err(|e| {
            ValidationError::new(vec![Issue::new(
                "",
                assessment_model::IssueKind::InvalidDocument {
                    message: e.to_string(),
                },
            )])
        })
    });
    accept(parsed)
}

/// Parses `data` as TOML through [`from_deserializer`]; `None` when it is
/// not UTF-8, not TOML (toml's own syntax error, which has no path) or not
/// a document, after checking the failure's form.
pub fn parse_toml<T: serde::de::DeserializeOwned>(data: &[u8]) -> Option<T> {
    let text = std::str::from_utf8(data).ok()?;
    let de = toml::Deserializer::parse(text).ok()?;
    accept(from_deserializer::<T, _>(de))
}

fn accept<T>(parsed: Result<T, ValidationError>) -> Option<T> {
    match parsed {
        Ok(value) => Some(value),
        Err(err) => {
            assert_eq!(err.issues().len(), 1, "a parse failure is one issue");
            let code = err.issues()[0].code();
            assert!(PARSE_CODES.contains(&code), "parse failure coded {code}");
            None
        }
    }
}

/// Asserts that every issue's path resolves in `document` serialised as
/// JSON (a document that cannot be serialised, e.g. with a NaN weight that
/// JSON writes as `null`, still has every path).
pub fn paths_resolve<T: serde::Serialize>(document: &T, issues: &[Issue]) {
    let value = serde_json::to_value(document).expect("every document serialises");
    for issue in issues {
        assert!(
            value.pointer(&issue.path).is_some(),
            "issue path {} ({}) does not resolve",
            issue.path,
            issue.code()
        );
    }
}

// ----- frameworks -----

/// JSON bytes → framework → everything.
pub fn framework_json(data: &[u8]) {
    if let Some(framework) = parse_json::<Framework>(data) {
        framework_pipeline(&framework, data);
    }
}

/// TOML bytes → framework → everything.
pub fn framework_toml(data: &[u8]) {
    if let Some(framework) = parse_toml::<Framework>(data) {
        framework_pipeline(&framework, data);
    }
}

/// Validates `framework`, compiles it, and scores the catalogues'
/// assessments and assessments made from `seed` against it.
pub fn framework_pipeline(framework: &Framework, seed: &[u8]) {
    let issues = framework.issues();
    paths_resolve(framework, &issues);
    let valid = framework.validate().is_ok();
    let scorer = Scorer::new(framework);
    assert_eq!(valid, scorer.is_ok(), "validate and Scorer::new disagree");
    let Ok(scorer) = scorer else { return };
    for assessment in catalogue_assessments() {
        score_and_check(&scorer, assessment);
    }
    for salt in 0..3u8 {
        let assessment = assessment_from(framework, seed, salt);
        score_and_check(&scorer, &assessment);
    }
    // The bytes of a JSON or TOML document are mostly letters, quotes and
    // braces, whose residues leave some mixes of ratings (a few leaves
    // missing among rated ones, say) out of reach; hashed choices reach
    // them, and change with every byte the fuzzer changes.
    for salt in 0..2u8 {
        let assessment = hashed_assessment(framework, seed, salt);
        score_and_check(&scorer, &assessment);
    }
}

/// Like [`assessment_from`], with leaf `i`'s choice taken from a hash of
/// the whole seed, `i` and `salt`.
pub fn hashed_assessment(framework: &Framework, seed: &[u8], salt: u8) -> Assessment {
    // FNV-1a of the seed, once; then a SplitMix64 finaliser per leaf.
    let base = seed.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    rate_leaves(framework, |i| {
        let mut z = base ^ (i as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ u64::from(salt);
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^= z >> 31;
        // Off the scale (5) is rarer here, so that most of these score.
        match z % 11 {
            0 | 1 => 0,
            2 => 1,
            3 | 4 => 2,
            5 | 6 => 3,
            7..=9 => 4,
            _ if z % 7 == 0 => 5,
            _ => 2,
        }
    })
}

/// A framework with every kind of scale, numeric ones in both directions,
/// and a tagged group, which no catalogue has: the review, mapping and
/// profile targets use it to reach the consolidation and rescaling of
/// numbers and the lifting of a dissolved group's tags.
pub fn mixed_scales() -> Framework {
    serde_json::from_str(MIXED_SCALES).expect("the mixed-scales framework parses")
}

/// The frameworks the assessment, review, mapping and profile targets
/// apply a document to, each with its scorer: the catalogues and
/// [`mixed_scales`]. Built once per process, not once per input.
pub fn known() -> &'static [(Framework, Scorer)] {
    static KNOWN: OnceLock<Vec<(Framework, Scorer)>> = OnceLock::new();
    KNOWN.get_or_init(|| {
        let mut frameworks = catalog::frameworks();
        frameworks.push(mixed_scales());
        frameworks
            .into_iter()
            .map(|f| {
                let scorer = Scorer::new(&f).expect("the known frameworks are valid");
                (f, scorer)
            })
            .collect()
    })
}

/// The known framework (and its scorer) of id `id`.
fn known_by_id(id: &str) -> Option<&'static (Framework, Scorer)> {
    known().iter().find(|(f, _)| f.id.as_str() == id)
}

const MIXED_SCALES: &str = r#"{
  "id": "fuzz-mixed-scales",
  "version": "1.0.0",
  "title": "Fuzzing: every kind of scale",
  "scales": {
    "pct": {"type": "numeric", "min": 0.0, "max": 100.0, "unit": "%"},
    "days": {"type": "numeric", "min": 0.0, "max": 30.0, "unit": "days",
             "direction": "lower_is_better"},
    "tick": {"type": "binary"},
    "stars": {"type": "ordinal", "levels": [
      {"id": "one", "value": 1, "label": "one"},
      {"id": "two", "value": 2, "label": "two"},
      {"id": "three", "value": 3, "label": "three"}
    ]}
  },
  "facets": {
    "field": {"title": "Field", "values": {
      "employment": {"title": "Employment"},
      "society": {"title": "Society"}
    }}
  },
  "criteria": [
    {"id": "outcomes", "title": "Outcomes", "tags": {"field": "employment"}, "children": [
      {"id": "placed", "title": "Placed in work", "scale": "pct", "tags": {"field": "society"}},
      {"id": "wait", "title": "Days to a first offer", "scale": "days"}
    ]},
    {"id": "practice", "title": "Practice", "children": [
      {"id": "plan", "title": "A written plan", "scale": "tick"},
      {"id": "quality", "title": "Quality", "scale": "stars"},
      {"id": "reach", "title": "Share reached", "scale": "pct"}
    ]}
  ]
}"#;

/// The built-in assessments: the worked good-practice example, and for
/// every catalogue framework one assessment with every leaf at its best.
/// Built once per process.
pub fn catalogue_assessments() -> &'static [Assessment] {
    static ALL: OnceLock<Vec<Assessment>> = OnceLock::new();
    ALL.get_or_init(|| {
        let mut all = vec![good_practice::worked_example()];
        for framework in catalog::frameworks() {
            all.push(assessment_from(&framework, &[2], 0));
        }
        all
    })
}

/// An assessment of `framework` whose rating of leaf `i` is chosen by the
/// byte `seed[(i + salt) % len]`: missing, not applicable, the scale's
/// best, worst or a middle value, or a value off the scale.
pub fn assessment_from(framework: &Framework, seed: &[u8], salt: u8) -> Assessment {
    rate_leaves(framework, |i| {
        if seed.is_empty() {
            2
        } else {
            seed[(i + usize::from(salt)) % seed.len()] % 6
        }
    })
}

/// An assessment of `framework` rating leaf `i` by `choice(i)`: missing
/// (0), not applicable (1, or a leaf without a scale), or [`pick`]'s
/// choices 2 to 5.
fn rate_leaves(framework: &Framework, choice: impl Fn(usize) -> u8) -> Assessment {
    let mut assessment = Assessment::new(framework.exact_ref(), Subject::new("Fuzzed"));
    for (i, leaf) in framework.leaves().enumerate() {
        let scale = leaf.scale.as_ref().and_then(|s| framework.scales.get(s));
        let value = match (choice(i), scale) {
            (0, _) => continue,
            (1, _) | (_, None) => RatingValue::NotApplicable,
            (choice, Some(scale)) => pick(scale, choice),
        };
        assessment.rate(&leaf.id, value).unwrap();
    }
    assessment
}

/// Best (2), worst (3), middle (4; an ordinal level by id, the others by
/// value) or off the scale (5).
fn pick(scale: &Scale, choice: u8) -> RatingValue {
    match scale {
        Scale::Binary { .. } => match choice {
            2 => RatingValue::Met,
            3 | 4 => RatingValue::NotMet,
            _ => RatingValue::Level(1.into()),
        },
        Scale::Ordinal { levels, .. } => {
            let mut sorted: Vec<&Level> = levels.iter().collect();
            sorted.sort_unstable_by_key(|l| l.value);
            let values: Vec<i32> = sorted.iter().map(|l| l.value).collect();
            match (choice, values.first(), values.last()) {
                (2, _, Some(&max)) => RatingValue::Level(max.into()),
                (3, Some(&min), _) => RatingValue::Level(min.into()),
                // The middle level by id, so that ids are resolved too.
                (4, _, _) if !sorted.is_empty() => {
                    RatingValue::Level(sorted[sorted.len() / 2].id.clone().into())
                }
                _ => RatingValue::Level(values.last().map_or(0, |v| v.saturating_add(1)).into()),
            }
        }
        Scale::Numeric { min, max, .. } => match choice {
            2 => RatingValue::Number(*max),
            3 => RatingValue::Number(*min),
            4 => RatingValue::Number(min / 2.0 + max / 2.0),
            _ => RatingValue::Number(f64::INFINITY),
        },
        other => panic!("the harness does not know the scale {other:?}"),
    }
}

/// Checks `assessment` and scores it with `scorer`, asserting the crate's
/// promises about the outcome.
pub fn score_and_check(scorer: &Scorer, assessment: &Assessment) {
    let issues = scorer
        .validate(assessment)
        .err()
        .map(ValidationError::into_issues)
        .unwrap_or_default();
    paths_resolve(assessment, &issues);
    let report = scorer.score(assessment);
    let total = scorer.total(assessment);
    let priorities = scorer.priorities(assessment);
    assert_eq!(
        issues.is_empty(),
        report.is_ok(),
        "check and score disagree"
    );
    assert_eq!(report.is_ok(), total.is_ok(), "score and total disagree");
    assert_eq!(
        report.is_ok(),
        priorities.is_ok(),
        "score and priorities disagree"
    );
    let Ok(report) = report else { return };
    let in_unit = |s: Option<f64>| s.is_none_or(|s| (0.0..=1.0).contains(&s));
    assert!(in_unit(report.total().score()), "total out of [0, 1]");
    assert_eq!(
        total.ok().flatten().map(f64::to_bits),
        report.total().score().map(f64::to_bits),
        "the fast total differs from the report's"
    );
    for node in report.nodes() {
        assert!(
            in_unit(node.score()),
            "score of {} out of [0, 1]",
            node.id()
        );
    }
    for id in assessment.ratings.keys() {
        let node = report
            .node(id.as_str())
            .expect("a rated leaf is in the report");
        let counts = node.counts();
        assert_eq!(counts.leaves, 1, "{id} is a leaf");
        assert_eq!(counts.missing, 0, "the rating of {id} is accounted for");
        assert_eq!(counts.rated + counts.not_applicable, 1);
    }
    let text = serde_json::to_string(assessment).expect("assessments serialise");
    let again: Assessment = serde_json::from_str(&text).expect("and parse back");
    let report_again = scorer.score(&again).expect("the same assessment scores");
    assert_eq!(
        format!("{report:?}"),
        format!("{report_again:?}"),
        "a JSON round trip changed the report"
    );
}

// ----- assessments -----

/// JSON bytes → assessment → checked and scored against every known
/// framework.
pub fn assessment_json(data: &[u8]) {
    let Some(assessment) = parse_json::<Assessment>(data) else {
        return;
    };
    for (_, scorer) in known() {
        score_and_check(scorer, &assessment);
    }
}

// ----- profiles -----

/// JSON bytes → profile → applied to every known framework; a tailored
/// framework is valid and scores its own assessments.
pub fn profile_json(data: &[u8]) {
    let Some(profile) = parse_json::<Profile>(data) else {
        return;
    };
    for (framework, _) in known() {
        match profile.apply(framework) {
            Ok(tailored) => {
                let scorer = Scorer::new(&tailored).expect("a tailored framework is valid");
                score_and_check(&scorer, &assessment_from(&tailored, data, 0));
                score_and_check(&scorer, &assessment_from(framework, data, 1));
            }
            Err(err) => paths_resolve(&profile, err.issues()),
        }
    }
}

// ----- localizations -----

/// JSON bytes → localization → checked against every known framework;
/// where it validates, applied (the localized framework is valid, in the
/// localization's language, and scores the framework's assessments to the
/// same totals) and looked up in its own language (every criterion has a
/// title).
pub fn localization_json(data: &[u8]) {
    let Some(localization) = parse_json::<Localization>(data) else {
        return;
    };
    for (framework, scorer) in known() {
        let issues = localization.issues_against(framework);
        paths_resolve(&localization, &issues);
        let Ok(coverage) = localization.validate_for(framework) else {
            assert!(localization.apply(framework).is_err());
            continue;
        };
        assert!(coverage.translated <= coverage.translatable);
        let localized = localization
            .apply(framework)
            .expect("a valid localization applies");
        let tag = localization.tag().expect("a valid localization has a tag");
        assert_eq!(localized.language, tag);
        let localized_scorer = Scorer::new(&localized).expect("a localized framework is valid");
        let assessment = assessment_from(framework, data, 0);
        if let (Ok(a), Ok(b)) = (
            scorer.score(&assessment),
            localized_scorer.score(&assessment),
        ) {
            assert_eq!(
                a.total().score().map(f64::to_bits),
                b.total().score().map(f64::to_bits)
            );
        }
        let texts = Localized::new(framework, &[&localization], &tag).expect("valid");
        for (_, c) in framework.walk() {
            assert!(texts.criterion_title(c.id.as_str()).is_some());
        }
    }
}

// ----- mappings -----

/// JSON bytes → mapping → checked and used to translate between the
/// catalogue pairs (and each catalogue to itself), and between the
/// frameworks it names when both are known.
pub fn mapping_json(data: &[u8]) {
    let Some(mapping) = parse_json::<Mapping>(data) else {
        return;
    };
    let catalogue = |id: &str| known_by_id(id).expect("a catalogue is known");
    let (io1, io2) = (catalogue("profint-io1"), catalogue("profint-io2"));
    let (core, criteria) = (
        catalogue("impart-core"),
        catalogue("good-practice-criteria"),
    );
    let grid = catalogue("profint-learning-grid");
    for (from, to) in [(io1, io2), (core, criteria), (grid, grid)] {
        translate(&mapping, from, to, data);
    }
    // The frameworks the mapping names, when both are known: reaches pairs
    // with different scales (binary to ordinal, numbers to levels, and
    // back).
    if let (Some(from), Some(to)) = (
        known_by_id(mapping.from.id.as_str()),
        known_by_id(mapping.to.id.as_str()),
    ) {
        translate(&mapping, from, to, data);
    }
    // The built-in crosswalks on assessments made from the bytes.
    translate(&profint::io1_to_io2(), io1, io2, data);
    translate(
        &crosswalk::impart_core_to_good_practice(),
        core,
        criteria,
        data,
    );
}

fn translate(
    mapping: &Mapping,
    (from, source): &(Framework, Scorer),
    (to, target): &(Framework, Scorer),
    seed: &[u8],
) {
    let checked = mapping.check(from, to);
    for assessment in [assessment_from(from, seed, 0), annotated(from, seed)] {
        let translated = mapping.translate(&assessment, from, to);
        assert_eq!(
            checked.is_ok() && source.validate(&assessment).is_ok(),
            translated.is_ok(),
            "check and translate disagree"
        );
        if let Ok(translation) = translated {
            score_and_check(target, &translation.assessment);
        }
    }
}

/// A hashed assessment of `framework` with narratives, findings about
/// criteria and a general finding, which a translation carries or lists;
/// for some seeds also a narrative on an id the framework lacks, or a
/// rating on a group or on such an id.
fn annotated(framework: &Framework, seed: &[u8]) -> Assessment {
    let mut assessment = hashed_assessment(framework, seed, 7);
    for (i, leaf) in framework.leaves().enumerate() {
        match (seed.len() + i) % 5 {
            0 => {
                assessment
                    .narratives
                    .insert(leaf.id.clone(), format!("narrative {i}"));
            }
            1 => assessment.findings.push({
                let mut built = DeclaredFinding::new(FindingKind::Risk, format!("finding {i}"));
                built.criterion = Some(leaf.id.clone());
                built
            }),
            _ => {}
        }
    }
    assessment
        .findings
        .push(DeclaredFinding::new(FindingKind::Strength, "general"));
    if seed.len() % 4 == 0 {
        assessment
            .narratives
            .insert("not-in-the-framework".parse().unwrap(), "stray".into());
    }
    // Ratings a translation refuses, for a few seeds: on a group, and on
    // an id the framework lacks.
    match seed.len() % 7 {
        3 => {
            if let Some(group) = framework.criteria.iter().find(|c| !c.is_leaf()) {
                assessment.rate(&group.id, RatingValue::Met).unwrap();
            }
        }
        5 => {
            assessment
                .rate("not-in-the-framework", RatingValue::Met)
                .unwrap();
        }
        _ => {}
    }
    assessment
}

// ----- peer reviews -----

/// JSON bytes → peer review → checked against every known framework, and
/// consolidated by every method against each.
pub fn review_json(data: &[u8]) {
    let Some(review) = parse_json::<PeerReview>(data) else {
        return;
    };
    for (framework, scorer) in known() {
        let issues = review.issues_against(framework);
        paths_resolve(&review, &issues);
        for method in [
            Consolidation::Median,
            Consolidation::Mean,
            Consolidation::Minimum,
            Consolidation::Consensus,
        ] {
            if let Ok(consolidated) = review.consolidate(framework, method) {
                score_and_check(scorer, &consolidated.assessment);
            }
        }
    }
}
