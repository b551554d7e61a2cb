//! [`PeerReview::consolidate`]: one assessment from several peers' ratings.

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

use super::agreement::{self, Agreement, LeafAgreement, ScaleAgreement};
use crate::model::assessment::{Assessment, DeclaredFinding, Evidence, EvidenceKind, Rating};
use crate::model::framework::Framework;
use crate::model::id::Id;
use crate::model::issue::{Issue, IssueKind, ValidationError, pointer};
use crate::model::scale::{RatingValue, Scale};
use crate::review::PeerReview;

/// How the peers' ratings of one leaf become the consolidated rating.
///
/// Rules common to every method, per leaf (in the framework's definition
/// order):
///
/// - A peer who left the leaf unrated takes no part: the others decide.
/// - When no peer rated the leaf, the consolidated leaf is unrated.
/// - When every peer who rated it said not applicable, it is not
///   applicable. When some gave a score and others said not applicable,
///   the not-applicable ratings are set aside (someone judged that the
///   leaf applies) and the method combines the scores; under
///   [`Consolidation::Consensus`] the mix is a disagreement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Consolidation {
    /// The median rating. On binary and ordinal scales the *lower* median
    /// (with `n` ratings sorted by score, the one at position
    /// `⌊(n − 1) / 2⌋` from 0), so the result is always a level of the
    /// scale and, with an even number of peers, the more cautious of the
    /// two middle ratings. On numeric scales the usual median: the middle
    /// value, or the mean of the two middle values, which lies in the range
    /// as well.
    Median,
    /// The arithmetic mean of the numbers; numeric scales only (a mean of
    /// levels is not a level), so any other scale is an error naming the
    /// leaf (`not-numeric`, in [`ReviewError::Invalid`]).
    Mean,
    /// The most cautious rating: the lowest normalised score (on a numeric
    /// scale where lower is better, the highest number). Among equal
    /// ratings the first peer's is taken.
    Minimum,
    /// Agreement required: the rating all rating peers gave. Where they
    /// differ (including scores mixed with not applicable) the leaf is left
    /// unrated and listed in [`Consolidated::disagreements`]. A level
    /// named by id and the same level named by value agree
    /// ([`crate::Scale::same_rating`]); the first peer's form is kept.
    Consensus,
}

/// The result of [`PeerReview::consolidate`]: one assessment, the
/// disagreements left open, and how far the peers agree.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Consolidated {
    /// The method used.
    pub method: Consolidation,
    /// The consolidated assessment: the review's framework reference and
    /// subject, the peers as assessors, one rating per leaf that got one,
    /// and every peer's evidence, notes, narratives and findings,
    /// attributed (see [`PeerReview::consolidate`]).
    pub assessment: Assessment,
    /// Leaves the peers disagree on under [`Consolidation::Consensus`],
    /// left unrated; empty for the other methods.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub disagreements: Vec<Disagreement>,
    /// How far the peers agree.
    pub agreement: Agreement,
}

/// A leaf the peers disagree on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Disagreement {
    /// The leaf's id.
    pub leaf: Id,
    /// Each rating peer's rating, by peer key, in the review's order.
    #[serde(deserialize_with = "crate::model::form::unique_keys::unique_keys")]
    pub ratings: IndexMap<Id, RatingValue>,
}

/// Why a review could not be consolidated. The two variants are two
/// documents at fault, so their paths point into different documents.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum ReviewError {
    /// The framework is not valid (paths into the framework).
    #[error("the framework is not valid: {0}")]
    InvalidFramework(ValidationError),
    /// The review cannot be consolidated (paths into the review): it does
    /// not fit the framework (see [`PeerReview::issues_against`]), or
    /// [`Consolidation::Mean`] meets leaves whose scale is not numeric
    /// (`not-numeric`).
    #[error("the review cannot be consolidated: {0}")]
    Invalid(ValidationError),
}

impl ReviewError {
    /// The list of issues, whichever document they point into.
    pub fn validation_error(&self) -> &ValidationError {
        match self {
            ReviewError::InvalidFramework(error) | ReviewError::Invalid(error) => error,
        }
    }

    /// Every issue: the framework's, or the review's.
    pub fn issues(&self) -> &[Issue] {
        self.validation_error().issues()
    }
}

/// Alpha's units for one scale: per leaf, each peer's coded value.
type Units = Vec<Vec<Option<f64>>>;

/// One peer's rating of one leaf, with its normalised score.
struct Vote<'a> {
    peer: &'a Id,
    rating: &'a Rating,
    score: Option<f64>,
}

/// What a method makes of one leaf's votes.
enum Decision {
    Rated(RatingValue),
    Unrated,
    Disputed,
}

