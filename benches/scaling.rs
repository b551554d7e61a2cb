//! Issue 24's scaling targets: `Scorer::bounds` (leverage included) with
//! nothing rated, `Scorer::priorities` with every leaf rated not met, and
//! the set-up of `Uncertainty::run` with one weight input per leaf, each
//! at 10,000, 20,000, 40,000 and 80,000 binary leaves, on two shapes:
//!
//! - flat: every leaf a top-level criterion (a child of the total);
//! - deep: a chain of groups as deep as `MAX_DEPTH` allows, the leaves
//!   spread evenly along it (each of the 32 levels holds 1/32 of the
//!   leaves, and every level but the last one group that holds the next).
//!
//! The set-up of an uncertainty run is everything `run` does besides
//! scoring the sample points: checking the spec and binding its inputs to
//! the program, binding the members, the nominal scoring and the report
//! (one member here). `samples(0)` times exactly that: with `samples(1)`,
//! d inputs cost d + 2 full scorings of the framework, which is
//! quadratic in the number of leaves by design and would hide the set-up.
//!
//! A reference, linear by construction, shows what the machine itself does
//! per doubling at these sizes: `clone_{shape}`, a copy of the framework
//! (as `benches/scale.rs` uses it). Where the working set outgrows a CPU
//! cache, it too takes more than twice as long at twice the size.
//!
//! Each framework is built once. After the benches, the time ratio per
//! doubling is printed (target ×2 ± 20%, so 1.6 to 2.4; and the whole
//! range, 10k to 80k, ×8 if linear) and the time of bounds on the flat
//! 40,000-leaf framework (target < 0.5 s), from criterion's medians of
//! this run; then the ratios again from medians of rounds that alternate
//! the four sizes, which a busy machine disturbs less (a burst of load
//! falls on all sizes alike, not on one).
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]
// Test code on fixed data: an index out of range or an overflow is a failure
// of the test, not of the crate.
#![allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]

use std::hint::black_box;
use std::time::{Duration, Instant, SystemTime};

use assessment_model::limits::MAX_DEPTH;
use assessment_model::{
    Assessment, Criterion, Framework, Id, RatingValue, Scale, Scorer, Subject, Uncertainty,
    UncertaintySpec,
};
use criterion::{BatchSize, BenchmarkId, Criterion as Bench, criterion_group, criterion_main};

#[path = "support/estimates.rs"]
mod estimates;
#[path = "support/mode.rs"]
mod mode;

const SIZES: [usize; 4] = [10_000, 20_000, 40_000, 80_000];
const GROUP: &str = "scaling";

fn id(s: String) -> Id {
    Id::new(s).unwrap()
}

/// A framework of `leaves` binary leaves on `depth` levels: level 1 is
/// the top-level criteria; each level holds its share of the leaves and,
/// but for the last, one group holding the next level.
fn framework(leaves: usize, depth: usize) -> Framework {
    let mut next = 0;
    let mut level: Option<Criterion> = None;
    for l in (1..=depth).rev() {
        let share = leaves / depth + usize::from(l <= leaves % depth);
        let mut children: Vec<Criterion> = (0..share)
            .map(|_| {
                next += 1;
                Criterion::leaf(id(format!("l{next}")), "item", id("tick".into()))
            })
            .collect();
        children.extend(level.take());
        level = Some(if l == 1 {
            // The top level: its children are the framework's criteria.
            Criterion::group(id("top".into()), "top", children)
        } else {
            Criterion::group(id(format!("g{l}")), "level", children)
        });
    }
    let mut f = Framework::new(
        id("scaling".into()),
        semver::Version::new(1, 0, 0),
        "Scaling",
    );
    f.scales.insert(id("tick".into()), Scale::binary());
    f.criteria = level.map(|top| top.children).unwrap_or_default();
    assert_eq!(f.leaves().count(), leaves);
    f
}

/// `framework`'s assessment with every leaf rated `rating`, or none rated.
fn assessment(f: &Framework, rating: Option<RatingValue>) -> Assessment {
    let mut a = Assessment::new(f.exact_ref(), Subject::new("S"));
    if let Some(rating) = rating {
        for leaf in f.leaves() {
            a.rate(&leaf.id, rating.clone()).unwrap();
        }
    }
    a
}

/// One uncertain weight per leaf (±10%).
fn spec(f: &Framework) -> UncertaintySpec {
    f.leaves().fold(UncertaintySpec::new(), |s, leaf| {
        s.criterion(leaf.id.clone(), 0.1)
    })
}

/// One shape at one size, built once.
struct Fixture {
    shape: &'static str,
    leaves: usize,
    framework: Framework,
    scorer: Scorer,
    empty: Assessment,
    not_met: [Assessment; 1],
    spec: UncertaintySpec,
}

impl Fixture {
    fn new(shape: &'static str, depth: usize, leaves: usize) -> Fixture {
        let framework = framework(leaves, depth);
        let scorer = Scorer::new(&framework).unwrap();
        let empty = assessment(&framework, None);
        let not_met = [assessment(&framework, Some(RatingValue::NotMet))];
        let spec = spec(&framework);
        // Checked once: each call succeeds and does its whole work.
        let bounds = scorer.bounds(&empty).unwrap();
        assert_eq!(bounds.leverage.len(), leaves);
        assert_eq!(scorer.priorities(&not_met[0]).unwrap().len(), leaves);
        let ua = Uncertainty::new(&scorer, spec.clone())
            .samples(0)
            .run(&not_met);
        assert_eq!(ua.unwrap().inputs.len(), leaves);
        Fixture {
            shape,
            leaves,
            framework,
            scorer,
            empty,
            not_met,
            spec,
        }
    }

