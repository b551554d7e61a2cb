// The reference page: a form generated from a built-in framework, scored
// on every change by the package (the crate compiled to WebAssembly).
// Plain ES modules; no request beyond the page's own files.
import * as am from "../index.js";

await am.init();

const $ = (selector) => document.querySelector(selector);
const manifest = await (await fetch("localizations/index.json")).json();
const catalogue = am.frameworks();

const state = {
  framework: null, // am.Framework
  scorer: null, // am.Scorer
  localizations: [], // manifest entries of this framework, with their documents
  view: null, // the framework document in the chosen language
  texts: null, // am.Localized in the chosen language
  ratings: new Map(), // leaf id -> { value, note }
};

const percent = (x) => (x === null || x === undefined ? "–" : (x * 100).toFixed(1));
const el = (tag, props = {}, ...children) => {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children.filter((c) => c !== null && c !== undefined));
  return node;
};

/** Every criterion of a framework document, depth first, with its depth. */
function* criteria(list, depth = 0) {
  for (const c of list) {
    yield [c, depth];
    yield* criteria(c.children ?? [], depth + 1);
  }
}

function title(id) {
  for (const [c] of criteria(state.view.criteria)) if (c.id === id) return c.title;
  return id;
}

// ---- choosing a framework and a language --------------------------------

for (const [k, f] of catalogue.entries()) {
  $("#framework").append(el("option", { value: String(k), textContent: `${f.title} (${f.version})` }));
}
$("#framework").value = String(Math.max(0, catalogue.findIndex((f) => f.id === "good-practice-criteria")));

async function chooseFramework(index) {
  state.framework = catalogue[index];
  state.scorer = new am.Scorer(state.framework);
  const entries = manifest.filter((m) => m.framework === state.framework.id);
  state.localizations = await Promise.all(
    entries.map(async (e) => ({ ...e, document: await (await fetch(`localizations/${e.file}`)).json() })),
  );
  const own = state.framework.language;
  $("#language").replaceChildren(
    el("option", { value: "", textContent: `${own} (the framework's own)` }),
    ...state.localizations.map((l) => el("option", { value: l.language, textContent: `${l.name} (${l.language})` })),
  );
  state.ratings = new Map();
  clearProblems();
  chooseLanguage("");
}

function chooseLanguage(language) {
  $("#language").value = language;
  const entry = state.localizations.find((l) => l.language === language);
  const framework = entry ? am.Localization.fromObject(entry.document).apply(state.framework) : state.framework;
  state.view = framework.toJSON();
  const tag = language || state.framework.language;
  state.texts = new am.Localized(state.framework, state.localizations.map((l) => l.document), tag);
  document.documentElement.lang = tag;
  renderForm();
  update();
}

// ---- the form ------------------------------------------------------------

/** The control of a leaf's scale: radios for binary, a list of levels for
 * ordinal, a number field for numeric. */
function control(leaf, scale) {
  const name = `rating-${leaf.id}`;
  if (scale.type === "binary") {
    const radio = (value, label) =>
      el("label", {}, el("input", { type: "radio", name, value, className: "value", checked: value === "" }), ` ${label}`);
    return [radio("", "Unrated"), radio("met", "Met"), radio("not_met", "Not met")];
  }
  if (scale.type === "ordinal") {
    const select = el("select", { className: "value", name, ariaLabel: `Level of ${leaf.id}` });
    select.append(el("option", { value: "", textContent: "— unrated —" }));
    for (const level of scale.levels) {
      select.append(el("option", { value: level.id, textContent: `${level.label ?? level.id} (${level.value})` }));
    }
    return [select];
  }
  const input = el("input", { type: "number", step: "any", className: "value", name, ariaLabel: `Value of ${leaf.id}` });
  if (scale.min !== undefined) input.min = String(scale.min);
  if (scale.max !== undefined) input.max = String(scale.max);
  return [input, scale.unit ? el("span", { textContent: ` ${scale.unit}` }) : null];
}

function leafRow(leaf) {
  const scale = state.view.scales[leaf.scale];
  const row = el("div", { className: "item", id: `item-${leaf.id}` });
  row.dataset.criterion = leaf.id;
  row.dataset.scale = scale.type;
  row.append(
    el("p", { className: "title" }, el("span", { className: "id", textContent: leaf.id }), leaf.title),
    el("div", { className: "rating" }, ...control(leaf, scale)),
    el(
      "div",
      { className: "extra" },
      el("label", {}, el("input", { type: "checkbox", className: "na" }), " Not applicable"),
      el("input", { type: "text", className: "note", placeholder: "Evidence note", ariaLabel: `Evidence note for ${leaf.id}` }),
    ),
    el("p", { className: "problem", hidden: true, role: "alert" }),
  );
  return row;
}

function renderTree(list) {
  return list.map((c) => {
    if (!c.children) return leafRow(c);
    const set = el("fieldset", {}, el("legend", { textContent: c.title }), el("p", { className: "problem", hidden: true, role: "alert" }));
    set.dataset.criterion = c.id;
    set.append(...renderTree(c.children));
    return set;
  });
}

