//! Property tests: generated valid frameworks and assessments round-trip
//! through JSON and TOML unchanged, and validation never panics on
//! generated (also invalid) frameworks, with every issue's path resolving in
//! the serialised document.
//!
//! Exact round-trips of arbitrary floats through serde_json need its
//! `float_roundtrip` feature (enabled for these tests).
#![allow(clippy::unwrap_used, clippy::expect_used)]
// Test code on fixed data: an index out of range or an overflow is a failure
// of the test, not of the crate.
#![allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]

use assessment_model::model::{
    DeclaredFinding, Derivation, DerivationKind, Direction, EvidenceKind, FindingKind, Person,
    Provenance,
};
use assessment_model::{
    Aggregation, Assessment, Band, Criterion, Evidence, Facet, FacetValue, Framework, FrameworkRef,
    Id, Level, LevelRef, MissingPolicy, Rating, RatingValue, Scale, ScoringRules, Severity,
    Subject,
};
use indexmap::IndexMap;
use proptest::prelude::*;
use semver::{Version, VersionReq};

// ----- leaves of the model -----

fn id() -> impl Strategy<Value = Id> {
    "[a-z0-9]{1,8}(-[a-z0-9]{1,6}){0,2}".prop_map(|s| Id::new(s).unwrap())
}

/// Any text, including quotes, backslashes, control characters and
/// non-ASCII.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![".{0,12}", "[a-zA-Z \"'\\\\\n\t#=\\[\\]{}]{0,12}"]
}

fn opt_text() -> impl Strategy<Value = Option<String>> {
    proptest::option::of(text())
}

fn finite() -> impl Strategy<Value = f64> {
    prop_oneof![
        any::<f64>().prop_filter("finite", |x| x.is_finite()),
        (-1000i32..1000).prop_map(|n| f64::from(n) / 8.0),
    ]
}

fn unit() -> impl Strategy<Value = f64> {
    prop_oneof![0.0..=1.0, Just(0.0), Just(1.0), Just(0.5)]
}

fn version() -> impl Strategy<Value = Version> {
    (
        0u64..20,
        0u64..20,
        0u64..20,
        proptest::option::of("(alpha|beta|rc)\\.[1-9][0-9]?"),
    )
        .prop_map(|(a, b, c, pre)| {
            let mut v = Version::new(a, b, c);
            if let Some(pre) = pre {
                v.pre = semver::Prerelease::new(&pre).unwrap();
            }
            v
        })
}

fn version_req() -> impl Strategy<Value = VersionReq> {
    prop_oneof![
        Just("*".to_string()),
        (0u64..5, 0u64..5).prop_map(|(a, b)| format!("^{a}.{b}")),
        (0u64..5, 0u64..5, 0u64..5).prop_map(|(a, b, c)| format!("={a}.{b}.{c}")),
        (0u64..5, 5u64..9).prop_map(|(a, b)| format!(">={a}, <{b}")),
        (0u64..5).prop_map(|a| format!("~{a}.1")),
    ]
    .prop_map(|s| VersionReq::parse(&s).unwrap())
}

fn framework_ref() -> impl Strategy<Value = FrameworkRef> {
    (id(), version_req()).prop_map(|(id, version)| FrameworkRef { id, version })
}

// ----- frameworks -----

fn scale() -> impl Strategy<Value = Scale> {
    prop_oneof![
        (opt_text(), opt_text()).prop_map(|(title, description)| titled(
            Scale::binary(),
            title,
            description
        )),
        (
            opt_text(),
            opt_text(),
            proptest::collection::btree_set(any::<i32>(), 2..6),
            proptest::collection::vec((text(), opt_text()), 6)
        )
            .prop_map(|(title, description, values, labels)| {
                let levels = values.into_iter().zip(labels).enumerate().map(
                    |(i, (value, (label, description)))| {
                        let mut level =
                            Level::new(Id::new(format!("level-{i}")).unwrap(), value, label);
                        level.description = description;
                        level
                    },
                );
                titled(Scale::ordinal(levels), title, description)
            }),
        (
            opt_text(),
            opt_text(),
            -1e6..1e6_f64,
            1e-3..1e6_f64,
            any::<bool>(),
            opt_text()
        )
            .prop_map(|(title, description, min, span, lower, unit)| {
                let direction = if lower {
                    Direction::LowerIsBetter
                } else {
                    Direction::HigherIsBetter
                };
                let mut scale = Scale::numeric(min, min + span).with_direction(direction);
                if let Some(unit) = unit {
                    scale = scale.with_unit(unit);
                }
                titled(scale, title, description)
            }),
    ]
}

