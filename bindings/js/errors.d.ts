import type { IssueObject } from "./types/results.js";

/** A document that does not parse or a framework that is not valid. */
export class ValidationError extends Error {
  constructor(issues: IssueObject[]);
  readonly name: "ValidationError" | "ScoreError";
  /** Every issue: code, JSON Pointer path, severity, message. */
  readonly issues: IssueObject[];
}

/** An assessment, report or ratings that do not fit the scorer's framework. */
export class ScoreError extends ValidationError {
  readonly name: "ScoreError";
}
