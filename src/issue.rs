//! [`Issue`], [`IssueKind`], [`Severity`] and [`ValidationError`]: every
//! problem found in a document, with a JSON Pointer to where it is.

use std::fmt;

use serde::{Deserialize, Serialize};

/// One problem found in a document: where it is and what it is.
///
/// `path` is a JSON Pointer (RFC 6901) into the serialised document that
/// resolves to the offending value (e.g. `/criteria/2/children/0/weight`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Issue {
    /// A JSON Pointer to the offending value in the serialised document.
    pub path: String,
    /// What is wrong.
    pub kind: IssueKind,
}

impl Issue {
    /// An issue of `kind` at `path`.
    pub fn new(path: impl Into<String>, kind: IssueKind) -> Issue {
        Issue {
            path: path.into(),
            kind,
        }
    }

    /// The kind's stable kebab-case code (see [`IssueKind::code`]).
    pub fn code(&self) -> &'static str {
        self.kind.code()
    }

    /// The kind's severity (see [`IssueKind::severity`]).
    pub fn severity(&self) -> Severity {
        self.kind.severity()
    }
}

impl fmt::Display for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = if self.path.is_empty() {
            "/"
        } else {
            &self.path
        };
        write!(
            f,
            "{} [{}] at {}: {}",
            self.severity(),
            self.code(),
            path,
            self.kind
        )
    }
}

/// Whether an issue makes validation fail.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Reported, but validation passes.
    Warning,
    /// Validation fails.
    Error,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        })
    }
}

/// What is wrong, with the values involved.
///
/// Each kind has a stable kebab-case [`code`](IssueKind::code) that tools
/// and tests can match on, and a [`severity`](IssueKind::severity).
/// Serialised with the code as `code` and the values beside it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "code", rename_all = "kebab-case")]
#[non_exhaustive]
pub enum IssueKind {
    // ----- document form -----
    /// The document is not of the expected form (wrong type, missing field,
    /// bad syntax).
    InvalidDocument {
        /// The parser's message.
        message: String,
    },
    /// A field the format does not define (often a typo).
    UnknownField {
        /// The field's name.
        field: String,
    },
    /// A string where an id is expected is not a valid id.
    MalformedId {
        /// The string.
        value: String,
        /// Why it is not an id.
        reason: String,
    },

    // ----- framework structure -----
    /// The same id is used twice (criteria share one namespace per
    /// framework; levels and bands one per scale or rule set).
    DuplicateId {
        /// The id.
        id: String,
        /// The path of its first use.
        first: String,
    },
    /// A leaf refers to a scale the framework does not define.
    UnknownScale {
        /// The scale id.
        scale: String,
    },
    /// A tag refers to a facet the framework does not define.
    UnknownFacet {
        /// The facet id.
        facet: String,
    },
    /// A tag's value is not one the facet defines.
    UnknownFacetValue {
        /// The facet id.
        facet: String,
        /// The value id.
        value: String,
    },
    /// A weight is negative, NaN or infinite.
    InvalidWeight {
        /// The weight, as text (`NaN` and `inf` included).
        weight: String,
    },
    /// A group with no children (or a criterion with neither children nor
    /// a scale, or a framework with no criteria).
    EmptyGroup,
    /// A criterion has both children and a scale.
    ScaleOnGroup,
    /// An ordinal scale with fewer than two levels.
    TooFewLevels {
        /// How many it has.
        count: usize,
    },
    /// Two levels of an ordinal scale share a value.
    DuplicateLevelValue {
        /// The value.
        value: i32,
    },
    /// A numeric range that is empty, inverted or not finite.
    InvalidRange {
        /// The lower bound, as text.
        min: String,
        /// The upper bound, as text.
        max: String,
    },
    /// A threshold (band, coverage, risk, strength) outside [0, 1].
    ThresholdOutOfRange {
        /// The threshold, as text.
        value: String,
    },
    /// Bands not in strictly ascending order of `from`.
    UnorderedBands,
    /// `critical_caps_band` names a band that is not defined.
    UnknownBand {
        /// The band id.
        band: String,
    },
    /// The tree is deeper than [`crate::MAX_DEPTH`].
    TooDeep {
        /// The depth reached.
        depth: usize,
        /// The limit.
        max: usize,
    },
    /// A module's requirement is not satisfied by the base it is composed
    /// with.
    UnsatisfiedRequirement {
        /// The requirement, as `id version-req`.
        required: String,
        /// The base, as `id version`.
        found: String,
    },

