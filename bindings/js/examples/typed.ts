// A small typed use of the package, checked by `tsc --noEmit` (build.sh):
// the declarations must type every call below, and a wrong use must not
// type (the @ts-expect-error lines).
import {
  type AssessmentDocument,
  type FrameworkDocument,
  type IssueObject,
  type LocalizationDocument,
  type Priority,
  type ReportDocument,
  Localized,
  NOT_APPLICABLE,
  Scorer,
  ValidationError,
  type ExplanationDocument,
  goodPracticeCriteria,
  profileChartIn,
  goodPracticeWorkedExample,
  init,
} from "assessment-model";

await init();
const framework = goodPracticeCriteria();
const scorer = new Scorer(framework);
const example: AssessmentDocument = goodPracticeWorkedExample().toJSON();
const report = scorer.score(example);
const total: number | null = report.total.score;
const document: ReportDocument = report.toJSON();
const areas: string[] = document.nodes.filter((n) => n.depth === 1).map((n) => n.title);
const gains: Priority[] = scorer.priorities(example);
const best: string | undefined = gains[0]?.criterion;

const row = new Float64Array(scorer.leafCount).fill(1);
row[0] = NOT_APPLICABLE;
const totals: Float64Array = scorer.totals(row);

const bounds = scorer.bounds({ ...example, ratings: {} });
const first: string | undefined = bounds.leverage[0]?.criterion;
const upper: number | null | undefined = bounds.total.upper;

const french: LocalizationDocument = {
  id: "gp-fr",
  framework: { id: "good-practice-criteria", version: "^1" },
  language: "fr",
  criteria: { "effectiveness": { title: "Efficacité" } },
};
const texts = new Localized(framework, [french], "fr");
const table: string = report.displayIn(texts);

const own: FrameworkDocument = framework.toJSON();
const why: ExplanationDocument | undefined = report.explain("q9")?.toJSON();
const line: string = report.explainTotal().displayIn(texts);
const svg: string = profileChartIn(report, texts, { width: 480, words: { total: "Total" } });
// @ts-expect-error: a chart's options have no `colour`.
profileChartIn(report, texts, { colour: "red" });
try {
  scorer.score({ ...example, ratings: { "q1-1": { value: { level: 7 } } } });
} catch (e) {
  if (e instanceof ValidationError) {
    const issues: IssueObject[] = e.issues;
    console.log(issues.map((i) => `${i.code} at ${i.path}`), e.name);
  }
}

// @ts-expect-error: a report document has no `score` at the top.
document.score;
// @ts-expect-error: totals take a Float64Array, not rows of numbers.
scorer.totals([[1, 0]]);

console.log(total, areas, best, totals, first, upper, table, own.id, why, line, svg);
