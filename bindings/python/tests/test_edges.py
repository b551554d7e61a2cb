"""Issue 25, the Python items: a DataFrame read by its labels, ratings
that are real numbers only, documents that are not JSON-shaped refused
with a path, pydantic-style error entries, and reports and cohorts that
pickle."""

from __future__ import annotations

import json
import pickle
import random
import subprocess
import sys
import textwrap

import numpy as np
import pytest

from assessment_model import (
    NOT_APPLICABLE,
    Cohort,
    Framework,
    Report,
    ScoreError,
    Scorer,
    Uncertainty,
    ValidationError,
    catalog,
)
from conftest import random_assessment
from test_batch import MIXED, random_rows, same_bits

pd = pytest.importorskip("pandas")


def codes_and_paths(caught):
    return [(e["code"], e["path"]) for e in caught.value.errors()]


# ----- 1. a DataFrame is matched by its column labels -----


def test_a_data_frame_is_read_by_its_labels():
    scorer = Scorer(Framework.from_dict(MIXED))
    leaves = scorer.leaf_ids()  # t1, o1, n1, t2, n2
    # As in test_batch: t1 met, o1 level 2, n1 = 2, t2 met, n2 not
    # applicable give (2·5/8 + 1/2 + 1) / 4 = 11/16.
    row = [1.0, 2.0, 2.0, 1.0, NOT_APPLICABLE]
    canonical = pd.DataFrame([row], columns=leaves)
    reordered = canonical[["n2", "t2", "n1", "o1", "t1"]]
    assert scorer.totals(canonical).tolist() == [11 / 16]
    # Read by position, the reordered row would put 1.0 (n2's -inf aside)
    # under other leaves; read by label it is the same assessment.
    assert scorer.totals(reordered).tolist() == [11 / 16]


def test_permuted_columns_give_the_same_bits(scorer):
    rows = random_rows(scorer.framework, 200, random.Random(21))
    leaves = scorer.leaf_ids()
    frame = pd.DataFrame(rows, columns=leaves, index=[f"p{i}" for i in range(200)])
    order = list(leaves)
    random.Random(3).shuffle(order)
    shuffled = frame[order]
    expected = scorer.totals(rows)
    assert same_bits(scorer.totals(frame), expected)
    assert same_bits(scorer.totals(shuffled), expected)
    assert same_bits(scorer.totals(shuffled, threads=3), expected)
    # A bare array stays positional: the shuffled columns' values, read by
    # position, are other ratings.
    assert not same_bits(scorer.totals(shuffled.to_numpy()), expected)
    # The helper gives the array in leaf order, and the frame's index.
    from assessment_model.tables import wide_ratings_array

    index, array = wide_ratings_array(shuffled, scorer)
    assert list(index) == list(frame.index)
    assert array.flags["C_CONTIGUOUS"] and same_bits(array, rows)


def test_unknown_group_repeated_and_missing_columns_are_named(scorer):
    leaves = scorer.leaf_ids()
    columns = list(leaves)
    columns[0] = "zzz"                     # q1-1 is missing, zzz unknown
    columns[1] = "effectiveness"           # a group: q1-2 is missing
    columns[5] = "q2-1"                    # q2-1 twice: q2-2 is missing
    frame = pd.DataFrame(np.ones((2, 36)), columns=columns)
    from assessment_model.tables import wide_ratings_array

    for call in (lambda: scorer.totals(frame), lambda: wide_ratings_array(frame, scorer)):
        with pytest.raises(ValidationError) as caught:
            call()
        assert codes_and_paths(caught) == [
            ("unknown-criterion", "/columns/zzz"),
            ("rating-on-group", "/columns/effectiveness"),
            ("duplicate-id", "/columns/q2-1"),
            ("missing-rating", "/columns/q1-1"),
            ("missing-rating", "/columns/q1-2"),
            ("missing-rating", "/columns/q2-2"),
        ]
        messages = [e["message"] for e in caught.value.errors()]
        assert messages[0] == "the framework has no criterion `zzz` (column 0)"
        assert messages[2] == "column `q2-1` is given twice (columns 4 and 5)"
    # A frame made from an array without labels has none of the leaves.
    with pytest.raises(ValidationError) as caught:
        scorer.totals(pd.DataFrame(np.ones((1, 36))))
    errors = caught.value.errors()
    assert len(errors) == 72
    assert (errors[0]["code"], errors[0]["path"], errors[0]["loc"]) == (
        "unknown-criterion", "/columns/0", ("columns", 0))
    # A label with "/" or "~" is escaped in the path, plain in `loc`.
    with pytest.raises(ValidationError) as caught:
        scorer.totals(pd.DataFrame(np.ones((1, 37)), columns=leaves + ["a/b~c"]))
    assert codes_and_paths(caught) == [("unknown-criterion", "/columns/a~1b~0c")]
    assert caught.value.errors()[0]["loc"] == ("columns", "a/b~c")


