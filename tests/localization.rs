//! Localizations (SPEC §3.12, §6.6, §7.6): a framework's language, the
//! checks of a localization against its framework with every problem at
//! once, its exact coverage, applying it, and the fallback order of the
//! per-text lookup a renderer calls.
//!
//! The framework and the German and Austrian German texts here were
//! written for these tests; they are not from any source and are not a
//! translation of a built-in catalogue (the catalogues' sources give none).
#![allow(clippy::unwrap_used, clippy::expect_used)]
// Test code on fixed data: an index out of range or an overflow is a failure
// of the test, not of the crate.
#![allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]

use assessment_model::localization::{Localized, Step, TextKey};
use assessment_model::model::{DerivationKind, LanguageTag};
use assessment_model::{Framework, Localization, Scorer, catalog, from_deserializer};
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

/// A framework with a text of every kind: 18 translatable texts (counted
/// in `the_coverage_of_a_partial_localization_is_exact`).
fn framework() -> Framework {
    serde_json::from_value(json!({
        "id": "l10n-test", "version": "1.2.0", "title": "Test framework",
        "description": "A framework written for the localization tests.",
        "scales": {
            "tick": { "type": "binary" },
            "grade": { "type": "ordinal", "title": "Grade", "levels": [
                { "id": "low", "value": 1, "label": "low", "description": "hardly" },
                { "id": "high", "value": 2, "label": "high" }
            ]}
        },
        "facets": { "control": { "title": "Control", "values": {
            "inside": { "title": "Inside" },
            "outside": { "title": "Outside", "description": "Beyond the project" }
        }}},
        "rules": { "bands": [
            { "id": "weak", "label": "weak", "from": 0.0 },
            { "id": "strong", "label": "strong", "from": 0.75 }
        ]},
        "criteria": [
            { "id": "area", "title": "Area", "description": "The first area",
              "tags": { "control": "inside" }, "children": [
                { "id": "a-1", "title": "First item", "scale": "tick" },
                { "id": "a-2", "title": "Second item", "scale": "grade", "description": "Graded" }
            ]},
            { "id": "b", "title": "Other item", "scale": "tick", "tags": { "control": "outside" } }
        ]
    }))
    .unwrap()
}

/// A partial German localization written for these tests: 7 of the 18
/// texts.
fn german() -> Value {
    json!({
        "id": "l10n-test-de",
        "framework": { "id": "l10n-test", "version": "^1" },
        "language": "de",
        "notes": ["Written for the crate's tests; not from any source."],
        "title": "Testrahmen",
        "scales": { "grade": { "levels": { "low": { "label": "niedrig" } } } },
        "facets": { "control": { "values": { "inside": { "title": "Innen" } } } },
        "criteria": {
            "area": { "title": "Bereich", "description": "Der erste Bereich" },
            "a-1": { "title": "Erster Punkt" }
        },
        "bands": { "strong": { "label": "stark" } }
    })
}

fn read<T: DeserializeOwned>(value: &Value) -> Result<T, Vec<(String, String)>> {
    let text = value.to_string();
    from_deserializer::<T, _>(&mut serde_json::Deserializer::from_str(&text))
        .map_err(|e| pairs(e.issues()))
}

fn localization(value: &Value) -> Localization {
    read(value).unwrap()
}

fn pairs(issues: &[assessment_model::Issue]) -> Vec<(String, String)> {
    issues
        .iter()
        .map(|i| (i.code().to_owned(), i.path.clone()))
        .collect()
}

fn expected(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(c, p)| ((*c).to_owned(), (*p).to_owned()))
        .collect()
}

fn with(mut base: Value, changes: Value) -> Value {
    for (k, v) in changes.as_object().unwrap() {
        base[k] = v.clone();
    }
    base
}

// ----- the framework's language -----

#[test]
fn a_framework_is_in_english_unless_it_says_otherwise_and_writes_en_as_before() {
    let framework = framework();
    assert_eq!(framework.language.as_str(), "en");
    let written = serde_json::to_value(&framework).unwrap();
    assert_eq!(written.get("language"), None);
    // Every built-in catalogue is in English, and its export is unchanged.
    for built_in in catalog::frameworks() {
        assert_eq!(built_in.language, LanguageTag::en(), "{}", built_in.id);
        assert!(
            serde_json::to_value(&built_in)
                .unwrap()
                .get("language")
                .is_none()
        );
    }
    // `en` written out is read, and left out again when written.
    let mut doc = serde_json::to_value(&framework).unwrap();
    doc["language"] = json!("EN");
    let english: Framework = read(&doc).unwrap();
    assert_eq!(english, framework);
    // Another language is kept, in the recommended case.
    doc["language"] = json!("de-at");
    let austrian: Framework = read(&doc).unwrap();
    assert_eq!(austrian.language.as_str(), "de-AT");
    assert_eq!(
        serde_json::to_value(&austrian).unwrap()["language"],
        json!("de-AT")
    );
}

