"""Charts as SVG text through Python (SPEC §9): each parses as XML, has a
title and a description, one mark per area, node or member, and the same
text on a second call; ``_repr_svg_`` is what a notebook shows."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from assessment_model import (
    Framework,
    Localization,
    Localized,
    Progress,
    Scorer,
    Uncertainty,
    ValidationError,
)

SVG = "{http://www.w3.org/2000/svg}"

# Four top-level areas (a radar); g is a group of two leaves, c is critical.
FRAMEWORK = {
    "id": "charts",
    "version": "1.0.0",
    "title": "Charts",
    "scales": {"tick": {"type": "binary"}},
    "rules": {
        "risk_below": 0.5,
        "bands": [
            {"id": "low", "label": "low", "from": 0.0},
            {"id": "high", "label": "high", "from": 0.5},
        ],
    },
    "criteria": [
        {"id": "a", "title": "Alpha & <friends>", "scale": "tick"},
        {"id": "b", "title": "Beta", "scale": "tick"},
        {"id": "c", "title": "Gamma", "scale": "tick", "critical": True},
        {
            "id": "g",
            "title": "Group",
            "children": [
                {"id": "g1", "title": "One", "scale": "tick"},
                {"id": "g2", "title": "Two", "scale": "tick"},
            ],
        },
    ],
}


def rated(name="P", **values):
    return {
        "framework": {"id": "charts", "version": "=1.0.0"},
        "subject": {"name": name},
        "ratings": {k: {"value": v} for k, v in values.items()},
    }


@pytest.fixture(scope="module")
def scorer():
    return Scorer(Framework.from_dict(FRAMEWORK))


@pytest.fixture(scope="module")
def before(scorer):
    return scorer.score(rated(a="met", b="not_met", c="not_met", g1="met"))


@pytest.fixture(scope="module")
def after(scorer):
    return scorer.score(rated(a="met", b="met", c="met", g1="met", g2="not_met"))


def parse(svg: str, marks: int) -> ET.Element:
    root = ET.fromstring(svg)
    assert root.tag == SVG + "svg"
    title, desc = list(root)[:2]
    assert (title.tag, desc.tag) == (SVG + "title", SVG + "desc")
    assert title.text and desc.text
    found = [e for e in root.iter() if e.get("class") == "mark"]
    assert len(found) == marks
    return root


def description(root: ET.Element) -> str:
    return root.find(SVG + "desc").text


def test_report_profile_is_a_radar_and_its_repr_svg(before):
    svg = before.chart_profile(width=500, height=400)
    assert svg == before.chart_profile(width=500, height=400)
    root = parse(svg, 4)
    assert (root.get("width"), root.get("height")) == ("500", "400")
    assert root.find(f".//{SVG}polygon") is not None
    text = description(root)
    # c is critical and not met: a risk; g = 1 (g2 unrated, left out).
    assert "Gamma: 0.0 low · risk;" in text
    assert "Alpha & <friends>: 100.0 high;" in text
    assert "Group: 100.0 high." in text
    assert before._repr_svg_() == before.chart_profile()


def test_group_profile_and_an_unknown_group(before):
    root = parse(before.chart_profile(group="g"), 2)
    assert "One: 100.0 high; Two: no score." in description(root)
    with pytest.raises(ValidationError) as e:
        before.chart_profile(group="zz")
    assert [(i["code"], i["path"]) for i in e.value.errors()] == [("unknown-criterion", "/group")]


def test_words_and_texts(before):
    framework = Framework.from_dict(FRAMEWORK)
    de = Localization.from_dict(
        {
            "id": "charts-de",
            "framework": {"id": "charts", "version": "^1"},
            "language": "de",
            "criteria": {"b": {"title": "Beta auf Deutsch"}},
            "bands": {"high": {"label": "hoch"}},
        }
    )
    texts = Localized(framework, [de], "de")
    svg = before.chart_profile(texts=texts, words={"risk": "Risiko", "total": "Gesamt"})
    root = parse(svg, 4)
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "de"
    text = description(root)
    assert "Beta auf Deutsch: 0.0 low;" in text
    assert "Gamma [en]: 0.0 low · Risiko;" in text
    assert "Alpha & <friends> [en]: 100.0 hoch;" in text
    with pytest.raises(ValidationError):
        before.chart_profile(words={"riks": "Risiko"})


def test_progress_chart(before, after):
    p = Progress.between(before, after)
    svg = p.chart(width=700, height=400)
    assert svg == p.chart(width=700, height=400)
    root = parse(svg, len(p.nodes) + 1)
    text = description(root)
    assert "Beta: 0.0 → 100.0 +100.0 improved;" in text
    assert "Gamma: 0.0 → 100.0 +100.0 improved · risk resolved;" in text
    statuses = {e.get("data-id"): e.get("data-status") for e in root.iter() if e.get("class") == "mark"}
    assert statuses["a"] == "unchanged" and statuses["g2"] == "newly scored"
    assert p._repr_svg_() == p.chart(height=480)


def test_bounds_chart(scorer):
    bounds = scorer.bounds(rated(a="met", g1="met"))
    root = parse(bounds.chart(), len(bounds.nodes) + 1)
    # b, c and g2 missing: b and c anywhere in [0, 100], g = (1 + x) / 2.
    assert "g: [50.0, 100.0] current 100.0;" in description(root)
    assert bounds._repr_svg_() == bounds.chart()


def test_uncertainty_chart(scorer, before, after):
    members = [rated("P", a="met", b="not_met", c="not_met", g1="met"), rated("Q", a="met", b="met", c="met", g1="met")]
    result = Uncertainty(scorer, {"levels": {"1": 0.5}}, seed=7, samples=64).run(members)
    svg = result.chart(width=600, height=300)
    assert svg == result.chart(width=600, height=300)
    root = parse(svg, 2)
    labels = [e.text for e in root.iter() if e.get("class") == "row-label"]
    assert labels == ["Q", "P"]  # by nominal rank
    assert result._repr_svg_() == result.chart()
