//! Malformed documents give a typed error with a path, never a panic:
//! wrong types, unknown fields, bad ids, NaN, infinite and negative weights,
//! trees deeper than `MAX_DEPTH` (within and beyond the parser's own limit),
//! and a million siblings.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use assessment_model::model::{MAX_CRITERIA, MAX_DEPTH};
use assessment_model::{Assessment, Criterion, Framework, Id, Issue, IssueKind, from_deserializer};

/// The one issue that parsing `json` as a `T` reports.
fn json_issue<T: serde::de::DeserializeOwned + std::fmt::Debug>(json: &str) -> Issue {
    let mut de = serde_json::Deserializer::from_str(json);
    let err = from_deserializer::<T, _>(&mut de).expect_err("the document is malformed");
    assert_eq!(err.issues().len(), 1, "{err}");
    err.into_issues().remove(0)
}

/// The one issue that deserialising `text`, valid TOML, as a `T` reports.
/// (Since toml 0.9 the syntax is checked first, by
/// `toml::Deserializer::parse`; see [`toml_syntax_error`].)
fn toml_issue<T: serde::de::DeserializeOwned + std::fmt::Debug>(text: &str) -> Issue {
    let de = toml::Deserializer::parse(text).expect("the text is TOML");
    let err = from_deserializer::<T, _>(de).expect_err("the document is malformed");
    assert_eq!(err.issues().len(), 1, "{err}");
    err.into_issues().remove(0)
}

fn framework_json(criteria: &str) -> String {
    format!(
        r#"{{"id": "t", "version": "1.0.0", "title": "T",
            "scales": {{"tick": {{"type": "binary"}}}},
            "criteria": {criteria}}}"#
    )
}

const HEAD: &str =
    "id = 't'\nversion = '1.0.0'\ntitle = 'T'\nscales = { tick = { type = 'binary' } }\n";

// ----- wrong types -----

#[test]
fn a_weight_that_is_a_string() {
    let issue = json_issue::<Framework>(&framework_json(
        r#"[{"id": "a", "title": "A", "scale": "tick", "weight": "heavy"}]"#,
    ));
    assert_eq!(issue.code(), "invalid-document");
    assert_eq!(issue.path, "/criteria/0/weight");
    let IssueKind::InvalidDocument { message } = &issue.kind else {
        panic!("{issue}")
    };
    assert!(
        message.starts_with("invalid type: string \"heavy\", expected f64"),
        "{message}"
    );

    // The same in TOML: one issue, at the weight of the second child.
    let issue = toml_issue::<Framework>(&format!(
        "{HEAD}[[criteria]]\nid = 'g'\ntitle = 'G'\nchildren = [\n  \
         {{ id = 'a', title = 'A', scale = 'tick' }},\n  \
         {{ id = 'b', title = 'B', scale = 'tick', weight = 'heavy' }},\n]\n"
    ));
    assert_eq!(
        (issue.code(), issue.path.as_str()),
        ("invalid-document", "/criteria/0/children/1/weight")
    );
    let IssueKind::InvalidDocument { message } = &issue.kind else {
        panic!("{issue}")
    };
    assert!(
        message.contains("invalid type: string \"heavy\", expected f64"),
        "{message}"
    );
}