function renderForm() {
  $("#form").replaceChildren(...renderTree(state.view.criteria));
  for (const row of document.querySelectorAll(".item")) showRating(row, state.ratings.get(row.dataset.criterion));
}

/** Sets a row's controls to a rating (or to unrated). */
function showRating(row, rating) {
  const value = rating?.value;
  const na = value === "not_applicable";
  row.querySelector(".na").checked = na;
  row.querySelector(".note").value = rating?.note ?? "";
  const kind = row.dataset.scale;
  if (kind === "binary") {
    const want = na || value === undefined ? "" : value;
    for (const r of row.querySelectorAll("input.value")) r.checked = r.value === want;
  } else if (kind === "ordinal") {
    const level = value?.level;
    const scale = state.view.scales[leafScale(row.dataset.criterion)];
    const byValue = scale?.levels.find((l) => l.value === level);
    row.querySelector(".value").value = na || level === undefined ? "" : byValue ? byValue.id : String(level);
  } else {
    row.querySelector(".value").value = na || value?.number === undefined ? "" : String(value.number);
  }
  for (const input of row.querySelectorAll(".value")) input.disabled = na;
}

function leafScale(id) {
  for (const [c] of criteria(state.view.criteria)) if (c.id === id) return c.scale;
  return undefined;
}

/** The rating a row's controls say, or undefined for unrated. */
function readRating(row) {
  const note = row.querySelector(".note").value.trim();
  let value;
  if (row.querySelector(".na").checked) value = "not_applicable";
  else if (row.dataset.scale === "binary") value = row.querySelector("input.value:checked")?.value || undefined;
  else if (row.dataset.scale === "ordinal") {
    const id = row.querySelector(".value").value;
    value = id ? { level: id } : undefined;
  } else {
    const text = row.querySelector(".value").value;
    value = text === "" ? undefined : { number: Number(text) };
  }
  return value === undefined ? (note ? { note } : undefined) : note ? { value, note } : { value };
}

$("#form").addEventListener("input", (event) => {
  const row = event.target.closest(".item");
  if (!row) return;
  const rating = readRating(row);
  if (rating) state.ratings.set(row.dataset.criterion, rating);
  else state.ratings.delete(row.dataset.criterion);
  for (const input of row.querySelectorAll(".value")) input.disabled = row.querySelector(".na").checked;
  markProblem(row, null);
  update();
});

// ---- the assessment document -------------------------------------------

function assessmentDocument() {
  const ratings = {};
  for (const [id, r] of state.ratings) if (r.value !== undefined) ratings[id] = r;
  return {
    framework: { id: state.framework.id, version: `=${state.framework.version}` },
    subject: { name: $("#subject").value.trim() || "Unnamed subject" },
    ratings,
  };
}

// ---- the report ----------------------------------------------------------

function update() {
  const doc = assessmentDocument();
  let report;
  try {
    report = state.scorer.score(doc);
  } catch (e) {
    if (!(e instanceof am.ValidationError)) throw e;
    showProblems(e.issues);
    return;
  }
  const total = report.total;
  $("#total").replaceChildren(
    "Total ",
    el("strong", { id: "total-score", textContent: percent(total.score) }),
    ` / 100 · coverage ${percent(total.coverage)}%`,
    report.band ? ` · band ${report.band}` : "",
  );
  $("#total").dataset.score = total.score === null ? "" : String(total.score);
  renderBounds(doc);
  renderChart(report);
  renderPriorities(doc);
  renderAreas(report);
  report.free(); // its WebAssembly memory now, rather than at a later GC
}

function renderBounds(doc) {
  const leaves = state.scorer.leafCount;
  const rated = Object.keys(doc.ratings).length;
  if (rated === leaves) {
    $("#bounds").replaceChildren();
    return;
  }
  const bounds = state.scorer.bounds(doc);
  const [total, first] = [bounds.total, bounds.leverage[0]];
  bounds.free();
  $("#bounds").replaceChildren(
    el("p", {
      id: "bounds-range",
      textContent: `${leaves - rated} of ${leaves} items unrated: the total can end between ${percent(total.lower)} and ${percent(total.upper)}.`,
    }),
    first
      ? el(
          "p",
          { id: "rate-first" },
          "Rate first: ",
          el("strong", { textContent: `${first.criterion} ${title(first.criterion)}` }),
          ` (settles up to ${percent(first.leverage)} points of the total).`,
        )
      : null,
  );
  if (first) $("#rate-first").dataset.criterion = first.criterion;
}

/** The crate's profile chart (SVG text), in the chosen language. */
function renderChart(report) {
  $("#chart").innerHTML = am.profileChartIn(report, state.texts, { width: 520, height: 420, idPrefix: "profile" });
}

