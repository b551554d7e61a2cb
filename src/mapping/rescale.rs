//! [`rescale`]: a normalised score put on a scale (see [`Mapping`](crate::Mapping#rescaling-the-rule)).

use crate::model::scale::{Direction, LevelRef, RatingValue, Scale};

/// The tolerance of the rescaling comparisons (see [`Mapping`](crate::Mapping#rescaling-the-rule)).
pub(super) const EPS: f64 = 1e-9;

/// Puts the normalised score `score` on `scale` (see the rule in the
/// [`Mapping`](crate::Mapping#rescaling-the-rule)); `None` when `score` is not in
/// [0, 1] or the scale is invalid.
///
/// # Examples
///
/// ```
/// use assessment_model::{RatingValue, Scale};
/// use assessment_model::mapping::rescale;
///
/// let tick = Scale::binary();
/// assert_eq!(rescale(&tick, 1.0), Some(RatingValue::Met));
/// assert_eq!(rescale(&tick, 0.99), Some(RatingValue::NotMet));
/// ```
pub fn rescale(scale: &Scale, score: f64) -> Option<RatingValue> {
    if !score.is_finite() || !(-EPS..=1.0 + EPS).contains(&score) {
        return None;
    }
    match scale {
        Scale::Binary { .. } => Some(if score >= 1.0 - EPS {
            RatingValue::Met
        } else {
            RatingValue::NotMet
        }),
        Scale::Ordinal { levels, .. } => {
            let (lo, hi) = scale.level_bounds()?;
            let span = f64::from(hi) - f64::from(lo);
            levels
                .iter()
                .filter(|l| (f64::from(l.value) - f64::from(lo)) / span <= score + EPS)
                .map(|l| l.value)
                .max()
                .map(|v| RatingValue::Level(LevelRef::Value(v)))
        }
        Scale::Numeric {
            min,
            max,
            direction,
            ..
        } => {
            if !(min.is_finite() && max.is_finite() && min < max) {
                return None;
            }
            let s = score.clamp(0.0, 1.0);
            let x = match direction {
                Direction::HigherIsBetter if s >= 1.0 => *max,
                Direction::HigherIsBetter => (min + s * (max - min)).min(*max),
                Direction::LowerIsBetter if s >= 1.0 => *min,
                Direction::LowerIsBetter => (max - s * (max - min)).max(*min),
            };
            Some(RatingValue::Number(x))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::id::Id;
    use crate::model::scale::Level;

    fn eleven() -> Scale {
        let levels = (0..=10)
            .map(|v| {
                let id = Id::new(format!("l{v}")).unwrap_or_else(|_| unreachable!());
                Level::new(id, v, format!("{v}"))
            })
            .collect();
        Scale::Ordinal {
            title: None,
            description: None,
            levels,
        }
    }

    #[test]
    fn floating_point_error_does_not_round_down_past_a_level() {
        // Three sources on 0..10 rated 0, 0 and 3: the mean of their
        // normalised scores is 0.1, but (0 + 0 + 0.3) / 3 in f64 is
        // 0.09999999999999999.
        let mean = (0.0 + 0.0 + 0.3) / 3.0;
        assert!(mean < 0.1);
        assert_eq!(rescale(&eleven(), mean), Some(RatingValue::Level(1.into())));
        let tick = Scale::Binary {
            title: None,
            description: None,
        };
        assert_eq!(rescale(&tick, 1.0 - 1e-12), Some(RatingValue::Met));
        assert_eq!(rescale(&tick, 0.999), Some(RatingValue::NotMet));
    }

    #[test]
    fn scores_outside_the_unit_interval_are_refused() {
        for bad in [-0.5, 1.5, f64::NAN, f64::INFINITY] {
            assert_eq!(rescale(&eleven(), bad), None, "{bad}");
        }
        // Rounded down between levels; the top only at 1.
        assert_eq!(rescale(&eleven(), 0.99), Some(RatingValue::Level(9.into())));
        assert_eq!(rescale(&eleven(), 1.0), Some(RatingValue::Level(10.into())));
        assert_eq!(rescale(&eleven(), 0.0), Some(RatingValue::Level(0.into())));
    }

    #[test]
    fn numeric_targets_stay_inside_their_range() {
        let range = Scale::Numeric {
            title: None,
            description: None,
            min: 0.1,
            max: 0.3,
            direction: Direction::HigherIsBetter,
            unit: None,
        };
        // 0.1 + 1.0 * 0.2 would be 0.30000000000000004 in f64.
        assert_eq!(rescale(&range, 1.0), Some(RatingValue::Number(0.3)));
        assert_eq!(rescale(&range, 0.0), Some(RatingValue::Number(0.1)));
        assert!(
            range
                .normalise(&rescale(&range, 0.5).unwrap_or(RatingValue::Met))
                .is_some()
        );
    }
}
