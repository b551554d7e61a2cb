//! Fuzz target `mapping_json`: see `tests/fuzzing/mod.rs` (`fuzzing::mapping_json`) for the
//! pipeline and the promises it checks.
#![no_main]

#[path = "../../tests/fuzzing/mod.rs"]
mod fuzzing;

libfuzzer_sys::fuzz_target!(|data: &[u8]| fuzzing::mapping_json(data));
