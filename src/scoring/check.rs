//! Checking an assessment against a compiled framework and binding its
//! ratings to dense leaf values in one pass ([SPEC](crate::spec) §6.3: the
//! assessment checks; §5.1 to §5.3).

use super::aggregate::NOT_APPLICABLE;
use super::compile::{Compiled, NONE};
use crate::limits::Limits;
use crate::{
    Assessment, Issue, IssueKind, MissingPolicy, RatingValue, Scorer, ValidationError, pointer,
};

/// The outcome of binding: dense values, which rating each leaf took, and
/// every problem found.
pub(crate) struct Binding {
    /// Per leaf: the normalised score, NaN when missing,
    /// [`NOT_APPLICABLE`] when not applicable.
    pub values: Vec<f64>,
    /// Per leaf: the index of its rating in `assessment.ratings`, or
    /// [`NONE`].
    pub rating: Vec<u32>,
    /// Every problem, in assessment order.
    pub issues: Vec<Issue>,
    /// Whether no applicable leaf is rated (rule 12).
    pub qualitative: bool,
}

impl Compiled {
    /// Checks `assessment` and binds its ratings to leaf indices.
    pub(crate) fn bind(&self, assessment: &Assessment) -> Binding {
        let fw = &self.framework;
        let mut issues = Vec::new();
        issues.extend(assessment.framework.mismatch(fw, "/framework"));
        Limits::new(&mut issues).assessment("", assessment);
        let leaves = self.leaves();
        let mut values = vec![f64::NAN; leaves];
        let mut rating = vec![NONE; leaves];

        for (leaf, &node) in self.leaf_node.iter().enumerate() {
            if self.na_from.get(node as usize).is_some_and(|&n| n != NONE) {
                if let Some(v) = values.get_mut(leaf) {
                    *v = NOT_APPLICABLE;
                }
            }
        }
        // Ratings usually follow the framework's order: try the leaf after
        // the one rated last before hashing the id.
        let mut next_leaf = 0usize;
        for (pos, (id, r)) in assessment.ratings.iter().enumerate() {
            let path = || pointer("/ratings", id);
            let guess = self.leaf_node.get(next_leaf).map_or(0, |&n| n as usize);
            let node = self.node_of_near(id.as_str(), guess);
            let Some(node) = node else {
                issues.push(Issue::new(
                    path(),
                    IssueKind::UnknownCriterion { id: id.to_string() },
                ));
                continue;
            };
            let leaf = self.nodes.get(node as usize).map_or(NONE, |n| n.leaf);
            next_leaf = (leaf as usize).saturating_add(1);
            if leaf == NONE {
                issues.push(Issue::new(
                    path(),
                    IssueKind::RatingOnGroup { id: id.to_string() },
                ));
                continue;
            }
            let Some((scale_id, scale)) = self.scale_of_leaf(leaf as usize) else {
                continue;
            };
            let normalised = match r.value {
                RatingValue::NotApplicable => Some(NOT_APPLICABLE),
                ref v => scale.normalise(v),
            };
            let Some(x) = normalised else {
                issues.push(Issue::new(
                    pointer(&path(), "value"),
                    IssueKind::RatingOffScale {
                        id: id.to_string(),
                        value: r.value.to_string(),
                        scale: scale_id.to_string(),
                        expected: scale.admits(),
                    },
                ));
                continue;
            };
            if let (Some(v), Some(p)) =
                (values.get_mut(leaf as usize), rating.get_mut(leaf as usize))
            {
                // A leaf the framework marks not applicable stays so.
                if *v != NOT_APPLICABLE || x == NOT_APPLICABLE {
                    *v = x;
                }
                *p = u32::try_from(pos).unwrap_or(NONE);
            }
        }
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
        for (i, finding) in assessment.findings.iter().enumerate() {
            if let Some(id) = &finding.criterion {
                if self.node_of(id.as_str()).is_none() {
                    issues.push(Issue::new(
                        pointer(&pointer("/findings", i), "criterion"),
                        IssueKind::UnknownCriterion { id: id.to_string() },
                    ));
                }
            }
        }
        // Rule 12: an assessment that rates no applicable leaf (only
        // narratives, findings, perhaps "not applicable" marks) is
        // qualitative; it is reported without scores.
        let qualitative = !values.iter().any(|v| *v >= 0.0);
        if fw.rules.missing == MissingPolicy::Error && !qualitative {
            for (leaf, v) in values.iter().enumerate() {
                if v.is_nan() {
                    let node = self.leaf_node.get(leaf).copied().unwrap_or(0) as usize;
                    if let Some(id) = self.id(node) {
                        issues.push(Issue::new(
                            "/ratings",
                            IssueKind::MissingRating { id: id.to_string() },
                        ));
                    }
                }
            }
        }
        Binding {
            values,
            rating,
            issues,
            qualitative,
        }
    }
}

impl Scorer {
    /// Checks `assessment` against this framework (design, *Validation*):
    /// the one check of an assessment, which [`Scorer::score`] also runs.
    ///
    /// # Errors
    ///
    /// A [`ValidationError`] with every problem that keeps `assessment`
    /// from being scored, in assessment order: framework id or version not
    /// satisfied, lists and texts over their limits ([`crate::limits`]:
    /// `too-many-items`, `text-too-long`), unknown criterion ids (ratings,
    /// narratives, findings), ratings on groups, ratings off their leaf's
    /// scale and, under
    /// [`MissingPolicy::Error`], every missing leaf ([SPEC](crate::spec) §6.3).
    /// Paths point into the assessment: `framework-mismatch` at
    /// `/framework`; `unknown-criterion` at `/ratings/<id>`,
    /// `/narratives/<id>` or `/findings/<i>/criterion`; `rating-on-group` at
    /// `/ratings/<id>`; `rating-off-scale` at `/ratings/<id>/value`; one
    /// `missing-rating` per missing leaf at `/ratings`. Empty when it can be
    /// scored.
    ///
    /// # Examples
    ///
    /// ```
    /// use assessment_model::{Assessment, Framework, RatingValue, Scorer, Subject};
    ///
    /// let framework: Framework = serde_json::from_str(r#"{
    ///     "id": "tiny", "version": "1.0.0", "title": "Tiny",
    ///     "scales": { "tick": { "type": "binary" } },
    ///     "criteria": [{ "id": "a", "title": "First", "scale": "tick" }]
    /// }"#)?;
    /// let scorer = Scorer::new(&framework)?;
    /// let mut assessment = Assessment::new(framework.exact_ref(), Subject::new("P"));
    /// assessment.rate("a", RatingValue::Met)?;
    /// scorer.validate(&assessment)?;
    ///
    /// assessment.rate("a", RatingValue::Level(2.into()))?;
    /// let err = scorer.validate(&assessment).unwrap_err();
    /// assert_eq!(err.issues()[0].code(), "rating-off-scale");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn validate(&self, assessment: &Assessment) -> Result<(), ValidationError> {
        let c = self.compiled();
        let issues = c.bind(assessment).issues;
        if issues.is_empty() {
            Ok(())
        } else {
            Err(ValidationError::new(issues))
        }
    }
}
