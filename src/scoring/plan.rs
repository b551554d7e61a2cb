//! The mean plan: the dense total of a framework that aggregates by
//! weighted means alone, as one pass over contiguous slices (the fast path
//! of [`crate::Scorer::total_dense`]).
//!
//! When every group (and the total) uses [`Aggregation::WeightedMean`] and
//! no `min_coverage` is set (rules 5, 6), a group's score is
//! Σ wᵢsᵢ / Σ wᵢ over its included children and nothing else matters: no
//! counts, no coverage, no flat sums. The plan lays the groups out so that
//! each reads its children from one contiguous slice: a group of leaves
//! reads its run of dense values, any other group reads its children's
//! results from a slot array indexed by position in the compiled
//! `children` array (where siblings are contiguous). The sums run in
//! definition order over the same children as the general pass in
//! `aggregate.rs` (an excluded child there adds +0.0, which changes no
//! sum), so the totals are bit for bit the same.

use super::compile::{NONE, Node};
use crate::model::rules::Aggregation;

/// One group of the plan: its children are `start..end` (leaf indices for
/// a group of leaves, slots otherwise); its score goes to slot `out`.
#[derive(Debug, Clone, Copy)]
struct Step {
    start: u32,
    end: u32,
    out: u32,
}

/// The compiled plan; see the module docs.
#[derive(Debug, Clone)]
pub(crate) struct MeanPlan {
    /// Groups whose children are all leaves, in any order (they read only
    /// the dense values).
    leaf_groups: Vec<Step>,
    /// Per group of `leaf_groups`: Σ wᵢ of its leaves, summed in
    /// definition order as [`MeanPlan::run`] sums them, so that when every
    /// leaf is rated applicable the sum is known before the values are.
    leaf_group_w: Vec<f64>,
    /// Leaves under other groups: `(leaf index, slot)`.
    loose: Vec<(u32, u32)>,
    /// The other groups, children before parents.
    slot_groups: Vec<Step>,
    /// Leaf index → its weight in its parent's mean: 0 when it is unscored
    /// (rule 4) or weighs 0.
    leaf_w: Vec<f64>,
    /// Slot → the weight of the child there, likewise.
    slot_w: Vec<f64>,
}

impl MeanPlan {
    /// The plan for a compiled tree, or `None` when some group aggregates
    /// otherwise than by weighted mean or a coverage threshold is set.
    pub(crate) fn new(
        nodes: &[Node],
        children: &[u32],
        min_coverage: Option<f64>,
    ) -> Option<MeanPlan> {
        let groups_mean = nodes
            .iter()
            .filter(|n| n.leaf == NONE)
            .all(|n| n.aggregation == Aggregation::WeightedMean);
        if !groups_mean || min_coverage.is_some() {
            return None;
        }
        // As the general pass includes a child: scored, with weight > 0.
        let weight = |n: &Node| {
            if n.scored && n.weight > 0.0 {
                n.weight
            } else {
                0.0
            }
        };
        // Node → its slot (its position in `children`); the root's slot is
        // the last one.
        let root_slot = u32::try_from(children.len()).ok()?;
        let mut slot_of = vec![root_slot; nodes.len()];
        let mut slot_w = vec![0.0; children.len()];
        for (pos, &c) in children.iter().enumerate() {
            *slot_of.get_mut(c as usize)? = u32::try_from(pos).ok()?;
            *slot_w.get_mut(pos)? = weight(nodes.get(c as usize)?);
        }
        let mut leaf_w = Vec::new();
        let (mut leaf_groups, mut loose, mut slot_groups) = (Vec::new(), Vec::new(), Vec::new());
        for (i, node) in nodes.iter().enumerate() {
            if node.leaf != NONE {
                leaf_w.push(weight(node));
                let parent = nodes.get(node.parent as usize)?;
                if !parent.leaf_run {
                    loose.push((node.leaf, *slot_of.get(i)?));
                }
            }
        }
        for (i, node) in nodes.iter().enumerate().rev() {
            let out = *slot_of.get(i)?;
            if node.leaf != NONE {
                continue;
            } else if node.leaf_run {
                leaf_groups.push(Step {
                    start: node.run_start,
                    end: node.run_end,
                    out,
                });
            } else {
                slot_groups.push(Step {
                    start: node.first_child,
                    end: node.end_child,
                    out,
                });
            }
        }
        let leaf_group_w = leaf_groups
            .iter()
            .map(|step| {
                let run = leaf_w.get(step.start as usize..step.end as usize);
                run.unwrap_or(&[]).iter().fold(0.0, |sum, w| sum + w)
            })
            .collect();
        Some(MeanPlan {
            leaf_groups,
            leaf_group_w,
            loose,
            slot_groups,
            leaf_w,
            slot_w,
        })
    }

