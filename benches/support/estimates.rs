//! Criterion's median of a bench that ran in this process: read from
//! `target/criterion/<id>/new/estimates.json`, written as each bench
//! finishes, and taken only when written after `since` (so a bench left
//! out by a filter never lends an older run's figure).
#![allow(dead_code)]

use std::path::PathBuf;
use std::time::SystemTime;

/// The median time per iteration in ns of the bench `id` (its group,
/// function and parameter joined by `/`, as criterion names it), if it
/// ran after `since`.
pub fn median_ns(id: &str, since: SystemTime) -> Option<f64> {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("target"));
    let path = target.join("criterion").join(id).join("new/estimates.json");
    let modified = std::fs::metadata(&path).ok()?.modified().ok()?;
    if modified < since {
        return None;
    }
    let text = std::fs::read_to_string(path).ok()?;
    let json: serde_json::Value = serde_json::from_str(&text).ok()?;
    json.get("median")?.get("point_estimate")?.as_f64()
}
