"""Explanations (the crate's SPEC §3.14): `Report.explain(id)` and
`Report.explain_total()`, with values computed by hand."""

from __future__ import annotations

import pickle

import pytest

from assessment_model import Explanation, Framework, Localization, Localized, Scorer, ValidationError

# A group of a binary leaf and an ordinal one (levels 1-4), an unscored
# leaf beside them; a top-level leaf of weight 2 that is not rated.
SUSTAINABILITY = {
    "id": "example",
    "version": "1.0.0",
    "title": "Example",
    "scales": {
        "met": {"type": "binary"},
        "stage": {
            "type": "ordinal",
            "levels": [
                {"id": "none", "value": 1, "label": "nothing yet"},
                {"id": "planned", "value": 2, "label": "planned"},
                {"id": "started", "value": 3, "label": "started"},
                {"id": "secured", "value": 4, "label": "secured"},
            ],
        },
    },
    "criteria": [
        {
            "id": "sustainability",
            "title": "Sustainability",
            "children": [
                {"id": "q9", "title": "Funding beyond the project", "scale": "met"},
                {"id": "q10", "title": "Partners for afterwards", "scale": "stage"},
                {"id": "q11", "title": "Self-financing", "scale": "met", "scored": False},
            ],
        },
        {"id": "q12", "title": "Monitoring", "scale": "met", "weight": 2},
    ],
}

ASSESSMENT = {
    "framework": {"id": "example", "version": "=1.0.0"},
    "subject": {"name": "A local project"},
    "ratings": {
        "q9": {"value": "met"},
        "q10": {"value": {"level": 2}},
        "q11": {"value": "not_met"},
    },
}


@pytest.fixture(scope="module")
def report():
    return Scorer(Framework.from_dict(SUSTAINABILITY)).score(ASSESSMENT)


def test_a_group_explained(report):
    why = report.explain("sustainability")
    assert isinstance(why, Explanation)
    # (1 + 1/3) / 2 = 2/3; contributions 1/2 and 1/6.
    assert str(why) == (
        "Sustainability 0.667 = weighted mean of q9 1.000 (w 1) and q10 0.333 (w 1); "
        "left out: q11 (unscored)"
    )
    assert (why.criterion, why.title, why.method) == ("sustainability", "Sustainability", "weighted_mean")
    assert why.score == report.node("sustainability")["score"] == (1 + 1 / 3) / 2
    assert why.included == [
        {"criterion": "q9", "weight": 1.0, "score": 1.0, "contribution": 0.5},
        {"criterion": "q10", "weight": 1.0, "score": 1 / 3, "contribution": 1 / 6},
    ]
    assert why.left_out == [{"criterion": "q11", "reason": "unscored", "score": 0.0}]
    assert repr(why) == "Explanation(criterion=sustainability, score=0.6666666666666666)"


def test_the_total_and_a_leaf_explained(report):
    total = report.explain_total()
    assert total.criterion is None
    assert total.score == report.total["score"] == 2 / 3
    assert str(total) == (
        "Example 0.667 = weighted mean of sustainability 0.667 (w 1); left out: q12 (not rated)"
    )
    leaf = report.explain("q10")
    assert str(leaf) == "Partners for afterwards 0.333 = rating level 2"
    assert leaf.to_dict() == {
        "criterion": "q10",
        "title": "Partners for afterwards",
        "rating": {"level": 2},
        "score": 1 / 3,
        "coverage": 1.0,
    }
    assert report.explain("zzz") is None


def test_an_explanation_reads_back_and_pickles(report):
    why = report.explain("sustainability")
    assert Explanation.from_json(why.to_json()) == why
    assert Explanation.from_dict(why.to_dict()) == why
    assert pickle.loads(pickle.dumps(why)) == why
    with pytest.raises(ValidationError) as e:
        Explanation.from_dict({"title": "T", "scroe": 1.0})
    assert e.value.errors()[0]["code"] == "unknown-field"


def test_the_localized_line(report):
    framework = Framework.from_dict(SUSTAINABILITY)
    de = Localization.from_dict(
        {
            "id": "example-de",
            "framework": {"id": "example", "version": "^1"},
            "language": "de",
            "criteria": {"sustainability": {"title": "Nachhaltigkeit"}},
        }
    )
    texts = Localized(framework, [de], "de")
    assert report.explain("sustainability").display_in(texts) == (
        "Nachhaltigkeit 0.667 = weighted mean of q9 1.000 (w 1) and q10 0.333 (w 1); "
        "left out: q11 (unscored)"
    )
    assert report.explain_total().display_in(texts).startswith("Example [en] 0.667 = ")
