//! [`parse_every_problem`]: every problem of a document that does not
//! parse, in one error (design, *Validation*: a typo in one place must not
//! hide an error elsewhere).
//!
//! Serde stops at the first error. To find the others, the document is
//! read a second time, as a generic [`Tree`], and the typed document is
//! read from the tree again and again: each failure is an issue (its code
//! and path found as [`from_deserializer`] finds
//! them, from the same types' `Deserialize`, so no rule is written twice),
//! and the part that failed is left out of the next reading, until the
//! document reads. What is left out:
//!
//! - an unknown field, or the second use of a key: that entry alone;
//! - a value of the wrong form: that value (a field with a default then
//!   reads as the default; a required field makes its object fail, and the
//!   `missing field` that follows is not reported: the object is left
//!   out in its turn, as is an object that fails in any other way after
//!   losing a value).
//!
//! The first issue is the typed reading's, with the format's message (a
//! line and column); the others carry serde's message alone. At most
//! [`MAX_ROUNDS`] problems are looked for, so the work stays linear in the
//! size of the document.

use super::tree::{Numbered, Reading, Tree, TreeDeserializer};
use super::{from_deserializer, issue_of};
use crate::model::form::track::Track;
use crate::model::issue::{Issue, IssueKind, ValidationError};

use serde::de::{Deserialize, Deserializer};

/// The most problems looked for in one document (each is one more reading
/// of it).
pub(crate) const MAX_ROUNDS: usize = 64;

/// A document read with every problem it has: the issues, and the document
/// with the parts that did not parse left out, when the paths into it are
/// still those of the text (no element of a list was left out), so that
/// checks of it can be added ([`Parsed::with_checks`]).
#[derive(Debug)]
pub struct Parsed<T> {
    value: Option<T>,
    issues: Vec<Issue>,
    /// The paths of the values left out, and of the objects that lost them.
    left_out: Vec<(String, String)>,
}

impl<T> Parsed<T> {
    /// The document, when it parsed without a problem; otherwise every
    /// problem found.
    ///
    /// # Errors
    ///
    /// [`ValidationError`] with every parse issue.
    ///
    /// # Examples
    ///
    /// ```
    /// use assessment_model::{Subject, parse_every_problem};
    ///
    /// let document = serde_json::json!({ "name": "A project" });
    /// let subject: Subject =
    ///     parse_every_problem(|| Ok::<_, String>(&document)).into_result()?;
    /// assert_eq!(subject.name, "A project");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn into_result(self) -> Result<T, ValidationError> {
        match self.value {
            Some(value) if self.issues.is_empty() => Ok(value),
            _ => Err(ValidationError::new(self.issues)),
        }
    }

    /// The parse issues found (empty when the document parsed).
    ///
    /// # Examples
    ///
    /// ```
    /// use assessment_model::{Subject, parse_every_problem};
    ///
    /// let document = serde_json::json!({ "name": 7, "nmae": "x" });
    /// let parsed = parse_every_problem::<Subject, _, _, _>(|| Ok::<_, String>(&document));
    /// let paths: Vec<&str> = parsed.issues().iter().map(|i| i.path.as_str()).collect();
    /// assert_eq!(paths, ["/name", "/nmae"]);
    /// ```
    pub fn issues(&self) -> &[Issue] {
        &self.issues
    }

    /// The document as read: with the parts that did not parse left out.
    /// `None` when the document could not be read even so, or when a list
    /// lost an element (the paths of later checks would then be off).
    ///
    /// # Examples
    ///
    /// ```
    /// use assessment_model::{Subject, parse_every_problem};
    ///
    /// let document = serde_json::json!({ "name": "A project", "extra": 1 });
    /// let parsed = parse_every_problem::<Subject, _, _, _>(|| Ok::<_, String>(&document));
    /// assert_eq!(parsed.issues()[0].code(), "unknown-field");
    /// assert_eq!(parsed.value().map(|s| s.name.as_str()), Some("A project"));
    /// ```
    pub fn value(&self) -> Option<&T> {
        self.value.as_ref()
    }

    /// The parse issues followed by `checks`, the issues a later check of
    /// [`Parsed::value`] found, less those at or below a part that was left
    /// out or at the object that lost it (the check saw the default, or
    /// nothing, where the document has a value that did not parse).
    ///
    /// # Examples
    ///
    /// ```
    /// use assessment_model::{Framework, parse_every_problem};
    ///
    /// // An unknown field, and a weight that validation refuses.
    /// let document = serde_json::json!({
    ///     "id": "tiny", "version": "1.0.0", "title": "Tiny", "extra": 1,
    ///     "scales": { "met": { "type": "binary" } },
    ///     "criteria": [{ "id": "a", "title": "A", "scale": "met", "weight": -1 }]
    /// });
    /// let parsed = parse_every_problem::<Framework, _, _, _>(|| Ok::<_, String>(&document));
    /// let checks = parsed.value().map(Framework::issues).unwrap_or_default();
    /// let err = parsed.with_checks(checks);
    /// let codes: Vec<&str> = err.issues().iter().map(|i| i.code()).collect();
    /// assert_eq!(codes, ["unknown-field", "invalid-weight"]);
    /// ```
    pub fn with_checks(mut self, checks: impl IntoIterator<Item = Issue>) -> ValidationError {
        let kept = checks.into_iter().filter(|issue| {
            !self.left_out.iter().any(|(part, object)| {
                issue.path == *object || issue.path == *part || is_below(&issue.path, part)
            })
        });
        self.issues.extend(kept);
        ValidationError::new(self.issues)
    }
}

