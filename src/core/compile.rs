//! Compiling a validated [`Framework`] into flat, index-addressed arrays in
//! definition (pre-)order, so that scoring resolves no id and hashes no
//! string per node.

use super::interpret::{Block, Evaluated, LeafValue, Policy, Results, leaf_evaluated};
use super::program::{Program, Shape};
use crate::check::validate::Tree;
use crate::model::framework::{Framework, FrameworkRef};
use crate::model::id::Id;
use crate::model::id_index::IdIndex;
use crate::model::rules::{Aggregation, MissingPolicy};
use crate::model::scale::Scale;

/// One node of the compiled tree. Index 0 is the virtual root (the whole
/// framework); criteria follow in pre-order.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Node {
    /// The parent's index (`None` for the root).
    pub parent: Option<u32>,
    /// The children are `children[first_child..end_child]`.
    pub first_child: u32,
    /// See `first_child`.
    pub end_child: u32,
    /// The leaf index, or `None` for a group.
    pub leaf: Option<u32>,
    /// The weight in the parent's aggregate.
    pub weight: f64,
    /// The effective aggregation (groups only).
    pub aggregation: Aggregation,
    /// Whether it counts in its parent's aggregate.
    pub scored: bool,
    /// Whether a low score is a risk (rule 8).
    pub critical: bool,
}

/// A leaf's scale, compiled, and what leaf a rating to it needs.
#[derive(Debug, Clone)]
pub(crate) struct LeafScale {
    /// Index into the framework's `scales`.
    pub scale: u32,
    /// Whether the framework marks the leaf (or an ancestor) not
    /// applicable: whatever it is rated, it binds as not applicable.
    pub not_applicable: bool,
    /// On a binary scale, the bound values of the codes 0, 1, NaN (no
    /// rating) and not applicable, as [`LeafScale::marked`] leaves the
    /// normalised scores of [`Scale::rating_of_code`]: looked up rather
    /// than branched on when leaf a table of codes.
    pub binary: Option<[LeafValue; 4]>,
}

impl LeafScale {
    /// How a leaf rated on `framework`'s scale at index
    /// `scale` binds its ratings, marked not applicable by the framework
    /// or not.
    fn new(framework: &Framework, scale: u32, not_applicable: bool) -> LeafScale {
        let mut leaf = LeafScale {
            scale,
            not_applicable,
            binary: None,
        };
        if let Some((_, s @ Scale::Binary { .. })) = framework.scales.get_index(scale as usize) {
            let score = |code| s.normalise(&s.rating_of_code(code));
            leaf.binary = score(0.0).zip(score(1.0)).map(|(zero, one)| {
                [
                    LeafValue::Rated(zero),
                    LeafValue::Rated(one),
                    LeafValue::Missing,
                    LeafValue::NotApplicable,
                ]
                .map(|v| leaf.marked(v))
            });
        }
        leaf
    }

    /// `v`, or not applicable when the framework marks the leaf so.
    #[inline]
    pub(crate) fn marked(&self, v: LeafValue) -> LeafValue {
        if self.not_applicable {
            LeafValue::NotApplicable
        } else {
            v
        }
    }
}