    /// When composing: a scale, facet or rule set defined by the base and a
    /// module (or by two modules) with different definitions.
    ConflictingDefinition {
        /// What is defined: `scale`, `facet` or `rules`.
        what: String,
        /// Its id (for `rules`, the module's id).
        id: String,
        /// The path of the other definition.
        first: String,
    },
    /// A profile removes every child of a group (or every criterion of the
    /// framework), which would leave the group empty.
    EmptiedGroup {
        /// The group's id (the framework's id for the top level).
        id: String,
    },
    /// A profile overrides (weight, `scored`, not applicable) a criterion
    /// that the same profile removes.
    OverrideOnRemoved {
        /// The criterion's id.
        id: String,
    },
    /// A criterion marked not applicable without a reason.
    MissingReason {
        /// The criterion's id.
        id: String,
    },
    /// A mapping entry names a group where only a leaf can be used.
    NotALeaf {
        /// The group's id.
        id: String,
    },

    // ----- warnings -----
    /// A scale that no leaf uses.
    UnusedScale {
        /// The scale id.
        scale: String,
    },
    /// A facet value that tags nothing.
    UnusedFacetValue {
        /// The facet id.
        facet: String,
        /// The value id.
        value: String,
    },
    /// Every child of a group has weight 0, so the group never has a score.
    AllWeightsZero,

    // ----- assessment against a framework -----
    /// The assessment was made against another framework or a version that
    /// does not satisfy its requirement.
    FrameworkMismatch {
        /// What the assessment requires, as `id version-req`.
        required: String,
        /// The framework given, as `id version`.
        found: String,
    },
    /// A rating or narrative for an id the framework does not define.
    UnknownCriterion {
        /// The id.
        id: String,
    },
    /// A rating on a group rather than a leaf.
    RatingOnGroup {
        /// The group's id.
        id: String,
    },
    /// A rating that is not on its leaf's scale.
    RatingOffScale {
        /// The leaf's id.
        id: String,
        /// The rating given.
        value: String,
        /// The scale's id.
        scale: String,
        /// What the scale admits.
        expected: String,
    },
    /// A leaf without a rating under [`crate::MissingPolicy::Error`].
    MissingRating {
        /// The leaf's id.
        id: String,
    },

    // ----- peer reviews -----
    /// A peer review's assessment is keyed to a peer the review does not
    /// list.
    UnknownPeer {
        /// The peer key.
        peer: String,
    },
    /// A date range whose end comes before its start (e.g. a study visit).
    DatesOutOfOrder {
        /// The start date, `YYYY-MM-DD`.
        start: String,
        /// The end date, `YYYY-MM-DD`.
        end: String,
    },
}

