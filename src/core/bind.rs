//! Checking an assessment against a compiled framework and leaf its
//! ratings to dense leaf values in one pass ([SPEC](crate::spec) §6.3: the
//! assessment checks; §5.1 to §5.3).

use super::compile::Compiled;
use super::interpret::LeafValue;
use crate::model::assessment::{Assessment, DeclaredFinding};
use crate::model::id::Id;
use crate::model::issue::{Issue, IssueKind, ValidationError, pointer};
use crate::model::limits::Limits;
use crate::model::rules::MissingPolicy;
use crate::model::scale::RatingValue;

/// The outcome of leaf: leaf values, which rating each leaf took, and
/// every problem found.
pub(crate) struct Checked {
    /// Per leaf: its bound value.
    pub values: Vec<LeafValue>,
    /// Per leaf: the index of its rating in `assessment.ratings`.
    pub rating: Vec<Option<u32>>,
    /// Every problem, in assessment order.
    pub issues: Vec<Issue>,
    /// Whether no applicable leaf is rated (rule 12).
    pub qualitative: bool,
}

impl Checked {
    /// Itself when it found no problem; otherwise every problem.
    pub(crate) fn checked(self) -> Result<Checked, ValidationError> {
        if self.issues.is_empty() {
            Ok(self)
        } else {
            Err(ValidationError::new(self.issues))
        }
    }
}

impl Compiled {
    /// Checks `assessment` and binds its ratings to leaf indices: the one
    /// check of an assessment against the framework ([SPEC](crate::spec)
    /// §6.3), which scoring, priorities and the dense path run.
    pub(crate) fn bind(&self, assessment: &Assessment) -> Checked {
        let mut issues = Vec::new();
        issues.extend(assessment.framework.mismatch(&self.framework, "/framework"));
        Limits::new(&mut issues).assessment("", assessment);
        let (values, rating) = self.bind_ratings(assessment, &mut issues);
        self.check_references(assessment, &mut issues);
        let qualitative =
            self.qualitative_or_missing(&values, |_| "/ratings".to_string(), &mut issues);
        Checked {
            values,
            rating,
            issues,
            qualitative,
        }
    }

    /// The problems of `assessment` against the framework that do not
    /// depend on where it is used: the framework reference, its ratings
    /// and the criteria its narratives and findings name, at paths under
    /// `base` (an assessment inside a peer review or a translation). The
    /// limits and the missing policy are the caller's: scoring applies
    /// both ([`Compiled::bind`]).
    pub(crate) fn assessment_issues(&self, assessment: &Assessment, base: &str) -> Vec<Issue> {
        let mut issues = Vec::new();
        issues.extend(assessment.framework.mismatch(&self.framework, "/framework"));
        self.bind_ratings(assessment, &mut issues);
        self.check_references(assessment, &mut issues);
        for issue in &mut issues {
            issue.path.insert_str(0, base);
        }
        issues
    }

    /// Binds each rating to its leaf: per leaf its bound value and the
    /// position of its rating;
    /// unknown ids, ratings on groups and ratings off scale go to `issues`.
    fn bind_ratings(
        &self,
        assessment: &Assessment,
        issues: &mut Vec<Issue>,
    ) -> (Vec<LeafValue>, Vec<Option<u32>>) {
        let leaves = self.leaves();
        let mut values: Vec<LeafValue> = (0..leaves).map(|leaf| self.unrated(leaf)).collect();
        let mut rating = vec![None; leaves];
        // Ratings usually follow the framework's order: try the leaf after
        // the one rated last before hashing the id.
        let mut next_leaf = 0usize;
        for (pos, (id, r)) in assessment.ratings.iter().enumerate() {
            let guess = self.leaf_node.get(next_leaf).map_or(0, |&n| n as usize);
            let Some(leaf) = self.rated_leaf(id, guess, issues) else {
                continue;
            };
            next_leaf = (leaf as usize).saturating_add(1);
            let Some(x) = self.leaf_value(leaf as usize, &r.value) else {
                let path = pointer(&pointer("/ratings", id), "value");
                issues.extend(self.off_scale(leaf as usize, &r.value, path));
                continue;
            };
            if let (Some(v), Some(p)) =
                (values.get_mut(leaf as usize), rating.get_mut(leaf as usize))
            {
                *v = x;
                *p = u32::try_from(pos).ok();
            }
        }
        (values, rating)
    }

    /// The leaf index that rating `id` rates, trying node `guess` first;
    /// `unknown-criterion` or `rating-on-group` when it rates none.
    fn rated_leaf(&self, id: &Id, guess: usize, issues: &mut Vec<Issue>) -> Option<u32> {
        let path = || pointer("/ratings", id);
        let Some(node) = self.node_of_near(id.as_str(), guess) else {
            issues.push(Issue::new(
                path(),
                IssueKind::UnknownCriterion { id: id.to_string() },
            ));
            return None;
        };
        let leaf = self.nodes.get(node as usize).and_then(|n| n.leaf);
        if leaf.is_none() {
            issues.push(Issue::new(
                path(),
                IssueKind::RatingOnGroup { id: id.to_string() },
            ));
        }
        leaf
    }

