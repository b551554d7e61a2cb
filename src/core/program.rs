//! The program that scoring runs: the framework's groups in post-order,
//! each with its members (children) as one contiguous range, their
//! weights, the group's method and the flags rule 4 needs. It holds
//! numbers and indices only; ids, titles and texts stay in the framework.
//! The interpreter (`interpret.rs`) is its one reader.

use crate::model::rules::Aggregation;

/// Where a member's value comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Input {
    /// A leaf, by leaf index (definition order).
    Leaf(u32),
    /// A group, by step index: always an earlier step (post-order).
    Group(u32),
}

/// One child of a group, as its group's aggregate sees it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Member {
    /// Where its value comes from.
    pub input: Input,
    /// Its weight in the group's aggregate.
    pub weight: f64,
    /// Whether it counts in the group's aggregate at all (rule 4:
    /// `scored: false` is reported but left out).
    pub scored: bool,
}

impl Member {
    /// Whether the member takes part in its group's aggregate when it has
    /// a score (rules 4 and 5: scored, and a weight above 0).
    #[inline(always)]
    pub(crate) fn counts(&self) -> bool {
        self.scored && self.weight > 0.0
    }
}

/// One group: its members are `members[first..end]`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Step {
    /// The group's node index (0 is the root, the whole framework).
    pub node: u32,
    /// See `end`.
    pub first: u32,
    /// The members are `first..end` of [`Program::members`].
    pub end: u32,
    /// The group's aggregation (rule 5), the per-criterion override
    /// applied.
    pub method: Aggregation,
}

/// The compiled program; see the module docs.
#[derive(Debug, Clone)]
pub(crate) struct Program {
    /// The groups, children before parents; the root is the last.
    pub steps: Vec<Step>,
    /// Every group's members, group after group in `steps` order.
    pub members: Vec<Member>,
    /// Whether some step aggregates flat, so flat sums are needed.
    pub flat: bool,
    /// Leaf index → the step that has it as a member, and its position
    /// among that step's members.
    pub leaf_parent: Vec<(u32, u32)>,
    /// Step index → the same for the group (`None` for the root).
    pub step_parent: Vec<Option<(u32, u32)>>,
}

/// What the program is built from: one node of the tree in pre-order.
pub(crate) struct Shape<'a> {
    /// Per node: its leaf index, or `None` for a group.
    pub leaf: &'a [Option<u32>],
    /// Per node: its children's node indices.
    pub children: &'a dyn Fn(usize) -> &'a [u32],
    /// Per node: weight, scored flag and (for a group) aggregation.
    pub node: &'a dyn Fn(usize) -> (f64, bool, Aggregation),
}

impl Program {
    /// Lays out the groups of a tree of `n` nodes (node 0 the root,
    /// parents before children) in post-order. Returns the program and,
    /// per node, its step index (`None` for a leaf).
    pub(crate) fn new(n: usize, shape: &Shape<'_>) -> (Program, Vec<Option<u32>>) {
        let mut step_of: Vec<Option<u32>> = vec![None; n];
        let mut steps = Vec::new();
        let mut members = Vec::new();
        let mut leaf_parent = Vec::new();
        let mut step_parent = Vec::new();
        // Reverse pre-order visits every child before its parent.
        for i in (0..n).rev() {
            if shape.leaf.get(i).copied().flatten().is_some() {
                continue;
            }
            let first = u32::try_from(members.len()).unwrap_or(u32::MAX);
            let here = u32::try_from(steps.len()).unwrap_or(u32::MAX);
            for (at, &c) in (0u32..).zip((shape.children)(i)) {
                let input = match shape.leaf.get(c as usize).copied().flatten() {
                    Some(leaf) => Input::Leaf(leaf),
                    None => match step_of.get(c as usize).copied().flatten() {
                        Some(step) => Input::Group(step),
                        None => continue,
                    },
                };
                let up = Some((here, at));
                match input {
                    Input::Leaf(leaf) => set_grown(&mut leaf_parent, leaf, up),
                    Input::Group(step) => set_grown(&mut step_parent, step, up),
                }
                let (weight, scored, _) = (shape.node)(c as usize);
                members.push(Member {
                    input,
                    weight,
                    scored,
                });
            }
            let end = u32::try_from(members.len()).unwrap_or(u32::MAX);
            let (_, _, method) = (shape.node)(i);
            if let Some(slot) = step_of.get_mut(i) {
                *slot = u32::try_from(steps.len()).ok();
            }
            steps.push(Step {
                node: u32::try_from(i).unwrap_or(u32::MAX),
                first,
                end,
                method,
            });
        }
        step_parent.resize(steps.len(), None);
        let leaf_parent = leaf_parent
            .into_iter()
            .map(|p| p.unwrap_or((0, 0)))
            .collect();
        let flat = steps.iter().any(|s| s.method.is_flat());
        (
            Program {
                steps,
                members,
                flat,
                leaf_parent,
                step_parent,
            },
            step_of,
        )
    }

