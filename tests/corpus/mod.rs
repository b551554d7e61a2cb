//! Reads a test corpus (the conformance documents, the fuzz seeds) from the
//! repository at test time. Tests may read files; the crate itself does no
//! I/O, and there is no build script, so a user's build never runs one.
//! A file added to a corpus directory is picked up without editing a list.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

/// Every file of `dir` (relative to the crate root) whose name ends with
/// `suffix` (`""` for all), as `(file name, contents)`, sorted by name.
/// Panics, failing the test, when the directory cannot be read.
pub fn files(dir: &str, suffix: &str) -> Vec<(String, Vec<u8>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let entries = std::fs::read_dir(&root)
        .unwrap_or_else(|e| panic!("cannot read the corpus {}: {e}", root.display()));
    let mut paths: Vec<PathBuf> = entries
        .map(|e| {
            e.map(|e| e.path())
                .unwrap_or_else(|e| panic!("{}: {e}", root.display()))
        })
        .filter(|p| p.is_file())
        .filter(|p| p.to_string_lossy().ends_with(suffix))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let data = std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            (name, data)
        })
        .collect()
}

/// Like [`files`], for text files.
pub fn texts(dir: &str, suffix: &str) -> Vec<(String, String)> {
    files(dir, suffix)
        .into_iter()
        .map(|(name, data)| {
            let text = String::from_utf8(data).unwrap_or_else(|e| panic!("{name}: {e}"));
            (name, text)
        })
        .collect()
}

/// Applies the `expand` directives of the README to `document`.
pub fn expand(document: &mut Value, directives: &[Value]) {
    for d in directives {
        let at = d["at"].as_str().unwrap();
        let times = d["times"].as_u64().unwrap();
        let target = document
            .pointer_mut(at)
            .unwrap_or_else(|| panic!("expand: {at} does not resolve"));
        *target = if let Some(text) = d.get("text") {
            Value::String(text.as_str().unwrap().repeat(times as usize))
        } else if let Some(template) = d.get("array_of") {
            Value::Array((1..=times).map(|i| instantiate(template, i)).collect())
        } else if let Some(template) = d.get("object_of") {
            let key = d["key"].as_str().unwrap();
            let map: Map<String, Value> = (1..=times)
                .map(|i| (key.replace("{i}", &i.to_string()), instantiate(template, i)))
                .collect();
            Value::Object(map)
        } else {
            panic!("unknown expand directive {d}")
        };
    }
}

/// `template` with `{i}` replaced by `i` in every string, and a string that
/// is exactly `{i}` replaced by the number `i`.
fn instantiate(template: &Value, i: u64) -> Value {
    match template {
        Value::String(s) if s == "{i}" => Value::from(i),
        Value::String(s) => Value::String(s.replace("{i}", &i.to_string())),
        Value::Array(items) => Value::Array(items.iter().map(|v| instantiate(v, i)).collect()),
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| (k.clone(), instantiate(v, i)))
                .collect(),
        ),
        other => other.clone(),
    }
}