/// Whether the pointer `path` is strictly below the pointer `part`.
fn is_below(path: &str, part: &str) -> bool {
    path.strip_prefix(part)
        .is_some_and(|rest| rest.starts_with('/'))
}

/// Reads a `T` from the deserializer `make` gives, and when that fails,
/// reads the input again from a second one to find every problem (see the
/// module docs). `make` reads the input anew each time it is called (once
/// for a document that parses); its error, such as a syntax error a format
/// finds before serde sees the document (toml does), is the document's one
/// issue, `invalid-document` at the root.
///
/// The typed reading is [`from_deserializer`]'s:
/// the first issue is the one it gives, with the same code, path and
/// message; the issues after it are the problems further on, at most
/// 64 in all. [`crate::from_json_str`] and [`crate::from_toml_str`] read
/// text so.
///
/// # Examples
///
/// ```
/// use assessment_model::{Framework, parse_every_problem};
///
/// let document: serde_json::Value = serde_json::from_str(r#"{
///     "id": "tiny", "version": "1.0.0", "title": "Tiny",
///     "scales": { "met": { "type": "binary", "titel": "Met" } },
///     "criteria": [{ "id": "A", "title": "First", "scale": "met", "weight": "heavy" }]
/// }"#)?;
/// let parsed = parse_every_problem::<Framework, _, _, _>(|| Ok::<_, String>(&document));
/// let found: Vec<(&str, &str)> =
///     parsed.issues().iter().map(|i| (i.code(), i.path.as_str())).collect();
/// // In the order the input gives them (serde_json's `Value` sorts keys).
/// assert_eq!(found, [
///     ("malformed-id", "/criteria/0/id"),
///     ("invalid-document", "/criteria/0/weight"),
///     ("unknown-field", "/scales/met/titel"),
/// ]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn parse_every_problem<'de, T, D, E, F>(make: F) -> Parsed<T>
where
    T: Deserialize<'de>,
    D: Deserializer<'de>,
    E: std::fmt::Display,
    F: Fn() -> Result<D, E>,
{
    let not_read = |err: E| Parsed {
        value: None,
        issues: vec![Issue::new(
            "",
            IssueKind::InvalidDocument {
                message: err.to_string().trim().to_owned(),
            },
        )],
        left_out: Vec::new(),
    };
    let first = match make().map(from_deserializer::<T, D>) {
        Err(err) => return not_read(err),
        Ok(Ok(value)) => {
            return Parsed {
                value: Some(value),
                issues: Vec::new(),
                left_out: Vec::new(),
            };
        }
        Ok(Err(err)) => err.into_issues(),
    };
    // The typed reading read the text: the tree reads it, or fails as it
    // did (a syntax error), and then the first issue is all there is.
    let tree = match make().map(Numbered::deserialize) {
        Ok(Ok(tree)) => tree,
        _ => {
            return Parsed {
                value: None,
                issues: first,
                left_out: Vec::new(),
            };
        }
    };
    let mut parsed = every_problem::<T>(&tree);
    merge_first(&mut parsed.issues, first);
    parsed
}

