//! Issue 25's parse items: every problem of a document in one error, paths
//! that resolve at every depth (scales' levels, report nodes and totals),
//! the format's message kept, a repeated key refused in every map, the
//! messages of the two commonest rating mistakes, and the one-call
//! loaders.
#![cfg(all(feature = "json", feature = "toml"))]
#![allow(clippy::unwrap_used, clippy::expect_used)]
#![allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]

use assessment_model::report::ReportDocument;
use assessment_model::{
    Assessment, Framework, IssueKind, Scorer, UncertaintySpec, ValidationError, from_deserializer,
    from_json_str, from_toml_str, parse_every_problem,
};
use serde_json::{Value, json};

/// `(code, path)` of every issue, in order.
fn found(err: &ValidationError) -> Vec<(&str, &str)> {
    err.issues()
        .iter()
        .map(|i| (i.code(), i.path.as_str()))
        .collect()
}

/// The one issue `from_deserializer` gives for `text`.
fn single<T: serde::de::DeserializeOwned>(text: &str) -> (String, String) {
    let mut de = serde_json::Deserializer::from_str(text);
    let err = from_deserializer::<T, _>(&mut de).err().expect("fails");
    assert_eq!(err.issues().len(), 1, "{err}");
    let issue = &err.issues()[0];
    (issue.code().to_owned(), issue.path.clone())
}

const GRADE: &str = r#""quality": {"type": "ordinal", "levels": [
    {"id": "poor", "value": 0, "label": "poor"},
    {"id": "fair", "value": 1, "label": "fair"},
    {"id": "good", "value": 2, "label": "good"}]}"#;

fn framework() -> Framework {
    from_json_str(&format!(
        r#"{{"id": "fw", "version": "1.0.0", "title": "F",
            "scales": {{"tick": {{"type": "binary"}}, {GRADE}}},
            "criteria": [
              {{"id": "a", "title": "A", "scale": "tick"}},
              {{"id": "b", "title": "B", "scale": "quality"}}]}}"#
    ))
    .unwrap()
}

// ----- item 3: a repeated key in an uncertainty specification -----

#[test]
fn a_repeated_key_in_an_uncertainty_spec_is_refused_in_either_order() {
    for text in [
        r#"{"levels": {"1": 2.0, "1": 0.5}}"#,
        r#"{"levels": {"1": 0.5, "1": 2.0}}"#,
    ] {
        assert_eq!(
            single::<UncertaintySpec>(text),
            ("duplicate-id".into(), "/levels/1".into()),
            "{text}"
        );
    }
    assert_eq!(
        single::<UncertaintySpec>(r#"{"criteria": {"a": 0.5, "a": 0.1}}"#),
        ("duplicate-id".into(), "/criteria/a".into())
    );
}

// ----- item 5: a report read back -----

/// A report of [`framework`] as JSON, and its scorer.
fn report_json() -> (Scorer, Value) {
    let scorer = Scorer::new(&framework()).unwrap();
    let assessment: Assessment = from_json_str(
        r#"{"framework": {"id": "fw", "version": "^1"}, "subject": {"name": "S"},
            "ratings": {"a": {"value": "met"}, "b": {"value": {"level": "fair"}}}}"#,
    )
    .unwrap();
    let report = scorer.score(&assessment).unwrap();
    (scorer, serde_json::to_value(&report).unwrap())
}

/// The issues of reading `doc` back as a report of `scorer`'s framework.
fn read_back(scorer: &Scorer, doc: &Value) -> Result<(), ValidationError> {
    let document: ReportDocument = from_json_str(&doc.to_string())?;
    scorer.read_report(document).map(drop)
}

