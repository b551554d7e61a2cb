//! Action plans (SPEC §3.13, §6.7): the document read through
//! `from_deserializer`, every validation problem at once with its code and
//! path, the draft of the good-practice worked example and of a framework
//! with risks, and the review against a progress built from two reports
//! written here.
#![allow(clippy::unwrap_used, clippy::expect_used)]
// Test code on fixed data: an index out of range or an overflow is a failure
// of the test, not of the crate.
#![allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]

use assessment_model::analysis::{ProgressStatus, RiskStatus};
use assessment_model::catalog::good_practice;
use assessment_model::model::{DeclaredFinding, FindingKind, IsoDate, Person};
use assessment_model::plan::{Action, ActionStatus, Answers, Draft, Owner, Verdict};
use assessment_model::{
    ActionPlan, Assessment, Framework, Id, Progress, RatingValue, Report, Scorer, Subject,
    from_deserializer,
};

fn id(s: &str) -> Id {
    s.parse().unwrap()
}

fn date(s: &str) -> IsoDate {
    s.parse().unwrap()
}

fn afpa() -> Owner {
    Owner::Organisation("Afpa".into())
}

/// Three binary leaves; `c` is critical, and a risk below 0.5.
fn tiny() -> Framework {
    serde_json::from_str(
        r#"{
        "id": "tiny", "version": "1.2.0", "title": "Tiny",
        "scales": { "tick": { "type": "binary" } },
        "rules": { "risk_below": 0.5 },
        "criteria": [
            { "id": "a", "title": "Alpha", "scale": "tick" },
            { "id": "b", "title": "Beta", "scale": "tick" },
            { "id": "c", "title": "Gamma", "scale": "tick", "critical": true }
        ]
    }"#,
    )
    .unwrap()
}

fn tiny_report(scorer: &Scorer, framework: &Framework, ratings: [bool; 3]) -> Report {
    let mut assessment = Assessment::new(framework.exact_ref(), Subject::new("P"));
    for (leaf, met) in ["a", "b", "c"].into_iter().zip(ratings) {
        let value = if met {
            RatingValue::Met
        } else {
            RatingValue::NotMet
        };
        assessment.rate(leaf, value).unwrap();
    }
    assessment
        .findings
        .push(DeclaredFinding::new(FindingKind::Risk, "Funding ends."));
    scorer.score(&assessment).unwrap()
}

#[test]
fn the_worked_example_drafts_the_three_unmet_items_in_priority_order() {
    let framework = good_practice::criteria();
    let scorer = Scorer::new(&framework).unwrap();
    let assessment = good_practice::worked_example();
    let report = scorer.score(&assessment).unwrap();
    // The catalogue marks no criterion critical, so its rules give no risk.
    assert!(framework.walk().all(|(_, c)| !c.critical));
    assert!(report.risks().is_empty());

    let plan = ActionPlan::draft(&report, &Draft::new(afpa(), date("2027-06-30")));
    let criteria: Vec<&str> = plan
        .actions
        .iter()
        .flat_map(|a| a.criteria.iter().map(Id::as_str))
        .collect();
    assert_eq!(criteria, ["q9-3", "q10-2", "q3-3"]);
    let total = report.total().score().unwrap();
    for (n, action) in plan.actions.iter().enumerate() {
        let leaf = action.criteria[0].as_str();
        assert_eq!(action.id, format!("action-{}", n + 1).as_str());
        assert_eq!(action.title, framework.criterion(leaf).unwrap().title);
        assert_eq!(action.status, ActionStatus::Planned);
        assert_eq!(action.due, date("2027-06-30"));
        assert_eq!(action.answers, None);
        // The gain, by re-scoring with that item met (an independent path).
        let mut raised = assessment.clone();
        raised.rate(leaf, RatingValue::Met).unwrap();
        let gain = scorer.score(&raised).unwrap().total().score().unwrap() - total;
        assert!(
            (action.expected_gain.unwrap() - gain).abs() < 1e-12,
            "{leaf}"
        );
    }
    assert_eq!(plan.subject, assessment.subject);
    plan.validate_against(&report).unwrap();
}

#[test]
fn a_draft_answers_each_risk_first_then_the_top_priorities() {
    let framework = tiny();
    let scorer = Scorer::new(&framework).unwrap();
    let report = tiny_report(&scorer, &framework, [false, true, false]);
    let plan = ActionPlan::draft(&report, &Draft::new(afpa(), date("2027-01-31")).top(1));
    assert_eq!(plan.actions.len(), 2);
    let risk = &plan.actions[0];
    assert_eq!(risk.criteria, [id("c")]);
    assert_eq!(risk.title, "Gamma");
    assert_eq!(risk.answers, Some(Answers::Risk(id("c"))));
    assert_eq!(risk.expected_gain, None);
    // Priorities tie at 1/3 each; ties keep definition order: `a` first.
    let top = &plan.actions[1];
    assert_eq!(top.criteria, [id("a")]);
    assert_eq!(top.title, "Alpha");
    assert!((top.expected_gain.unwrap() - 1.0 / 3.0).abs() < 1e-12);
    plan.validate_against(&report).unwrap();
}