    /// One call of `what` (the spec's clone for the uncertainty run is
    /// made by the caller, outside any timing).
    fn call(&self, what: &str, spec: Option<UncertaintySpec>) {
        match what {
            "clone" => drop(black_box(black_box(&self.framework).clone())),
            "bounds" => drop(black_box(
                self.scorer.bounds(black_box(&self.empty)).unwrap(),
            )),
            "priorities" => drop(black_box(
                self.scorer.priorities(black_box(&self.not_met[0])).unwrap(),
            )),
            "uncertainty_setup" => {
                let run = Uncertainty::new(&self.scorer, spec.unwrap())
                    .samples(0)
                    .run(black_box(&self.not_met));
                drop(black_box(run.unwrap()));
            }
            _ => unreachable!("{what}"),
        }
    }
}

const ANALYSES: [&str; 4] = ["bounds", "priorities", "uncertainty_setup", "clone"];

fn scaling(c: &mut Bench) {
    let started = SystemTime::now();
    // The deep shape is as deep as a framework may be.
    assert!(Scorer::new(&framework(100, MAX_DEPTH)).is_ok());
    assert!(Scorer::new(&framework(100, MAX_DEPTH + 1)).is_err());
    let fixtures: Vec<Fixture> = [("flat", 1), ("deep", MAX_DEPTH)]
        .into_iter()
        .flat_map(|(shape, depth)| SIZES.map(|n| Fixture::new(shape, depth, n)))
        .collect();

    let mut group = c.benchmark_group(GROUP);
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    for f in &fixtures {
        for what in ANALYSES {
            let id = BenchmarkId::new(format!("{what}_{}", f.shape), f.leaves);
            group.bench_function(id, |b| {
                b.iter_batched(
                    || (what == "uncertainty_setup").then(|| f.spec.clone()),
                    |spec| f.call(what, spec),
                    BatchSize::LargeInput,
                )
            });
        }
    }
    group.finish();
    if mode::benchmarking() {
        report(started);
        rounds(&fixtures);
    }
}

/// The same figures from rounds that run each analysis at the four sizes
/// one after the other (so a burst of load on the machine falls on all
/// four alike), 7 rounds, the median of each.
fn rounds(fixtures: &[Fixture]) {
    const ROUNDS: usize = 7;
    eprintln!("time ratio per doubling, medians of {ROUNDS} rounds alternating the sizes:");
    for what in ANALYSES {
        for shape in ["flat", "deep"] {
            let at: Vec<&Fixture> = fixtures.iter().filter(|f| f.shape == shape).collect();
            let mut times = vec![Vec::with_capacity(ROUNDS); at.len()];
            for _ in 0..ROUNDS {
                for (t, f) in times.iter_mut().zip(&at) {
                    let spec = (what == "uncertainty_setup").then(|| f.spec.clone());
                    let start = Instant::now();
                    f.call(what, spec);
                    t.push(start.elapsed().as_secs_f64() * 1e9);
                }
            }
            let medians: Vec<Option<f64>> = times
                .iter_mut()
                .map(|t| {
                    t.sort_by(f64::total_cmp);
                    Some(t[ROUNDS / 2])
                })
                .collect();
            print_line(&format!("{what}_{shape}"), &medians);
        }
    }
}

/// `{what} 10k … ms …; per doubling ×…; 10k to 80k ×… (verdict)`.
fn print_line(what: &str, times: &[Option<f64>]) {
    let mut line = format!("  {what:<24}");
    for (n, t) in SIZES.iter().zip(times) {
        match t {
            Some(t) => line += &format!(" {}k {:.2} ms", n / 1000, t / 1e6),
            None => line += &format!(" {}k -", n / 1000),
        }
    }
    let ratios: Vec<f64> = times
        .windows(2)
        .filter_map(|w| Some(w[1]? / w[0]?))
        .collect();
    let shown: Vec<String> = ratios.iter().map(|r| format!("×{r:.2}")).collect();
    let whole = match (times.first(), times.last()) {
        (Some(Some(a)), Some(Some(b))) => format!("×{:.1}", b / a),
        _ => "-".to_string(),
    };
    let holds = ratios.iter().all(|r| (1.6..=2.4).contains(r));
    let verdict = match (ratios.len(), holds) {
        (0, _) => "not measured",
        _ if what.starts_with("clone") => "reference, no target",
        (_, true) => "holds",
        (_, false) => "MISSED",
    };
    eprintln!(
        "{line}; per doubling {}; 10k to 80k {whole} (×8 if linear) ({verdict})",
        shown.join(" ")
    );
}

/// The ratios per doubling and the flat 40k bounds, from criterion's
/// medians of this run.
fn report(started: SystemTime) {
    let median =
        |what: &str, n: usize| estimates::median_ns(&format!("{GROUP}/{what}/{n}"), started);
    eprintln!("time ratio per doubling (target ×2 ± 20%: 1.6 to 2.4), criterion's medians:");
    for what in ANALYSES {
        for shape in ["flat", "deep"] {
            let what = format!("{what}_{shape}");
            let times: Vec<Option<f64>> = SIZES.iter().map(|&n| median(&what, n)).collect();
            print_line(&what, &times);
        }
    }
    match median("bounds_flat", 40_000) {
        Some(t) => eprintln!(
            "bounds, flat 40,000 leaves, nothing rated: {:.1} ms (target < 500 ms: {})",
            t / 1e6,
            if t < 5e8 { "holds" } else { "MISSED" }
        ),
        None => eprintln!("bounds, flat 40,000 leaves: not measured in this run"),
    }
}

criterion_group!(benches, scaling);
criterion_main!(benches);
