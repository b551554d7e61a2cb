// Scoring the source's worked good-practice assessment through the
// package, against values computed by hand (tests/catalog_scoring.rs
// computes the same in Rust): question scores are the share of items met,
// areas the mean of their questions, the total the mean of the five areas.
import assert from "node:assert/strict";
import { test } from "node:test";

import * as am from "../node.js";

const close = (got, want, what) => assert.ok(Math.abs(got - want) < 1e-12, `${what}: ${got} vs ${want}`);
const framework = am.goodPracticeCriteria();
const scorer = new am.Scorer(framework);
const example = am.goodPracticeWorkedExample().toJSON();

test("the worked example scores 31/36 (86.1), over five areas", () => {
  const report = scorer.score(example);
  // (8/9 + 1 + 1 + 2/3 + 3/4) / 5 = (32 + 36 + 36 + 24 + 27) / 36 / 5 = 31/36.
  close(report.total.score, 31 / 36, "total");
  assert.equal((report.total.score * 100).toFixed(1), "86.1");
  assert.equal(report.total.coverage, 1);
  const areas = report.toJSON().nodes.filter((n) => n.depth === 1);
  assert.deepEqual(
    areas.map((n) => n.id),
    ["inclusivity-participation", "relevance-complementarity", "effectiveness", "sustainability", "partnership-collaboration"],
  );
  const want = [8 / 9, 1, 1, 2 / 3, 3 / 4];
  areas.forEach((n, k) => close(n.score, want[k], n.id));
  close(report.node("q10").score, 1 / 2, "q10");
  assert.equal(report.node("no-such-criterion"), undefined);
  assert.deepEqual(report.risks, []);
});

test("a report, an assessment and a framework read as objects, JSON text or wrapped give one result", () => {
  const wrapped = am.Assessment.fromObject(example);
  const text = JSON.stringify(example);
  const totals = [scorer.total(example), scorer.total(text), scorer.total(wrapped), scorer.total(am.Assessment.fromJSON(text))];
  assert.deepEqual(new Set(totals).size, 1);
  assert.ok(wrapped.equals(am.Assessment.fromJSON(JSON.stringify(wrapped))));
  assert.ok(framework.equals(am.Framework.fromJSON(JSON.stringify(framework))));
  assert.equal(JSON.parse(JSON.stringify(scorer.score(example))).total.score, scorer.total(example));
});

test("priorities are the exact gains of the three unmet items", () => {
  const gains = scorer.priorities(example);
  assert.deepEqual(gains.map((p) => p.criterion), ["q9-3", "q10-2", "q3-3"]);
  // Raising one item lifts its question to 1; its area by (1 − question) /
  // questions in the area; the total by that / 5.
  close(gains[0].gain, (1 - 2 / 3) / 1 / 5, "q9-3");
  close(gains[1].gain, (1 - 1 / 2) / 2 / 5, "q10-2");
  close(gains[2].gain, (1 - 2 / 3) / 3 / 5, "q3-3");
});

test("bounds: with q9-3 unrated, the total lies between 31/36 and 167/180, and q9-3 is the item to rate", () => {
  const partial = structuredClone(example);
  delete partial.ratings["q9-3"];
  const bounds = scorer.bounds(partial);
  // q9-3 not met gives the worked example (31/36); met gives q9 = 1, so
  // (8/9 + 1 + 1 + 1 + 3/4) / 5 = 167/180, which is also the current
  // total (the missing item left out, q9 = 2/2).
  close(bounds.total.lower, 31 / 36, "lower");
  close(bounds.total.upper, 167 / 180, "upper");
  close(bounds.total.current, 167 / 180, "current");
  assert.deepEqual(bounds.leverage.map((l) => l.criterion), ["q9-3"]);
  close(bounds.node("q9").lower, 2 / 3, "q9 lower");
  assert.equal(am.Bounds.fromJSON(JSON.stringify(bounds)).total.upper, bounds.total.upper);
});

// A deterministic generator of ratings (no global randomness in tests).
function* lcg(seed) {
  let x = seed >>> 0;
  for (;;) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    yield x / 2 ** 32;
  }
}

