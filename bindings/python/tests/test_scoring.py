"""Scoring through the binding: the worked example, reports, priorities."""

from __future__ import annotations

import json

import pytest

import assessment_model as am
from assessment_model import Assessment, Scorer, catalog

EPS = 1e-12


def test_worked_example_scores_31_of_36(scorer):
    report = scorer.score(catalog.good_practice.worked_example())
    # (8/9 + 1 + 1 + 2/3 + 3/4) / 5 = 31/36, the areas' mean of their
    # questions' means (tests/catalog_scoring.rs computes the same by hand).
    total = report.total
    assert abs(total["score"] - 31 / 36) < EPS
    assert round(total["score"], 4) == 0.8611
    assert total["coverage"] == 1.0
    assert abs(report.node("inclusivity-participation")["score"] - 8 / 9) < EPS
    assert abs(report.node("sustainability")["score"] - 2 / 3) < EPS
    assert abs(report.node("partnership-collaboration")["score"] - 3 / 4) < EPS
    assert report.node("effectiveness")["score"] == 1.0


def test_total_alone_equals_the_reports(scorer):
    worked = catalog.good_practice.worked_example()
    assert scorer.total(worked) == scorer.score(worked).total["score"]


def test_assessment_from_dict_json_and_object_score_alike(scorer):
    worked = catalog.good_practice.worked_example()
    as_dict = worked.to_dict()
    as_json = worked.to_json()
    totals = {
        scorer.score(worked).total["score"],
        scorer.score(as_dict).total["score"],
        scorer.score(as_json).total["score"],
        scorer.score(Assessment.from_dict(as_dict)).total["score"],
        scorer.score(Assessment.from_json(as_json)).total["score"],
    }
    assert len(totals) == 1


def test_str_is_the_rust_display(scorer):
    text = str(scorer.score(catalog.good_practice.worked_example()))
    first = text.splitlines()[0]
    assert first.endswith("— good-practice-criteria 1.0.0")
    assert "Inclusivity & Participation" in text


def test_node_of_unknown_criterion_is_none(scorer):
    report = scorer.score(catalog.good_practice.worked_example())
    assert report.node("no-such-criterion") is None


def test_report_to_dict_is_json_and_matches_the_accessors(scorer):
    report = scorer.score(catalog.good_practice.worked_example())
    doc = report.to_dict()
    assert json.loads(report.to_json()) == doc
    assert [n["id"] for n in doc["nodes"]][:2] == ["inclusivity-participation", "q1"]
    assert report.risks == doc.get("risks", [])


def test_risks_list_the_failed_critical_leaf():
    framework = am.Framework.from_dict(
        {
            "id": "crit", "version": "1.0.0", "title": "Critical",
            "scales": {"tick": {"type": "binary"}},
            "rules": {"risk_below": 0.5},
            "criteria": [
                {"id": "a", "title": "A", "scale": "tick", "critical": True},
                {"id": "b", "title": "B", "scale": "tick"},
            ],
        }
    )
    scorer = Scorer(framework)
    report = scorer.score(
        {
            "framework": {"id": "crit", "version": "1.0.0"},
            "subject": {"name": "S"},
            "ratings": {"a": {"value": "not_met"}, "b": {"value": "met"}},
        }
    )
    assert report.total["score"] == 0.5
    assert [r["criterion"] for r in report.risks] == ["a"]


def test_priorities_gain_is_one_item_of_its_question(scorer, good_practice):
    # Each area is the mean of its questions, each question the mean of its
    # items, the total the mean of the five areas: meeting one more item of
    # a question with n items in an area of q questions adds 1/(5 q n).
    shares = {}
    for area in good_practice.to_dict()["criteria"]:
        for question in area["children"]:
            for item in question["children"]:
                shares[item["id"]] = 1 / (5 * len(area["children"]) * len(question["children"]))
    priorities = scorer.priorities(catalog.good_practice.worked_example())
    assert priorities
    for p in priorities:
        assert p["best"] == "met"
        assert abs(p["gain"] - shares[p["criterion"]]) < EPS, p


def test_catalogues_validate_and_score():
    ids = [f.id for f in catalog.frameworks()]
    assert ids == [
        "good-practice-criteria",
        "impart-core",
        "profint-io1",
        "profint-io2",
        "profint-learning-grid",
    ]
    for framework in catalog.frameworks():
        framework.validate()
        Scorer(framework)
    assert catalog.impart.core().id == "impart-core"
    assert len(catalog.good_practice.criteria().leaf_ids()) == 36
    assert catalog.profint.success_factors_io1().id == "profint-io1"
    assert catalog.profint.success_factors_io2().id == "profint-io2"
    assert catalog.profint.learning_grid().id == "profint-learning-grid"
    assert catalog.impart.in_place_scale()["type"] == "ordinal"
    assert catalog.crosswalk.impart_core_to_good_practice()["entries"]
    assert catalog.profint.io1_to_io2()["entries"]


def test_issue_codes_are_the_crates():
    assert "duplicate-id" in am.ISSUE_CODES
    assert len(set(am.ISSUE_CODES)) == len(am.ISSUE_CODES)


def test_every_public_name_is_documented_and_typed():
    import inspect
    import pathlib

    stubs = (pathlib.Path(am.__file__).parent / "_assessment_model.pyi").read_text()
    assert (pathlib.Path(am.__file__).parent / "py.typed").exists()
    for name in am.__all__:
        obj = getattr(am, name)
        if inspect.isclass(obj) or callable(obj):
            assert obj.__doc__, name
        if name not in ("Error", "ScoreError", "ValidationError", "catalog"):
            assert name in stubs, name
        if inspect.isclass(obj) and obj.__module__.startswith("assessment_model._assessment"):
            for attr, member in vars(obj).items():
                if not attr.startswith("_"):
                    assert member.__doc__, f"{name}.{attr}"
                    assert attr in stubs, f"{name}.{attr}"


def test_objects_pickle(scorer):
    import pickle

    worked = catalog.good_practice.worked_example()
    assert pickle.loads(pickle.dumps(worked)) == worked
    assert pickle.loads(pickle.dumps(scorer.framework)) == scorer.framework
    again = pickle.loads(pickle.dumps(scorer))
    assert again.score(worked).total == scorer.score(worked).total
    assert am.Framework.from_dict(scorer.framework.to_dict()) == scorer.framework
    assert am.Framework.from_json(scorer.framework.to_json()) == scorer.framework
    assert am.Assessment.from_dict(worked.to_dict()) == worked