/// Puts the typed reading's issue in the place of the tree's first issue
/// at the same path with the same code (it has the format's message), or
/// first when the tree's readings did not find it.
fn merge_first(issues: &mut Vec<Issue>, first: Vec<Issue>) {
    for issue in first.into_iter().rev() {
        let same = issues
            .iter()
            .position(|i| i.path == issue.path && i.code() == issue.code());
        match same {
            Some(at) => {
                if let Some(slot) = issues.get_mut(at) {
                    *slot = issue;
                }
            }
            None => issues.insert(0, issue),
        }
    }
}

/// What one failed reading of the tree found.
struct Failure {
    issue: Issue,
    /// The innermost value the failure passed through (`None`: the root).
    innermost: Option<usize>,
}

/// Reads `tree` as a `T` again and again, leaving out what failed.
fn every_problem<'de, T: Deserialize<'de>>(tree: &Numbered) -> Parsed<T> {
    let map = Layout::of(&tree.root, tree.count);
    let mut left_out = vec![false; tree.count];
    // Why each value was left out: true for a wrong value (its object is
    // incomplete), false for an unknown or repeated key.
    let mut wrong_value = vec![false; tree.count];
    let mut issues = Vec::new();
    let mut parts = Vec::new();
    let mut in_list = false;
    for _ in 0..MAX_ROUNDS {
        let failure = match read_once::<T>(&tree.root, &left_out) {
            Ok(value) => {
                return Parsed {
                    value: (!in_list).then_some(value),
                    issues,
                    left_out: parts,
                };
            }
            Err(failure) => failure,
        };
        // The root (number 0) cannot be left out: its failure ends the
        // search, reported unless it follows from an earlier one.
        let n = failure.innermost.unwrap_or(0);
        let (target, cascade, wrong) = map.target(n, &failure.issue, &left_out, &wrong_value);
        if !cascade {
            issues.push(failure.issue.clone());
        }
        if target == 0 {
            break;
        }
        let Some(slot) = left_out.get_mut(target) else {
            break;
        };
        *slot = true;
        if let Some(w) = wrong_value.get_mut(target) {
            *w = wrong;
        }
        in_list |= map.in_list(target);
        let part = failure.issue.path.clone();
        let object = part
            .rfind('/')
            .and_then(|at| part.get(..at))
            .unwrap_or("")
            .to_string();
        parts.push((part, object));
    }
    Parsed {
        value: None,
        issues,
        left_out: parts,
    }
}

/// One reading of the tree with `left_out` left out.
fn read_once<'de, T: Deserialize<'de>>(root: &Tree, left_out: &[bool]) -> Result<T, Box<Failure>> {
    let reading = Reading {
        left_out,
        track: Track::default(),
        innermost: std::cell::Cell::new(None),
    };
    let result = T::deserialize(TreeDeserializer {
        tree: root,
        reading: &reading,
    });
    result.map_err(|err| {
        let innermost = reading.innermost.get();
        Box::new(Failure {
            issue: issue_of(reading.track, &err.0),
            innermost,
        })
    })
}

/// The tree's values by number, each with its parent and its key.
struct Layout<'t> {
    nodes: Vec<Option<&'t Tree>>,
    /// Per value: its parent's number, and whether the parent is a list.
    parents: Vec<Option<(usize, bool)>>,
}

