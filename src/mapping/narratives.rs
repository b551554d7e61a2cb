//! Where [`Mapping::translate`] puts the source's narratives and declared
//! findings, on leaves and on groups (the rule is in the section "Narratives and findings" of
//! [`Mapping::translate`]).
//!
//! A group's place is found in one pass over the source tree, children
//! before parents: each criterion keeps the lowest target criterion that
//! contains the targets of every mapped leaf below it, merged upwards.

use std::collections::HashMap;

use super::carried::{FindingNotCarried, NotCarried, NotCarriedReason, join};
use super::{Criteria, Mapping};
use crate::model::assessment::Assessment;
use crate::model::id::Id;

/// What the targets of the mapped leaves below a source criterion have in
/// common.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Common {
    /// No leaf below it is mapped.
    Nothing,
    /// The position of the lowest target criterion that contains them all.
    Under(usize),
    /// They lie under more than one top-level target criterion.
    Spread,
}

impl Common {
    /// What `self` and `other` have in common, in `target`.
    fn merge(self, other: Common, target: &Criteria<'_>) -> Common {
        match (self, other) {
            (Common::Nothing, c) | (c, Common::Nothing) => c,
            (Common::Under(a), Common::Under(b)) => {
                lowest_common(target, a, b).map_or(Common::Spread, Common::Under)
            }
            _ => Common::Spread,
        }
    }
}

/// The lowest criterion of `criteria` that contains both `a` and `b` (a
/// criterion contains itself); `None` when they are under different
/// top-level criteria.
fn lowest_common(criteria: &Criteria<'_>, mut a: usize, mut b: usize) -> Option<usize> {
    let depth = |at: usize| criteria.nodes.get(at).map_or(0, |n| n.depth);
    let parent = |at: usize| criteria.nodes.get(at).and_then(|n| n.parent);
    while a != b {
        if depth(a) >= depth(b) {
            a = parent(a)?;
        } else {
            b = parent(b)?;
        }
    }
    Some(a)
}

/// Whether criterion `outer` of `criteria` contains `inner` (or is it).
fn contains(criteria: &Criteria<'_>, outer: usize, mut inner: usize) -> bool {
    let depth = |at: usize| criteria.nodes.get(at).map_or(0, |n| n.depth);
    while depth(inner) > depth(outer) {
        match criteria.nodes.get(inner).and_then(|n| n.parent) {
            Some(p) => inner = p,
            None => return false,
        }
    }
    inner == outer
}

/// The narratives that land on one target criterion.
#[derive(Default)]
struct Landing<'t> {
    /// (source id, text)
    texts: Vec<(&'t Id, &'t str)>,
    /// Whether one of them comes from an entry with several sources.
    shared: bool,
}

/// Where the narratives and findings of source criteria go.
pub(super) struct Placement<'a> {
    mapping: &'a Mapping,
    source: &'a Criteria<'a>,
    target: &'a Criteria<'a>,
    /// Source leaf id → the entries that use it, in entry order.
    entries_of: HashMap<&'a str, Vec<usize>>,
    /// By source position: what the targets of its mapped leaves have in
    /// common. Empty when the assessment says nothing about a group.
    common: Vec<Common>,
}