def test_an_off_scale_value_in_a_data_frame_names_its_column():
    scorer = Scorer(Framework.from_dict(MIXED))
    frame = pd.DataFrame(
        [[NOT_APPLICABLE, 1.0, 2.0, 2.0, 1.0], [0.0, 1.0, 8.0, 0.5, 1.0]],
        columns=["n2", "t2", "n1", "o1", "t1"],
    )
    with pytest.raises(ScoreError) as caught:
        scorer.totals(frame)
    # Row 1: n1 = 8 is above the range [-3, 7], o1 = 0.5 is not a level.
    assert codes_and_paths(caught) == [
        ("rating-off-scale", "/1/o1"),
        ("rating-off-scale", "/1/n1"),
    ]
    assert "at /1/o1:" in str(caught.value)


def test_the_long_table_raises_validation_errors_with_codes(scorer):
    from assessment_model.tables import ratings_array

    frame = pd.DataFrame({
        "assessment": ["x", "x", "y", "x", "y"],
        "leaf": ["q1-1", "nope", "effectiveness", "q1-1", "q2-1"],
        "value": [1.0, 0.0, 1.0, 0.0, 1.0],
    })
    with pytest.raises(ValidationError) as caught:
        ratings_array(frame, scorer)
    assert codes_and_paths(caught) == [
        ("unknown-criterion", "/1/leaf"),
        ("rating-on-group", "/2/leaf"),
        ("duplicate-id", "/3/leaf"),
    ]
    assert [e["loc"] for e in caught.value.errors()] == [(1, "leaf"), (2, "leaf"), (3, "leaf")]
    # A ValidationError is still a ValueError, as the plain error was.
    assert isinstance(caught.value, ValueError)
    text = pd.DataFrame({"assessment": ["x"], "leaf": ["q1-1"], "value": ["1"]})
    with pytest.raises(ValidationError) as caught:
        ratings_array(text, scorer)
    assert codes_and_paths(caught) == [("invalid-document", "/columns/value")]


# ----- 2. only real numbers are ratings -----


@pytest.mark.parametrize(
    "ratings, dtype",
    [
        (np.zeros((1, 36)) + 5j, "complex128"),
        (np.full((1, 36), "1"), "<U1"),
        (np.full((1, 36), 1.0, dtype=object), "object"),
        ([["1"] * 36], "<U1"),
        (np.zeros((1, 36), dtype="datetime64[s]"), "datetime64[s]"),
    ],
)
def test_ratings_that_are_not_real_numbers_are_refused(scorer, ratings, dtype):
    with pytest.raises(ValidationError) as caught:
        scorer.totals(ratings)
    assert codes_and_paths(caught) == [("invalid-document", "")]
    assert caught.value.errors()[0]["message"] == (
        f"an array of dtype {dtype}: ratings are real numbers (a float, int or bool dtype)"
    )


def test_real_dtypes_are_ratings(scorer):
    # Every leaf met: 1; none: 0 (every good-practice leaf is binary).
    for dtype in (np.float32, np.int8, np.uint16, np.int64, bool):
        assert scorer.totals(np.ones((2, 36), dtype=dtype)).tolist() == [1.0, 1.0]
        assert scorer.totals(np.zeros((1, 36), dtype=dtype)).tolist() == [0.0]
    leaves = scorer.leaf_ids()
    # pandas' nullable integers: a missing value is no rating. q1-1
    # unrated and every other leaf met is 1.
    frame = pd.DataFrame({leaf: pd.array([1], dtype="Int64") for leaf in leaves})
    frame["q1-1"] = pd.array([pd.NA], dtype="Int64")
    assert scorer.totals(frame).tolist() == [1.0]
    frame["q1-2"] = ["1"]
    with pytest.raises(ValidationError) as caught:
        scorer.totals(frame)
    assert codes_and_paths(caught) == [("invalid-document", "/columns/q1-2")]


# ----- 3. documents that are not JSON-shaped -----


