"""Progress, bounds, uncertainty, localization and action plans through
Python, on a four-leaf framework whose values are computed by hand."""

from __future__ import annotations

import pickle

import pytest

import assessment_model as am
from assessment_model import (
    ActionPlan,
    Bounds,
    Framework,
    Localization,
    Localized,
    Progress,
    ScoreError,
    Scorer,
    Uncertainty,
    ValidationError,
    catalog,
)

# Four binary leaves at the top, so the total is their plain mean; c and d
# are critical, so each is a risk while it scores below 0.5.
FOUR = {
    "id": "four",
    "version": "1.0.0",
    "title": "Four",
    "scales": {"tick": {"type": "binary"}},
    "rules": {"risk_below": 0.5},
    "criteria": [
        {"id": "a", "title": "Alpha", "scale": "tick"},
        {"id": "b", "title": "Beta", "scale": "tick"},
        {"id": "c", "title": "Gamma", "scale": "tick", "critical": True},
        {"id": "d", "title": "Delta", "scale": "tick", "critical": True},
    ],
}


def rated(**values):
    return {
        "framework": {"id": "four", "version": "=1.0.0"},
        "subject": {"name": "P"},
        "ratings": {k: {"value": v} for k, v in values.items()},
    }


@pytest.fixture(scope="module")
def four():
    return Scorer(Framework.from_dict(FOUR))


@pytest.fixture(scope="module")
def baseline(four):
    # 1 of 4 met: total 1/4; c and d are risks.
    return four.score(rated(a="met", b="not_met", c="not_met", d="not_met"))


@pytest.fixture(scope="module")
def current(four):
    # 3 of 4 met: total 3/4; d is still a risk.
    return four.score(rated(a="met", b="met", c="met", d="not_met"))


def test_progress_between_two_reports(baseline, current):
    p = Progress.between(baseline, current)
    assert (p.total["baseline"], p.total["current"], p.total["delta"]) == (0.25, 0.75, 0.5)
    assert p.total["status"] == "improved"
    statuses = {n["criterion"]: n["status"] for n in p.nodes}
    assert statuses == {"a": "unchanged", "b": "improved", "c": "improved", "d": "unchanged"}
    assert p.node("b")["delta"] == 1.0
    assert p.node("zzz") is None
    assert {r["criterion"]: r["status"] for r in p.risks} == {"c": "resolved", "d": "persisting"}
    assert [r["criterion"] for r in p.ratings] == ["b", "c"]
    assert (p.baseline_coverage, p.current_coverage) == (1.0, 1.0)
    assert p.carried is None
    assert p.framework == {"id": "four", "version": "=1.0.0"}
    assert "Beta" in str(p)
    assert Progress.from_dict(p.to_dict()) == p
    assert Progress.from_json(p.to_json()) == p
    assert pickle.loads(pickle.dumps(p)) == p


def test_progress_between_other_versions_is_a_score_error(baseline):
    two = dict(FOUR, version="2.0.0")
    other = Scorer(Framework.from_dict(two)).score(
        dict(rated(a="met"), framework={"id": "four", "version": "=2.0.0"})
    )
    with pytest.raises(ScoreError) as e:
        Progress.between(baseline, other)
    assert [(i["code"], i["path"]) for i in e.value.errors()] == [
        ("framework-mismatch", "/baseline/framework")
    ]


def test_progress_tally(baseline, current):
    tally = Progress.tally([Progress.between(baseline, current), Progress.between(current, current)])
    assert tally["members"] == 2
    b = next(n for n in tally["nodes"] if n["criterion"] == "b")["counts"]
    assert (b["improved"], b["unchanged"], b["regressed"]) == (1, 1, 0)
    assert Progress.tally([])["members"] == 0


def test_progress_across_versions_through_a_mapping():
    io1 = catalog.profint.success_factors_io1()
    io2 = catalog.profint.success_factors_io2()
    scorer = Scorer(io2)
    before = {
        "framework": {"id": io1.id, "version": "=" + io1.version},
        "subject": {"name": "A device"},
        "ratings": {"io1-f5": {"value": "not_met"}},
    }
    now = {
        "framework": {"id": io2.id, "version": "=" + io2.version},
        "subject": {"name": "A device"},
        "ratings": {"io2-f4": {"value": "met"}},
    }
    p = Progress.across(before, catalog.profint.io1_to_io2(), io1, scorer, scorer.score(now))
    assert p.carried["mapping"] == "profint-io1-to-io2"
    assert p.carried["from"] == {"id": io1.id, "version": "=" + io1.version}
    assert p.node("io2-f4")["status"] == "improved"


