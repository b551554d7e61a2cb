// Errors: every problem as a ValidationError (or its subclass ScoreError)
// whose `issues` carry the crate's code, JSON Pointer, severity and message.
import assert from "node:assert/strict";
import { test } from "node:test";

import * as am from "../node.js";

const example = am.goodPracticeWorkedExample().toJSON();
const scorer = new am.Scorer(am.goodPracticeCriteria());

test("text that is not JSON: one invalid-document issue", () => {
  assert.throws(() => am.Framework.fromJSON("{"), (e) => {
    assert.ok(e instanceof am.ValidationError && e instanceof Error);
    assert.equal(e.name, "ValidationError");
    assert.deepEqual(e.issues.map((i) => [i.code, i.path, i.severity]), [["invalid-document", "", "error"]]);
    assert.match(e.message, /^1 issue\n/);
    return true;
  });
});

test("an off-scale rating is a ScoreError at the rating's value", () => {
  const bad = structuredClone(example);
  bad.ratings["q2-1"] = { value: { level: 3 } };
  bad.ratings["q5-2"] = { value: { number: 2 } };
  assert.throws(() => scorer.score(bad), (e) => {
    assert.ok(e instanceof am.ScoreError && e instanceof am.ValidationError);
    assert.equal(e.name, "ScoreError");
    assert.deepEqual(e.issues.map((i) => [i.code, i.path]), [
      ["rating-off-scale", "/ratings/q2-1/value"],
      ["rating-off-scale", "/ratings/q5-2/value"],
    ]);
    assert.ok(e.issues.every((i) => typeof i.message === "string" && i.message.length > 0));
    return true;
  });
});

test("a misspelt key is unknown-field at its path; a value with no JSON form is invalid-document", () => {
  const typo = structuredClone(example);
  typo.ratings["q1-1"] = { valeu: "met" };
  assert.throws(() => scorer.score(typo), (e) => {
    assert.deepEqual(e.issues.map((i) => [i.code, i.path]), [["unknown-field", "/ratings/q1-1/valeu"]]);
    return true;
  });
  const cycle = {};
  cycle.self = cycle;
  for (const value of [cycle, undefined, () => 1, 10n]) {
    assert.throws(() => am.Framework.fromObject(value), (e) => e.issues[0].code === "invalid-document");
  }
});

test("a framework that is not valid: new Scorer throws every issue", () => {
  const doc = am.goodPracticeCriteria().toJSON();
  doc.criteria[1].id = doc.criteria[0].id;
  doc.criteria[2].weight = -1;
  const framework = am.Framework.fromObject(doc);
  assert.throws(() => new am.Scorer(framework), (e) => {
    const found = e.issues.map((i) => `${i.code} ${i.path}`);
    assert.ok(found.includes("duplicate-id /criteria/1/id"), found.join());
    assert.ok(found.includes("invalid-weight /criteria/2/weight"), found.join());
    return true;
  });
  assert.throws(() => framework.validate(), am.ValidationError);
});

test("issue codes are the crate's", () => {
  const codes = am.issueCodes();
  assert.ok(codes.includes("rating-off-scale") && codes.includes("duplicate-id"));
  assert.equal(new Set(codes).size, codes.length);
});
