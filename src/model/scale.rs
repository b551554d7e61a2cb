//! [`Scale`]: how a leaf criterion is rated, and how a rating on it becomes a
//! normalised score in [0, 1] ([SPEC](crate::spec) §3.3, §5.1).

use serde::{Deserialize, Serialize};

use crate::model::id::{Id, IdVisitor};

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
/// let importance = Scale::ordinal([
///     Level::new(Id::new("not-important")?, 1, "not important"),
///     Level::new(Id::new("important")?, 2, "important"),
///     Level::new(Id::new("very-important")?, 3, "very important"),
/// ])
/// .with_title("Importance");
/// assert_eq!(importance.normalise(&RatingValue::Level(2.into())), Some(0.5));
/// // The same level by id.
/// let by_id = RatingValue::Level(Id::new("important")?.into());
/// assert_eq!(importance.normalise(&by_id), Some(0.5));
/// assert_eq!(importance.normalise(&RatingValue::Level(4.into())), None);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum Scale {
    /// Met or not met (a checklist tick). Met normalises to 1, not met to 0.
    #[non_exhaustive]
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
    #[non_exhaustive]
    Ordinal {
        /// A short human title.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        title: Option<String>,
        /// What the scale means.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        description: Option<String>,
        /// The levels, at least two, with distinct values and ids.
        levels: Vec<Level>,
    },
    /// A number in `[min, max]`. A value `x` normalises to
    /// `(x - min) / (max - min)`, or `(max - x) / (max - min)` when lower is
    /// better.
    #[non_exhaustive]
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
#[non_exhaustive]
pub struct Level {
    /// The level's id, unique within its scale.
    pub id: Id,
    /// The level's integer value, unique within its scale; ratings give it
    /// or the id ([`LevelRef`]).
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
/// Serialised as `"met"`, `"not_met"`, `"not_applicable"`, `{"level": 2}`
/// or `{"level": "partly"}` (a level by value or by id, [`LevelRef`]), or
/// `{"number": 37.5}`.
///
/// `==` compares the form: `{"level": 1}` and `{"level": "partly"}` differ
/// as values even where `partly` has value 1. Whether two ratings name the
/// same level of a scale is [`Scale::same_rating`].
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum RatingValue {
    /// A binary criterion is met (✓).
    Met,
    /// A binary criterion is not met (–).
    NotMet,
    /// A level of an ordinal scale, by value or by id.
    Level(LevelRef),
    /// A number on a numeric scale.
    Number(f64),
    /// The criterion does not apply to this subject: left out of every
    /// aggregate, as if absent from the tree.
    NotApplicable,
}

/// How a rating names a level of an ordinal [`Scale`]: by its value
/// (`{"level": 1}`) or by its id (`{"level": "partly"}`). Both name the same
/// level; [`Scale::level`] resolves either.
///
/// A rating keeps the form it was given: by value it is written as an
/// integer, by id as a string, so a document read and written again is
/// unchanged. Ratings the crate makes itself (a priority's best rating, a
/// rating carried to another scale by a mapping, a cohort's level counts)
/// name levels by value.
///
/// # Examples
///
/// ```
/// use assessment_model::{LevelRef, RatingValue};
///
/// let by_id: RatingValue = assessment_model::from_json_str(r#"{"level": "partly"}"#)?;
/// assert_eq!(by_id, RatingValue::Level(LevelRef::Id("partly".parse()?)));
/// let by_value: RatingValue = assessment_model::from_json_str(r#"{"level": 1}"#)?;
/// assert_eq!(by_value, RatingValue::Level(LevelRef::Value(1)));
/// assert_eq!(serde_json::to_string(&by_id)?, r#"{"level":"partly"}"#);
/// assert_eq!(serde_json::to_string(&by_value)?, r#"{"level":1}"#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(untagged)]
pub enum LevelRef {
    /// The level's value.
    Value(i32),
    /// The level's id.
    Id(Id),
}

impl From<i32> for LevelRef {
    fn from(value: i32) -> LevelRef {
        LevelRef::Value(value)
    }
}

impl From<Id> for LevelRef {
    fn from(id: Id) -> LevelRef {
        LevelRef::Id(id)
    }
}

/// An integer is a value (outside the `i32` range, an error), a string an
/// id (through the [`Id`] check, so a malformed one is `malformed-id`);
/// anything else is an error. The format is asked what it holds
/// (`deserialize_any`), as JSON and TOML tell.
impl<'de> Deserialize<'de> for LevelRef {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<LevelRef, D::Error> {
        deserializer.deserialize_any(LevelRefVisitor)
    }
}

struct LevelRefVisitor;

impl serde::de::Visitor<'_> for LevelRefVisitor {
    type Value = LevelRef;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a level id or an i32 level value")
    }

    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<LevelRef, E> {
        i32::try_from(v)
            .map(LevelRef::Value)
            .map_err(|_| E::invalid_value(serde::de::Unexpected::Signed(v), &self))
    }

    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<LevelRef, E> {
        i32::try_from(v)
            .map(LevelRef::Value)
            .map_err(|_| E::invalid_value(serde::de::Unexpected::Unsigned(v), &self))
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<LevelRef, E> {
        IdVisitor.visit_str(v).map(LevelRef::Id)
    }

    fn visit_string<E: serde::de::Error>(self, v: String) -> Result<LevelRef, E> {
        IdVisitor.visit_string(v).map(LevelRef::Id)
    }
}

