//! Prints the JSON Schemas of the results the JavaScript package returns
//! as plain objects (priorities, bounds, progress, a plan's review, a
//! consolidated peer review, a chart's words) as one JSON object keyed by
//! the TypeScript name each becomes. `build.sh` turns them, with the
//! committed document schemas (`schemas/`), into `types/*.d.ts`.
//!
//! Run natively: `cargo run -p assessment-model-js --example result_schemas`.

use assessment_model::analysis::Progress;
use assessment_model::chart::ChartWords;
use assessment_model::plan::PlanReview;
use assessment_model::review::Consolidated;
use assessment_model::{Bounds, Priority};
use schemars::JsonSchema;
use schemars::generate::SchemaSettings;

/// The schema of `T` as the crate writes it (draft 2020-12, `$defs`).
fn schema_of<T: JsonSchema>() -> serde_json::Value {
    let generator = SchemaSettings::draft2020_12()
        .for_serialize()
        .into_generator();
    serde_json::Value::from(generator.into_root_schema_for::<T>())
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let schemas = serde_json::json!({
        "Priority": schema_of::<Priority>(),
        "BoundsDocument": schema_of::<Bounds>(),
        "ProgressDocument": schema_of::<Progress>(),
        "PlanReview": schema_of::<PlanReview>(),
        "Consolidated": schema_of::<Consolidated>(),
        "ChartWords": schema_of::<ChartWords>(),
    });
    println!("{}", serde_json::to_string_pretty(&schemas)?);
    Ok(())
}
