//! Charts as SVG text (SPEC.md §9): every chart parses as XML, has a
//! title and a description, one mark per area, node or member, the same
//! bytes on a second call, and the bytes of its golden file under
//! `tests/golden/` (re-bless with `BLESS_CHARTS=1 cargo test --test
//! charts`, then look at the charts before committing them).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::float_cmp)]
// Test code on fixed data: an index out of range or an overflow is a failure
// of the test, not of the crate.
#![allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]

use std::path::PathBuf;

use assessment_model::analysis::ProgressStatus;
use assessment_model::chart::{self, ChartOptions, ChartWords};
use assessment_model::localization::{BandText, Localized, TitledText};
use assessment_model::model::LanguageTag;
use assessment_model::{
    Assessment, Framework, Id, LevelRef, Localization, Progress, RatingValue, Report, Scorer,
    Subject, Uncertainty, UncertaintySpec,
};

use RatingValue::{Level, Met, NotMet};

/// Five areas (a radar): a2, a1 critical with a long title full of
/// markup characters, a3 critical, a4 a single leaf, a5 whose leaves the
/// tests leave unrated; bands weak, moderate from 0.5, strong from 0.75;
/// risks below 0.5.
fn framework() -> Framework {
    serde_json::from_str(
        r#"{
        "id": "chart-test", "version": "1.0.0", "title": "Chart test framework",
        "scales": {
            "tick": { "type": "binary" },
            "grade": { "type": "ordinal", "levels": [
                { "id": "no", "value": 0, "label": "no" },
                { "id": "partly", "value": 1, "label": "partly" },
                { "id": "yes", "value": 2, "label": "yes" } ] }
        },
        "rules": { "risk_below": 0.5, "bands": [
            { "id": "weak", "label": "weak", "from": 0.0 },
            { "id": "moderate", "label": "moderate", "from": 0.5 },
            { "id": "strong", "label": "strong", "from": 0.75 } ] },
        "criteria": [
            { "id": "a2", "title": "Partnerships", "children": [
                { "id": "a2-1", "title": "Employers", "scale": "tick" },
                { "id": "a2-2", "title": "Authorities", "scale": "tick" },
                { "id": "a2-3", "title": "Civil society", "scale": "tick" } ] },
            { "id": "a1", "title": "Migrants' voice & \"participation\" <in every decision> that concerns them", "critical": true, "children": [
                { "id": "a1-1", "title": "Consulted", "scale": "grade" },
                { "id": "a1-2", "title": "Heard", "scale": "grade" } ] },
            { "id": "a3", "title": "Sustainability", "critical": true, "children": [
                { "id": "a3-1", "title": "Funding", "scale": "grade" },
                { "id": "a3-2", "title": "Staff", "scale": "grade" } ] },
            { "id": "a4", "title": "Monitoring", "scale": "tick" },
            { "id": "a5", "title": "Transfer", "children": [
                { "id": "a5-1", "title": "Documented", "scale": "tick" },
                { "id": "a5-2", "title": "Shared", "scale": "tick" } ] }
        ]
    }"#,
    )
    .unwrap()
}

/// A framework of `n` top-level leaves (bars for n > 12), c3 critical
/// and rated on four levels (0 to 3), the others binary; risks below 0.5.
fn flat(n: usize) -> Framework {
    let leaves: Vec<String> = (1..=n)
        .map(|i| {
            let (scale, critical) = if i == 3 {
                ("grade", r#", "critical": true"#)
            } else {
                ("tick", "")
            };
            format!(r#"{{ "id": "c{i}", "title": "Criterion {i}", "scale": "{scale}"{critical} }}"#)
        })
        .collect();
    serde_json::from_str(&format!(
        r#"{{ "id": "flat", "version": "1.0.0", "title": "Flat",
            "scales": {{ "tick": {{ "type": "binary" }},
                "grade": {{ "type": "ordinal", "levels": [
                    {{ "id": "no", "value": 0, "label": "no" }},
                    {{ "id": "little", "value": 1, "label": "little" }},
                    {{ "id": "much", "value": 2, "label": "much" }},
                    {{ "id": "all", "value": 3, "label": "all" }} ] }} }},
            "rules": {{ "risk_below": 0.5, "bands": [
                {{ "id": "low", "label": "low", "from": 0.0 }},
                {{ "id": "high", "label": "high", "from": 0.6 }} ] }},
            "criteria": [ {} ] }}"#,
        leaves.join(",")
    ))
    .unwrap()
}

