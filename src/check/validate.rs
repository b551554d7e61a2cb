//! The checks of [`Framework::validate`] ([SPEC](crate::spec) §6.2).
//!
//! The tree is walked once with an explicit stack into a flat list of nodes
//! (pre-order, each with its parent, its scale resolved and its id checked
//! against those before it), so no tree shape can overflow the call stack
//! and the work is linear in the size of the framework. Paths are built
//! only for the nodes that have an issue. Hash tables serve only for
//! lookups (their randomised hashing keeps adversarial ids from making
//! them slow); the order of the issues never depends on them.
//! [`crate::Scorer::new`] compiles a valid framework from the same tree.

use std::collections::{HashMap, HashSet};

use crate::model::framework::{Criterion, Framework};
use crate::model::id::Id;
use crate::model::id_index::IdIndex;
use crate::model::issue::{Issue, IssueKind, Severity, pointer};
use crate::model::limits::{
    Limits, MAX_CRITERIA, MAX_DEPTH, MAX_ITEMS, MAX_LEVELS, MAX_TEXT_BYTES,
};
use crate::model::scale::{Level, Scale};

/// Every issue of `framework`, whose tree is `tree`.
pub(crate) fn issues(framework: &Framework, tree: &Tree<'_>) -> Vec<Issue> {
    let mut issues = Vec::new();
    check_header(framework, &mut issues);
    check_scales(framework, tree, &mut issues);
    check_facets(framework, tree, &mut issues);
    check_rules(framework, &mut issues);
    let requires = framework.requires.len();
    Limits::new(&mut issues).count("/requires", "requires", requires, MAX_ITEMS);
    check_criteria(framework, tree, &mut issues);
    issues
}

/// Every issue of `framework` (whose tree is `tree`) when one is an error.
pub(crate) fn check(framework: &Framework, tree: &Tree<'_>) -> Result<(), Vec<Issue>> {
    let issues = issues(framework, tree);
    if issues.iter().any(|i| i.severity() == Severity::Error) {
        Err(issues)
    } else {
        Ok(())
    }
}

/// One criterion of the flattened tree (positions as `u32`, which keeps a
/// node at 48 bytes; no framework that fits in memory has 2³² criteria).
pub(crate) struct Node<'a> {
    pub(crate) criterion: &'a Criterion,
    /// The parent's position in [`Tree::nodes`]; `None` at the top level.
    pub(crate) parent: Option<u32>,
    /// The position among its siblings.
    index: u32,
    /// For a criterion at depth `MAX_DEPTH + 1`: the depth of the deepest
    /// criterion below it. Its subtree is not in the list.
    too_deep: Option<u32>,
    /// The position of its scale among the framework's scales; `None` when
    /// it names none or an unknown one.
    pub(crate) scale: Option<u32>,
    /// The position of an earlier criterion with the same id.
    first: Option<u32>,
}

/// The criteria down to depth `MAX_DEPTH + 1` in pre-order, and what the
/// whole tree (deeper parts included) uses. Made in one pass that reads
/// each id and scale name once: it resolves each criterion's scale and
/// finds each repeated id as it goes. Scoring compiles a valid framework
/// from it (`Scorer::new`), reusing both.
pub(crate) struct Tree<'a> {
    pub(crate) nodes: Vec<Node<'a>>,
    /// Id → position in `nodes`, for the criteria down to `MAX_DEPTH`.
    pub(crate) ids: IdIndex,
    /// By scale position: whether a leaf is rated on it.
    used_scales: Vec<bool>,
    /// `(facet, value)` tags carried by criteria.
    used_tags: HashSet<(&'a str, &'a str)>,
    /// How many criteria the whole tree has.
    count: usize,
}