function renderPriorities(doc) {
  const gains = state.scorer.priorities(doc).filter((p) => p.gain > 0).slice(0, 5);
  $("#priorities").replaceChildren(
    ...gains.map((p) => {
      const li = el("li", {}, el("strong", { textContent: p.criterion }), ` ${title(p.criterion)} `, el("em", { textContent: `(+${percent(p.gain)} points)` }));
      li.dataset.criterion = p.criterion;
      return li;
    }),
  );
  if (gains.length === 0) $("#priorities").append(el("li", { textContent: "Nothing to raise among the rated items." }));
}

/** Each area's score and the line that explains it (its rule, and each
 * child's score, weight and contribution), in the chosen language. */
function renderAreas(report) {
  const areas = report.toJSON().nodes.filter((n) => n.depth === 1);
  $("#explanations").replaceChildren(
    ...areas.map((n) => {
      const area = el(
        "div",
        { className: "area" },
        el("h4", {}, title(n.id), " ", el("span", { className: "score", textContent: percent(n.score) })),
        el("p", { className: "explanation", textContent: report.explain(n.id).displayIn(state.texts) }),
      );
      area.dataset.criterion = n.id;
      return area;
    }),
  );
}

// ---- problems of a loaded document, each at its field -------------------

/** The reference tokens of a JSON Pointer (RFC 6901). */
const tokens = (pointer) => pointer.split("/").slice(1).map((t) => t.replaceAll("~1", "/").replaceAll("~0", "~"));

function markProblem(row, message) {
  const p = row.querySelector(":scope > .problem");
  p.hidden = message === null;
  p.textContent = message ?? "";
  row.classList.toggle("invalid", message !== null);
}

function clearProblems() {
  $("#problems").hidden = true;
  $("#problems ul").replaceChildren();
  for (const field of document.querySelectorAll(".invalid")) markProblem(field, null);
}

/** The field of the page a JSON Pointer into the assessment points at:
 * an item for `/ratings/<id>…`, the item or group for `/narratives/<id>`,
 * the subject for `/subject…`, the framework for `/framework…`. */
function fieldOf(pointer) {
  const [first, id] = tokens(pointer);
  if (first === "ratings" && id) return document.getElementById(`item-${id}`);
  if (first === "narratives" && id) {
    return document.getElementById(`item-${id}`) ?? document.querySelector(`fieldset[data-criterion="${CSS.escape(id)}"]`);
  }
  if (first === "subject") return $("#subject-field");
  if (first === "framework") return $("#framework-field");
  return null;
}

function showProblems(issues) {
  clearProblems();
  for (const issue of issues) {
    const field = fieldOf(issue.path);
    if (field) {
      const said = field.querySelector(":scope > .problem").textContent;
      markProblem(field, `${said ? `${said}; ` : ""}${issue.message} (${issue.code} at ${issue.path})`);
      if (!field.id) field.id = `field-${issue.path.replace(/[^a-z0-9-]/gi, "-")}`;
    }
    const where = field ? el("a", { href: `#${field.id}`, textContent: issue.path }) : el("code", { textContent: issue.path || "/" });
    $("#problems ul").append(el("li", {}, where, ` ${issue.code}: ${issue.message}`));
  }
  $("#problems").hidden = issues.length === 0;
}

// ---- load and save --------------------------------------------------------

async function load(text) {
  clearProblems();
  let assessment;
  try {
    assessment = am.Assessment.fromJSON(text);
  } catch (e) {
    if (!(e instanceof am.ValidationError)) throw e;
    showProblems(e.issues);
    return;
  }
  const doc = assessment.toJSON();
  const index = catalogue.findIndex((f) => f.id === doc.framework.id);
  if (index >= 0 && catalogue[index].id !== state.framework.id) {
    $("#framework").value = String(index);
    await chooseFramework(index);
  }
  $("#subject").value = doc.subject.name;
  let issues = [];
  try {
    state.scorer.validate(doc);
  } catch (e) {
    if (!(e instanceof am.ValidationError)) throw e;
    issues = e.issues;
  }
  // The ratings that fit go into the form; each that does not is shown at its item.
  const bad = new Set(issues.map((i) => tokens(i.path)).filter((t) => t[0] === "ratings").map((t) => t[1]));
  state.ratings = new Map(Object.entries(doc.ratings ?? {}).filter(([id]) => !bad.has(id) && document.getElementById(`item-${id}`)));
  renderForm();
  update();
  showProblems(issues);
}

$("#load").addEventListener("change", async (event) => {
  const file = event.target.files[0];
  if (file) await load(await file.text());
  event.target.value = "";
});

$("#save").addEventListener("click", () => {
  const text = JSON.stringify(am.Assessment.fromObject(assessmentDocument()), null, 2);
  const url = URL.createObjectURL(new Blob([text + "\n"], { type: "application/json" }));
  const name = `${$("#subject").value.trim().toLowerCase().replace(/[^a-z0-9]+/g, "-") || "assessment"}.json`;
  const link = el("a", { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
});

$("#framework").addEventListener("change", (e) => chooseFramework(Number(e.target.value)));
$("#language").addEventListener("change", (e) => chooseLanguage(e.target.value));
$("#subject").addEventListener("input", () => update());

await chooseFramework(Number($("#framework").value));
document.body.dataset.ready = "true";