#[test]
fn a_report_refuses_unknown_fields_inside_its_nodes_and_total() {
    let (scorer, doc) = report_json();
    let mut node = doc.clone();
    node["nodes"][1]["extra"] = json!(1);
    let err = read_back(&scorer, &node).unwrap_err();
    assert_eq!(found(&err), [("unknown-field", "/nodes/1/extra")]);

    let mut total = doc.clone();
    let score = total["total"]["score"].take();
    total["total"].as_object_mut().unwrap().remove("score");
    total["total"]["scor"] = score;
    let err = read_back(&scorer, &total).unwrap_err();
    assert_eq!(found(&err), [("unknown-field", "/total/scor")]);

    let mut counts = doc;
    counts["nodes"][0]["counts"]["extra"] = json!(0);
    let err = read_back(&scorer, &counts).unwrap_err();
    assert_eq!(found(&err), [("unknown-field", "/nodes/0/counts/extra")]);
}

/// Every pointer to a value inside `value`.
fn pointers(value: &Value, at: String, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                pointers(
                    v,
                    format!("{at}/{}", k.replace('~', "~0").replace('/', "~1")),
                    out,
                );
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                pointers(v, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
    out.push(at);
}

/// Ways to change one value: another of the same type, and one of another.
fn changes(value: &Value) -> Vec<Value> {
    let mut out = vec![json!(null)];
    match value {
        Value::Bool(b) => out.push(json!(!b)),
        Value::Number(n) => {
            let x = n.as_f64().unwrap();
            out.extend([json!(x + 0.125), json!(x + 1.0), json!(-1)]);
        }
        Value::String(_) => out.extend([json!("zz"), json!("Zz")]),
        Value::Object(map) => {
            let mut more = map.clone();
            more.insert("zz".into(), json!(1));
            out.push(Value::Object(more));
        }
        Value::Array(_) => out.push(json!([])),
        Value::Null => {}
    }
    out
}

#[test]
fn every_change_to_a_report_is_refused_at_a_path_that_resolves() {
    let (scorer, doc) = report_json();
    let mut at = Vec::new();
    pointers(&doc, String::new(), &mut at);
    let mut refused = 0;
    for pointer in at.iter().filter(|p| !p.is_empty()) {
        let original = doc.pointer(pointer).unwrap().clone();
        let (parent, key) = pointer.rsplit_once('/').unwrap();
        let mut variants: Vec<Value> = changes(&original)
            .into_iter()
            .map(|change| {
                let mut changed = doc.clone();
                *changed.pointer_mut(pointer).unwrap() = change;
                changed
            })
            .collect();
        // The field left out.
        if let Some(Value::Object(_)) = doc.pointer(parent) {
            let mut changed = doc.clone();
            changed
                .pointer_mut(parent)
                .unwrap()
                .as_object_mut()
                .unwrap()
                .remove(key);
            variants.push(changed);
        }
        for changed in variants {
            let Err(err) = read_back(&scorer, &changed) else {
                continue;
            };
            for issue in err.issues() {
                assert!(
                    changed.pointer(&issue.path).is_some(),
                    "{pointer} changed: {issue} is at a path not in the document"
                );
            }
            refused += 1;
        }
    }
    assert!(refused > 100, "{refused} changes refused");
}

// ----- item 8: every problem at once -----

#[test]
fn every_problem_of_a_framework_in_one_error() {
    let text = r#"{"id": "fw", "version": "1.0.0", "title": "F",
        "scales": {"tick": {"type": "binary", "titel": "Tick"}},
        "criteria": [
          {"id": "a", "title": "A", "scale": "tick", "weight": "heavy"},
          {"id": "B", "title": "B", "scale": "tick"},
          {"id": "c", "title": "C", "scale": "tick", "critical": "yes"}]}"#;
    let err = from_json_str::<Framework>(text).unwrap_err();
    assert_eq!(
        found(&err),
        [
            ("unknown-field", "/scales/tick/titel"),
            ("invalid-document", "/criteria/0/weight"),
            ("malformed-id", "/criteria/1/id"),
            ("invalid-document", "/criteria/2/critical"),
        ]
    );
    // The first is the one `from_deserializer` gives, message and all
    // (serde_json's, with its line and column).
    let mut de = serde_json::Deserializer::from_str(text);
    let single = from_deserializer::<Framework, _>(&mut de).unwrap_err();
    assert_eq!(err.issues()[0], single.issues()[0]);
    assert!(err.issues()[0].kind.to_string().contains("line 2"));
}