fn grade(s: &str) -> RatingValue {
    Level(LevelRef::Id(Id::new(s).unwrap()))
}

/// The baseline: a1 (no, partly) 0.25 a risk; a2 2 of 3; a3 (yes, yes)
/// 1; a4 met; a5 (met, —).
fn baseline(f: &Framework) -> Assessment {
    let mut a = Assessment::new(f.exact_ref(), Subject::new("Project <Alpha> & partners"));
    for (id, r) in [
        ("a1-1", grade("no")),
        ("a1-2", grade("partly")),
        ("a2-1", Met),
        ("a2-2", Met),
        ("a2-3", NotMet),
        ("a3-1", grade("yes")),
        ("a3-2", grade("yes")),
        ("a4", Met),
        ("a5-1", Met),
    ] {
        a.rate(id, r).unwrap();
    }
    a
}

/// A year later: a1 (yes, partly) 0.75, the risk resolved; a2 the same;
/// a3 (no, partly) 0.25, a new risk; a4 no longer rated; a5 the same.
fn current(f: &Framework) -> Assessment {
    let mut a = baseline(f);
    a.rate("a1-1", grade("yes")).unwrap();
    a.rate("a3-1", grade("no")).unwrap();
    a.rate("a3-2", grade("partly")).unwrap();
    a.ratings.shift_remove("a4");
    a
}

fn report(f: &Framework, a: &Assessment) -> Report {
    Scorer::new(f).unwrap().score(a).unwrap()
}

/// Parses `svg` as XML and checks what every chart has: the root `svg`
/// of the options' size, a title and a description named by
/// `aria-labelledby`, and `marks` marks each with a title; returns the
/// document's text for further checks.
fn check(svg: &str, (width, height): (u32, u32), marks: usize) -> roxmltree::Document<'_> {
    let doc = roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("{e}\n{svg}"));
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "svg");
    assert_eq!(root.attribute("width"), Some(width.to_string().as_str()));
    assert_eq!(root.attribute("height"), Some(height.to_string().as_str()));
    assert_eq!(root.attribute("role"), Some("img"));
    let children: Vec<_> = root.children().filter(|n| n.is_element()).collect();
    assert_eq!(children[0].tag_name().name(), "title");
    assert_eq!(children[1].tag_name().name(), "desc");
    let (title, desc) = (children[0].text().unwrap(), children[1].text().unwrap());
    assert!(!title.is_empty() && !desc.is_empty());
    let labelled = format!(
        "{} {}",
        children[0].attribute("id").unwrap(),
        children[1].attribute("id").unwrap()
    );
    assert_eq!(root.attribute("aria-labelledby"), Some(labelled.as_str()));
    let found: Vec<_> = doc
        .descendants()
        .filter(|n| n.attribute("class") == Some("mark"))
        .collect();
    assert_eq!(found.len(), marks, "marks");
    for mark in found {
        let first = mark.children().find(|n| n.is_element()).unwrap();
        assert_eq!(first.tag_name().name(), "title", "a mark's tooltip");
    }
    doc
}

/// The text a `<text>` element shows (its own text, not its tooltip's).
fn shown(n: roxmltree::Node<'_, '_>) -> String {
    n.children()
        .filter(|c| c.is_text())
        .filter_map(|c| c.text())
        .collect()
}

