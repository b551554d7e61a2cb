//! Explanations ([SPEC](crate::spec) §3.14): why a node of a [`Report`]
//! has the score it has. An [`Explanation`] names the rule that produced
//! the score (a leaf's rating, or its group's aggregation of §5.5), each
//! child the aggregate included ([`Included`]) with its weight, score and
//! contribution, each child left out and why ([`LeftOut`], [`Exclusion`]),
//! and the result: the node's score exactly as the report gives it.
//!
//! An explanation is read off the report's own numbers (each child's score
//! or reason for none) and the compiled framework (weights, `scored` flags,
//! the aggregation); it never scores anything again. Which children count
//! follows §5.4 and §5.5 as the interpreter applies them, and the only
//! formula here is the contribution ([`contributions`]), the explanation's
//! reading of rule 5.
//!
//! The same explanation is also one line of text: its `Display`, and
//! [`Explanation::display_in`] ([`LocalizedExplanation`]) with the titles
//! in another language (the second half of this file).

use std::fmt;

use serde::{Deserialize, Serialize};

use super::Report;
use super::views::Outcome;
use crate::core::compile::Compiled;
use crate::core::interpret::NoScore;
use crate::localization::TextKey;
use crate::localization::localized::Localized;
use crate::model::id::Id;
use crate::model::rules::Aggregation;
use crate::model::scale::RatingValue;

/// Why one node of a [`Report`] has its score: made by [`Report::explain`]
/// (a criterion) and [`Report::explain_total`] (SPEC §3.14). Plain data:
/// it serialises with the fields SPEC §3.14 lists, and its
/// `Display` is one line of text, e.g. `Sustainability 0.667 = weighted
/// mean of q9 1.000 (w 1) and q10 0.333 (w 1)`; [`Explanation::display_in`]
/// gives that line with the title in another language.
///
/// - A **group** (or the total) names its `method` and lists its children:
///   those the aggregate included, with the weight it used, their score
///   and their contribution (see [`Included::contribution`]), then those
///   left out, with the reason. Under `flat` and `flat_unweighted` the
///   children are the leaves below (and the groups whose leaves are
///   withheld, as left out), not the group's own children.
/// - A **leaf** names its `rating`, or says that it is missing and counted
///   as 0 (`missing_as_zero`, under the missing policy `zero`).
/// - `score` is the node's score as the report gives it, bit for bit;
///   without one, `no_score` says why, and a node cut out by `min_coverage`
///   also gives the threshold beside its `coverage`.
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
///         { "id": "b", "title": "Second", "scale": "tick", "weight": 3.0 },
///         { "id": "c", "title": "Third", "scale": "tick" }
///     ]
/// }"#)?;
/// let scorer = Scorer::new(&framework)?;
/// let mut assessment = Assessment::new(framework.exact_ref(), Subject::new("P"));
/// assessment.rate("a", RatingValue::NotMet)?;
/// assessment.rate("b", RatingValue::Met)?;
/// let report = scorer.score(&assessment)?;
/// let why = report.explain_total();
/// assert_eq!(why.score, report.total().score());
/// assert_eq!(why.included[1].contribution, Some(0.75));
/// assert_eq!(
///     why.to_string(),
///     "Tiny 0.750 = weighted mean of a 0.000 (w 1) and b 1.000 (w 3); left out: c (not rated)"
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Explanation {
    /// The criterion explained; left out for the total.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub criterion: Option<Id>,
    /// Its title (the framework's title for the total).
    pub title: String,
    /// For a group or the total: the aggregation that combines its
    /// children (§5.5). Left out for a leaf.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method: Option<Aggregation>,
    /// For a leaf: the rating given (§5.1), when it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rating: Option<RatingValue>,
    /// For a leaf: true when it is missing and counted as 0 under the
    /// missing policy `zero` (§5.3); left out when false.
    #[serde(
        default,
        skip_serializing_if = "crate::model::form::defaults::is_false"
    )]
    pub missing_as_zero: bool,
    /// The children the aggregate included, in definition order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub included: Vec<Included>,
    /// The children left out of the aggregate, in definition order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub left_out: Vec<LeftOut>,
    /// The included child that decided the score, when one did: under
    /// `minimum` the (first) least child, under `all` the first child
    /// below 1, under `geometric_mean` and `harmonic_mean` the first child
    /// at 0 (which makes the score 0).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decided_by: Option<Id>,
    /// The result: the node's score as the report gives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<f64>,
    /// Why there is no score, when there is none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub no_score: Option<NoScore>,
    /// The node's coverage (§5.6); left out when no leaf below is
    /// applicable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coverage: Option<f64>,
    /// The framework's `min_coverage`, when it cut the node out
    /// (`no_score: insufficient_coverage`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_coverage: Option<f64>,
}

