//! Embeds the test corpora for the integration tests: writes
//! `$OUT_DIR/fuzz_seeds.rs` (every file under `fuzz/seeds/<target>/`) and
//! `$OUT_DIR/conformance.rs` (every `*.json` under `tests/conformance/valid/`
//! and `tests/conformance/invalid/`) as `include_bytes!`/`include_str!`
//! lists, so the tests need no file I/O and a new file is picked up without
//! editing a list. The library itself uses neither. Where the directories
//! are absent (a published package), the lists are empty.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

const SEED_TARGETS: [&str; 6] = [
    "framework_json",
    "framework_toml",
    "assessment_json",
    "profile_json",
    "mapping_json",
    "review_json",
];

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default());
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_default());

    let mut seeds = String::new();
    for target in SEED_TARGETS {
        let dir = root.join("fuzz/seeds").join(target);
        println!("cargo:rerun-if-changed={}", dir.display());
        let _ = writeln!(
            seeds,
            "/// Seeds of the `{target}` fuzz target.\n#[allow(dead_code)]\nconst {}: &[(&str, &[u8])] = &[",
            target.to_uppercase()
        );
        for file in files(&dir, None) {
            let _ = writeln!(
                seeds,
                "    ({:?}, include_bytes!({:?})),",
                name(&file),
                file.display().to_string()
            );
        }
        seeds.push_str("];\n");
    }
    let _ = fs::write(out.join("fuzz_seeds.rs"), seeds);

    let mut conformance = String::new();
    for kind in ["valid", "invalid"] {
        let dir = root.join("tests/conformance").join(kind);
        println!("cargo:rerun-if-changed={}", dir.display());
        let _ = writeln!(
            conformance,
            "/// The `{kind}/` documents.\n#[allow(dead_code)]\nconst {}: &[(&str, &str)] = &[",
            kind.to_uppercase()
        );
        for file in files(&dir, Some("json")) {
            let _ = writeln!(
                conformance,
                "    ({:?}, include_str!({:?})),",
                name(&file),
                file.display().to_string()
            );
        }
        conformance.push_str("];\n");
    }
    let _ = fs::write(out.join("conformance.rs"), conformance);
}

/// The files of `dir` (with extension `ext`, if given), sorted by name.
fn files(dir: &Path, ext: Option<&str>) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.is_file())
                .filter(|p| ext.is_none_or(|ext| p.extension().is_some_and(|e| e == ext)))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

fn name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}