/// [`PeerReview::consolidate`]: checks the framework and the review, then
/// consolidates leaf by leaf in the framework's definition order and
/// gathers the narratives, findings and agreement.
pub(super) fn consolidate(
    review: &PeerReview,
    framework: &Framework,
    method: Consolidation,
) -> Result<Consolidated, ReviewError> {
    framework
        .validate()
        .map_err(ReviewError::InvalidFramework)?;
    review.validate(framework).map_err(ReviewError::Invalid)?;

    let mut outcome = LeafOutcomes::default();
    for leaf in framework.leaves() {
        let Some(scale_id) = &leaf.scale else {
            continue;
        };
        let Some(scale) = framework.scales.get(scale_id) else {
            continue;
        };
        outcome.leaf(review, method, &leaf.id, scale_id, scale);
    }
    if !outcome.not_numeric.is_empty() {
        return Err(ReviewError::Invalid(ValidationError::new(
            outcome.not_numeric,
        )));
    }

    let mut assessment = Assessment::new(review.framework.clone(), review.subject.clone());
    assessment.assessors = review.peers.values().cloned().collect();
    assessment.ratings = outcome.ratings;
    assessment.narratives = narratives(review, framework, outcome.leaf_notes);
    assessment.findings = attributed_findings(review);
    let scales = scale_agreements(framework, &outcome.units);
    let full_agreement = agreement::full_agreement(outcome.leaves.values());
    Ok(Consolidated {
        method,
        assessment,
        disagreements: outcome.disagreements,
        agreement: Agreement {
            leaves: outcome.leaves,
            full_agreement,
            scales,
        },
    })
}

/// What consolidation makes of the leaves, gathered leaf by leaf in the
/// framework's order.
#[derive(Default)]
struct LeafOutcomes<'f> {
    /// The consolidated ratings.
    ratings: IndexMap<Id, Rating>,
    /// The leaves left unrated because the peers disagree.
    disagreements: Vec<Disagreement>,
    /// Each leaf's agreement.
    leaves: IndexMap<Id, LeafAgreement>,
    /// Alpha's units, by scale in the order the leaves first use them.
    units: IndexMap<&'f Id, (&'f Scale, Units)>,
    /// The notes and evidence of the leaves left unrated, for their
    /// narratives.
    leaf_notes: IndexMap<Id, Vec<String>>,
    /// The `not-numeric` issues of [`Consolidation::Mean`].
    not_numeric: Vec<Issue>,
}

impl<'f> LeafOutcomes<'f> {
    /// Consolidates one leaf, rated on `scale` (`scale_id`): measures the
    /// peers' agreement on it, adds its unit to its scale's, and records
    /// what `method` decides (or why it cannot).
    fn leaf(
        &mut self,
        review: &PeerReview,
        method: Consolidation,
        leaf: &Id,
        scale_id: &'f Id,
        scale: &'f Scale,
    ) {
        let votes = votes(review, leaf, scale);
        let pairs: Vec<(&RatingValue, Option<f64>)> =
            votes.iter().map(|v| (&v.rating.value, v.score)).collect();
        self.leaves
            .insert(leaf.clone(), agreement::leaf_agreement(scale, &pairs));
        self.units
            .entry(scale_id)
            .or_insert((scale, Vec::new()))
            .1
            .push(unit(review, leaf, scale));
        match decide(method, leaf, scale_id, scale, &votes) {
            Ok(Decision::Rated(value)) => {
                self.ratings.insert(leaf.clone(), attributed(value, &votes));
            }
            Ok(Decision::Disputed) => {
                self.disagreements.push(Disagreement {
                    leaf: leaf.clone(),
                    ratings: votes
                        .iter()
                        .map(|v| (v.peer.clone(), v.rating.value.clone()))
                        .collect(),
                });
                self.leaf_notes.insert(leaf.clone(), loose_notes(&votes));
            }
            Ok(Decision::Unrated) => {
                self.leaf_notes.insert(leaf.clone(), loose_notes(&votes));
            }
            Err(issue) => self.not_numeric.push(issue),
        }
    }
}

/// Every peer's rating of `leaf` (peers who left it unrated take no part),
/// in the review's order, each with its score normalised on `scale`.
fn votes<'r>(review: &'r PeerReview, leaf: &Id, scale: &Scale) -> Vec<Vote<'r>> {
    review
        .assessments
        .iter()
        .filter_map(|(peer, a)| {
            a.ratings.get(leaf).map(|rating| Vote {
                peer,
                rating,
                score: scale.normalise(&rating.value),
            })
        })
        .collect()
}

