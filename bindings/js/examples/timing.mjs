// The Node side of the package's timing (examples/native_timing.rs is the
// native side): the worked good-practice example scored through the
// WebAssembly module, the same four ways, best of five rounds.
//   node examples/timing.mjs
import { performance } from "node:perf_hooks";
import { Scorer, goodPracticeCriteria, goodPracticeWorkedExample } from "../node.js";

function perCall(n, f) {
  let best = Infinity;
  for (let round = 0; round < 5; round++) {
    const start = performance.now();
    for (let i = 0; i < n; i++) f();
    best = Math.min(best, ((performance.now() - start) * 1000) / n);
  }
  return best;
}

const scorer = new Scorer(goodPracticeCriteria());
const example = goodPracticeWorkedExample();
const document = example.toJSON();
const text = JSON.stringify(document);
const row = Float64Array.from(scorer.leafIds(), (id) => (document.ratings[id].value === "met" ? 1 : 0));
const rows = new Float64Array(1000 * row.length).map((_, k) => row[k % row.length]);
let sink = 0;

// Each report is freed at once, as a long-running caller would (else
// wasm-bindgen's finalizers free them later, in the timed loops).
const scored = (argument) => {
  const report = scorer.score(argument);
  sink += report.total.score;
  report.free();
};
const results = {
  "score from JSON text     ": perCall(2000, () => scored(text)),
  "score from an object     ": perCall(2000, () => scored(document)),
  "total from JSON text     ": perCall(2000, () => (sink += scorer.total(text))),
  "totals, one row of codes ": perCall(20000, () => (sink += scorer.totals(row)[0])),
  "totals, per row of 1,000 ": perCall(50, () => (sink += scorer.totals(rows)[0])) / 1000,
};
console.log("node: worked example, microseconds per call (best of 5)");
for (const [what, us] of Object.entries(results)) console.log(`  ${what} ${us.toFixed(us < 10 ? 3 : 2).padStart(8)}`);
if (!(sink > 0)) throw new Error("no work done");