/// The full text of a `<text>` element: its tooltip's when it was
/// shortened, else its own.
fn full(n: roxmltree::Node<'_, '_>) -> String {
    match n.children().find(|c| c.has_tag_name("title")) {
        Some(t) => t.text().unwrap_or_default().to_owned(),
        None => shown(n),
    }
}

/// Whether the chart's `<desc>` contains `text`.
fn d_contains(doc: &roxmltree::Document<'_>, text: &str) -> bool {
    desc(doc).contains(text)
}

/// The chart's `<desc>`.
fn desc(doc: &roxmltree::Document<'_>) -> String {
    let d = doc.descendants().find(|n| n.has_tag_name("desc")).unwrap();
    d.text().unwrap().to_owned()
}

/// Compares `svg` with `tests/golden/<name>.svg`, or writes it there when
/// `BLESS_CHARTS` is set.
fn golden(name: &str, svg: &str) {
    let path: PathBuf = [
        env!("CARGO_MANIFEST_DIR"),
        "tests",
        "golden",
        &format!("{name}.svg"),
    ]
    .iter()
    .collect();
    if std::env::var_os("BLESS_CHARTS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, svg).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (bless with BLESS_CHARTS=1)", path.display()));
    assert!(
        expected == svg,
        "{name}: the chart differs from {} (bless with BLESS_CHARTS=1 after looking at it)",
        path.display()
    );
}

#[test]
fn profile_of_five_areas_is_a_radar_with_bands_and_a_risk() {
    let f = framework();
    let r = report(&f, &baseline(&f));
    let options = ChartOptions::new(640, 480);
    let svg = chart::profile(&r, &options);
    assert_eq!(svg, chart::profile(&r, &options), "deterministic");
    let doc = check(&svg, (640, 480), 5);
    assert!(
        doc.descendants()
            .any(|n| n.attribute("class") == Some("scores")),
        "a polygon"
    );
    // Two band rings (moderate, strong); weak starts at 0 and has none.
    let rings = doc
        .descendants()
        .filter(|n| n.has_tag_name("circle") && n.attribute("stroke-dasharray").is_some());
    assert_eq!(rings.count(), 2);
    // a1 = (0 + 0.5) / 2 = 0.25 is the one risk: a triangle, its words.
    let d = desc(&doc);
    assert!(d.contains("25.0 weak · risk"), "{d}");
    assert!(d.contains("Sustainability: 100.0 strong;"), "{d}");
    assert!(d.contains("Partnerships: 66.7 moderate;"), "{d}");
    assert!(d.contains("Transfer: 100.0 strong."), "{d}");
    // total = (0.25 + 2/3 + 1 + 1 + 1) / 5 = 0.7833…
    assert!(d.contains("Total 78.3 strong"), "{d}");
    // The long title is shortened on the chart, whole in its tooltip, and
    // its markup characters are text, not markup.
    let full = "Migrants' voice & \"participation\" <in every decision> that concerns them";
    let label = doc
        .descendants()
        .find(|n| n.attribute("class") == Some("axis-label") && shown(*n).ends_with('…'))
        .expect("a shortened label");
    let tooltip = label.children().find(|n| n.has_tag_name("title")).unwrap();
    assert_eq!(tooltip.text(), Some(full));
    golden("profile-radar", &svg);
}