/// `scale` with `title` and `description` where they are given.
fn titled(mut scale: Scale, title: Option<String>, description: Option<String>) -> Scale {
    if let Some(title) = title {
        scale = scale.with_title(title);
    }
    if let Some(description) = description {
        scale = scale.with_description(description);
    }
    scale
}

fn aggregation() -> impl Strategy<Value = Aggregation> {
    proptest::sample::select(Aggregation::ALL.to_vec())
}

fn missing() -> impl Strategy<Value = MissingPolicy> {
    prop_oneof![
        Just(MissingPolicy::Exclude),
        Just(MissingPolicy::Zero),
        Just(MissingPolicy::Error)
    ]
}

/// A criterion tree with arbitrary ids, weights, references and tags; the
/// selectors (`usize`) are resolved by [`make_valid`] or used as they are.
fn tree(weight: BoxedStrategy<f64>) -> impl Strategy<Value = Criterion> {
    let node = (
        id(),
        text(),
        opt_text(),
        weight,
        any::<bool>(),
        any::<bool>(),
        proptest::collection::vec((id(), id()), 0..3),
        proptest::option::of(aggregation()),
        proptest::option::of(id()),
        opt_text(),
        opt_text(),
    )
        .prop_map(
            |(
                id,
                title,
                description,
                weight,
                scored,
                critical,
                tags,
                aggregation,
                scale,
                not_applicable,
                source,
            )| {
                let mut c = Criterion::group(id, title, Vec::new());
                c.description = description;
                c.weight = weight;
                c.scored = scored;
                c.critical = critical;
                c.tags = tags.into_iter().collect();
                c.aggregation = aggregation;
                c.scale = scale;
                c.not_applicable = not_applicable;
                c.source = source;
                c
            },
        )
        .boxed();
    node.clone().prop_recursive(4, 40, 5, move |inner| {
        (node.clone(), proptest::collection::vec(inner, 0..5)).prop_map(|(mut c, children)| {
            c.children = children;
            c
        })
    })
}

fn provenance() -> impl Strategy<Value = Provenance> {
    (
        opt_text(),
        opt_text(),
        opt_text(),
        proptest::collection::vec(text(), 0..3),
        proptest::collection::vec(
            (
                prop_oneof![
                    Just(DerivationKind::Base),
                    Just(DerivationKind::Module),
                    Just(DerivationKind::Profile)
                ],
                id(),
                proptest::option::of(version()),
            ),
            0..3,
        ),
    )
        .prop_map(|(network, document, year, notes, derived)| {
            let mut p = Provenance::default();
            p.network = network;
            p.document = document;
            p.year = year;
            p.notes = notes;
            p.derived_from = derived
                .into_iter()
                .map(|(kind, id, version)| Derivation::new(kind, id, version))
                .collect();
            p
        })
}

fn rules(threshold: BoxedStrategy<f64>) -> impl Strategy<Value = ScoringRules> {
    (
        aggregation(),
        missing(),
        proptest::option::of(threshold.clone()),
        proptest::collection::vec((id(), text(), threshold.clone()), 0..4),
        proptest::option::of(threshold.clone()),
        proptest::option::of(threshold),
        proptest::option::of(id()),
    )
        .prop_map(
            |(aggregation, missing, min_coverage, bands, risk_below, strength_at, caps)| {
                let mut r = ScoringRules::default();
                r.aggregation = aggregation;
                r.missing = missing;
                r.min_coverage = min_coverage;
                r.bands = bands
                    .into_iter()
                    .map(|(id, label, from)| Band::new(id, label, from))
                    .collect();
                r.risk_below = risk_below;
                r.strength_at = strength_at;
                r.critical_caps_band = caps;
                r
            },
        )
}