    /// The total from dense `values` (rules 1 to 5): a missing value
    /// counts 0 when `missing_zero`, else it is left out, as a
    /// not-applicable one always is. `complete` says that every value is
    /// a rating (none missing or not applicable): the groups of leaves
    /// then take their sums of weights from the plan. `slots` is working
    /// memory.
    pub(crate) fn total(
        &self,
        values: &[f64],
        missing_zero: bool,
        complete: bool,
        slots: &mut Vec<f64>,
    ) -> Option<f64> {
        if complete {
            let slots = self.slots(slots);
            self.run::<false, true>(values, slots, self.weights());
            return last_score(slots);
        }
        self.total_with(values, missing_zero, slots, self.weights())
    }

    /// The plan's own weights `(per leaf, per slot)`: 0 where a child does
    /// not count.
    pub(crate) fn weights(&self) -> (&[f64], &[f64]) {
        (&self.leaf_w, &self.slot_w)
    }

    /// [`MeanPlan::total`] with `weights` (in the form of
    /// [`MeanPlan::weights`]) passed in: the hook of the uncertainty
    /// analysis.
    pub(crate) fn total_with(
        &self,
        values: &[f64],
        missing_zero: bool,
        slots: &mut Vec<f64>,
        weights: (&[f64], &[f64]),
    ) -> Option<f64> {
        let slots = self.slots(slots);
        if missing_zero {
            self.run::<true, false>(values, slots, weights);
        } else {
            self.run::<false, false>(values, slots, weights);
        }
        last_score(slots)
    }

    /// `slots` sized for this plan: one per child and one for the root.
    fn slots<'s>(&self, slots: &'s mut Vec<f64>) -> &'s mut [f64] {
        let n = self.slot_w.len().saturating_add(1);
        if slots.len() != n {
            slots.clear();
            slots.resize(n, f64::NAN);
        }
        slots
    }

    /// The pass itself: `ZERO` counts a missing value 0; `COMPLETE` (no
    /// value missing or not applicable, and the plan's own `weights`)
    /// sums each group of leaves without a test per leaf, its Σ wᵢ read
    /// from `leaf_group_w`. Every leaf then counts, and one of weight 0
    /// adds +0.0 to both sums, which changes neither: the bits are those
    /// of the general loop.
    fn run<const ZERO: bool, const COMPLETE: bool>(
        &self,
        values: &[f64],
        slots: &mut [f64],
        (leaf_w, slot_w): (&[f64], &[f64]),
    ) {
        for &(leaf, slot) in &self.loose {
            let v = values.get(leaf as usize).copied().unwrap_or(f64::NAN);
            let x = if v >= 0.0 {
                v
            } else if ZERO && v.is_nan() {
                0.0
            } else {
                f64::NAN
            };
            set(slots, slot, x);
        }
        for (step, &group_w) in self.leaf_groups.iter().zip(&self.leaf_group_w) {
            let run = step.start as usize..step.end as usize;
            let (vs, ws) = (values.get(run.clone()), leaf_w.get(run));
            let (vs, ws) = (vs.unwrap_or(&[]), ws.unwrap_or(&[]));
            if COMPLETE {
                let acc = vs.iter().zip(ws).fold(0.0, |acc, (&v, &w)| acc + w * v);
                set(slots, step.out, mean(acc, group_w));
                continue;
            }
            let (mut acc, mut sum_w) = (0.0, 0.0);
            for (&v, &w) in vs.iter().zip(ws) {
                if v >= 0.0 {
                    acc += w * v;
                    sum_w += w;
                } else if ZERO && v.is_nan() {
                    sum_w += w;
                }
            }
            set(slots, step.out, mean(acc, sum_w));
        }
        for step in &self.slot_groups {
            let range = step.start as usize..step.end as usize;
            let (xs, ws) = (slots.get(range.clone()), slot_w.get(range));
            let (mut acc, mut sum_w) = (0.0, 0.0);
            for (&x, &w) in xs.unwrap_or(&[]).iter().zip(ws.unwrap_or(&[])) {
                if !x.is_nan() {
                    acc += w * x;
                    sum_w += w;
                }
            }
            set(slots, step.out, mean(acc, sum_w));
        }
    }
}

/// The score in the root's slot, `None` for NaN.
fn last_score(slots: &[f64]) -> Option<f64> {
    slots.last().copied().filter(|t| !t.is_nan())
}