/// The compiled framework; shared behind an `Arc` by [`crate::Scorer`].
#[derive(Debug)]
pub(crate) struct Compiled {
    pub framework: Framework,
    pub nodes: Vec<Node>,
    /// The program the interpreter runs.
    pub program: Program,
    /// The program of the means in scale units (rule 11), when some node
    /// has a unit scale.
    pub units: Option<Program>,
    /// Node index → its step in `program` (`None` for a leaf).
    pub step_of: Vec<Option<u32>>,
    /// Leaf index → node index.
    pub leaf_node: Vec<u32>,
    /// Leaf index → scale.
    pub leaf_scale: Vec<LeafScale>,
    /// Node index → number of leaves below it (a leaf counts itself).
    pub leaf_count: Vec<u32>,
    /// Node index → depth (root 0, top-level criteria 1).
    pub depth: Vec<u32>,
    /// Node index → the node whose `not_applicable` reason it inherits
    /// (itself or its nearest ancestor with one).
    pub na_from: Vec<Option<u32>>,
    /// Node index → the one ordinal or numeric scale (index) every leaf
    /// below it is rated on (rule 11).
    pub unit_scale: Vec<Option<u32>>,
    /// Leaf index → effective weight (rule 9).
    pub effective_weight: Vec<f64>,
    /// Facet (in definition order) → leaf index → value index, after
    /// inheritance (rule 9).
    pub leaf_facet: Vec<Vec<Option<u32>>>,
    /// Node index → the node after its subtree in pre-order (its next
    /// sibling, or its parent's): where the next narrative most often is.
    pub after: Vec<u32>,
    /// Criterion ids in pre-order: node `i ≥ 1` has id `ids[i - 1]`. A
    /// copy made once at compile time, so that checking an assessment
    /// walks no tree.
    pub ids: Vec<Id>,
    /// Criterion titles, aligned with `ids`: what reports show, copied
    /// once here so that a report copies none.
    pub titles: Vec<String>,
    /// The `not_applicable` reason each criterion itself declares (a
    /// profile's), aligned with `ids`; `na_from` says whose a node shows.
    pub reasons: Vec<Option<String>>,
    /// The framework's id and exact version, as reports name it.
    pub exact: FrameworkRef,
    /// Criterion id → position in `ids` (node index − 1); see
    /// [`Compiled::node_of`].
    pub index: IdIndex,
}

impl Compiled {
    /// Compiles `framework` from its validated `tree` (the tree of a
    /// framework without errors: every scale known, every id unique, no
    /// tree too deep), reusing what validation resolved: each leaf's scale
    /// and the id index.
    pub(crate) fn new(framework: &Framework, tree: Tree<'_>) -> Compiled {
        let Layout {
            mut nodes,
            depth,
            na_from,
            facet_of,
            leaf_node,
            leaf_scale,
        } = lay_out(framework, &tree);
        let children = link_children(&mut nodes);
        let (leaf_count, unit_scale) =
            leaf_counts_and_units(framework, &nodes, &children, &leaf_scale);
        let effective_weight = effective_weights(&nodes, &children, &leaf_node);
        let leaf_facet = leaf_facets(&facet_of, &leaf_node, framework.facets.len());
        let leaf: Vec<Option<u32>> = nodes.iter().map(|n| n.leaf).collect();
        let kids = |i: usize| {
            let n = nodes.get(i);
            let range = n.map_or(0..0, |n| n.first_child as usize..n.end_child as usize);
            children.get(range).unwrap_or(&[])
        };
        let node = |i: usize| {
            nodes
                .get(i)
                .map_or((0.0, false, Aggregation::WeightedMean), |n| {
                    (n.weight, n.scored, n.aggregation)
                })
        };
        let (program, step_of) = Program::new(
            nodes.len(),
            &Shape {
                leaf: &leaf,
                children: &kids,
                node: &node,
            },
        );
        let units = unit_scale
            .iter()
            .any(Option::is_some)
            .then(|| program.arithmetic());
        let ids = tree.nodes.iter().map(|n| n.criterion.id.clone()).collect();
        let titles = tree
            .nodes
            .iter()
            .map(|n| n.criterion.title.clone())
            .collect();
        let reasons = tree
            .nodes
            .iter()
            .map(|n| n.criterion.not_applicable.clone())
            .collect();
        let after = subtree_ends(&nodes);
        Compiled {
            framework: framework.clone(),
            program,
            units,
            step_of,
            nodes,
            leaf_node,
            leaf_scale,
            leaf_count,
            depth,
            na_from,
            unit_scale,
            effective_weight,
            leaf_facet,
            after,
            ids,
            titles,
            reasons,
            exact: framework.exact_ref(),
            index: tree.ids,
        }
    }

    /// How the interpreter treats missing leaves and coverage for a
    /// report or a total (rules 3 and 6).
    pub(crate) fn policy(&self) -> Policy {
        Policy {
            missing_zero: self.framework.rules.missing == MissingPolicy::Zero,
            min_coverage: self.framework.rules.min_coverage,
        }
    }

    /// Node `i`'s result in lane `lane` of `results`, an evaluation of
    /// `block` under `policy` (a leaf's from its value).
    #[inline]
    pub(crate) fn evaluated<const L: usize>(
        &self,
        i: usize,
        block: &Block<L>,
        lane: usize,
        policy: Policy,
        results: &Results<L>,
    ) -> Evaluated {
        let node = self.nodes.get(i);
        match (
            node.and_then(|n| n.leaf),
            self.step_of.get(i).copied().flatten(),
        ) {
            (Some(leaf), _) => leaf_evaluated(block.get(leaf as usize, lane), policy),
            (None, Some(step)) => results.group(step as usize, lane),
            (None, None) => leaf_evaluated(LeafValue::NotApplicable, policy),
        }
    }

