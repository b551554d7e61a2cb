"""The batch path: `Scorer.totals` over a 2-D array equals scoring each
row's assessment, bit for bit."""

from __future__ import annotations

import concurrent.futures
import math
import random

import numpy as np
import pytest

from assessment_model import NOT_APPLICABLE, Framework, ScoreError, Scorer, ValidationError

MIXED = {
    "id": "mixed", "version": "1.0.0", "title": "Mixed scales",
    "scales": {
        "tick": {"type": "binary"},
        "grade": {"type": "ordinal", "levels": [
            {"id": "poor", "value": -1, "label": "poor"},
            {"id": "fair", "value": 2, "label": "fair"},
            {"id": "good", "value": 5, "label": "good"},
        ]},
        "delay": {"type": "numeric", "min": -3.0, "max": 7.0, "direction": "lower_is_better"},
    },
    "criteria": [
        {"id": "g", "title": "G", "weight": 2.0, "children": [
            {"id": "t1", "title": "t1", "scale": "tick"},
            {"id": "o1", "title": "o1", "scale": "grade", "weight": 3.0},
        ]},
        {"id": "n1", "title": "n1", "scale": "delay"},
        {"id": "h", "title": "H", "aggregation": "geometric_mean", "children": [
            {"id": "t2", "title": "t2", "scale": "tick"},
            {"id": "n2", "title": "n2", "scale": "delay", "weight": 0.5},
        ]},
    ],
}


def assessment_of(scorer, row, framework):
    """The assessment a row stands for, written as a user would."""
    scales = {c: s for c, s in leaf_scales(framework).items()}
    ratings = {}
    for leaf, x in zip(scorer.leaf_ids(), row):
        if math.isnan(x):
            continue
        if x == NOT_APPLICABLE:
            value = "not_applicable"
        elif scales[leaf] == "binary":
            value = "met" if x == 1.0 else "not_met"
        elif scales[leaf] == "ordinal":
            value = {"level": int(x)}
        else:
            value = {"number": float(x)}
        ratings[leaf] = {"value": value}
    return {
        "framework": {"id": framework.id, "version": framework.version},
        "subject": {"name": "row"},
        "ratings": ratings,
    }


def leaf_scales(framework):
    doc = framework.to_dict()
    out = {}

    def walk(nodes):
        for n in nodes:
            if "children" in n:
                walk(n["children"])
            else:
                out[n["id"]] = doc["scales"][n["scale"]]["type"]

    walk(doc["criteria"])
    return out


def same_bits(a, b):
    a, b = np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64)
    return a.shape == b.shape and a.tobytes() == b.tobytes()


def random_rows(framework, n, rng):
    kinds = [leaf_scales(framework)[leaf] for leaf in framework.leaf_ids()]
    choices = {
        "binary": [0.0, 1.0],
        "ordinal": [-1.0, 2.0, 5.0],
        "numeric": [-3.0, -1.0, 0.0, 0.1, 2.5, 7.0],
    }
    rows = np.empty((n, len(kinds)))
    for i in range(n):
        for j, kind in enumerate(kinds):
            pick = rng.random()
            if pick < 0.1:
                rows[i, j] = np.nan
            elif pick < 0.17:
                rows[i, j] = NOT_APPLICABLE
            else:
                rows[i, j] = rng.choice(choices[kind])
    return rows


@pytest.mark.parametrize("which", ["good-practice", "mixed"])
def test_totals_equal_score_bit_for_bit(which, good_practice):
    framework = good_practice if which == "good-practice" else Framework.from_dict(MIXED)
    scorer = Scorer(framework)
    rows = random_rows(framework, 400, random.Random(5))
    rows[0, :] = np.nan  # nothing rated: qualitative, no total
    rows[1, :] = NOT_APPLICABLE
    totals = scorer.totals(rows)
    assert totals.dtype == np.float64 and totals.shape == (400,)
    expected = []
    for row in rows:
        score = scorer.score(assessment_of(scorer, row, framework)).total["score"]
        expected.append(np.nan if score is None else score)
    assert same_bits(totals, expected)
    assert math.isnan(totals[0]) and math.isnan(totals[1])
    assert not np.isnan(totals[2:]).all()


def test_raw_values_are_normalised_as_the_scales_say():
    scorer = Scorer(Framework.from_dict(MIXED))
    assert scorer.leaf_ids() == ["t1", "o1", "n1", "t2", "n2"]
    # t1 met (1), o1 "fair" ((2 - -1) / 6 = 1/2), so g = (1 + 3/2) / 4 = 5/8;
    # n1 = (7 - 2) / 10 = 1/2 (lower is better); h = t2 alone (n2 not
    # applicable) = 1; the total (2·5/8 + 1/2 + 1) / 4 = 11/16.
    row = [1.0, 2.0, 2.0, 1.0, NOT_APPLICABLE]
    assert scorer.totals(np.array([row])).tolist() == [11 / 16]