#[test]
fn a_required_field_of_the_wrong_type_is_one_problem_not_two() {
    // `title` is required: reading on without it would say it is missing.
    let text = r#"{"id": "fw", "version": "1.0.0", "title": "F",
        "criteria": [{"id": "a", "title": 7}, {"id": "b", "titel": "B"}]}"#;
    let err = from_json_str::<Framework>(text).unwrap_err();
    assert_eq!(
        found(&err),
        [
            ("invalid-document", "/criteria/0/title"),
            ("unknown-field", "/criteria/1/titel"),
        ]
    );
    // A missing field that no mistake explains is reported.
    let text = r#"{"id": "fw", "version": "1.0.0", "title": "F",
        "criteria": [{"id": "a", "extra": 1}]}"#;
    let err = from_json_str::<Framework>(text).unwrap_err();
    assert_eq!(
        found(&err),
        [
            ("unknown-field", "/criteria/0/extra"),
            ("invalid-document", "/criteria/0"),
        ]
    );
}

#[test]
fn a_typo_does_not_hide_the_checks_of_the_rest() {
    // The Python example of the issue: a key typo, an unknown criterion
    // and a level off the scale.
    let framework = framework();
    let scorer = Scorer::new(&framework).unwrap();
    let document = json!({
        "framework": {"id": "fw", "version": "^1"},
        "subject": {"name": "S"},
        "ratings": {
            "a": {"value": "met", "notse": "x"},
            "zz": {"value": "met"},
            "b": {"value": {"level": 7}}
        }
    });
    let parsed = parse_every_problem::<Assessment, _, _, _>(|| Ok::<_, String>(&document));
    let checks = parsed
        .value()
        .map(|a| scorer.validate(a).err().map(ValidationError::into_issues))
        .unwrap()
        .unwrap();
    let err = parsed.with_checks(checks);
    assert_eq!(
        found(&err),
        [
            ("unknown-field", "/ratings/a/notse"),
            // `json!` sorts the keys: `b` comes before `zz`.
            ("rating-off-scale", "/ratings/b/value"),
            ("unknown-criterion", "/ratings/zz"),
        ]
    );
}

#[test]
fn a_check_where_a_value_was_left_out_is_not_reported() {
    // The scale reference is malformed: the leaf reads without it, and the
    // check's `empty-group` at the leaf would be the same mistake again.
    let text = r#"{"id": "fw", "version": "1.0.0", "title": "F",
        "scales": {"tick": {"type": "binary"}},
        "criteria": [{"id": "a", "title": "A", "scale": "Tick"},
                     {"id": "b", "title": "B", "scale": "tick", "weight": -1}]}"#;
    let document: Value = serde_json::from_str(text).unwrap();
    let parsed = parse_every_problem::<Framework, _, _, _>(|| Ok::<_, String>(&document));
    let checks = parsed.value().unwrap().issues();
    let err = parsed.with_checks(checks);
    assert_eq!(
        found(&err),
        [
            ("malformed-id", "/criteria/0/scale"),
            ("invalid-weight", "/criteria/1/weight"),
        ]
    );
}

#[test]
fn a_list_that_lost_an_element_is_not_checked() {
    let document = json!({"id": "fw", "version": "1.0.0", "title": "F",
        "criteria": [{"id": "a", "title": 7}, {"id": "b", "title": "B"}]});
    let parsed = parse_every_problem::<Framework, _, _, _>(|| Ok::<_, String>(&document));
    assert!(parsed.value().is_none());
    assert_eq!(parsed.issues().len(), 1);
}

#[test]
fn a_document_that_reads_reads_once() {
    let calls = std::cell::Cell::new(0);
    let document = json!({"id": "fw", "version": "1.0.0", "title": "F", "criteria": []});
    let parsed = parse_every_problem::<Framework, _, _, _>(|| {
        calls.set(calls.get() + 1);
        Ok::<_, String>(&document)
    });
    assert!(parsed.into_result().is_ok());
    assert_eq!(calls.get(), 1);
}