    /// The id of band `band` (an index into the framework's bands).
    pub(crate) fn band_id(&self, band: Option<u32>) -> Option<&Id> {
        let bands = &self.framework.rules.bands;
        bands.get(band? as usize).map(|b| &b.id)
    }

    /// The node index of the criterion with id `id`.
    pub(crate) fn node_of(&self, id: &str) -> Option<u32> {
        let id_of = |p: u32| self.ids.get(p as usize).map(Id::as_str);
        self.index.get(id, id_of).map(|p| p.saturating_add(1))
    }

    /// [`Compiled::node_of`], trying node `guess` first: documents usually
    /// list ratings and narratives in the framework's order, so the next
    /// id is most often the next node's, and a comparison saves a hash.
    pub(crate) fn node_of_near(&self, id: &str, guess: usize) -> Option<u32> {
        match self.id(guess) {
            Some(near) if near.as_str() == id => u32::try_from(guess).ok(),
            _ => self.node_of(id),
        }
    }

    /// The id of node `i`; `None` for the root.
    pub(crate) fn id(&self, i: usize) -> Option<&Id> {
        self.ids.get(i.checked_sub(1)?)
    }

    /// The title of node `i`: the framework's for the root.
    pub(crate) fn title(&self, i: usize) -> &str {
        match i.checked_sub(1) {
            Some(p) => self.titles.get(p).map_or("", String::as_str),
            None => &self.framework.title,
        }
    }

    /// Why node `i` is not applicable by the framework (a profile): the
    /// reason of the nearest criterion, itself or an ancestor, that has one.
    pub(crate) fn reason(&self, i: usize) -> Option<&str> {
        let from = self.na_from.get(i).copied().flatten()?;
        self.reasons
            .get((from as usize).checked_sub(1)?)?
            .as_deref()
    }

    /// The scale of leaf `leaf`.
    pub(crate) fn scale_of_leaf(&self, leaf: usize) -> Option<(&Id, &Scale)> {
        let si = self.leaf_scale.get(leaf)?.scale;
        self.framework.scales.get_index(si as usize)
    }

    /// The number of leaves.
    pub(crate) fn leaves(&self) -> usize {
        self.leaf_node.len()
    }
}

/// The tree laid out in pre-order, as the first pass over it gives it.
struct Layout {
    nodes: Vec<Node>,
    depth: Vec<u32>,
    na_from: Vec<Option<u32>>,
    /// Node index × facet → value index, row by row.
    facet_of: Vec<Option<u32>>,
    leaf_node: Vec<u32>,
    leaf_scale: Vec<LeafScale>,
}

/// One walk of the validated tree: each node with its parent, depth,
/// inherited not-applicable reason and facet values, and the leaves with
/// their scales (children are linked afterwards).
fn lay_out(framework: &Framework, tree: &Tree<'_>) -> Layout {
    let facets_n = framework.facets.len();
    let default_aggregation = framework.rules.aggregation;
    let n = tree.nodes.len().saturating_add(1);

    let mut nodes = Vec::with_capacity(n);
    nodes.push(Node {
        parent: None,
        first_child: 0,
        end_child: 0,
        leaf: None,
        weight: 1.0,
        aggregation: default_aggregation,
        scored: true,
        critical: false,
    });
    let mut depth = Vec::with_capacity(n);
    depth.push(0u32);
    let mut na_from = Vec::with_capacity(n);
    na_from.push(None);
    // Node index × facet → value index, row by row.
    let mut facet_of: Vec<Option<u32>> = vec![None; facets_n];
    let mut leaf_node = Vec::new();
    let mut leaf_scale = Vec::new();

    for (idx, node) in (1u32..).zip(&tree.nodes) {
        let criterion = node.criterion;
        // Parents come before their children in pre-order.
        let parent = node.parent.map_or(0, |p| p.saturating_add(1));
        let parent_depth = depth.get(parent as usize).copied().unwrap_or(0);
        depth.push(parent_depth.saturating_add(1));
        let parent_na = na_from.get(parent as usize).copied().flatten();
        na_from.push(if criterion.not_applicable.is_some() {
            Some(idx)
        } else {
            parent_na
        });

        push_facet_row(framework, criterion, parent as usize, &mut facet_of);

        let mut leaf = None;
        if criterion.is_leaf() {
            leaf = u32::try_from(leaf_node.len()).ok();
            leaf_node.push(idx);
            let marked = na_from.last().is_some_and(Option::is_some);
            // A validated framework's leaf has a scale: `u32::MAX` is no
            // scale's index, so a leaf without one binds no rating.
            let scale = node.scale.unwrap_or(u32::MAX);
            leaf_scale.push(LeafScale::new(framework, scale, marked));
        }
        nodes.push(Node {
            parent: Some(parent),
            first_child: 0,
            end_child: 0,
            leaf,
            weight: criterion.weight,
            aggregation: criterion.aggregation.unwrap_or(default_aggregation),
            scored: criterion.scored,
            critical: criterion.critical,
        });
    }

    Layout {
        nodes,
        depth,
        na_from,
        facet_of,
        leaf_node,
        leaf_scale,
    }
}

