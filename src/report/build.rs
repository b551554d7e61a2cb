//! Building a [`Report`] ([`crate::Scorer::score`]): the assessment
//! checked and bound, evaluated by the core's interpreter, then per node
//! its outcome and band, the risks and strengths, the facet views and the
//! means in scale units (rules 1 to 13).

use std::sync::Arc;

use super::views::Outcome;
use super::{Counts, Evaluation, Report};
use crate::core::compile::Compiled;
use crate::core::interpret::{LeafValue, Results};
use crate::model::assessment::Assessment;
use crate::model::issue::ValidationError;
use crate::model::scale::RatingValue;

/// The report of `assessment` against the compiled framework `c`.
pub(crate) fn build(c: &Arc<Compiled>, assessment: &Assessment) -> Result<Report, ValidationError> {
    let checked = c.bind(assessment).checked()?;
    let qualitative = checked.qualitative;
    let policy = c.policy();
    let (block, results) = c.program.evaluate(&checked.values, policy);
    let means = c.units.as_ref().map(|units| {
        let mut means = Results::default();
        units.run(&block, policy, &mut means);
        means
    });
    let (ratings, notes) = carried_ratings(c, assessment, &checked.rating);
    let mut report = Report {
        compiled: Arc::clone(c),
        schema: None,
        subject: assessment.subject.clone(),
        qualitative,
        band: None,
        band_capped: false,
        low_coverage: false,
        facets: facet_views(c, &checked.values, !qualitative),
        evaluation: Evaluation {
            block,
            results,
            means,
        },
        ratings,
        notes,
        risks: Vec::new(),
        strengths: Vec::new(),
        findings: assessment.findings.clone(),
    };
    let (risks, strengths) = findings(c, |i| report.outcome_at(i).score());
    let total = report.total();
    let (band, band_capped) = total_band(c, total.band_index(), !risks.is_empty());
    let low_coverage = is_low_coverage(&total, c.framework.rules.min_coverage);
    (report.risks, report.strengths) = (risks, strengths);
    (report.band, report.band_capped, report.low_coverage) = (band, band_capped, low_coverage);
    Ok(report)
}

/// Whether `total` has a score below the coverage threshold: `min_coverage`
/// where the framework sets one, else [`Report::LOW_COVERAGE`].
fn is_low_coverage(total: &Outcome<'_>, min_coverage: Option<f64>) -> bool {
    let threshold = min_coverage.unwrap_or(Report::LOW_COVERAGE);
    total.score().is_some() && total.coverage().is_some_and(|c| c < threshold)
}

/// The node indices of the risks (critical criteria below `risk_below`)
/// and of the strengths (at or above `strength_at`), in definition
/// order (rule 8). A node's score is read only where a threshold could
/// make it one or the other: none at all in a framework without either.
fn findings(c: &Compiled, score: impl Fn(usize) -> Option<f64>) -> (Vec<u32>, Vec<u32>) {
    let rules = &c.framework.rules;
    let (mut risks, mut strengths) = (Vec::new(), Vec::new());
    for (i, node) in (0u32..).zip(&c.nodes).skip(1) {
        let risk_below = rules.risk_below.filter(|_| node.critical);
        if risk_below.is_none() && rules.strength_at.is_none() {
            continue;
        }
        let Some(x) = score(i as usize) else { continue };
        if risk_below.is_some_and(|t| x < t) {
            risks.push(i);
        }
        if rules.strength_at.is_some_and(|t| x >= t) {
            strengths.push(i);
        }
    }
    (risks, strengths)
}

/// The total's band, capped by `critical_caps_band` when there is a
/// risk, and whether the cap lowered it (rules 7 and 8).
fn total_band(c: &Compiled, uncapped: Option<u32>, any_risk: bool) -> (Option<u32>, bool) {
    let rules = &c.framework.rules;
    let from = |b: u32| rules.bands.get(b as usize).map(|b| b.from);
    let cap = rules
        .critical_caps_band
        .as_ref()
        .filter(|_| any_risk)
        .and_then(|id| rules.bands.iter().position(|b| b.id == *id))
        .and_then(|b| u32::try_from(b).ok());
    match (uncapped, cap) {
        (Some(b), Some(cap)) if from(cap) < from(b) => (Some(cap), true),
        (b, _) => (b, false),
    }
}

/// Per leaf, the rating the assessment gives it (positions from the
/// leaf), and the notes of the leaves rated not applicable.
fn carried_ratings(
    c: &Compiled,
    assessment: &Assessment,
    positions: &[Option<u32>],
) -> (Vec<Option<RatingValue>>, Vec<(u32, String)>) {
    let mut notes = Vec::new();
    let ratings = positions
        .iter()
        .zip(&c.leaf_node)
        .map(|(&p, &node)| {
            let (_, r) = assessment.ratings.get_index(p? as usize)?;
            if r.value == RatingValue::NotApplicable {
                if let Some(note) = &r.note {
                    notes.push((node, note.clone()));
                }
            }
            Some(unsigned_zero(r.value.clone()))
        })
        .collect();
    (ratings, notes)
}

/// Every facet value's score (rule 9): the weighted mean of the scores
/// of the applicable rated leaves that carry it, weighted by effective
/// weight; with `scores` false (a qualitative assessment), counts only.
fn facet_views(c: &Compiled, values: &[LeafValue], scores: bool) -> Vec<(Option<f64>, Counts)> {
    let mut out = Vec::new();
    for (facet, leaf_values) in c.framework.facets.values().zip(&c.leaf_facet) {
        let k = facet.values.len();
        let mut acc = vec![(0.0f64, 0.0f64); k];
        let mut counts = vec![Counts::default(); k];
        for (leaf, vi) in leaf_values.iter().enumerate() {
            let Some(vi) = *vi else { continue };
            let v = values.get(leaf).copied().unwrap_or(LeafValue::Missing);
            let e = c.effective_weight.get(leaf).copied().unwrap_or(0.0);
            if let (Some(a), Some(cn)) = (acc.get_mut(vi as usize), counts.get_mut(vi as usize)) {
                cn.leaves = cn.leaves.saturating_add(1);
                match v {
                    LeafValue::Rated(x) => {
                        cn.rated = cn.rated.saturating_add(1);
                        if e > 0.0 {
                            a.0 += e * x;
                            a.1 += e;
                        }
                    }
                    LeafValue::Missing => cn.missing = cn.missing.saturating_add(1),
                    LeafValue::NotApplicable => {
                        cn.not_applicable = cn.not_applicable.saturating_add(1);
                    }
                }
            }
        }
        for (a, cn) in acc.into_iter().zip(counts) {
            out.push(((scores && a.1 > 0.0).then(|| a.0 / a.1), cn));
        }
    }
    out
}

/// `rating` with a numeric `-0.0` written as `0.0` (adding `+0.0` changes
/// no other number): the same value, and a report never shows `-0`.
fn unsigned_zero(rating: RatingValue) -> RatingValue {
    match rating {
        RatingValue::Number(x) => RatingValue::Number(x + 0.0),
        other => other,
    }
}
