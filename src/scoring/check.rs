//! Checking an assessment against a compiled framework and binding its
//! ratings to dense leaf values in one pass (design, *Validation*: the
//! assessment checks; *Scoring rules* 1 to 3).

use super::aggregate::NOT_APPLICABLE;
use super::compile::{Compiled, NONE};
use crate::limits::Limits;
use crate::{
    Assessment, Criterion, Framework, Issue, IssueKind, MissingPolicy, RatingValue, Scale, Scorer,
    ValidationError, pointer,
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
    /// Checks `assessment` and binds its ratings to leaf indices;
    /// `criteria` is [`Compiled::criteria`], walked once by the caller.
    pub(crate) fn bind(&self, assessment: &Assessment, criteria: &[&Criterion]) -> Binding {
        let fw = &self.framework;
        let mut issues = Vec::new();
        issues.extend(assessment.framework.mismatch(fw, "/framework"));
        Limits::new(&mut issues).assessment("", assessment);
        let leaves = self.leaves();
        let mut values = vec![f64::NAN; leaves];
        let mut rating = vec![NONE; leaves];
        let id_of = |n: u32| Compiled::criterion(criteria, n as usize).map(|c| c.id.as_str());
        let known = |id: &str| self.node_of(criteria, id).is_some();
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
            let guess = self.leaf_node.get(next_leaf).copied();
            let node = match guess {
                Some(n) if id_of(n) == Some(id.as_str()) => Some(n),
                _ => self.node_of(criteria, id.as_str()),
            };
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
                        expected: admits(scale),
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
        for id in assessment.narratives.keys() {
            if !known(id.as_str()) {
                issues.push(Issue::new(
                    pointer("/narratives", id),
                    IssueKind::UnknownCriterion { id: id.to_string() },
                ));
            }
        }
        for (i, finding) in assessment.findings.iter().enumerate() {
            if let Some(id) = &finding.criterion {
                if !known(id.as_str()) {
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
                    if let Some(c) = Compiled::criterion(criteria, node) {
                        issues.push(Issue::new(
                            "/ratings",
                            IssueKind::MissingRating {
                                id: c.id.to_string(),
                            },
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

/// What `scale` admits, for [`IssueKind::RatingOffScale`].
fn admits(scale: &Scale) -> String {
    match scale {
        Scale::Binary { .. } => "a binary scale admits met, not_met or not_applicable".into(),
        Scale::Ordinal { levels, .. } => {
            let values: Vec<String> = levels.iter().map(|l| l.value.to_string()).collect();
            format!(
                "an ordinal scale admits the levels {} or not_applicable",
                values.join(", ")
            )
        }
        Scale::Numeric { min, max, .. } => {
            format!("a numeric scale admits a number in [{min}, {max}] or not_applicable")
        }
    }
}

impl Scorer {
    /// Every problem that keeps `assessment` from being scored against this
    /// framework, in assessment order: framework id or version not
    /// satisfied, lists and texts over their limits ([`crate::limits`]:
    /// `too-many-items`, `text-too-long`), unknown criterion ids (ratings,
    /// narratives, findings), ratings on groups, ratings off their leaf's
    /// scale and, under
    /// [`MissingPolicy::Error`], every missing leaf (design, *Validation*).
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
    /// assessment.rate("a".parse()?, RatingValue::Met);
    /// assert!(scorer.check(&assessment).is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn check(&self, assessment: &Assessment) -> Vec<Issue> {
        let c = self.compiled();
        c.bind(assessment, &c.criteria()).issues
    }
}

impl Assessment {
    /// Checks this assessment against `framework` (design, *Validation*):
    /// the framework must be valid, and the assessment must pass
    /// [`Scorer::check`].
    ///
    /// # Errors
    ///
    /// The framework's own [`ValidationError`] when it is invalid;
    /// otherwise a [`ValidationError`] with every issue of
    /// [`Scorer::check`].
    ///
    /// # Examples
    ///
    /// ```
    /// use assessment_model::{Assessment, Framework, RatingValue, Subject};
    ///
    /// let framework: Framework = serde_json::from_str(r#"{
    ///     "id": "tiny", "version": "1.0.0", "title": "Tiny",
    ///     "scales": { "tick": { "type": "binary" } },
    ///     "criteria": [{ "id": "a", "title": "First", "scale": "tick" }]
    /// }"#)?;
    /// let mut assessment = Assessment::new(framework.exact_ref(), Subject::new("P"));
    /// assessment.rate("a".parse()?, RatingValue::Level(2));
    /// let err = assessment.validate_against(&framework).unwrap_err();
    /// assert_eq!(err.issues()[0].code(), "rating-off-scale");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn validate_against(&self, framework: &Framework) -> Result<(), ValidationError> {
        let scorer = Scorer::new(framework)?;
        let issues = scorer.check(self);
        if issues.is_empty() {
            Ok(())
        } else {
            Err(ValidationError::new(issues))
        }
    }
}
