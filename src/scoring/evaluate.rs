//! [`Scorer::score`]: the full pass that turns an assessment into a
//! [`Report`] — node outcomes, bands, findings, facet views and scale
//! means (rules 1 to 13).

use super::aggregate::{Mode, Scratch, leaf_outcome, why};
use super::compile::{Compiled, NONE};
use super::report::{
    Counts, FacetScore, Finding, NoScore, NodeScore, Outcome, Report, ScaleMean, is_low_coverage,
};
use crate::ValidationError;
use crate::{Aggregation, Assessment, Band, Direction, RatingValue, Scale, Scorer};

impl Scorer {
    /// Scores `assessment`: every node's score, coverage, counts and band,
    /// the risks and strengths, the assessor's findings, the facet views and
    /// the means in scale units ([SPEC](crate::spec) §5).
    ///
    /// # Errors
    ///
    /// [`ValidationError`] with every problem [`Scorer::validate`] finds, at
    /// paths into the assessment: framework
    /// mismatch, unknown criteria, ratings on groups, ratings off scale and,
    /// under [`crate::MissingPolicy::Error`], every missing leaf.
    ///
    /// # Examples
    ///
    /// ```
    /// use assessment_model::{Assessment, Framework, RatingValue, Scorer, Subject};
    ///
    /// let framework: Framework = serde_json::from_str(r#"{
    ///     "id": "tiny", "version": "1.0.0", "title": "Tiny",
    ///     "scales": { "tick": { "type": "binary" } },
    ///     "rules": { "strength_at": 1.0 },
    ///     "criteria": [
    ///         { "id": "a", "title": "First", "scale": "tick" },
    ///         { "id": "b", "title": "Second", "scale": "tick" }
    ///     ]
    /// }"#)?;
    /// let scorer = Scorer::new(&framework)?;
    /// let mut assessment = Assessment::new(framework.exact_ref(), Subject::new("P"));
    /// assessment.rate("a", RatingValue::Met)?;
    /// let report = scorer.score(&assessment)?;
    /// assert_eq!(report.total().score(), Some(1.0));
    /// assert_eq!(report.total().coverage(), Some(0.5));
    /// assert_eq!(report.strengths()[0].criterion, "a");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn score(&self, assessment: &Assessment) -> Result<Report, ValidationError> {
        let c = self.compiled();
        let binding = c.bind(assessment);
        if !binding.issues.is_empty() {
            return Err(ValidationError::new(binding.issues));
        }
        let qualitative = binding.qualitative;
        let mut s = Scratch::new();
        let mode = c.mode(qualitative);
        c.evaluate(&binding.values, mode, &mut s);
        let means = c.unit_means(&binding.values, mode, &s);
        let rules = &c.framework.rules;

        let outcome = |i: usize| -> Outcome {
            let leaf = c.nodes.get(i).map_or(NONE, |n| n.leaf);
            let (x, code, applicable, rated) = if leaf == NONE {
                let g = s.group(i);
                (g.score, g.why, g.applicable, g.rated)
            } else {
                let v = binding
                    .values
                    .get(leaf as usize)
                    .copied()
                    .unwrap_or(f64::NAN);
                leaf_outcome(v, mode)
            };
            let (applicable, rated) = (applicable as usize, rated as usize);
            let leaves = c.leaf_count.get(i).copied().unwrap_or(0) as usize;
            let score = if qualitative || x.is_nan() {
                None
            } else {
                Some(x)
            };
            let no_score = match (score, code) {
                (Some(_), _) => None,
                (None, why::NOT_APPLICABLE) => Some(NoScore::NotApplicable),
                (None, _) if qualitative => Some(NoScore::Qualitative),
                (None, why::MISSING) => Some(NoScore::Missing),
                (None, why::INSUFFICIENT_COVERAGE) => Some(NoScore::InsufficientCoverage),
                (None, _) => Some(NoScore::NothingToAggregate),
            };
            let unit = c.unit_scale.get(i).copied().unwrap_or(NONE);
            let mean = means.get(i).copied().unwrap_or(f64::NAN);
            let scale_mean = if unit == NONE || mean.is_nan() || qualitative {
                None
            } else {
                c.framework
                    .scales
                    .get_index(unit as usize)
                    .and_then(|(id, scale)| {
                        in_units(scale, mean).map(|value| ScaleMean {
                            scale: id.clone(),
                            value,
                        })
                    })
            };
            Outcome {
                score,
                no_score,
                coverage: (applicable > 0).then(|| rated as f64 / applicable as f64),
                counts: Counts {
                    leaves,
                    rated,
                    not_applicable: leaves.saturating_sub(applicable),
                    missing: applicable.saturating_sub(rated),
                },
                band: score
                    .and_then(|x| band_of(&rules.bands, x))
                    .map(|b| b.id.clone()),
                scale_mean,
            }
        };

