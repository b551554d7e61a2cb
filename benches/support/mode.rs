//! Whether this process is benchmarking or testing the benches. `cargo
//! bench` passes `--bench`; `cargo test --benches` passes nothing, and
//! criterion then runs each bench once as a test (criterion reads the same
//! flags: `--bench` with `--test` is a test too). The figures a bench
//! measures and prints beside criterion's (ratios, fastest rounds, memory)
//! are measured and printed only when benchmarking: in a test run they would
//! time a debug build, and the test's output is its results.
#![allow(dead_code)]

/// `true` under `cargo bench`, `false` under `cargo test`.
pub fn benchmarking() -> bool {
    let mut bench = false;
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--test" => return false,
            "--bench" => bench = true,
            _ => {}
        }
    }
    bench
}