/// Appends node's row of facet values to `facet_of`: a copy of its
/// parent's row (facet values are inherited, rule 9), with the values its
/// own tags name.
fn push_facet_row(
    framework: &Framework,
    criterion: &crate::model::framework::Criterion,
    parent: usize,
    facet_of: &mut Vec<Option<u32>>,
) {
    let facets_n = framework.facets.len();
    let row = parent.saturating_mul(facets_n);
    let row = row..row.saturating_add(facets_n);
    if row.end <= facet_of.len() {
        facet_of.extend_from_within(row);
    } else {
        facet_of.resize(facet_of.len().saturating_add(facets_n), None);
    }
    let own_row = facet_of.len().saturating_sub(facets_n);
    let facets = facet_of.get_mut(own_row..).unwrap_or_default();
    for (facet, value) in &criterion.tags {
        let fi = crate::model::id::position(&framework.facets, facet.as_str());
        let vi = fi
            .and_then(|fi| framework.facets.get_index(fi))
            .and_then(|(_, f)| crate::model::id::position(&f.values, value.as_str()));
        if let (Some(fi), Some(vi)) = (fi, vi) {
            if let Some(slot) = facets.get_mut(fi) {
                *slot = u32::try_from(vi).ok();
            }
        }
    }
}

/// Per facet (in definition order), per leaf: its value index, read off
/// the node rows of `facet_of`.
fn leaf_facets(
    facet_of: &[Option<u32>],
    leaf_node: &[u32],
    facets_n: usize,
) -> Vec<Vec<Option<u32>>> {
    (0..facets_n)
        .map(|f| {
            leaf_node
                .iter()
                .map(|&i| {
                    let at = (i as usize).saturating_mul(facets_n).saturating_add(f);
                    facet_of.get(at).copied().flatten()
                })
                .collect()
        })
        .collect()
}

/// What the leaves below a node are rated on, for rule 11.
#[derive(Clone, Copy, PartialEq)]
enum Unit {
    /// No leaf seen yet.
    Unseen,
    /// Every leaf on this ordinal or numeric scale.
    One(u32),
    /// Leaves on several scales, or on a binary one.
    Mixed,
}

/// Bottom-up: per node the number of leaves below it and the one ordinal
/// or numeric scale every leaf below it is rated on (rule 11).
fn leaf_counts_and_units(
    framework: &Framework,
    nodes: &[Node],
    children: &[u32],
    leaf_scale: &[LeafScale],
) -> (Vec<u32>, Vec<Option<u32>>) {
    let n = nodes.len();
    let mut leaf_count = vec![0u32; n];
    let mut units = vec![Unit::Unseen; n];
    for i in (0..n).rev() {
        let Some(node) = nodes.get(i).copied() else {
            continue;
        };
        if let Some(leaf) = node.leaf {
            set(&mut leaf_count, i, 1);
            let si = leaf_scale.get(leaf as usize).map(|l| l.scale);
            let unit = match si.and_then(|si| framework.scales.get_index(si as usize)) {
                Some((_, Scale::Ordinal { .. } | Scale::Numeric { .. })) => {
                    si.map_or(Unit::Mixed, Unit::One)
                }
                _ => Unit::Mixed,
            };
            set(&mut units, i, unit);
        } else {
            let mut count = 0u32;
            let mut unit = Unit::Unseen;
            for &c in children
                .get(node.first_child as usize..node.end_child as usize)
                .unwrap_or(&[])
            {
                count = count.saturating_add(leaf_count.get(c as usize).copied().unwrap_or(0));
                let cu = units.get(c as usize).copied().unwrap_or(Unit::Mixed);
                unit = if unit == Unit::Unseen || unit == cu {
                    cu
                } else {
                    Unit::Mixed
                };
            }
            set(&mut leaf_count, i, count);
            set(&mut units, i, unit);
        }
    }
    let unit_scale = units
        .into_iter()
        .map(|u| match u {
            Unit::One(si) => Some(si),
            Unit::Unseen | Unit::Mixed => None,
        })
        .collect();
    (leaf_count, unit_scale)
}

