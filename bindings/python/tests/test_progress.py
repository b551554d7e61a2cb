"""Long calls report their progress and stop when asked (issue 25, item
7): ``progress=`` on ``Uncertainty.run``, ``Scorer.totals``,
``Scorer.bounds`` and ``Cohort.extend``; ``Stopped``; Ctrl-C in a child
process; the up-front limit on an uncertainty run's work."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import textwrap
import time
import types

import numpy as np
import pytest

import assessment_model as am
from assessment_model import Cohort, ScoreError, Scorer, Stopped, Uncertainty, catalog

SPEC = {"levels": {"1": 0.25}}  # the good-practice criteria's five areas


@pytest.fixture(scope="module")
def example():
    return catalog.good_practice.worked_example()


def recorder(calls, stop_at=None):
    def progress(done, total):
        calls.append((done, total))
        if stop_at is not None and done >= stop_at:
            return False
        return None

    return progress


def assert_well_formed(calls, total):
    assert calls[0] == (0, total)
    assert all(a[0] <= b[0] for a, b in zip(calls, calls[1:]))
    assert all(t == total and 0 <= d <= total for d, t in calls)


class FakeBar:
    """What the documented recipe uses of a ``tqdm`` bar: ``n``,
    ``total`` and ``update``, which returns ``None`` (or ``True``)."""

    def __init__(self):
        self.n = 0
        self.total = None
        self.updates = []

    def update(self, k):
        self.n += k
        self.updates.append(k)
        return None


def tqdm_progress(bar):
    # What the README's recipe ("Progress and stopping") does.
    def progress(done, total):
        bar.total = total
        bar.update(done - bar.n)

    return progress


def readme_recipe():
    from conftest import ROOT

    readme = (ROOT / "bindings" / "python" / "README.md").read_text()
    section = readme.split("### Progress and stopping\n", 1)[1].split("\n### ", 1)[0]
    (recipe,) = re.findall(r"```py\n(.*?)\n```", section, re.S)
    return recipe


class FakeTqdm(FakeBar):
    """A ``tqdm`` bar as a context manager, for the README's recipe."""

    made = []

    def __init__(self, **kwargs):
        super().__init__()
        self.kwargs = kwargs
        FakeTqdm.made.append(self)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def test_the_readme_tqdm_recipe_runs(scorer, example, monkeypatch):
    fake = types.ModuleType("tqdm")
    fake.tqdm = FakeTqdm
    monkeypatch.setitem(sys.modules, "tqdm", fake)
    scope = {"Uncertainty": Uncertainty, "scorer": scorer, "spec": SPEC, "projects": [example] * 3}
    exec(compile(readme_recipe(), "README.md", "exec"), scope)
    (bar,) = FakeTqdm.made
    assert bar.total == 10_000 * 7 * 3
    assert bar.n == bar.total
    assert scope["report"].samples == 10_000


def test_the_readme_recipe_with_tqdm_itself(scorer, example):
    pytest.importorskip("tqdm")  # installed by the README's command; skipped where it is not
    scope = {"Uncertainty": Uncertainty, "scorer": scorer, "spec": SPEC, "projects": [example] * 2}
    exec(compile(readme_recipe().replace("10_000", "500"), "README.md", "exec"), scope)
    assert scope["report"].evaluations == 500 * 7


def test_uncertainty_tells_every_scoring(scorer, example):
    u = Uncertainty(scorer, SPEC, seed=3, samples=200)
    calls = []
    observed = u.run([example] * 20, progress=recorder(calls))
    total = 200 * (5 + 2) * 20
    assert_well_formed(calls, total)
    assert calls[-1] == (total, total)
    assert observed == u.run([example] * 20)


def test_a_tqdm_bar_fills_up(scorer, example):
    bar = FakeBar()
    Uncertainty(scorer, SPEC, samples=100).run([example] * 10, progress=tqdm_progress(bar))
    assert bar.total == 100 * 7 * 10
    assert bar.n == bar.total
    assert all(k >= 0 for k in bar.updates)


def test_false_stops_uncertainty_with_stopped(scorer, example):
    calls = []
    with pytest.raises(Stopped) as caught:
        Uncertainty(scorer, SPEC, samples=1000).run([example] * 20, progress=recorder(calls, 10_000))
    total = 1000 * 7 * 20
    assert caught.value.total == total
    assert 10_000 <= caught.value.done < total
    assert calls[-1] == (caught.value.done, total)
    assert "stopped by the caller after" in str(caught.value)
    assert not isinstance(caught.value, am.Error)


def test_what_progress_raises_stops_the_call(scorer, example):
    def progress(done, total):
        if done > 0:
            raise LookupError("enough")

    with pytest.raises(LookupError, match="enough"):
        Uncertainty(scorer, SPEC, samples=1000).run([example] * 20, progress=progress)


def test_progress_must_be_callable(scorer, example):
    with pytest.raises(TypeError, match="progress must be callable"):
        Uncertainty(scorer, SPEC).run([example], progress=3)
    with pytest.raises(TypeError):
        scorer.bounds(example, progress="tqdm")


def test_too_many_samples_is_refused_up_front(scorer, example):
    start = time.monotonic()
    with pytest.raises(ScoreError) as caught:
        Uncertainty(scorer, SPEC, samples=10**9).run([example] * 200)
    (issue,) = caught.value.errors()
    assert issue["code"] == "too-many-items"
    assert issue["path"] == "/samples"
    assert "1400000000000 evaluations" in issue["message"]
    assert str(am.MAX_EVALUATIONS) in issue["message"]
    # An overflowing count too.
    with pytest.raises(ScoreError) as caught:
        Uncertainty(scorer, SPEC, samples=2**64 - 1).run([example] * 2)
    assert caught.value.errors()[0]["code"] == "too-many-items"
    assert time.monotonic() - start < 5
    assert am.MAX_EVALUATIONS == 10**10