#[test]
fn a_malformed_framework_language_is_one_issue_at_its_path() {
    let mut doc = serde_json::to_value(framework()).unwrap();
    for bad in ["de_AT", "i-foo", "e", "de-1996-1996"] {
        doc["language"] = json!(bad);
        assert_eq!(
            read::<Framework>(&doc).unwrap_err(),
            expected(&[("malformed-language-tag", "/language")]),
            "{bad}"
        );
    }
    doc["language"] = json!("de_AT");
    let text = doc.to_string();
    let err = from_deserializer::<Framework, _>(&mut serde_json::Deserializer::from_str(&text))
        .unwrap_err();
    assert_eq!(
        err.issues()[0].to_string(),
        "error [malformed-language-tag] at /language: \"de_AT\" is not a well-formed language tag: \
         character '_' at byte 2 is not allowed here (subtags of ASCII letters and digits joined by single hyphens)"
    );
}

// ----- reading a localization -----

#[test]
fn a_localization_is_read_as_an_object_only() {
    let german = german();
    let doc = localization(&german);
    assert_eq!(doc.language, "de");
    assert_eq!(serde_json::to_value(&doc).unwrap(), german);
    // Positional forms, at any depth, are refused.
    let mut positional = german.clone();
    positional["criteria"]["a-1"] = json!(["Erster Punkt"]);
    assert_eq!(
        read::<Localization>(&positional).unwrap_err(),
        expected(&[("invalid-document", "/criteria/a-1")])
    );
    let mut positional = german.clone();
    positional["framework"] = json!(["l10n-test", "^1"]);
    assert_eq!(
        read::<Localization>(&positional).unwrap_err(),
        expected(&[("invalid-document", "/framework")])
    );
    let whole = json!(["l10n-test-de", { "id": "l10n-test", "version": "^1" }, "de"]);
    assert_eq!(
        read::<Localization>(&whole).unwrap_err(),
        expected(&[("invalid-document", "")])
    );
    // Unknown fields and malformed ids are parse errors, as in every document.
    let mut typo = german.clone();
    typo["criteria"]["a-1"]["titel"] = json!("Erster Punkt");
    assert_eq!(
        read::<Localization>(&typo).unwrap_err(),
        expected(&[("unknown-field", "/criteria/a-1/titel")])
    );
    let mut bad_id = german;
    bad_id["criteria"]["A 1"] = json!({ "title": "?" });
    assert_eq!(
        read::<Localization>(&bad_id).unwrap_err(),
        expected(&[("malformed-id", "/criteria/A 1")])
    );
}

// ----- checks -----

#[test]
fn the_coverage_of_a_partial_localization_is_exact() {
    let framework = framework();
    let german = localization(&german());
    // Translatable: the framework's title and description (2); the grade
    // scale's title, its levels' two labels and one description (4); the
    // facet's title, its values' two titles and one description (4); four
    // criteria titles and two descriptions (6); two band labels (2): 18.
    // Translated: title, low's label, inside's title, area's title and
    // description, a-1's title, strong's label: 7.
    let coverage = german.validate_for(&framework).unwrap();
    assert_eq!((coverage.translated, coverage.translatable), (7, 18));
    assert_eq!(coverage.share(), 7.0 / 18.0);
    assert!(!coverage.is_complete());
    assert_eq!(german.coverage(&framework), coverage);
    // The 11 texts left out, each a warning at the nearest object the
    // document has, saying where its translation would go.
    let issues = german.issues_against(&framework);
    let untranslated: Vec<(&str, String)> = issues
        .iter()
        .map(|i| match &i.kind {
            assessment_model::IssueKind::UntranslatedText { text } => {
                (i.path.as_str(), text.clone())
            }
            other => panic!("unexpected {other:?}"),
        })
        .collect();
    let want = [
        ("", "/description"),
        ("/scales/grade", "/scales/grade/title"),
        (
            "/scales/grade/levels/low",
            "/scales/grade/levels/low/description",
        ),
        ("/scales/grade/levels", "/scales/grade/levels/high/label"),
        ("/facets/control", "/facets/control/title"),
        (
            "/facets/control/values",
            "/facets/control/values/outside/title",
        ),
        (
            "/facets/control/values",
            "/facets/control/values/outside/description",
        ),
        ("/criteria", "/criteria/a-2/title"),
        ("/criteria", "/criteria/a-2/description"),
        ("/criteria", "/criteria/b/title"),
        ("/bands", "/bands/weak/label"),
    ];
    let want: Vec<(&str, String)> = want.iter().map(|(p, t)| (*p, (*t).to_owned())).collect();
    assert_eq!(untranslated, want);
    assert!(issues.iter().all(|i| i.code() == "untranslated-text"));
}