#[test]
fn profile_of_thirteen_areas_is_bars() {
    let f = flat(13);
    let mut a = Assessment::new(f.exact_ref(), Subject::new("Device"));
    for i in 1..=13 {
        if i % 4 != 0 && i != 3 {
            a.rate(format!("c{i}"), if i % 3 == 0 { NotMet } else { Met })
                .unwrap();
        }
    }
    a.rate("c3", grade("little")).unwrap();
    let r = report(&f, &a);
    let options = ChartOptions::new(600, 520);
    let svg = chart::profile(&r, &options);
    assert_eq!(svg, chart::profile(&r, &options));
    let doc = check(&svg, (600, 520), 13);
    assert!(
        !doc.descendants()
            .any(|n| n.attribute("class") == Some("scores")),
        "no polygon"
    );
    // c4, c8, c12 unrated: no bar, "no score"; the others a bar each.
    let bars = doc.descendants().filter(|n| {
        n.has_tag_name("rect") && n.parent().and_then(|p| p.attribute("class")) == Some("mark")
    });
    assert_eq!(bars.count(), 10);
    assert_eq!(desc(&doc).matches("no score").count(), 3);
    // c3 (critical, 1 of 3) is the one risk: a hatched bar, the word.
    assert!(desc(&doc).contains("Criterion 3: 33.3 low · risk;"));
    let hatched = doc.descendants().filter(|n| {
        n.has_tag_name("rect") && n.attribute("fill") == Some("url(#assessment-chart-hatch)")
    });
    assert_eq!(hatched.count(), 1, "the risk's bar");
    golden("profile-bars", &svg);
}

#[test]
fn group_profile_draws_a_groups_children_and_names_an_unknown_group() {
    let f = framework();
    let r = report(&f, &baseline(&f));
    let svg = chart::group_profile(&r, "a2", &ChartOptions::default()).unwrap();
    let doc = check(&svg, (640, 480), 3);
    let d = desc(&doc);
    assert!(
        d.contains("Employers: 100.0 strong; Authorities: 100.0 strong; Civil society: 0.0 weak."),
        "{d}"
    );
    // two children: bars
    let svg = chart::group_profile(&r, "a1", &ChartOptions::default()).unwrap();
    check(&svg, (640, 480), 2);
    // a leaf has no children
    let svg = chart::group_profile(&r, "a4", &ChartOptions::default()).unwrap();
    check(&svg, (640, 480), 0);
    let err = chart::group_profile(&r, "zz", &ChartOptions::default()).unwrap_err();
    assert_eq!(err.issues()[0].code(), "unknown-criterion");
    assert_eq!(err.issues()[0].path, "/group");
}

#[test]
fn progress_marks_every_status_by_shape() {
    let f = framework();
    // a5-2, unrated in the baseline, is now rated: newly scored.
    let mut now = current(&f);
    now.rate("a5-2", Met).unwrap();
    let p = Progress::between(&report(&f, &baseline(&f)), &report(&f, &now)).unwrap();
    let status = |id: &str| p.node(id).unwrap().status;
    assert_eq!(status("a1"), ProgressStatus::Improved);
    assert_eq!(status("a3"), ProgressStatus::Regressed);
    assert_eq!(status("a2"), ProgressStatus::Unchanged);
    assert_eq!(status("a4"), ProgressStatus::NoLongerScored);
    assert_eq!(status("a5-2"), ProgressStatus::NewlyScored);
    let options = ChartOptions::new(720, 640);
    let svg = chart::progress(&p, &options);
    assert_eq!(svg, chart::progress(&p, &options));
    let doc = check(&svg, (720, 640), p.nodes.len() + 1);
    let mark = |id: &str| {
        doc.descendants()
            .find(|n| n.attribute("class") == Some("mark") && n.attribute("data-id") == Some(id))
            .unwrap()
    };
    // improved ▲ (the path's first point above the centre), regressed ▼
    let shapes = |id: &str| {
        mark(id)
            .descendants()
            .filter(|n| n.has_tag_name("path"))
            .count()
    };
    assert_eq!(shapes("a1"), 1);
    assert_eq!(shapes("a3"), 1);
    assert_eq!(mark("a1").attribute("data-status"), Some("improved"));
    assert_eq!(mark("a3").attribute("data-status"), Some("regressed"));
    // newly scored: a square, and no baseline circle
    let newly = mark("a5-2");
    assert_eq!(
        newly
            .descendants()
            .filter(|n| n.has_tag_name("rect"))
            .count(),
        1
    );
    assert_eq!(
        newly
            .descendants()
            .filter(|n| n.has_tag_name("circle"))
            .count(),
        0
    );
    assert!(d_contains(&doc, "Shared: — → 100.0 newly scored."));
    let d = desc(&doc);
    assert!(
        d.contains("25.0 → 75.0 +50.0 improved · risk resolved"),
        "{d}"
    );
    assert!(
        d.contains("Sustainability: 100.0 → 25.0 −75.0 regressed · new risk"),
        "{d}"
    );
    assert!(d.contains("Monitoring: 100.0 → — no longer scored"), "{d}");
    golden("progress", &svg);
}

