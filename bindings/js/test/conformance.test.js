// The conformance suite (tests/conformance) through JavaScript: every
// invalid document gives exactly the issues (code and path, as a
// multiset) that its envelope states, which tests/conformance.rs checks
// the Rust crate gives; every valid document scores to its stated total.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { describe, test } from "node:test";

import * as am from "../node.js";

const suite = new URL("../../../tests/conformance/", import.meta.url);
const files = (dir) =>
  readdirSync(new URL(`${dir}/`, suite))
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => [f, JSON.parse(readFileSync(new URL(`${dir}/${f}`, suite), "utf8"))]);

function instantiate(template, i) {
  if (typeof template === "string") return template === "{i}" ? i : template.replaceAll("{i}", String(i));
  if (Array.isArray(template)) return template.map((t) => instantiate(t, i));
  if (template !== null && typeof template === "object") {
    return Object.fromEntries(Object.entries(template).map(([k, v]) => [k, instantiate(v, i)]));
  }
  return template;
}

/** The suite's `expand` directives (tests/conformance/README.md). */
function expand(document, directives) {
  for (const d of directives) {
    const tokens = d.at.split("/").slice(1).map((t) => t.replaceAll("~1", "/").replaceAll("~0", "~"));
    let parent = document;
    for (const t of tokens.slice(0, -1)) parent = parent[t];
    const n = Array.from({ length: d.times }, (_, k) => k + 1);
    let value;
    if ("text" in d) value = d.text.repeat(d.times);
    else if ("array_of" in d) value = n.map((i) => instantiate(d.array_of, i));
    else value = Object.fromEntries(n.map((i) => [d.key.replaceAll("{i}", String(i)), instantiate(d.object_of, i)]));
    parent[tokens.at(-1)] = value;
  }
  return document;
}

/** The issues `call` throws (a ValidationError) or returns, as "code path". */
function issues(call) {
  let result;
  try {
    result = call();
  } catch (e) {
    if (!(e instanceof am.ValidationError)) throw e;
    return e.issues.map((i) => `${i.code} ${i.path}`);
  }
  return Array.isArray(result) ? result.map((i) => `${i.code} ${i.path}`) : [];
}

/** Every way the package checks the envelope's document, each a thunk. */
function ways(envelope) {
  const { kind } = envelope;
  let doc = structuredClone(envelope.document);
  if (envelope.expand) doc = expand(doc, envelope.expand);
  const text = envelope.document_text ?? JSON.stringify(doc);
  const asObject = envelope.document_text === undefined;
  const framework = () => am.Framework.fromObject(envelope.framework);
  switch (kind) {
    case "framework":
      return [() => am.Framework.fromJSON(text).issues(), asObject && (() => am.Framework.fromObject(doc).issues())];
    case "assessment": {
      const scorer = new am.Scorer(framework());
      return [() => scorer.validate(am.Assessment.fromJSON(text)), asObject && (() => scorer.validate(doc))];
    }
    case "profile":
      return [() => am.applyProfile(framework(), text), asObject && (() => am.applyProfile(framework(), doc))];
    case "peer_review":
      return "method" in envelope
        ? [() => am.consolidate(text, framework(), envelope.method)]
        : [() => am.reviewIssues(text, framework())];
    case "mapping":
    case "translation": {
      const source = am.Framework.fromObject(doc.source);
      const target = am.Framework.fromObject(doc.target);
      return "assessment" in doc
        ? [() => am.translate(doc.mapping, doc.assessment, source, target)]
        : [() => am.checkMapping(doc.mapping, source, target)];
    }
    case "localization":
      return [() => am.localizationIssues(text, framework()), asObject && (() => am.localizationIssues(doc, framework()))];
    case "action_plan": {
      // Against the report of the envelope's assessment, as tests/conformance.rs does.
      const report = new am.Scorer(framework()).score(envelope.assessment);
      return [
        () => am.ActionPlan.fromJSON(text).issuesAgainst(report),
        asObject && (() => am.ActionPlan.fromObject(doc).issuesAgainst(report)),
      ];
    }
    case "composition": {
      const base = am.Framework.fromObject(doc.base);
      return [() => am.compose(base, doc.modules)];
    }
    default:
      throw new Error(`unknown kind ${kind}`);
  }
}

const INVALID = files("invalid");
const VALID = files("valid");

describe("invalid documents give their issues", () => {
  for (const [file, envelope] of INVALID) {
    test(file, () => {
      const expected = envelope.expected.map((e) => `${e.code} ${e.path}`).sort();
      for (const way of ways(envelope).filter(Boolean)) {
        assert.deepEqual(issues(way).sort(), expected);
      }
    });
  }
});

test("every issue code but the three about the crate's own outputs reaches JavaScript", () => {
  const reached = new Set();
  for (const [, envelope] of INVALID) {
    for (const way of ways(envelope).filter(Boolean)) {
      for (const issue of issues(way)) reached.add(issue.split(" ")[0]);
    }
  }
  const codes = new Set(am.issueCodes());
  assert.deepEqual([...reached].filter((c) => !codes.has(c)), []);
  assert.deepEqual(
    [...codes].filter((c) => !reached.has(c)).sort(),
    ["grouping-mismatch", "invalid-report", "invalid-state"],
  );
});

describe("valid documents score their totals", () => {
  for (const [file, envelope] of VALID) {
    test(file, () => {
      const framework = am.Framework.fromObject(envelope.framework);
      assert.deepEqual(framework.issues(), []);
      const report = new am.Scorer(framework).score(envelope.assessment);
      const expected = envelope.expected_total;
      if (expected === null) assert.equal(report.total.score, null);
      else assert.ok(Math.abs(report.total.score - expected) < 1e-12, `${report.total.score} vs ${expected}`);
      if ("expected_band" in envelope) assert.equal(report.band, envelope.expected_band);
    });
  }
});