#[test]
fn every_problem_of_a_plan_is_reported_at_once_with_its_path() {
    let framework = tiny();
    let scorer = Scorer::new(&framework).unwrap();
    let report = tiny_report(&scorer, &framework, [false, true, false]);
    let mut plan = ActionPlan::new(Subject::new("P"), framework.compatible_ref());
    let mut first = Action::new(
        id("x"),
        "X",
        vec![id("a"), id("nope")],
        afpa(),
        date("2027-01-01"),
    );
    first.answers = Some(Answers::Risk(id("b")));
    let mut second = Action::new(
        id("x"),
        "Y",
        vec![id("c")],
        Owner::Person(Person::new("Ana")),
        date("2027-01-01"),
    );
    second.answers = Some(Answers::Finding(1));
    second.status = ActionStatus::Done;
    let mut third = Action::new(id("z"), "Z", vec![id("c")], afpa(), date("2027-01-01"));
    third.answers = Some(Answers::Finding(0));
    third.status = ActionStatus::Done;
    third.done = Some(date("2026-12-01"));
    plan.actions = vec![first, second, third];

    let issues = plan.issues_against(&report);
    let got: Vec<(&str, &str)> = issues.iter().map(|i| (i.code(), i.path.as_str())).collect();
    assert_eq!(
        got,
        [
            ("unknown-criterion", "/actions/0/criteria/1"),
            ("unknown-risk", "/actions/0/answers/risk"),
            ("duplicate-id", "/actions/1/id"),
            ("unknown-finding", "/actions/1/answers/finding"),
            ("missing-done-date", "/actions/1"),
        ]
    );
    let err = plan.validate_against(&report).unwrap_err();
    assert_eq!(err.issues().len(), 5);

    // Each path resolves in the serialised plan.
    let json = serde_json::to_value(&plan).unwrap();
    for issue in &issues {
        assert!(json.pointer(&issue.path).is_some(), "{}", issue.path);
    }

    // Another framework version: only the mismatch.
    plan.framework.version = "^2".parse().unwrap();
    let issues = plan.issues_against(&report);
    assert_eq!(issues.len(), 1);
    assert_eq!(
        (issues[0].code(), issues[0].path.as_str()),
        ("framework-mismatch", "/framework")
    );
}

#[test]
fn the_document_reads_strictly_and_round_trips() {
    let text = r#"{
        "$schema": "urn:assessment-model:schema:action-plan:1",
        "subject": { "name": "P" },
        "framework": { "id": "tiny", "version": "^1" },
        "actions": [{
            "id": "fix-c", "title": "Fix Gamma", "criteria": ["c"],
            "answers": { "risk": "c" },
            "owner": { "person": { "name": "Ana", "organisation": "Afpa" } },
            "due": "2027-03-31", "status": "in_progress",
            "note": "Start with the partners."
        }]
    }"#;
    let plan: ActionPlan =
        from_deserializer(&mut serde_json::Deserializer::from_str(text)).unwrap();
    assert_eq!(plan.actions[0].status, ActionStatus::InProgress);
    assert_eq!(plan.actions[0].owner.name(), "Ana");
    let back: serde_json::Value = serde_json::to_value(&plan).unwrap();
    let original: serde_json::Value = serde_json::from_str(text).unwrap();
    assert_eq!(back, original);

    let typo = text.replace("\"note\"", "\"notes\"");
    let err = from_deserializer::<ActionPlan, _>(&mut serde_json::Deserializer::from_str(&typo))
        .unwrap_err();
    assert_eq!(err.issues()[0].code(), "unknown-field");
    let bad_status = text.replace("in_progress", "started");
    let err =
        from_deserializer::<ActionPlan, _>(&mut serde_json::Deserializer::from_str(&bad_status))
            .unwrap_err();
    assert_eq!(err.issues()[0].code(), "invalid-document");
}