/// Top-down: each leaf's effective weight, the product of its and its
/// ancestors' shares of their parents' scored weights (rule 9).
fn effective_weights(nodes: &[Node], children: &[u32], leaf_node: &[u32]) -> Vec<f64> {
    let n = nodes.len();
    let mut eff = vec![0.0f64; n];
    set(&mut eff, 0, 1.0);
    for i in 0..n {
        let Some(node) = nodes.get(i).copied() else {
            continue;
        };
        let kids = children
            .get(node.first_child as usize..node.end_child as usize)
            .unwrap_or(&[]);
        let denom: f64 = kids
            .iter()
            .filter_map(|&c| nodes.get(c as usize))
            .filter(|c| c.scored)
            .map(|c| c.weight)
            .sum();
        let here = eff.get(i).copied().unwrap_or(0.0);
        for &c in kids {
            let Some(child) = nodes.get(c as usize) else {
                continue;
            };
            let share = if child.scored && denom > 0.0 {
                child.weight / denom
            } else {
                0.0
            };
            set(&mut eff, c as usize, here * share);
        }
    }
    leaf_node
        .iter()
        .map(|&i| eff.get(i as usize).copied().unwrap_or(0.0))
        .collect()
}

fn set<T>(v: &mut [T], i: usize, x: T) {
    if let Some(slot) = v.get_mut(i) {
        *slot = x;
    }
}

/// Per node in pre-order, the index just past its subtree: a node's
/// subtree is itself and its descendants, which follow it in pre-order.
fn subtree_ends(nodes: &[Node]) -> Vec<u32> {
    let mut size = vec![1u32; nodes.len()];
    for (i, node) in nodes.iter().enumerate().skip(1).rev() {
        let own = size.get(i).copied().unwrap_or(1);
        if let Some(s) = node.parent.and_then(|p| size.get_mut(p as usize)) {
            *s = s.saturating_add(own);
        }
    }
    (0u32..)
        .zip(size)
        .map(|(i, s)| i.saturating_add(s))
        .collect()
}

/// Fills `first_child`/`end_child` and returns the children array, each
/// node's children in definition order (a counting sort on parents).
fn link_children(nodes: &mut [Node]) -> Vec<u32> {
    let n = nodes.len();
    let mut start = vec![0u32; n.saturating_add(1)];
    for parent in nodes.iter().filter_map(|node| node.parent) {
        if let Some(s) = start.get_mut((parent as usize).saturating_add(1)) {
            *s = s.saturating_add(1);
        }
    }
    for i in 1..start.len() {
        let prev = start.get(i.saturating_sub(1)).copied().unwrap_or(0);
        if let Some(s) = start.get_mut(i) {
            *s = s.saturating_add(prev);
        }
    }
    let mut fill = start.clone();
    let mut children = vec![0u32; n.saturating_sub(1)];
    for (i, node) in (0u32..).zip(nodes.iter()) {
        if let Some(f) = node.parent.and_then(|p| fill.get_mut(p as usize)) {
            if let Some(slot) = children.get_mut(*f as usize) {
                *slot = i;
            }
            *f = f.saturating_add(1);
        }
    }
    for (i, node) in nodes.iter_mut().enumerate() {
        node.first_child = start.get(i).copied().unwrap_or(0);
        node.end_child = start.get(i.saturating_add(1)).copied().unwrap_or(0);
    }
    children
}