#[test]
fn problems_beyond_the_limit_are_not_looked_for() {
    let criteria: Vec<Value> = (0..200)
        .map(|i| json!({"id": format!("c{i}"), "title": "T", "zz": 1}))
        .collect();
    let document = json!({"id": "fw", "version": "1.0.0", "title": "F", "criteria": criteria});
    let err = from_json_str::<Framework>(&document.to_string()).unwrap_err();
    assert_eq!(err.issues().len(), 64);
    assert_eq!(err.issues()[63].path, "/criteria/63/zz");
}

// ----- item 9: paths inside a scale; the format's message -----

#[test]
fn a_misspelt_key_and_a_bad_id_inside_a_level_are_at_the_level() {
    let text = r#"{"id": "fw", "version": "1.0.0", "title": "F",
        "scales": {"quality": {"type": "ordinal", "levels": [
            {"id": "poor", "value": 0, "label": "poor"},
            {"id": "fair", "valu": 1, "label": "fair"}]}},
        "criteria": []}"#;
    assert_eq!(
        single::<Framework>(text),
        (
            "unknown-field".into(),
            "/scales/quality/levels/1/valu".into()
        )
    );
    let text = text.replace(r#""id": "fair", "valu""#, r#""id": "Fair", "value""#);
    assert_eq!(
        single::<Framework>(&text),
        ("malformed-id".into(), "/scales/quality/levels/1/id".into())
    );
    // A field of another type of scale, at the field.
    let text = r#"{"id": "fw", "version": "1.0.0", "title": "F",
        "scales": {"tick": {"type": "binary", "min": 0}}, "criteria": []}"#;
    assert_eq!(
        single::<Framework>(text),
        ("unknown-field".into(), "/scales/tick/min".into())
    );
}

#[test]
fn toml_keeps_its_line_column_and_expected_fields() {
    let text = "id = 'fw'\nversion = '1.0.0'\ntitle = 'F'\n\n[[criteria]]\nid = 'a'\ntitel = 'A'\n";
    let err = from_toml_str::<Framework>(text).unwrap_err();
    let IssueKind::UnknownField { field, message } = &err.issues()[0].kind else {
        panic!("{err}")
    };
    assert_eq!(field, "titel");
    assert!(message.contains("line 7, column 1"), "{message}");
    assert!(
        message.contains("unknown field `titel`, expected one of `id`, `title`"),
        "{message}"
    );
    assert_eq!(err.issues()[0].kind.to_string(), *message);
}

// ----- item 10: the two commonest rating mistakes -----

#[test]
fn a_level_given_as_a_string_of_digits_is_taken_as_an_id() {
    let scorer = Scorer::new(&framework()).unwrap();
    let assessment: Assessment = from_json_str(
        r#"{"framework": {"id": "fw", "version": "^1"}, "subject": {"name": "S"},
            "ratings": {"b": {"value": {"level": "2"}}}}"#,
    )
    .unwrap();
    let err = scorer.validate(&assessment).unwrap_err();
    assert_eq!(found(&err), [("rating-off-scale", "/ratings/b/value")]);
    assert_eq!(
        err.issues()[0].kind.to_string(),
        "rating level \"2\" (a string, so a level id, not a value) of `b` is not on scale \
         `quality` (its level ids are poor, fair, good and their values 0, 1, 2; the value 2 \
         is written as a number: {\"level\": 2})"
    );
}

#[test]
fn a_value_of_the_wrong_type_names_the_ratings() {
    let text = r#"{"framework": {"id": "fw", "version": "^1"}, "subject": {"name": "S"},
        "ratings": {"a": {"value": true}}}"#;
    let err = from_json_str::<Assessment>(text).unwrap_err();
    assert_eq!(found(&err), [("invalid-document", "/ratings/a/value")]);
    let message = err.issues()[0].kind.to_string();
    assert!(
        message.contains(
            "invalid type: boolean `true`, expected a rating: \"met\", \"not_met\", \
             \"not_applicable\", {\"level\": …} or {\"number\": …}"
        ),
        "{message}"
    );
    assert!(message.contains("line 2"), "{message}");
}