impl IssueKind {
    /// The stable kebab-case code of this kind (e.g. `duplicate-id`).
    ///
    /// # Examples
    ///
    /// ```
    /// use assessment_model::IssueKind;
    ///
    /// assert_eq!(IssueKind::EmptyGroup.code(), "empty-group");
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            IssueKind::InvalidDocument { .. } => "invalid-document",
            IssueKind::UnknownField { .. } => "unknown-field",
            IssueKind::MalformedId { .. } => "malformed-id",
            IssueKind::DuplicateId { .. } => "duplicate-id",
            IssueKind::UnknownScale { .. } => "unknown-scale",
            IssueKind::UnknownFacet { .. } => "unknown-facet",
            IssueKind::UnknownFacetValue { .. } => "unknown-facet-value",
            IssueKind::InvalidWeight { .. } => "invalid-weight",
            IssueKind::EmptyGroup => "empty-group",
            IssueKind::ScaleOnGroup => "scale-on-group",
            IssueKind::TooFewLevels { .. } => "too-few-levels",
            IssueKind::DuplicateLevelValue { .. } => "duplicate-level-value",
            IssueKind::InvalidRange { .. } => "invalid-range",
            IssueKind::ThresholdOutOfRange { .. } => "threshold-out-of-range",
            IssueKind::UnorderedBands => "unordered-bands",
            IssueKind::UnknownBand { .. } => "unknown-band",
            IssueKind::TooDeep { .. } => "too-deep",
            IssueKind::UnsatisfiedRequirement { .. } => "unsatisfied-requirement",
            IssueKind::ConflictingDefinition { .. } => "conflicting-definition",
            IssueKind::EmptiedGroup { .. } => "emptied-group",
            IssueKind::OverrideOnRemoved { .. } => "override-on-removed",
            IssueKind::MissingReason { .. } => "missing-reason",
            IssueKind::NotALeaf { .. } => "not-a-leaf",
            IssueKind::UnusedScale { .. } => "unused-scale",
            IssueKind::UnusedFacetValue { .. } => "unused-facet-value",
            IssueKind::AllWeightsZero => "all-weights-zero",
            IssueKind::FrameworkMismatch { .. } => "framework-mismatch",
            IssueKind::UnknownCriterion { .. } => "unknown-criterion",
            IssueKind::RatingOnGroup { .. } => "rating-on-group",
            IssueKind::RatingOffScale { .. } => "rating-off-scale",
            IssueKind::MissingRating { .. } => "missing-rating",
            IssueKind::UnknownPeer { .. } => "unknown-peer",
            IssueKind::DatesOutOfOrder { .. } => "dates-out-of-order",
        }
    }

    /// Whether this kind makes validation fail.
    pub fn severity(&self) -> Severity {
        match self {
            IssueKind::UnusedScale { .. }
            | IssueKind::UnusedFacetValue { .. }
            | IssueKind::AllWeightsZero => Severity::Warning,
            _ => Severity::Error,
        }
    }
}

impl fmt::Display for IssueKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IssueKind::InvalidDocument { message } => write!(f, "invalid document: {message}"),
            IssueKind::UnknownField { field } => write!(f, "unknown field `{field}`"),
            IssueKind::MalformedId { value, reason } => {
                write!(f, "{value:?} is not a valid id: {reason}")
            }
            IssueKind::DuplicateId { id, first } => {
                write!(f, "id `{id}` is already used at {first}")
            }
            IssueKind::UnknownScale { scale } => write!(f, "no scale `{scale}` is defined"),
            IssueKind::UnknownFacet { facet } => write!(f, "no facet `{facet}` is defined"),
            IssueKind::UnknownFacetValue { facet, value } => {
                write!(f, "facet `{facet}` has no value `{value}`")
            }
            IssueKind::InvalidWeight { weight } => {
                write!(f, "weight {weight} is not a finite number ≥ 0")
            }
            IssueKind::EmptyGroup => {
                f.write_str("a group needs at least one child (a leaf needs a scale)")
            }
            IssueKind::ScaleOnGroup => {
                f.write_str("a criterion has either children or a scale, not both")
            }
            IssueKind::TooFewLevels { count } => {
                write!(
                    f,
                    "an ordinal scale needs at least two levels, this one has {count}"
                )
            }
            IssueKind::DuplicateLevelValue { value } => {
                write!(f, "two levels have the value {value}")
            }
            IssueKind::InvalidRange { min, max } => {
                write!(
                    f,
                    "range [{min}, {max}] is not a finite range with min < max"
                )
            }
            IssueKind::ThresholdOutOfRange { value } => {
                write!(f, "threshold {value} is outside [0, 1]")
            }
            IssueKind::UnorderedBands => {
                f.write_str("bands must be in strictly ascending order of `from`")
            }
            IssueKind::UnknownBand { band } => write!(f, "no band `{band}` is defined"),
            IssueKind::TooDeep { depth, max } => {
                write!(
                    f,
                    "the tree is {depth} levels deep, more than the limit of {max}"
                )
            }
            IssueKind::UnsatisfiedRequirement { required, found } => {
                write!(f, "requires {required}, but the base is {found}")
            }
            IssueKind::ConflictingDefinition { what, id, first } => {
                write!(f, "{what} `{id}` is defined differently at {first}")
            }
            IssueKind::EmptiedGroup { id } => {
                write!(
                    f,
                    "the profile removes every child of `{id}`, leaving it empty"
                )
            }
            IssueKind::OverrideOnRemoved { id } => {
                write!(f, "`{id}` is overridden but the same profile removes it")
            }
            IssueKind::MissingReason { id } => {
                write!(f, "`{id}` is marked not applicable without a reason")
            }
            IssueKind::NotALeaf { id } => {
                write!(f, "`{id}` is a group; a mapping names leaves only")
            }
            IssueKind::UnusedScale { scale } => {
                write!(f, "scale `{scale}` is not used by any leaf")
            }
            IssueKind::UnusedFacetValue { facet, value } => {
                write!(f, "value `{value}` of facet `{facet}` tags no criterion")
            }
            IssueKind::AllWeightsZero => {
                f.write_str("every child has weight 0, so the group can never have a score")
            }
            IssueKind::FrameworkMismatch { required, found } => {
                write!(
                    f,
                    "the assessment requires {required}, but the framework is {found}"
                )
            }
            IssueKind::UnknownCriterion { id } => {
                write!(f, "the framework has no criterion `{id}`")
            }
            IssueKind::RatingOnGroup { id } => {
                write!(f, "`{id}` is a group; only leaves are rated")
            }
            IssueKind::RatingOffScale {
                id,
                value,
                scale,
                expected,
            } => write!(
                f,
                "rating {value} of `{id}` is not on scale `{scale}` ({expected})"
            ),
            IssueKind::MissingRating { id } => write!(f, "leaf `{id}` has no rating"),
            IssueKind::UnknownPeer { peer } => {
                write!(f, "no peer `{peer}` is listed in the review")
            }
            IssueKind::DatesOutOfOrder { start, end } => {
                write!(f, "the end date {end} comes before the start date {start}")
            }
        }
    }
}