fn framework(
    weight: BoxedStrategy<f64>,
    threshold: BoxedStrategy<f64>,
) -> impl Strategy<Value = Framework> {
    (
        (
            id(),
            version(),
            text(),
            opt_text(),
            provenance(),
            opt_text(),
        ),
        proptest::collection::vec((id(), scale()), 0..4),
        proptest::collection::vec(
            (
                id(),
                text(),
                opt_text(),
                proptest::collection::vec((id(), text()), 1..4),
            ),
            0..3,
        ),
        rules(threshold),
        proptest::collection::vec(framework_ref(), 0..3),
        proptest::collection::vec(tree(weight), 0..4),
    )
        .prop_map(
            |(
                (id, version, title, description, provenance, schema),
                scales,
                facets,
                rules,
                requires,
                criteria,
            )| {
                let mut f = Framework::new(id, version, title);
                f.schema = schema;
                f.description = description;
                f.provenance = provenance;
                f.scales = scales.into_iter().collect();
                f.facets = facets
                    .into_iter()
                    .map(|(id, title, description, values)| {
                        let mut facet = Facet::new(title);
                        facet.description = description;
                        facet.values = values
                            .into_iter()
                            .map(|(v, title)| (v, FacetValue::new(title)))
                            .collect();
                        (id, facet)
                    })
                    .collect();
                f.rules = rules;
                f.requires = requires;
                f.criteria = criteria;
                f
            },
        )
}

/// Rewrites a generated framework into a valid one: unique criterion ids,
/// a scale on every leaf and none on groups, tags that the facets define,
/// ascending bands with unique ids, a capping band that exists.
fn make_valid(mut f: Framework) -> Framework {
    let binary = Id::new("binary").unwrap();
    f.scales.entry(binary).or_insert(Scale::binary());
    let scales: Vec<Id> = f.scales.keys().cloned().collect();
    let tags: Vec<(Id, Id)> = f
        .facets
        .iter()
        .flat_map(|(facet, def)| def.values.keys().map(move |v| (facet.clone(), v.clone())))
        .collect();
    let mut counter = 0usize;
    let mut stack: Vec<&mut Criterion> = f.criteria.iter_mut().collect();
    while let Some(c) = stack.pop() {
        counter += 1;
        c.id = Id::new(format!("{}-{counter}", c.id)).unwrap();
        if c.children.is_empty() {
            c.scale = Some(scales[counter % scales.len()].clone());
        } else {
            c.scale = None;
        }
        let old: Vec<Id> = c.tags.keys().cloned().collect();
        c.tags = IndexMap::new();
        if !tags.is_empty() {
            for (i, _) in old.iter().enumerate() {
                let (facet, value) = &tags[(counter + i) % tags.len()];
                c.tags.insert(facet.clone(), value.clone());
            }
        }
        stack.extend(c.children.iter_mut());
    }
    if f.criteria.is_empty() {
        f.criteria.push(Criterion::leaf(
            Id::new("only").unwrap(),
            "Only",
            scales[0].clone(),
        ));
    }
    let n = f.rules.bands.len();
    for (i, band) in f.rules.bands.iter_mut().enumerate() {
        band.id = Id::new(format!("band-{i}")).unwrap();
        band.from = i as f64 / n as f64;
    }
    if f.rules.critical_caps_band.is_some() {
        f.rules.critical_caps_band = f.rules.bands.first().map(|b| b.id.clone());
    }
    f
}