        let criteria = c.criteria();
        let mut nodes = Vec::with_capacity(c.nodes.len().saturating_sub(1));
        let mut risks = Vec::new();
        let mut strengths = Vec::new();
        for ((i, node), criterion) in c.nodes.iter().enumerate().skip(1).zip(&criteria) {
            let out = outcome(i);
            let id = criterion.id.clone();
            let critical = criterion.critical;
            let rating_value = if node.leaf == NONE {
                None
            } else {
                binding
                    .rating
                    .get(node.leaf as usize)
                    .filter(|&&p| p != NONE)
                    .and_then(|&p| assessment.ratings.get_index(p as usize))
                    .map(|(_, r)| r)
            };
            let inherited = c.na_from.get(i).copied().unwrap_or(NONE) as usize;
            let reason =
                Compiled::criterion(&criteria, inherited).and_then(|c| c.not_applicable.clone());
            let not_applicable = reason.or_else(|| {
                rating_value
                    .filter(|r| r.value == RatingValue::NotApplicable)
                    .map(|r| {
                        r.note
                            .clone()
                            .unwrap_or_else(|| "rated not applicable".into())
                    })
            });
            if let Some(x) = out.score {
                if let Some(t) = rules.risk_below {
                    if critical && x < t {
                        risks.push(Finding {
                            criterion: id.clone(),
                            score: x,
                            threshold: t,
                        });
                    }
                }
                if let Some(t) = rules.strength_at {
                    if x >= t {
                        strengths.push(Finding {
                            criterion: id.clone(),
                            score: x,
                            threshold: t,
                        });
                    }
                }
            }
            nodes.push(NodeScore {
                id,
                title: criterion.title.clone(),
                depth: c.depth.get(i).copied().unwrap_or(0) as usize,
                leaf: node.leaf != NONE,
                weight: node.weight,
                scored: node.scored,
                critical,
                rating: rating_value.map(|r| unsigned_zero(r.value.clone())),
                not_applicable,
                outcome: out,
            });
        }

        let total = outcome(0);
        let uncapped = total.score.and_then(|x| band_of(&rules.bands, x));
        let cap = rules
            .critical_caps_band
            .as_ref()
            .filter(|_| !risks.is_empty())
            .and_then(|id| rules.bands.iter().find(|b| b.id == *id));
        let band = match (uncapped, cap) {
            (Some(b), Some(cap)) if cap.from < b.from => Some(cap),
            (b, _) => b,
        };
        let band_capped = band.map(|b| &b.id) != uncapped.map(|b| &b.id);

        Ok(Report {
            schema: None,
            framework: c.framework.exact_ref(),
            subject: assessment.subject.clone(),
            qualitative,
            band: band.map(|b| b.id.clone()),
            band_capped,
            low_coverage: is_low_coverage(&total, rules.min_coverage),
            total,
            nodes,
            risks,
            strengths,
            findings: assessment.findings.clone(),
            facets: c.facet_views(&binding.values, !qualitative),
        })
    }
}

/// The band `score` falls in: the band with the highest `from` at or below
/// it (rule 7).
pub(crate) fn band_of(bands: &[Band], score: f64) -> Option<&Band> {
    bands
        .iter()
        .filter(|b| b.from <= score)
        .fold(None, |best: Option<&Band>, b| match best {
            Some(x) if x.from >= b.from => Some(x),
            _ => Some(b),
        })
}

