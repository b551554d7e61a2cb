//! [`Uncertainty`]: scores and ranks of a cohort under uncertain weights
//! and aggregation methods, with Sobol' sensitivity indices
//! ([SPEC](crate::spec) §8.3, rule 16).
//!
//! Each sample is one point of the Saltelli design (see `sobol.rs`): a
//! value in (0, 1) per uncertain input, mapped to a weight factor
//! `1 + f·(2x − 1)` or to a method (`x` in the `m`-th of `m` equal parts
//! picks the `m`-th method). Every member is scored at every point by the
//! core's interpreter, running a copy of the compiled program with the
//! sample's weights and methods written in, over the members' ratings
//! bound once, [`LANES`] members side by side.

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

use super::rng::Rng;
use super::sobol::{Point, saltelli};
use super::uncertainty_report::{
    MemberUncertainty, Sensitivity, Spread, UncertainInput, UncertaintyReport,
};
use crate::core::compile::Compiled;
use crate::core::interpret::{Block, LANES, LeafValue, Results};
use crate::core::program::{Folded, Input, Program};
use crate::model::assessment::Assessment;
use crate::model::id::Id;
use crate::model::issue::{Issue, IssueKind, ValidationError, pointer};
use crate::model::limits::MAX_EVALUATIONS;
use crate::model::rules::Aggregation;
use crate::model::work::{Gate, Meter, Observer, RunError, Unwatched, Watched, unstoppable};
use crate::scorer::Scorer;

/// What is uncertain ([SPEC](crate::spec) §8.3): noise on weights, per tree
/// level and per criterion, and a choice among aggregation methods.
///
/// Every weight given a noise fraction `f` is one uncertain input: in each
/// sample it becomes `w·(1 + u)`, `u` uniform in (−f, f), independently of
/// the others. The methods, when given, are one more input: each sample
/// applies one of them, each equally likely, to the groups at
/// `method_levels` (every group when empty), per-criterion overrides
/// included.
///
/// # Examples
///
/// ```
/// use assessment_model::{Aggregation, UncertaintySpec};
///
/// let spec = UncertaintySpec::new()
///     .level(1, 0.25)
///     .methods([Aggregation::WeightedMean, Aggregation::GeometricMean]);
/// assert_eq!(spec.levels[&1], 0.25);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct UncertaintySpec {
    /// Tree level (1 = top-level criteria) → the noise fraction `f` in
    /// [0, 1] of every weight at that level.
    #[serde(
        default,
        skip_serializing_if = "IndexMap::is_empty",
        deserialize_with = "crate::model::form::unique_keys::unique_keys"
    )]
    pub levels: IndexMap<usize, f64>,
    /// Criterion id → the noise fraction of its weight, in [0, 1]; it takes
    /// the place of its level's.
    #[serde(
        default,
        skip_serializing_if = "IndexMap::is_empty",
        deserialize_with = "crate::model::form::unique_keys::unique_keys"
    )]
    pub criteria: IndexMap<Id, f64>,
    /// The aggregation methods to choose among; empty: the framework's own.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub methods: Vec<Aggregation>,
    /// The tree levels whose groups take the chosen method (0 = the total,
    /// which aggregates the top-level criteria; 1 = the top-level groups);
    /// empty: every group. A group of checklist items, say, can keep its
    /// share of items met while the levels above change method.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub method_levels: Vec<usize>,
}

impl UncertaintySpec {
    /// Nothing uncertain.
    pub fn new() -> UncertaintySpec {
        UncertaintySpec::default()
    }

    /// Every weight at tree level `level` gets noise fraction `fraction`.
    pub fn level(mut self, level: usize, fraction: f64) -> UncertaintySpec {
        self.levels.insert(level, fraction);
        self
    }

    /// Criterion `id`'s weight gets noise fraction `fraction`.
    pub fn criterion(mut self, id: Id, fraction: f64) -> UncertaintySpec {
        self.criteria.insert(id, fraction);
        self
    }