/// The names of [`RatingValue`]'s variants, as serialised.
const RATING_VARIANTS: &[&str] = &["met", "not_met", "level", "number", "not_applicable"];

/// A string (`"met"`, `"not_met"`, `"not_applicable"`) or a map of one key
/// (`{"level": …}`, `{"number": …}`; a unit variant also as `{"met":
/// null}`, as serde's derive takes it). The format is asked what it holds
/// (`deserialize_any`), so that a value of another type is reported as what
/// it is against what a rating may be (`invalid type: boolean `true`,
/// expected a rating: "met", "not_met", …`), where serde_json's reading of
/// an enum would only say `expected value`.
impl<'de> Deserialize<'de> for RatingValue {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<RatingValue, D::Error> {
        deserializer.deserialize_any(RatingValueVisitor)
    }
}

struct RatingValueVisitor;

impl RatingValueVisitor {
    /// The unit variant named `name`.
    fn unit<E: serde::de::Error>(name: &str) -> Result<RatingValue, E> {
        match name {
            "met" => Ok(RatingValue::Met),
            "not_met" => Ok(RatingValue::NotMet),
            "not_applicable" => Ok(RatingValue::NotApplicable),
            "level" | "number" => Err(E::invalid_type(
                serde::de::Unexpected::UnitVariant,
                &"a map: {\"level\": …} or {\"number\": …}",
            )),
            other => Err(E::unknown_variant(other, RATING_VARIANTS)),
        }
    }
}

impl<'de> serde::de::Visitor<'de> for RatingValueVisitor {
    type Value = RatingValue;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(
            "a rating: \"met\", \"not_met\", \"not_applicable\", {\"level\": …} or {\"number\": …}",
        )
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<RatingValue, E> {
        RatingValueVisitor::unit(v)
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<RatingValue, A::Error> {
        use serde::de::Error as _;
        let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? else {
            return Err(A::Error::invalid_length(0, &self));
        };
        let value = match key.as_ref() {
            "level" => RatingValue::Level(map.next_value()?),
            "number" => RatingValue::Number(map.next_value()?),
            name if RATING_VARIANTS.contains(&name) => {
                map.next_value::<()>()?;
                RatingValueVisitor::unit(name)?
            }
            other => return Err(A::Error::unknown_variant(other, RATING_VARIANTS)),
        };
        match map.next_key::<serde::de::IgnoredAny>()? {
            None => Ok(value),
            Some(_) => Err(A::Error::invalid_length(2, &"a map of one key")),
        }
    }
}

impl std::fmt::Display for LevelRef {
    /// The value, or the id: `2`, `partly`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LevelRef::Value(v) => write!(f, "{v}"),
            LevelRef::Id(id) => f.write_str(id.as_str()),
        }
    }
}

impl Scale {
    /// A binary scale (met or not met) with no title or description.
    ///
    /// # Examples
    ///
    /// ```
    /// use assessment_model::{RatingValue, Scale};
    ///
    /// let tick = Scale::binary().with_title("Done");
    /// assert_eq!(tick.normalise(&RatingValue::Met), Some(1.0));
    /// assert_eq!(tick.title(), Some("Done"));
    /// ```
    pub fn binary() -> Scale {
        Scale::Binary {
            title: None,
            description: None,
        }
    }