// ----- item 14: the one-call loaders -----

#[test]
fn the_loaders_refuse_trailing_input_and_read_toml() {
    let text = r#"{"id": "fw", "version": "1.0.0", "title": "F", "criteria": []}"#;
    assert!(from_json_str::<Framework>(text).is_ok());
    let err = from_json_str::<Framework>(&format!("{text} {{}}")).unwrap_err();
    assert_eq!(found(&err), [("invalid-document", "")]);
    assert!(
        err.issues()[0]
            .kind
            .to_string()
            .contains("trailing characters")
    );

    let err = from_toml_str::<Framework>("id = 'fw\n").unwrap_err();
    assert_eq!(found(&err), [("invalid-document", "")]);
    let framework: Framework =
        from_toml_str("id = 'fw'\nversion = '1.0.0'\ntitle = 'F'\ncriteria = []\n").unwrap();
    assert_eq!(framework.id.as_str(), "fw");
}

// ----- every map of the crate refuses a key given twice -----

/// `text` with the JSON object at `pointer` written with its first key twice.
fn first_key_twice(value: &Value, pointer: &str) -> String {
    let object = value.pointer(pointer).unwrap().as_object().unwrap();
    let (key, first) = object.iter().next().unwrap();
    let twice = format!("{{{k}: {first}, {k}: {first}}}", k = json!(key));
    let mut changed = value.clone();
    *changed.pointer_mut(pointer).unwrap() = json!("PLACEHOLDER");
    changed.to_string().replace("\"PLACEHOLDER\"", &twice)
}

#[test]
fn the_maps_of_a_cohorts_outputs_refuse_a_key_given_twice() {
    use assessment_model::Cohort;
    use assessment_model::cohort::{CohortState, CohortStats};

    let scorer = Scorer::new(&framework()).unwrap();
    let mut cohort = Cohort::new(&scorer).with_grouping("city");
    let assessment: Assessment = from_json_str(
        r#"{"framework": {"id": "fw", "version": "^1"},
            "subject": {"name": "S", "attributes": {"city": "Graz"}},
            "ratings": {"a": {"value": "met"}}}"#,
    )
    .unwrap();
    cohort.push_assessment(&assessment).unwrap();

    let stats = serde_json::to_value(cohort.stats()).unwrap();
    let text = first_key_twice(&stats, "/nodes");
    assert_eq!(
        single::<CohortStats>(&text),
        ("duplicate-id".into(), "/nodes/a".into())
    );
    let state = serde_json::to_value(cohort.state()).unwrap();
    assert_eq!(
        single::<CohortState>(&first_key_twice(&state, "/groups")),
        ("duplicate-id".into(), "/groups/city".into())
    );
    assert_eq!(
        single::<CohortState>(&first_key_twice(&state, "/groups/city")),
        ("duplicate-id".into(), "/groups/city/Graz".into())
    );
}

#[test]
fn a_toml_date_is_the_same_problem_in_both_readings() {
    use assessment_model::ActionPlan;

    // A bare TOML date is not the string a date is written as: the typed
    // reading refuses it, and so does the reading for every problem, at
    // the same path, beside a typo elsewhere.
    let text = "[subject]\nname = 'Afpa'\n[framework]\nid = 'good-practice'\nversion = '^1'\n\
                [[actions]]\nid = 'follow-up'\ntitl = 'Follow up'\ncriteria = ['q9-3']\n\
                owner = { organisation = 'Afpa' }\ndue = 2027-06-30\nstatus = 'planned'\n";
    let err = from_toml_str::<ActionPlan>(text).unwrap_err();
    assert_eq!(
        found(&err),
        [
            ("unknown-field", "/actions/0/titl"),
            ("invalid-document", "/actions/0/due"),
        ]
    );
    let quoted = text
        .replace("titl =", "title =")
        .replace("2027-06-30", "'2027-06-30'");
    assert!(from_toml_str::<ActionPlan>(&quoted).is_ok());
}
