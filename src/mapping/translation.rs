//! [`Mapping::translate`] and the [`Translation`] it returns.

use std::collections::{HashMap, HashSet};
use std::fmt;

use serde::Serialize;

use super::{Leaves, Mapping, MappingError, Relation, rescale};
use crate::compose::paths;
use crate::limits::Limits;
use crate::{Assessment, Evidence, Framework, Id, Issue, IssueKind, Rating, RatingValue};

/// The result of [`Mapping::translate`]: the new assessment and an account
/// of everything that was or was not carried.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Translation {
    /// The assessment against the target framework.
    pub assessment: Assessment,
    /// One record per target leaf that received a rating, in entry order.
    pub carried: Vec<Carried>,
    /// Source ratings that no carried record uses, in the assessment's
    /// order, with why.
    pub not_carried: Vec<NotCarried>,
    /// Target leaves left without a rating, in definition order, with why.
    pub unrated: Vec<Unrated>,
    /// Ids of source narratives that could not be placed on a target.
    pub narratives_not_carried: Vec<Id>,
    /// Indexes (into the source assessment's `findings`) of declared
    /// findings that could not be placed on a target.
    pub findings_not_carried: Vec<usize>,
}

impl Translation {
    /// The ratings that came through a relation weaker than `equivalent`.
    pub fn weaker_than_equivalent(&self) -> impl Iterator<Item = &Carried> {
        self.carried
            .iter()
            .filter(|c| c.relation != Relation::Equivalent)
    }
}

/// A target rating made from source ratings.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Carried {
    /// The index of the mapping entry.
    pub entry: usize,
    /// The target leaf.
    pub to: Id,
    /// The sources whose ratings made it, in entry order.
    pub from: Vec<Id>,
    /// Sources of the entry that had no rating.
    pub missing: Vec<Id>,
    /// The entry's relation.
    pub relation: Relation,
    /// The mean normalised score of the sources; `None` when the target is
    /// rated not applicable.
    pub score: Option<f64>,
    /// The target's rating value.
    pub value: RatingValue,
}

/// A source rating that was not carried.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NotCarried {
    /// The source leaf.
    pub from: Id,
    /// Why it was not carried.
    pub reason: NotCarriedReason,
}

/// Why a source rating was not carried.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
#[non_exhaustive]
pub enum NotCarriedReason {
    /// No entry uses the leaf; the mapping's rationale when it gives one.
    NoEntry {
        /// Why the mapping leaves it out (`unmapped_from`).
        rationale: Option<String>,
    },
    /// Rated not applicable while the other sources of its entries are
    /// rated or unrated: left out of the mean.
    NotApplicableBesideOthers {
        /// The targets of the entries that use it.
        to: Vec<Id>,
    },
}

impl fmt::Display for NotCarriedReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NotCarriedReason::NoEntry { rationale: Some(r) } => write!(f, "no entry: {r}"),
            NotCarriedReason::NoEntry { rationale: None } => f.write_str("no entry maps it"),
            NotCarriedReason::NotApplicableBesideOthers { to } => {
                let to: Vec<&str> = to.iter().map(Id::as_str).collect();
                write!(
                    f,
                    "not applicable beside other sources of {}; left out of the mean",
                    to.join(", ")
                )
            }
        }
    }
}

/// A target leaf left without a rating.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unrated {
    /// The target leaf.
    pub id: Id,
    /// Why: no entry (with the mapping's rationale when it gives one), or
    /// no source of its entry is rated.
    pub reason: String,
}