/// A child that an aggregate included (§5.5), in an [`Explanation`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Included {
    /// The child (a leaf, under `flat` and `flat_unweighted`).
    pub criterion: Id,
    /// The weight the aggregate gave it: its own, or 1 under
    /// `flat_unweighted`.
    pub weight: f64,
    /// Its score.
    pub score: f64,
    /// What it adds to the result, with `p = weight / Σ weight` over the
    /// included children: `p·score` under `weighted_mean`, `flat` and
    /// `flat_unweighted` (the contributions add up to the score);
    /// `score^p` under `geometric_mean` (its factor: the factors multiply
    /// to the score); `p / score` under `harmonic_mean` (its share of the
    /// reciprocal: the score is 1 over their sum), left out for a child at
    /// 0 (or so near 0 that the share is not a finite number). Left out
    /// under `minimum` and `all` (see [`Explanation::decided_by`]), and
    /// when the node has no score.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contribution: Option<f64>,
    /// True for a missing leaf counted as 0 under the missing policy
    /// `zero` (§5.3); left out when false.
    #[serde(
        default,
        skip_serializing_if = "crate::model::form::defaults::is_false"
    )]
    pub missing_as_zero: bool,
}

/// A child left out of an aggregate, in an [`Explanation`], and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct LeftOut {
    /// The child (a leaf or a group; under `flat` and `flat_unweighted`,
    /// a descendant).
    pub criterion: Id,
    /// Why it does not count.
    pub reason: Exclusion,
    /// Its own score, when it has one (an unscored child or one of weight
    /// 0 is reported with its score, but does not count).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<f64>,
}

/// Why a child does not count in its parent's aggregate (§5.2 to §5.6).
/// The first that applies, in this order, is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Exclusion {
    /// Not applicable: left out as if absent (§5.2).
    NotApplicable,
    /// `scored: false` (§5.4).
    Unscored,
    /// A weight of 0 (§5.5).
    ZeroWeight,
    /// A leaf without a rating under the missing policy `exclude` (§5.3).
    Missing,
    /// A group whose coverage is below `min_coverage` (§5.6).
    InsufficientCoverage,
    /// A group none of whose children counts (§5.4).
    NothingToAggregate,
    /// The assessment rates no applicable leaf (§5.12).
    Qualitative,
}

impl Exclusion {
    /// A short human phrase for the reason, as the one-line text shows it.
    ///
    /// # Examples
    ///
    /// ```
    /// use assessment_model::report::Exclusion;
    ///
    /// assert_eq!(Exclusion::ZeroWeight.describe(), "weight 0");
    /// ```
    pub fn describe(self) -> &'static str {
        match self {
            Exclusion::NotApplicable => "not applicable",
            Exclusion::Unscored => "unscored",
            Exclusion::ZeroWeight => "weight 0",
            Exclusion::Missing => "not rated",
            Exclusion::InsufficientCoverage => "insufficient coverage",
            Exclusion::NothingToAggregate => "nothing to aggregate",
            Exclusion::Qualitative => "qualitative assessment",
        }
    }

    /// The reason a child without a score is left out: the reason it has
    /// none.
    fn of(no_score: NoScore) -> Exclusion {
        match no_score {
            NoScore::NotApplicable => Exclusion::NotApplicable,
            NoScore::Missing => Exclusion::Missing,
            NoScore::InsufficientCoverage => Exclusion::InsufficientCoverage,
            NoScore::NothingToAggregate => Exclusion::NothingToAggregate,
            NoScore::Qualitative => Exclusion::Qualitative,
        }
    }
}

