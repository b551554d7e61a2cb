//! Parsing hot path: `from_deserializer` on JSON text, beside the two
//! layers it is made of, so that the cost of each is measured in the same
//! run on the same machine:
//!
//! - `serde_json`: serde's derive alone (`serde_json::from_str`), which
//!   tracks no path and takes a struct written as an array;
//! - `path_to_error`: `serde_path_to_error::deserialize`, the path tracker
//!   `from_deserializer` was built on until it recorded paths in its own
//!   `keyed` wrapper;
//! - `from_deserializer`: that wrapper, which records the path to an error
//!   and refuses a struct written as an array.
//!
//! Beside criterion's figures, the bench prints the ratio of
//! `from_deserializer` (alone, and with the document's check:
//! `Framework::validate`, or the assessment's against its framework) to
//! bare serde_json, as fastest rounds run in alternation.
//!
//! Three documents: the largest catalogue (the good-practice criteria), the
//! worked good-practice assessment, and a generated framework of 10,000
//! leaves with every kind of scale and a facet.
//!
//! Run with `cargo bench --bench parse -- --quick` for figures.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use std::hint::black_box;

use assessment_model::{Assessment, Framework, from_deserializer};
use criterion::{Criterion, criterion_group, criterion_main};
use serde::de::DeserializeOwned;

#[path = "support/generated.rs"]
mod generated;
#[path = "support/mode.rs"]
mod mode;
#[path = "support/rounds.rs"]
mod rounds;

fn compare<T>(c: &mut Criterion, name: &str, text: &str, check: impl Fn(&T) -> bool)
where
    T: DeserializeOwned + PartialEq + std::fmt::Debug,
{
    // The three give the same document.
    let plain: T = serde_json::from_str(text).unwrap();
    let tracked: T =
        serde_path_to_error::deserialize(&mut serde_json::Deserializer::from_str(text)).unwrap();
    let keyed: T = from_deserializer(&mut serde_json::Deserializer::from_str(text)).unwrap();
    assert_eq!(plain, tracked);
    assert_eq!(plain, keyed);

    let bare = || serde_json::from_str::<T>(black_box(text)).is_ok();
    let parse = || {
        let mut de = serde_json::Deserializer::from_str(black_box(text));
        from_deserializer::<T, _>(&mut de)
    };
    assert!(parse().is_ok_and(|t| check(&t)));
    rounds::fastest_ratio(
        name,
        ("from_deserializer", || parse().is_ok()),
        ("serde_json", bare),
    );
    rounds::fastest_ratio(
        name,
        ("from_deserializer + check", || {
            parse().is_ok_and(|t| check(&t))
        }),
        ("serde_json", bare),
    );
    let mut group = c.benchmark_group(name);
    group.sample_size(20);
    group.bench_function("serde_json", |b| {
        b.iter(|| black_box(serde_json::from_str::<T>(black_box(text)).is_ok()))
    });
    group.bench_function("path_to_error", |b| {
        b.iter(|| {
            let mut de = serde_json::Deserializer::from_str(black_box(text));
            black_box(serde_path_to_error::deserialize::<_, T>(&mut de).is_ok())
        })
    });
    group.bench_function("from_deserializer", |b| {
        b.iter(|| {
            let mut de = serde_json::Deserializer::from_str(black_box(text));
            black_box(from_deserializer::<T, _>(&mut de).is_ok())
        })
    });
    group.finish();
}

fn parse(c: &mut Criterion) {
    let scorer =
        assessment_model::Scorer::new(&assessment_model::catalog::good_practice::criteria())
            .unwrap();
    compare::<Framework>(
        c,
        "parse/good_practice_criteria",
        include_str!("../catalogs/good-practice-criteria.json"),
        |f| f.validate().is_ok(),
    );
    compare::<Assessment>(
        c,
        "parse/good_practice_worked_example",
        include_str!("../catalogs/good-practice-worked-example.json"),
        |a| scorer.validate(a).is_ok(),
    );
    let generated = serde_json::to_string(&generated::framework(10_000)).unwrap();
    compare::<Framework>(c, "parse/generated_10k", &generated, |f| {
        f.validate().is_ok()
    });
}

criterion_group!(benches, parse);
criterion_main!(benches);