impl<'a> Tree<'a> {
    pub(crate) fn new(framework: &'a Framework) -> Tree<'a> {
        let mut tree = Tree {
            nodes: Vec::new(),
            ids: IdIndex::new(),
            used_scales: vec![false; framework.scales.len()],
            used_tags: HashSet::new(),
            count: 0,
        };
        let mut stack = vec![(None, 1_usize, framework.criteria.iter().enumerate())];
        while let Some((parent, depth, iter)) = stack.last_mut() {
            let (parent, depth) = (*parent, *depth);
            let Some((index, criterion)) = iter.next() else {
                stack.pop();
                continue;
            };
            let Ok(at) = u32::try_from(tree.nodes.len()) else {
                // Unreachable in practice; the count already exceeds
                // MAX_CRITERIA, which is reported.
                break;
            };
            let mut node = Node {
                criterion,
                parent,
                index: u32::try_from(index).unwrap_or(u32::MAX),
                too_deep: None,
                scale: None,
                first: None,
            };
            if depth > MAX_DEPTH {
                let deepest = tree.scan_below(framework, criterion, depth);
                node.too_deep = Some(u32::try_from(deepest).unwrap_or(u32::MAX));
            } else {
                node.scale = tree.note_use(framework, criterion);
                let nodes = &tree.nodes;
                let id_of = |n: u32| nodes.get(n as usize).map(|n| n.criterion.id.as_str());
                node.first = tree.ids.insert(criterion.id.as_str(), at, id_of);
                if !criterion.children.is_empty() {
                    stack.push((
                        Some(at),
                        depth.saturating_add(1),
                        criterion.children.iter().enumerate(),
                    ));
                }
            }
            tree.nodes.push(node);
        }
        tree
    }

    /// Counts `criterion` and notes the scale and tags it uses; returns its
    /// scale's position.
    fn note_use(&mut self, framework: &Framework, criterion: &'a Criterion) -> Option<u32> {
        self.count = self.count.saturating_add(1);
        let scale = criterion
            .scale
            .as_ref()
            .and_then(|s| crate::model::id::position(&framework.scales, s.as_str()));
        if criterion.children.is_empty() {
            if let Some(used) = scale.and_then(|s| self.used_scales.get_mut(s)) {
                *used = true;
            }
        }
        for (facet, value) in &criterion.tags {
            self.used_tags.insert((facet.as_str(), value.as_str()));
        }
        // No framework in memory has 2³² scales.
        scale.and_then(|s| u32::try_from(s).ok())
    }

    /// Notes what the subtree of `top` (at `depth`) uses and returns the
    /// depth of its deepest criterion.
    fn scan_below(&mut self, framework: &Framework, top: &'a Criterion, depth: usize) -> usize {
        let mut deepest = depth;
        let mut stack = vec![(depth, top)];
        while let Some((depth, criterion)) = stack.pop() {
            deepest = deepest.max(depth);
            self.note_use(framework, criterion);
            let below = depth.saturating_add(1);
            stack.extend(criterion.children.iter().map(|c| (below, c)));
        }
        deepest
    }

    /// The JSON Pointer of node `at`: `/criteria/i/children/j/…`.
    fn path(&self, at: u32) -> String {
        let mut indices = Vec::new();
        let mut next = Some(at);
        while let Some(i) = next {
            let Some(node) = self.nodes.get(i as usize) else {
                break;
            };
            indices.push(node.index);
            next = node.parent;
        }
        let mut path = String::from("/criteria");
        let mut first = true;
        for index in indices.iter().rev() {
            if !first {
                path.push_str("/children");
            }
            first = false;
            path = pointer(&path, index);
        }
        path
    }
}

/// The texts and lists of the framework's own fields, before its scales.
fn check_header(framework: &Framework, issues: &mut Vec<Issue>) {
    let mut limits = Limits::new(issues);
    limits.text("", "title", &framework.title);
    limits.opt_text("", "description", framework.description.as_ref());
    let p = &framework.provenance;
    limits.opt_text("/provenance", "network", p.network.as_ref());
    limits.opt_text("/provenance", "document", p.document.as_ref());
    limits.opt_text("/provenance", "year", p.year.as_ref());
    limits.count("/provenance/notes", "notes", p.notes.len(), MAX_ITEMS);
    for (i, note) in p.notes.iter().enumerate().take(MAX_ITEMS) {
        limits.text("/provenance/notes", i, note);
    }
    let steps = p.derived_from.len();
    limits.count("/provenance/derived_from", "derived_from", steps, MAX_ITEMS);
}

/// The scales: their count, then per scale its texts, whether a leaf uses
/// it (`unused-scale`), and its levels or range.
fn check_scales(framework: &Framework, tree: &Tree<'_>, issues: &mut Vec<Issue>) {
    let count = framework.scales.len();
    Limits::new(issues).count("/scales", "scales", count, MAX_ITEMS);
    for (i, (id, scale)) in framework.scales.iter().enumerate() {
        let at = pointer("/scales", id);
        scale_texts(&at, scale, issues);
        if !tree.used_scales.get(i).copied().unwrap_or(false) {
            issues.push(Issue::new(
                &at,
                IssueKind::UnusedScale {
                    scale: id.to_string(),
                },
            ));
        }
        match scale {
            Scale::Binary { .. } => {}
            Scale::Ordinal { levels, .. } => check_levels(&pointer(&at, "levels"), levels, issues),
            Scale::Numeric { min, max, .. } => check_range(at, *min, *max, issues),
        }
    }
}

/// The lengths of the texts of the scale at `at`: title, description and
/// (on a numeric scale) unit.
fn scale_texts(at: &str, scale: &Scale, issues: &mut Vec<Issue>) {
    let (title, description) = match scale {
        Scale::Binary { title, description }
        | Scale::Ordinal {
            title, description, ..
        }
        | Scale::Numeric {
            title, description, ..
        } => (title, description),
    };
    let mut limits = Limits::new(issues);
    limits.opt_text(at, "title", title.as_ref());
    limits.opt_text(at, "description", description.as_ref());
    if let Scale::Numeric { unit, .. } = scale {
        limits.opt_text(at, "unit", unit.as_ref());
    }
}

/// The levels of an ordinal scale (at `levels_at`): how many (two to
/// [`MAX_LEVELS`]), then per level (the first [`MAX_LEVELS`]) its texts, a
/// repeated id and a repeated value.
fn check_levels(levels_at: &str, levels: &[Level], issues: &mut Vec<Issue>) {
    if levels.len() < 2 {
        issues.push(Issue::new(
            levels_at,
            IssueKind::TooFewLevels {
                count: levels.len(),
            },
        ));
    }
    if levels.len() > MAX_LEVELS {
        issues.push(Issue::new(
            levels_at,
            IssueKind::TooManyLevels {
                count: levels.len(),
                max: MAX_LEVELS,
            },
        ));
    }
    let mut ids: HashMap<&str, usize> = HashMap::new();
    let mut values: HashSet<i32> = HashSet::new();
    for (i, level) in levels.iter().enumerate().take(MAX_LEVELS) {
        let level_at = pointer(levels_at, i);
        let mut limits = Limits::new(issues);
        limits.text(&level_at, "label", &level.label);
        limits.opt_text(&level_at, "description", level.description.as_ref());
        if let Some(first) = ids.get(level.id.as_str()) {
            issues.push(duplicate(
                &level_at,
                &level.id,
                pointer(&pointer(levels_at, first), "id"),
            ));
        } else {
            ids.insert(level.id.as_str(), i);
        }
        if !values.insert(level.value) {
            issues.push(Issue::new(
                pointer(&level_at, "value"),
                IssueKind::DuplicateLevelValue { value: level.value },
            ));
        }
    }
}

/// The range of a numeric scale (at `at`): `invalid-range` at the first
/// bound that is not finite, or at the scale when `min ≥ max`.
fn check_range(at: String, min: f64, max: f64, issues: &mut Vec<Issue>) {
    let kind = IssueKind::InvalidRange {
        min: min.to_string(),
        max: max.to_string(),
    };
    if !min.is_finite() {
        issues.push(Issue::new(pointer(&at, "min"), kind));
    } else if !max.is_finite() {
        issues.push(Issue::new(pointer(&at, "max"), kind));
    } else if min >= max {
        issues.push(Issue::new(at, kind));
    }
}

fn check_facets(framework: &Framework, tree: &Tree<'_>, issues: &mut Vec<Issue>) {
    let count = framework.facets.len();
    Limits::new(issues).count("/facets", "facets", count, MAX_ITEMS);
    for (facet, def) in &framework.facets {
        let at = pointer("/facets", facet);
        let values_at = pointer(&at, "values");
        let mut limits = Limits::new(issues);
        limits.text(&at, "title", &def.title);
        limits.opt_text(&at, "description", def.description.as_ref());
        limits.count(&values_at, "values", def.values.len(), MAX_ITEMS);
        for (value, v) in def.values.iter().take(MAX_ITEMS) {
            let value_at = pointer(&values_at, value);
            limits.text(&value_at, "title", &v.title);
            limits.opt_text(&value_at, "description", v.description.as_ref());
        }
        for value in def.values.keys() {
            if !tree.used_tags.contains(&(facet.as_str(), value.as_str())) {
                issues.push(Issue::new(
                    pointer(&values_at, value),
                    IssueKind::UnusedFacetValue {
                        facet: facet.to_string(),
                        value: value.to_string(),
                    },
                ));
            }
        }
    }
}

fn check_rules(framework: &Framework, issues: &mut Vec<Issue>) {
    let rules = &framework.rules;
    threshold(issues, "/rules/min_coverage", rules.min_coverage);
    let count = rules.bands.len();
    Limits::new(issues).count("/rules/bands", "bands", count, MAX_ITEMS);
    let mut ids: HashMap<&str, usize> = HashMap::new();
    let mut previous: Option<f64> = None;
    for (i, band) in rules.bands.iter().enumerate() {
        let at = pointer("/rules/bands", i);
        Limits::new(issues).text(&at, "label", &band.label);
        if let Some(first) = ids.get(band.id.as_str()) {
            issues.push(duplicate(&at, &band.id, format!("/rules/bands/{first}/id")));
        } else {
            ids.insert(band.id.as_str(), i);
        }
        let from_at = pointer(&at, "from");
        threshold(issues, &from_at, Some(band.from));
        if let Some(previous) = previous {
            if !band.from.is_nan() && band.from <= previous {
                issues.push(Issue::new(&from_at, IssueKind::UnorderedBands));
            }
        }
        if !band.from.is_nan() {
            previous = Some(band.from);
        }
    }
    threshold(issues, "/rules/risk_below", rules.risk_below);
    threshold(issues, "/rules/strength_at", rules.strength_at);
    if let Some(band) = &rules.critical_caps_band {
        if !ids.contains_key(band.as_str()) {
            issues.push(Issue::new(
                "/rules/critical_caps_band",
                IssueKind::UnknownBand {
                    band: band.to_string(),
                },
            ));
        }
    }
}

/// The criteria: first the list as a whole (empty, every weight zero, too
/// many criteria), then each criterion of the flattened tree in pre-order.
fn check_criteria(framework: &Framework, tree: &Tree<'_>, issues: &mut Vec<Issue>) {
    if framework.criteria.is_empty() {
        issues.push(Issue::new("/criteria", IssueKind::EmptyGroup));
    } else if all_zero(&framework.criteria) {
        issues.push(Issue::new("/criteria", IssueKind::AllWeightsZero));
    }
    if tree.count > MAX_CRITERIA {
        issues.push(Issue::new(
            "/criteria",
            IssueKind::TooManyCriteria {
                count: tree.count,
                max: MAX_CRITERIA,
            },
        ));
    }
    for (n, node) in (0u32..).zip(&tree.nodes) {
        check_node(framework, tree, n, node, issues);
    }
}

/// One criterion, node `n` of `tree`: too deep (and nothing else), then
/// empty, its texts, a repeated id, its weight, critical without a
/// `risk_below`, its tags, its scale and its children's weights. Its path is built only when it has an issue.
fn check_node(
    framework: &Framework,
    tree: &Tree<'_>,
    n: u32,
    node: &Node<'_>,
    issues: &mut Vec<Issue>,
) {
    let criterion = node.criterion;
    let at = || tree.path(n);
    if let Some(depth) = node.too_deep {
        issues.push(Issue::new(
            at(),
            IssueKind::TooDeep {
                depth: depth as usize,
                max: MAX_DEPTH,
            },
        ));
        return;
    }
    if criterion.children.is_empty() && criterion.scale.is_none() {
        issues.push(Issue::new(at(), IssueKind::EmptyGroup));
    }
    criterion_texts(criterion, at, issues);
    if let Some(first) = node.first {
        issues.push(duplicate(
            &at(),
            &criterion.id,
            pointer(&tree.path(first), "id"),
        ));
    }
    issues.extend(invalid_weight(criterion.weight, || {
        pointer(&at(), "weight")
    }));
    if criterion.critical && framework.rules.risk_below.is_none() {
        issues.push(Issue::new(
            pointer(&at(), "critical"),
            IssueKind::CriticalWithoutThreshold {
                id: criterion.id.to_string(),
            },
        ));
    }
    tag_issues(framework, criterion, at, issues);
    if let Some(scale) = &criterion.scale {
        let scale_at = || pointer(&at(), "scale");
        if node.scale.is_none() {
            issues.push(Issue::new(
                scale_at(),
                IssueKind::UnknownScale {
                    scale: scale.to_string(),
                },
            ));
        }
        if !criterion.children.is_empty() {
            issues.push(Issue::new(scale_at(), IssueKind::ScaleOnGroup));
        }
    }
    if !criterion.children.is_empty() && all_zero(&criterion.children) {
        issues.push(Issue::new(
            pointer(&at(), "children"),
            IssueKind::AllWeightsZero,
        ));
    }
}

/// The lengths of a criterion's texts; its path (`at`) is built only when
/// one is too long.
fn criterion_texts(criterion: &Criterion, at: impl Fn() -> String, issues: &mut Vec<Issue>) {
    let texts = [
        Some(&criterion.title),
        criterion.description.as_ref(),
        criterion.not_applicable.as_ref(),
        criterion.source.as_ref(),
    ];
    if texts.iter().flatten().any(|t| t.len() > MAX_TEXT_BYTES) {
        let at = at();
        let mut limits = Limits::new(issues);
        limits.text(&at, "title", &criterion.title);
        limits.opt_text(&at, "description", criterion.description.as_ref());
        limits.opt_text(&at, "not_applicable", criterion.not_applicable.as_ref());
        limits.opt_text(&at, "source", criterion.source.as_ref());
    }
}

/// A criterion's tags against the framework's facets: `unknown-facet` or
/// `unknown-facet-value` at `<at>/tags/<facet>`.
fn tag_issues(
    framework: &Framework,
    criterion: &Criterion,
    at: impl Fn() -> String,
    issues: &mut Vec<Issue>,
) {
    for (facet, value) in &criterion.tags {
        let kind = match framework.facets.get(facet) {
            None => IssueKind::UnknownFacet {
                facet: facet.to_string(),
            },
            Some(def) if !def.values.contains_key(value) => IssueKind::UnknownFacetValue {
                facet: facet.to_string(),
                value: value.to_string(),
            },
            Some(_) => continue,
        };
        issues.push(Issue::new(pointer(&pointer(&at(), "tags"), facet), kind));
    }
}

/// A `duplicate-id` issue at `<at>/id`.
fn duplicate(at: &str, id: &Id, first: String) -> Issue {
    Issue::new(
        pointer(at, "id"),
        IssueKind::DuplicateId {
            id: id.to_string(),
            first,
        },
    )
}

/// An `invalid-weight` issue at `at` when `weight` is negative, NaN or
/// infinite: the rule for a criterion's weight and for a profile's weight
/// override alike. The path is built only when there is an issue.
pub(crate) fn invalid_weight(weight: f64, at: impl FnOnce() -> String) -> Option<Issue> {
    (!(weight.is_finite() && weight >= 0.0)).then(|| {
        Issue::new(
            at(),
            IssueKind::InvalidWeight {
                weight: weight.to_string(),
            },
        )
    })
}

/// A `threshold-out-of-range` issue at `at` when `value` is set and not in
/// [0, 1] (NaN included).
fn threshold(issues: &mut Vec<Issue>, at: &str, value: Option<f64>) {
    if let Some(value) = value {
        if !(0.0..=1.0).contains(&value) {
            issues.push(Issue::new(
                at,
                IssueKind::ThresholdOutOfRange {
                    value: value.to_string(),
                },
            ));
        }
    }
}

/// Whether every criterion in `criteria` has weight 0 (exactly).
fn all_zero(criteria: &[Criterion]) -> bool {
    criteria.iter().all(|c| c.weight == 0.0)
}
