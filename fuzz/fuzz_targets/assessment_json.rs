//! Fuzz target `assessment_json`: see `tests/fuzzing/mod.rs` (`fuzzing::assessment_json`) for the
//! pipeline and the promises it checks.
#![no_main]

#[path = "../../tests/fuzzing/mod.rs"]
mod fuzzing;

libfuzzer_sys::fuzz_target!(|data: &[u8]| fuzzing::assessment_json(data));