impl Report {
    /// Why criterion `id` (a `&str` or an `&Id`) has its score: see
    /// [`Explanation`]. `None` when the framework has no such criterion,
    /// as for [`Report::node`].
    ///
    /// # Examples
    ///
    /// ```
    /// use assessment_model::catalog::good_practice;
    /// use assessment_model::Scorer;
    ///
    /// let scorer = Scorer::new(&good_practice::criteria())?;
    /// let report = scorer.score(&good_practice::worked_example())?;
    /// let why = report.explain("q9").ok_or("no q9")?;
    /// assert_eq!(why.score, report.node("q9").and_then(|n| n.score()));
    /// let sum: f64 = why.included.iter().filter_map(|c| c.contribution).sum();
    /// assert!((sum - why.score.ok_or("no score")?).abs() < 1e-12);
    /// assert!(report.explain("no-such-criterion").is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn explain(&self, id: impl AsRef<str>) -> Option<Explanation> {
        let i = self.compiled.node_of(id.as_ref())?;
        Some(self.explain_at(i as usize))
    }

    /// Why the total has its score: the aggregate of the top-level criteria
    /// with the framework's aggregation (see [`Explanation`]).
    ///
    /// # Examples
    ///
    /// ```
    /// use assessment_model::catalog::good_practice;
    /// use assessment_model::Scorer;
    ///
    /// let scorer = Scorer::new(&good_practice::criteria())?;
    /// let report = scorer.score(&good_practice::worked_example())?;
    /// let why = report.explain_total();
    /// assert_eq!(why.criterion, None);
    /// assert_eq!(why.score, report.total().score());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn explain_total(&self) -> Explanation {
        self.explain_at(0)
    }

    /// The explanation of node `i` (0 is the total).
    fn explain_at(&self, i: usize) -> Explanation {
        let c = &self.compiled;
        let outcome = Outcome::of(self, i);
        let node = c.nodes.get(i);
        let leaf = node.is_some_and(|n| n.leaf.is_some());
        let method = node.map(|n| n.aggregation).filter(|_| !leaf);
        let (score, no_score) = (outcome.score(), outcome.no_score());
        let mut explanation = Explanation {
            criterion: c.id(i).cloned(),
            title: c.title(i).to_owned(),
            method,
            rating: self.rating_at(i).cloned(),
            missing_as_zero: leaf && score.is_some() && outcome.counts().missing > 0,
            included: Vec::new(),
            left_out: Vec::new(),
            decided_by: None,
            score,
            no_score,
            coverage: outcome.coverage(),
            min_coverage: c
                .framework
                .rules
                .min_coverage
                .filter(|_| no_score == Some(NoScore::InsufficientCoverage)),
        };
        if let Some(method) = method {
            let flat = method.is_flat();
            let unweighted = method == Aggregation::FlatUnweighted;
            for child in children(c, i) {
                self.sort_child(child, flat, unweighted, &mut explanation);
            }
            if score.is_some() {
                contributions(method, &mut explanation.included);
                explanation.decided_by = decided_by(method, &explanation.included);
            }
        }
        explanation
    }

    /// Puts child `j` among the included or the left out of `into` (§5.4,
    /// §5.5): not applicable, unscored, weight 0 or without a score is
    /// left out, in that order; anything else counts. Under a flat method
    /// (`flat`), a group that passes its leaves up (scored, applicable,
    /// not cut out by `min_coverage`, with a score or merely with nothing
    /// to aggregate) is replaced by its children, whatever its weight;
    /// under `flat_unweighted` (`unweighted`) a leaf counts with weight 1.
    fn sort_child(&self, j: usize, flat: bool, unweighted: bool, into: &mut Explanation) {
        let c = &self.compiled;
        let Some(node) = c.nodes.get(j) else { return };
        let outcome = Outcome::of(self, j);
        let (score, no_score) = (outcome.score(), outcome.no_score());
        let is_group = node.leaf.is_none();
        // A weight above 0, or a group's weight, which a flat method ignores.
        let weight_passes = node.weight > 0.0 || (flat && is_group);
        let reason = match no_score {
            Some(NoScore::NotApplicable) => Some(Exclusion::NotApplicable),
            _ if !node.scored => Some(Exclusion::Unscored),
            Some(NoScore::NothingToAggregate) | None if flat && is_group => {
                for child in children(c, j) {
                    self.sort_child(child, flat, unweighted, into);
                }
                return;
            }
            _ if !weight_passes => Some(Exclusion::ZeroWeight),
            Some(why) => Some(Exclusion::of(why)),
            None => None,
        };
        let criterion = c.id(j).cloned().unwrap_or_else(|| c.framework.id.clone());
        match (reason, score) {
            (None, Some(score)) => into.included.push(Included {
                criterion,
                weight: if unweighted { 1.0 } else { node.weight },
                score,
                contribution: None,
                missing_as_zero: !is_group && outcome.counts().missing > 0,
            }),
            (reason, score) => into.left_out.push(LeftOut {
                criterion,
                reason: reason.unwrap_or(Exclusion::NothingToAggregate),
                score,
            }),
        }
    }
}