/// Alpha's unit for `leaf`: every peer's coded value (`None` where a peer
/// gave none), in the review's order.
fn unit(review: &PeerReview, leaf: &Id, scale: &Scale) -> Vec<Option<f64>> {
    review
        .assessments
        .values()
        .map(|a| {
            a.ratings
                .get(leaf)
                .and_then(|r| agreement::coded(scale, &r.value))
        })
        .collect()
}

/// The review's own findings as given, then every peer's declared
/// findings with their text attributed (`[peer] …`).
fn attributed_findings(review: &PeerReview) -> Vec<DeclaredFinding> {
    let mut findings = review.findings.clone();
    for (peer, a) in &review.assessments {
        findings.extend(a.findings.iter().map(|f| DeclaredFinding {
            text: format!("[{peer}] {}", f.text),
            ..f.clone()
        }));
    }
    findings
}

/// The agreement on each scale in use (some peer gave a value on one of its
/// leaves), in the framework's order of scales.
fn scale_agreements(
    framework: &Framework,
    units: &IndexMap<&Id, (&Scale, Units)>,
) -> Vec<ScaleAgreement> {
    framework
        .scales
        .iter()
        .filter_map(|(id, _)| {
            let (scale, units) = units.get(id)?;
            let used = units.iter().flatten().any(Option::is_some);
            used.then(|| agreement::scale_agreement(id, scale, units))
        })
        .collect()
}

