//! Property tests of the scoring rules over generated frameworks and
//! assessments (SPEC.md §5.2, §5.3, §5.5, §5.10, §5.13).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::float_cmp)]
// Test code on fixed data: an index out of range or an overflow is a failure
// of the test, not of the crate.
#![allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]

mod common;

use assessment_model::report::Exclusion;
use assessment_model::{
    Aggregation, Assessment, Criterion, Facet, FacetValue, Framework, LevelRef, MissingPolicy,
    NoScore, RatingValue, Report, Scorer, ScoringRules,
};
use common::*;
use indexmap::IndexMap;
use proptest::prelude::*;

#[derive(Debug, Clone)]
enum Tree {
    Leaf {
        scale: u8,
        weight: f64,
        scored: bool,
        tag: Option<bool>,
    },
    Group {
        weight: f64,
        scored: bool,
        agg: Option<Aggregation>,
        tag: Option<bool>,
        children: Vec<Tree>,
    },
}

fn aggregation() -> impl Strategy<Value = Aggregation> {
    proptest::sample::select(Aggregation::ALL.to_vec())
}

fn weight() -> impl Strategy<Value = f64> {
    prop_oneof![1 => Just(0.0), 1 => Just(0.5), 4 => Just(1.0), 2 => Just(2.0), 1 => Just(3.0)]
}

fn tree() -> impl Strategy<Value = Tree> {
    let leaf = (
        0u8..3,
        weight(),
        prop::bool::weighted(0.85),
        prop::option::of(any::<bool>()),
    )
        .prop_map(|(scale, weight, scored, tag)| Tree::Leaf {
            scale,
            weight,
            scored,
            tag,
        });
    leaf.prop_recursive(3, 48, 4, |inner| {
        (
            weight(),
            prop::bool::weighted(0.85),
            prop::option::weighted(0.4, aggregation()),
            prop::option::weighted(0.3, any::<bool>()),
            prop::collection::vec(inner, 1..5),
        )
            .prop_map(|(weight, scored, agg, tag, children)| Tree::Group {
                weight,
                scored,
                agg,
                tag,
                children,
            })
    })
}

/// A generated case: the top-level trees, the rules, and one rating choice
/// per leaf `(kind, value)`: kind 0 missing, 1 not applicable, else rated.
#[derive(Debug, Clone)]
struct Case {
    top: Vec<Tree>,
    agg: Aggregation,
    min_coverage: Option<f64>,
    missing: MissingPolicy,
    choices: Vec<(u8, u8)>,
    pick: usize,
}

fn case() -> impl Strategy<Value = Case> {
    (
        prop::collection::vec(tree(), 1..5),
        aggregation(),
        prop::option::weighted(0.3, prop_oneof![Just(0.25), Just(0.5), Just(0.8)]),
        prop_oneof![Just(MissingPolicy::Exclude), Just(MissingPolicy::Zero)],
        prop::collection::vec((0u8..8, any::<u8>()), 200),
        any::<usize>(),
    )
        .prop_map(|(top, agg, min_coverage, missing, choices, pick)| Case {
            top,
            agg,
            min_coverage,
            missing,
            choices,
            pick,
        })
}

/// A case whose every group aggregates by weighted mean, without a
/// coverage threshold: the dense total takes its compiled mean plan.
fn mean_case() -> impl Strategy<Value = Case> {
    fn means_only(t: Tree) -> Tree {
        match t {
            Tree::Group {
                weight,
                scored,
                tag,
                children,
                ..
            } => Tree::Group {
                weight,
                scored,
                agg: None,
                tag,
                children: children.into_iter().map(means_only).collect(),
            },
            leaf => leaf,
        }
    }
    case().prop_map(|mut c| {
        c.agg = Aggregation::WeightedMean;
        c.min_coverage = None;
        c.top = c.top.into_iter().map(means_only).collect();
        c
    })
}

const SCALES: [&str; 3] = ["tick", "imp", "num"];

