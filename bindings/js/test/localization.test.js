// Localization through the package: the reference page's French texts of
// the good-practice criteria (demo/localizations), checked, applied and
// looked up with the fallback of SPEC §7.6.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import * as am from "../node.js";

const framework = am.goodPracticeCriteria();
const french = readFileSync(new URL("../demo/localizations/good-practice-criteria.fr.json", import.meta.url), "utf8");

test("the French texts translate 18 of the framework's texts and fit it", () => {
  const localization = am.Localization.fromJSON(french);
  assert.equal(localization.language, "fr");
  const coverage = localization.validateFor(framework);
  // The title, the scale's title, five areas and eleven questions.
  assert.equal(coverage.translated, 18);
  assert.equal(coverage.complete, false);
  const warnings = localization.issuesAgainst(framework);
  assert.ok(warnings.length > 0 && warnings.every((i) => i.severity === "warning" && i.code === "untranslated-text"));
  assert.equal(warnings.length, coverage.translatable - coverage.translated);
});

test("titles in French, an untranslated item falling back to English", () => {
  const texts = new am.Localized(framework, [french], "fr");
  assert.equal(texts.language, "fr");
  assert.deepEqual(texts.criterionTitle("effectiveness"), { text: "Efficacité", language: "fr", fallback: false });
  // fr-FR falls back to the primary language, fr (SPEC §7.6).
  const regional = new am.Localized(framework, [french], "fr-FR");
  assert.deepEqual(regional.criterionTitle("effectiveness"), { text: "Efficacité", language: "fr", fallback: true });
  const item = texts.criterionTitle("q1-1");
  assert.equal(item.fallback, true);
  assert.equal(item.language, "en");
  assert.equal(texts.criterionTitle("nope"), undefined);
  const report = new am.Scorer(framework).score(am.goodPracticeWorkedExample());
  const table = report.displayIn(texts);
  assert.match(table, /Durabilité/);
  assert.doesNotMatch(table, /Sustainability/);
  const applied = am.Localization.fromJSON(french).apply(framework);
  assert.equal(applied.title, "Critères de bonne pratique");
});

test("a malformed tag, or a localization that does not parse, is a ValidationError", () => {
  assert.throws(() => new am.Localized(framework, [], "not a tag"), (e) => e.issues[0].code === "malformed-language-tag");
  assert.throws(() => new am.Localized(framework, [french, "{"], "fr"), (e) => {
    assert.deepEqual(e.issues.map((i) => [i.code, i.path]), [["invalid-document", "/1"]]);
    return true;
  });
});
