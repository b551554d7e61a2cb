//! Fuzz target `localization_json`: see `tests/fuzzing/mod.rs` (`fuzzing::localization_json`) for the
//! pipeline and the promises it checks.
#![no_main]

#[path = "../../tests/fuzzing/mod.rs"]
mod fuzzing;

libfuzzer_sys::fuzz_target!(|data: &[u8]| fuzzing::localization_json(data));
