// Charts through the package: the crate's SVG text, sized, worded and
// localized by the options and texts given.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import * as am from "../node.js";

const framework = am.goodPracticeCriteria();
const scorer = new am.Scorer(framework);
const example = am.goodPracticeWorkedExample().toJSON();
const report = scorer.score(example);
const marks = (svg) => (svg.match(/<g class="mark"/g) ?? []).length;

test("the worked example's profile: five areas, the total 86.1, the same bytes every time", () => {
  const svg = am.profileChart(report);
  assert.match(svg, /^<svg [^>]*width="640" height="480"/);
  assert.equal(marks(svg), 5);
  assert.match(svg, /Total 86\.1\. Inclusivity &amp; Participation: 88\.9; .*Sustainability: 66\.7; Partnership &amp; Collaboration: 75\.0\./);
  assert.equal(svg, am.profileChart(report));
  const sized = am.profileChart(report, { width: 480, height: 400, idPrefix: "gp", words: { total: "Gesamt" } });
  assert.match(sized, /^<svg [^>]*width="480" height="400"/);
  assert.match(sized, /<title id="gp-title">/);
  assert.match(sized, /Gesamt 86\.1/);
});

test("in French, the areas' titles are the localization's", () => {
  const french = readFileSync(new URL("../demo/localizations/good-practice-criteria.fr.json", import.meta.url), "utf8");
  const svg = am.profileChartIn(report, new am.Localized(framework, [french], "fr"));
  assert.match(svg, /xml:lang="fr"/);
  assert.match(svg, /Durabilité: 66\.7/);
  assert.doesNotMatch(svg, /Sustainability/);
});

test("a group's profile, progress and bounds charts; options that do not read are a ValidationError", () => {
  assert.equal(marks(am.groupProfileChart(report, "q9")), 3);
  assert.throws(() => am.groupProfileChart(report, "q99"), (e) => e.issues[0].code === "unknown-criterion" && e.issues[0].path === "/group");
  const after = structuredClone(example);
  after.ratings["q9-3"] = { value: "met" };
  const progress = am.Progress.between(report, scorer.score(after));
  assert.ok(marks(am.progressChart(progress)) > 0);
  const partial = structuredClone(example);
  delete partial.ratings["q9-3"];
  assert.ok(marks(am.boundsChart(scorer.bounds(partial))) > 0);
  assert.throws(() => am.profileChart(report, { widht: 10 }), (e) => {
    assert.ok(e instanceof am.ValidationError);
    assert.deepEqual(e.issues.map((i) => [i.code, i.path]), [["unknown-field", "/widht"]]);
    return true;
  });
});