def test_an_uncertainty_spec_that_is_not_json_is_a_validation_error(scorer):
    cycle = {"criteria": {}}
    cycle["criteria"]["q1-1"] = cycle
    deep: list = []
    tip = deep
    for _ in range(10_000):
        tip.append([])
        tip = tip[0]
    cases = [
        ({"levels": {1: b"0.5"}}, "invalid-document", "/levels/1", "bytes"),
        ({"methods": {"minimum"}}, "invalid-document", "/methods", "a set"),
        (cycle, "invalid-document", "/criteria/q1-1", "reference cycle"),
        ({"methods": deep}, "invalid-document", "/methods" + "/0" * 126, "more than 127 deep"),
        ({"levels": {1: 0.1, "1": 0.2}}, "duplicate-id", "/levels/1", "`1`"),
        ({"levels": {(1, 2): 0.1}}, "invalid-document", "/levels", "key of type `tuple`"),
    ]
    for spec, code, path, words in cases:
        with pytest.raises(ValidationError) as caught:
            Uncertainty(scorer, spec)
        assert codes_and_paths(caught) == [(code, path)]
        assert words in caught.value.errors()[0]["message"]


def test_numpy_numbers_in_a_spec_read_as_numbers(scorer):
    spec = {"levels": {1: np.float32(0.25)}, "method_levels": [np.int64(1)]}
    assert Uncertainty(scorer, spec).spec == {"levels": {1: 0.25}, "method_levels": [1]}


def test_a_framework_dict_nests_as_deep_as_its_json_text():
    tick = {"tick": {"type": "binary"}}

    def chain(depth):
        node = {"id": "leaf", "title": "l", "scale": "tick"}
        for i in range(depth - 1, 0, -1):
            node = {"id": f"n{i}", "title": "g", "children": [node]}
        return {"id": "deep", "version": "1.0.0", "title": "Deep", "scales": tick, "criteria": [node]}

    # 63 criteria are 127 levels of JSON: read (and too deep to validate).
    assert Framework.from_dict(chain(63)) == Framework.from_json(json.dumps(chain(63)))
    # 64 are 129: refused at the same place either way.
    with pytest.raises(ValidationError) as from_dict:
        Framework.from_dict(chain(64))
    with pytest.raises(ValidationError) as from_text:
        Framework.from_json(json.dumps(chain(64)))
    expected = "/criteria/0" + "/children/0" * 62 + "/children"
    assert codes_and_paths(from_dict) == codes_and_paths(from_text) == [("invalid-document", expected)]


def test_a_set_in_a_framework_is_refused_where_it_is():
    with pytest.raises(ValidationError) as caught:
        Framework.from_dict({"id": "a", "version": "1.0.0", "title": "A",
                             "criteria": [{"id": "b", "title": "B", "children": {1}}]})
    assert codes_and_paths(caught) == [("invalid-document", "/criteria/0/children")]


@pytest.mark.parametrize("shape", ["cycle", "deep"])
def test_a_cyclic_or_deep_framework_dict_does_not_crash(shape):
    # Before, both overflowed the stack and killed the interpreter, so the
    # call runs in a child process.
    script = textwrap.dedent(f"""
        from assessment_model import Framework, ValidationError
        head = {{"id": "a", "version": "1.0.0", "title": "A", "scales": {{"t": {{"type": "binary"}}}}}}
        if {shape!r} == "cycle":
            node = {{"id": "b", "title": "B", "children": []}}
            node["children"].append(node)
        else:
            node = {{"id": "leaf", "title": "l", "scale": "t"}}
            for _ in range(10_000):
                node = {{"id": "g", "title": "g", "children": [node]}}
        try:
            Framework.from_dict({{**head, "criteria": [node]}})
        except ValidationError as e:
            [issue] = e.errors()
            print(issue["code"], issue["path"], issue["message"])
    """)
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    code, path, message = run.stdout.strip().split(" ", 2)
    assert code == "invalid-document"
    if shape == "cycle":
        assert path == "/criteria/0/children/0"
        assert message == (
            "invalid document: a reference cycle: this value is the one at /criteria/0, which contains it"
        )
    else:
        assert path == "/criteria/0" + "/children/0" * 62 + "/children"


# ----- 4. errors read like pydantic's; reports and cohorts pickle -----


