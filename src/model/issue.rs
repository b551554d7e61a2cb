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

/// Declares [`IssueKind`] from one table: each kind once, with its doc,
/// its fields, its stable code, its severity and its message. The enum,
/// [`IssueKind::CODES`], `code()`, `severity()`, `Display` and the tests'
/// list of every kind all follow from the table, so they cannot disagree.
///
/// A message is a format string over the kind's fields (`{id}`, `{value:?}`),
/// or a block over them whose value is displayed.
macro_rules! issue_kinds {
    ($(
        $(#[$meta:meta])*
        $kind:ident $({ $($(#[$field_meta:meta])* $field:ident : $ty:ty),* $(,)? })?
            = $code:literal, $severity:ident, $message:tt;
    )*) => {
        /// What is wrong, with the values involved.
        ///
        /// Each kind has a stable kebab-case [`code`](IssueKind::code) that
        /// tools and tests can match on, a [`severity`](IssueKind::severity)
        /// and a message (its `Display`). Serialised with the code as `code`
        /// and the values beside it.
        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        #[serde(tag = "code")]
        #[non_exhaustive]
        pub enum IssueKind {
            $(
                $(#[$meta])*
                #[serde(rename = $code)]
                $kind $({ $($(#[$field_meta])* $field: $ty),* })?,
            )*
        }

        impl IssueKind {
            /// Every code [`IssueKind::code`] can return, in the order the
            /// kinds are declared. Tools can list the codes a document may
            /// be checked for; the conformance suite checks that each
            /// appears in one of its invalid documents.
            ///
            /// # Examples
            ///
            /// ```
            /// use assessment_model::IssueKind;
            ///
            /// assert!(IssueKind::CODES.contains(&"too-deep"));
            /// ```
            pub const CODES: &'static [&'static str] = &[$($code),*];

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
                    $(IssueKind::$kind { .. } => $code,)*
                }
            }

            /// Whether this kind makes validation fail.
            ///
            /// # Examples
            ///
            /// ```
            /// use assessment_model::{IssueKind, Severity};
            ///
            /// assert_eq!(IssueKind::AllWeightsZero.severity(), Severity::Warning);
            /// assert_eq!(IssueKind::EmptyGroup.severity(), Severity::Error);
            /// ```
            pub fn severity(&self) -> Severity {
                match self {
                    $(IssueKind::$kind { .. } => Severity::$severity,)*
                }
            }

            /// The severity of the kind whose code is `code`, or `None` for
            /// a code that is not in [`IssueKind::CODES`].
            ///
            /// # Examples
            ///
            /// ```
            /// use assessment_model::{IssueKind, Severity};
            ///
            /// assert_eq!(IssueKind::severity_of("unused-scale"), Some(Severity::Warning));
            /// assert_eq!(IssueKind::severity_of("no-such-code"), None);
            /// ```
            pub fn severity_of(code: &str) -> Option<Severity> {
                match code {
                    $($code => Some(Severity::$severity),)*
                    _ => None,
                }
            }

            /// One value of every kind, in declaration order, its fields
            /// at their defaults.
            #[cfg(test)]
            fn every_kind() -> Vec<IssueKind> {
                vec![$(IssueKind::$kind $({ $($field: Default::default()),* })?),*]
            }
        }

        impl fmt::Display for IssueKind {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                match self {
                    $(IssueKind::$kind $({ $($field),* })? => issue_message!(f, $message),)*
                }
            }
        }
    };
}

/// Writes a kind's message: a format string, or a block's value.
macro_rules! issue_message {
    ($f:ident, $message:literal) => {
        write!($f, $message)
    };
    ($f:ident, $message:block) => {
        write!($f, "{}", $message)
    };
}

issue_kinds! {
    // ----- document form -----
    /// The document is not of the expected form (wrong type, missing field,
    /// bad syntax).
    InvalidDocument {
        /// The parser's message.
        message: String,
    } = "invalid-document", Error, "invalid document: {message}";
    /// A field the format does not define (often a typo).
    UnknownField {
        /// The field's name.
        field: String,
        /// What the format said, when the field was read from a text: its
        /// position there and the fields it expected (`unknown field
        /// `titel`, expected one of `id`, `title`, … at line 3 column 12`);
        /// empty otherwise. It is the kind's message when it is not empty.
        #[serde(default, skip_serializing_if = "String::is_empty")]
        message: String,
    } = "unknown-field", Error, {
        if message.is_empty() {
            format!("unknown field `{field}`")
        } else {
            message.clone()
        }
    };
    /// A string where an id is expected is not a valid id.
    MalformedId {
        /// The string.
        value: String,
        /// Why it is not an id.
        reason: String,
    } = "malformed-id", Error, "{value:?} is not a valid id: {reason}";

    // ----- framework structure -----
    /// The same id is used twice (criteria share one namespace per
    /// framework; levels and bands one per scale or rule set).
    DuplicateId {
        /// The id.
        id: String,
        /// The path of its first use.
        first: String,
    } = "duplicate-id", Error, "id `{id}` is already used at {first}";
    /// A leaf refers to a scale the framework does not define.
    UnknownScale {
        /// The scale id.
        scale: String,
    } = "unknown-scale", Error, "no scale `{scale}` is defined";
    /// A tag refers to a facet the framework does not define.
    UnknownFacet {
        /// The facet id.
        facet: String,
    } = "unknown-facet", Error, "no facet `{facet}` is defined";
    /// A tag's value is not one the facet defines.
    UnknownFacetValue {
        /// The facet id.
        facet: String,
        /// The value id.
        value: String,
    } = "unknown-facet-value", Error, "facet `{facet}` has no value `{value}`";
    /// A weight is negative, NaN or infinite.
    InvalidWeight {
        /// The weight, as text (`NaN` and `inf` included).
        weight: String,
    } = "invalid-weight", Error, "weight {weight} is not a finite number ≥ 0";
    /// A group with no children (or a criterion with neither children nor
    /// a scale, or a framework with no criteria).
    EmptyGroup = "empty-group", Error, "a group needs at least one child (a leaf needs a scale)";
    /// A criterion has both children and a scale.
    ScaleOnGroup = "scale-on-group", Error, "a criterion has either children or a scale, not both";
    /// An ordinal scale with fewer than two levels.
    TooFewLevels {
        /// How many it has.
        count: usize,
    } = "too-few-levels", Error, "an ordinal scale needs at least two levels, this one has {count}";
    /// Two levels of an ordinal scale share a value.
    DuplicateLevelValue {
        /// The value.
        value: i32,
    } = "duplicate-level-value", Error, "two levels have the value {value}";
    /// A numeric range that is empty, inverted or not finite.
    InvalidRange {
        /// The lower bound, as text.
        min: String,
        /// The upper bound, as text.
        max: String,
    } = "invalid-range", Error, "range [{min}, {max}] is not a finite range with min < max";
    /// A threshold (band, coverage, risk, strength) outside [0, 1].
    ThresholdOutOfRange {
        /// The threshold, as text.
        value: String,
    } = "threshold-out-of-range", Error, "threshold {value} is outside [0, 1]";
    /// Bands not in strictly ascending order of `from`.
    UnorderedBands = "unordered-bands", Error, "bands must be in strictly ascending order of `from`";
    /// `critical_caps_band` names a band that is not defined.
    UnknownBand {
        /// The band id.
        band: String,
    } = "unknown-band", Error, "no band `{band}` is defined";
    /// The tree is deeper than [`crate::model::MAX_DEPTH`].
    TooDeep {
        /// The depth reached.
        depth: usize,
        /// The limit.
        max: usize,
    } = "too-deep", Error, "the tree is {depth} levels deep, more than the limit of {max}";
    /// A framework with more criteria than [`crate::model::MAX_CRITERIA`].
    TooManyCriteria {
        /// How many it has (at any depth).
        count: usize,
        /// The limit.
        max: usize,
    } = "too-many-criteria", Error, "{count} criteria, more than the limit of {max}";
    /// An ordinal scale with more levels than [`crate::model::MAX_LEVELS`].
    TooManyLevels {
        /// How many it has.
        count: usize,
        /// The limit.
        max: usize,
    } = "too-many-levels", Error, "{count} levels, more than the limit of {max}";
    /// A list longer than its limit (see [`crate::limits`]: ratings,
    /// entries, peers, scales, evidence…).
    TooManyItems {
        /// What the list holds, as its field is named (e.g. `ratings`).
        what: String,
        /// How many it has.
        count: usize,
        /// The limit.
        max: usize,
    } = "too-many-items", Error, "{count} {what}, more than the limit of {max}";
    /// A free text longer than [`crate::model::MAX_TEXT_BYTES`].
    TextTooLong {
        /// Its length in bytes (UTF-8).
        length: usize,
        /// The limit.
        max: usize,
    } = "text-too-long", Error, "a text of {length} bytes, more than the limit of {max}";
    /// A module's requirement is not satisfied by the base it is composed
    /// with.
    UnsatisfiedRequirement {
        /// The requirement, as `id version-req`.
        required: String,
        /// The base, as `id version`.
        found: String,
    } = "unsatisfied-requirement", Error, "requires {required}, but the base is {found}";

    /// When composing: a scale, facet or rule set defined by the base and a
    /// module (or by two modules) with different definitions.
    ConflictingDefinition {
        /// What is defined: `scale`, `facet` or `rules`.
        what: String,
        /// Its id (for `rules`, the module's id).
        id: String,
        /// The path of the other definition.
        first: String,
    } = "conflicting-definition", Error, "{what} `{id}` is defined differently at {first}";
    /// A profile removes every child of a group (or every criterion of the
    /// framework), which would leave the group empty.
    EmptiedGroup {
        /// The group's id (the framework's id for the top level).
        id: String,
    } = "emptied-group", Error, "the profile removes every child of `{id}`, leaving it empty";
    /// A profile overrides (weight, `scored`, not applicable) a criterion
    /// that the same profile removes.
    OverrideOnRemoved {
        /// The criterion's id.
        id: String,
    } = "override-on-removed", Error, "`{id}` is overridden but the same profile removes it";
    /// A criterion marked not applicable without a reason.
    MissingReason {
        /// The criterion's id.
        id: String,
    } = "missing-reason", Error, "`{id}` is marked not applicable without a reason";
    /// A mapping entry names a group where only a leaf can be used.
    NotALeaf {
        /// The group's id.
        id: String,
    } = "not-a-leaf", Error, "`{id}` is a group; a mapping names leaves only";

    // ----- warnings -----
    /// A scale that no leaf uses.
    UnusedScale {
        /// The scale id.
        scale: String,
    } = "unused-scale", Warning, "scale `{scale}` is not used by any leaf";
    /// A facet value that tags nothing.
    UnusedFacetValue {
        /// The facet id.
        facet: String,
        /// The value id.
        value: String,
    } = "unused-facet-value", Warning, "value `{value}` of facet `{facet}` tags no criterion";
    /// Every child of a group has weight 0, so the group never has a score.
    AllWeightsZero = "all-weights-zero", Warning, "every child has weight 0, so the group can never have a score";
    /// A criterion marked critical in a framework whose rules set no
    /// `risk_below`: it can never be a risk, whatever it scores.
    CriticalWithoutThreshold {
        /// The criterion's id.
        id: String,
    } = "critical-without-threshold", Warning, "`{id}` is critical, but the rules set no `risk_below`, so it can never be a risk";

    // ----- assessment against a framework -----
    /// A document (assessment, profile, mapping, report, cohort state) was
    /// made for another framework or a version that does not satisfy its
    /// requirement.
    FrameworkMismatch {
        /// What the document requires, as `id version-req` (`id =version`
        /// for a report or a cohort state, which are of one exact version).
        required: String,
        /// The framework given, as `id version`.
        found: String,
    } = "framework-mismatch", Error, "requires {required}, but the framework is {found}";
    /// A rating or narrative for an id the framework does not define.
    UnknownCriterion {
        /// The id.
        id: String,
    } = "unknown-criterion", Error, "the framework has no criterion `{id}`";
    /// A rating on a group rather than a leaf.
    RatingOnGroup {
        /// The group's id.
        id: String,
    } = "rating-on-group", Error, "`{id}` is a group; only leaves are rated";
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
    } = "rating-off-scale", Error, "rating {value} of `{id}` is not on scale `{scale}` ({expected})";
    /// A leaf without a rating under [`crate::MissingPolicy::Error`].
    MissingRating {
        /// The leaf's id.
        id: String,
    } = "missing-rating", Error, "leaf `{id}` has no rating";

    // ----- peer reviews -----
    /// A peer review's assessment is keyed to a peer the review does not
    /// list.
    UnknownPeer {
        /// The peer key.
        peer: String,
    } = "unknown-peer", Error, "no peer `{peer}` is listed in the review";
    /// A date range whose end comes before its start (e.g. a study visit).
    DatesOutOfOrder {
        /// The start date, `YYYY-MM-DD`.
        start: String,
        /// The end date, `YYYY-MM-DD`.
        end: String,
    } = "dates-out-of-order", Error, "the end date {end} comes before the start date {start}";
    /// [`crate::review::Consolidation::Mean`] on a leaf whose scale is not numeric
    /// (a mean of levels is not a level).
    NotNumeric {
        /// The leaf's id.
        id: String,
        /// Its scale's id.
        scale: String,
        /// Its scale's type (`binary` or `ordinal`).
        scale_type: String,
    } = "not-numeric", Error, "a mean needs a numeric scale, but leaf `{id}` is rated on {scale_type} scale `{scale}`";

    // ----- cohorts -----
    /// A report does not have the shape its framework gives (it was not made
    /// by a scorer of this framework, or was altered).
    InvalidReport {
        /// What is wrong.
        reason: String,
    } = "invalid-report", Error, "the report does not fit the framework: {reason}";
    /// A cohort's accumulators ([`crate::cohort::CohortState`]) do not fit the
    /// framework's nodes and levels, a count exceeds the members, or a
    /// group's members do not add up to the cohort's.
    InvalidState = "invalid-state", Error, "the accumulators do not fit the framework or the member count";
    /// Two cohorts to merge do not group by the same attributes.
    GroupingMismatch {
        /// The grouping attributes of the cohort merged into.
        expected: Vec<String>,
        /// The other's.
        found: Vec<String>,
    } = "grouping-mismatch", Error, "the cohort is grouped by {expected:?}, this one by {found:?}";

    // ----- localizations -----
    /// A string where a language tag is expected is not a well-formed BCP
    /// 47 tag ([`crate::model::LanguageTag`]).
    MalformedLanguageTag {
        /// The string.
        value: String,
        /// Why it is not a tag.
        reason: String,
    } = "malformed-language-tag", Error, "{value:?} is not a well-formed language tag: {reason}";
    /// A localization names a level that the scale does not define (a
    /// binary or numeric scale has no levels).
    UnknownLevel {
        /// The scale id.
        scale: String,
        /// The level id.
        level: String,
    } = "unknown-level", Error, "scale `{scale}` has no level `{level}`";
    /// A translated text that is empty or shows nothing: only white space,
    /// control and format characters (such as U+200B, U+202E).
    BlankTranslation = "blank-translation", Error, "a translated text must not be blank";
    /// A translation of a text the framework does not have (a description
    /// it does not give, a scale without a title): it is not used.
    NoSourceText = "no-source-text", Warning, "the framework has no text here to translate, so this translation is not used";
    /// A text of the framework that a localization does not translate.
    UntranslatedText {
        /// Where in the localization its translation would go (a JSON
        /// Pointer, e.g. `/criteria/migrant-voice/description`).
        text: String,
    } = "untranslated-text", Warning, "no translation of {text}";

    // ----- action plans -----
    /// An action answers a risk that the report does not contain.
    UnknownRisk {
        /// The criterion named as a risk.
        id: String,
    } = "unknown-risk", Error, "`{id}` is not a risk of the report";
    /// An action answers a declared finding that the report does not have.
    UnknownFinding {
        /// The position named.
        index: usize,
        /// How many declared findings the report has.
        count: usize,
    } = "unknown-finding", Error, "no declared finding {index} (the report has {count})";
    /// An action marked done without the date it was done.
    MissingDoneDate {
        /// The action's id.
        id: String,
    } = "missing-done-date", Error, "action `{id}` is done but has no `done` date";

}

/// A document did not pass: every issue found, errors and warnings, in
/// document order, each with its JSON Pointer and code.
///
/// The one error type for "a list of issues": [`Framework::validate`]
/// returns it, and so do [`Scorer::score`] (and `bind`, `total`,
/// `priorities`), [`compose`], [`Mapping::check`], [`Mapping::translate`]
/// and the [`Cohort`] operations. Each operation documents the document its
/// paths point into (the assessment, `{"base", "modules"}`, …). It carries
/// no other context: what failed is the operation the caller called, and
/// the codes and paths say the rest. [`ProfileError`] and [`ReviewError`]
/// wrap it where two documents can be at fault.
///
/// [`Framework::validate`]: crate::Framework::validate
/// [`Scorer::score`]: crate::Scorer::score
/// [`compose`]: crate::compose()
/// [`Mapping::check`]: crate::Mapping::check
/// [`Mapping::translate`]: crate::Mapping::translate
/// [`Cohort`]: crate::Cohort
/// [`ProfileError`]: crate::profile::ProfileError
/// [`ReviewError`]: crate::review::ReviewError
///
/// # Examples
///
/// ```
/// use assessment_model::Framework;
///
/// let framework: Framework = assessment_model::from_json_str(r#"{
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

    /// The same issues with `prefix` (a JSON Pointer) put before every
    /// path, for a document that sits at `prefix` in a larger one.
    pub(crate) fn under(mut self, prefix: &str) -> ValidationError {
        for issue in &mut self.issues {
            issue.path.insert_str(0, prefix);
        }
        self
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
/// use assessment_model::model::pointer;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_its_code_tag_severity_and_message() {
        let kinds = IssueKind::every_kind();
        assert_eq!(kinds.len(), IssueKind::CODES.len());
        for (kind, code) in kinds.iter().zip(IssueKind::CODES) {
            assert_eq!(kind.code(), *code);
            assert_eq!(IssueKind::severity_of(code), Some(kind.severity()));
            // The code is also the serialised tag, and the kind round-trips.
            let json = serde_json::to_value(kind).ok();
            let tag = json
                .as_ref()
                .and_then(|v| v.get("code"))
                .and_then(|c| c.as_str());
            assert_eq!(tag, Some(*code));
            let back: Option<IssueKind> = json.and_then(|v| serde_json::from_value(v).ok());
            assert_eq!(back.as_ref(), Some(kind));
            assert!(!kind.to_string().is_empty());
        }
        let mut codes = IssueKind::CODES.to_vec();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), IssueKind::CODES.len(), "a code used twice");
    }

    #[test]
    fn a_list_of_issues_displays_its_counts_then_one_line_per_issue() {
        let err = ValidationError::new(vec![
            Issue::new(
                "/framework",
                IssueKind::FrameworkMismatch {
                    required: "conf ^2".into(),
                    found: "conf 1.0.0".into(),
                },
            ),
            Issue::new("", IssueKind::InvalidState),
            Issue::new("/scales/x", IssueKind::UnusedScale { scale: "x".into() }),
        ]);
        assert_eq!(
            err.to_string(),
            "2 error(s) and 1 warning(s)\n  \
             error [framework-mismatch] at /framework: requires conf ^2, but the framework is conf 1.0.0\n  \
             error [invalid-state] at /: the accumulators do not fit the framework or the member count\n  \
             warning [unused-scale] at /scales/x: scale `x` is not used by any leaf"
        );
        let only = ValidationError::new(vec![Issue::new(
            "/min_share",
            IssueKind::ThresholdOutOfRange {
                value: "1.5".into(),
            },
        )]);
        assert_eq!(
            only.to_string(),
            "1 error(s)\n  error [threshold-out-of-range] at /min_share: threshold 1.5 is outside [0, 1]"
        );
    }

    #[test]
    fn under_puts_the_prefix_before_every_path() {
        let err = ValidationError::new(vec![
            Issue::new("", IssueKind::InvalidState),
            Issue::new("/ratings/a", IssueKind::MissingRating { id: "a".into() }),
        ])
        .under("/reviews/2/assessment");
        let paths: Vec<&str> = err.issues().iter().map(|i| i.path.as_str()).collect();
        assert_eq!(
            paths,
            ["/reviews/2/assessment", "/reviews/2/assessment/ratings/a"]
        );
    }
}
