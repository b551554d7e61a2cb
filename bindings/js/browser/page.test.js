// The reference page (demo/) in headless Chromium, driven by Playwright:
// Debian's chromium (CHROMIUM, default /usr/bin/chromium) with a new empty
// profile, the page served on localhost by serve.js. Rates the worked
// good-practice example as its source does, switches the language, loads
// an assessment with an off-scale rating, saves the assessment, and leaves
// a screenshot under target/ (the repository's).
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { chromium } from "playwright-core";

import { serve } from "./serve.js";

const repo = new URL("../../../", import.meta.url);
const artifacts = new URL("target/js-browser/", repo);
const example = JSON.parse(readFileSync(new URL("catalogs/good-practice-worked-example.json", repo), "utf8"));

let server, profile, context, page;
const requests = [];

before(async () => {
  server = await serve();
  profile = mkdtempSync(join(tmpdir(), "assessment-model-chromium-"));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.on("request", (r) => requests.push(r.url()));
  page.on("pageerror", (e) => assert.fail(`page error: ${e.message}`));
  await page.goto(`${server.url}demo/`);
  await page.waitForSelector("body[data-ready=true]");
  mkdirSync(artifacts, { recursive: true });
});

after(async () => {
  await context?.close();
  await server?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

test("while items are unrated, the bounds and the item to rate first are shown", async () => {
  assert.equal(await page.locator("#framework option:checked").textContent(), "Good Practice Criteria (1.0.0)");
  assert.equal(await page.locator(".item").count(), 36);
  assert.match(await page.locator("#bounds-range").textContent(), /^36 of 36 items unrated: the total can end between 0\.0 and 100\.0\.$/);
  await page.locator("#item-q9-1 input[value=met]").check();
  assert.match(await page.locator("#bounds-range").textContent(), /^35 of 36 items unrated/);
  assert.ok(await page.locator("#rate-first").isVisible());
});

test("rating the worked example's 36 items as its source does gives 86.1 and five areas on the chart", async () => {
  for (const [id, rating] of Object.entries(example.ratings)) {
    await page.locator(`#item-${id} input[value=${rating.value}]`).check();
  }
  assert.equal(await page.locator("#total-score").textContent(), "86.1");
  assert.equal(await page.locator("#bounds").textContent(), "");
  assert.deepEqual(await page.locator("#priorities li").evaluateAll((li) => li.map((l) => l.dataset.criterion)), ["q9-3", "q10-2", "q3-3"]);
  assert.equal(await page.locator("#chart svg g.mark").count(), 5);
  assert.match(await page.locator("#chart svg desc").textContent(), /Total 86\.1\. Inclusivity & Participation: 88\.9;/);
  assert.equal(await page.locator("#explanations .area").count(), 5);
  assert.equal(
    await page.locator("#explanations .area[data-criterion=sustainability] .explanation").textContent(),
    "Sustainability 0.667 = weighted mean of q9 0.667 (w 1)",
  );
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: new URL("worked-example.png", artifacts).pathname });
});

test("switching the language changes the titles", async () => {
  assert.equal(await page.locator("fieldset > legend").first().textContent(), "Inclusivity & Participation");
  await page.selectOption("#language", "fr");
  assert.equal(await page.locator("fieldset > legend").first().textContent(), "Inclusivité et participation");
  assert.equal(await page.locator("html").getAttribute("lang"), "fr");
  assert.match(await page.locator("#chart svg desc").textContent(), /Durabilité: 66\.7/);
  assert.equal(
    await page.locator("#explanations .area[data-criterion=sustainability] .explanation").textContent(),
    "Durabilité 0.667 = weighted mean of q9 0.667 (w 1)",
  );
  assert.equal(await page.locator("#total-score").textContent(), "86.1");
  await page.screenshot({ path: new URL("french.png", artifacts).pathname });
  await page.selectOption("#language", "");
  assert.equal(await page.locator("fieldset > legend").first().textContent(), "Inclusivity & Participation");
});