/// Σ wᵢsᵢ / Σ wᵢ, NaN when nothing was included (rule 4).
#[inline(always)]
fn mean(acc: f64, sum_w: f64) -> f64 {
    if sum_w > 0.0 { acc / sum_w } else { f64::NAN }
}

#[inline(always)]
fn set(slots: &mut [f64], slot: u32, x: f64) {
    if let Some(s) = slots.get_mut(slot as usize) {
        *s = x;
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use crate::model::assessment::{Assessment, Subject};
    use crate::model::framework::Framework;
    use crate::model::scale::RatingValue;
    use crate::scoring::Scorer;
    use crate::scoring::aggregate::Scratch;

    /// A loose leaf beside groups, a missing leaf, an unscored leaf, a
    /// weight-0 leaf and a group whose leaves are all not applicable.
    fn framework(rules: &str) -> Framework {
        serde_json::from_str(&format!(
            r#"{{
            "id": "mix", "version": "1.0.0", "title": "Mix",
            "scales": {{ "tick": {{ "type": "binary" }} }},
            "rules": {rules},
            "criteria": [
                {{ "id": "x", "title": "X", "scale": "tick", "weight": 2.0 }},
                {{ "id": "g", "title": "G", "children": [
                    {{ "id": "g1", "title": "G1", "scale": "tick" }},
                    {{ "id": "g2", "title": "G2", "scale": "tick", "weight": 3.0 }},
                    {{ "id": "g3", "title": "G3", "scale": "tick", "scored": false }}
                ] }},
                {{ "id": "h", "title": "H", "children": [
                    {{ "id": "h1", "title": "H1", "scale": "tick" }}
                ] }},
                {{ "id": "z", "title": "Z", "scale": "tick", "weight": 0.0 }}
            ]
        }}"#
        ))
        .unwrap()
    }

    fn total(fw: &Framework) -> (bool, Option<f64>) {
        total_of(
            fw,
            &[
                ("x", RatingValue::NotMet),
                ("g1", RatingValue::Met),
                ("g3", RatingValue::NotMet),
                ("h1", RatingValue::NotApplicable),
                ("z", RatingValue::Met),
            ],
        )
    }

    /// Whether the plan scores `fw`, and the dense total of `ratings`.
    fn total_of(fw: &Framework, ratings: &[(&str, RatingValue)]) -> (bool, Option<f64>) {
        let scorer = Scorer::new(fw).unwrap();
        let mut a = Assessment::new(fw.exact_ref(), Subject::new("P"));
        for (id, v) in ratings {
            a.rate(id, v.clone()).unwrap();
        }
        let dense = scorer.bind(&a).unwrap();
        let planned = scorer.compiled().plan.is_some();
        (planned, scorer.total_dense(&dense, &mut Scratch::new()))
    }

    #[test]
    fn excluded_missing_leaves_the_mean_of_the_rest() {
        // g = 1·1 / 1 = 1 (g2 missing, g3 unscored); h not applicable;
        // z weighs 0: total = (2·0 + 1·1) / 3.
        assert_eq!(total(&framework("{}")), (true, Some(1.0 / 3.0)));
    }

    #[test]
    fn every_leaf_rated_takes_the_plans_sums_of_weights() {
        use RatingValue::{Met, NotMet};
        let all = [
            ("x", Met),
            ("g1", NotMet),
            ("g2", Met),
            ("g3", Met),
            ("h1", Met),
            ("z", NotMet),
        ];
        // g = (1·0 + 3·1) / 4 (g3 unscored), h = 1, z weighs 0:
        // total = (2·1 + 1·0.75 + 1·1 + 0·0) / 4; the general pass (a
        // coverage threshold every group meets) gives the same.
        assert_eq!(total_of(&framework("{}"), &all), (true, Some(0.9375)));
        let general = framework(r#"{ "min_coverage": 0.25 }"#);
        assert_eq!(total_of(&general, &all), (false, Some(0.9375)));
    }

    #[test]
    fn missing_counts_zero_under_zero_policy() {
        // g = (1·1 + 3·0) / 4 = 0.25; total = (2·0 + 1·0.25) / 3.
        let fw = framework(r#"{ "missing": "zero" }"#);
        assert_eq!(total(&fw), (true, Some(0.25 / 3.0)));
    }

    #[test]
    fn other_aggregations_and_coverage_take_the_general_pass() {
        let fw = framework(r#"{ "min_coverage": 0.25 }"#);
        assert_eq!(total(&fw), (false, Some(1.0 / 3.0)));
        let fw = framework(r#"{ "aggregation": "minimum" }"#);
        // g = min(1) = 1 (g2 missing, g3 unscored); total = min(0, 1).
        assert_eq!(total(&fw), (false, Some(0.0)));
    }
}