#[test]
fn a_complete_localization_has_no_issues() {
    let framework = framework();
    let complete = with(
        german(),
        json!({
            "description": "Ein Rahmen für die Tests.",
            "scales": { "grade": { "title": "Note", "levels": {
                "low": { "label": "niedrig", "description": "kaum" },
                "high": { "label": "hoch" } } } },
            "facets": { "control": { "title": "Einfluss", "values": {
                "inside": { "title": "Innen" },
                "outside": { "title": "Außen", "description": "Außerhalb des Projekts" } } } },
            "criteria": {
                "area": { "title": "Bereich", "description": "Der erste Bereich" },
                "a-1": { "title": "Erster Punkt" },
                "a-2": { "title": "Zweiter Punkt", "description": "Benotet" },
                "b": { "title": "Anderer Punkt" }
            },
            "bands": { "weak": { "label": "schwach" }, "strong": { "label": "stark" } }
        }),
    );
    let complete = localization(&complete);
    assert_eq!(complete.issues_against(&framework), []);
    let coverage = complete.validate_for(&framework).unwrap();
    assert_eq!((coverage.translated, coverage.translatable), (18, 18));
    assert!(coverage.is_complete());
}

#[test]
fn every_problem_is_reported_at_once_with_its_path() {
    let framework = framework();
    let broken = with(
        german(),
        json!({
            "language": "de_DE",
            "scales": {
                "grade": { "levels": { "low": { "label": "niedrig" }, "medium": { "label": "mittel" } } },
                "tick": { "title": "Häkchen", "levels": { "yes": { "label": "ja" } } },
                "stars": { "title": "Sterne" }
            },
            "facets": {
                "control": { "values": { "inside": { "title": "Innen" }, "elsewhere": { "title": "Anderswo" } } },
                "theme": { "title": "Thema" }
            },
            "criteria": {
                "area": { "title": "Bereich", "description": "Der erste Bereich" },
                "a-1": { "title": "  ", "description": "Gibt es nicht" },
                "c-9": { "title": "Unbekannt" }
            },
            "bands": { "strong": { "label": "stark" }, "average": { "label": "mittel" } }
        }),
    );
    let broken = localization(&broken);
    // In document order (`json!` sorts keys: `stars` before `tick`).
    let issues = broken.issues_against(&framework);
    let errors: Vec<(String, String)> = pairs(&issues)
        .into_iter()
        .filter(|(code, _)| code != "untranslated-text")
        .collect();
    assert_eq!(
        errors,
        expected(&[
            ("malformed-language-tag", "/language"),
            ("unknown-level", "/scales/grade/levels/medium"),
            ("unknown-scale", "/scales/stars"),
            ("unknown-level", "/scales/tick/levels/yes"),
            ("unknown-facet-value", "/facets/control/values/elsewhere"),
            ("unknown-facet", "/facets/theme"),
            ("unknown-criterion", "/criteria/c-9"),
            ("unknown-band", "/bands/average"),
            ("no-source-text", "/scales/tick/title"),
            ("blank-translation", "/criteria/a-1/title"),
            ("no-source-text", "/criteria/a-1/description"),
        ])
    );
    // The untranslated texts are still listed: a-1's title counts as given
    // (it is blank, an error of its own), so 11 warnings as before.
    assert_eq!(issues.len(), errors.len() + 11);
    let err = broken.validate_for(&framework).unwrap_err();
    assert_eq!(err.issues(), issues.as_slice());
    assert_eq!(broken.apply(&framework).unwrap_err(), err);
}