test("totals over a Float64Array equal score, bit for bit", () => {
  const ids = scorer.leafIds();
  assert.equal(ids.length, 36);
  const rows = 300;
  const random = lcg(7);
  const ratings = new Float64Array(rows * ids.length);
  const documents = [];
  for (let r = 0; r < rows; r++) {
    const doc = { framework: { id: "good-practice-criteria", version: "=1.0.0" }, subject: { name: `row ${r}` }, ratings: {} };
    ids.forEach((id, c) => {
      const u = random.next().value;
      // met, not met, missing (NaN) or not applicable (−∞)
      const [code, rating] =
        u < 0.5 ? [1, { value: "met" }] : u < 0.8 ? [0, { value: "not_met" }] : u < 0.9 ? [NaN, undefined] : [am.NOT_APPLICABLE, { value: "not_applicable" }];
      ratings[r * ids.length + c] = code;
      if (rating) doc.ratings[id] = rating;
    });
    documents.push(doc);
  }
  const totals = scorer.totals(ratings);
  assert.ok(totals instanceof Float64Array);
  assert.equal(totals.length, rows);
  const bits = (x) => new BigUint64Array(new Float64Array([x]).buffer)[0];
  for (let r = 0; r < rows; r++) {
    const score = scorer.score(documents[r]).total.score;
    if (score === null) assert.ok(Number.isNaN(totals[r]), `row ${r}`);
    else assert.equal(bits(totals[r]), bits(score), `row ${r}: ${totals[r]} vs ${score}`);
  }
  const worked = Float64Array.from(ids, (id) => (example.ratings[id].value === "met" ? 1 : 0));
  assert.equal(bits(scorer.totals(worked)[0]), bits(scorer.total(example)));
});

test("totals: an off-scale value is a ScoreError at /row/column; a ragged matrix a RangeError", () => {
  const ratings = new Float64Array(2 * 36).fill(1);
  ratings[36 + 4] = 0.5;
  assert.throws(() => scorer.totals(ratings), (e) => {
    assert.ok(e instanceof am.ScoreError);
    assert.deepEqual(e.issues.map((i) => [i.code, i.path]), [["rating-off-scale", "/1/4"]]);
    return true;
  });
  assert.throws(() => scorer.totals(new Float64Array(37)), RangeError);
  assert.deepEqual([...scorer.totals(new Float64Array(0))], []);
});

test("progress from the worked example to q9-3 met: the total rises by 1/15", () => {
  const after = structuredClone(example);
  after.ratings["q9-3"] = { value: "met" };
  const progress = am.Progress.between(scorer.score(example), scorer.score(after));
  close(progress.total.delta, 1 / 15, "delta");
  assert.equal(progress.total.status, "improved");
  assert.equal(progress.node("q9").status, "improved");
  assert.equal(progress.node("q1").status, "unchanged");
  assert.match(progress.toString(), /q9-3/);
  const back = am.Progress.fromJSON(JSON.stringify(progress));
  assert.equal(back.total.delta, progress.total.delta);
});

test("an action plan drafted from the report: one action per top priority, reviewed against progress", () => {
  const report = scorer.score(example);
  const plan = am.ActionPlan.draft(report, "Afpa", "2027-06-30");
  assert.deepEqual(plan.actions.map((a) => a.criteria), [["q9-3"], ["q10-2"], ["q3-3"]]);
  assert.deepEqual(plan.issuesAgainst(report), []);
  plan.validateAgainst(report);
  assert.equal(am.ActionPlan.draft(report, "Afpa", "2027-06-30", 1).actions.length, 1);
  const after = structuredClone(example);
  after.ratings["q9-3"] = { value: "met" };
  const review = plan.review(am.Progress.between(report, scorer.score(after)));
  assert.deepEqual(review.actions.map((a) => a.verdict), ["improved", "stayed", "stayed"]);
  assert.throws(() => am.ActionPlan.draft(report, "Afpa", "2027-02-30"), am.ValidationError);
});
