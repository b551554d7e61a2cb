// The package's errors: every problem the crate reports, as an `issues`
// array of {code, path, severity, message} (path a JSON Pointer into the
// document). The wasm module throws them (registered by index.js / node.js).

/** The text of an error: the count, then one line per issue. */
function summary(issues) {
  const lines = issues.map((i) => `  ${i.path || "/"}: ${i.message} [${i.code}, ${i.severity}]`);
  const count = issues.length === 1 ? "1 issue" : `${issues.length} issues`;
  return [count, ...lines].join("\n");
}

/**
 * A document that does not parse (one issue, where the parser stopped) or
 * a framework that is not valid (every issue, warnings included).
 */
export class ValidationError extends Error {
  constructor(issues) {
    super(summary(issues));
    this.name = "ValidationError";
    /** Every issue: `{code, path, severity, message}`. */
    this.issues = issues;
  }
}

/**
 * An assessment, report or matrix of ratings that does not fit the
 * scorer's framework (every issue). A `ValidationError` too.
 */
export class ScoreError extends ValidationError {
  constructor(issues) {
    super(issues);
    this.name = "ScoreError";
  }
}