    /// The methods to choose among.
    pub fn methods(mut self, methods: impl IntoIterator<Item = Aggregation>) -> UncertaintySpec {
        self.methods = methods.into_iter().collect();
        self
    }

    /// The tree levels whose groups take the chosen method.
    pub fn method_levels(mut self, levels: impl IntoIterator<Item = usize>) -> UncertaintySpec {
        self.method_levels = levels.into_iter().collect();
        self
    }
}

/// The analysis, as a by-value builder: [`Uncertainty::new`], then
/// [`Uncertainty::seed`] and [`Uncertainty::samples`], then
/// [`Uncertainty::run`].
///
/// # Examples
///
/// ```
/// use assessment_model::{Aggregation, Assessment, Framework, RatingValue, Scorer, Subject};
/// use assessment_model::{Uncertainty, UncertaintySpec};
///
/// let framework: Framework = assessment_model::from_json_str(r#"{
///     "id": "tiny", "version": "1.0.0", "title": "Tiny",
///     "scales": { "tick": { "type": "binary" } },
///     "criteria": [
///         { "id": "a", "title": "First", "scale": "tick" },
///         { "id": "b", "title": "Second", "scale": "tick" }
///     ]
/// }"#)?;
/// let scorer = Scorer::new(&framework)?;
/// let mut p = Assessment::new(framework.exact_ref(), Subject::new("P"));
/// p.rate("a", RatingValue::Met)?;
/// p.rate("b", RatingValue::NotMet)?;
/// let mut q = Assessment::new(framework.exact_ref(), Subject::new("Q"));
/// q.rate("a", RatingValue::NotMet)?;
/// q.rate("b", RatingValue::Met)?;
/// let spec = UncertaintySpec::new().level(1, 0.5);
/// let ua = Uncertainty::new(&scorer, spec).seed(7).samples(1000).run(&[p, q])?;
/// // Nominally tied at 0.5, both rank 1; a heavier `a` lifts P, a heavier `b` Q.
/// assert_eq!(ua.members[0].nominal_rank, Some(1));
/// assert_eq!(ua.members[1].nominal_rank, Some(1));
/// assert_eq!(ua.evaluations, 1000 * (2 + 2));
/// let p_spread = ua.members[0].score.unwrap();
/// assert!(p_spread.p05 < 0.5 && p_spread.p95 > 0.5);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct Uncertainty<'a> {
    scorer: &'a Scorer,
    spec: UncertaintySpec,
    seed: u64,
    samples: usize,
}

impl<'a> Uncertainty<'a> {
    /// The analysis of `spec` on `scorer`'s framework, with seed 0 and
    /// 1,000 samples until set.
    pub fn new(scorer: &'a Scorer, spec: UncertaintySpec) -> Uncertainty<'a> {
        Uncertainty {
            scorer,
            spec,
            seed: 0,
            samples: 1000,
        }
    }

    /// The generator's seed (xoshiro256** seeded by SplitMix64): the same
    /// seed gives bit-identical results.
    pub fn seed(mut self, seed: u64) -> Uncertainty<'a> {
        self.seed = seed;
        self
    }

