//! [`IsoDate`]: a calendar date written as ISO 8601 `YYYY-MM-DD`, checked
//! for form and for calendar validity. No clock is read: a date is only
//! ever what a document says.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// A calendar date in the ISO 8601 extended form `YYYY-MM-DD` (proleptic
/// Gregorian calendar, years 0000 to 9999).
///
/// Parsing checks the form (four-digit year, two-digit month and day, `-`
/// separators, nothing else) and the calendar (month 1 to 12, day within
/// the month, 29 February only in leap years). Deserialising goes through
/// the same check, so a malformed date in a file is an error at parse time.
/// Dates order chronologically; [`Display`](fmt::Display) gives back the
/// `YYYY-MM-DD` form.
///
/// # Examples
///
/// ```
/// use assessment_model::model::IsoDate;
///
/// let start: IsoDate = "2011-10-12".parse()?;
/// let end: IsoDate = "2011-10-14".parse()?;
/// assert!(start < end);
/// assert_eq!(end.to_string(), "2011-10-14");
/// assert!("2011-02-29".parse::<IsoDate>().is_err());
/// assert!("12/10/2011".parse::<IsoDate>().is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct IsoDate {
    // Field order gives chronological `Ord`.
    year: u16,
    month: u8,
    day: u8,
}

impl IsoDate {
    /// The date `year-month-day`.
    ///
    /// # Errors
    ///
    /// [`DateError`] when the year is above 9999, the month is not 1 to 12
    /// or the day is not in the month.
    ///
    /// # Examples
    ///
    /// ```
    /// use assessment_model::model::{DateError, IsoDate};
    ///
    /// assert_eq!(IsoDate::new(2012, 2, 29)?.to_string(), "2012-02-29");
    /// assert_eq!(IsoDate::new(2011, 2, 29), Err(DateError::NoSuchDay { year: 2011, month: 2, day: 29 }));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(year: u16, month: u8, day: u8) -> Result<IsoDate, DateError> {
        if year > 9999 {
            return Err(DateError::YearOutOfRange { year });
        }
        if !(1..=12).contains(&month) {
            return Err(DateError::NoSuchMonth { month });
        }
        if day == 0 || day > days_in_month(year, month) {
            return Err(DateError::NoSuchDay { year, month, day });
        }
        Ok(IsoDate { year, month, day })
    }

    /// The year.
    pub fn year(&self) -> u16 {
        self.year
    }

    /// The month, 1 to 12.
    pub fn month(&self) -> u8 {
        self.month
    }

    /// The day of the month, from 1.
    pub fn day(&self) -> u8 {
        self.day
    }
}

fn is_leap(year: u16) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Why a string is not an [`IsoDate`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DateError {
    /// The text is not of the form `YYYY-MM-DD` (digits and hyphens only).
    #[error("{text:?} is not a date of the form YYYY-MM-DD")]
    Form {
        /// The text given.
        text: String,
    },
    /// The year is above 9999.
    #[error("year {year} is above 9999")]
    YearOutOfRange {
        /// The year.
        year: u16,
    },
    /// The month is not 1 to 12.
    #[error("there is no month {month}")]
    NoSuchMonth {
        /// The month.
        month: u8,
    },
    /// The day is not in the month (e.g. 31 April, 29 February 2011).
    #[error("{year:04}-{month:02} has no day {day}")]
    NoSuchDay {
        /// The year.
        year: u16,
        /// The month.
        month: u8,
        /// The day.
        day: u8,
    },
}

fn digits(bytes: &[u8]) -> Option<u16> {
    bytes.iter().try_fold(0u16, |acc, b| {
        b.is_ascii_digit().then(|| {
            acc.saturating_mul(10)
                .saturating_add(u16::from(b.saturating_sub(b'0')))
        })
    })
}

impl FromStr for IsoDate {
    type Err = DateError;

    fn from_str(s: &str) -> Result<IsoDate, DateError> {
        let form = || DateError::Form {
            text: s.to_string(),
        };
        let b = s.as_bytes();
        if b.len() != 10 || b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
            return Err(form());
        }
        let year = b.get(0..4).and_then(digits).ok_or_else(form)?;
        let month = b.get(5..7).and_then(digits).ok_or_else(form)?;
        let day = b.get(8..10).and_then(digits).ok_or_else(form)?;
        // Two digits are at most 99, so the narrowing cannot fail.
        let month = u8::try_from(month).map_err(|_| form())?;
        let day = u8::try_from(day).map_err(|_| form())?;
        IsoDate::new(year, month, day)
    }
}