/// Validation failed: every issue found, errors and warnings, in document
/// order.
///
/// # Examples
///
/// ```
/// use assessment_model::Framework;
///
/// let framework: Framework = serde_json::from_str(r#"{
///     "id": "broken", "version": "1.0.0", "title": "Broken",
///     "criteria": [{ "id": "a", "title": "A", "scale": "nowhere" }]
/// }"#)?;
/// let err = framework.validate().unwrap_err();
/// assert_eq!(err.issues()[0].code(), "unknown-scale");
/// assert_eq!(err.issues()[0].path, "/criteria/0/scale");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub struct ValidationError {
    issues: Vec<Issue>,
}

impl ValidationError {
    /// Wraps `issues`; they should contain at least one error.
    pub fn new(issues: Vec<Issue>) -> ValidationError {
        ValidationError { issues }
    }

    /// Every issue, errors and warnings, in document order.
    pub fn issues(&self) -> &[Issue] {
        &self.issues
    }

    /// The issues of severity [`Severity::Error`].
    pub fn errors(&self) -> impl Iterator<Item = &Issue> {
        self.issues
            .iter()
            .filter(|i| i.severity() == Severity::Error)
    }

    /// Takes the issues out.
    pub fn into_issues(self) -> Vec<Issue> {
        self.issues
    }
}

impl fmt::Display for ValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let errors = self.errors().count();
        write!(f, "{errors} error(s)")?;
        let warnings = self.issues.len().saturating_sub(errors);
        if warnings > 0 {
            write!(f, " and {warnings} warning(s)")?;
        }
        for issue in &self.issues {
            write!(f, "\n  {issue}")?;
        }
        Ok(())
    }
}

/// Appends `token` to the JSON Pointer `base`, escaping `~` and `/` as RFC
/// 6901 requires.
///
/// # Examples
///
/// ```
/// use assessment_model::pointer;
///
/// assert_eq!(pointer("/subject/attributes", "a/b~c"), "/subject/attributes/a~1b~0c");
/// assert_eq!(pointer("", 3), "/3");
/// ```
pub fn pointer(base: &str, token: impl fmt::Display) -> String {
    let token = token.to_string();
    let mut out = String::with_capacity(base.len().saturating_add(token.len()).saturating_add(1));
    out.push_str(base);
    out.push('/');
    for ch in token.chars() {
        match ch {
            '~' => out.push_str("~0"),
            '/' => out.push_str("~1"),
            c => out.push(c),
        }
    }
    out
}