#[test]
fn a_localization_of_another_framework_or_version_is_a_mismatch_only() {
    let framework = framework();
    for reference in [
        json!({ "id": "l10n-test", "version": "^2" }),
        json!({ "id": "other", "version": "^1" }),
    ] {
        let mut doc = german();
        doc["framework"] = reference;
        doc["criteria"]["c-9"] = json!({ "title": "Unbekannt" });
        let issues = localization(&doc).issues_against(&framework);
        assert_eq!(
            pairs(&issues),
            expected(&[("framework-mismatch", "/framework")])
        );
    }
    // The tag and the limits are checked all the same.
    let mut doc = german();
    doc["framework"]["version"] = json!("=1.0.0");
    doc["language"] = json!("deutsch!");
    doc["title"] = json!("x".repeat(assessment_model::model::MAX_TEXT_BYTES + 1));
    let issues = localization(&doc).issues_against(&framework);
    assert_eq!(
        pairs(&issues),
        expected(&[
            ("malformed-language-tag", "/language"),
            ("text-too-long", "/title"),
            ("framework-mismatch", "/framework"),
        ])
    );
}

// ----- applying -----

#[test]
fn applying_gives_the_framework_in_the_language_with_the_rest_kept() {
    let framework = framework();
    let mut doc = german();
    // A description the framework does not have: a warning, and not used.
    doc["criteria"]["a-1"]["description"] = json!("Gibt es nicht");
    let german = localization(&doc);
    assert!(
        german
            .issues_against(&framework)
            .iter()
            .any(|i| i.code() == "no-source-text" && i.path == "/criteria/a-1/description")
    );
    let localized = german.apply(&framework).unwrap();
    assert_eq!(localized.language.as_str(), "de");
    assert_eq!(localized.title, "Testrahmen");
    assert_eq!(localized.description, framework.description);
    let area = &localized.criteria[0];
    assert_eq!(
        (area.title.as_str(), area.description.as_deref()),
        ("Bereich", Some("Der erste Bereich"))
    );
    assert_eq!(area.children[0].title, "Erster Punkt");
    assert_eq!(area.children[0].description, None);
    assert_eq!(area.children[1].title, "Second item");
    let levels: Vec<String> = match &localized.scales["grade"] {
        assessment_model::Scale::Ordinal { levels, .. } => {
            levels.iter().map(|l| l.label.clone()).collect()
        }
        other => panic!("{other:?}"),
    };
    assert_eq!(levels, ["niedrig", "high"]);
    let control = &localized.facets["control"];
    assert_eq!(control.title, "Control");
    assert_eq!(control.values["inside"].title, "Innen");
    let bands: Vec<&str> = localized
        .rules
        .bands
        .iter()
        .map(|b| b.label.as_str())
        .collect();
    assert_eq!(bands, ["weak", "stark"]);
    let step = localized.provenance.derived_from.last().unwrap();
    assert_eq!(
        (step.kind, step.id.as_str(), step.version.as_ref()),
        (DerivationKind::Localization, "l10n-test-de", None)
    );

    // Only texts, the language and that step differ.
    let mut back = localized.clone();
    back.language = framework.language.clone();
    back.provenance.derived_from.pop();
    back.title = framework.title.clone();
    back.criteria = framework.criteria.clone();
    back.scales = framework.scales.clone();
    back.facets = framework.facets.clone();
    back.rules.bands = framework.rules.bands.clone();
    assert_eq!(back, framework);
    assert_eq!(localized.issues(), framework.issues());
    // The localized framework writes its language and the step.
    let written = serde_json::to_value(&localized).unwrap();
    assert_eq!(written["language"], json!("de"));
    assert_eq!(
        written["provenance"]["derived_from"],
        json!([{ "kind": "localization", "id": "l10n-test-de" }])
    );
}

#[test]
fn applying_changes_no_score_of_the_worked_example() {
    let framework = catalog::good_practice::criteria();
    let assessment = catalog::good_practice::worked_example();
    let mut german = Localization::new(
        "gp-de-test".parse().unwrap(),
        framework.compatible_ref(),
        "de".parse().unwrap(),
    );
    german.title = Some("Kriterien guter Praxis (für die Tests)".into());
    for c in framework.walk().map(|(_, c)| c).step_by(3) {
        german.criteria.insert(
            c.id.clone(),
            assessment_model::localization::TitledText::title(format!("[de] {}", c.title)),
        );
    }
    let localized = german.apply(&framework).unwrap();
    let before = Scorer::new(&framework).unwrap().score(&assessment).unwrap();
    let after = Scorer::new(&localized).unwrap().score(&assessment).unwrap();
    assert_eq!(before.total().score(), after.total().score());
    for (_, c) in framework.walk() {
        let id = c.id.as_str();
        assert_eq!(
            before.node(id).and_then(|n| n.score()),
            after.node(id).and_then(|n| n.score()),
            "{id}"
        );
    }
}

