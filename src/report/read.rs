//! [`Scorer::read_report`](crate::Scorer::read_report): a report read back from its JSON form is
//! accepted only when it is exactly what this scorer gives for the ratings
//! it lists, so code that receives a [`Report`] can trust it.

use std::sync::Arc;

use super::Report;
use super::build::build;
use super::document::{
    FacetDocument, FindingDocument, NodeDocument, OutcomeDocument, ReportDocument,
};
use crate::core::compile::Compiled;
use crate::model::assessment::{Assessment, Rating};
use crate::model::framework::{FrameworkRef, framework_mismatch};
use crate::model::issue::{Issue, IssueKind, ValidationError, pointer};
use crate::model::scale::RatingValue;

/// The report a document describes, when it is exactly what scoring its
/// ratings gives ([`crate::Scorer::read_report`]).
pub(crate) fn read(c: &Arc<Compiled>, document: ReportDocument) -> Result<Report, ValidationError> {
    check_document(c, &document).map_err(|issue| ValidationError::new(vec![issue]))?;
    let assessment =
        assessment_of(c, &document).map_err(|issue| ValidationError::new(vec![issue]))?;
    let mut report = build(c, &assessment).map_err(|err| {
        let issue = err.issues().first().map(|i| rating_issue(&document, i));
        ValidationError::new(issue.into_iter().collect())
    })?;
    report.schema.clone_from(&document.schema);
    if let Some((path, field)) = first_difference(&document, &report.to_document()) {
        return Err(ValidationError::new(vec![invalid(
            path,
            format!("`{field}` is not what scoring its ratings gives"),
        )]));
    }
    Ok(report)
}

/// The checks that come before re-scoring: the framework, the node ids
/// in order, and the ranges of scores and scale means.
fn check_document(c: &Compiled, document: &ReportDocument) -> Result<(), Issue> {
    let named = &document.framework;
    if named.id != c.framework.id || named.version != c.framework.version {
        let required = FrameworkRef::exact(named.id.clone(), &named.version);
        return Err(framework_mismatch(
            "/framework",
            format!("{} {}", required.id, required.version),
            &c.framework,
        ));
    }
    if document.nodes.len() != c.ids.len() {
        return Err(invalid(
            "/nodes".into(),
            format!(
                "{} nodes, the framework has {}",
                document.nodes.len(),
                c.ids.len()
            ),
        ));
    }
    check_ranges("/total", &document.total)?;
    for (i, (node, id)) in document.nodes.iter().zip(&c.ids).enumerate() {
        let at = pointer("/nodes", i);
        if node.id != *id {
            return Err(invalid(
                pointer(&at, "id"),
                format!("node `{}` where the framework has `{id}`", node.id),
            ));
        }
        check_ranges(&at, &node.outcome)?;
    }
    Ok(())
}

/// The assessment a document's ratings make: its subject, declared
/// findings, and each leaf's rating (a not-applicable rating with the
/// note the document shows, unless the framework gives the reason).
fn assessment_of(c: &Compiled, document: &ReportDocument) -> Result<Assessment, Issue> {
    let mut assessment = Assessment::new(c.exact.clone(), document.subject.clone());
    assessment.findings.clone_from(&document.findings);
    for (k, node) in document.nodes.iter().enumerate() {
        let Some(value) = &node.rating else { continue };
        // Node k of the document is compiled node k + 1 (0 is the root).
        let i = k.saturating_add(1);
        let leaf = c.nodes.get(i).is_some_and(|n| n.leaf.is_some());
        if !leaf {
            return Err(invalid(
                pointer(&pointer("/nodes", k), "rating"),
                format!("`{}` is a group: it has no rating", node.id),
            ));
        }
        let mut rating = Rating::new(value.clone());
        if *value == RatingValue::NotApplicable && c.reason(i).is_none() {
            rating.note = node
                .not_applicable
                .clone()
                .filter(|note| note != "rated not applicable");
        }
        assessment.ratings.insert(node.id.clone(), rating);
    }
    Ok(assessment)
}

/// The assessment check's `issue` (at `/ratings/<id>…`) as an
/// `invalid-report` at the rating of the document's node `<id>`.
fn rating_issue(document: &ReportDocument, issue: &Issue) -> Issue {
    let at = document
        .nodes
        .iter()
        .position(|n| {
            let rating = pointer("/ratings", &n.id);
            // The rating's own path or one below it, not a longer id's.
            issue
                .path
                .strip_prefix(rating.as_str())
                .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
        })
        .map_or_else(
            || "/nodes".to_string(),
            |i| pointer(&pointer("/nodes", i), "rating"),
        );
    invalid(at, issue.kind.to_string())
}

fn invalid(path: String, reason: String) -> Issue {
    Issue::new(path, IssueKind::InvalidReport { reason })
}

/// A score outside [0, 1] or a scale mean that is not finite, at `at`.
fn check_ranges(at: &str, outcome: &OutcomeDocument) -> Result<(), Issue> {
    if let Some(x) = outcome.score.filter(|x| !(0.0..=1.0).contains(x)) {
        return Err(invalid(
            pointer(at, "score"),
            format!("score {x} is not in [0, 1]"),
        ));
    }
    if let Some(m) = outcome.scale_mean.as_ref().filter(|m| !m.value.is_finite()) {
        return Err(invalid(
            pointer(&pointer(at, "scale_mean"), "value"),
            format!("scale mean {} is not finite", m.value),
        ));
    }
    Ok(())
}

