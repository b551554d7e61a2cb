//! What-ifs along one path: the total when one leaf's score alone is
//! changed, from an evaluated block, updating only the leaf's ancestors,
//! each from its running sums ([`Sums::replaced`]) rather than from all of
//! its members. Priorities (rule 10) and leverage (rule 15) ask one
//! what-if per leaf and rating, so both take time linear in the number of
//! leaves (times the depth); the totals agree with a full pass within
//! rounding (rule 10 already treats gains closer than 1e-12 as equal).
//!
//! A what-if changes a score, never what is included: the leaf is rated
//! before and after, so every group keeps its applicable and rated counts,
//! its coverage and its members with a score (rules 2 to 6).

use super::interpret::{Block, LeafValue, Policy, Results, Sums};
use super::program::{Member, Program};
use crate::core::interpret::NoScore;
use crate::model::rules::Aggregation;

/// How close to 1 a score from running sums may come under an `all`
/// parent before the what-if is run as a full pass: `all` asks whether
/// the score is below 1, and running sums can miss 1 by rounding (a
/// harmonic mean of 1 and 1 updated from 0.3 gave 0.9999999999999999).
const NEAR_ONE: f64 = 1e-9;

/// What-ifs over one evaluated block: the program, the block, how it was
/// evaluated and its results, and each step's running sums, gathered
/// (by the interpreter's own [`Program::gather`]) the first time a what-if
/// passes through the step and kept for the next.
pub(crate) struct WhatIf<'a, const L: usize> {
    program: &'a Program,
    block: &'a Block<L>,
    policy: Policy,
    results: &'a Results<L>,
    sums: Vec<Option<Sums<L>>>,
}

impl<'a, const L: usize> WhatIf<'a, L> {
    /// What-ifs on `results`, the evaluation of `block` by `program` under
    /// `policy`.
    pub(crate) fn new(
        program: &'a Program,
        block: &'a Block<L>,
        policy: Policy,
        results: &'a Results<L>,
    ) -> WhatIf<'a, L> {
        WhatIf {
            program,
            block,
            policy,
            results,
            sums: vec![None; program.steps.len()],
        }
    }

    /// The running sums of step `step` in lane `lane`.
    fn sums(&mut self, step: u32, lane: usize) -> Option<Sums<1>> {
        let slot = self.sums.get_mut(step as usize)?;
        if slot.is_none() {
            let s = self.program.steps.get(step as usize)?;
            let gathered = self
                .program
                .gather(s, self.block, self.policy, self.results);
            *slot = Some(gathered.sums);
        }
        Some(slot.as_ref()?.lane(lane))
    }

    /// The root's score in lane `lane` when leaf `leaf`, rated `old`
    /// there, is rated `new`.
    pub(crate) fn total(&mut self, lane: usize, leaf: u32, old: f64, new: f64) -> Option<f64> {
        let (program, results) = (self.program, self.results);
        let base = results.root(lane).score.ok();
        let &(mut step, mut at) = program.leaf_parent.get(leaf as usize)?;
        let member = program.member(step, at)?;
        let counts = member.counts();
        let w = member.weight;
        // The change of the member's score, while it is in its group's
        // aggregate, and what it moves in the flat sums it passes up.
        let mut change = counts.then_some((old, new));
        let mut flat = if counts && program.flat {
            [w * new - w * old, 0.0, new - old, 0.0]
        } else {
            [0.0; 4]
        };
        loop {
            let s = program.steps.get(step as usize)?;
            let before = results.group(step as usize, lane).score;
            if let Err(NoScore::NotApplicable | NoScore::InsufficientCoverage) = before {
                return base;
            }
            let w = program.member(step, at).map_or(0.0, |m| m.weight);
            let sums = self.sums(step, lane)?;
            let sums = sums.replaced(s.method, change.map(|(o, n)| (at, w, o, n)), flat);
            let after = before.ok().and_then(|_| sums.score(s.method, 0));
            let Some(&Some((parent, parent_at))) = program.step_parent.get(step as usize) else {
                return after;
            };
            let near_one = after.is_some_and(|n| (1.0 - n).abs() <= NEAR_ONE);
            let parent_method = program.steps.get(parent as usize).map(|p| p.method);
            if near_one && parent_method == Some(Aggregation::All) {
                return self.full_pass(lane, leaf, new);
            }
            let member = program.member(parent, parent_at)?;
            // An unchanged score changes nothing above: passing it up
            // would take it out of the parent's sums and put it back,
            // which need not give the same bits (`a - t + t`).
            change = match (before, after) {
                (Ok(o), Some(n)) if member.counts() && o != n => Some((o, n)),
                _ => None,
            };
            if !member.scored {
                flat = [0.0; 4];
            }
            if change.is_none() && flat == [0.0; 4] {
                return base;
            }
            (step, at) = (parent, parent_at);
        }
    }

    /// The root's score in lane `lane` with leaf `leaf` rated `new`, by
    /// the interpreter over every step: exact where running sums are not
    /// to be trusted (see [`NEAR_ONE`]).
    fn full_pass(&self, lane: usize, leaf: u32, new: f64) -> Option<f64> {
        let leaves = 0..self.block.leaves();
        let mut block = Block::of(leaves.map(|l| self.block.get(l, lane)));
        block.set(leaf as usize, 0, LeafValue::Rated(new));
        let mut results = Results::default();
        self.program.run(&block, self.policy, &mut results);
        results.root(0).score.ok()
    }
}

impl Program {
    /// Member `at` of step `step`.
    fn member(&self, step: u32, at: u32) -> Option<&Member> {
        let s = self.steps.get(step as usize)?;
        self.members_of(s).get(at as usize)
    }
}