/// The consolidated rating of one leaf under `method` (the rules common to
/// every method first: no vote, unrated; no score, not applicable); the
/// `not-numeric` issue for [`Consolidation::Mean`] on a leaf with scores on
/// a scale that is not numeric.
fn decide(
    method: Consolidation,
    leaf: &Id,
    scale_id: &Id,
    scale: &Scale,
    votes: &[Vote<'_>],
) -> Result<Decision, Issue> {
    let scored: Vec<&Vote<'_>> = votes.iter().filter(|v| v.score.is_some()).collect();
    if scored.is_empty() {
        return Ok(if votes.is_empty() {
            Decision::Unrated
        } else {
            // Every rating peer said not applicable.
            Decision::Rated(RatingValue::NotApplicable)
        });
    }
    let outcome = match method {
        Consolidation::Median => median(scale, &scored),
        Consolidation::Mean => {
            if !matches!(scale, Scale::Numeric { .. }) {
                return Err(not_numeric(leaf, scale_id, scale, &scored));
            }
            mean(&numbers(&scored))
        }
        Consolidation::Minimum => scored
            .iter()
            .copied()
            .reduce(|best, v| if by_score(&v, &best).is_lt() { v } else { best })
            .map_or(Decision::Unrated, |v| {
                Decision::Rated(v.rating.value.clone())
            }),
        Consolidation::Consensus => match votes.split_first() {
            Some((first, rest))
                if rest
                    .iter()
                    .all(|v| scale.same_rating(&v.rating.value, &first.rating.value)) =>
            {
                Decision::Rated(first.rating.value.clone())
            }
            _ => Decision::Disputed,
        },
    };
    Ok(outcome)
}

/// Orders votes by normalised score (a vote without one counts as 0; the
/// callers pass scored votes only).
fn by_score(a: &&Vote<'_>, b: &&Vote<'_>) -> std::cmp::Ordering {
    let (x, y) = (a.score.unwrap_or(0.0), b.score.unwrap_or(0.0));
    x.total_cmp(&y)
}

/// The numbers among the scored votes, in the peers' order.
fn numbers(scored: &[&Vote<'_>]) -> Vec<f64> {
    scored
        .iter()
        .filter_map(|v| match v.rating.value {
            RatingValue::Number(x) => Some(x),
            _ => None,
        })
        .collect()
}

/// [`Consolidation::Median`] of the scored votes: on a numeric scale the
/// middle number or the mean of the two middle ones; on a binary or
/// ordinal scale the lower median by score, the first peer's among equals.
fn median(scale: &Scale, scored: &[&Vote<'_>]) -> Decision {
    match scale {
        Scale::Numeric { .. } => {
            let mut xs = numbers(scored);
            xs.sort_by(f64::total_cmp);
            let k = xs.len() / 2;
            let median = if xs.len() % 2 == 1 {
                xs.get(k).copied()
            } else {
                match (xs.get(k.wrapping_sub(1)), xs.get(k)) {
                    // a/2 + b/2 cannot overflow and stays in [a, b].
                    (Some(a), Some(b)) => Some((a / 2.0 + b / 2.0).max(*a).min(*b)),
                    _ => None,
                }
            };
            median.map_or(Decision::Unrated, |x| {
                Decision::Rated(RatingValue::Number(x))
            })
        }
        Scale::Binary { .. } | Scale::Ordinal { .. } => {
            let mut sorted = scored.to_vec();
            // Stable: equal scores keep the peers' order.
            sorted.sort_by(by_score);
            sorted
                .get(sorted.len().saturating_sub(1) / 2)
                .map_or(Decision::Unrated, |v| {
                    Decision::Rated(v.rating.value.clone())
                })
        }
    }
}

/// [`Consolidation::Mean`] of the numbers `xs`: unrated when there is none.
fn mean(xs: &[f64]) -> Decision {
    if xs.is_empty() {
        return Decision::Unrated;
    }
    let lo = xs.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = xs.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    #[allow(clippy::cast_precision_loss)]
    let n = xs.len() as f64;
    // The mean lies in [lo, hi]; clamping only undoes rounding, so
    // the result stays on the scale.
    let mean = xs.iter().map(|x| x / n).sum::<f64>().max(lo).min(hi);
    Decision::Rated(RatingValue::Number(mean))
}

/// The `not-numeric` issue of [`Consolidation::Mean`] on `leaf`, at the
/// first scoring peer's rating of it.
fn not_numeric(leaf: &Id, scale_id: &Id, scale: &Scale, scored: &[&Vote<'_>]) -> Issue {
    let peer = scored
        .first()
        .map_or_else(String::new, |v| v.peer.to_string());
    let at = pointer(&pointer(&pointer("/assessments", peer), "ratings"), leaf);
    Issue::new(
        at,
        IssueKind::NotNumeric {
            id: leaf.to_string(),
            scale: scale_id.to_string(),
            scale_type: scale.kind().to_string(),
        },
    )
}

/// The rating `value` with every voter's evidence and notes, attributed.
fn attributed(value: RatingValue, votes: &[Vote<'_>]) -> Rating {
    let mut rating = Rating::new(value);
    for vote in votes {
        rating
            .evidence
            .extend(vote.rating.evidence.iter().map(|e| Evidence {
                reference: Some(match &e.reference {
                    Some(r) => format!("[{}] {r}", vote.peer),
                    None => format!("[{}]", vote.peer),
                }),
                ..e.clone()
            }));
    }
    let notes: Vec<String> = votes
        .iter()
        .filter_map(|v| v.rating.note.as_ref().map(|n| format!("[{}] {n}", v.peer)))
        .collect();
    if !notes.is_empty() {
        rating.note = Some(notes.join("\n"));
    }
    rating
}

/// The notes and evidence of a leaf left unrated, as narrative lines.
fn loose_notes(votes: &[Vote<'_>]) -> Vec<String> {
    let mut lines = Vec::new();
    for vote in votes {
        let peer = vote.peer;
        if let Some(note) = &vote.rating.note {
            lines.push(format!("[{peer}] {note}"));
        }
        for e in &vote.rating.evidence {
            let kind = kind_name(e.kind);
            let reference = e
                .reference
                .as_ref()
                .map(|r| format!(" ({r})"))
                .unwrap_or_default();
            lines.push(format!(
                "[{peer}] evidence ({kind}): {}{reference}",
                e.description
            ));
        }
    }
    lines
}

/// An evidence kind as its serialised name.
fn kind_name(kind: EvidenceKind) -> &'static str {
    match kind {
        EvidenceKind::Document => "document",
        EvidenceKind::Interview => "interview",
        EvidenceKind::Observation => "observation",
        EvidenceKind::DeskReview => "desk_review",
        EvidenceKind::Survey => "survey",
        EvidenceKind::Data => "data",
        EvidenceKind::Other => "other",
    }
}

/// Every peer's narratives, joined per criterion in the framework's order,
/// with the loose notes of unrated leaves after them.
fn narratives(
    review: &PeerReview,
    framework: &Framework,
    mut leaf_notes: IndexMap<Id, Vec<String>>,
) -> IndexMap<Id, String> {
    let mut out = IndexMap::new();
    for (_, criterion) in framework.walk() {
        let mut paragraphs: Vec<String> = review
            .assessments
            .iter()
            .filter_map(|(peer, a)| {
                a.narratives
                    .get(&criterion.id)
                    .map(|text| format!("[{peer}] {text}"))
            })
            .collect();
        if let Some(lines) = leaf_notes.shift_remove(&criterion.id) {
            if !lines.is_empty() {
                paragraphs.push(lines.join("\n"));
            }
        }
        if !paragraphs.is_empty() {
            out.insert(criterion.id.clone(), paragraphs.join("\n\n"));
        }
    }
    out
}