    /// `N`, the rows of each Saltelli matrix (`N·(d + 2)` scorings per
    /// member for `d` inputs).
    pub fn samples(mut self, samples: usize) -> Uncertainty<'a> {
        self.samples = samples;
        self
    }

    /// Scores every member of `assessments` at every sample point and
    /// reports the spreads and indices.
    ///
    /// # Errors
    ///
    /// [`ValidationError`] with every problem in the spec (a noise fraction
    /// outside [0, 1]: `threshold-out-of-range` at `/levels/<level>` or
    /// `/criteria/<id>`; an unknown criterion: `unknown-criterion`; a level
    /// with no criterion, 0 included: `too-deep`); then, before any
    /// scoring, `too-many-items` at `/samples` when the run would make more
    /// than [`MAX_EVALUATIONS`] scorings
    /// (`N·(d + 2)` per member, times the members) or their count
    /// overflows; then every problem in the assessments (as
    /// [`Scorer::score`] finds them, each path prefixed with `/<index of
    /// the assessment>`).
    pub fn run(self, assessments: &[Assessment]) -> Result<UncertaintyReport, ValidationError> {
        let prepared = self.prepare(assessments)?;
        Ok(unstoppable(prepared.execute(Unwatched)))
    }

    /// [`Uncertainty::run`], telling `observer` how far it has got and
    /// stopping when it says so ([`Observer`]). The units are scorings of
    /// one member at one sample point: `N·(d + 2)` times the members in
    /// all (the nominal scores, one per member, are not counted). The
    /// observer is told after every few members scored, about every 2^18
    /// leaf values, so a run stops within milliseconds of being asked.
    ///
    /// # Errors
    ///
    /// [`RunError::Invalid`] with the issues [`Uncertainty::run`] reports
    /// (checked before the observer is first told anything);
    /// [`RunError::Stopped`] when the observer returns `false` (no report
    /// is made).
    ///
    /// # Examples
    ///
    /// ```
    /// use assessment_model::catalog::good_practice;
    /// use assessment_model::model::{RunError, Stopped};
    /// use assessment_model::{Scorer, Uncertainty, UncertaintySpec};
    ///
    /// let scorer = Scorer::new(&good_practice::criteria())?;
    /// let members = vec![good_practice::worked_example(); 3];
    /// let spec = UncertaintySpec::new().level(1, 0.25);
    /// let analysis = Uncertainty::new(&scorer, spec).seed(7).samples(1000);
    ///
    /// // Go on only when told that nothing is done yet: stopped at the
    /// // first report of progress.
    /// let mut calls = Vec::new();
    /// let err = analysis
    ///     .clone()
    ///     .run_observed(&members, &mut |done: u64, total: u64| {
    ///         calls.push((done, total));
    ///         done == 0
    ///     })
    ///     .unwrap_err();
    /// // Five areas weighted: 1000 · (5 + 2) scorings of each of 3 members.
    /// assert_eq!(calls[0], (0, 21_000));
    /// let RunError::Stopped(Stopped { done, total }) = err else { panic!("{err}") };
    /// assert_eq!(calls.len(), 2);
    /// assert!(done > 0 && done < total);
    ///
    /// // Never stopped, the run gives the report `run` gives.
    /// let observed = analysis.clone().run_observed(&members, &mut |_, _| true)?;
    /// assert_eq!(observed, analysis.run(&members)?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn run_observed(
        self,
        assessments: &[Assessment],
        observer: &mut dyn Observer,
    ) -> Result<UncertaintyReport, RunError> {
        let prepared = self.prepare(assessments)?;
        Ok(prepared.execute(Watched(observer))?)
    }

    /// The checks of [`Uncertainty::run`], in its order, and the model
    /// ready to run.
    fn prepare(self, assessments: &'a [Assessment]) -> Result<Prepared<'a>, ValidationError> {
        let c = self.scorer.compiled();
        let inputs = inputs(c, &self.spec)?;
        let evaluations = evaluations(self.samples, inputs.len(), assessments.len())?;
        let members = bind_all(self.scorer, assessments)?;
        let model = Model::new(c, &self.spec, &inputs, &members);
        Ok(Prepared {
            model,
            seed: self.seed,
            samples: self.samples,
            evaluations,
            assessments,
            inputs,
        })
    }
}

/// A run checked and ready: the model and what the report repeats.
struct Prepared<'a> {
    model: Model<'a>,
    seed: u64,
    samples: usize,
    /// The scorings of all members: `N·(d + 2)·m`.
    evaluations: u64,
    assessments: &'a [Assessment],
    inputs: Vec<UncertainInput>,
}