fn valid_framework() -> impl Strategy<Value = Framework> {
    let weight = prop_oneof![Just(1.0), Just(0.0), finite().prop_map(f64::abs)].boxed();
    framework(weight, unit().boxed()).prop_map(make_valid)
}

fn any_framework() -> impl Strategy<Value = Framework> {
    let weight = prop_oneof![
        Just(1.0),
        any::<f64>(),
        Just(f64::NAN),
        Just(-1.0),
        Just(0.0)
    ]
    .boxed();
    let threshold = prop_oneof![unit(), any::<f64>(), Just(f64::NAN)].boxed();
    framework(weight, threshold)
}

// ----- assessments -----

fn rating_value() -> impl Strategy<Value = RatingValue> {
    prop_oneof![
        Just(RatingValue::Met),
        Just(RatingValue::NotMet),
        Just(RatingValue::NotApplicable),
        any::<i32>().prop_map(|v| RatingValue::Level(LevelRef::Value(v))),
        id().prop_map(|id| RatingValue::Level(LevelRef::Id(id))),
        finite().prop_map(RatingValue::Number),
    ]
}

fn evidence_kind() -> impl Strategy<Value = EvidenceKind> {
    prop_oneof![
        Just(EvidenceKind::Document),
        Just(EvidenceKind::Interview),
        Just(EvidenceKind::Observation),
        Just(EvidenceKind::DeskReview),
        Just(EvidenceKind::Survey),
        Just(EvidenceKind::Data),
        Just(EvidenceKind::Other),
    ]
}

fn assessment() -> impl Strategy<Value = Assessment> {
    (
        (framework_ref(), opt_text()),
        (
            text(),
            opt_text(),
            proptest::collection::vec((text(), text()), 0..4),
        ),
        proptest::collection::vec((text(), opt_text(), opt_text()), 0..3),
        proptest::collection::vec(
            (
                id(),
                rating_value(),
                proptest::collection::vec((evidence_kind(), text(), opt_text()), 0..3),
                opt_text(),
            ),
            0..6,
        ),
        proptest::collection::vec((id(), text()), 0..3),
        proptest::collection::vec((any::<bool>(), proptest::option::of(id()), text()), 0..3),
    )
        .prop_map(
            |(
                (framework, schema),
                (name, kind, attributes),
                assessors,
                ratings,
                narratives,
                findings,
            )| {
                let mut subject = Subject::new(name);
                subject.kind = kind;
                subject.attributes = attributes.into_iter().collect();
                let mut a = Assessment::new(framework, subject);
                a.schema = schema;
                a.assessors = assessors
                    .into_iter()
                    .map(|(name, organisation, country)| {
                        let mut p = Person::new(name);
                        p.organisation = organisation;
                        p.country = country;
                        p
                    })
                    .collect();
                a.ratings = ratings
                    .into_iter()
                    .map(|(id, value, evidence, note)| {
                        let mut rating = Rating::new(value);
                        rating.evidence = evidence
                            .into_iter()
                            .map(|(kind, description, reference)| {
                                let mut e = Evidence::new(kind, description);
                                e.reference = reference;
                                e
                            })
                            .collect();
                        rating.note = note;
                        (id, rating)
                    })
                    .collect();
                a.narratives = narratives.into_iter().collect();
                a.findings = findings
                    .into_iter()
                    .map(|(risk, criterion, text)| {
                        let kind = if risk {
                            FindingKind::Risk
                        } else {
                            FindingKind::Strength
                        };
                        let mut f = DeclaredFinding::new(kind, text);
                        f.criterion = criterion;
                        f
                    })
                    .collect();
                a
            },
        )
}

// ----- the properties -----

fn through_json<T: serde::Serialize + serde::de::DeserializeOwned>(value: &T) -> T {
    let text = serde_json::to_string(value).unwrap();
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}\n{text}"))
}