// ----- the fallback order -----

/// An Austrian German localization written for these tests.
/// A text of invisible characters shows nothing, like `""` or `" "`: format
/// characters (Cf: U+200B zero width space, U+202E right-to-left override,
/// U+FEFF byte order mark, U+2060 word joiner) and control characters (Cc),
/// alone or mixed with white space, are a `blank-translation`; a letter
/// among them is a translation.
#[test]
fn a_translation_of_invisible_characters_is_blank() {
    let framework = framework();
    let blank = [
        "",
        " ",
        "\u{200B}",
        "\u{202E}",
        "\u{FEFF}",
        "\u{2060}",
        " \u{200B}\t\u{202E} \u{FEFF}\u{2060}\n",
        "\u{00A0}\u{0007}\u{200D}",
    ];
    let with_description = |text: &str| {
        with(
            german(),
            json!({ "criteria": {
                "area": { "title": "Bereich", "description": text },
                "a-1": { "title": "Erster Punkt" }
            }}),
        )
    };
    for text in blank {
        let issues = localization(&with_description(text)).issues_against(&framework);
        let errors: Vec<(String, String)> = pairs(&issues)
            .into_iter()
            .filter(|(code, _)| code != "untranslated-text")
            .collect();
        assert_eq!(
            errors,
            expected(&[("blank-translation", "/criteria/area/description")]),
            "{text:?}"
        );
    }
    for text in ["\u{200B}Bereich", "Bereich\u{202E}", "\u{FEFF}x"] {
        let issues = localization(&with_description(text)).issues_against(&framework);
        assert!(
            issues.iter().all(|i| i.code() == "untranslated-text"),
            "{text:?}: {issues:?}"
        );
    }
}

/// Private use alone (`x-private`, RFC 5646 §2.2.7) and the grandfathered
/// tags (§2.2.8) are well-formed: a localization or a framework may be in
/// one, and a request of one that has no primary language subtag finds its
/// exact localization and otherwise the framework's own text.
#[test]
fn private_use_and_grandfathered_tags_are_languages() {
    let framework = framework();
    let in_language = |id: &str, language: &str, title: &str| {
        localization(&with(
            german(),
            json!({ "id": id, "language": language, "title": title }),
        ))
    };
    let klingon = in_language("l10n-test-tlh", "I-Klingon", "tlhIngan");
    let private = in_language("l10n-test-x", "x-private", "Private");
    let english_x = in_language("l10n-test-en-x", "en-x-foo", "Foo");
    let all = [&klingon, &private, &english_x];
    for l in all {
        let errors: Vec<(String, String)> = pairs(&l.issues_against(&framework))
            .into_iter()
            .filter(|(code, _)| code != "untranslated-text")
            .collect();
        assert_eq!(errors, expected(&[]), "{}", l.language);
    }
    let texts = Localized::new(&framework, &all, &tag("i-klingon")).unwrap();
    assert_eq!(
        step(&texts, TextKey::Title),
        ("tlhIngan".into(), "i-klingon".into(), Step::Exact, false)
    );
    assert_eq!(
        step(&texts, TextKey::CriterionTitle("b")),
        ("Other item".into(), "en".into(), Step::Framework, true)
    );
    let texts = Localized::new(&framework, &all, &tag("X-PRIVATE")).unwrap();
    assert_eq!(
        step(&texts, TextKey::Title),
        ("Private".into(), "x-private".into(), Step::Exact, false)
    );
    let texts = Localized::new(&framework, &all, &tag("en-x-foo")).unwrap();
    assert_eq!(
        step(&texts, TextKey::Title),
        ("Foo".into(), "en-x-foo".into(), Step::Exact, false)
    );
    // A framework in a grandfathered tag, read and written in RFC 5646's case.
    let mut doc = serde_json::to_value(framework).unwrap();
    doc["language"] = json!("SGN-be-fr");
    let sign: Framework = read(&doc).unwrap();
    assert_eq!(sign.language.as_str(), "sgn-BE-FR");
    assert_eq!(
        serde_json::to_value(&sign).unwrap()["language"],
        json!("sgn-BE-FR")
    );
}