    /// The bound value of leaf `leaf` rated `value` (rules 1, 2): its
    /// score normalised on the leaf's scale, or not applicable when
    /// `value` says so or the framework marks the leaf not applicable;
    /// `None` when the scale does not admit `value` (checked even on a
    /// leaf marked not applicable). The one leaf of a rating, for
    /// assessments and for ratings given by position alike.
    #[inline]
    pub(crate) fn leaf_value(&self, leaf: usize, value: &RatingValue) -> Option<LeafValue> {
        let scale_of = self.leaf_scale.get(leaf)?;
        if let Some(table) = &scale_of.binary {
            // The table holds what the lines below give for each rating a
            // binary scale admits (`LeafScale::binary`).
            let row = match value {
                RatingValue::NotMet => 0,
                RatingValue::Met => 1,
                RatingValue::NotApplicable => 3,
                _ => return None,
            };
            return table.get(row).copied();
        }
        let (_, scale) = self.framework.scales.get_index(scale_of.scale as usize)?;
        let x = match value {
            RatingValue::NotApplicable => LeafValue::NotApplicable,
            v => LeafValue::Rated(scale.normalise(v)?),
        };
        Some(scale_of.marked(x))
    }

    /// [`Compiled::leaf_value`] for the rating that number `code` stands for
    /// ([`crate::Scale::rating_of_code`]), for not applicable when it is
    /// `not_applicable`, and [`Compiled::unrated`] for NaN. A binary
    /// leaf's four codes are looked up without a branch on which it is:
    /// ratings in a table are as unpredictable as the subjects are.
    #[inline]
    pub(crate) fn code_value(
        &self,
        leaf: usize,
        code: f64,
        not_applicable: f64,
    ) -> Option<LeafValue> {
        let scale_of = self.leaf_scale.get(leaf)?;
        if let Some(table) = &scale_of.binary {
            let na = code == not_applicable;
            let row = if na {
                3
            } else {
                usize::from(code == 1.0) | usize::from(code.is_nan()) << 1
            };
            let known = na || code == 0.0 || code == 1.0 || code.is_nan();
            return table.get(row).copied().filter(|_| known);
        }
        if code.is_nan() {
            return Some(scale_of.marked(LeafValue::Missing));
        }
        let value = if code == not_applicable {
            RatingValue::NotApplicable
        } else {
            let (_, scale) = self.framework.scales.get_index(scale_of.scale as usize)?;
            scale.rating_of_code(code)
        };
        self.leaf_value(leaf, &value)
    }

    /// The bound value of leaf `leaf` without a rating: missing, or not
    /// applicable when the framework marks it so.
    #[inline]
    pub(crate) fn unrated(&self, leaf: usize) -> LeafValue {
        self.leaf_scale
            .get(leaf)
            .map_or(LeafValue::Missing, |scale_of| {
                scale_of.marked(LeafValue::Missing)
            })
    }

    /// `rating-off-scale` at `path` for `value` on leaf `leaf`, the value
    /// [`Compiled::leaf_value`] refused.
    pub(crate) fn off_scale(
        &self,
        leaf: usize,
        value: &RatingValue,
        path: String,
    ) -> Option<Issue> {
        let node = self.leaf_node.get(leaf).copied()? as usize;
        let (scale_id, scale) = self.scale_of_leaf(leaf)?;
        let (value, expected) = scale.refused(value);
        let kind = IssueKind::RatingOffScale {
            id: self.id(node)?.to_string(),
            value,
            scale: scale_id.to_string(),
            expected,
        };
        Some(Issue::new(path, kind))
    }

    /// `unknown-criterion` for every narrative and finding that names no
    /// criterion.
    fn check_references(&self, assessment: &Assessment, issues: &mut Vec<Issue>) {
        let mut next_node = 1usize;
        for id in assessment.narratives.keys() {
            if let Some(node) = self.node_of_near(id.as_str(), next_node) {
                next_node = self.after.get(node as usize).map_or(0, |&n| n as usize);
            } else {
                issues.push(Issue::new(
                    pointer("/narratives", id),
                    IssueKind::UnknownCriterion { id: id.to_string() },
                ));
            }
        }
        issues.extend(self.finding_issues(&assessment.findings, "/findings"));
    }

    /// `unknown-criterion` at `<list>/<i>/criterion` for every finding
    /// that names no criterion.
    pub(crate) fn finding_issues<'a>(
        &'a self,
        findings: &'a [DeclaredFinding],
        list: &'a str,
    ) -> impl Iterator<Item = Issue> + 'a {
        findings.iter().enumerate().filter_map(move |(i, finding)| {
            let id = finding.criterion.as_ref()?;
            self.node_of(id.as_str()).is_none().then(|| {
                Issue::new(
                    pointer(&pointer(list, i), "criterion"),
                    IssueKind::UnknownCriterion { id: id.to_string() },
                )
            })
        })
    }

    /// Rules 12 and 3 on bound `values`: whether they are qualitative (no
    /// applicable leaf is rated: only narratives, findings, perhaps "not
    /// applicable" marks; reported without scores), and, when they are
    /// not, under [`MissingPolicy::Error`] one `missing-rating` at
    /// `path(leaf)` per applicable leaf without a rating.
    pub(crate) fn qualitative_or_missing(
        &self,
        values: &[LeafValue],
        path: impl Fn(usize) -> String,
        issues: &mut Vec<Issue>,
    ) -> bool {
        let qualitative = !values.iter().any(|v| matches!(v, LeafValue::Rated(_)));
        if self.framework.rules.missing != MissingPolicy::Error || qualitative {
            return qualitative;
        }
        for (leaf, v) in values.iter().enumerate() {
            if *v == LeafValue::Missing {
                let node = self.leaf_node.get(leaf).copied().unwrap_or(0) as usize;
                if let Some(id) = self.id(node) {
                    let kind = IssueKind::MissingRating { id: id.to_string() };
                    issues.push(Issue::new(path(leaf), kind));
                }
            }
        }
        qualitative
    }
}
