#!/usr/bin/env bash
# Builds the npm package in place: the WebAssembly module and its
# wasm-bindgen glue (pkg/), the TypeScript types of the documents (types/),
# then checks the declarations with `tsc --noEmit` against a typed example.
# Needs the target wasm32-unknown-unknown, wasm-bindgen-cli at the version
# of the wasm-bindgen crate in Cargo.lock, and `npm ci` done here.
set -euo pipefail
cd "$(dirname "$0")"
root=../..

cargo build -p assessment-model-js --target wasm32-unknown-unknown --release
# `--target web`: ES modules that run in browsers as they are and in Node
# once given the module's bytes (node.js reads them with fs).
wasm-bindgen --target web --out-dir pkg --out-name assessment_model \
  "$root/target/wasm32-unknown-unknown/release/assessment_model.wasm"
# A chart's options may be left out: wasm-bindgen writes the parameter of
# an explicit type as required.
sed -i 's/options: res\.ChartOptions)/options?: res.ChartOptions)/' pkg/assessment_model.d.ts

results="$root/target/js-result-schemas.json"
cargo run --quiet -p assessment-model-js --example result_schemas > "$results"
node scripts/types.mjs "$results"

npx --no-install tsc --noEmit -p tsconfig.json
echo "bindings/js: built pkg/ ($(wc -c < pkg/assessment_model_bg.wasm) bytes of wasm)"