#[test]
fn criteria_that_are_not_a_list() {
    let issue = json_issue::<Framework>(&framework_json(r#"{"a": 1}"#));
    assert_eq!(
        (issue.code(), issue.path.as_str()),
        ("invalid-document", "/criteria")
    );
}

#[test]
fn a_missing_field_points_at_the_object_that_lacks_it() {
    let issue = json_issue::<Framework>(&framework_json(r#"[{"id": "a", "scale": "tick"}]"#));
    assert_eq!(
        (issue.code(), issue.path.as_str()),
        ("invalid-document", "/criteria/0")
    );
    assert!(
        issue.kind.to_string().contains("missing field `title`"),
        "{issue}"
    );
}

#[test]
fn a_bad_version_and_a_bad_requirement() {
    let issue =
        json_issue::<Framework>(r#"{"id": "t", "version": "one", "title": "T", "criteria": []}"#);
    assert_eq!(
        (issue.code(), issue.path.as_str()),
        ("invalid-document", "/version")
    );
    let issue = json_issue::<Assessment>(
        r#"{"framework": {"id": "t", "version": "about 1"}, "subject": {"name": "S"}}"#,
    );
    assert_eq!(
        (issue.code(), issue.path.as_str()),
        ("invalid-document", "/framework/version")
    );
}

#[test]
fn an_unknown_rating_and_a_level_that_is_neither_an_id_nor_an_i32() {
    let head =
        r#"{"framework": {"id": "t", "version": "^1"}, "subject": {"name": "S"}, "ratings": "#;
    let issue = json_issue::<Assessment>(&format!(r#"{head}{{"a": {{"value": "meet"}}}}}}"#));
    assert_eq!(
        (issue.code(), issue.path.as_str()),
        ("invalid-document", "/ratings/a/value")
    );
    let at_level = |level: &str| {
        let issue = json_issue::<Assessment>(&format!(
            r#"{head}{{"a": {{"value": {{"level": {level}}}}}}}}}"#
        ));
        // The parser's own position (` at line 1 column …`) is left off.
        let message = issue.kind.to_string();
        let message = message.split(" at line ").next().unwrap_or("").to_string();
        (issue.code(), issue.path, message)
    };
    // A level names its level by id or by i32 value; anything else is an
    // error where the level is.
    assert_eq!(
        at_level("2.5"),
        (
            "invalid-document",
            "/ratings/a/value/level".to_string(),
            "invalid document: invalid type: floating point `2.5`, expected a level id or an i32 level value"
                .to_string()
        )
    );
    assert_eq!(
        at_level("2147483648"),
        (
            "invalid-document",
            "/ratings/a/value/level".to_string(),
            "invalid document: invalid value: integer `2147483648`, expected a level id or an i32 level value"
                .to_string()
        )
    );
    assert_eq!(at_level("true").0, "invalid-document");
    assert_eq!(
        (at_level(r#""Partly""#).0, at_level(r#""Partly""#).1),
        ("malformed-id", "/ratings/a/value/level".to_string())
    );
    // The extremes of i32 are values.
    for level in ["-2147483648", "2147483647", r#""2""#] {
        let text = format!(r#"{head}{{"a": {{"value": {{"level": {level}}}}}}}}}"#);
        let mut de = serde_json::Deserializer::from_str(&text);
        assert!(
            from_deserializer::<Assessment, _>(&mut de).is_ok(),
            "{level}"
        );
    }
}

#[test]
fn a_numeric_bound_that_is_a_string_inside_a_scale() {
    // A scale is read as a struct of every scale's fields (not through
    // serde's buffering of a tagged enum), so the path goes down to the
    // value (issue 25, item 9).
    let issue = json_issue::<Framework>(
        r#"{"id": "t", "version": "1.0.0", "title": "T",
            "scales": {"pct": {"type": "numeric", "min": "0", "max": 100}}, "criteria": []}"#,
    );
    assert_eq!(
        (issue.code(), issue.path.as_str()),
        ("invalid-document", "/scales/pct/min")
    );
}

#[test]
fn bad_syntax() {
    let issue =
        json_issue::<Framework>(r#"{"id": "t", "version": "1.0.0", "title": "T", "criteria": [}"#);
    assert_eq!(
        (issue.code(), issue.path.as_str()),
        ("invalid-document", "/criteria/0")
    );
    let message = toml_syntax_error("id = 't\n");
    assert!(message.contains("line 1"), "{message}");
}

/// toml 1 parses the whole text before serde sees any of it, so a syntax
/// error is toml's own error (with a line and column, no path), from
/// `toml::Deserializer::parse`, and never reaches [`from_deserializer`].
fn toml_syntax_error(text: &str) -> String {
    match toml::Deserializer::parse(text) {
        Ok(_) => panic!("{text:?} parses as TOML"),
        Err(err) => err.to_string(),
    }
}

// ----- unknown fields -----

/// `issue` is `unknown-field` for `field`, its message the format's own:
/// the field and the fields expected there, with the position in the text.
fn assert_unknown_field(issue: &Issue, field: &str) {
    let IssueKind::UnknownField {
        field: got,
        message,
    } = &issue.kind
    else {
        panic!("{issue}")
    };
    assert_eq!(got, field);
    assert!(
        message.contains(&format!("unknown field `{field}`, expected")),
        "{message}"
    );
    assert!(message.contains("line"), "{message}");
    assert_eq!(issue.kind.to_string(), *message);
}

#[test]
fn an_unknown_field_points_at_itself() {
    let issue = json_issue::<Framework>(&framework_json(
        r#"[{"id": "a", "titel": "A", "scale": "tick"}]"#,
    ));
    assert_eq!(issue.path, "/criteria/0/titel");
    assert_unknown_field(&issue, "titel");

    let issue =
        json_issue::<Framework>(r#"{"id": "t", "version": "1.0.0", "title": "T", "critera": []}"#);
    assert_eq!(issue.path, "/critera");
    assert_unknown_field(&issue, "critera");

    let issue = json_issue::<Framework>(
        r#"{"id": "t", "version": "1.0.0", "title": "T", "rules": {"min_coverage": 0.5, "bands": [
            {"id": "low", "label": "low", "from": 0.0, "to": 0.5}]}, "criteria": []}"#,
    );
    assert_eq!(issue.path, "/rules/bands/0/to");
    assert_eq!(issue.code(), "unknown-field");
}

#[test]
fn an_unknown_field_inside_a_scale_gets_its_name_appended() {
    let issue = json_issue::<Framework>(
        r#"{"id": "t", "version": "1.0.0", "title": "T",
            "scales": {"tick": {"type": "binary", "titel": "Tick"}}, "criteria": []}"#,
    );
    assert_eq!(issue.path, "/scales/tick/titel");
    assert_unknown_field(&issue, "titel");
}

#[test]
fn unknown_fields_in_an_assessment_and_in_toml() {
    let issue = json_issue::<Assessment>(
        r#"{"framework": {"id": "t", "version": "^1"}, "subject": {"name": "S"},
            "ratings": {"a": {"value": "met", "notes": "x"}}}"#,
    );
    assert_eq!(issue.path, "/ratings/a/notes");
    assert_unknown_field(&issue, "notes");

    let issue = toml_issue::<Framework>(&format!(
        "{HEAD}[[criteria]]\nid = 'a'\ntitle = 'A'\nscael = 'tick'\n"
    ));
    assert_eq!(issue.path, "/criteria/0/scael");
    assert_unknown_field(&issue, "scael");
}

// ----- bad ids -----

#[test]
fn a_bad_criterion_id() {
    let issue = json_issue::<Framework>(&framework_json(
        r#"[{"id": "Needs Assessment", "title": "A"}]"#,
    ));
    assert_eq!(issue.path, "/criteria/0/id");
    assert_eq!(
        issue.kind,
        IssueKind::MalformedId {
            value: "Needs Assessment".into(),
            reason:
                "character 'N' at byte 0 is not allowed in an id (use a-z, 0-9 and single hyphens)"
                    .into()
        }
    );
}

#[test]
fn bad_ids_as_map_keys_and_values() {
    // A scale id (a key).
    let issue = json_issue::<Framework>(
        r#"{"id": "t", "version": "1.0.0", "title": "T", "scales": {"my-": {"type": "binary"}}, "criteria": []}"#,
    );
    assert_eq!(issue.path, "/scales/my-");
    assert_eq!(
        issue.kind,
        IssueKind::MalformedId {
            value: "my-".into(),
            reason:
                "hyphen at byte 2: an id may not start or end with a hyphen or have two in a row"
                    .into()
        }
    );
    // A tag value.
    let issue = json_issue::<Framework>(&framework_json(
        r#"[{"id": "a", "title": "A", "scale": "tick", "tags": {"who": ""}}]"#,
    ));
    assert_eq!(issue.path, "/criteria/0/tags/who");
    assert_eq!(
        issue.kind,
        IssueKind::MalformedId {
            value: String::new(),
            reason: "an id must not be empty".into()
        }
    );
    // A level id inside a scale: at the level's id.
    let issue = json_issue::<Framework>(
        r#"{"id": "t", "version": "1.0.0", "title": "T", "scales": {"grade": {"type": "ordinal",
            "levels": [{"id": "low", "value": 1, "label": "l"}, {"id": "HIGH", "value": 2, "label": "h"}]}},
            "criteria": []}"#,
    );
    assert_eq!(
        (issue.code(), issue.path.as_str()),
        ("malformed-id", "/scales/grade/levels/1/id")
    );
    // A rating key, in TOML.
    let issue = toml_issue::<Assessment>(
        "[framework]\nid = 't'\nversion = '^1'\n[subject]\nname = 'S'\n[ratings.q_1]\nvalue = 'met'\n",
    );
    assert_eq!(issue.path, "/ratings/q_1");
    assert_eq!(
        issue.kind,
        IssueKind::MalformedId {
            value: "q_1".into(),
            reason:
                "character '_' at byte 1 is not allowed in an id (use a-z, 0-9 and single hyphens)"
                    .into()
        }
    );
}

#[test]
fn a_bad_id_with_quotes_escapes_and_length_is_reported_verbatim() {
    let long = "x".repeat(65);
    for value in [
        "a\"b",
        "back\\slash",
        "tab\there",
        "ünï",
        "a\u{200b}b",
        long.as_str(),
    ] {
        let json = framework_json(&format!(
            r#"[{{"id": {}, "title": "A", "scale": "tick"}}]"#,
            serde_json::to_string(value).unwrap()
        ));
        let issue = json_issue::<Framework>(&json);
        assert_eq!(issue.path, "/criteria/0/id");
        let IssueKind::MalformedId { value: got, reason } = &issue.kind else {
            panic!("{issue}")
        };
        assert_eq!(got, value);
        assert!(!reason.is_empty());
    }
    let issue = json_issue::<Framework>(&framework_json(&format!(
        r#"[{{"id": "{long}", "title": "A", "scale": "tick"}}]"#
    )));
    assert_eq!(
        issue.kind,
        IssueKind::MalformedId {
            value: long.clone(),
            reason: "an id is at most 64 bytes, this one is 65".into()
        }
    );
}

#[test]
fn a_non_string_id() {
    let issue = json_issue::<Framework>(&framework_json(
        r#"[{"id": 7, "title": "A", "scale": "tick"}]"#,
    ));
    assert_eq!(
        (issue.code(), issue.path.as_str()),
        ("invalid-document", "/criteria/0/id")
    );
    assert!(
        issue.kind.to_string().contains("expected a kebab-case id"),
        "{issue}"
    );
}

// ----- NaN, infinite and negative numbers (TOML can write them) -----

#[test]
fn nan_infinite_and_negative_weights_from_toml() {
    let text = format!(
        "{HEAD}criteria = [
            {{ id = 'a', title = 'A', scale = 'tick', weight = nan }},
            {{ id = 'b', title = 'B', scale = 'tick', weight = inf }},
            {{ id = 'c', title = 'C', scale = 'tick', weight = -inf }},
            {{ id = 'd', title = 'D', scale = 'tick', weight = -0.25 }},
            {{ id = 'e', title = 'E', scale = 'tick', weight = 0.25 }},
        ]\n"
    );
    let framework: Framework =
        from_deserializer(toml::Deserializer::parse(&text).unwrap()).unwrap();
    let err = framework.validate().unwrap_err();
    let got: Vec<(&str, &str)> = err
        .issues()
        .iter()
        .map(|i| (i.code(), i.path.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("invalid-weight", "/criteria/0/weight"),
            ("invalid-weight", "/criteria/1/weight"),
            ("invalid-weight", "/criteria/2/weight"),
            ("invalid-weight", "/criteria/3/weight"),
        ]
    );
    let weights: Vec<String> = err
        .issues()
        .iter()
        .filter_map(|i| match &i.kind {
            IssueKind::InvalidWeight { weight } => Some(weight.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(weights, ["NaN", "inf", "-inf", "-0.25"]);
}

#[test]
fn nan_thresholds_and_ranges_from_toml() {
    let text = "id = 't'\nversion = '1.0.0'\ntitle = 'T'\n\
        criteria = [{ id = 'a', title = 'A', scale = 'pct' }]\n\
        [scales.pct]\ntype = 'numeric'\nmin = 0.0\nmax = nan\n\
        [rules]\nmin_coverage = -inf\nrisk_below = nan\n\
        [[rules.bands]]\nid = 'low'\nlabel = 'low'\nfrom = nan\n";
    let framework: Framework = from_deserializer(toml::Deserializer::parse(text).unwrap()).unwrap();
    let got: Vec<(&str, String)> = framework
        .issues()
        .into_iter()
        .map(|i| (i.code(), i.path))
        .collect();
    assert_eq!(
        got,
        [
            ("invalid-range", "/scales/pct/max".to_string()),
            ("threshold-out-of-range", "/rules/min_coverage".to_string()),
            ("threshold-out-of-range", "/rules/bands/0/from".to_string()),
            ("threshold-out-of-range", "/rules/risk_below".to_string()),
        ]
    );
}

#[test]
fn a_negative_weight_in_json() {
    let json = framework_json(r#"[{"id": "a", "title": "A", "scale": "tick", "weight": -1e300}]"#);
    let framework: Framework = serde_json::from_str(&json).unwrap();
    let issues = framework.issues();
    assert_eq!(issues.len(), 1);
    assert_eq!(issues[0].path, "/criteria/0/weight");
    assert_eq!(
        issues[0].kind,
        IssueKind::InvalidWeight {
            weight: (-1e300_f64).to_string()
        }
    );
}

// ----- deep trees -----

/// JSON for a chain of `depth` criteria ending in a leaf.
fn deep_json(depth: usize) -> String {
    let mut criteria = String::new();
    for i in 1..depth {
        criteria.push_str(&format!(r#"[{{"id": "n{i}", "title": "g", "children": "#));
    }
    criteria.push_str(r#"[{"id": "leaf", "title": "l", "scale": "tick"}]"#);
    for _ in 1..depth {
        criteria.push_str("}]");
    }
    framework_json(&criteria)
}

#[test]
fn deeper_than_max_depth_within_the_parsers_limit_is_a_validation_issue() {
    // serde_json nests at most 127 arrays and objects; a criterion at depth
    // d sits at nesting 2d + 1, so 62 levels still parse.
    for depth in [MAX_DEPTH + 1, 62] {
        let json = deep_json(depth);
        let mut de = serde_json::Deserializer::from_str(&json);
        let framework: Framework = from_deserializer(&mut de).unwrap();
        let err = framework.validate().unwrap_err();
        assert_eq!(err.issues().len(), 1);
        let issue = &err.issues()[0];
        assert_eq!(
            issue.kind,
            IssueKind::TooDeep {
                depth,
                max: MAX_DEPTH
            }
        );
        assert_eq!(
            issue.path,
            format!("/criteria/0{}", "/children/0".repeat(MAX_DEPTH))
        );
    }
    let framework: Framework = serde_json::from_str(&deep_json(MAX_DEPTH)).unwrap();
    assert_eq!(framework.issues(), []);
}

#[test]
fn deeper_than_the_parsers_limit_is_a_parse_error() {
    for depth in [64, 100_000] {
        let issue = json_issue::<Framework>(&deep_json(depth));
        assert_eq!(issue.code(), "invalid-document");
        assert!(
            issue.kind.to_string().contains("recursion limit exceeded"),
            "{issue}"
        );
        assert!(
            issue.path.starts_with("/criteria/0/children/0/children/0"),
            "{}",
            issue.path
        );
    }
}

#[test]
fn deep_toml_is_a_parse_error_or_a_validation_issue() {
    let tree = |depth: usize| {
        let mut text = HEAD.to_string();
        let mut key = String::from("criteria");
        for i in 1..depth {
            text.push_str(&format!("[[{key}]]\nid = 'n{i}'\ntitle = 'g'\n"));
            key.push_str(".children");
        }
        text.push_str(&format!(
            "[[{key}]]\nid = 'leaf'\ntitle = 'l'\nscale = 'tick'\n"
        ));
        text
    };
    let framework: Framework =
        from_deserializer(toml::Deserializer::parse(&tree(MAX_DEPTH + 5)).unwrap()).unwrap();
    let codes: Vec<&str> = framework.issues().iter().map(Issue::code).collect();
    assert_eq!(codes, ["too-deep"]);
    // toml's parser stops at a key 80 tables deep, before serde sees it.
    let message = toml_syntax_error(&tree(100));
    assert!(message.contains("recursion limit"), "{message}");
}

/// A chain of `depth` criteria built in code, deeper than any parser
/// allows.
fn chain(depth: usize) -> Criterion {
    let tick = Id::new("tick").unwrap();
    let mut node = Criterion::leaf(Id::new("leaf").unwrap(), "leaf", tick);
    for level in (1..depth).rev() {
        node = Criterion::group(Id::new(format!("n{level}")).unwrap(), "group", vec![node]);
    }
    node
}

/// Takes a deep chain apart one level at a time, so that dropping it does
/// not recurse (the derived `Drop` would).
fn dismantle(mut criteria: Vec<Criterion>) {
    while let Some(mut c) = criteria.pop() {
        criteria.append(&mut c.children);
    }
}

#[test]
fn a_tree_built_in_code_a_hundred_thousand_deep() {
    let depth = 100_000;
    let mut framework: Framework = serde_json::from_str(&framework_json("[]")).unwrap();
    framework.criteria.push(chain(depth));
    let issues = framework.issues();
    assert_eq!(issues.len(), 1);
    assert_eq!(
        issues[0].kind,
        IssueKind::TooDeep {
            depth,
            max: MAX_DEPTH
        }
    );
    assert_eq!(
        issues[0].path,
        format!("/criteria/0{}", "/children/0".repeat(MAX_DEPTH))
    );
    assert_eq!(framework.walk().count(), depth);
    dismantle(std::mem::take(&mut framework.criteria));
}

// ----- a million siblings -----

#[test]
fn a_million_siblings_parse_and_validate() {
    let n = 1_000_000;
    let mut json = String::with_capacity(n * 48);
    json.push('[');
    for i in 0..n {
        if i > 0 {
            json.push(',');
        }
        json.push_str(&format!(r#"{{"id":"c{i}","title":"t","scale":"tick"}}"#));
    }
    json.push(']');
    let text = framework_json(&json);

    let mut de = serde_json::Deserializer::from_str(&text);
    let mut framework: Framework = from_deserializer(&mut de).unwrap();
    assert_eq!(framework.criteria.len(), n);
    // Over the limit of criteria (reported once), and nothing else.
    let too_many = Issue::new(
        "/criteria",
        IssueKind::TooManyCriteria {
            count: n,
            max: MAX_CRITERIA,
        },
    );
    assert_eq!(framework.issues(), [too_many]);

    // One bad weight and one duplicate id at the very end.
    framework.criteria[n - 1].weight = -1.0;
    framework.criteria[n - 2].id = Id::new("c0").unwrap();
    let got: Vec<(&str, String)> = framework
        .issues()
        .into_iter()
        .map(|i| (i.code(), i.path))
        .collect();
    assert_eq!(
        got,
        [
            ("too-many-criteria", "/criteria".to_string()),
            ("duplicate-id", "/criteria/999998/id".to_string()),
            ("invalid-weight", "/criteria/999999/weight".to_string()),
        ]
    );

    // A bad id in the last sibling stops the parse with its path.
    let bad = text.replacen(r#""id":"c999999""#, r#""id":"C999999""#, 1);
    let issue = json_issue::<Framework>(&bad);
    assert_eq!(
        (issue.code(), issue.path.as_str()),
        ("malformed-id", "/criteria/999999/id")
    );
}

#[test]
fn a_million_siblings_with_the_same_id() {
    let mut framework: Framework = serde_json::from_str(&framework_json("[]")).unwrap();
    let tick = Id::new("tick").unwrap();
    let same = Id::new("same").unwrap();
    framework.criteria = (0..1_000_000)
        .map(|_| Criterion::leaf(same.clone(), "t", tick.clone()))
        .collect();
    let mut issues = framework.issues();
    assert_eq!(issues.len(), 1_000_000);
    assert_eq!(issues.remove(0).code(), "too-many-criteria");
    assert_eq!(issues[0].path, "/criteria/1/id");
    assert_eq!(issues[999_998].path, "/criteria/999999/id");
    assert!(issues.iter().all(|i| i.kind
        == IssueKind::DuplicateId {
            id: "same".into(),
            first: "/criteria/0/id".into()
        }));
}

// ----- a key given twice -----

#[test]
fn a_rating_given_twice_is_not_silently_dropped() {
    let issue = json_issue::<Assessment>(
        r#"{"framework": {"id": "t", "version": "^1"}, "subject": {"name": "S"},
            "ratings": {"a": {"value": "met"}, "b": {"value": "met"}, "a": {"value": "not_met"}}}"#,
    );
    assert_eq!(issue.path, "/ratings/a");
    assert_eq!(
        issue.kind,
        IssueKind::DuplicateId {
            id: "a".into(),
            first: "/ratings/a".into()
        }
    );
    // serde_json alone keeps the last value; the crate's maps refuse.
    let plain: Result<Assessment, _> = serde_json::from_str(
        r#"{"framework": {"id": "t", "version": "^1"}, "subject": {"name": "S"},
            "ratings": {"a": {"value": "met"}, "a": {"value": "not_met"}}}"#,
    );
    assert!(
        plain
            .unwrap_err()
            .to_string()
            .starts_with("duplicate key \"a\"")
    );
}

#[test]
fn a_scale_facet_value_tag_or_attribute_given_twice() {
    let cases = [
        (
            r#"{"id": "t", "version": "1.0.0", "title": "T", "criteria": [],
                "scales": {"tick": {"type": "binary"}, "tick": {"type": "binary"}}}"#,
            "/scales/tick",
        ),
        (
            r#"{"id": "t", "version": "1.0.0", "title": "T", "criteria": [],
                "facets": {"who": {"title": "W", "values": {"x": {"title": "X"}, "x": {"title": "Y"}}}}}"#,
            "/facets/who/values/x",
        ),
        (
            r#"{"id": "t", "version": "1.0.0", "title": "T",
                "criteria": [{"id": "a", "title": "A", "tags": {"who": "x", "who": "y"}}]}"#,
            "/criteria/0/tags/who",
        ),
    ];
    for (json, path) in cases {
        let issue = json_issue::<Framework>(json);
        assert_eq!((issue.code(), issue.path.as_str()), ("duplicate-id", path));
    }
    let issue = json_issue::<Assessment>(
        r#"{"framework": {"id": "t", "version": "^1"},
            "subject": {"name": "S", "attributes": {"a/b": "1", "a/b": "2"}}}"#,
    );
    assert_eq!(
        (issue.code(), issue.path.as_str()),
        ("duplicate-id", "/subject/attributes/a~1b")
    );
}

#[test]
fn a_peer_or_an_override_given_twice() {
    let issue = json_issue::<assessment_model::PeerReview>(
        r#"{"framework": {"id": "t", "version": "^1"}, "subject": {"name": "S"},
            "peers": {"ann": {"name": "Ann"}, "ann": {"name": "Another Ann"}}}"#,
    );
    assert_eq!(
        (issue.code(), issue.path.as_str()),
        ("duplicate-id", "/peers/ann")
    );
    let issue = json_issue::<assessment_model::Profile>(
        r#"{"id": "p", "title": "P", "framework": {"id": "t", "version": "^1"},
            "weights": {"a": 1.0, "a": 2.0}}"#,
    );
    assert_eq!(
        (issue.code(), issue.path.as_str()),
        ("duplicate-id", "/weights/a")
    );
}

#[test]
fn a_bad_id_that_quotes_the_marker_in_toml() {
    // TOML quotes the offending line before the message; the line itself
    // contains the text the classification looks for.
    let text =
        format!("{HEAD}[[criteria]]\nid = 'malformed id \"b\"'\ntitle = 'A'\nscale = 'tick'\n");
    let issue = toml_issue::<Framework>(&text);
    assert_eq!(issue.path, "/criteria/0/id");
    assert_eq!(
        issue.kind,
        IssueKind::MalformedId {
            value: "malformed id \"b\"".into(),
            reason:
                "character ' ' at byte 9 is not allowed in an id (use a-z, 0-9 and single hyphens)"
                    .into()
        }
    );
}