fn through_toml<T: serde::Serialize + serde::de::DeserializeOwned>(value: &T) -> T {
    let text = toml::to_string(value).unwrap();
    toml::from_str(&text).unwrap_or_else(|e| panic!("{e}\n{text}"))
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 128,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn valid_frameworks_are_valid_and_round_trip(framework in valid_framework()) {
        let issues = framework.issues();
        prop_assert!(
            issues.iter().all(|i| i.severity() == Severity::Warning),
            "{issues:?}"
        );
        prop_assert_eq!(&through_json(&framework), &framework);
        prop_assert_eq!(&through_toml(&framework), &framework);
    }

    #[test]
    fn assessments_round_trip(assessment in assessment()) {
        prop_assert_eq!(&through_json(&assessment), &assessment);
        prop_assert_eq!(&through_toml(&assessment), &assessment);
    }

    #[test]
    fn validation_never_panics_and_every_path_resolves(framework in any_framework()) {
        let issues = framework.issues();
        let serialised = serde_json::to_value(&framework).unwrap();
        for issue in &issues {
            prop_assert!(serialised.pointer(&issue.path).is_some(), "{} in {}", issue, serialised);
        }
        let fails = issues.iter().any(|i| i.severity() == Severity::Error);
        prop_assert_eq!(framework.validate().is_err(), fails);
    }
}

/// `"$schema"` is kept and otherwise ignored: any string is accepted (an
/// editor's relative path as much as a schema's id), validation and scoring
/// do not look at it, and it is written first.
#[test]
fn a_schema_name_is_kept_and_ignored() {
    let plain = r#"{
        "id": "tiny", "version": "1.0.0", "title": "Tiny",
        "scales": { "tick": { "type": "binary" } },
        "criteria": [
            { "id": "a", "title": "A", "scale": "tick" },
            { "id": "b", "title": "B", "scale": "tick", "weight": 3.0 }
        ]
    }"#;
    let named = plain.replacen('{', r#"{ "$schema": "./not/a/schema.json","#, 1);
    let framework: Framework = serde_json::from_str(plain).unwrap();
    let framework_named: Framework = serde_json::from_str(&named).unwrap();
    assert_eq!(framework.schema, None);
    assert_eq!(
        framework_named.schema.as_deref(),
        Some("./not/a/schema.json")
    );
    assert_eq!(framework_named.issues(), []);
    let text = serde_json::to_string(&framework_named).unwrap();
    assert!(
        text.starts_with(r#"{"$schema":"./not/a/schema.json","id":"tiny""#),
        "{text}"
    );
    assert!(
        !serde_json::to_string(&framework)
            .unwrap()
            .contains("$schema")
    );

    let assessment = r#"{
        "$schema": "urn:assessment-model:schema:assessment:1",
        "framework": { "id": "tiny", "version": "^1" },
        "subject": { "name": "P" },
        "ratings": { "a": { "value": "not_met" }, "b": { "value": "met" } }
    }"#;
    let assessment: Assessment = serde_json::from_str(assessment).unwrap();
    let scored = |f: &Framework| {
        let scorer = assessment_model::Scorer::new(f).unwrap();
        assert_eq!(scorer.validate(&assessment), Ok(()));
        scorer.score(&assessment).unwrap()
    };
    let report = scored(&framework_named);
    assert_eq!(report, scored(&framework));
    // (3·1 + 1·0) / 4 by hand.
    assert_eq!(report.total().score(), Some(0.75));
    // A report made by scoring names no schema; one read back keeps its name.
    assert_eq!(report.schema(), None);
    let mut value = serde_json::to_value(&report).unwrap();
    value["$schema"] = serde_json::json!("urn:assessment-model:schema:report:1");
    let document: assessment_model::report::ReportDocument = serde_json::from_value(value).unwrap();
    let scorer = assessment_model::Scorer::new(&framework).unwrap();
    let read = scorer.read_report(document).unwrap();
    assert_eq!(read.schema(), Some("urn:assessment-model:schema:report:1"));
    assert!(
        serde_json::to_string(&read)
            .unwrap()
            .starts_with(r#"{"$schema":"#)
    );
}
