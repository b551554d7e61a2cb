//! [`Scale`]: how a leaf criterion is rated, and how a rating on it becomes a
//! normalised score in [0, 1] (design, *Scoring rules* 1).

use serde::{Deserialize, Serialize};

use crate::Id;

/// How a leaf criterion is rated.
///
/// Frameworks name their scales (`scales` in the framework document) and
/// leaves refer to them by id. Every scale maps an admissible rating to a
/// normalised score in [0, 1] ([`Scale::normalise`]); a rating that is not
/// on the scale is an error, never clamped.
///
/// # Examples
///
/// ```
/// use assessment_model::{Id, Level, RatingValue, Scale};
///
/// let importance = Scale::Ordinal {
///     title: Some("Importance".into()),
///     description: None,
///     levels: vec![
///         Level::new(Id::new("not-important")?, 1, "not important"),
///         Level::new(Id::new("important")?, 2, "important"),
///         Level::new(Id::new("very-important")?, 3, "very important"),
///     ],
/// };
/// assert_eq!(importance.normalise(&RatingValue::Level(2)), Some(0.5));
/// assert_eq!(importance.normalise(&RatingValue::Level(4)), None);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum Scale {
    /// Met or not met (a checklist tick). Met normalises to 1, not met to 0.
    Binary {
        /// A short human title.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        title: Option<String>,
        /// What the scale means.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        description: Option<String>,
    },
    /// Ordered levels, each with a distinct integer value. A level with
    /// value `v` normalises to `(v - v_min) / (v_max - v_min)`.
    Ordinal {
        /// A short human title.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        title: Option<String>,
        /// What the scale means.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        description: Option<String>,
        /// The levels, at least two, with distinct values and ids.
        // serde buffers a tagged enum's content: `keyed` keeps a level an
        // object there too (see `crate::parse::keyed`).
        #[serde(deserialize_with = "crate::parse::keyed")]
        levels: Vec<Level>,
    },
    /// A number in `[min, max]`. A value `x` normalises to
    /// `(x - min) / (max - min)`, or `(max - x) / (max - min)` when lower is
    /// better.
    Numeric {
        /// A short human title.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        title: Option<String>,
        /// What the scale means.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        description: Option<String>,
        /// The lowest admissible value (finite, below `max`).
        min: f64,
        /// The highest admissible value (finite, above `min`).
        max: f64,
        /// Whether higher or lower values are better; higher by default.
        #[serde(default, skip_serializing_if = "Direction::is_default")]
        direction: Direction,
        /// The unit of the values, for display (e.g. `"%"`).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        unit: Option<String>,
    },
}

/// One level of an ordinal [`Scale`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Level {
    /// The level's id, unique within its scale.
    pub id: Id,
    /// The level's integer value, unique within its scale; ratings give it.
    pub value: i32,
    /// The label shown to people (e.g. "very important").
    pub label: String,
    /// What the level means.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

impl Level {
    /// A level with no description.
    ///
    /// # Examples
    ///
    /// ```
    /// use assessment_model::{Id, Level};
    ///
    /// let level = Level::new(Id::new("very-important")?, 3, "very important");
    /// assert_eq!(level.value, 3);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(id: Id, value: i32, label: impl Into<String>) -> Level {
        Level {
            id,
            value,
            label: label.into(),
            description: None,
        }
    }
}

/// Which end of a numeric [`Scale`] is better.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// Higher values are better (the default).
    #[default]
    HigherIsBetter,
    /// Lower values are better; normalisation is inverted.
    LowerIsBetter,
}

impl Direction {
    fn is_default(&self) -> bool {
        *self == Direction::HigherIsBetter
    }
}

/// The value of one rating, as an assessor gives it.
///
/// Serialised as `"met"`, `"not_met"`, `"not_applicable"`, `{"level": 2}` or
/// `{"number": 37.5}`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum RatingValue {
    /// A binary criterion is met (✓).
    Met,
    /// A binary criterion is not met (–).
    NotMet,
    /// The value of a level of an ordinal scale.
    Level(i32),
    /// A number on a numeric scale.
    Number(f64),
    /// The criterion does not apply to this subject: left out of every
    /// aggregate, as if absent from the tree.
    NotApplicable,
}