fn build(trees: &[Tree], next: &mut usize) -> Vec<Criterion> {
    trees
        .iter()
        .map(|t| {
            let name = format!("n{}", *next);
            *next += 1;
            let (mut c, tag) = match t {
                Tree::Leaf {
                    scale,
                    weight,
                    scored,
                    tag,
                } => {
                    let mut c = leaf_on(&name, SCALES[*scale as usize], *weight);
                    c.scored = *scored;
                    (c, tag)
                }
                Tree::Group {
                    weight,
                    scored,
                    agg,
                    tag,
                    children,
                } => {
                    let mut c = group(&name, *weight, *agg, build(children, next));
                    c.scored = *scored;
                    (c, tag)
                }
            };
            if let Some(t) = tag {
                c.tags
                    .insert(id("side"), id(if *t { "left" } else { "right" }));
            }
            c
        })
        .collect()
}

fn make_framework(case: &Case) -> Framework {
    let mut next = 0;
    let mut fw = framework(
        {
            let mut built = ScoringRules::default();
            built.aggregation = case.agg;
            built.min_coverage = case.min_coverage;
            built.missing = case.missing;
            built
        },
        build(&case.top, &mut next),
    );
    let mut values = IndexMap::new();
    values.insert(id("left"), FacetValue::new("Left"));
    values.insert(id("right"), FacetValue::new("Right"));
    fw.facets.insert(id("side"), {
        let mut built = Facet::new("Side");
        built.values = values;
        built
    });
    fw
}

fn rating_for(scale: &str, value: u8) -> RatingValue {
    match scale {
        "tick" => {
            if value % 2 == 0 {
                Met
            } else {
                NotMet
            }
        }
        "imp" => L((1 + i32::from(value % 3)).into()),
        _ => N(f64::from(value % 11)),
    }
}

/// Ratings by the case's choices; `all_rated` turns every missing into a
/// rating.
fn make_assessment(fw: &Framework, case: &Case, all_rated: bool) -> Assessment {
    let mut a = assess(fw, &[]);
    for (i, leaf) in fw.leaves().enumerate() {
        let (kind, value) = case.choices[i % case.choices.len()];
        let scale = leaf.scale.as_ref().unwrap().as_str();
        let v = match kind {
            0 if !all_rated => continue,
            1 => NA,
            _ => rating_for(scale, value),
        };
        a.rate(&leaf.id, v).unwrap();
    }
    a
}

fn scores(r: &Report) -> Vec<(String, Option<f64>)> {
    let mut v: Vec<_> = r.nodes().map(|n| (n.id().to_string(), n.score())).collect();
    v.push(("(total)".into(), r.total().score()));
    v
}

fn reversed(mut criteria: Vec<Criterion>) -> Vec<Criterion> {
    criteria.reverse();
    criteria
        .into_iter()
        .map(|mut c| {
            c.children = reversed(std::mem::take(&mut c.children));
            c
        })
        .collect()
}