def test_bounds_of_one_missing_leaf(four):
    # a, b met, c not met, d missing: d at 0 gives 2/4, at 1 gives 3/4;
    # now d is left out: 2/3. Rating d closes the whole interval, 1/4.
    b = four.bounds(rated(a="met", b="met", c="not_met"))
    assert isinstance(b, Bounds)
    assert (b.total["lower"], b.total["upper"]) == (0.5, 0.75)
    assert b.total["current"] == 2 / 3
    assert b.node("d") == {"criterion": "d", "depth": 1, "lower": 0.0, "upper": 1.0}
    assert b.node("a") == {"criterion": "a", "depth": 1, "lower": 1.0, "upper": 1.0, "current": 1.0}
    assert b.leverage == [{"criterion": "d", "leverage": 0.25}]
    assert [n["criterion"] for n in b.nodes] == ["a", "b", "c", "d"]
    assert Bounds.from_dict(b.to_dict()) == b
    assert pickle.loads(pickle.dumps(b)) == b
    assert str(b)


def test_bounds_errors_are_score_errors(four):
    with pytest.raises(ScoreError) as e:
        four.bounds(rated(a="met", zzz="met"))
    assert [(i["code"], i["path"]) for i in e.value.errors()] == [("unknown-criterion", "/ratings/zzz")]


TWO = {
    "id": "two",
    "version": "1.0.0",
    "title": "Two",
    "scales": {"tick": {"type": "binary"}},
    "criteria": [
        {"id": "a", "title": "First", "scale": "tick"},
        {"id": "b", "title": "Second", "scale": "tick"},
    ],
}


def _two(subject, a, b):
    return {
        "framework": {"id": "two", "version": "=1.0.0"},
        "subject": {"name": subject},
        "ratings": {"a": {"value": a}, "b": {"value": b}},
    }


def test_uncertainty_of_two_tied_members():
    # P meets a, Q meets b: nominally both 1/2 and tied at rank 1. With
    # noise on both weights P scores w_a / (w_a + w_b), Q the rest, so
    # in every sample the two scores add up to 1, and each spreads on both
    # sides of 1/2.
    scorer = Scorer(Framework.from_dict(TWO))
    members = [_two("P", "met", "not_met"), _two("Q", "not_met", "met")]
    # Level keys as json.load gives them (strings) or as ints.
    ua = Uncertainty(scorer, {"levels": {"1": 0.5}}, seed=7, samples=1000).run(members)
    assert [m["nominal_score"] for m in ua.members] == [0.5, 0.5]
    assert [m["nominal_rank"] for m in ua.members] == [1, 1]
    assert ua.evaluations == 1000 * (2 + 2)
    assert [i["criterion"] for i in ua.inputs] == ["a", "b"]
    p, q = (m["score"] for m in ua.members)
    assert p["p05"] < 0.5 < p["p95"] and q["p05"] < 0.5 < q["p95"]
    assert abs(p["median"] + q["median"] - 1.0) < 0.05
    again = Uncertainty(scorer, '{"levels": {"1": 0.5}}', seed=7, samples=1000).run(members)
    assert again == ua
    assert Uncertainty(scorer, {"levels": {1: 0.5}}, seed=7, samples=1000).run(members) == ua
    assert Uncertainty(scorer, {"levels": {"1": 0.5}}, seed=8, samples=1000).run(members) != ua
    assert am.UncertaintyReport.from_json(ua.to_json()) == ua
    assert "P" in str(ua)


def test_uncertainty_errors():
    scorer = Scorer(Framework.from_dict(TWO))
    with pytest.raises(ScoreError) as e:
        Uncertainty(scorer, {"levels": {"1": 2.0}}).run([_two("P", "met", "met")])
    assert [(i["code"], i["path"]) for i in e.value.errors()] == [("threshold-out-of-range", "/levels/1")]
    with pytest.raises(ValidationError) as e:
        Uncertainty(scorer, {"level": {}})
    assert [(i["code"], i["path"]) for i in e.value.errors()] == [("unknown-field", "/level")]
    with pytest.raises(ValidationError) as e:
        Uncertainty(scorer).run([_two("P", "met", "met"), {"subject": 1}])
    assert e.value.errors()[0]["path"].startswith("/1")


GERMAN = {
    "id": "four-de",
    "framework": {"id": "four", "version": "^1"},
    "language": "de",
    "title": "Vier",
    "criteria": {"a": {"title": "Erstes"}, "b": {"title": "Zweites"}},
}


