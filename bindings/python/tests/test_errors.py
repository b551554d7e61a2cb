"""Errors: every issue reaches Python with its code, path and severity."""

from __future__ import annotations

import pickle

import pytest

import assessment_model as am
from assessment_model import Framework, ScoreError, Scorer, ValidationError

FIVE = {
    "id": "five", "version": "1.0.0", "title": "Five problems",
    "scales": {
        "tick": {"type": "binary"},
        "grade": {"type": "ordinal", "levels": [
            {"id": "low", "value": 1, "label": "low"},
            {"id": "high", "value": 1, "label": "high"},
        ]},
    },
    "facets": {"who": {"title": "Who", "values": {"staff": {"title": "Staff"}}}},
    "rules": {"bands": [
        {"id": "weak", "label": "weak", "from": 0.0},
        {"id": "strong", "label": "strong", "from": 1.2},
    ]},
    "criteria": [
        {"id": "area-a", "title": "A", "children": [
            {"id": "a-1", "title": "a1", "scale": "tick", "tags": {"who": "staff"}},
            {"id": "a-2", "title": "a2", "scale": "tik"},
        ]},
        {"id": "area-b", "title": "B", "children": [
            {"id": "a-1", "title": "dup", "scale": "grade"},
            {"id": "b-2", "title": "b2", "scale": "tick", "weight": -2.0},
        ]},
    ],
}


def test_five_problems_in_five_places():
    # The same document and the same five issues as Rust's
    # tests/validation.rs `five_problems_in_five_places`.
    framework = Framework.from_dict(FIVE)
    with pytest.raises(ValidationError) as caught:
        framework.validate()
    got = [(e["code"], e["path"]) for e in caught.value.errors()]
    assert got == [
        ("duplicate-level-value", "/scales/grade/levels/1/value"),
        ("threshold-out-of-range", "/rules/bands/1/from"),
        ("unknown-scale", "/criteria/0/children/1/scale"),
        ("duplicate-id", "/criteria/1/children/0/id"),
        ("invalid-weight", "/criteria/1/children/1/weight"),
    ]
    for e in caught.value.errors():
        assert set(e) == {"code", "path", "severity", "message", "type", "loc", "msg"}
        assert e["severity"] == "error"
        assert e["message"]
    assert isinstance(caught.value, ValueError)
    assert caught.value.error_count() == 5
    # Scorer refuses the framework with the same issues.
    with pytest.raises(ValidationError) as again:
        Scorer(framework)
    assert again.value.errors() == caught.value.errors()
    assert [i["code"] for i in framework.issues()] == [c for c, _ in got]


def test_errors_returns_copies():
    with pytest.raises(ValidationError) as caught:
        Framework.from_dict(FIVE).validate()
    caught.value.errors()[0]["code"] = "changed"
    assert caught.value.errors()[0]["code"] == "duplicate-level-value"


def test_parse_errors_carry_their_path():
    text = '{"id": "tiny", "version": "1.0.0", "title": "Tiny", "criteria": [{"id": "a", "titel": "x"}]}'
    with pytest.raises(ValidationError) as caught:
        Framework.from_json(text)
    assert [(e["code"], e["path"]) for e in caught.value.errors()] == [
        ("unknown-field", "/criteria/0/titel")
    ]
    with pytest.raises(ValidationError) as caught:
        Framework.from_dict({"id": "Tiny", "version": "1.0.0", "title": "T", "criteria": []})
    assert [(e["code"], e["path"]) for e in caught.value.errors()] == [("malformed-id", "/id")]
    with pytest.raises(ValidationError) as caught:
        Framework.from_json('{"id": "tiny"} trailing')
    assert caught.value.errors()[0]["code"] == "invalid-document"
    with pytest.raises(ValidationError) as caught:
        am.Assessment.from_dict({"framework": {"id": "x", "version": "1"}, "subject": {}, "ratings": {}})
    assert [(e["code"], e["path"]) for e in caught.value.errors()] == [
        ("invalid-document", "/subject")
    ]