#[test]
fn a_review_says_per_action_how_its_criteria_moved() {
    let framework = tiny();
    let scorer = Scorer::new(&framework).unwrap();
    // Baseline: a not met, b met, c not met (a risk). Current: a met, b not
    // met, c met (the risk resolved).
    let baseline = tiny_report(&scorer, &framework, [false, true, false]);
    let current = tiny_report(&scorer, &framework, [true, false, true]);
    let progress = Progress::between(&baseline, &current).unwrap();

    let mut plan = ActionPlan::new(Subject::new("P"), framework.compatible_ref());
    let action = |name: &str, criteria: &[&str]| {
        Action::new(
            id(name),
            name,
            criteria.iter().map(|c| id(c)).collect(),
            afpa(),
            date("2027-01-01"),
        )
    };
    let mut risk = action("risk", &["c"]);
    risk.answers = Some(Answers::Risk(id("c")));
    plan.actions = vec![
        risk,
        action("down", &["b"]),
        action("both", &["a", "b"]),
        action("none", &[]),
    ];
    let review = plan.review(&progress).unwrap();
    let verdicts: Vec<Verdict> = review.actions.iter().map(|a| a.verdict).collect();
    assert_eq!(
        verdicts,
        [
            Verdict::Improved,
            Verdict::Regressed,
            Verdict::Mixed,
            Verdict::NotComparable
        ]
    );
    assert_eq!(review.actions[0].risk, Some(RiskStatus::Resolved));
    assert_eq!(review.actions[1].risk, None);
    let both = &review.actions[2].criteria;
    assert_eq!(both[0].status, Some(ProgressStatus::Improved));
    assert_eq!(both[0].delta, Some(1.0));
    assert_eq!(both[1].status, Some(ProgressStatus::Regressed));
    assert_eq!(both[1].delta, Some(-1.0));
    assert_eq!(
        review.to_string(),
        "risk (planned): improved; c +100.0; risk resolved\n\
         down (planned): regressed; b -100.0\n\
         both (planned): mixed; a +100.0, b -100.0\n\
         none (planned): not comparable\n"
    );

    // Against itself every scored criterion stayed.
    let same = plan
        .review(&Progress::between(&baseline, &baseline).unwrap())
        .unwrap();
    assert_eq!(same.actions[0].verdict, Verdict::Stayed);
    assert_eq!(same.actions[0].risk, Some(RiskStatus::Persisting));

    // A plan for another major version refuses the progress.
    plan.framework.version = "^2".parse().unwrap();
    let err = plan.review(&progress).unwrap_err();
    assert_eq!(err.issues()[0].code(), "framework-mismatch");
    assert_eq!(err.issues()[0].path, "/framework");
}

#[test]
fn verdicts_count_only_criteria_scored_on_both_sides() {
    use ProgressStatus::*;
    assert_eq!(Verdict::of([Unchanged, NewlyScored]), Verdict::Stayed);
    assert_eq!(
        Verdict::of([NewlyScored, NoLongerScored, Unscored]),
        Verdict::NotComparable
    );
    assert_eq!(Verdict::of([Improved, Unchanged]), Verdict::Improved);
    assert_eq!(Verdict::of([Regressed, Unchanged]), Verdict::Regressed);
    assert_eq!(Verdict::of([Regressed, Improved]), Verdict::Mixed);
}

/// Issue 25 item 4: an expected gain that is not a finite number would be
/// written as `null` and read back as no gain; it is refused when the
/// document is read (TOML can write `nan` and `inf`, JSON cannot) and when
/// a plan made in code is checked.
#[test]
fn an_expected_gain_that_is_not_finite_is_refused() {
    let text = r#"
        subject = { name = "P" }
        framework = { id = "tiny", version = "^1" }
        [[actions]]
        id = "fix-c"
        title = "Fix Gamma"
        criteria = ["c"]
        owner = { organisation = "Afpa" }
        due = "2027-03-31"
        status = "planned"
        expected_gain = GAIN
    "#;
    for gain in ["nan", "inf", "-inf"] {
        let text = text.replace("GAIN", gain);
        let err = from_deserializer::<ActionPlan, _>(toml::Deserializer::parse(&text).unwrap())
            .unwrap_err();
        let got: Vec<(&str, &str)> = err
            .issues()
            .iter()
            .map(|i| (i.code(), i.path.as_str()))
            .collect();
        assert_eq!(
            got,
            [("invalid-document", "/actions/0/expected_gain")],
            "{gain}"
        );
    }
    let finite = text.replace("GAIN", "0.25");
    let plan =
        from_deserializer::<ActionPlan, _>(toml::Deserializer::parse(&finite).unwrap()).unwrap();
    assert_eq!(plan.actions[0].expected_gain, Some(0.25));

    let framework = tiny();
    let scorer = Scorer::new(&framework).unwrap();
    let report = tiny_report(&scorer, &framework, [false, true, false]);
    let mut plan = plan;
    plan.actions[0].expected_gain = Some(f64::NAN);
    let issues = plan.issues_against(&report);
    let got: Vec<(&str, &str)> = issues.iter().map(|i| (i.code(), i.path.as_str())).collect();
    assert_eq!(got, [("invalid-document", "/actions/0/expected_gain")]);
}