def test_localization(four, baseline, current):
    framework = four.framework
    de = Localization.from_dict(GERMAN)
    assert (de.id, de.language) == ("four-de", "de")
    # The framework's texts: its title and four criterion titles; the
    # localization gives three of the five.
    assert de.validate_for(framework) == {"translated": 3, "translatable": 5, "share": 0.6, "complete": False}
    warnings = de.issues_against(framework)
    assert warnings and {w["severity"] for w in warnings} == {"warning"}
    applied = de.apply(framework)
    assert applied.title == "Vier"
    assert next(c for c in applied.to_dict()["criteria"] if c["id"] == "a")["title"] == "Erstes"
    assert Localization.from_json(de.to_json()) == de
    texts = Localized(framework, [de], "de")
    assert texts.criterion_title("a") == {"text": "Erstes", "language": "de", "fallback": False}
    assert texts.criterion_title("c") == {"text": "Gamma", "language": "en", "fallback": True}
    assert texts.criterion_title("zzz") is None
    table = baseline.display_in(texts)
    assert "Erstes" in table and "Gamma [en]" in table and "Alpha" not in table
    # The note lists what moved: b (in German) and c (fallen back to English).
    note = Progress.between(baseline, current).display_in(texts)
    assert "b Zweites:" in note and "c Gamma [en]:" in note


def test_localized_errors(four):
    with pytest.raises(ValidationError) as e:
        Localized(four.framework, [], "deutsch!")
    assert [(i["code"], i["path"]) for i in e.value.errors()] == [("malformed-language-tag", "")]
    wrong = Localization.from_dict(dict(GERMAN, framework={"id": "other", "version": "^1"}))
    with pytest.raises(ValidationError) as e:
        Localized(four.framework, [wrong], "de")
    assert [(i["code"], i["path"]) for i in e.value.errors()] == [("framework-mismatch", "/0/framework")]


def test_action_plan_drafted_and_reviewed(baseline, current):
    # Risks c and d first, then the top 2 priorities: b, c and d each gain
    # 1/4, tied, so b and c in definition order.
    plan = ActionPlan.draft(baseline, "Afpa", "2027-06-30", top=2)
    actions = plan.actions
    assert [a["id"] for a in actions] == ["action-1", "action-2", "action-3", "action-4"]
    assert [a["criteria"] for a in actions] == [["c"], ["d"], ["b"], ["c"]]
    assert [a.get("answers") for a in actions] == [{"risk": "c"}, {"risk": "d"}, None, None]
    assert [a.get("expected_gain") for a in actions] == [None, None, 0.25, 0.25]
    assert {a["owner"]["organisation"] for a in actions} == {"Afpa"}
    assert plan.issues_against(baseline) == []
    plan.validate_against(baseline)
    review = plan.review(Progress.between(baseline, current))["actions"]
    assert [r["verdict"] for r in review] == ["improved", "stayed", "improved", "improved"]
    assert [r.get("risk") for r in review] == ["resolved", "persisting", None, None]
    assert ActionPlan.from_dict(plan.to_dict()) == plan
    assert pickle.loads(pickle.dumps(plan)) == plan
    person = ActionPlan.draft(baseline, {"person": {"name": "Ana"}}, "2027-06-30", top=0)
    assert len(person.actions) == 2 and person.actions[0]["owner"] == {"person": {"name": "Ana"}}


def test_action_plan_problems(baseline, current):
    plan = ActionPlan.from_dict(
        {
            "subject": {"name": "P"},
            "framework": {"id": "four", "version": "^1"},
            "actions": [
                {
                    "id": "x",
                    "title": "X",
                    "criteria": ["zzz"],
                    "answers": {"risk": "a"},
                    "owner": {"organisation": "Afpa"},
                    "due": "2027-01-31",
                    "status": "done",
                }
            ],
        }
    )
    expected = [
        ("unknown-criterion", "/actions/0/criteria/0"),
        ("unknown-risk", "/actions/0/answers/risk"),
        ("missing-done-date", "/actions/0"),
    ]
    assert sorted((i["code"], i["path"]) for i in plan.issues_against(baseline)) == sorted(expected)
    with pytest.raises(ValidationError) as e:
        plan.validate_against(baseline)
    assert e.value.error_count() == 3
    with pytest.raises(ValidationError) as e:
        ActionPlan.draft(baseline, "Afpa", "2027-02-30")
    assert e.value.errors()[0]["code"] == "invalid-document"
    other = Scorer(catalog.good_practice.criteria())
    gp = other.score(catalog.good_practice.worked_example())
    with pytest.raises(ValidationError) as e:
        plan.review(Progress.between(gp, gp))
    assert [(i["code"], i["path"]) for i in e.value.errors()] == [("framework-mismatch", "/framework")]