impl Scale {
    /// The normalised score in [0, 1] of `value` on this scale, `None` when
    /// the value is not on the scale (including [`RatingValue::NotApplicable`],
    /// which has no score).
    ///
    /// This assumes a valid scale (see [`crate::Framework::validate`]); on an
    /// invalid one (fewer than two levels, an empty range) it gives `None`
    /// rather than a number outside [0, 1].
    ///
    /// # Examples
    ///
    /// ```
    /// use assessment_model::{Direction, RatingValue, Scale};
    ///
    /// let delay = Scale::Numeric {
    ///     title: None,
    ///     description: None,
    ///     min: 0.0,
    ///     max: 10.0,
    ///     direction: Direction::LowerIsBetter,
    ///     unit: Some("weeks".into()),
    /// };
    /// assert_eq!(delay.normalise(&RatingValue::Number(2.5)), Some(0.75));
    /// assert_eq!(delay.normalise(&RatingValue::Number(11.0)), None);
    /// ```
    pub fn normalise(&self, value: &RatingValue) -> Option<f64> {
        match (self, value) {
            (Scale::Binary { .. }, RatingValue::Met) => Some(1.0),
            (Scale::Binary { .. }, RatingValue::NotMet) => Some(0.0),
            (Scale::Ordinal { levels, .. }, RatingValue::Level(v)) => {
                let (lo, hi) = self.level_bounds()?;
                if !levels.iter().any(|l| l.value == *v) {
                    return None;
                }
                Some((f64::from(*v) - f64::from(lo)) / (f64::from(hi) - f64::from(lo)))
            }
            (
                Scale::Numeric {
                    min,
                    max,
                    direction,
                    ..
                },
                RatingValue::Number(x),
            ) => {
                let ok = min.is_finite() && max.is_finite() && min < max;
                if !ok || !x.is_finite() || x < min || x > max {
                    return None;
                }
                let span = max - min;
                Some(match direction {
                    Direction::HigherIsBetter => (x - min) / span,
                    Direction::LowerIsBetter => (max - x) / span,
                })
            }
            _ => None,
        }
    }

    /// The lowest and highest level values of an ordinal scale with at least
    /// two distinct values; `None` for other scales.
    pub fn level_bounds(&self) -> Option<(i32, i32)> {
        let Scale::Ordinal { levels, .. } = self else {
            return None;
        };
        let lo = levels.iter().map(|l| l.value).min()?;
        let hi = levels.iter().map(|l| l.value).max()?;
        (lo < hi).then_some((lo, hi))
    }

    /// The rating value that normalises to 1 (the top of the scale): met,
    /// the highest level, or the better end of the range.
    ///
    /// # Examples
    ///
    /// ```
    /// use assessment_model::{RatingValue, Scale};
    ///
    /// let tick = Scale::Binary { title: None, description: None };
    /// assert_eq!(tick.best(), Some(RatingValue::Met));
    /// ```
    pub fn best(&self) -> Option<RatingValue> {
        match self {
            Scale::Binary { .. } => Some(RatingValue::Met),
            Scale::Ordinal { .. } => self.level_bounds().map(|(_, hi)| RatingValue::Level(hi)),
            Scale::Numeric {
                min,
                max,
                direction,
                ..
            } => Some(RatingValue::Number(match direction {
                Direction::HigherIsBetter => *max,
                Direction::LowerIsBetter => *min,
            })),
        }
    }

    /// The scale's title, if it has one.
    pub fn title(&self) -> Option<&str> {
        match self {
            Scale::Binary { title, .. }
            | Scale::Ordinal { title, .. }
            | Scale::Numeric { title, .. } => title.as_deref(),
        }
    }

    /// A short name of the scale's type: `"binary"`, `"ordinal"` or `"numeric"`.
    pub fn kind(&self) -> &'static str {
        match self {
            Scale::Binary { .. } => "binary",
            Scale::Ordinal { .. } => "ordinal",
            Scale::Numeric { .. } => "numeric",
        }
    }
}

impl std::fmt::Display for RatingValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RatingValue::Met => f.write_str("met"),
            RatingValue::NotMet => f.write_str("not met"),
            RatingValue::Level(v) => write!(f, "level {v}"),
            RatingValue::Number(x) => write!(f, "{x}"),
            RatingValue::NotApplicable => f.write_str("not applicable"),
        }
    }
}
