"""The direct walk of assessment dicts (bindings/python/src/fast.rs)
against the general path (the crate's ``from_deserializer`` over
pythonize, reached alone through ``_assessment_by_serde``): the same
``Assessment`` for every document that parses, the same issues for every
one that does not."""

from __future__ import annotations

import copy
import json
import random

import pytest

import assessment_model as am
from assessment_model import Assessment, Framework, Scorer, ValidationError, catalog
from assessment_model._assessment_model import _assessment_by_serde

from conftest import CONFORMANCE, random_assessment


def _both(document):
    """What the direct walk and the general path give: an assessment or the
    issues, for each."""
    out = []
    for read in (Assessment.from_dict, _assessment_by_serde):
        try:
            out.append(read(copy.deepcopy(document)))
        except ValidationError as e:
            out.append(e.errors())
    return out


def _valid_documents():
    docs = [catalog.good_practice.worked_example().to_dict()]
    for path in sorted((CONFORMANCE / "valid").glob("*.json")):
        docs.append(json.loads(path.read_text())["assessment"])
    rng = random.Random(3)
    gp = catalog.good_practice.criteria()
    docs += [random_assessment(gp, rng, f"s{i}", country="fr") for i in range(20)]
    return docs


EDGES = [
    {"$schema": "x", "framework": {"id": "f", "version": "^1.2"}, "subject": {"name": "S", "kind": "project", "attributes": {"country": "de"}}},
    {"framework": {"id": "f", "version": "1"}, "subject": {"name": "S"}, "ratings": {}},
    {
        "framework": {"id": "f", "version": "=1.0.0"},
        "subject": {"name": "Ünïcödé ✓"},
        "ratings": {
            "a": {"value": {"level": 2}, "note": "n"},
            "b": {"value": {"level": "partly"}},
            "c": {"value": {"number": 3}},
            "d": {"value": {"number": 37.5}},
            "e": {"value": "not_applicable"},
        },
    },
]

# Each differs from a readable document in one place the walk refuses, so
# that the general path decides (an assessment or its issue).
BAD = [
    {"framework": {"id": "f", "version": "1"}, "subject": {"name": "S"}, "ratings": {"a": {"value": True}}},
    {"framework": {"id": "f", "version": "1"}, "subject": {"name": "S"}, "ratings": {"a": {"value": {"level": True}}}},
    {"framework": {"id": "f", "version": "1"}, "subject": {"name": "S"}, "ratings": {"a": {"value": {"level": 2.0}}}},
    {"framework": {"id": "f", "version": "1"}, "subject": {"name": "S"}, "ratings": {"a": {"value": {"level": 2**40}}}},
    {"framework": {"id": "f", "version": "1"}, "subject": {"name": "S"}, "ratings": {"a": {"value": {"number": True}}}},
    {"framework": {"id": "f", "version": "1"}, "subject": {"name": "S"}, "ratings": {"a": {"value": {"number": "1"}}}},
    {"framework": {"id": "f", "version": "1"}, "subject": {"name": "S"}, "ratings": {"a": {"value": {"number": 1, "level": 1}}}},
    {"framework": {"id": "f", "version": "1"}, "subject": {"name": "S"}, "ratings": {"a": {"value": "Met"}}},
    {"framework": {"id": "f", "version": "1"}, "subject": {"name": "S"}, "ratings": {"a": {}}},
    {"framework": {"id": "f", "version": "1"}, "subject": {"name": "S"}, "ratings": {"a": {"value": "met", "extra": 1}}},
    {"framework": {"id": "f", "version": "1"}, "subject": {"name": "S"}, "ratings": {"A b": {"value": "met"}}},
    {"framework": {"id": "f", "version": "1"}, "subject": {"name": "S"}, "ratings": {1: {"value": "met"}}},
    {"framework": {"id": "f", "version": "1"}, "subject": {"name": "S"}, "ratings": {"a": {"value": "met", "note": None}}},
    {"framework": {"id": "f", "version": "1"}, "subject": {"name": "S"}, "ratings": {"a": {"value": "met", "evidence": [{"kind": "document", "description": "d"}]}}},
    {"framework": {"id": "f", "version": "1"}, "subject": {"name": "S"}, "ratings": []},
    {"framework": {"id": "f", "version": "not a version"}, "subject": {"name": "S"}},
    {"framework": {"id": "F", "version": "1"}, "subject": {"name": "S"}},
    {"framework": {"id": "f"}, "subject": {"name": "S"}},
    {"framework": {"id": "f", "version": "1", "x": 1}, "subject": {"name": "S"}},
    {"framework": {"id": "f", "version": "1"}},
    {"framework": {"id": "f", "version": "1"}, "subject": {"name": 1}},
    {"framework": {"id": "f", "version": "1"}, "subject": {"name": "S", "kind": None}},
    {"framework": {"id": "f", "version": "1"}, "subject": {"name": "S", "attributes": {"k": 1}}},
    {"framework": {"id": "f", "version": "1"}, "subject": {"name": "S"}, "narratives": {"a": "n"}},
    {"framework": {"id": "f", "version": "1"}, "subject": {"name": "S"}, "assessors": [{"name": "A"}]},
    {"framework": {"id": "f", "version": "1"}, "subject": {"name": "S"}, "findings": [{"kind": "risk", "text": "t"}]},
    {"framework": {"id": "f", "version": "1"}, "subject": {"name": "S"}, "unknown": 1},
    {"framework": {"id": "f", "version": "1"}, "subject": {"name": "S\ud800"}},
    {"framework": ["f", "1"], "subject": {"name": "S"}},
    [],
    "not json",
]


