// The package's declarations: the classes and functions of the
// WebAssembly module (wasm-bindgen's pkg/assessment_model.d.ts, its
// document arguments and results typed by the crate's schemas), the error
// classes, and the document types.
export * from "./pkg/assessment_model.js";
export { ScoreError, ValidationError } from "./errors.js";
export type * from "./types/documents.js";
export type {
  AssessmentLike,
  ChartOptions,
  Coverage,
  IssueObject,
  LocalizedText,
  Total,
  Translation,
} from "./types/results.js";

/** The code of a not-applicable rating in `Scorer.totals`: `-Infinity`. */
export declare const NOT_APPLICABLE: number;

/**
 * Loads the WebAssembly module once (browsers: fetched beside the package,
 * or from `input`; Node: already loaded on import).
 */
export declare function init(
  input?: RequestInfo | URL | Response | BufferSource | WebAssembly.Module,
): Promise<void>;