impl Prepared<'_> {
    /// Runs the model, telling `gate` how far it has got.
    fn execute<G: Gate>(self, gate: G) -> Result<UncertaintyReport, G::Stop> {
        let leaf_values = u64::try_from(self.model.c.nodes.len()).unwrap_or(u64::MAX);
        let mut meter = Meter::start(gate, self.evaluations, leaf_values)?;
        let report = self.model.run(
            self.seed,
            self.samples,
            self.assessments,
            self.inputs,
            &mut meter,
        )?;
        meter.finish();
        Ok(report)
    }
}

/// The scorings of a run of `samples` rows, `inputs` uncertain inputs and
/// `members` members, `N·(d + 2)·m`: `too-many-items` at `/samples` when
/// it is over [`MAX_EVALUATIONS`] or overflows (the count then saturates).
fn evaluations(samples: usize, inputs: usize, members: usize) -> Result<u64, ValidationError> {
    let count = [samples, inputs.saturating_add(2), members]
        .into_iter()
        .try_fold(1u64, |product, factor| {
            product.checked_mul(u64::try_from(factor).ok()?)
        });
    match count {
        Some(count) if count <= MAX_EVALUATIONS => Ok(count),
        _ => {
            let kind = IssueKind::TooManyItems {
                what: "evaluations (samples × (inputs + 2) × members)".to_owned(),
                count: count.map_or(usize::MAX, |n| usize::try_from(n).unwrap_or(usize::MAX)),
                max: usize::try_from(MAX_EVALUATIONS).unwrap_or(usize::MAX),
            };
            Err(ValidationError::new(vec![Issue::new("/samples", kind)]))
        }
    }
}

/// Where one weight input acts: the program member whose weight it
/// perturbs, that weight and the noise fraction.
#[derive(Debug, Clone, Copy)]
struct Knob {
    member: usize,
    weight: f64,
    fraction: f64,
}

/// Whether `f` is a noise fraction: in [0, 1].
fn fraction_ok(f: f64) -> bool {
    (0.0..=1.0).contains(&f)
}

/// Per node of `c`, the fraction `spec` names it with; a fraction out of
/// [0, 1] or an id that names no criterion goes to `issues`. A spec
/// usually names criteria in definition order: the node after the last
/// one found is tried before the id is hashed.
fn named_fractions(
    c: &Compiled,
    spec: &UncertaintySpec,
    issues: &mut Vec<Issue>,
) -> Vec<Option<f64>> {
    let mut named: Vec<Option<f64>> = vec![None; c.nodes.len()];
    let mut next = 1;
    for (id, &f) in &spec.criteria {
        let at = || pointer("/criteria", id);
        if !fraction_ok(f) {
            let value = f.to_string();
            issues.push(Issue::new(at(), IssueKind::ThresholdOutOfRange { value }));
        }
        match c.node_of_near(id.as_str(), next) {
            Some(node) => {
                if let Some(slot) = named.get_mut(node as usize) {
                    *slot = Some(f);
                }
                next = (node as usize).saturating_add(1);
            }
            None => {
                let kind = IssueKind::UnknownCriterion { id: id.to_string() };
                issues.push(Issue::new(at(), kind));
            }
        }
    }
    named
}