test("saving writes the assessment document", async () => {
  await page.fill("#subject", "Afpa programme");
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#save")]);
  assert.equal(download.suggestedFilename(), "afpa-programme.json");
  const saved = JSON.parse(readFileSync(await download.path(), "utf8"));
  assert.deepEqual(saved.framework, { id: "good-practice-criteria", version: "=1.0.0" });
  assert.equal(saved.subject.name, "Afpa programme");
  assert.deepEqual(
    Object.fromEntries(Object.entries(saved.ratings).map(([id, r]) => [id, r.value])),
    Object.fromEntries(Object.entries(example.ratings).map(([id, r]) => [id, r.value])),
  );
});

test("loading an assessment with an off-scale rating shows the error at that item", async () => {
  const bad = structuredClone(example);
  bad.ratings["q2-1"] = { value: { level: 3 } };
  await page.setInputFiles("#load", { name: "bad.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(bad)) });
  const problem = page.locator("#item-q2-1 .problem");
  await problem.waitFor({ state: "visible" });
  assert.match(await problem.textContent(), /rating-off-scale at \/ratings\/q2-1\/value/);
  assert.ok(await page.locator("#item-q2-1").evaluate((row) => row.classList.contains("invalid")));
  assert.equal(await page.locator(".item.invalid").count(), 1);
  assert.equal(await page.locator("#problems li").count(), 1);
  // The other 35 ratings are loaded; q2-1 is left unrated.
  assert.match(await page.locator("#bounds-range").textContent(), /^1 of 36 items unrated/);
  await page.locator("#item-q2-1").scrollIntoViewIfNeeded();
  await page.screenshot({ path: new URL("off-scale.png", artifacts).pathname });
  // Rating the item clears its problem.
  await page.locator("#item-q2-1 input[value=met]").check();
  assert.equal(await page.locator(".item.invalid").count(), 0);
});

test("a document that does not parse shows its problem at the field", async () => {
  const typo = structuredClone(example);
  typo.ratings["q7-2"] = { valeu: "met" };
  await page.setInputFiles("#load", { name: "typo.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(typo)) });
  const problem = page.locator("#item-q7-2 .problem");
  await problem.waitFor({ state: "visible" });
  assert.match(await problem.textContent(), /unknown-field at \/ratings\/q7-2\/valeu/);
});

test("an assessment of another version of the framework shows the mismatch at the framework", async () => {
  const other = structuredClone(example);
  other.framework.version = "=2.0.0";
  await page.setInputFiles("#load", { name: "v2.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(other)) });
  const problem = page.locator("#framework-field .problem");
  await problem.waitFor({ state: "visible" });
  assert.match(await problem.textContent(), /^requires good-practice-criteria =2\.0\.0, but the framework is good-practice-criteria 1\.0\.0 \(framework-mismatch at \/framework\)$/);
  assert.equal(await page.locator(".item.invalid").count(), 0);
  assert.equal(await page.locator("#total-score").textContent(), "86.1");
});

test("another framework: an ordinal scale is a list of levels, and the form starts unrated", async () => {
  const impart = await page.locator("#framework option", { hasText: "IMPART" }).first().getAttribute("value");
  await page.selectOption("#framework", impart);
  const first = page.locator(".item").first();
  assert.equal(await first.getAttribute("data-scale"), "ordinal");
  assert.deepEqual(await first.locator("select.value option").evaluateAll((o) => o.map((x) => x.value)), [
    "",
    "not-in-place",
    "partly-in-place",
    "in-place",
  ]);
  assert.equal(await page.locator("#total-score").textContent(), "–");
  // One indicator in place, the only one rated: the total is 100.0.
  await first.locator("select.value").selectOption("in-place");
  assert.equal(await page.locator("#total-score").textContent(), "100.0");
  await first.locator("input.na").check();
  assert.ok(await first.locator("select.value").isDisabled());
  assert.equal(await page.locator("#total-score").textContent(), "–");
});

test("the page made no request beyond its own files", () => {
  const foreign = requests.filter((u) => !u.startsWith(server.url) && !u.startsWith("blob:") && !u.startsWith("data:"));
  assert.deepEqual(foreign, []);
  assert.ok(requests.some((u) => u.endsWith("/pkg/assessment_model_bg.wasm")));
});