impl<'t> Layout<'t> {
    fn of(root: &'t Tree, count: usize) -> Layout<'t> {
        let mut nodes = vec![None; count];
        let mut parents = vec![None; count];
        let mut stack = vec![(0usize, root)];
        while let Some((n, tree)) = stack.pop() {
            if let Some(slot) = nodes.get_mut(n) {
                *slot = Some(tree);
            }
            let children: Vec<(usize, &Tree, bool)> = match tree {
                Tree::Seq(items) => items.iter().map(|(m, t)| (*m, t, true)).collect(),
                Tree::Map(entries) => entries.iter().map(|(_, m, t)| (*m, t, false)).collect(),
                _ => Vec::new(),
            };
            for (m, child, list) in children {
                if let Some(slot) = parents.get_mut(m) {
                    *slot = Some((n, list));
                }
                stack.push((m, child));
            }
        }
        Layout { nodes, parents }
    }

    fn in_list(&self, n: usize) -> bool {
        self.parents
            .get(n)
            .copied()
            .flatten()
            .is_some_and(|(_, list)| list)
    }

    /// The value to leave out after a failure whose innermost value is
    /// `n`, whether the failure is a cascade of an earlier one (not
    /// reported), and whether the value is left out for being wrong.
    fn target(
        &self,
        n: usize,
        issue: &Issue,
        left_out: &[bool],
        wrong_value: &[bool],
    ) -> (usize, bool, bool) {
        // A key inside the map that failed: that entry alone.
        let key = match &issue.kind {
            IssueKind::UnknownField { field, .. } => Some((field.as_str(), false)),
            IssueKind::DuplicateId { id, .. } => Some((id.as_str(), true)),
            _ => None,
        };
        if let Some((key, second)) = key {
            if let Some(entry) = self.entry(n, key, second, left_out) {
                return (entry, false, false);
            }
            return (n, false, false);
        }
        // Whether `n` lost a value that was wrong.
        let lost = || {
            self.parents.iter().enumerate().any(|(m, parent)| {
                parent.is_some_and(|(p, _)| p == n)
                    && left_out.get(m).copied().unwrap_or(false)
                    && wrong_value.get(m).copied().unwrap_or(false)
            })
        };
        let cascade = match &issue.kind {
            IssueKind::InvalidDocument { message } => match missing_field(message) {
                Some(field) => {
                    self.entry(n, field, false, &[]).is_some()
                        || self.lost_a_misspelling(n, field, left_out, wrong_value)
                }
                None => lost(),
            },
            _ => lost(),
        };
        (n, cascade, true)
    }

    /// Whether map `n` lost an unknown key that is `field` misspelt
    /// ([`within_two_edits`]): the `missing field`
    /// that follows is the same mistake, and is not reported twice.
    fn lost_a_misspelling(
        &self,
        n: usize,
        field: &str,
        left_out: &[bool],
        wrong_value: &[bool],
    ) -> bool {
        let Some(Tree::Map(entries)) = self.nodes.get(n).copied().flatten() else {
            return false;
        };
        entries.iter().any(|(key, m, _)| {
            let unknown = left_out.get(*m).copied().unwrap_or(false)
                && !wrong_value.get(*m).copied().unwrap_or(true);
            matches!(key, Tree::Str(k) if unknown && within_two_edits(k, field))
        })
    }

    /// The number of the value of the entry `key` of map `n` that is not
    /// left out (the second such when `second`).
    fn entry(&self, n: usize, key: &str, second: bool, left_out: &[bool]) -> Option<usize> {
        let Some(Tree::Map(entries)) = self.nodes.get(n).copied().flatten() else {
            return None;
        };
        entries
            .iter()
            .filter(|(k, m, _)| {
                matches!(k, Tree::Str(s) if s == key) && !left_out.get(*m).copied().unwrap_or(false)
            })
            .map(|(_, m, _)| *m)
            .nth(usize::from(second))
    }
}

/// The field serde's ``missing field `<name>` `` names.
fn missing_field(message: &str) -> Option<&str> {
    const START: &str = "missing field `";
    let at = message.find(START)?;
    let rest = message.get(at.saturating_add(START.len())..)?;
    rest.get(..rest.find('`')?)
}

/// Whether `a` becomes `b` with at most two letters added, dropped or
/// changed (Levenshtein distance ≤ 2; field names are short), and fewer
/// than half of `b`'s (so `zz` is no misspelling of `id`).
fn within_two_edits(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > 2 || a.len() > 64 || b.len() > 64 {
        return false;
    }
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut diagonal = row.first().copied().unwrap_or(0);
        if let Some(first) = row.first_mut() {
            *first = i.saturating_add(1);
        }
        for (j, cb) in b.iter().enumerate() {
            let above = row.get(j.saturating_add(1)).copied().unwrap_or(usize::MAX);
            let left = row.get(j).copied().unwrap_or(usize::MAX);
            let cost = diagonal.saturating_add(usize::from(ca != cb));
            let best = cost
                .min(above.saturating_add(1))
                .min(left.saturating_add(1));
            diagonal = above;
            if let Some(slot) = row.get_mut(j.saturating_add(1)) {
                *slot = best;
            }
        }
    }
    row.last()
        .is_some_and(|&d| d <= 2 && d.saturating_mul(2) < b.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_edits() {
        assert!(within_two_edits("titel", "title"));
        assert!(within_two_edits("scor", "score"));
        assert!(within_two_edits("valu", "value"));
        assert!(!within_two_edits("extra", "title"));
        assert!(!within_two_edits("a", "description"));
        assert!(!within_two_edits("zz", "id"));
    }
}
