//! [`ScoreError`]: every problem that stops an assessment from being scored
//! against a framework, each with a JSON Pointer into the assessment.

use std::fmt;

use crate::{Issue, Severity};

/// The assessment cannot be scored against the framework: every problem
/// found, not just the first, each as an [`Issue`] whose `path` points into
/// the serialised assessment.
///
/// The kinds are `framework-mismatch` (at `/framework`),
/// `unknown-criterion` (at `/ratings/<id>`, `/narratives/<id>` or
/// `/findings/<i>/criterion`), `rating-on-group` (at `/ratings/<id>`),
/// `rating-off-scale` (at `/ratings/<id>/value`) and, under
/// [`crate::MissingPolicy::Error`], one `missing-rating` per missing leaf
/// at `/ratings` (the map the rating is missing from).
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
/// assessment.rate("a", RatingValue::Level(3.into()))?;
/// assessment.rate("zz", RatingValue::Met)?;
/// let err = scorer.score(&assessment).unwrap_err();
/// let codes: Vec<&str> = err.issues().iter().map(|i| i.code()).collect();
/// assert_eq!(codes, ["rating-off-scale", "unknown-criterion"]);
/// assert_eq!(err.issues()[0].path, "/ratings/a/value");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub struct ScoreError {
    issues: Vec<Issue>,
}

impl ScoreError {
    /// Wraps `issues`; they should contain at least one error.
    pub fn new(issues: Vec<Issue>) -> ScoreError {
        ScoreError { issues }
    }

    /// Every issue, in assessment order.
    pub fn issues(&self) -> &[Issue] {
        &self.issues
    }

    /// Takes the issues out.
    pub fn into_issues(self) -> Vec<Issue> {
        self.issues
    }
}

impl fmt::Display for ScoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let errors = self
            .issues
            .iter()
            .filter(|i| i.severity() == Severity::Error)
            .count();
        write!(f, "the assessment cannot be scored: {errors} error(s)")?;
        for issue in &self.issues {
            write!(f, "\n  {issue}")?;
        }
        Ok(())
    }
}