/// The spec's inputs, checked: the weight inputs in definition order,
/// then the method.
fn inputs(c: &Compiled, spec: &UncertaintySpec) -> Result<Vec<UncertainInput>, ValidationError> {
    let mut issues = Vec::new();
    let depth = c.depth.iter().copied().max().unwrap_or(0) as usize;
    // Each path is made only for an issue: a spec may name every leaf.
    for (&level, &f) in &spec.levels {
        let at = || pointer("/levels", level);
        if !fraction_ok(f) {
            let value = f.to_string();
            issues.push(Issue::new(at(), IssueKind::ThresholdOutOfRange { value }));
        }
        if level == 0 || level > depth {
            let kind = IssueKind::TooDeep {
                depth: level,
                max: depth,
            };
            issues.push(Issue::new(at(), kind));
        }
    }
    let named = named_fractions(c, spec, &mut issues);
    let group_depth = (0..c.nodes.len())
        .filter(|&i| c.nodes.get(i).is_some_and(|n| n.leaf.is_none()))
        .filter_map(|i| c.depth.get(i).copied())
        .max()
        .unwrap_or(0) as usize;
    for (k, &level) in spec.method_levels.iter().enumerate() {
        if level > group_depth {
            let kind = IssueKind::TooDeep {
                depth: level,
                max: group_depth,
            };
            issues.push(Issue::new(pointer("/method_levels", k), kind));
        }
    }
    if !issues.is_empty() {
        return Err(ValidationError::new(issues));
    }
    let mut out = Vec::new();
    for i in 1..c.nodes.len() {
        let Some(id) = c.id(i) else { continue };
        let level = c.depth.get(i).copied().unwrap_or(0) as usize;
        let f = named.get(i).copied().flatten();
        if let Some(fraction) = f.or_else(|| spec.levels.get(&level).copied()) {
            out.push(UncertainInput::Weight {
                criterion: id.clone(),
                fraction,
            });
        }
    }
    if !spec.methods.is_empty() {
        out.push(UncertainInput::Method {
            methods: spec.methods.clone(),
            levels: spec.method_levels.clone(),
        });
    }
    Ok(out)
}

/// Every assessment checked and bound to leaf values; issues prefixed by
/// the assessment's index.
fn bind_all(
    scorer: &Scorer,
    assessments: &[Assessment],
) -> Result<Vec<Vec<LeafValue>>, ValidationError> {
    let c = scorer.compiled();
    let mut issues = Vec::new();
    let mut out = Vec::with_capacity(assessments.len());
    for (i, a) in assessments.iter().enumerate() {
        let checked = c.bind(a);
        if checked.issues.is_empty() {
            out.push(checked.values);
        }
        issues.extend(checked.issues.into_iter().map(|is| {
            let path = format!("{}{}", pointer("", i), is.path);
            Issue::new(path, is.kind)
        }));
    }
    if issues.is_empty() {
        Ok(out)
    } else {
        Err(ValidationError::new(issues))
    }
}

/// The weight inputs as knobs on `c`'s program, in input order.
fn knobs(c: &Compiled, inputs: &[UncertainInput]) -> Vec<Knob> {
    let p = &c.program;
    inputs
        .iter()
        .filter_map(|input| {
            let UncertainInput::Weight {
                criterion,
                fraction,
            } = input
            else {
                return None;
            };
            let i = c.node_of(criterion.as_str())? as usize;
            let (step, at) = match c.nodes.get(i)?.leaf {
                Some(leaf) => p.leaf_parent.get(leaf as usize).copied()?,
                None => {
                    let own = c.step_of.get(i).copied()??;
                    p.step_parent.get(own as usize).copied()??
                }
            };
            let member = p.steps.get(step as usize)?.first.checked_add(at)? as usize;
            Some(Knob {
                member,
                weight: p.members.get(member)?.weight,
                fraction: *fraction,
            })
        })
        .collect()
}

/// Per step of `p`, whether a sample can change its score: a knob is on
/// one of its members, the sampled method applies to it (`at`, where
/// `methods`), or a step below it is reached. The root always is.
fn reached(p: &Program, knobs: &[Knob], at: &[bool], methods: bool) -> Vec<bool> {
    let mut knobbed = vec![false; p.members.len()];
    for knob in knobs {
        if let Some(k) = knobbed.get_mut(knob.member) {
            *k = true;
        }
    }
    let mut reached: Vec<bool> = Vec::with_capacity(p.steps.len());
    for (step, &at) in p.steps.iter().zip(at) {
        let range = step.first as usize..step.end as usize;
        let below = p.members_of(step).iter().any(|m| match m.input {
            Input::Group(s) => reached.get(s as usize).copied().unwrap_or(true),
            Input::Leaf(_) => false,
        });
        let knob = knobbed.get(range).is_some_and(|k| k.contains(&true));
        reached.push((methods && at) || knob || below);
    }
    if let Some(root) = reached.last_mut() {
        *root = true;
    }
    reached
}

