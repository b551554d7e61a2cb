//! Writes the built-in catalogues and the worked example as JSON under
//! `catalogs/` (the files the `catalog_exports` test checks for drift).
//!
//! Run with `cargo run --example export_catalogs`.

use std::error::Error;
use std::path::Path;

use assessment_model::catalog::{self, good_practice};

fn main() -> Result<(), Box<dyn Error>> {
    // This package is `examples/`; the catalogues are beside it.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .ok_or("examples/ is in the repository")?;
    let dir = root.join("catalogs");
    std::fs::create_dir_all(&dir)?;
    let mut files = Vec::new();
    for framework in catalog::frameworks() {
        files.push((
            format!("{}.json", framework.id),
            serde_json::to_string_pretty(&framework)?,
        ));
    }
    files.push((
        "good-practice-worked-example.json".to_owned(),
        serde_json::to_string_pretty(&good_practice::worked_example())?,
    ));
    for (name, json) in files {
        let path = dir.join(&name);
        std::fs::write(&path, format!("{json}\n"))?;
        println!("wrote {}", path.display());
    }
    Ok(())
}
