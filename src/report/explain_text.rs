//! An [`Explanation`] as one line of text ([SPEC](crate::spec) §3.14):
//! its `Display`, and the same line with the title in another language
//! ([`Explanation::display_in`], [`LocalizedExplanation`]). Scores and
//! contributions have three decimals, weights as few as they need;
//! children are named by id.

use std::fmt;

use super::explain::{Explanation, Included, LeftOut};
use crate::core::interpret::NoScore;
use crate::localization::TextKey;
use crate::localization::localized::Localized;
use crate::model::rules::Aggregation;

impl fmt::Display for Explanation {
    /// One line: the title, the score and how it came about, then the
    /// children left out. For example:
    ///
    /// ```text
    /// Sustainability 0.667 = weighted mean of q9 1.000 (w 1) and q10 0.333 (w 1)
    /// Total 0.500 = geometric mean of a 0.250 (w 1) and b 1.000 (w 1): 0.500 × 1.000
    /// Group g 0.250 = minimum of a 0.250 and b 1.000, set by a; left out: c (unscored)
    /// Leaf a 0.500 = rating level 2
    /// Leaf d 0.000 = not rated, counted as 0
    /// Group h no score: insufficient coverage (0.333, below min_coverage 0.500)
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write_line(f, &self.title)
    }
}

impl Explanation {
    /// This explanation's line ([`Explanation`]'s `Display`) with the title
    /// in the language of `texts`, by its fallback order ([SPEC](crate::spec)
    /// §7.6), as [`Report::display_in`](crate::Report::display_in) shows
    /// titles: a title that fell back is followed by its language in
    /// brackets (`Needs assessment [en]`). Ids, numbers and the words of
    /// the rule are as in the `Display`.
    ///
    /// # Examples
    ///
    /// ```
    /// use assessment_model::{Localization, Scorer};
    /// use assessment_model::localization::{Localized, TitledText};
    /// use assessment_model::model::LanguageTag;
    /// use assessment_model::catalog::good_practice;
    ///
    /// let framework = good_practice::criteria();
    /// let report = Scorer::new(&framework)?.score(&good_practice::worked_example())?;
    /// // A localization written for this example: one title in German.
    /// let mut de = Localization::new("gp-de".parse()?, framework.compatible_ref(), "de".parse()?);
    /// de.criteria.insert("q9".parse()?, TitledText::title("Nachhaltigkeit"));
    /// let texts = Localized::new(&framework, &[&de], &LanguageTag::new("de")?)?;
    /// let why = report.explain("q9").ok_or("no q9")?;
    /// let line = why.display_in(&texts).to_string();
    /// assert!(line.starts_with("Nachhaltigkeit "));
    /// assert_eq!(line.strip_prefix("Nachhaltigkeit"), why.to_string().strip_prefix(&why.title));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn display_in<'e, 'l>(&'e self, texts: &'e Localized<'l>) -> LocalizedExplanation<'e, 'l> {
        LocalizedExplanation {
            explanation: self,
            texts,
        }
    }

    /// The line, with `title` for the node's title.
    fn write_line(&self, f: &mut fmt::Formatter<'_>, title: &str) -> fmt::Result {
        match (self.score, self.method) {
            (Some(score), Some(method)) => {
                write!(f, "{title} {score:.3} = ")?;
                self.write_aggregate(f, method)?;
            }
            (Some(score), None) => {
                write!(f, "{title} {score:.3} = ")?;
                match &self.rating {
                    _ if self.missing_as_zero => f.write_str("not rated, counted as 0")?,
                    Some(rating) => write!(f, "rating {rating}")?,
                    None => f.write_str("no rating")?,
                }
            }
            (None, _) => {
                let why = self.no_score.map_or("no score", NoScore::describe);
                write!(f, "{title} no score: {why}")?;
                if let (Some(coverage), Some(min)) = (self.coverage, self.min_coverage) {
                    write!(f, " ({coverage:.3}, below min_coverage {min:.3})")?;
                }
            }
        }
        write_left_out(f, &self.left_out)
    }

    /// `weighted mean of a 1.000 (w 1) and b 0.000 (w 1)` and what follows
    /// it for `method`: the factors of a geometric mean, the child that
    /// set a minimum, the child that made a score 0.
    fn write_aggregate(&self, f: &mut fmt::Formatter<'_>, method: Aggregation) -> fmt::Result {
        let (phrase, weighted) = match method {
            Aggregation::WeightedMean => ("weighted mean of", true),
            Aggregation::Flat => ("weighted mean of the leaves", true),
            Aggregation::FlatUnweighted => ("mean of the leaves", false),
            Aggregation::GeometricMean => ("geometric mean of", true),
            Aggregation::HarmonicMean => ("harmonic mean of", true),
            Aggregation::Minimum => ("minimum of", false),
            Aggregation::All => ("all or nothing of", false),
        };
        write!(f, "{phrase} ")?;
        let items: Vec<String> = self
            .included
            .iter()
            .map(|c| included_item(c, weighted))
            .collect();
        write_list(f, &items)?;
        if method == Aggregation::GeometricMean {
            let factors: Vec<String> = self
                .included
                .iter()
                .filter_map(|c| c.contribution.map(|x| format!("{x:.3}")))
                .collect();
            write!(f, ": {}", factors.join(" × "))?;
        }
        match (method, &self.decided_by) {
            (Aggregation::Minimum, Some(id)) => write!(f, ", set by {id}"),
            (Aggregation::All, Some(id)) => write!(f, ", {id} below 1"),
            (_, Some(id)) => write!(f, ", 0 as {id} is 0"),
            (_, None) => Ok(()),
        }
    }
}