impl<'a> Placement<'a> {
    pub(super) fn new(
        mapping: &'a Mapping,
        assessment: &Assessment,
        source: &'a Criteria<'a>,
        target: &'a Criteria<'a>,
        entries_of: HashMap<&'a str, Vec<usize>>,
    ) -> Placement<'a> {
        let mut place = Placement {
            mapping,
            source,
            target,
            entries_of,
            common: Vec::new(),
        };
        let findings = assessment
            .findings
            .iter()
            .filter_map(|f| f.criterion.as_ref());
        if assessment
            .narratives
            .keys()
            .chain(findings)
            .any(|id| place.group_at(id).is_some())
        {
            place.common = place.common();
        }
        place
    }

    /// The position of source criterion `id` when it is a group.
    fn group_at(&self, id: &Id) -> Option<usize> {
        let at = self.source.position(id.as_str())?;
        let node = self.source.nodes.get(at)?;
        (!node.criterion.is_leaf()).then_some(at)
    }

    /// By source position, what the targets of the mapped leaves below
    /// have in common: each mapped leaf starts with its entries' targets,
    /// and every criterion, children before parents (the reverse of
    /// pre-order), passes its own up to its parent.
    fn common(&self) -> Vec<Common> {
        let mut common = vec![Common::Nothing; self.source.nodes.len()];
        for e in &self.mapping.entries {
            let Some(to) = self.target.position(e.to.as_str()) else {
                continue;
            };
            for id in &e.from {
                let at = self.source.position(id.as_str());
                if let Some(c) = at.and_then(|at| common.get_mut(at)) {
                    *c = c.merge(Common::Under(to), self.target);
                }
            }
        }
        for (at, node) in self.source.nodes.iter().enumerate().rev() {
            let below = common.get(at).copied().unwrap_or(Common::Nothing);
            if let Some(c) = node.parent.and_then(|p| common.get_mut(p)) {
                *c = c.merge(below, self.target);
            }
        }
        common
    }

    /// Where the narrative and findings of the source group at `at` go:
    /// the target criterion with the group's id when it contains every
    /// target of the group's mapped leaves, else the lowest target
    /// criterion that contains them all; its position and id.
    fn group(&self, at: usize) -> Result<(usize, &'a Id), NotCarriedReason> {
        let lowest = match self.common.get(at).copied().unwrap_or(Common::Nothing) {
            Common::Nothing => return Err(NotCarriedReason::NoLeafMapped),
            Common::Spread => {
                return Err(NotCarriedReason::NoCommonCriterion {
                    to: self.targets_below(at),
                });
            }
            Common::Under(lowest) => lowest,
        };
        let id = self.source.nodes.get(at).map(|n| n.criterion.id.as_str());
        let to = id
            .and_then(|id| self.target.position(id))
            .filter(|&same| contains(self.target, same, lowest))
            .unwrap_or(lowest);
        // Always found: `to` is a position in the target.
        self.target
            .nodes
            .get(to)
            .map(|n| (to, &n.criterion.id))
            .ok_or(NotCarriedReason::NoLeafMapped)
    }

    /// The targets of the mapped leaves below the source criterion at `at`,
    /// in the target's definition order.
    fn targets_below(&self, at: usize) -> Vec<Id> {
        let depth = self.source.nodes.get(at).map_or(0, |n| n.depth);
        let below = self
            .source
            .nodes
            .iter()
            .enumerate()
            .skip(at.saturating_add(1));
        let mut targets: Vec<usize> = below
            .take_while(|(_, n)| n.depth > depth)
            // The first criterion of an id given twice is the one mapped.
            .filter(|(pos, n)| self.source.position(n.criterion.id.as_str()) == Some(*pos))
            .filter_map(|(_, n)| self.entries_of.get(n.criterion.id.as_str()))
            .flatten()
            .filter_map(|&i| self.mapping.entries.get(i))
            .filter_map(|e| self.target.position(e.to.as_str()))
            .collect();
        targets.sort_unstable();
        targets.dedup();
        targets
            .into_iter()
            .filter_map(|t| self.target.nodes.get(t))
            .map(|n| n.criterion.id.clone())
            .collect()
    }

    /// The target of the first entry that uses source leaf `id`, or why
    /// there is none.
    fn leaf(&self, id: &Id) -> Result<&'a Id, NotCarriedReason> {
        let entries = self.entries_of.get(id.as_str());
        entries
            .and_then(|entries| entries.first())
            .and_then(|&i| self.mapping.entries.get(i))
            .map(|e| &e.to)
            .ok_or_else(|| NotCarriedReason::NoEntry {
                rationale: self.mapping.unmapped_from.get(id).cloned(),
            })
    }

    /// Puts the narratives of `assessment` on `moved`, in the target's
    /// definition order; returns those that could not be placed, in the
    /// assessment's order.
    pub(super) fn narratives(
        &self,
        assessment: &Assessment,
        moved: &mut Assessment,
    ) -> Vec<NotCarried> {
        let mut not_carried = Vec::new();
        // (source position, target position, source id, text)
        let mut groups: Vec<(usize, usize, &Id, &str)> = Vec::new();
        for (id, text) in &assessment.narratives {
            let placed = match self.group_at(id) {
                Some(at) => self
                    .group(at)
                    .map(|(to, _)| groups.push((at, to, id, text.as_str()))),
                None => self.leaf(id).map(|_| ()),
            };
            if let Err(reason) = placed {
                not_carried.push(NotCarried {
                    from: id.clone(),
                    reason,
                });
            }
        }
        // By target position: the groups' texts first, in definition
        // order, then the leaves', in entry order.
        let mut texts: HashMap<usize, Landing<'_>> = HashMap::new();
        groups.sort_by_key(|&(at, ..)| at);
        for (_, to, id, text) in groups {
            texts.entry(to).or_default().texts.push((id, text));
        }
        for e in &self.mapping.entries {
            let Some(to) = self.target.position(e.to.as_str()) else {
                continue;
            };
            let from = e.from.iter().filter_map(|id| {
                let text = assessment.narratives.get(id);
                text.map(|t| (id, t.as_str()))
            });
            let from: Vec<(&Id, &str)> = from.collect();
            if !from.is_empty() {
                let landing = texts.entry(to).or_default();
                landing.texts.extend(from);
                landing.shared |= e.from.len() > 1;
            }
        }
        for (at, node) in self.target.nodes.iter().enumerate() {
            let Some(landing) = texts.remove(&at) else {
                continue;
            };
            if let Some(text) = join(&landing.texts, !landing.shared) {
                moved.narratives.insert(node.criterion.id.clone(), text);
            }
        }
        not_carried
    }

    /// Puts the declared findings of `assessment` on `moved`, in the
    /// assessment's order; returns those that could not be placed.
    pub(super) fn findings(
        &self,
        assessment: &Assessment,
        moved: &mut Assessment,
    ) -> Vec<FindingNotCarried> {
        let mut not_carried = Vec::new();
        for (index, finding) in assessment.findings.iter().enumerate() {
            let Some(about) = &finding.criterion else {
                moved.findings.push(finding.clone());
                continue;
            };
            let to = match self.group_at(about) {
                Some(at) => self.group(at).map(|(_, id)| id),
                None => self.leaf(about),
            };
            match to {
                Ok(to) => {
                    let mut f = finding.clone();
                    f.criterion = Some(to.clone());
                    moved.findings.push(f);
                }
                Err(reason) => not_carried.push(FindingNotCarried {
                    index,
                    about: about.clone(),
                    reason,
                }),
            }
        }
        not_carried
    }
}