class Key(str):
    pass


@pytest.mark.parametrize("document", _valid_documents() + EDGES, ids=lambda d: "doc")
def test_the_walk_reads_what_the_general_path_reads(document):
    fast, general = _both(document)
    assert isinstance(general, Assessment)
    assert fast == general
    assert fast.to_json() == general.to_json()


@pytest.mark.parametrize("document", BAD, ids=lambda d: "bad")
def test_the_walk_leaves_the_rest_to_the_general_path(document):
    fast, general = _both(document)
    assert fast == general


def test_a_nan_number_reads_the_same():
    import math

    doc = {"framework": {"id": "f", "version": "1"}, "subject": {"name": "S"}, "ratings": {"f": {"value": {"number": float("nan")}}}}
    for a in _both(doc):
        assert math.isnan(a.to_dict()["ratings"]["f"]["value"]["number"])


class Posing:
    """A key that hashes and compares as the string it poses as."""

    def __init__(self, word):
        self.word = word

    def __hash__(self):
        return hash(self.word)

    def __eq__(self, other):
        return other == self.word


def test_subclasses_and_posing_keys_go_the_general_way():
    base = {"framework": {"id": "f", "version": "1"}, "subject": {"name": "S"}}
    docs = [
        dict(base, ratings={Key("a"): {"value": "met"}}),
        dict(base, ratings={"a": {Key("value"): "met"}}),
        dict(base, ratings={"a": {"value": Key("met")}}),
        dict(base, ratings={"a": {Posing("value"): "met"}}),
        {Posing("framework"): base["framework"], "subject": base["subject"]},
    ]
    for doc in docs:
        fast, general = _both(doc)
        assert fast == general


def test_scoring_a_dict_equals_scoring_its_assessment(scorer, good_practice):
    rng = random.Random(11)
    for i in range(50):
        doc = random_assessment(good_practice, rng, f"s{i}")
        by_dict = scorer.score(doc)
        by_serde = scorer.score(_assessment_by_serde(doc))
        assert by_dict.to_json() == by_serde.to_json()
    # A rating of a criterion the framework lacks: the table has no entry,
    # the id is read, and scoring reports it.
    doc = random_assessment(good_practice, rng, "x")
    doc["ratings"]["no-such-leaf"] = {"value": "met"}
    with pytest.raises(am.ScoreError) as e:
        scorer.score(doc)
    assert [(i["code"], i["path"]) for i in e.value.errors()] == [("unknown-criterion", "/ratings/no-such-leaf")]