def test_off_scale_values_raise_with_row_and_column():
    scorer = Scorer(Framework.from_dict(MIXED))
    rows = np.array([
        [1.0, 2.0, 2.0, 1.0, 0.0],
        [0.5, 3.0, 2.0, 1.0, 0.0],   # not binary, not a level
        [1.0, 2.0, 8.0, 1.0, np.inf],  # above the range, infinite
    ])
    with pytest.raises(ScoreError) as caught:
        scorer.totals(rows)
    got = [(e["code"], e["path"]) for e in caught.value.errors()]
    assert got == [
        ("rating-off-scale", "/1/0"),
        ("rating-off-scale", "/1/1"),
        ("rating-off-scale", "/2/2"),
        ("rating-off-scale", "/2/4"),
    ]


def test_shape_and_code_are_checked(scorer):
    with pytest.raises(ValueError, match="36 leaves"):
        scorer.totals(np.zeros((3, 35)))
    with pytest.raises(ValueError, match="NaN"):
        scorer.totals(np.zeros((3, 36)), not_applicable=float("nan"))
    # 1.0 is "met" on a binary leaf: not a usable code.
    with pytest.raises(ValueError, match="is a rating of leaf"):
        scorer.totals(np.zeros((3, 36)), not_applicable=1.0)
    # Any code no leaf admits will do, -1.0 on a binary framework.
    ones = np.ones((2, 36))
    ones[0, 0] = -1.0
    assert scorer.totals(ones, not_applicable=-1.0).tolist() == scorer.totals(
        np.where(ones == -1.0, NOT_APPLICABLE, ones)
    ).tolist()
    # Lists and other dtypes are converted; an empty array gives an empty result.
    assert scorer.totals([[1] * 36]).tolist() == [1.0]
    assert scorer.totals(np.zeros((0, 36))).shape == (0,)
    # A Fortran-ordered or strided view reads the same values.
    rows = random_rows(scorer.framework, 50, random.Random(9))
    assert same_bits(scorer.totals(np.asfortranarray(rows)), scorer.totals(rows))
    assert same_bits(scorer.totals(rows[::2]), scorer.totals(rows)[::2])


@pytest.mark.parametrize("threads", [1, 2, 3, 7, 400, 1000])
def test_totals_on_several_threads_are_those_on_one(threads, good_practice):
    scorer = Scorer(good_practice)
    rows = random_rows(good_practice, 400, random.Random(9))
    assert same_bits(scorer.totals(rows, threads=threads), scorer.totals(rows, threads=1))
    # Off-scale values in the first and the last row: each issue's row is
    # its row in the whole array, in row order, however the rows are split.
    rows[0, 3] = 0.5
    rows[399, 35] = 2.0
    with pytest.raises(ScoreError) as caught:
        scorer.totals(rows, threads=threads)
    assert [e["path"] for e in caught.value.errors()] == ["/0/3", "/399/35"]


def test_threads_must_be_positive(scorer):
    with pytest.raises(ValueError):
        scorer.totals(np.zeros((3, 36)), threads=0)


def test_threads_share_a_scorer(scorer):
    rows = random_rows(scorer.framework, 2000, random.Random(11))
    alone = scorer.totals(rows)
    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        results = list(pool.map(lambda _: scorer.totals(rows), range(8)))
    for r in results:
        assert same_bits(r, alone)


def test_long_table_to_array(scorer):
    pd = pytest.importorskip("pandas")
    from assessment_model.tables import ratings_array

    rows = random_rows(scorer.framework, 30, random.Random(13))
    records = [
        (f"a{i}", leaf, x)
        for i, row in enumerate(rows)
        for leaf, x in zip(scorer.leaf_ids(), row)
        if not math.isnan(x)
    ]
    frame = pd.DataFrame(records, columns=["assessment", "leaf", "value"]).sample(frac=1, random_state=1)
    index, array = ratings_array(frame, scorer)
    order = [int(k[1:]) for k in index]
    assert same_bits(scorer.totals(array), scorer.totals(rows)[order])
    # An unknown leaf and a repeated pair: ValidationError (a ValueError)
    # with the crate's codes; test_edges.py has the rest.
    with pytest.raises(ValidationError) as caught:
        ratings_array(pd.DataFrame({"assessment": ["x"], "leaf": ["nope"], "value": [1.0]}), scorer)
    assert [(e["code"], e["path"]) for e in caught.value.errors()] == [("unknown-criterion", "/0/leaf")]
    with pytest.raises(ValidationError, match="twice"):
        ratings_array(pd.DataFrame({"assessment": ["x", "x"], "leaf": ["q1-1"] * 2, "value": [1.0, 0.0]}), scorer)