/// One field compared: its name, whether the two documents agree on it,
/// and whether the document read gives it (a field left out is at its
/// default, and the path of a difference there is the object's, so that
/// every path resolves in the document read).
type Field = (&'static str, bool, bool);

/// The path and name of the first field in which `found` differs from
/// `expected`, in document order.
fn first_difference(
    found: &ReportDocument,
    expected: &ReportDocument,
) -> Option<(String, &'static str)> {
    let top = [
        ("framework", found.framework == expected.framework, true),
        (
            "qualitative",
            found.qualitative == expected.qualitative,
            found.given.qualitative || found.qualitative,
        ),
    ];
    if let Some(d) = differing("", &top) {
        return Some(d);
    }
    if let Some(d) = outcome_difference("/total", &found.total, &expected.total) {
        return Some(d);
    }
    let flags = [
        ("band", found.band == expected.band, found.band.is_some()),
        (
            "band_capped",
            found.band_capped == expected.band_capped,
            found.given.band_capped || found.band_capped,
        ),
        (
            "low_coverage",
            found.low_coverage == expected.low_coverage,
            found.given.low_coverage || found.low_coverage,
        ),
    ];
    if let Some(d) = differing("", &flags) {
        return Some(d);
    }
    for (i, (a, b)) in found.nodes.iter().zip(&expected.nodes).enumerate() {
        if let Some(d) = node_difference(&pointer("/nodes", i), a, b) {
            return Some(d);
        }
    }
    list_differences(found, expected)
}

/// [`first_difference`] in the risks, the strengths and the facets.
fn list_differences(
    found: &ReportDocument,
    expected: &ReportDocument,
) -> Option<(String, &'static str)> {
    let finding = |a: &FindingDocument, b: &FindingDocument| {
        [
            ("criterion", a.criterion == b.criterion, true),
            ("score", a.score.to_bits() == b.score.to_bits(), true),
            (
                "threshold",
                a.threshold.to_bits() == b.threshold.to_bits(),
                true,
            ),
        ]
    };
    let facet = |a: &FacetDocument, b: &FacetDocument| {
        [
            ("facet", a.facet == b.facet, true),
            ("value", a.value == b.value, true),
            (
                "score",
                a.score.map(f64::to_bits) == b.score.map(f64::to_bits),
                a.score.is_some(),
            ),
            ("counts", a.counts == b.counts, true),
        ]
    };
    let given = &found.given;
    list_difference(
        "/risks",
        given.risks,
        &found.risks,
        &expected.risks,
        finding,
    )
    .or_else(|| {
        let (a, b) = (&found.strengths, &expected.strengths);
        list_difference("/strengths", given.strengths, a, b, finding)
    })
    .or_else(|| {
        list_difference(
            "/facets",
            given.facets,
            &found.facets,
            &expected.facets,
            facet,
        )
    })
}

fn node_difference(at: &str, a: &NodeDocument, b: &NodeDocument) -> Option<(String, &'static str)> {
    // A field with a default is in the document when it was read there or
    // differs from the default (a document the crate writes leaves the
    // default out).
    #[allow(clippy::float_cmp)] // 1 is the default weight
    let weighted = a.given.weight || a.weight != 1.0;
    let fields = [
        ("parent", a.parent == b.parent, a.parent.is_some()),
        ("title", a.title == b.title, true),
        ("depth", a.depth == b.depth, true),
        ("leaf", a.leaf == b.leaf, a.given.leaf || a.leaf),
        ("weight", a.weight.to_bits() == b.weight.to_bits(), weighted),
        ("scored", a.scored == b.scored, a.given.scored || !a.scored),
        (
            "critical",
            a.critical == b.critical,
            a.given.critical || a.critical,
        ),
        ("rating", a.rating == b.rating, a.rating.is_some()),
        (
            "not_applicable",
            a.not_applicable == b.not_applicable,
            a.not_applicable.is_some(),
        ),
    ];
    differing(at, &fields).or_else(|| outcome_difference(at, &a.outcome, &b.outcome))
}

fn outcome_difference(
    at: &str,
    a: &OutcomeDocument,
    b: &OutcomeDocument,
) -> Option<(String, &'static str)> {
    let bits = |x: Option<f64>| x.map(f64::to_bits);
    let fields = [
        ("score", bits(a.score) == bits(b.score), a.score.is_some()),
        ("no_score", a.no_score == b.no_score, a.no_score.is_some()),
        (
            "coverage",
            bits(a.coverage) == bits(b.coverage),
            a.coverage.is_some(),
        ),
        ("counts", a.counts == b.counts, true),
        ("band", a.band == b.band, a.band.is_some()),
        (
            "scale_mean",
            a.scale_mean == b.scale_mean,
            a.scale_mean.is_some(),
        ),
    ];
    differing(at, &fields)
}

/// The first field of `fields` marked different, with its path under `at`
/// when the document gives it, else `at` itself.
fn differing(at: &str, fields: &[Field]) -> Option<(String, &'static str)> {
    let (name, _, given) = fields.iter().find(|(_, same, _)| !same)?;
    let path = if *given {
        pointer(at, name)
    } else {
        at.to_string()
    };
    Some((path, name))
}

/// Where two lists at `at` differ: the first differing field of the
/// first differing item, or the list itself when only the lengths do (the
/// document itself when it leaves the list out: it was not `given`, and is
/// empty).
fn list_difference<T, const N: usize>(
    at: &'static str,
    given: bool,
    found: &[T],
    expected: &[T],
    fields: impl Fn(&T, &T) -> [Field; N],
) -> Option<(String, &'static str)> {
    let item = found
        .iter()
        .zip(expected)
        .enumerate()
        .find_map(|(k, (a, b))| differing(&pointer(at, k), &fields(a, b)));
    item.or_else(|| {
        (found.len() != expected.len()).then(|| {
            let path = if given || !found.is_empty() { at } else { "" };
            (path.to_string(), at.trim_start_matches('/'))
        })
    })
}