TICK_AND_GRADE = {
    "id": "fw", "version": "1.0.0", "title": "F",
    "scales": {
        "tick": {"type": "binary"},
        "quality": {"type": "ordinal", "levels": [
            {"id": "poor", "value": 0, "label": "poor"},
            {"id": "fair", "value": 1, "label": "fair"},
            {"id": "good", "value": 2, "label": "good"},
        ]},
    },
    "criteria": [
        {"id": "a", "title": "A", "scale": "tick"},
        {"id": "b", "title": "B", "scale": "quality"},
    ],
}


def test_a_dict_with_three_problems_reports_all_three():
    # Issue 25, item 8: a key typo, an unknown criterion and a level off
    # the scale, in one error: the typo does not hide the other two.
    scorer = Scorer(Framework.from_dict(TICK_AND_GRADE))
    assessment = {
        "framework": {"id": "fw", "version": "^1"},
        "subject": {"name": "S"},
        "ratings": {
            "a": {"value": "met", "notse": "x"},
            "zz": {"value": "met"},
            "b": {"value": {"level": 7}},
        },
    }
    for call in (scorer.score, scorer.total, scorer.validate, scorer.priorities):
        with pytest.raises(ValidationError) as caught:
            call(assessment)
        got = sorted((e["code"], e["path"]) for e in caught.value.errors())
        assert got == [
            ("rating-off-scale", "/ratings/b/value"),
            ("unknown-criterion", "/ratings/zz"),
            ("unknown-field", "/ratings/a/notse"),
        ]
        assert caught.value.error_count() == 3


def test_every_problem_of_form_of_a_framework_dict():
    document = dict(TICK_AND_GRADE)
    document["scales"] = {"tick": {"type": "binary", "titel": "Tick"}}
    document["criteria"] = [
        {"id": "a", "title": "A", "scale": "tick", "weight": "heavy"},
        {"id": "B", "title": "B", "scale": "tick"},
    ]
    with pytest.raises(ValidationError) as caught:
        Framework.from_dict(document)
    got = sorted((e["code"], e["path"]) for e in caught.value.errors())
    assert got == [
        ("invalid-document", "/criteria/0/weight"),
        ("malformed-id", "/criteria/1/id"),
        ("unknown-field", "/scales/tick/titel"),
    ]
    # The same from JSON text, in the order of the text.
    import json

    with pytest.raises(ValidationError) as caught:
        Framework.from_json(json.dumps(document))
    assert [(e["code"], e["path"]) for e in caught.value.errors()] == [
        ("unknown-field", "/scales/tick/titel"),
        ("invalid-document", "/criteria/0/weight"),
        ("malformed-id", "/criteria/1/id"),
    ]


def test_score_errors_list_every_problem(scorer):
    assessment = {
        "framework": {"id": "good-practice-criteria", "version": "1.0.0"},
        "subject": {"name": "S"},
        "ratings": {"zzz": {"value": "met"}, "q1": {"value": "met"}, "q1-1": {"value": {"number": 3}}},
    }
    with pytest.raises(ScoreError) as caught:
        scorer.score(assessment)
    got = sorted((e["code"], e["path"]) for e in caught.value.errors())
    assert got == [
        ("rating-off-scale", "/ratings/q1-1/value"),
        ("rating-on-group", "/ratings/q1"),
        ("unknown-criterion", "/ratings/zzz"),
    ]
    with pytest.raises(ScoreError):
        scorer.validate(assessment)
    with pytest.raises(ScoreError):
        scorer.priorities(assessment)
    assert "3 issues" in str(caught.value)


def test_wrong_types_are_python_errors_not_panics(scorer):
    with pytest.raises(ValidationError):
        Framework.from_dict([1, 2, 3])
    with pytest.raises(ValidationError):
        Framework.from_dict({"id": float("nan")})
    with pytest.raises(ValidationError):
        scorer.score(42)
    with pytest.raises(TypeError):
        Scorer("not a framework")


def test_errors_pickle():
    with pytest.raises(ValidationError) as caught:
        Framework.from_dict(FIVE).validate()
    back = pickle.loads(pickle.dumps(caught.value))
    assert type(back) is ValidationError
    assert back.errors() == caught.value.errors()
