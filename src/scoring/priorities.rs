//! Improvement priorities (rule 10): for every rated leaf below its
//! maximum, the exact gain in the total if that leaf alone were raised to
//! its maximum, by re-scoring.

use super::interpret::{Block, LeafValue, Results};
use super::report::{Priority, Report};
use crate::model::assessment::Assessment;
use crate::model::issue::ValidationError;
use crate::scoring::Scorer;

impl Scorer {
    /// For every applicable rated leaf below the top of its scale: the gain
    /// in the total score if that leaf alone were raised to the top (rule
    /// 10). The gain is exact for every aggregation: the total is
    /// re-scored, re-evaluating only the leaf's ancestors (the other nodes
    /// cannot change). Sorted by gain, largest first, then definition
    /// order. Empty when the total has no score (a raise cannot give it
    /// one: it changes neither coverage nor what is included).
    ///
    /// Unscored leaves, and leaves under unscored groups, are listed with
    /// gain 0.
    ///
    /// # Errors
    ///
    /// [`ValidationError`] as for [`Scorer::score`].
    ///
    /// # Examples
    ///
    /// ```
    /// use assessment_model::{Assessment, Framework, RatingValue, Scorer, Subject};
    ///
    /// let framework: Framework = serde_json::from_str(r#"{
    ///     "id": "tiny", "version": "1.0.0", "title": "Tiny",
    ///     "scales": { "tick": { "type": "binary" } },
    ///     "criteria": [
    ///         { "id": "a", "title": "First", "scale": "tick" },
    ///         { "id": "b", "title": "Second", "scale": "tick", "weight": 3.0 }
    ///     ]
    /// }"#)?;
    /// let scorer = Scorer::new(&framework)?;
    /// let mut assessment = Assessment::new(framework.exact_ref(), Subject::new("P"));
    /// assessment.rate("a", RatingValue::NotMet)?;
    /// assessment.rate("b", RatingValue::NotMet)?;
    /// let gains = scorer.priorities(&assessment)?;
    /// assert_eq!(gains[0].criterion, "b");
    /// assert_eq!(gains[0].gain, 0.75);
    /// assert_eq!(gains[1].gain, 0.25);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn priorities(&self, assessment: &Assessment) -> Result<Vec<Priority>, ValidationError> {
        let c = self.compiled();
        let checked = c.bind(assessment);
        if !checked.issues.is_empty() {
            return Err(ValidationError::new(checked.issues));
        }
        Ok(c.priorities(&checked.values, checked.qualitative))
    }
}

impl Report {
    /// [`Scorer::priorities`] of the assessment this report scored, from
    /// the ratings scoring bound: no second check.
    ///
    /// # Examples
    ///
    /// ```
    /// use assessment_model::catalog::good_practice;
    /// use assessment_model::Scorer;
    ///
    /// let scorer = Scorer::new(&good_practice::criteria())?;
    /// let assessment = good_practice::worked_example();
    /// let report = scorer.score(&assessment)?;
    /// assert_eq!(report.priorities(), scorer.priorities(&assessment)?);
    /// assert_eq!(report.priorities()[0].criterion, "q9-3");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn priorities(&self) -> Vec<Priority> {
        self.compiled.priorities(&self.values, self.qualitative)
    }
}

impl super::compile::Compiled {
    /// The priorities of bound `values` (rule 10): every applicable rated
    /// leaf below its top, raised alone, by a what-if along its path.
    fn priorities(&self, values: &[LeafValue], qualitative: bool) -> Vec<Priority> {
        if qualitative {
            return Vec::new();
        }
        let mut results = Results::default();
        self.program
            .run(&Block::of(values), self.policy(), &mut results);
        let Ok(base) = results.root(0).score else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for (leaf, v) in (0u32..).zip(values) {
            let LeafValue::Rated(current) = *v else {
                continue;
            };
            if !(0.0..1.0).contains(&current) {
                continue;
            }
            let Some(best) = self
                .scale_of_leaf(leaf as usize)
                .and_then(|(_, scale)| scale.best())
            else {
                continue;
            };
            let Some(raised) = self.program.what_if(&results, 0, leaf, current, 1.0) else {
                continue;
            };
            let node = self.leaf_node.get(leaf as usize).copied().unwrap_or(0) as usize;
            out.push((
                leaf as usize,
                Priority {
                    criterion: self.id(node).unwrap_or(&self.framework.id).clone(),
                    current,
                    best,
                    gain: raised - base,
                },
            ));
        }
        sort_by_gain(&mut out, |p| p.gain);
        out.into_iter().map(|(_, p)| p).collect()
    }
}

/// Gains closer than this are equal (rule 10): re-scoring two symmetric
/// leaves gives gains that differ only in their last bits.
const GAIN_TIE: f64 = 1e-12;

/// Sorts `items` (each with its leaf index) by `gain`, largest first, with
/// gains within [`GAIN_TIE`] of each other kept in definition order. The
/// priorities and the bounds' leverages ([SPEC](crate::spec) §8.2) sort so.
///
/// A tolerance is not transitive, so it cannot be a sort's comparison.
/// Instead the gains are sorted exactly, then cut into runs wherever two
/// neighbours differ by [`GAIN_TIE`] or more; each run (a chain of equal
/// gains) goes back to definition order. Which run a gain lands in
/// depends on the gains alone, not on the order they came in.
pub(crate) fn sort_by_gain<T>(items: &mut [(usize, T)], gain: impl Fn(&T) -> f64) {
    // The stable sort keeps definition order among bit-equal gains.
    items.sort_by(|(_, a), (_, b)| gain(b).total_cmp(&gain(a)));
    let mut start = 0;
    while start < items.len() {
        let mut end = start.saturating_add(1);
        while let (Some(prev), Some(next)) = (items.get(end.wrapping_sub(1)), items.get(end)) {
            if gain(&prev.1) - gain(&next.1) >= GAIN_TIE {
                break;
            }
            end = end.saturating_add(1);
        }
        if let Some(run) = items.get_mut(start..end) {
            run.sort_by_key(|&(leaf, _)| leaf);
        }
        start = end;
    }
}