/// Up to [`LANES`] members' bound `values` at the leaves of `folded`:
/// an original leaf's value, or a folded step's result as a leaf
/// ([`Results::as_leaf`]), from one run of the whole program.
fn folded_block(c: &Compiled, folded: &Folded, values: &[Vec<LeafValue>]) -> Block<LANES> {
    let mut whole = Block::<LANES>::new(c.leaves());
    for (lane, values) in values.iter().enumerate() {
        whole.set_lane(lane, values);
    }
    let mut results = Results::default();
    c.program.run(&whole, c.policy(), &mut results);
    let mut block = Block::new(folded.leaves.len());
    for (leaf, origin) in folded.leaves.iter().enumerate() {
        for lane in 0..values.len() {
            let v = match *origin {
                Input::Leaf(l) => whole.get(l as usize, lane),
                Input::Group(s) => results.as_leaf(s as usize, lane),
            };
            block.set(leaf, lane, v);
        }
    }
    block
}

/// The cohort's model: sample point → every member's total.
struct Model<'c> {
    c: &'c Compiled,
    knobs: Vec<Knob>,
    methods: Vec<Aggregation>,
    /// Per step: whether the chosen method applies there.
    at: Vec<bool>,
    /// The program with the framework's own weights and methods, folded
    /// where no input reaches ([`Model::new`]).
    nominal: Program,
    /// The program a sample runs: `nominal` with the sample's weights and
    /// methods written in.
    program: Program,
    /// The members' values at the leaves of `nominal`, [`LANES`] to a
    /// block.
    blocks: Vec<Block<LANES>>,
    /// How many members.
    count: usize,
    results: Results<LANES>,
}