/// The children of node `i` in definition order: in pre-order, each
/// child's subtree ends where the next child begins.
fn children(c: &Compiled, i: usize) -> impl Iterator<Item = usize> + '_ {
    let end = c.after.get(i).map_or(0, |&e| e as usize);
    let mut next = i.saturating_add(1);
    std::iter::from_fn(move || {
        let here = next;
        (here < end).then(|| {
            next = c.after.get(here).map_or(end, |&e| e as usize);
            here
        })
    })
}

/// Sets each included child's contribution under `method`: the
/// explanation's reading of rule 5 (§5.5), with `p = weight / Σ weight`:
/// `p·s` for the arithmetic means (`weighted_mean`, `flat`,
/// `flat_unweighted`), whose contributions add up to the score; the factor
/// `s^p` for `geometric_mean`, whose factors multiply to the score; `p/s`
/// for `harmonic_mean` (none where it is not finite, as at `s = 0`), the
/// score being 1 over their sum. `minimum` and `all` combine no shares: none.
fn contributions(method: Aggregation, included: &mut [Included]) {
    let total: f64 = included.iter().map(|c| c.weight).sum();
    let shares = total > 0.0;
    if !shares {
        return;
    }
    for child in included {
        let p = child.weight / total;
        let s = child.score;
        child.contribution = match method {
            Aggregation::WeightedMean | Aggregation::Flat | Aggregation::FlatUnweighted => {
                Some(p * s)
            }
            Aggregation::GeometricMean => Some(s.powf(p)),
            Aggregation::HarmonicMean => Some(p / s).filter(|x| x.is_finite()),
            Aggregation::Minimum | Aggregation::All => None,
        };
    }
}

/// The included child that decided a score under `method` (see
/// [`Explanation::decided_by`]).
fn decided_by(method: Aggregation, included: &[Included]) -> Option<Id> {
    let first = |pred: &dyn Fn(f64) -> bool| {
        included
            .iter()
            .find(|c| pred(c.score))
            .map(|c| c.criterion.clone())
    };
    match method {
        Aggregation::Minimum => {
            let least = included
                .iter()
                .map(|c| c.score)
                .fold(f64::INFINITY, f64::min);
            first(&|s| s <= least)
        }
        Aggregation::All => first(&|s| s < 1.0),
        Aggregation::GeometricMean | Aggregation::HarmonicMean => first(&|s| s <= 0.0),
        Aggregation::WeightedMean | Aggregation::Flat | Aggregation::FlatUnweighted => None,
    }
}

// An [`Explanation`] as one line of text ([SPEC](crate::spec) §3.14):
// its `Display`, and the same line with the title in another language
// ([`Explanation::display_in`], [`LocalizedExplanation`]). Scores and
// contributions have three decimals, weights as few as they need;
// children are named by id.

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
