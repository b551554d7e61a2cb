"""The conformance suite (tests/conformance) through Python: every invalid
document gives, from the binding, exactly the issues (code and path, as a
multiset) that its envelope states and that the Rust crate gives
(tests/conformance.rs checks the same files against the crate); every
valid document scores to its stated total."""

from __future__ import annotations

import copy
import json

import pytest

import assessment_model as am
from assessment_model import Assessment, Framework, Scorer

from conftest import CONFORMANCE

INVALID = sorted((CONFORMANCE / "invalid").glob("*.json"))
VALID = sorted((CONFORMANCE / "valid").glob("*.json"))


def _instantiate(template, i):
    if isinstance(template, str):
        return i if template == "{i}" else template.replace("{i}", str(i))
    if isinstance(template, list):
        return [_instantiate(t, i) for t in template]
    if isinstance(template, dict):
        return {k: _instantiate(v, i) for k, v in template.items()}
    return template


def _expand(document, directives):
    """The suite's `expand` directives (see tests/conformance/README.md)."""
    for d in directives:
        tokens = [t.replace("~1", "/").replace("~0", "~") for t in d["at"].split("/")[1:]]
        parent = document
        for t in tokens[:-1]:
            parent = parent[int(t)] if isinstance(parent, list) else parent[t]
        last = tokens[-1]
        key = int(last) if isinstance(parent, list) else last
        times = d["times"]
        if "text" in d:
            value = d["text"] * times
        elif "array_of" in d:
            value = [_instantiate(d["array_of"], i) for i in range(1, times + 1)]
        else:
            value = {
                d["key"].replace("{i}", str(i)): _instantiate(d["object_of"], i)
                for i in range(1, times + 1)
            }
        parent[key] = value
    return document


def _issues(call):
    """The issues `call` raises (or returns), as (code, path) pairs."""
    try:
        result = call()
    except am.Error as e:
        return [(i["code"], i["path"]) for i in e.errors()]
    if isinstance(result, list):
        return [(i["code"], i["path"]) for i in result]
    return []


def _checked(envelope):
    """Every way the binding checks the envelope's document: a list of
    issue lists, one per way (JSON text, and a dict where the document is
    one), each of which must give the expected issues."""
    kind = envelope["kind"]
    doc = copy.deepcopy(envelope.get("document"))
    if "expand" in envelope:
        doc = _expand(doc, envelope["expand"])
    text = envelope.get("document_text", json.dumps(doc))
    framework = lambda: Framework.from_dict(envelope["framework"])  # noqa: E731
    if kind == "framework":
        ways = [lambda: Framework.from_json(text).issues()]
        if "document_text" not in envelope:
            ways.append(lambda: Framework.from_dict(doc).issues())
    elif kind == "assessment":
        scorer = Scorer(framework())
        ways = [
            lambda: scorer.validate(Assessment.from_json(text)),
            lambda: scorer.validate(doc),
        ]
    elif kind == "profile":
        ways = [lambda: am.apply_profile(framework(), text), lambda: am.apply_profile(framework(), doc)]
    elif kind == "peer_review":
        if "method" in envelope:
            ways = [lambda: am.consolidate(text, framework(), envelope["method"])]
        else:
            ways = [lambda: am.review_issues(text, framework())]
    elif kind in ("mapping", "translation"):
        source = Framework.from_dict(doc["source"])
        target = Framework.from_dict(doc["target"])
        if "assessment" in doc:
            ways = [lambda: am.translate(doc["mapping"], doc["assessment"], source, target)]
        else:
            ways = [lambda: am.check_mapping(doc["mapping"], source, target)]
    elif kind == "localization":
        ways = [lambda: am.localization_issues(text, framework())]
        if "document_text" not in envelope:
            ways.append(lambda: am.localization_issues(doc, framework()))
    elif kind == "action_plan":
        # Checked against the report of the envelope's assessment, as
        # tests/conformance.rs checks it.
        report = Scorer(framework()).score(envelope["assessment"])
        ways = [lambda: am.ActionPlan.from_json(text).issues_against(report)]
        if "document_text" not in envelope:
            ways.append(lambda: am.ActionPlan.from_dict(doc).issues_against(report))
    elif kind == "composition":
        base = Framework.from_dict(doc["base"])
        modules = [Framework.from_dict(m) for m in doc["modules"]]
        ways = [lambda: am.compose(base, modules)]
    else:
        raise AssertionError(f"unknown kind {kind}")
    return [_issues(way) for way in ways]


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.stem)
def test_invalid_document_gives_its_issues(path):
    envelope = json.loads(path.read_text())
    expected = sorted((e["code"], e["path"]) for e in envelope["expected"])
    for got in _checked(envelope):
        assert sorted(got) == expected


# The codes no document of the suite can give (they need a report or a
# cohort's state, as in tests/conformance.rs); test_cohort.py reaches each.
NOT_IN_THE_SUITE = {"invalid-report", "invalid-state", "grouping-mismatch"}


def test_every_issue_code_reaches_python():
    reached = set()
    for path in INVALID:
        for got in _checked(json.loads(path.read_text())):
            reached.update(code for code, _ in got)
    assert reached <= set(am.ISSUE_CODES)
    assert set(am.ISSUE_CODES) - reached == NOT_IN_THE_SUITE


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.stem)
def test_valid_document_scores_its_total(path):
    envelope = json.loads(path.read_text())
    framework = Framework.from_dict(envelope["framework"])
    assert framework.issues() == []
    report = Scorer(framework).score(envelope["assessment"])
    expected = envelope["expected_total"]
    if expected is None:
        assert report.total["score"] is None
    else:
        assert abs(report.total["score"] - expected) < 1e-12
    if "expected_band" in envelope:
        assert report.band == envelope["expected_band"]
