// assessment-model for browsers and bundlers: `await init()` loads the
// WebAssembly module (fetched beside this file, or from `input`), then
// every export is ready.
import load, { __registerErrors } from "./pkg/assessment_model.js";
import { ScoreError, ValidationError } from "./errors.js";

export * from "./pkg/assessment_model.js";
export { ScoreError, ValidationError } from "./errors.js";

/** The code of a not-applicable rating in `Scorer.totals`. */
export const NOT_APPLICABLE = -Infinity;

let ready;

/**
 * Loads the module once; `input` is what wasm-bindgen's loader takes (a
 * URL, a Response, bytes or a WebAssembly.Module), by default the
 * `.wasm` file beside the package's files.
 */
export function init(input) {
  ready ??= load(input === undefined ? undefined : { module_or_path: input }).then(() => {
    __registerErrors(ValidationError, ScoreError);
  });
  return ready;
}