impl<'c> Model<'c> {
    /// The model of `members` (bound values) under `inputs`. A group that
    /// no input reaches (no weight below it is sampled, and the sampled
    /// method does not apply to it or below it) has the same score in
    /// every sample: it is evaluated once per member and enters the
    /// program as a leaf ([`Program::folded`]), which adds the same terms
    /// where totals read neither counts nor flat sums; otherwise every
    /// step is run.
    fn new(
        c: &'c Compiled,
        spec: &UncertaintySpec,
        inputs: &[UncertainInput],
        members: &[Vec<LeafValue>],
    ) -> Model<'c> {
        let p = &c.program;
        let knobs = knobs(c, inputs);
        let at: Vec<bool> = p
            .steps
            .iter()
            .map(|s| {
                let depth = c.depth.get(s.node as usize).copied().unwrap_or(0) as usize;
                spec.method_levels.is_empty() || spec.method_levels.contains(&depth)
            })
            .collect();
        let foldable = !p.flat
            && !spec.methods.iter().any(|m| m.is_flat())
            && !c.policy().totals_read_counts();
        let keep = if foldable {
            reached(p, &knobs, &at, !spec.methods.is_empty())
        } else {
            vec![true; p.steps.len()]
        };
        let folded = p.folded(&keep);
        let blocks = members
            .chunks(LANES)
            .map(|chunk| folded_block(c, &folded, chunk))
            .collect();
        let knobs = knobs
            .into_iter()
            .filter_map(|k| {
                let member = folded.members.get(k.member).copied()?? as usize;
                Some(Knob { member, ..k })
            })
            .collect();
        let at = folded
            .steps
            .iter()
            .map(|&s| at.get(s as usize).copied().unwrap_or(false))
            .collect();
        Model {
            c,
            knobs,
            methods: spec.methods.clone(),
            at,
            nominal: folded.program.clone(),
            program: folded.program,
            blocks,
            count: members.len(),
            results: Results::totals_only(),
        }
    }

    /// Every member's total at sample point `x` (NaN for none), counting
    /// each member scored on `meter`.
    fn eval<G: Gate>(
        &mut self,
        x: &[f64],
        out: &mut [f64],
        meter: &mut Meter<G>,
    ) -> Result<(), G::Stop> {
        for (knob, &xi) in self.knobs.iter().zip(x) {
            let w = knob.weight * (1.0 + knob.fraction * (2.0 * xi - 1.0));
            if let Some(m) = self.program.members.get_mut(knob.member) {
                m.weight = w;
            }
        }
        if let Some(&xm) = x.get(self.knobs.len()).filter(|_| !self.methods.is_empty()) {
            let m = self.methods.len();
            let pick = ((xm * m as f64) as usize).min(m.saturating_sub(1));
            let own = self.nominal.steps.iter();
            for ((step, own), &at) in self.program.steps.iter_mut().zip(own).zip(&self.at) {
                step.method = match self.methods.get(pick) {
                    Some(&method) if at => method,
                    _ => own.method,
                };
            }
            self.program.flat =
                self.nominal.flat || self.methods.get(pick).is_some_and(|m| m.is_flat());
        }
        totals(
            &self.program,
            self.c,
            &self.blocks,
            &mut self.results,
            out,
            |members| meter.add(members),
        )
    }

    /// Every member's total with the framework's own weights and methods.
    fn nominal(&mut self) -> Vec<f64> {
        let mut out = vec![f64::NAN; self.count];
        unstoppable(totals(
            &self.nominal,
            self.c,
            &self.blocks,
            &mut self.results,
            &mut out,
            |_| Ok(()),
        ));
        out
    }

    fn run<G: Gate>(
        mut self,
        seed: u64,
        n: usize,
        assessments: &[Assessment],
        inputs: Vec<UncertainInput>,
        meter: &mut Meter<G>,
    ) -> Result<UncertaintyReport, G::Stop> {
        let m = self.count;
        let d = inputs.len();
        let nominal = self.nominal();
        let nominal_rank = ranks(&nominal);
        // Per member, the totals and ranks at the rows of A.
        let mut scores = vec![Vec::new(); m];
        let mut rank_rows = vec![Vec::new(); m];
        let mut rank_buf = vec![0usize; m];
        let mut order = Vec::with_capacity(m);
        let mut rng = Rng::new(seed);
        // Outputs: every member's total, then the ranks' mean shift.
        let sums = saltelli(d, m.saturating_add(1), n, &mut rng, |point, x, out| {
            let (totals, shift) = out.split_at_mut(m);
            self.eval(x, totals, meter)?;
            ranks_into(totals, &mut rank_buf, &mut order);
            if let Some(y) = shift.first_mut() {
                *y = mean_shift(&rank_buf, &nominal_rank);
            }
            if let Point::A(_) = point {
                for (k, (&t, &r)) in totals.iter().zip(&rank_buf).enumerate() {
                    if let (Some(s), Some(rr)) = (scores.get_mut(k), rank_rows.get_mut(k)) {
                        if !t.is_nan() {
                            s.push(t);
                            rr.push(r);
                        }
                    }
                }
            }
            Ok(())
        })?;
        let to_sensitivity = |o: usize| -> Vec<Sensitivity> {
            sums.indices(o)
                .into_iter()
                .map(|(first_order, total_effect)| Sensitivity {
                    first_order,
                    total_effect,
                })
                .collect()
        };
        let members = (0..m)
            .map(|k| MemberUncertainty {
                subject: assessments
                    .get(k)
                    .map_or_else(String::new, |a| a.subject.name.clone()),
                nominal_score: nominal.get(k).copied().filter(|t| !t.is_nan()),
                nominal_rank: nominal_rank.get(k).copied().filter(|&r| r > 0),
                score: scores.get_mut(k).and_then(|s| spread(s, f64::total_cmp)),
                rank: rank_rows.get_mut(k).and_then(|r| spread(r, Ord::cmp)),
                sensitivity: to_sensitivity(k),
            })
            .collect();
        Ok(UncertaintyReport {
            framework: self.c.framework.exact_ref(),
            seed,
            samples: n,
            evaluations: n.saturating_mul(d.saturating_add(2)),
            inputs,
            members,
            rank_shift: to_sensitivity(m),
        })
    }
}