impl Mapping {
    /// Carries `assessment`, made against `from`, across to `to` (see
    /// [`Mapping`] for the rules).
    ///
    /// The frameworks are arguments because rescaling needs their scales;
    /// they must match the mapping's `from` and `to` references.
    ///
    /// # Errors
    ///
    /// [`MappingError`] listing every problem, with paths into
    /// `{"mapping": …, "assessment": …, "source": …, "target": …}`: those of
    /// [`Mapping::check`], plus an assessment made against another framework
    /// (`framework-mismatch` at `/assessment/framework`), ratings or
    /// narratives of unknown criteria, ratings on groups and ratings off
    /// their scale.
    pub fn translate(
        &self,
        assessment: &Assessment,
        from: &Framework,
        to: &Framework,
    ) -> Result<Translation, MappingError> {
        let mut issues = self.issues(from, to);
        Limits::new(&mut issues).assessment("/assessment", assessment);
        issues.extend(assessment.framework.mismatch(from, "/assessment/framework"));
        let source = Leaves::new(from);
        let target = Leaves::new(to);
        let mut scores: HashMap<&str, Option<f64>> = HashMap::new(); // None = not applicable
        for (id, rating) in &assessment.ratings {
            let path = format!("/assessment/ratings/{id}");
            let Some((_, c)) = source.by_id.get(id.as_str()) else {
                issues.push(Issue::new(
                    path,
                    IssueKind::UnknownCriterion { id: id.to_string() },
                ));
                continue;
            };
            if !c.is_leaf() {
                issues.push(Issue::new(
                    path,
                    IssueKind::RatingOnGroup { id: id.to_string() },
                ));
                continue;
            }
            let Some(scale) = source.scale(c) else {
                continue; // reported by `issues` when mapped; unscorable otherwise
            };
            if rating.value == RatingValue::NotApplicable {
                scores.insert(id.as_str(), None);
            } else if let Some(s) = scale.normalise(&rating.value) {
                scores.insert(id.as_str(), Some(s));
            } else {
                issues.push(Issue::new(
                    format!("{path}/value"),
                    IssueKind::RatingOffScale {
                        id: id.to_string(),
                        value: rating.value.to_string(),
                        scale: c.scale.as_ref().map(Id::to_string).unwrap_or_default(),
                        expected: scale.admits(),
                    },
                ));
            }
        }
        for id in assessment.narratives.keys() {
            if !source.by_id.contains_key(id.as_str()) {
                issues.push(Issue::new(
                    format!("/assessment/narratives/{id}"),
                    IssueKind::UnknownCriterion { id: id.to_string() },
                ));
            }
        }
        if !issues.is_empty() {
            return Err(MappingError { issues });
        }
        Ok(self.carry(assessment, &scores, &source, &target, to))
    }

