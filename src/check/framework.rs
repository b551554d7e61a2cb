//! [`Framework::issues`] and [`Framework::validate`], written on the floor
//! of the checks they run (the model does not import its checks).

use crate::check::validate::{Tree, check, issues};
use crate::model::framework::Framework;
use crate::model::issue::{Issue, ValidationError};

impl Framework {
    /// Checks the framework and collects every issue, errors and warnings,
    /// in document order (the order of the serialised document's fields),
    /// each with a JSON Pointer that resolves in the serialised framework.
    ///
    /// | code | severity | path | when |
    /// |---|---|---|---|
    /// | `text-too-long` | error | `/title`, `/description`, `/provenance/…` | longer than [`crate::model::MAX_TEXT_BYTES`] (the same at every text below: titles, descriptions, labels, units, reasons, sources) |
    /// | `too-many-items` | error | `/provenance/notes`, `/provenance/derived_from`, `/scales`, `/facets`, `/facets/<id>/values`, `/rules/bands`, `/requires` | more than [`crate::model::MAX_ITEMS`] entries |
    /// | `unused-scale` | warning | `/scales/<id>` | no leaf is rated on the scale |
    /// | `too-many-levels` | error | `/scales/<id>/levels` | an ordinal scale has more than [`crate::model::MAX_LEVELS`] levels |
    /// | `too-few-levels` | error | `/scales/<id>/levels` | an ordinal scale has fewer than two levels |
    /// | `duplicate-id` | error | `/scales/<id>/levels/<i>/id` | two levels of a scale share an id |
    /// | `duplicate-level-value` | error | `/scales/<id>/levels/<i>/value` | two levels of a scale share a value |
    /// | `invalid-range` | error | `/scales/<id>/min`, `…/max` or `/scales/<id>` | a bound is not finite, or `min ≥ max` (the whole scale) |
    /// | `unused-facet-value` | warning | `/facets/<id>/values/<value>` | no criterion carries the tag |
    /// | `threshold-out-of-range` | error | `/rules/min_coverage`, `/rules/bands/<i>/from`, `/rules/risk_below`, `/rules/strength_at` | outside [0, 1] or NaN |
    /// | `duplicate-id` | error | `/rules/bands/<i>/id` | two bands share an id |
    /// | `unordered-bands` | error | `/rules/bands/<i>/from` | not above the previous band's `from` |
    /// | `unknown-band` | error | `/rules/critical_caps_band` | no band has that id |
    /// | `empty-group` | error | `/criteria` | the framework has no criteria |
    /// | `too-many-criteria` | error | `/criteria` | more than [`crate::model::MAX_CRITERIA`] criteria at any depth |
    /// | `all-weights-zero` | warning | `/criteria` or `…/children` | every top-level criterion, or every child of a group, has weight 0 |
    /// | `too-deep` | error | the criterion at depth [`MAX_DEPTH`](crate::model::MAX_DEPTH) + 1 | the tree is deeper than [`MAX_DEPTH`](crate::model::MAX_DEPTH); its subtree is not checked further |
    /// | `empty-group` | error | the criterion | it has neither children nor a scale |
    /// | `duplicate-id` | error | `…/id` | another criterion (anywhere in the tree) has the id; `first` is the earlier one's path |
    /// | `invalid-weight` | error | `…/weight` | negative, NaN or infinite |
    /// | `critical-without-threshold` | warning | `…/critical` | the criterion is `critical` but `rules.risk_below` is not set, so it can never be a risk |
    /// | `unknown-facet` | error | `…/tags/<facet>` | the framework defines no such facet |
    /// | `unknown-facet-value` | error | `…/tags/<facet>` | the facet defines no such value |
    /// | `unknown-scale` | error | `…/scale` | the framework defines no such scale |
    /// | `scale-on-group` | error | `…/scale` | a criterion has both children and a scale |
    ///
    /// A warning is reported but does not make [`Framework::validate`] fail.
    /// `unknown-field`, `malformed-id` and `invalid-document` are found when
    /// parsing (see [`crate::from_deserializer`]); `unsatisfied-requirement`
    /// when composing modules.
    ///
    /// # Examples
    ///
    /// ```
    /// use assessment_model::{Framework, Severity};
    ///
    /// let framework: Framework = assessment_model::from_json_str(r#"{
    ///     "id": "tiny", "version": "1.0.0", "title": "Tiny",
    ///     "scales": { "tick": { "type": "binary" }, "spare": { "type": "binary" } },
    ///     "criteria": [
    ///         { "id": "a", "title": "A", "scale": "tick", "weight": -1.0 }
    ///     ]
    /// }"#)?;
    /// let issues = framework.issues();
    /// let found: Vec<_> = issues.iter().map(|i| (i.code(), i.path.as_str(), i.severity())).collect();
    /// assert_eq!(found, [
    ///     ("unused-scale", "/scales/spare", Severity::Warning),
    ///     ("invalid-weight", "/criteria/0/weight", Severity::Error),
    /// ]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn issues(&self) -> Vec<Issue> {
        issues(self, &Tree::new(self))
    }

    /// Checks the framework; fails when any issue is an error.
    ///
    /// Errors: `duplicate-id`, `unknown-scale`, `unknown-facet`,
    /// `unknown-facet-value`, `invalid-weight`, `empty-group`,
    /// `scale-on-group`, `too-few-levels`, `duplicate-level-value`,
    /// `invalid-range`, `threshold-out-of-range`, `unordered-bands`,
    /// `unknown-band`, `too-deep`. Warnings: `unused-scale`,
    /// `unused-facet-value`, `all-weights-zero`,
    /// `critical-without-threshold`. Where each is reported and
    /// when is listed at [`Framework::issues`]; use `issues()` to see the
    /// warnings of a framework that passes.
    ///
    /// # Errors
    ///
    /// [`ValidationError`] with every issue found (warnings included) when
    /// at least one is of [`Severity::Error`](crate::Severity::Error).
    ///
    /// # Examples
    ///
    /// ```
    /// use assessment_model::Framework;
    ///
    /// let framework: Framework = assessment_model::from_json_str(r#"{
    ///     "id": "tiny", "version": "1.0.0", "title": "Tiny",
    ///     "scales": { "tick": { "type": "binary" } },
    ///     "criteria": [
    ///         { "id": "a", "title": "A", "scale": "tick" },
    ///         { "id": "a", "title": "A again", "scale": "tock" }
    ///     ]
    /// }"#)?;
    /// let err = framework.validate().unwrap_err();
    /// let found: Vec<_> = err.issues().iter().map(|i| (i.code(), i.path.as_str())).collect();
    /// assert_eq!(found, [
    ///     ("duplicate-id", "/criteria/1/id"),
    ///     ("unknown-scale", "/criteria/1/scale"),
    /// ]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn validate(&self) -> Result<(), ValidationError> {
        check(self, &Tree::new(self)).map_err(ValidationError::new)
    }
}
