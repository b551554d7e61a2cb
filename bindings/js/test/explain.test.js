// Explanations through the package: the rule, each child's weight, score
// and contribution, as data and as one line (SPEC §3.14).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import * as am from "../node.js";

const framework = am.goodPracticeCriteria();
const report = new am.Scorer(framework).score(am.goodPracticeWorkedExample());

test("q9 is the mean of its three items, 2/3, each contributing a third of its score", () => {
  const why = report.explain("q9").toJSON();
  assert.equal(why.criterion, "q9");
  assert.equal(why.method, "weighted_mean");
  assert.deepEqual(why.included.map((c) => [c.criterion, c.weight, c.score]), [["q9-1", 1, 1], ["q9-2", 1, 1], ["q9-3", 1, 0]]);
  const sum = why.included.reduce((s, c) => s + c.contribution, 0);
  assert.ok(Math.abs(sum - 2 / 3) < 1e-12 && Math.abs(why.score - 2 / 3) < 1e-12);
  assert.match(String(report.explain("q9")), / 0\.667 = weighted mean of q9-1 1\.000 \(w 1\), q9-2 1\.000 \(w 1\) and q9-3 0\.000 \(w 1\)$/);
  assert.equal(report.explain("no-such-criterion"), undefined);
});

test("the total's explanation names the five areas; an area's line reads in French", () => {
  assert.equal(report.explainTotal().toJSON().included.length, 5);
  assert.ok(Math.abs(report.explainTotal().toJSON().score - 31 / 36) < 1e-12);
  assert.equal(String(report.explain("sustainability")), "Sustainability 0.667 = weighted mean of q9 0.667 (w 1)");
  const french = readFileSync(new URL("../demo/localizations/good-practice-criteria.fr.json", import.meta.url), "utf8");
  const texts = new am.Localized(framework, [french], "fr");
  assert.equal(report.explain("sustainability").displayIn(texts), "Durabilité 0.667 = weighted mean of q9 0.667 (w 1)");
  const back = am.Explanation.fromJSON(JSON.stringify(report.explain("sustainability")));
  assert.deepEqual(back.toJSON(), report.explain("sustainability").toJSON());
});
