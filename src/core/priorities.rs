//! Improvement priorities (rule 10): for every rated leaf below its
//! maximum, the exact gain in the total if that leaf alone were raised to
//! its maximum, by re-scoring.

use serde::{Deserialize, Serialize};

use super::compile::Compiled;
use super::interpret::{Block, LeafValue, Results};
use super::whatif::WhatIf;
use crate::model::id::Id;
use crate::model::scale::RatingValue;

/// One improvement priority (rule 10): the exact gain in the total if this
/// leaf alone were raised to the top of its scale.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Priority {
    /// The leaf.
    pub criterion: Id,
    /// Its normalised score now.
    pub current: f64,
    /// The rating that would give it its maximum.
    pub best: RatingValue,
    /// The total after raising it, minus the total now.
    pub gain: f64,
}

/// The priorities of the bound values `block` (rule 10), evaluated into
/// `results`: every applicable rated leaf below its top, raised alone, by
/// a what-if along its path.
pub(crate) fn priorities(
    c: &Compiled,
    block: &Block<1>,
    results: &Results<1>,
    qualitative: bool,
) -> Vec<Priority> {
    if qualitative {
        return Vec::new();
    }
    let Ok(base) = results.root(0).score else {
        return Vec::new();
    };
    let mut what_if = WhatIf::new(&c.program, block, c.policy(), results);
    let mut out = Vec::new();
    for leaf in 0..u32::try_from(block.leaves()).unwrap_or(u32::MAX) {
        let LeafValue::Rated(current) = block.get(leaf as usize, 0) else {
            continue;
        };
        if !(0.0..1.0).contains(&current) {
            continue;
        }
        let Some(best) = c
            .scale_of_leaf(leaf as usize)
            .and_then(|(_, scale)| scale.best())
        else {
            continue;
        };
        let Some(raised) = what_if.total(0, leaf, current, 1.0) else {
            continue;
        };
        let node = c.leaf_node.get(leaf as usize).copied().unwrap_or(0) as usize;
        out.push((
            leaf as usize,
            Priority {
                criterion: c.id(node).unwrap_or(&c.framework.id).clone(),
                current,
                best,
                gain: raised - base,
            },
        ));
    }
    sort_by_gain(&mut out, |p| p.gain);
    out.into_iter().map(|(_, p)| p).collect()
}

/// Gains closer than this are equal (rule 10): re-scoring two symmetric
/// leaves gives gains that differ only in their last bits.
const GAIN_TIE: f64 = 1e-12;

/// Sorts `items` (each with its leaf index) by `gain`, largest first, with
/// gains within [`GAIN_TIE`] of each other kept in definition order. The
/// priorities and the bounds' leverages ([SPEC](crate::spec) §8.2) sort so.
///
/// A tolerance is not transitive, so it cannot be a sort's comparison.
/// Instead the gains are sorted exactly, then cut into runs wherever two
/// neighbours differ by [`GAIN_TIE`] or more; each run (a chain of equal
/// gains) goes back to definition order. Which run a gain lands in
/// depends on the gains alone, not on the order they came in.
pub(crate) fn sort_by_gain<T>(items: &mut [(usize, T)], gain: impl Fn(&T) -> f64) {
    // The stable sort keeps definition order among bit-equal gains.
    items.sort_by(|(_, a), (_, b)| gain(b).total_cmp(&gain(a)));
    let mut start = 0;
    while start < items.len() {
        let mut end = start.saturating_add(1);
        while let (Some(prev), Some(next)) = (items.get(end.wrapping_sub(1)), items.get(end)) {
            if gain(&prev.1) - gain(&next.1) >= GAIN_TIE {
                break;
            }
            end = end.saturating_add(1);
        }
        if let Some(run) = items.get_mut(start..end) {
            run.sort_by_key(|&(leaf, _)| leaf);
        }
        start = end;
    }
}