def test_error_entries_carry_pydantic_keys():
    from test_errors import FIVE

    with pytest.raises(ValidationError) as caught:
        Framework.from_dict(FIVE).validate()
    entries = caught.value.errors()
    assert [(e["type"], e["loc"]) for e in entries] == [
        ("duplicate-level-value", ("scales", "grade", "levels", 1, "value")),
        ("threshold-out-of-range", ("rules", "bands", 1, "from")),
        ("unknown-scale", ("criteria", 0, "children", 1, "scale")),
        ("duplicate-id", ("criteria", 1, "children", 0, "id")),
        ("invalid-weight", ("criteria", 1, "children", 1, "weight")),
    ]
    for e in entries:
        assert set(e) == {"code", "path", "severity", "message", "type", "loc", "msg"}
        assert e["type"] == e["code"] and e["msg"] == e["message"]
    # The pointer's escapes are undone in `loc`; the root is ().
    with pytest.raises(ValidationError) as caught:
        Framework.from_dict({"id": "a", "version": "1.0.0", "title": "A", "criteria": [], "x/y~z": 1})
    [entry] = caught.value.errors()
    assert (entry["type"], entry["path"], entry["loc"]) == ("unknown-field", "/x~1y~0z", ("x/y~z",))
    with pytest.raises(ValidationError) as caught:
        Framework.from_dict([1, 2])
    assert caught.value.errors()[0]["loc"] == ()
    # A pickled error keeps them.
    back = pickle.loads(pickle.dumps(caught.value))
    assert back.errors() == caught.value.errors()


def test_a_report_pickles_and_reads_back(scorer):
    report = scorer.score(catalog.good_practice.worked_example())
    back = pickle.loads(pickle.dumps(report))
    assert type(back) is Report
    assert back.to_json() == report.to_json()
    assert back.total == {"score": report.total["score"], "coverage": 1.0, "band": None}
    assert round(back.total["score"], 4) == 0.8611
    assert str(back) == str(report)
    assert Report.from_dict(scorer, report.to_dict()).to_json() == report.to_json()
    # Read back only when it is what scoring gives.
    altered = report.to_dict()
    altered["total"]["score"] = 0.5
    with pytest.raises(ValidationError) as caught:
        Report.from_dict(scorer, altered)
    assert codes_and_paths(caught) == [("invalid-report", "/total/score")]
    other = Scorer(Framework.from_dict(MIXED))
    with pytest.raises(ValidationError) as caught:
        Report.from_json(other, report.to_json())
    assert codes_and_paths(caught) == [("framework-mismatch", "/framework")]


def test_a_cohort_pickles_with_its_grouping(good_practice, scorer):
    rng = random.Random(17)
    cohort = Cohort(scorer, grouping="country")
    for i, country in enumerate(["AT", "DE", "AT", None]):
        cohort.push_assessment(random_assessment(good_practice, rng, f"s{i}", country))
    back = pickle.loads(pickle.dumps(cohort))
    assert type(back) is Cohort
    assert back.members == 4
    assert back.state() == cohort.state()
    assert back.stats() == cohort.stats()
    assert back.stats_by("country") == cohort.stats_by("country")
    assert sorted(back.stats_by("country")) == ["AT", "DE", "unspecified"]
    # It goes on as the original does.
    extra = random_assessment(good_practice, rng, "s4", "DE")
    cohort.push_assessment(extra)
    back.push_assessment(extra)
    assert back.state() == cohort.state()
    # Empty and ungrouped, too.
    empty = pickle.loads(pickle.dumps(Cohort(scorer)))
    assert empty.members == 0 and empty.stats_by("country") is None


# ----- 4. an action's expected gain is a finite number -----


@pytest.mark.parametrize("gain", [float("nan"), float("inf"), float("-inf")])
def test_an_expected_gain_that_is_not_finite_is_refused(gain):
    from assessment_model import ActionPlan

    document = {
        "subject": {"name": "P"},
        "framework": {"id": "tiny", "version": "^1"},
        "actions": [
            {
                "id": "fix-c",
                "title": "Fix Gamma",
                "criteria": ["c"],
                "owner": {"organisation": "Afpa"},
                "due": "2027-03-31",
                "status": "planned",
                "expected_gain": gain,
            }
        ],
    }
    with pytest.raises(ValidationError) as caught:
        ActionPlan.from_dict(document)
    assert codes_and_paths(caught) == [("invalid-document", "/actions/0/expected_gain")]
    document["actions"][0]["expected_gain"] = 0.25
    plan = ActionPlan.from_dict(document)
    assert ActionPlan.from_json(plan.to_json()) == plan