#[test]
fn bounds_show_each_interval_and_the_current_score() {
    let f = framework();
    let scorer = Scorer::new(&f).unwrap();
    let mut a = current(&f);
    a.ratings.shift_remove("a1-2");
    let b = scorer.bounds(&a).unwrap();
    // Bounds carry ids; without texts the rows show them.
    let plain = chart::bounds(&b, &ChartOptions::new(640, 520));
    let d = desc(&check(&plain, (640, 520), b.nodes.len() + 1));
    assert!(d.contains("a5-2: [0.0, 100.0] current —."), "{d}");
    // With the framework's own texts, its titles.
    let texts = Localized::new(&f, &[], &f.language).unwrap();
    let options = ChartOptions::new(640, 520).texts(&texts);
    let svg = chart::bounds(&b, &options);
    assert_eq!(svg, chart::bounds(&b, &options));
    let doc = check(&svg, (640, 520), b.nodes.len() + 1);
    let d = desc(&doc);
    assert!(
        d.starts_with("Bounds: Chart test framework. Total: [38.3, 78.3] current 72.9;"),
        "{d}"
    );
    // a5 = (1 + x) / 2 for x in [0, 1]; rated a5-1 alone gives 1 now.
    assert!(d.contains("Transfer: [50.0, 100.0] current 100.0;"), "{d}");
    // a1 = (1 + x) / 2 likewise, a1-1 rated yes; a4 unrated, no score now.
    assert!(d.contains("them: [50.0, 100.0] current 100.0;"), "{d}");
    assert!(d.contains("Monitoring: [0.0, 100.0] current —;"), "{d}");
    assert!(d.contains("Shared: [0.0, 100.0] current —."), "{d}");
    golden("bounds", &svg);
}

#[test]
fn uncertainty_shows_each_members_intervals() {
    let f = framework();
    let scorer = Scorer::new(&f).unwrap();
    let mut second = current(&f);
    second.subject = Subject::new("Beta");
    let mut members = vec![baseline(&f), second];
    let mut third = current(&f);
    third.subject = Subject::new("Gamma");
    third.rate("a2-3", Met).unwrap();
    members.push(third);
    let empty = Assessment::new(f.exact_ref(), Subject::new("Delta (not rated)"));
    members.push(empty);
    let result = Uncertainty::new(&scorer, UncertaintySpec::new().level(1, 0.5))
        .seed(7)
        .samples(128)
        .run(&members)
        .unwrap();
    let options = ChartOptions::new(720, 360);
    let svg = chart::uncertainty(&result, &options);
    assert_eq!(svg, chart::uncertainty(&result, &options));
    let doc = check(&svg, (720, 360), 4);
    // Ordered by nominal rank, the member without a score last.
    let names: Vec<String> = doc
        .descendants()
        .filter(|n| n.attribute("class") == Some("row-label"))
        .map(full)
        .collect();
    let mut ranked: Vec<_> = result.members.iter().collect();
    ranked.sort_by_key(|m| m.nominal_rank.unwrap_or(usize::MAX));
    let expected: Vec<&str> = ranked.iter().map(|m| m.subject.as_str()).collect();
    assert_eq!(names, expected);
    assert_eq!(names.last().unwrap(), "Delta (not rated)");
    golden("uncertainty", &svg);
}

