"""A programme's portfolio scored on a Dask cluster: PORTFOLIO_SIZE
(default 1,000,000) generated good-practice assessments in PARTITIONS
partitions, each partition scored into one ``Cohort`` on a worker process
and sent back as its ``state()``, the states merged into one cohort on the
client; checked equal to the cohort of the same assessments built in one
process, with 1 and with 2 worker processes on a ``LocalCluster``; prints
the throughput of each.

    python bindings/python/examples/portfolio_dask.py
    PORTFOLIO_SIZE=20000 python bindings/python/examples/portfolio_dask.py   # CI

Spark (``rdd.mapPartitions`` returning each partition's ``state()``) or
Ray (one task per partition) use the package the same way: every object
pickles, and a cohort travels as a plain dict.
"""

from __future__ import annotations

import json
import os
import time

import numpy as np

from assessment_model import Cohort, Scorer, catalog

SIZE = int(os.environ.get("PORTFOLIO_SIZE", "1000000"))
PARTITIONS = int(os.environ.get("PARTITIONS", "16"))
COUNTRIES = ["de", "fr", "it", "se"]


def assessments(partition: int, size: int, partitions: int):
    """The assessments of one partition as JSON text, generated from its
    number alone (so any process makes the same ones): each item met
    (60 %), not met (30 %) or unrated, the subject's country one of four.
    (JSON text, as a portfolio is usually stored; the package reads it
    about twice as fast as the same document as a dict.)"""
    framework = catalog.good_practice.criteria()
    leaves = framework.leaf_ids()
    first = partition * size // partitions
    count = (partition + 1) * size // partitions - first
    rng = np.random.default_rng([17, partition])
    u = rng.random((count, len(leaves)))
    countries = rng.integers(0, len(COUNTRIES), count)
    # Each rating's JSON text made once; a document is joined from them.
    met = [json.dumps(leaf) + ': {"value": "met"}' for leaf in leaves]
    not_met = [json.dumps(leaf) + ': {"value": "not_met"}' for leaf in leaves]
    head = '{"framework": ' + json.dumps({"id": framework.id, "version": framework.version})
    for i, row in enumerate(u.tolist()):
        ratings = ", ".join(
            met[j] if x < 0.6 else not_met[j] for j, x in enumerate(row) if x < 0.9
        )
        subject = json.dumps(
            {"name": f"project-{first + i}", "attributes": {"country": COUNTRIES[countries[i]]}}
        )
        yield f'{head}, "subject": {subject}, "ratings": {{{ratings}}}}}'


def score_partition(partition: int, size: int, partitions: int) -> dict:
    """One partition's cohort, as its state (a plain dict)."""
    scorer = Scorer(catalog.good_practice.criteria())
    cohort = Cohort(scorer, grouping="country")
    for doc in assessments(partition, size, partitions):
        cohort.push_assessment(doc)
    return cohort.state()


def merged(states, scorer) -> Cohort:
    cohort = Cohort(scorer, grouping="country")
    for state in states:
        cohort.merge(Cohort.from_state(scorer, state))
    return cohort


def equivalent(a: dict, b: dict) -> bool:
    """Counts, medians, ranges and distributions equal; means and standard
    deviations within 1e-9 (merging sums in another order)."""
    if a["members"] != b["members"] or list(a["nodes"]) != list(b["nodes"]):
        return False
    for x, y in [(a["total"], b["total"])] + [(a["nodes"][k], b["nodes"][k]) for k in a["nodes"]]:
        for key in x:
            p, q = x[key], y[key]
            if key in ("mean", "std_dev", "mean_in_units") and p is not None and q is not None:
                if abs(p - q) > 1e-9:
                    return False
            elif p != q:
                return False
    return True


def main() -> None:
    from dask.distributed import Client, LocalCluster

    scorer = Scorer(catalog.good_practice.criteria())
    start = time.perf_counter()
    single = merged([score_partition(p, SIZE, PARTITIONS) for p in range(PARTITIONS)], scorer)
    t_single = time.perf_counter() - start
    print(f"single process: {SIZE} assessments in {t_single:.2f} s, {SIZE / t_single:,.0f} per second")

    times = {}
    for workers in (1, 2):
        with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                          dashboard_address=None) as cluster, Client(cluster) as client:
            client.run(lambda: __import__("assessment_model"))  # warm the workers
            start = time.perf_counter()
            futures = client.map(score_partition, range(PARTITIONS), size=SIZE,
                                 partitions=PARTITIONS, pure=False)
            cohort = merged(client.gather(futures), scorer)
            times[workers] = time.perf_counter() - start
        assert cohort.members == SIZE
        assert equivalent(cohort.stats(), single.stats()), "the merged cohort differs"
        for country in COUNTRIES:
            assert equivalent(cohort.stats_by("country")[country], single.stats_by("country")[country])
        print(f"dask, {workers} worker(s): {times[workers]:.2f} s, {SIZE / times[workers]:,.0f} per second; "
              "merged cohort equals the single-process one")
    print(f"speed-up with 2 workers: {times[1] / times[2]:.2f}x")
    total = single.stats()["total"]
    print(f"portfolio mean total {total['mean']:.4f}, median {total['median']:.4f}, "
          f"{single.members} members")


if __name__ == "__main__":
    main()
