"""Cohorts: built in one process or merged from partitions, the same."""

from __future__ import annotations

import json
import pickle
import random

import pytest

from assessment_model import Cohort, Framework, ScoreError, Scorer, ValidationError

from conftest import random_assessment

CLOSE = ("mean", "std_dev", "mean_in_units")


def assert_equivalent(a, b):
    """As tests/cohort.rs `assert_equivalent`: counts, medians, ranges and
    distributions equal; means and deviations within 1e-12 (merging sums
    in another order)."""
    assert a["members"] == b["members"]
    pairs = [(a["total"], b["total"])] + [
        (a["nodes"][k], b["nodes"][k]) for k in a["nodes"]
    ]
    assert list(a["nodes"]) == list(b["nodes"])
    for x, y in pairs:
        for key in x:
            if key in CLOSE and x[key] is not None and y[key] is not None:
                assert abs(x[key] - y[key]) < 1e-12, key
            else:
                assert x[key] == y[key], key


def test_merged_partitions_equal_one_cohort(scorer, good_practice):
    rng = random.Random(17)
    docs = [random_assessment(good_practice, rng, f"s{i}", rng.choice("ABC")) for i in range(300)]
    whole = Cohort(scorer, grouping="country")
    for d in docs:
        whole.push(scorer.score(d))
    partitions = []
    for start in range(0, len(docs), 70):
        part = Cohort(scorer, grouping="country")
        for d in docs[start:start + 70]:
            part.push_assessment(d)
        # Each partition travels as its state, as between processes.
        state = json.loads(json.dumps(part.state()))
        partitions.append(Cohort.from_state(scorer, pickle.loads(pickle.dumps(state))))
    merged = partitions[0]
    for p in partitions[1:]:
        merged.merge(p)
    assert merged.members == whole.members == 300
    assert_equivalent(merged.stats(), whole.stats())
    by_merged, by_whole = merged.stats_by("country"), whole.stats_by("country")
    assert sorted(by_merged) == sorted(by_whole) == ["A", "B", "C"]
    for k in by_whole:
        assert_equivalent(by_merged[k], by_whole[k])
    assert whole.stats_by("region") is None


def test_stats_are_plain_and_computed(scorer, good_practice):
    rng = random.Random(3)
    docs = [random_assessment(good_practice, rng, f"s{i}") for i in range(20)]
    cohort = Cohort(scorer)
    totals = []
    for d in docs:
        cohort.push_assessment(d)
        totals.append(scorer.total(d))
    stats = cohort.stats()
    scored = [t for t in totals if t is not None]
    assert stats["members"] == 20
    assert stats["total"]["scored"] == len(scored)
    assert abs(stats["total"]["mean"] - sum(scored) / len(scored)) < 1e-12
    assert stats["total"]["min"] == min(scored) and stats["total"]["max"] == max(scored)
    json.dumps(stats)  # plain: dicts, lists, floats, ints, None
    assert len(cohort.weakest(3)) == 3
    assert isinstance(cohort.common_risks(0.5), list)


def test_cohort_codes_reach_python(scorer, good_practice):
    cohort = Cohort(scorer)
    cohort.push_assessment(random_assessment(good_practice, random.Random(1), "s"))
    state = cohort.state()
    state["all"]["nodes"].pop()  # one node fewer than the framework has
    with pytest.raises(ValidationError) as caught:
        Cohort.from_state(scorer, state)
    assert [(e["code"], e["path"]) for e in caught.value.errors()] == [("invalid-state", "/all")]
    with pytest.raises(ScoreError) as caught:
        cohort.merge(Cohort(scorer, grouping="country"))
    assert [e["code"] for e in caught.value.errors()] == ["grouping-mismatch"]
    other = Framework.from_dict(
        {
            # The same id and version, another tree: a report that does not fit.
            "id": "good-practice-criteria", "version": "1.0.0", "title": "Other",
            "scales": {"tick": {"type": "binary"}},
            "criteria": [{"id": "a", "title": "A", "scale": "tick"}],
        }
    )
    report = Scorer(other).score(
        {"framework": {"id": "good-practice-criteria", "version": "1.0.0"}, "subject": {"name": "x"},
         "ratings": {"a": {"value": "met"}}}
    )
    with pytest.raises(ScoreError) as caught:
        cohort.push(report)
    assert "invalid-report" in [e["code"] for e in caught.value.errors()]
    assert cohort.members == 1