def test_totals_tell_rows_and_stop(scorer):
    ratings = np.ones((5000, scorer.leaf_count))
    calls = []
    totals = scorer.totals(ratings, threads=1, progress=recorder(calls))
    assert calls == [(0, 5000), (1024, 5000), (2048, 5000), (3072, 5000), (4096, 5000), (5000, 5000)]
    assert np.array_equal(totals, scorer.totals(ratings))
    with pytest.raises(Stopped) as caught:
        scorer.totals(ratings, threads=2, progress=recorder([], 1024))
    assert caught.value.total == 5000
    # The threads go on scoring while the observer is called, so they may
    # have scored every row by the time it says stop (5,000 rows take a
    # few milliseconds); the call is stopped all the same, with no totals.
    assert 1024 <= caught.value.done <= 5000


def test_totals_of_a_data_frame_take_progress(scorer):
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame(np.ones((3000, scorer.leaf_count)), columns=scorer.leaf_ids())
    bar = FakeBar()
    totals = scorer.totals(frame, progress=tqdm_progress(bar))
    assert len(totals) == 3000
    assert (bar.n, bar.total) == (3000, 3000)


def wide_framework(leaves):
    groups = [
        {
            "id": f"g{g}",
            "title": f"Group {g}",
            "children": [
                {"id": f"l{g}-{i}", "title": f"Leaf {i}", "scale": "tick"} for i in range(100)
            ],
        }
        for g in range(leaves // 100)
    ]
    return am.Framework.from_dict(
        {
            "id": "wide",
            "version": "1.0.0",
            "title": "Wide",
            "scales": {"tick": {"type": "binary"}},
            "criteria": groups,
        }
    )


def test_bounds_tell_missing_leaves_and_stop():
    framework = wide_framework(10_000)
    scorer = Scorer(framework)
    assessment = {
        "framework": {"id": "wide", "version": "=1.0.0"},
        "subject": {"name": "P"},
        "ratings": {"l0-0": {"value": "met"}},
    }
    calls = []
    bounds = scorer.bounds(assessment, progress=recorder(calls))
    assert calls == [(0, 9999), (4096, 9999), (8192, 9999), (9999, 9999)]
    assert bounds == scorer.bounds(assessment)
    with pytest.raises(Stopped) as caught:
        scorer.bounds(assessment, progress=lambda done, total: done < 4096)
    assert (caught.value.done, caught.value.total) == (4096, 9999)


def test_cohort_extend_is_all_or_nothing(scorer, example):
    cohort = Cohort(scorer)
    calls = []
    cohort.extend([example] * 500, progress=recorder(calls))
    assert cohort.members == 500
    assert calls == [(0, 500), (154, 500), (308, 500), (462, 500), (500, 500)]
    pushed = Cohort(scorer)
    for _ in range(500):
        pushed.push_assessment(example)
    assert cohort.stats() == pushed.stats()

    before = cohort.state()
    with pytest.raises(Stopped):
        cohort.extend([example] * 500, progress=recorder([], 300))
    assert cohort.state() == before
    bad = dict(example.to_dict())
    bad["ratings"] = dict(bad["ratings"], nowhere={"value": "met"})
    with pytest.raises(ScoreError) as caught:
        cohort.extend([example, bad])
    assert caught.value.errors()[0]["path"] == "/1/ratings/nowhere"
    assert cohort.state() == before


# ---------------------------------------------------------------- Ctrl-C

CHILD_SETUP = """
import sys, numpy as np
from assessment_model import Scorer, Uncertainty, catalog
scorer = Scorer(catalog.good_practice.criteria())
example = catalog.good_practice.worked_example()
"""

LONG_CALLS = {
    # 10^6 samples × 7 × 200 members: 1.4·10^9 scorings, minutes of work.
    "uncertainty": "Uncertainty(scorer, {'levels': {'1': 0.25}}, samples=10**6).run([example] * 200)",
    # 10^8 rows (a broadcast view: one row in memory), minutes of work.
    "totals": "scorer.totals(np.broadcast_to(np.ones(scorer.leaf_count), (10**8, scorer.leaf_count)), threads=1)",
}


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a child is POSIX")
@pytest.mark.parametrize("call", sorted(LONG_CALLS))
def test_ctrl_c_stops_a_long_call_within_a_second(call):
    code = CHILD_SETUP + textwrap.dedent(
        f"""
        print("started", flush=True)
        try:
            {LONG_CALLS[call]}
        except KeyboardInterrupt:
            print("interrupted", flush=True)
            sys.exit(3)
        print("finished", flush=True)
        """
    )
    child = subprocess.Popen(
        [sys.executable, "-c", code],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout.readline().strip() == "started"
        time.sleep(1.0)
        assert child.poll() is None, "the call ended before the signal"
        sent = time.monotonic()
        os.kill(child.pid, signal.SIGINT)
        child.wait(timeout=10)
        elapsed = time.monotonic() - sent
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    out = child.stdout.read()
    assert child.returncode == 3, (out, child.stderr.read())
    assert "interrupted" in out
    assert elapsed < 1.0, f"{call} ended {elapsed:.2f} s after SIGINT"