impl TryFrom<String> for IsoDate {
    type Error = DateError;

    fn try_from(s: String) -> Result<IsoDate, DateError> {
        s.parse()
    }
}

impl From<IsoDate> for String {
    fn from(date: IsoDate) -> String {
        date.to_string()
    }
}

impl fmt::Display for IsoDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// The dates [`IsoDate`]'s `FromStr` accepts, as a regular expression: a
/// month of 31, 30 or 28 days, or 29 February of a leap year (divisible by
/// 4 and not by 100, or by 400; `0000` is one).
#[cfg(feature = "schema")]
const DATE_PATTERN: &str = concat!(
    "^(?:[0-9]{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])",
    "|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)",
    "|02-(?:0[1-9]|1[0-9]|2[0-8]))",
    "|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-02-29)$"
);

#[cfg(feature = "schema")]
impl schemars::JsonSchema for IsoDate {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "IsoDate".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A calendar date, ISO 8601 `YYYY-MM-DD`, that exists (the pattern checks the calendar, leap years included, for validators that do not assert `format`).",
            "type": "string",
            "format": "date",
            "pattern": DATE_PATTERN
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> Result<IsoDate, DateError> {
        s.parse()
    }

    #[test]
    fn accepts_calendar_dates() {
        for s in [
            "2011-10-12",
            "2000-02-29",
            "2012-02-29",
            "0000-01-01",
            "9999-12-31",
            "2011-04-30",
        ] {
            assert_eq!(parse(s).map(|d| d.to_string()), Ok(s.to_string()));
        }
    }

    #[test]
    fn rejects_bad_form() {
        for s in [
            "",
            "2011-1-12",
            "2011/10/12",
            "11-10-2012",
            "2011-10-12T00:00",
            "+011-10-12",
            "2011-1a-12",
            " 2011-10-1",
        ] {
            assert_eq!(
                parse(s),
                Err(DateError::Form {
                    text: s.to_string()
                }),
                "{s}"
            );
        }
    }

    #[test]
    fn rejects_days_not_in_the_calendar() {
        assert_eq!(
            parse("2011-13-01"),
            Err(DateError::NoSuchMonth { month: 13 })
        );
        assert_eq!(
            parse("2011-00-01"),
            Err(DateError::NoSuchMonth { month: 0 })
        );
        assert_eq!(
            parse("2011-02-29"),
            Err(DateError::NoSuchDay {
                year: 2011,
                month: 2,
                day: 29
            })
        );
        assert_eq!(
            parse("1900-02-29"),
            Err(DateError::NoSuchDay {
                year: 1900,
                month: 2,
                day: 29
            })
        );
        assert_eq!(
            parse("2011-04-31"),
            Err(DateError::NoSuchDay {
                year: 2011,
                month: 4,
                day: 31
            })
        );
        assert_eq!(
            parse("2011-04-00"),
            Err(DateError::NoSuchDay {
                year: 2011,
                month: 4,
                day: 0
            })
        );
    }

    #[test]
    fn orders_chronologically_and_round_trips_serde() {
        let a = parse("2011-09-30").ok();
        let b = parse("2011-10-01").ok();
        assert!(a.is_some() && a < b);
        let json = serde_json::to_string(&b).unwrap_or_default();
        assert_eq!(json, "\"2011-10-01\"");
        let back: Result<IsoDate, _> = serde_json::from_str(&json);
        assert_eq!(back.ok(), b);
        assert!(serde_json::from_str::<IsoDate>("\"2011-02-30\"").is_err());
    }
}
