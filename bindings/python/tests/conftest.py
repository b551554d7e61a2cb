"""Shared fixtures and helpers of the Python suite."""

from __future__ import annotations

import pathlib
import random

import pytest

from assessment_model import Scorer, catalog

ROOT = pathlib.Path(__file__).resolve().parents[3]
CONFORMANCE = ROOT / "tests" / "conformance"


@pytest.fixture(scope="session")
def good_practice():
    return catalog.good_practice.criteria()


@pytest.fixture(scope="session")
def scorer(good_practice):
    return Scorer(good_practice)


def random_assessment(framework, rng: random.Random, subject: str, country: str | None = None):
    """An assessment dict of a binary framework: each leaf met, not met,
    not applicable or unrated, at random."""
    ratings = {}
    for leaf in framework.leaf_ids():
        pick = rng.random()
        if pick < 0.55:
            ratings[leaf] = {"value": "met"}
        elif pick < 0.85:
            ratings[leaf] = {"value": "not_met"}
        elif pick < 0.92:
            ratings[leaf] = {"value": "not_applicable"}
    subject_doc = {"name": subject}
    if country is not None:
        subject_doc["attributes"] = {"country": country}
    return {
        "framework": {"id": framework.id, "version": "=" + framework.version},
        "subject": subject_doc,
        "ratings": ratings,
    }