fn austrian() -> Localization {
    localization(&json!({
        "id": "l10n-test-de-at",
        "framework": { "id": "l10n-test", "version": "^1.2" },
        "language": "de-AT",
        "notes": ["Written for the crate's tests."],
        "title": "Testrahmen (Österreich)",
        "criteria": { "b": { "title": "Anderer Punkt (AT)" } }
    }))
}

fn step(texts: &Localized<'_>, key: TextKey<'_>) -> (String, String, Step, bool) {
    let found = texts.get(key).unwrap();
    (
        found.text.to_owned(),
        found.language.to_string(),
        found.step,
        found.fallback,
    )
}

fn tag(s: &str) -> LanguageTag {
    s.parse().unwrap()
}

#[test]
fn the_fallback_order_is_exact_then_primary_language_then_the_framework() {
    let framework = framework();
    let (de, at) = (localization(&german()), austrian());
    let texts = Localized::new(&framework, &[&de, &at], &tag("de-at")).unwrap();
    assert_eq!(texts.language().as_str(), "de-AT");
    let own = |s: &str| (s.to_owned(), "en".to_owned(), Step::Framework, true);
    // 1. exact tag (de-AT has a title, and so has de: de-AT wins).
    assert_eq!(
        step(&texts, TextKey::Title),
        (
            "Testrahmen (Österreich)".into(),
            "de-AT".into(),
            Step::Exact,
            false
        )
    );
    assert_eq!(
        step(&texts, TextKey::CriterionTitle("b")),
        (
            "Anderer Punkt (AT)".into(),
            "de-AT".into(),
            Step::Exact,
            false
        )
    );
    // 2. primary language subtag, per field: de-AT has no a-1 and no area
    // description.
    assert_eq!(
        step(&texts, TextKey::CriterionTitle("a-1")),
        (
            "Erster Punkt".into(),
            "de".into(),
            Step::PrimaryLanguage,
            true
        )
    );
    assert_eq!(
        step(&texts, TextKey::CriterionDescription("area")),
        (
            "Der erste Bereich".into(),
            "de".into(),
            Step::PrimaryLanguage,
            true
        )
    );
    assert_eq!(
        step(&texts, TextKey::LevelLabel("grade", "low")),
        ("niedrig".into(), "de".into(), Step::PrimaryLanguage, true)
    );
    // 3. the framework's own, per field: a-2 is in neither.
    assert_eq!(
        step(&texts, TextKey::CriterionTitle("a-2")),
        own("Second item")
    );
    assert_eq!(
        step(&texts, TextKey::CriterionDescription("a-2")),
        own("Graded")
    );
    assert_eq!(step(&texts, TextKey::BandLabel("weak")), own("weak"));
    assert_eq!(
        step(&texts, TextKey::FacetValueTitle("control", "outside")),
        own("Outside")
    );
    // No text where the framework has none, whatever a localization says.
    assert!(texts.get(TextKey::CriterionDescription("a-1")).is_none());
    assert!(texts.criterion_title("no-such-criterion").is_none());
    assert_eq!(texts.criterion_title("a-1").unwrap().text, "Erster Punkt");
}

#[test]
fn a_request_of_a_primary_language_does_not_use_a_more_specific_localization() {
    let framework = framework();
    let (de, at) = (localization(&german()), austrian());
    let texts = Localized::new(&framework, &[&at, &de], &tag("de")).unwrap();
    assert_eq!(
        step(&texts, TextKey::Title),
        ("Testrahmen".into(), "de".into(), Step::Exact, false)
    );
    // b is translated only for de-AT: the framework's own.
    assert_eq!(
        step(&texts, TextKey::CriterionTitle("b")),
        ("Other item".into(), "en".into(), Step::Framework, true)
    );
    // Another region of German: de-AT is not used, de is.
    let swiss = Localized::new(&framework, &[&at, &de], &tag("de-CH")).unwrap();
    assert_eq!(step(&swiss, TextKey::Title).2, Step::PrimaryLanguage);
    assert_eq!(
        step(&swiss, TextKey::CriterionTitle("b")).2,
        Step::Framework
    );
}