/// Removes leaf `target`, and any group left empty.
fn delete(criteria: Vec<Criterion>, target: &str) -> Vec<Criterion> {
    criteria
        .into_iter()
        .filter_map(|mut c| {
            if c.is_leaf() {
                return (c.id != target).then_some(c);
            }
            c.children = delete(std::mem::take(&mut c.children), target);
            (!c.children.is_empty()).then_some(c)
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn every_score_is_in_unit_interval(case in case()) {
        let fw = make_framework(&case);
        let r = Scorer::new(&fw).unwrap().score(&make_assessment(&fw, &case, false)).unwrap();
        for (id, s) in scores(&r) {
            if let Some(s) = s {
                prop_assert!((0.0..=1.0).contains(&s), "{id}: {s}");
            }
        }
        for f in r.facets() {
            if let Some(s) = f.score {
                prop_assert!((0.0..=1.0).contains(&s));
            }
        }
        if let Some(c) = r.total().coverage() {
            prop_assert!((0.0..=1.0).contains(&c));
        }
    }

    #[test]
    fn raising_one_rating_never_lowers_an_ancestor(case in case()) {
        let fw = make_framework(&case);
        let s = Scorer::new(&fw).unwrap();
        let a = make_assessment(&fw, &case, false);
        let rated: Vec<(assessment_model::Id, RatingValue)> = fw
            .leaves()
            .filter_map(|l| {
                let r = a.ratings.get(&l.id)?;
                let best = fw.scales[l.scale.as_ref().unwrap()].best()?;
                (r.value != NA && r.value != best).then(|| (l.id.clone(), best))
            })
            .collect();
        prop_assume!(!rated.is_empty());
        let (leaf, best) = rated[case.pick % rated.len()].clone();
        let before = s.score(&a).unwrap();
        let mut raised = a.clone();
        raised.rate(leaf, best).unwrap();
        let after = s.score(&raised).unwrap();
        for ((id, x), (_, y)) in scores(&before).into_iter().zip(scores(&after)) {
            match (x, y) {
                (Some(x), Some(y)) => prop_assert!(y >= x, "{id}: {x} -> {y}"),
                (None, None) => {}
                (x, y) => prop_assert!(false, "{id}: {x:?} -> {y:?}"),
            }
        }
    }

    #[test]
    fn reordering_siblings_changes_no_score(case in case()) {
        let fw = make_framework(&case);
        let mut fw2 = fw.clone();
        fw2.criteria = reversed(fw2.criteria);
        let a = make_assessment(&fw, &case, false);
        let one = Scorer::new(&fw).unwrap().score(&a).unwrap();
        let two = Scorer::new(&fw2).unwrap().score(&a).unwrap();
        let mut two_scores = scores(&two);
        two_scores.sort_by(|x, y| x.0.cmp(&y.0));
        let mut one_scores = scores(&one);
        one_scores.sort_by(|x, y| x.0.cmp(&y.0));
        // Sums in another order may differ in the last bits: tolerance 1e-12.
        for ((id, x), (_, y)) in one_scores.into_iter().zip(two_scores) {
            match (x, y) {
                (Some(x), Some(y)) => prop_assert!((x - y).abs() <= 1e-12, "{id}: {x} vs {y}"),
                (x, y) => prop_assert_eq!(x, y, "{}", id),
            }
        }
    }

    #[test]
    fn not_applicable_equals_deleting_the_leaf(case in case()) {
        let fw = make_framework(&case);
        let leaves: Vec<assessment_model::Id> = fw.leaves().map(|l| l.id.clone()).collect();
        let target = leaves[case.pick % leaves.len()].clone();
        let mut deleted = fw.clone();
        deleted.criteria = delete(deleted.criteria, target.as_str());
        prop_assume!(!deleted.criteria.is_empty());

        let base = make_assessment(&fw, &case, false);
        let mut as_na = base.clone();
        as_na.rate(&target, NA).unwrap();
        let mut without = base.clone();
        without.ratings.shift_remove(&target);
        without.framework = deleted.exact_ref();

        let r_na = Scorer::new(&fw).unwrap().score(&as_na).unwrap();
        let r_del = Scorer::new(&deleted).unwrap().score(&without).unwrap();
        for n in r_del.nodes() {
            let m = r_na.node(n.id()).unwrap();
            prop_assert_eq!(n.score().map(f64::to_bits), m.score().map(f64::to_bits), "{}", n.id());
            prop_assert_eq!(n.coverage(), m.coverage());
        }
        prop_assert_eq!(r_del.total().score().map(f64::to_bits), r_na.total().score().map(f64::to_bits));
    }

    #[test]
    fn with_every_leaf_rated_exclude_and_zero_agree(case in case()) {
        let mut case = case;
        case.missing = MissingPolicy::Exclude;
        let fw_ex = make_framework(&case);
        case.missing = MissingPolicy::Zero;
        let fw_zero = make_framework(&case);
        let a = make_assessment(&fw_ex, &case, true);
        let one = serde_json::to_string(&Scorer::new(&fw_ex).unwrap().score(&a).unwrap()).unwrap();
        let two = serde_json::to_string(&Scorer::new(&fw_zero).unwrap().score(&a).unwrap()).unwrap();
        prop_assert_eq!(one, two);
    }

    #[test]
    fn the_same_input_gives_a_bit_identical_report(case in case()) {
        let fw = make_framework(&case);
        let a = make_assessment(&fw, &case, false);
        let one = Scorer::new(&fw).unwrap().score(&a).unwrap();
        let two = Scorer::new(&fw.clone()).unwrap().score(&a.clone()).unwrap();
        prop_assert_eq!(serde_json::to_string(&one).unwrap(), serde_json::to_string(&two).unwrap());
        for (x, y) in scores(&one).into_iter().zip(scores(&two)) {
            prop_assert_eq!(x.1.map(f64::to_bits), y.1.map(f64::to_bits));
        }
    }

    #[test]
    fn batch_total_and_priorities_agree_with_full_scoring(case in case()) {
        let fw = make_framework(&case);
        let s = Scorer::new(&fw).unwrap();
        let a = make_assessment(&fw, &case, false);
        let report = s.score(&a).unwrap();
        let total = batch_total(&s, &a, &make_assessment(&fw, &case, true));
        prop_assert_eq!(total.map(f64::to_bits), report.total().score().map(f64::to_bits));
        for p in s.priorities(&a).unwrap() {
            let mut raised = a.clone();
            raised.rate(&p.criterion, p.best).unwrap();
            let after = s.total(&raised).unwrap().unwrap();
            // A what-if updates the path's running sums: within 1e-12 of
            // re-scoring (rule 10).
            prop_assert!((after - total.unwrap() - p.gain).abs() <= 1e-12, "{}", p.criterion);
            prop_assert!(p.gain >= 0.0, "{} gains {}", p.criterion, p.gain);
        }
    }

    #[test]
    fn batch_means_agree_with_full_scoring(case in mean_case(), all_rated in any::<bool>()) {
        let fw = make_framework(&case);
        let s = Scorer::new(&fw).unwrap();
        let a = make_assessment(&fw, &case, all_rated);
        let report = s.score(&a).unwrap();
        let total = batch_total(&s, &a, &make_assessment(&fw, &case, !all_rated));
        prop_assert_eq!(total.map(f64::to_bits), report.total().score().map(f64::to_bits));
        for p in s.priorities(&a).unwrap() {
            let mut raised = a.clone();
            raised.rate(&p.criterion, p.best).unwrap();
            let after = s.total(&raised).unwrap().unwrap();
            prop_assert!((after - total.unwrap() - p.gain).abs() <= 1e-12, "{}", p.criterion);
        }
    }
}

/// The rule-5 flat total computed directly from the generated tree:
/// `(Σ w·s, Σ w)` over the leaves below that count, or `None` where a
/// node withholds them (unscored, or cut out by `min_coverage`).
struct FlatModel<'a> {
    case: &'a Case,
    assessment: &'a Assessment,
    unweighted: bool,
}

/// What the model tracks per subtree: applicable leaves, rated leaves,
/// and the flat sums it passes up.
#[derive(Default)]
struct FlatSums {
    applicable: u32,
    rated: u32,
    acc: f64,
    sum_w: f64,
}

impl FlatModel<'_> {
    fn leaf_score(&self, scale: &str, name: &str) -> Option<Option<f64>> {
        // Some(Some(s)) rated, Some(None) missing, None not applicable.
        match self.assessment.ratings.get(name).map(|r| r.value.clone()) {
            None => Some(None),
            Some(NA) => None,
            Some(Met) => Some(Some(1.0)),
            Some(NotMet) => Some(Some(0.0)),
            Some(L(LevelRef::Value(v))) => Some(Some(f64::from(v - 1) / 2.0)),
            Some(L(LevelRef::Id(id))) => panic!("the generator rates by value, not `{id}`"),
            Some(N(x)) => {
                assert_eq!(scale, "num");
                Some(Some(x / 10.0))
            }
            Some(other) => panic!("the model does not know the rating {other:?}"),
        }
    }

    fn sums(&self, trees: &[Tree], next: &mut usize) -> FlatSums {
        let mut out = FlatSums::default();
        for t in trees {
            let name = format!("n{}", *next);
            *next += 1;
            let (here, scored) = match t {
                Tree::Leaf {
                    scale,
                    weight,
                    scored,
                    ..
                } => {
                    let mut s = FlatSums::default();
                    if let Some(rated) = self.leaf_score(SCALES[*scale as usize], &name) {
                        s.applicable = 1;
                        s.rated = u32::from(rated.is_some());
                        let zero = self.case.missing == MissingPolicy::Zero;
                        let w = if self.unweighted && *weight > 0.0 {
                            1.0
                        } else {
                            *weight
                        };
                        if let Some(x) = rated.or(zero.then_some(0.0)) {
                            (s.acc, s.sum_w) = (w * x, w);
                        }
                    }
                    (s, *scored)
                }
                Tree::Group {
                    scored, children, ..
                } => {
                    let mut s = self.sums(children, next);
                    let cut = self.case.min_coverage.is_some_and(|min| {
                        s.applicable > 0 && f64::from(s.rated) / f64::from(s.applicable) < min
                    });
                    if cut {
                        (s.acc, s.sum_w) = (0.0, 0.0);
                    }
                    (s, *scored)
                }
            };
            out.applicable += here.applicable;
            out.rated += here.rated;
            if scored {
                out.acc += here.acc;
                out.sum_w += here.sum_w;
            }
        }
        out
    }

    fn total(&self) -> Option<f64> {
        let s = self.sums(&self.case.top, &mut 0);
        if s.rated == 0 {
            return None; // qualitative (rule 12)
        }
        let cut = self
            .case
            .min_coverage
            .is_some_and(|min| f64::from(s.rated) / f64::from(s.applicable) < min);
        (!cut && s.sum_w > 0.0).then(|| s.acc / s.sum_w)
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// Issue 13: under `Flat`/`FlatUnweighted` at the top, the total is the
    /// (weighted, respectively unweighted) mean over the leaves rule 5
    /// includes, whatever the groups between aggregate by.
    #[test]
    fn flat_total_is_the_mean_over_the_included_leaves(
        case in case(),
        unweighted in any::<bool>(),
    ) {
        let mut case = case;
        case.agg = if unweighted { Aggregation::FlatUnweighted } else { Aggregation::Flat };
        let fw = make_framework(&case);
        let a = make_assessment(&fw, &case, false);
        let expected = FlatModel { case: &case, assessment: &a, unweighted }.total();
        let got = Scorer::new(&fw).unwrap().total(&a).unwrap();
        match (got, expected) {
            (Some(g), Some(e)) => prop_assert!((g - e).abs() <= 1e-12, "{g} vs {e}"),
            (g, e) => prop_assert_eq!(g, e),
        }
    }
}

/// A localization of `fw` written for this test (German-looking prefixes,
/// not a translation): the criteria, level labels and facet values whose
/// position in `mask` (cycled) is true; how many texts it gives.
fn test_localization(fw: &Framework, mask: &[bool]) -> (assessment_model::Localization, usize) {
    use assessment_model::Localization;
    use assessment_model::localization::{LevelText, ScaleText, TitledText};
    let mut l = Localization::new(id("test-de"), fw.compatible_ref(), "de".parse().unwrap());
    l.notes
        .push("Written for the crate's property tests.".into());
    let mut flags = mask.iter().copied().cycle();
    let mut given = 0;
    for (_, c) in fw.walk() {
        if flags.next().unwrap() {
            l.criteria
                .insert(c.id.clone(), TitledText::title(format!("[de] {}", c.title)));
            given += 1;
        }
    }
    for (scale_id, scale) in &fw.scales {
        if let assessment_model::Scale::Ordinal { levels, .. } = scale {
            let mut text = ScaleText::default();
            for level in levels {
                if flags.next().unwrap() {
                    let label = LevelText::label(format!("[de] {}", level.label));
                    text.levels.insert(level.id.clone(), label);
                    given += 1;
                }
            }
            l.scales.insert(scale_id.clone(), text);
        }
    }
    for (facet_id, facet) in &fw.facets {
        let mut text = assessment_model::localization::FacetText::default();
        for (value_id, value) in &facet.values {
            if flags.next().unwrap() {
                let title = TitledText::title(format!("[de] {}", value.title));
                text.values.insert(value_id.clone(), title);
                given += 1;
            }
        }
        l.facets.insert(facet_id.clone(), text);
    }
    (l, given)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// Issue 18 (SPEC §7.6): applying a localization changes texts and the
    /// language only, so no score, coverage, band or risk moves.
    #[test]
    fn applying_a_localization_changes_no_score(
        case in case(),
        mask in prop::collection::vec(any::<bool>(), 1..12),
    ) {
        let fw = make_framework(&case);
        let (localization, given) = test_localization(&fw, &mask);
        let coverage = localization.validate_for(&fw).unwrap();
        prop_assert_eq!(coverage.translated, given);
        let localized = localization.apply(&fw).unwrap();
        prop_assert_eq!(localized.language.as_str(), "de");
        let a = make_assessment(&fw, &case, false);
        let before = Scorer::new(&fw).unwrap().score(&a).unwrap();
        let after = Scorer::new(&localized).unwrap().score(&a).unwrap();
        for (x, y) in scores(&before).into_iter().zip(scores(&after)) {
            prop_assert_eq!(&x.0, &y.0);
            prop_assert_eq!(x.1.map(f64::to_bits), y.1.map(f64::to_bits));
        }
        prop_assert_eq!(before.total().coverage(), after.total().coverage());
        prop_assert_eq!(before.total().band(), after.total().band());
        prop_assert_eq!(before.risks(), after.risks());
    }
}

/// `a`'s total from a batch: `a` in lanes 1 and 9 of a table of eleven
/// rows, `other` in every other row, so that `a` shares its passes with
/// another assessment. Both rows must give the same bits.
fn batch_total(s: &Scorer, a: &Assessment, other: &Assessment) -> Option<f64> {
    let mut table = s.table(11);
    for row in 0..11 {
        let which = if row == 1 || row == 9 { a } else { other };
        table.set_assessment(row, which).unwrap();
    }
    let mut totals = vec![None; 11];
    s.totals(&table, &mut totals).unwrap();
    assert_eq!(totals[1].map(f64::to_bits), totals[9].map(f64::to_bits));
    totals[1]
}

/// Checks one explanation against its report (SPEC §3.14): the result is
/// the node's score bit for bit; each included child's score is its own;
/// outside the flat methods every child is included or left out; and the
/// contributions combine into the score as the method's reading says (a
/// sum for the arithmetic means, a product of factors for the geometric
/// mean, 1 over the sum for the harmonic mean, within 1e-12), or the child
/// named as deciding has the score.
fn check_explanation(r: &Report, id: Option<&assessment_model::Id>) -> Result<(), TestCaseError> {
    let (e, score, no_score) = match id {
        Some(id) => {
            let node = r.node(id).unwrap();
            (
                r.explain(id).unwrap(),
                node.score(),
                node.outcome().no_score(),
            )
        }
        None => (r.explain_total(), r.total().score(), r.total().no_score()),
    };
    prop_assert_eq!(e.score.map(f64::to_bits), score.map(f64::to_bits));
    prop_assert_eq!(e.no_score, no_score);
    let Some(method) = e.method else {
        prop_assert!(e.included.is_empty() && e.left_out.is_empty());
        return Ok(());
    };
    for c in &e.included {
        let own = r.node(&c.criterion).unwrap().score();
        prop_assert_eq!(Some(c.score.to_bits()), own.map(f64::to_bits));
        prop_assert!(c.weight > 0.0);
    }
    let flat = matches!(method, Aggregation::Flat | Aggregation::FlatUnweighted);
    for c in &e.left_out {
        let node = r.node(&c.criterion).unwrap();
        prop_assert_eq!(c.score.map(f64::to_bits), node.score().map(f64::to_bits));
        let why = node.outcome().no_score();
        let reason_holds = match c.reason {
            Exclusion::NotApplicable => why == Some(NoScore::NotApplicable),
            Exclusion::Unscored => !node.is_scored(),
            // A flat method ignores a group's weight.
            Exclusion::ZeroWeight => node.weight() == 0.0 && (node.is_leaf() || !flat),
            Exclusion::Missing => why == Some(NoScore::Missing),
            Exclusion::InsufficientCoverage => why == Some(NoScore::InsufficientCoverage),
            Exclusion::NothingToAggregate => why == Some(NoScore::NothingToAggregate),
            Exclusion::Qualitative => why == Some(NoScore::Qualitative),
            _ => false,
        };
        prop_assert!(reason_holds, "{}: {:?}", c.criterion, c.reason);
    }
    if !flat {
        let children = r.nodes().filter(|n| n.parent() == id).count();
        prop_assert_eq!(e.included.len() + e.left_out.len(), children);
    }
    let Some(score) = e.score else {
        prop_assert!(e.included.iter().all(|c| c.contribution.is_none()));
        return Ok(());
    };
    prop_assert!(!e.included.is_empty());
    let parts: Vec<f64> = e.included.iter().filter_map(|c| c.contribution).collect();
    let decided = e
        .decided_by
        .as_ref()
        .map(|d| e.included.iter().find(|c| &c.criterion == d).unwrap().score);
    let scores = e.included.iter().map(|c| c.score);
    match method {
        Aggregation::WeightedMean | Aggregation::Flat | Aggregation::FlatUnweighted => {
            prop_assert_eq!(parts.len(), e.included.len());
            let sum: f64 = parts.iter().sum();
            prop_assert!((sum - score).abs() <= 1e-12, "{} vs {}", sum, score);
        }
        Aggregation::GeometricMean => {
            let product: f64 = parts.iter().product();
            prop_assert!((product - score).abs() <= 1e-12, "{} vs {}", product, score);
            prop_assert_eq!(decided.is_some(), score == 0.0);
        }
        Aggregation::HarmonicMean => match decided {
            Some(zero) => prop_assert_eq!((zero, score), (0.0, 0.0)),
            None => {
                let sum: f64 = parts.iter().sum();
                prop_assert!(
                    (1.0 / sum - score).abs() <= 1e-12,
                    "{} vs {}",
                    1.0 / sum,
                    score
                );
            }
        },
        Aggregation::Minimum => {
            prop_assert_eq!(decided, Some(score));
            prop_assert!(scores.clone().all(|s| s >= score));
        }
        Aggregation::All => {
            prop_assert_eq!(score == 1.0, scores.clone().all(|s| s == 1.0));
            prop_assert_eq!(decided.is_some(), score == 0.0);
        }
        _ => prop_assert!(false, "an aggregation the test does not know: {:?}", method),
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// Issue 26: every node's explanation and the total's agree with the
    /// report (see `check_explanation`).
    #[test]
    fn explanations_agree_with_the_scores(case in case()) {
        let fw = make_framework(&case);
        let r = Scorer::new(&fw).unwrap().score(&make_assessment(&fw, &case, false)).unwrap();
        check_explanation(&r, None)?;
        for node in r.nodes() {
            check_explanation(&r, Some(node.id()))?;
        }
    }
}