/// `q9 1.000 (w 1)`, or `q9 1.000` where weights do not matter; a missing
/// leaf counted as 0 says so in the brackets.
fn included_item(c: &Included, weighted: bool) -> String {
    let mut notes = Vec::new();
    if weighted {
        notes.push(format!("w {}", c.weight));
    }
    if c.missing_as_zero {
        notes.push("not rated, counted as 0".to_owned());
    }
    let notes = if notes.is_empty() {
        String::new()
    } else {
        format!(" ({})", notes.join(", "))
    };
    format!("{} {:.3}{notes}", c.criterion, c.score)
}

/// `; left out: c (not applicable), d (unscored)`, or nothing.
fn write_left_out(f: &mut fmt::Formatter<'_>, left_out: &[LeftOut]) -> fmt::Result {
    if left_out.is_empty() {
        return Ok(());
    }
    let items: Vec<String> = left_out
        .iter()
        .map(|c| format!("{} ({})", c.criterion, c.reason.describe()))
        .collect();
    write!(f, "; left out: {}", items.join(", "))
}

/// `a`, `a and b`, `a, b and c`; `nothing` for none.
fn write_list(f: &mut fmt::Formatter<'_>, items: &[String]) -> fmt::Result {
    match items.split_last() {
        None => f.write_str("nothing"),
        Some((last, [])) => f.write_str(last),
        Some((last, rest)) => write!(f, "{} and {last}", rest.join(", ")),
    }
}

/// An [`Explanation`]'s line with its title in another language
/// ([`Explanation::display_in`]).
#[derive(Clone, Copy)]
pub struct LocalizedExplanation<'e, 'l> {
    explanation: &'e Explanation,
    texts: &'e Localized<'l>,
}

impl fmt::Display for LocalizedExplanation<'_, '_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let e = self.explanation;
        let key = match &e.criterion {
            Some(id) => TextKey::CriterionTitle(id.as_str()),
            None => TextKey::Title,
        };
        let (title, marker) = self.texts.text_and_marker(key, &e.title);
        e.write_line(f, &(title + &marker))
    }
}
