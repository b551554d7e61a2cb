// The small objects the package makes itself (the rest are the crate's
// documents and results, generated into documents.d.ts).
import type { Assessment } from "../pkg/assessment_model.js";
import type * as doc from "./documents.js";

/** A problem, as every `issues` array and `ValidationError.issues` holds it. */
export interface IssueObject {
  /** The stable kebab-case code (`issueCodes()` lists them). */
  code: string;
  /** A JSON Pointer (RFC 6901) into the document; `""` is the whole. */
  path: string;
  severity: "error" | "warning";
  message: string;
}

/** An assessment argument: a wrapped `Assessment`, a document object or JSON text. */
export type AssessmentLike = Assessment | doc.AssessmentDocument | string;

/** `Report.total`. */
export interface Total {
  score: number | null;
  coverage: number | null;
  band: string | null;
}

/** `Localization.coverage`: how much of a framework a localization translates. */
export interface Coverage {
  translated: number;
  translatable: number;
  share: number;
  complete: boolean;
}

/** `Localized.criterionTitle`: a text in the requested language, or the one it fell back to. */
export interface LocalizedText {
  text: string;
  language: string;
  fallback: boolean;
}

/** `translate`: the assessment carried to the target framework and what was or was not carried. */
export interface Translation {
  assessment: doc.AssessmentDocument;
  carried?: unknown[];
  not_carried?: unknown[];
  unrated?: unknown[];
  narratives_not_carried?: unknown[];
  findings_not_carried?: unknown[];
}

/** The options of a chart (`profileChart` and the others): 640×480, the
 * ids prefixed `assessment-chart` and English words unless given. */
export interface ChartOptions {
  width?: number;
  height?: number;
  /** Prefix of the ids inside the SVG, to keep several charts on a page apart. */
  idPrefix?: string;
  /** The chart's own words (titles, legend); each one not given is the English default. */
  words?: Partial<doc.ChartWords>;
}