    /// An ordinal scale of `levels`, in the order given, with no title or
    /// description. [`Framework::validate`](crate::Framework::validate)
    /// checks that there are at least two, with distinct values and ids.
    ///
    /// # Examples
    ///
    /// ```
    /// use assessment_model::{Level, RatingValue, Scale};
    ///
    /// let grade = Scale::ordinal([
    ///     Level::new("low".parse()?, 1, "low"),
    ///     Level::new("high".parse()?, 3, "high"),
    /// ]);
    /// assert_eq!(grade.normalise(&RatingValue::Level(1.into())), Some(0.0));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn ordinal(levels: impl IntoIterator<Item = Level>) -> Scale {
        Scale::Ordinal {
            title: None,
            description: None,
            levels: levels.into_iter().collect(),
        }
    }

    /// A numeric scale over `[min, max]` where higher is better, with no
    /// unit, title or description. [`Framework::validate`](crate::Framework::validate)
    /// checks that both ends are finite and `min < max`.
    ///
    /// # Examples
    ///
    /// ```
    /// use assessment_model::{RatingValue, Scale};
    ///
    /// let share = Scale::numeric(0.0, 100.0).with_unit("%");
    /// assert_eq!(share.normalise(&RatingValue::Number(25.0)), Some(0.25));
    /// ```
    pub fn numeric(min: f64, max: f64) -> Scale {
        Scale::Numeric {
            title: None,
            description: None,
            min,
            max,
            direction: Direction::HigherIsBetter,
            unit: None,
        }
    }

    /// This scale with the title `title`.
    pub fn with_title(mut self, title: impl Into<String>) -> Scale {
        match &mut self {
            Scale::Binary { title: t, .. }
            | Scale::Ordinal { title: t, .. }
            | Scale::Numeric { title: t, .. } => *t = Some(title.into()),
        }
        self
    }

    /// This scale with the description `description`.
    pub fn with_description(mut self, description: impl Into<String>) -> Scale {
        match &mut self {
            Scale::Binary { description: d, .. }
            | Scale::Ordinal { description: d, .. }
            | Scale::Numeric { description: d, .. } => *d = Some(description.into()),
        }
        self
    }

    /// This numeric scale with `direction`. Only a numeric scale has a
    /// direction: a binary or ordinal scale is returned as it is.
    pub fn with_direction(mut self, direction: Direction) -> Scale {
        if let Scale::Numeric { direction: d, .. } = &mut self {
            *d = direction;
        }
        self
    }

    /// This numeric scale with the unit `unit` (e.g. `"%"`). Only a
    /// numeric scale has a unit: a binary or ordinal scale is returned as
    /// it is.
    pub fn with_unit(mut self, unit: impl Into<String>) -> Scale {
        if let Scale::Numeric { unit: u, .. } = &mut self {
            *u = Some(unit.into());
        }
        self
    }

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
    /// use assessment_model::{RatingValue, Scale};
    /// use assessment_model::model::Direction;
    ///
    /// let delay = Scale::numeric(0.0, 10.0)
    ///     .with_direction(Direction::LowerIsBetter)
    ///     .with_unit("weeks");
    /// assert_eq!(delay.normalise(&RatingValue::Number(2.5)), Some(0.75));
    /// assert_eq!(delay.normalise(&RatingValue::Number(11.0)), None);
    /// ```
    #[inline]
    pub fn normalise(&self, value: &RatingValue) -> Option<f64> {
        match (self, value) {
            (Scale::Binary { .. }, RatingValue::Met) => Some(1.0),
            (Scale::Binary { .. }, RatingValue::NotMet) => Some(0.0),
            (Scale::Ordinal { .. }, RatingValue::Level(r)) => {
                let (lo, hi) = self.level_bounds()?;
                let v = self.level(r)?.value;
                Some((f64::from(v) - f64::from(lo)) / (f64::from(hi) - f64::from(lo)))
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
                let score = match direction {
                    Direction::HigherIsBetter => (x - min) / span,
                    Direction::LowerIsBetter => (max - x) / span,
                };
                // `-0.0 - 0.0` is `-0.0`; adding `+0.0` turns it into `0.0`
                // and leaves every other value as it is, so no score is
                // ever written as `-0`.
                Some(score + 0.0)
            }
            _ => None,
        }
    }

    /// The rating a number stands for on this scale, for ratings held as a
    /// table of numbers ([`crate::RatingsTable::set_codes`], the Python
    /// binding's arrays): on a binary scale 1 is met and 0 not met; on an
    /// ordinal scale an integer is the level of that value; on a numeric
    /// scale the number is itself. Any other number is the
    /// [`RatingValue::Number`] it is, which [`Scale::normalise`] refuses on
    /// a binary or ordinal scale, so that a check reports the number as it
    /// was given.
    ///
    /// # Examples
    ///
    /// ```
    /// use assessment_model::{Id, Level, LevelRef, RatingValue, Scale};
    ///
    /// assert_eq!(Scale::binary().rating_of_code(1.0), RatingValue::Met);
    /// assert_eq!(Scale::binary().rating_of_code(2.0), RatingValue::Number(2.0));
    /// let grid = Scale::ordinal([
    ///     Level::new(Id::new("no")?, 0, "no"),
    ///     Level::new(Id::new("yes")?, 1, "yes"),
    /// ]);
    /// assert_eq!(grid.rating_of_code(1.0), RatingValue::Level(LevelRef::Value(1)));
    /// assert_eq!(grid.normalise(&grid.rating_of_code(0.5)), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn rating_of_code(&self, code: f64) -> RatingValue {
        match self {
            Scale::Binary { .. } if code == 1.0 => RatingValue::Met,
            Scale::Binary { .. } if code == 0.0 => RatingValue::NotMet,
            Scale::Ordinal { .. }
                if code.fract() == 0.0
                    && code >= f64::from(i32::MIN)
                    && code <= f64::from(i32::MAX) =>
            {
                // Integral and in range, checked above: the cast is exact.
                #[allow(clippy::cast_possible_truncation)]
                let value = code as i32;
                RatingValue::Level(LevelRef::Value(value))
            }
            _ => RatingValue::Number(code),
        }
    }

    /// The level of this ordinal scale that `level` names, by value or by
    /// id; `None` when the scale has no such level or is not ordinal.
    ///
    /// This is the one place a [`LevelRef`] is resolved: normalisation,
    /// checking, consolidation and cohort counts all go through it. It scans
    /// the levels (at most [`crate::model::MAX_LEVELS`]) and allocates nothing.
    ///
    /// # Examples
    ///
    /// ```
    /// use assessment_model::{Id, Level, LevelRef, Scale};
    ///
    /// let grid = Scale::ordinal([
    ///     Level::new(Id::new("not-at-all")?, 0, "not at all"),
    ///     Level::new(Id::new("partly")?, 1, "partly"),
    ///     Level::new(Id::new("fully")?, 2, "fully"),
    /// ]);
    /// let by_id = grid.level(&LevelRef::Id(Id::new("partly")?));
    /// assert_eq!(by_id.map(|l| l.value), Some(1));
    /// assert_eq!(grid.level(&LevelRef::Value(1)), by_id);
    /// assert_eq!(grid.level(&LevelRef::Id(Id::new("mostly")?)), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn level(&self, level: &LevelRef) -> Option<&Level> {
        let Scale::Ordinal { levels, .. } = self else {
            return None;
        };
        levels.get(self.level_position(level)?)
    }

    /// The position of level `level` among an ordinal scale's levels.
    fn level_position(&self, level: &LevelRef) -> Option<usize> {
        let Scale::Ordinal { levels, .. } = self else {
            return None;
        };
        match level {
            LevelRef::Value(v) => levels.iter().position(|l| l.value == *v),
            LevelRef::Id(id) => levels.iter().position(|l| l.id == *id),
        }
    }

    /// The position of `rating` among the scale's ratings in scale order:
    /// not met 0 and met 1 on a binary scale, the level's position on an
    /// ordinal one (by id or by value alike); `None` on a numeric scale and
    /// for anything the scale does not rate so.
    pub(crate) fn rating_position(&self, rating: &RatingValue) -> Option<usize> {
        match (self, rating) {
            (Scale::Binary { .. }, RatingValue::NotMet) => Some(0),
            (Scale::Binary { .. }, RatingValue::Met) => Some(1),
            (Scale::Ordinal { .. }, RatingValue::Level(level)) => self.level_position(level),
            _ => None,
        }
    }

    /// Whether `a` and `b` are the same rating on this scale: the same level
    /// of an ordinal scale, whether each names it by value or by id;
    /// otherwise equal values (`==`).
    ///
    /// # Examples
    ///
    /// ```
    /// use assessment_model::{Id, Level, RatingValue, Scale};
    ///
    /// let grid = Scale::ordinal([
    ///     Level::new(Id::new("no")?, 0, "no"),
    ///     Level::new(Id::new("partly")?, 1, "partly"),
    /// ]);
    /// let by_id = RatingValue::Level(Id::new("partly")?.into());
    /// assert!(grid.same_rating(&by_id, &RatingValue::Level(1.into())));
    /// assert!(!grid.same_rating(&by_id, &RatingValue::Level(0.into())));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn same_rating(&self, a: &RatingValue, b: &RatingValue) -> bool {
        match (a, b) {
            (RatingValue::Level(x), RatingValue::Level(y)) => {
                match (self.level(x), self.level(y)) {
                    // Level values are unique within a valid scale.
                    (Some(l), Some(m)) => l.value == m.value,
                    _ => x == y,
                }
            }
            _ => a == b,
        }
    }

    /// What a rating on this scale may be, for
    /// [`crate::IssueKind::RatingOffScale`]: e.g. "an ordinal scale admits
    /// the levels no = 0, partly = 1, by id or by value, or not_applicable".
    pub(crate) fn admits(&self) -> String {
        match self {
            Scale::Binary { .. } => "a binary scale admits met, not_met or not_applicable".into(),
            Scale::Ordinal { levels, .. } => {
                let levels: Vec<String> = levels
                    .iter()
                    .map(|l| format!("{} = {}", l.id, l.value))
                    .collect();
                format!(
                    "an ordinal scale admits the levels {}, by id or by value, or not_applicable",
                    levels.join(", ")
                )
            }
            Scale::Numeric { min, max, .. } => {
                format!("a numeric scale admits a number in [{min}, {max}] or not_applicable")
            }
        }
    }

    /// The rating and what the scale admits, as
    /// [`crate::IssueKind::RatingOffScale`] gives them for `value`, a
    /// rating this scale refused. A level named by a string that reads as
    /// an integer (`{"level": "2"}`) is a level id, not a value: the text
    /// says so and lists the ids and the values, so that "level 2 is not
    /// on the scale" does not sit beside a level whose value is 2.
    pub(crate) fn refused(&self, value: &RatingValue) -> (String, String) {
        let (RatingValue::Level(LevelRef::Id(id)), Scale::Ordinal { levels, .. }) = (value, self)
        else {
            return (value.to_string(), self.admits());
        };
        let Ok(number) = id.as_str().parse::<i32>() else {
            return (value.to_string(), self.admits());
        };
        let ids: Vec<&str> = levels.iter().map(|l| l.id.as_str()).collect();
        let values: Vec<String> = levels.iter().map(|l| l.value.to_string()).collect();
        let rating = format!("level \"{id}\" (a string, so a level id, not a value)");
        let mut expected = format!(
            "its level ids are {} and their values {}",
            ids.join(", "),
            values.join(", ")
        );
        if levels.iter().any(|l| l.value == number) {
            expected.push_str(&format!(
                "; the value {number} is written as a number: {{\"level\": {number}}}"
            ));
        }
        (rating, expected)
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
    /// the highest level (by value), or the better end of the range.
    ///
    /// # Examples
    ///
    /// ```
    /// use assessment_model::{RatingValue, Scale};
    ///
    /// let tick = Scale::binary();
    /// assert_eq!(tick.best(), Some(RatingValue::Met));
    /// ```
    pub fn best(&self) -> Option<RatingValue> {
        match self {
            Scale::Binary { .. } => Some(RatingValue::Met),
            Scale::Ordinal { .. } => self
                .level_bounds()
                .map(|(_, hi)| RatingValue::Level(LevelRef::Value(hi))),
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

    /// The scale's texts: title, description and (ordinal) levels, for a
    /// localization to read and replace.
    pub(crate) fn texts(&self) -> (Option<&str>, Option<&str>, &[Level]) {
        match self {
            Scale::Binary { title, description }
            | Scale::Numeric {
                title, description, ..
            } => (title.as_deref(), description.as_deref(), &[]),
            Scale::Ordinal {
                title,
                description,
                levels,
            } => (title.as_deref(), description.as_deref(), levels),
        }
    }

    /// [`Scale::texts`], to replace them.
    pub(crate) fn texts_mut(&mut self) -> (&mut Option<String>, &mut Option<String>, &mut [Level]) {
        match self {
            Scale::Binary { title, description }
            | Scale::Numeric {
                title, description, ..
            } => (title, description, &mut []),
            Scale::Ordinal {
                title,
                description,
                levels,
            } => (title, description, levels),
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
            RatingValue::Level(r) => write!(f, "level {r}"),
            RatingValue::Number(x) => write!(f, "{x}"),
            RatingValue::NotApplicable => f.write_str("not applicable"),
        }
    }
}