/// Every member's total under `program` into `out` (NaN for none);
/// `scored(members)` after each block, which may stop the pass.
fn totals<E>(
    program: &Program,
    c: &Compiled,
    blocks: &[Block<LANES>],
    results: &mut Results<LANES>,
    out: &mut [f64],
    mut scored: impl FnMut(u64) -> Result<(), E>,
) -> Result<(), E> {
    for (block, out) in blocks.iter().zip(out.chunks_mut(LANES)) {
        program.run(block, c.policy(), results);
        for (lane, y) in out.iter_mut().enumerate() {
            *y = results.total(lane).unwrap_or(f64::NAN);
        }
        scored(out.len() as u64)?;
    }
    Ok(())
}

/// Ranks of `totals` (1 = the highest; ties share the smallest rank;
/// 0 for a member without a score, NaN).
fn ranks(totals: &[f64]) -> Vec<usize> {
    let mut out = vec![0; totals.len()];
    ranks_into(totals, &mut out, &mut Vec::new());
    out
}

/// [`ranks`] into `out`; `order` is working memory.
fn ranks_into(totals: &[f64], out: &mut [usize], order: &mut Vec<(u64, usize)>) {
    order.clear();
    // A total is a score in [0, 1]: with -0 made +0, its bits order as it
    // does, and inverted, the highest comes first. Members with equal
    // totals share a rank, so their order among themselves (here by
    // index) changes nothing.
    let scored = (0..).zip(totals).filter(|(_, t)| !t.is_nan());
    order.extend(scored.map(|(k, t)| (!(t + 0.0).to_bits(), k)));
    order.sort_unstable();
    out.iter_mut().for_each(|r| *r = 0);
    let mut rank = 0;
    let mut prev = None;
    for (place, &(key, k)) in (1usize..).zip(order.iter()) {
        if prev != Some(key) {
            rank = place;
            prev = Some(key);
        }
        if let Some(r) = out.get_mut(k) {
            *r = rank;
        }
    }
}

/// The mean of `|rank − nominal|` over the members ranked in both.
fn mean_shift(ranks: &[usize], nominal: &[usize]) -> f64 {
    let (mut sum, mut n) = (0.0, 0u32);
    for (&r, &r0) in ranks.iter().zip(nominal) {
        if r > 0 && r0 > 0 {
            sum += r.abs_diff(r0) as f64;
            n = n.saturating_add(1);
        }
    }
    if n > 0 { sum / f64::from(n) } else { f64::NAN }
}

/// The nearest-rank percentiles of `values` (sorted in place); `None` when
/// empty.
fn spread<T: Copy>(
    values: &mut [T],
    cmp: impl Fn(&T, &T) -> std::cmp::Ordering,
) -> Option<Spread<T>> {
    values.sort_by(&cmp);
    let n = values.len();
    let at = |p: usize| {
        let rank = p.saturating_mul(n).div_ceil(100).max(1);
        values.get(rank.saturating_sub(1)).copied()
    };
    Some(Spread {
        p05: at(5)?,
        median: at(50)?,
        p95: at(95)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ties_share_the_smallest_rank() {
        assert_eq!(ranks(&[0.5, 0.9, 0.5, 0.1]), vec![2, 1, 2, 4]);
        assert_eq!(ranks(&[0.3, f64::NAN, 0.3]), vec![1, 0, 1]);
    }

    #[test]
    fn nearest_rank_percentiles() {
        // n = 20: the 5th percentile is the 1st value, the median the
        // 10th, the 95th percentile the 19th.
        let mut v: Vec<usize> = (1..=20).rev().collect();
        let s = spread(&mut v, Ord::cmp).unwrap_or(Spread {
            p05: 0,
            median: 0,
            p95: 0,
        });
        assert_eq!((s.p05, s.median, s.p95), (1, 10, 19));
        assert_eq!(spread::<usize>(&mut [], Ord::cmp), None);
    }
}