    /// The members of `step`.
    #[inline(always)]
    pub(crate) fn members_of(&self, step: &Step) -> &[Member] {
        self.members
            .get(step.first as usize..step.end as usize)
            .unwrap_or(&[])
    }

    /// The same program with every method but the flat ones replaced by
    /// the weighted mean: the program of the means in scale units (rule
    /// 11), which are weighted arithmetic means of the children's means
    /// wherever the node is not flat.
    pub(crate) fn arithmetic(&self) -> Program {
        let mut means = self.clone();
        for step in &mut means.steps {
            if !step.method.is_flat() {
                step.method = Aggregation::WeightedMean;
            }
        }
        means
    }

    /// This program with each step not in `keep` (per step; the root must
    /// be kept) read as a leaf where a kept step has it as a member, and
    /// the steps below it left out: for a caller that evaluates those
    /// steps once and runs the rest many times. The kept steps and their
    /// members keep their order, so the folded program adds the same
    /// terms in the same order; a folded step enters its parent as a leaf
    /// with the step's score, which is the same term where no total reads
    /// counts or flat sums (the caller's to check).
    pub(crate) fn folded(&self, keep: &[bool]) -> Folded {
        let kept = |s: u32| keep.get(s as usize).copied().unwrap_or(true);
        let mut out = Program {
            steps: Vec::new(),
            members: Vec::new(),
            flat: self.flat,
            leaf_parent: Vec::new(),
            step_parent: Vec::new(),
        };
        let (mut leaves, mut steps) = (Vec::new(), Vec::new());
        let mut members = vec![None; self.members.len()];
        let mut step_at = vec![None; self.steps.len()];
        for (old, step) in (0u32..).zip(&self.steps).filter(|(s, _)| kept(*s)) {
            let here = u32::try_from(out.steps.len()).unwrap_or(u32::MAX);
            let first = u32::try_from(out.members.len()).unwrap_or(u32::MAX);
            for (at, (m, member)) in (0u32..).zip((step.first..).zip(self.members_of(step))) {
                let input = match member.input {
                    Input::Group(s) if kept(s) => {
                        let s = step_at.get(s as usize).copied().flatten().unwrap_or(0);
                        set_grown(&mut out.step_parent, s, Some((here, at)));
                        Input::Group(s)
                    }
                    origin => {
                        let leaf = u32::try_from(leaves.len()).unwrap_or(u32::MAX);
                        leaves.push(origin);
                        out.leaf_parent.push((here, at));
                        Input::Leaf(leaf)
                    }
                };
                if let Some(slot) = members.get_mut(m as usize) {
                    *slot = u32::try_from(out.members.len()).ok();
                }
                out.members.push(Member { input, ..*member });
            }
            if let Some(slot) = step_at.get_mut(old as usize) {
                *slot = Some(here);
            }
            let end = u32::try_from(out.members.len()).unwrap_or(u32::MAX);
            out.steps.push(Step {
                first,
                end,
                ..*step
            });
            steps.push(old);
        }
        out.step_parent.resize(out.steps.len(), None);
        Folded {
            program: out,
            leaves,
            members,
            steps,
        }
    }
}

/// A program with some steps folded into leaves ([`Program::folded`]),
/// and how its indices stand for the original's.
#[derive(Debug, Clone)]
pub(crate) struct Folded {
    /// The program: the kept steps, in order.
    pub program: Program,
    /// Per leaf of `program`: the original leaf or step it stands for.
    pub leaves: Vec<Input>,
    /// Per member of the original: its index in `program`, if its step
    /// is kept.
    pub members: Vec<Option<u32>>,
    /// Per step of `program`: its index in the original.
    pub steps: Vec<u32>,
}

/// Sets `v[i]`, growing `v` with `None`s to reach it.
fn set_grown<T: Copy>(v: &mut Vec<Option<T>>, i: u32, x: Option<T>) {
    let i = i as usize;
    if v.len() <= i {
        v.resize(i.saturating_add(1), None);
    }
    if let Some(slot) = v.get_mut(i) {
        *slot = x;
    }
}