    fn carry(
        &self,
        assessment: &Assessment,
        scores: &HashMap<&str, Option<f64>>,
        source: &Leaves<'_>,
        target: &Leaves<'_>,
        to: &Framework,
    ) -> Translation {
        let mut ratings: HashMap<&str, Rating> = HashMap::new();
        let mut narratives: HashMap<&str, String> = HashMap::new();
        let mut carried = Vec::new();
        let mut unrated_entry: HashMap<&str, usize> = HashMap::new();
        for (i, e) in self.entries.iter().enumerate() {
            if let Some(n) = joined(&e.from, |id| assessment.narratives.get(id).cloned()) {
                narratives.insert(e.to.as_str(), n);
            }
            let rated: Vec<&Id> = e
                .from
                .iter()
                .filter(|id| matches!(scores.get(id.as_str()), Some(Some(_))))
                .collect();
            let na: Vec<&Id> = e
                .from
                .iter()
                .filter(|id| matches!(scores.get(id.as_str()), Some(None)))
                .collect();
            let missing: Vec<Id> = e
                .from
                .iter()
                .filter(|id| !scores.contains_key(id.as_str()))
                .cloned()
                .collect();
            let Some((_, tc)) = target.by_id.get(e.to.as_str()) else {
                continue;
            };
            let Some(tscale) = target.scale(tc) else {
                continue;
            };
            let (used, score, value) = if !rated.is_empty() {
                let sum: f64 = rated
                    .iter()
                    .filter_map(|id| scores.get(id.as_str()).copied().flatten())
                    .sum();
                #[allow(clippy::cast_precision_loss)]
                let mean = sum / rated.len() as f64;
                let same_scale = e.from.len() == 1
                    && rated
                        .first()
                        .and_then(|id| source.by_id.get(id.as_str()))
                        .and_then(|(_, c)| source.scale(c))
                        == Some(tscale);
                let value = if same_scale {
                    rated
                        .first()
                        .and_then(|id| assessment.ratings.get(*id))
                        .map(|r| r.value.clone())
                } else {
                    rescale(tscale, mean)
                };
                let Some(value) = value else { continue };
                (rated, Some(mean), value)
            } else if !na.is_empty() && missing.is_empty() {
                (na, None, RatingValue::NotApplicable)
            } else {
                unrated_entry.insert(e.to.as_str(), i);
                continue;
            };
            let mut evidence: Vec<Evidence> = Vec::new();
            for id in &used {
                if let Some(r) = assessment.ratings.get(*id) {
                    evidence.extend(r.evidence.iter().cloned());
                }
            }
            let used: Vec<Id> = used.into_iter().cloned().collect();
            let note = joined(&used, |id| {
                assessment.ratings.get(id).and_then(|r| r.note.clone())
            });
            ratings.insert(
                e.to.as_str(),
                Rating {
                    value: value.clone(),
                    evidence,
                    note,
                },
            );
            carried.push(Carried {
                entry: i,
                to: e.to.clone(),
                from: used,
                missing,
                relation: e.relation,
                score,
                value,
            });
        }

        // The new assessment, in the target's definition order.
        let mut moved = Assessment::new(
            if assessment.framework.matches(to) {
                assessment.framework.clone()
            } else {
                to.exact_ref()
            },
            assessment.subject.clone(),
        );
        moved.assessors = assessment.assessors.clone();
        let mut unrated = Vec::new();
        for leaf in to.leaves() {
            if let Some(r) = ratings.remove(leaf.id.as_str()) {
                moved.ratings.insert(leaf.id.clone(), r);
            } else {
                let reason = match (
                    unrated_entry.get(leaf.id.as_str()),
                    self.unmapped_to.get(&leaf.id),
                ) {
                    (Some(i), _) => format!("no source of entry {i} is rated"),
                    (None, Some(r)) => format!("no entry: {r}"),
                    (None, None) => "no entry maps to it".to_string(),
                };
                unrated.push(Unrated {
                    id: leaf.id.clone(),
                    reason,
                });
            }
        }
        for (_, c) in paths(to) {
            if let Some(n) = narratives.remove(c.id.as_str()) {
                moved.narratives.insert(c.id.clone(), n);
            }
        }

        // Source ratings no record carries.
        let used: HashSet<&str> = carried
            .iter()
            .flat_map(|c| c.from.iter().map(Id::as_str))
            .collect();
        let mut not_carried = Vec::new();
        for (id, _) in &assessment.ratings {
            if used.contains(id.as_str()) {
                continue;
            }
            let targets: Vec<Id> = self
                .entries
                .iter()
                .filter(|e| e.from.contains(id))
                .map(|e| e.to.clone())
                .collect();
            let reason = if targets.is_empty() {
                NotCarriedReason::NoEntry {
                    rationale: self.unmapped_from.get(id).cloned(),
                }
            } else {
                NotCarriedReason::NotApplicableBesideOthers { to: targets }
            };
            not_carried.push(NotCarried {
                from: id.clone(),
                reason,
            });
        }

        // Narratives and findings.
        let mapped: HashSet<&str> = self
            .entries
            .iter()
            .flat_map(|e| e.from.iter().map(Id::as_str))
            .collect();
        let narratives_not_carried = assessment
            .narratives
            .keys()
            .filter(|id| !mapped.contains(id.as_str()))
            .cloned()
            .collect();
        let mut findings_not_carried = Vec::new();
        for (i, finding) in assessment.findings.iter().enumerate() {
            let Some(about) = &finding.criterion else {
                moved.findings.push(finding.clone());
                continue;
            };
            match self.entries.iter().find(|e| e.from.contains(about)) {
                Some(e) => {
                    let mut f = finding.clone();
                    f.criterion = Some(e.to.clone());
                    moved.findings.push(f);
                }
                None => findings_not_carried.push(i),
            }
        }
        Translation {
            assessment: moved,
            carried,
            not_carried,
            unrated,
            narratives_not_carried,
            findings_not_carried,
        }
    }
}

/// Joins the texts of `ids`: verbatim from one, else `id: text` per line.
fn joined(ids: &[Id], text: impl Fn(&Id) -> Option<String>) -> Option<String> {
    let texts: Vec<(&Id, String)> = ids
        .iter()
        .filter_map(|id| text(id).map(|t| (id, t)))
        .collect();
    match texts.as_slice() {
        [] => None,
        [(_, t)] if ids.len() == 1 => Some(t.clone()),
        many => Some(
            many.iter()
                .map(|(id, t)| format!("{id}: {t}"))
                .collect::<Vec<_>>()
                .join("\n"),
        ),
    }
}
