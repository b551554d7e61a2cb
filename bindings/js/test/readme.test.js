// The root README's JavaScript section: its two commands are what .ci/run
// runs, and its example runs and prints what its comments say.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { test } from "node:test";

const repo = new URL("../../../", import.meta.url);
const section = readFileSync(new URL("README.md", repo), "utf8").split("\n## JavaScript\n")[1].split("\n## ")[0];
const blocks = (lang) => [...section.matchAll(new RegExp("```" + lang + "\\n([\\s\\S]*?)\\n```", "g"))].map((m) => m[1]);

test(".ci/run runs the README's commands verbatim", () => {
  const commands = blocks("sh");
  assert.equal(commands.length, 2);
  const ci = readFileSync(new URL(".ci/run", repo), "utf8").split("\n");
  for (const command of commands) assert.ok(ci.includes(command), command);
});

/** Runs `example` as a module inside the package, so `from
 * "assessment-model"` is the package itself (its package.json's name and
 * exports); returns what it printed and what its comments say it prints. */
function run(example, name) {
  const dir = new URL("../.readme/", import.meta.url);
  mkdirSync(dir, { recursive: true });
  const file = new URL(name, dir);
  writeFileSync(file, example);
  const out = execFileSync(process.execPath, [file.pathname], { encoding: "utf8" }).trimEnd().split("\n");
  const said = [...example.matchAll(/console\.log\(.*?\); \/\/ (.*)$/gm)].map((m) => m[1]);
  return [out, said];
}

test("the README's example runs and prints what its comments say", () => {
  const [out, said] = run(blocks("js")[0], "root-readme.mjs");
  assert.deepEqual(said, ["0.861", "q9-3", "Sustainability 0.667 = weighted mean of q9 0.667 (w 1)", "5", "Float64Array(2) [ 1, 0 ]", "rating-off-scale /ratings/q1-1/value"]);
  assert.deepEqual(out, said);
});

test("the package README's example runs and prints what its comments say", () => {
  const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
  const [example] = [...readme.matchAll(/```js\n([\s\S]*?)\n```/g)].map((m) => m[1]);
  const [out, said] = run(example, "package-readme.mjs");
  assert.equal(said.length, 4);
  assert.deepEqual(out, said);
});

test("the wasm-bindgen command line the README installs is the lock file's wasm-bindgen", () => {
  const lock = readFileSync(new URL("Cargo.lock", repo), "utf8");
  const [, version] = lock.match(/\[\[package\]\]\nname = "wasm-bindgen"\nversion = "([^"]+)"/);
  const [build] = blocks("sh");
  assert.ok(build.includes(`grep -qx "wasm-bindgen ${version}"`), build);
  assert.ok(build.includes(`cargo install wasm-bindgen-cli --version ${version}`), build);
  const manifest = readFileSync(new URL("bindings/js/Cargo.toml", repo), "utf8");
  assert.ok(manifest.includes(`wasm-bindgen = "=${version}"`));
});