#[test]
fn a_request_of_the_frameworks_own_language_or_of_one_without_texts() {
    let framework = framework();
    let de = localization(&german());
    let english = Localized::new(&framework, &[&de], &tag("en")).unwrap();
    assert_eq!(
        step(&english, TextKey::Title),
        ("Test framework".into(), "en".into(), Step::Framework, false)
    );
    let french = Localized::new(&framework, &[&de], &tag("fr-FR")).unwrap();
    assert_eq!(
        step(&french, TextKey::Title),
        ("Test framework".into(), "en".into(), Step::Framework, true)
    );
    let none = Localized::new(&framework, &[], &tag("de")).unwrap();
    assert_eq!(
        step(&none, TextKey::CriterionTitle("a-1")).2,
        Step::Framework
    );
}

#[test]
fn localizations_of_one_tag_are_consulted_in_the_order_given() {
    let framework = framework();
    let de = localization(&german());
    let corrections = localization(&json!({
        "id": "l10n-test-de-fixes",
        "framework": { "id": "l10n-test", "version": "^1" },
        "language": "DE",
        "notes": ["Written for the crate's tests."],
        "title": "Der Testrahmen",
        "criteria": { "b": { "title": "Weiterer Punkt" } }
    }));
    let texts = Localized::new(&framework, &[&corrections, &de], &tag("de")).unwrap();
    assert_eq!(texts.get(TextKey::Title).unwrap().text, "Der Testrahmen");
    assert_eq!(texts.criterion_title("b").unwrap().text, "Weiterer Punkt");
    assert_eq!(texts.criterion_title("a-1").unwrap().text, "Erster Punkt");
    let texts = Localized::new(&framework, &[&de, &corrections], &tag("de")).unwrap();
    assert_eq!(texts.get(TextKey::Title).unwrap().text, "Testrahmen");
}

#[test]
fn an_invalid_localization_is_refused_with_paths_under_its_index() {
    let framework = framework();
    let de = localization(&german());
    let mut doc = german();
    doc["language"] = json!("de__AT");
    doc["criteria"]["zz"] = json!({ "title": "?" });
    let broken = localization(&doc);
    let err = Localized::new(&framework, &[&de, &broken], &tag("de")).unwrap_err();
    let errors: Vec<(String, String)> = pairs(&err.errors().cloned().collect::<Vec<_>>());
    assert_eq!(
        errors,
        expected(&[
            ("malformed-language-tag", "/1/language"),
            ("unknown-criterion", "/1/criteria/zz"),
        ])
    );
}

// ----- paths, and the fuzz seeds -----

/// Every issue's path resolves in the localization as written, including
/// the nearest objects of the untranslated texts.
#[test]
fn every_issue_path_resolves_in_the_localization() {
    let framework = framework();
    let mut doc = german();
    doc["language"] = json!("de_DE");
    doc["criteria"]["c-9"] = json!({ "title": "Unbekannt" });
    doc["facets"]["control"]["values"]["elsewhere"] = json!({});
    for document in [
        doc,
        german(),
        json!({
            "id": "empty", "framework": { "id": "l10n-test", "version": "*" }, "language": "de"
        }),
    ] {
        let l = localization(&document);
        let issues = l.issues_against(&framework);
        assert!(!issues.is_empty());
        let written = serde_json::to_value(&l).unwrap();
        for issue in &issues {
            assert!(written.pointer(&issue.path).is_some(), "{issue}");
        }
    }
}

/// The seeds of the `localization_json` fuzz target reach the applying
/// and lookup paths: the German one of the IMPART core and the
/// good-practice one validate for their frameworks.
#[test]
fn the_valid_fuzz_seeds_validate_for_their_frameworks() {
    let read_seed = |name: &str| -> Localization {
        let path = format!(
            "{}/tests/seeds/localization_json/{name}",
            env!("CARGO_MANIFEST_DIR")
        );
        localization(&serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap())
    };
    let core = catalog::impart::core();
    let coverage = read_seed("impart-core-de.json")
        .validate_for(&core)
        .unwrap();
    assert_eq!((coverage.translated, coverage.translatable), (16, 46));
    let gp = catalog::good_practice::criteria();
    let coverage = read_seed("good-practice-fr.json")
        .validate_for(&gp)
        .unwrap();
    assert!(coverage.translated > 0 && !coverage.is_complete());
    assert!(
        read_seed("impart-core-broken.json")
            .validate_for(&core)
            .is_err()
    );
}