/// A normalised value in the units of `scale` (rule 11).
fn in_units(scale: &Scale, x: f64) -> Option<f64> {
    match scale {
        Scale::Ordinal { .. } => {
            let (lo, hi) = scale.level_bounds()?;
            Some(f64::from(lo) + x * (f64::from(hi) - f64::from(lo)))
        }
        Scale::Numeric {
            min,
            max,
            direction,
            ..
        } => Some(match direction {
            Direction::HigherIsBetter => min + x * (max - min),
            Direction::LowerIsBetter => max - x * (max - min),
        }),
        Scale::Binary { .. } => None,
    }
}

impl Compiled {
    /// Per node, the normalised weighted arithmetic mean behind the mean
    /// in scale units (rule 11): a leaf's score; a mean-aggregated group's
    /// score; otherwise the weighted mean of the included children's means
    /// (NaN where the node has no score).
    fn unit_means(&self, values: &[f64], mode: Mode, s: &Scratch) -> Vec<f64> {
        let n = self.nodes.len();
        let mut mean = vec![f64::NAN; n];
        for i in (0..n).rev() {
            let Some(node) = self.nodes.get(i) else {
                continue;
            };
            let Some(score) = self.score_of(i, values, mode, s) else {
                continue;
            };
            let m = if node.leaf != NONE
                || matches!(
                    node.aggregation,
                    Aggregation::Flat | Aggregation::FlatUnweighted
                ) {
                score
            } else {
                let (mut acc, mut sum_w) = (0.0, 0.0);
                for &k in self.children_of(node) {
                    let Some(child) = self.nodes.get(k as usize) else {
                        continue;
                    };
                    let cm = mean.get(k as usize).copied().unwrap_or(f64::NAN);
                    if child.scored && child.weight > 0.0 && !cm.is_nan() {
                        acc += child.weight * cm;
                        sum_w += child.weight;
                    }
                }
                if sum_w > 0.0 { acc / sum_w } else { f64::NAN }
            };
            if let Some(slot) = mean.get_mut(i) {
                *slot = m;
            }
        }
        mean
    }

    /// Every facet value's score (rule 9): the weighted mean of the scores
    /// of the applicable rated leaves that carry it, weighted by effective
    /// weight; with `scores` false (a qualitative assessment), counts only.
    fn facet_views(&self, values: &[f64], scores: bool) -> Vec<FacetScore> {
        let mut out = Vec::new();
        for ((facet_id, facet), leaf_values) in self.framework.facets.iter().zip(&self.leaf_facet) {
            let k = facet.values.len();
            let mut acc = vec![(0.0f64, 0.0f64); k];
            let mut counts = vec![Counts::default(); k];
            for (leaf, &vi) in leaf_values.iter().enumerate() {
                if vi == NONE {
                    continue;
                }
                let v = values.get(leaf).copied().unwrap_or(f64::NAN);
                let e = self.effective_weight.get(leaf).copied().unwrap_or(0.0);
                if let (Some(a), Some(cn)) = (acc.get_mut(vi as usize), counts.get_mut(vi as usize))
                {
                    cn.leaves = cn.leaves.saturating_add(1);
                    if v >= 0.0 {
                        cn.rated = cn.rated.saturating_add(1);
                        if e > 0.0 {
                            a.0 += e * v;
                            a.1 += e;
                        }
                    } else if v.is_nan() {
                        cn.missing = cn.missing.saturating_add(1);
                    } else {
                        cn.not_applicable = cn.not_applicable.saturating_add(1);
                    }
                }
            }
            for ((value_id, _), (a, cn)) in facet.values.iter().zip(acc.into_iter().zip(counts)) {
                out.push(FacetScore {
                    facet: facet_id.clone(),
                    value: value_id.clone(),
                    score: (scores && a.1 > 0.0).then(|| a.0 / a.1),
                    counts: cn,
                });
            }
        }
        out
    }
}

/// `rating` with a numeric `-0.0` written as `0.0` (adding `+0.0` changes
/// no other number): the same value, and a report never shows `-0`.
fn unsigned_zero(rating: RatingValue) -> RatingValue {
    match rating {
        RatingValue::Number(x) => RatingValue::Number(x + 0.0),
        other => other,
    }
}
