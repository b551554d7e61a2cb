// assessment-model for Node: the WebAssembly module is read from the
// package and instantiated when this module is imported, so every export
// is ready at once.
import { readFileSync } from "node:fs";
import { initSync, __registerErrors } from "./pkg/assessment_model.js";
import { ScoreError, ValidationError } from "./errors.js";

initSync({ module: readFileSync(new URL("./pkg/assessment_model_bg.wasm", import.meta.url)) });
__registerErrors(ValidationError, ScoreError);

export * from "./pkg/assessment_model.js";
export { ScoreError, ValidationError } from "./errors.js";

/** The code of a not-applicable rating in `Scorer.totals`. */
export const NOT_APPLICABLE = -Infinity;

/** Nothing to wait for in Node (the module is loaded); as in `index.js`. */
export function init() {
  return Promise.resolve();
}
