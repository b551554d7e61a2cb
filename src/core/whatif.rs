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

use super::interpret::{Results, Sums};
use super::program::{Member, Program};
use crate::core::interpret::NoScore;

impl Program {
    /// The root's score in lane `lane` of `results` (an evaluation of this
    /// program) when leaf `leaf`, rated `old` there, is rated `new`.
    pub(crate) fn what_if<const L: usize>(
        &self,
        results: &Results<L>,
        lane: usize,
        leaf: u32,
        old: f64,
        new: f64,
    ) -> Option<f64> {
        let base = results.root(lane).score.ok();
        let &(mut step, mut at) = self.leaf_parent.get(leaf as usize)?;
        let member = self.member(step, at)?;
        let counts = member.counts();
        let w = member.weight;
        // The change of the member's score, while it is in its group's
        // aggregate, and what it moves in the flat sums it passes up.
        let mut change = counts.then_some((old, new));
        let mut flat = if counts && self.flat {
            [w * new - w * old, 0.0, new - old, 0.0]
        } else {
            [0.0; 4]
        };
        loop {
            let s = self.steps.get(step as usize)?;
            let before = results.group(step as usize, lane).score;
            if let Err(NoScore::NotApplicable | NoScore::InsufficientCoverage) = before {
                return base;
            }
            let sums: Sums<1> = results.sums.get(step as usize)?.lane(lane);
            let w = self.member(step, at).map_or(0.0, |m| m.weight);
            let sums = sums.replaced(s.method, change.map(|(o, n)| (at, w, o, n)), flat);
            let after = before.ok().and_then(|_| sums.finish(s.method, 0));
            let Some(&Some((parent, parent_at))) = self.step_parent.get(step as usize) else {
                return after;
            };
            let member = self.member(parent, parent_at)?;
            change = match (before, after) {
                (Ok(o), Some(n)) if member.counts() => Some((o, n)),
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

    /// Member `at` of step `step`.
    fn member(&self, step: u32, at: u32) -> Option<&Member> {
        let s = self.steps.get(step as usize)?;
        self.members_of(s).get(at as usize)
    }
}