#[test]
fn titles_and_band_labels_come_from_a_localization_and_words_from_the_options() {
    let f = framework();
    let r = report(&f, &baseline(&f));
    let mut de = Localization::new(
        "chart-test-de".parse().unwrap(),
        f.compatible_ref(),
        "de".parse().unwrap(),
    );
    de.criteria
        .insert("a3".parse().unwrap(), TitledText::title("Nachhaltigkeit"));
    de.bands
        .insert("strong".parse().unwrap(), BandText::label("stark"));
    let texts = Localized::new(&f, &[&de], &LanguageTag::new("de").unwrap()).unwrap();
    let mut words = ChartWords::default();
    words.risk = "Risiko".into();
    words.total = "Gesamt".into();
    let options = ChartOptions::new(640, 480).texts(&texts).words(words);
    let svg = chart::profile(&r, &options);
    let doc = check(&svg, (640, 480), 5);
    assert_eq!(
        doc.root_element()
            .attribute(("http://www.w3.org/XML/1998/namespace", "lang")),
        Some("de")
    );
    let d = desc(&doc);
    assert!(d.contains("Nachhaltigkeit: 100.0 stark;"), "{d}");
    // an untranslated title is marked with its language, as in a report
    assert!(d.contains("Partnerships [en]: 66.7 moderate;"), "{d}");
    assert!(d.contains("· Risiko"), "{d}");
    assert!(d.contains("Gesamt 78.3 stark"), "{d}");
    // The ring of the strong band carries the localized label.
    assert!(svg.contains("stark ≥ 75.0"));
}

#[test]
fn sizes_are_the_callers_within_limits_and_ids_take_the_prefix() {
    let f = framework();
    let r = report(&f, &baseline(&f));
    let svg = chart::profile(&r, &ChartOptions::new(1, 99_999).id_prefix("p1"));
    let doc = check(&svg, (160, 4096), 5);
    assert_eq!(
        doc.root_element().attribute("aria-labelledby"),
        Some("p1-title p1-desc")
    );
}

#[test]
fn odd_values_and_texts_still_give_well_formed_charts() {
    use assessment_model::report::NodeBounds;
    let f = framework();
    let scorer = Scorer::new(&f).unwrap();
    let mut b = scorer.bounds(&baseline(&f)).unwrap();
    // Values a caller could put into the public fields: outside [0, 1],
    // not finite, upper below lower.
    let odd = [f64::NAN, f64::INFINITY, -3.0, 7.5, f64::NEG_INFINITY];
    for (n, x) in b.nodes.iter_mut().zip(odd.iter().cycle()) {
        *n = NodeBounds {
            lower: Some(*x),
            upper: Some(-x),
            current: Some(*x),
            ..n.clone()
        };
    }
    let svg = chart::bounds(&b, &ChartOptions::default());
    check(&svg, (640, 480), b.nodes.len() + 1);
    assert!(!svg.contains("NaN") && !svg.contains("inf"));
    // A subject with characters XML does not allow, and markup.
    let mut a = baseline(&f);
    a.subject = Subject::new("x\u{0}y\u{FFFE}]]><!-- & \"q\" 'a'\tz\u{1F600}");
    let svg = chart::profile(&report(&f, &a), &ChartOptions::default());
    let doc = check(&svg, (640, 480), 5);
    let title = doc.descendants().find(|n| n.has_tag_name("title")).unwrap();
    assert_eq!(
        title.text(),
        Some("Profile: xy]]><!-- & \"q\" 'a' z\u{1F600}")
    );
}

#[test]
fn a_large_framework_is_drawn_in_one_pass() {
    // 3,000 top-level leaves: bars, one mark each, rows thinner than a
    // pixel (the caller chose the size), in well under a second.
    let f = flat(3000);
    let mut a = Assessment::new(f.exact_ref(), Subject::new("Big"));
    for i in (5..=3000).step_by(2) {
        a.rate(format!("c{i}"), NotMet).unwrap();
    }
    let r = report(&f, &a);
    let svg = chart::profile(&r, &ChartOptions::new(800, 600));
    check(&svg, (800, 600), 3000);
}
