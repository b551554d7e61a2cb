//! Fuzz target `framework_toml`: see `tests/fuzzing/mod.rs` (`fuzzing::framework_toml`) for the
//! pipeline and the promises it checks.
#![no_main]

#[path = "../../tests/fuzzing/mod.rs"]
mod fuzzing;

libfuzzer_sys::fuzz_target!(|data: &[u8]| fuzzing::framework_toml(data));
