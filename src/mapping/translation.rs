//! [`Mapping::translate`], which returns a [`Translation`].

use std::collections::{HashMap, HashSet};

use super::carried::{Carried, NotCarried, NotCarriedReason, Translation, Unrated, join};
use super::narratives::Placement;
use super::{Criteria, Mapping, MappingEntry, rescale};
use crate::model::assessment::{Assessment, Evidence, Rating};
use crate::model::framework::Framework;
use crate::model::id::Id;
use crate::model::issue::ValidationError;
use crate::model::limits::Limits;
use crate::model::scale::{RatingValue, Scale};
use crate::scorer::Scorer;

impl Mapping {
    /// Carries `assessment`, made against `from`, across to `to`: ratings
    /// by the rules of [`Mapping`] (with their evidence and notes),
    /// narratives and declared findings by the rule below.
    ///
    /// The frameworks are arguments because rescaling needs their scales;
    /// they must match the mapping's `from` and `to` references.
    ///
    /// # Narratives and findings
    ///
    /// * **A leaf's** narrative goes to the target of every entry that uses
    ///   the leaf, and a declared finding about it to the target of the
    ///   first such entry.
    /// * **A group's** narrative and declared findings go to the lowest
    ///   target criterion that contains every target leaf the group's leaves
    ///   are mapped to, unless one of the target criteria containing them
    ///   all has the group's own id: then to that one. So a group whose
    ///   leaves map into one target group lands on that group, one whose
    ///   leaves map to a single leaf lands on that leaf, and a group that a
    ///   new version of a framework keeps under its id, around the targets
    ///   of its leaves, keeps its narrative there.
    ///   Through [`Mapping::identity`] every group lands on itself, even a
    ///   group whose only child is another group (good practice's
    ///   `sustainability` and `q9` have the same leaves; their ids tell them
    ///   apart).
    /// * A finding about no criterion is carried as it is.
    /// * The texts that land on one criterion are joined: a single text
    ///   verbatim unless it comes from an entry with several sources,
    ///   otherwise each as `source-id: text`, one per line, the groups' (in
    ///   definition order) before the leaves' (in entry order).
    ///
    /// What cannot be placed is listed with why, in
    /// [`Translation::narratives_not_carried`] and
    /// [`Translation::findings_not_carried`]: a leaf that no entry uses
    /// ([`NotCarriedReason::NoEntry`], with the mapping's `unmapped_from`
    /// rationale), a group none of whose leaves is mapped
    /// ([`NotCarriedReason::NoLeafMapped`]), and a group whose leaves are
    /// mapped under more than one top-level target criterion, so that no
    /// criterion contains them all ([`NotCarriedReason::NoCommonCriterion`],
    /// naming those target leaves).
    ///
    /// # Errors
    ///
    /// [`ValidationError`] listing every problem, with paths into
    /// `{"mapping": …, "assessment": …, "source": …, "target": …}`: those of
    /// [`Mapping::check`], plus an assessment made against another framework
    /// (`framework-mismatch` at `/assessment/framework`), ratings,
    /// narratives or declared findings of unknown criteria, ratings on
    /// groups and ratings off their scale.
    ///
    /// # Examples
    ///
    /// A group's narrative goes to the lowest target criterion that holds
    /// the targets of its leaves:
    ///
    /// ```
    /// use assessment_model::{Assessment, Framework, Mapping, Subject};
    /// use assessment_model::mapping::NotCarriedReason;
    ///
    /// let old: Framework = assessment_model::from_json_str(r#"{
    ///     "id": "old", "version": "1.0.0", "title": "Old",
    ///     "scales": { "tick": { "type": "binary" } },
    ///     "criteria": [
    ///         { "id": "voice", "title": "Voice", "children": [
    ///             { "id": "asked", "title": "Asked", "scale": "tick" },
    ///             { "id": "heard", "title": "Heard", "scale": "tick" } ] },
    ///         { "id": "spread", "title": "Spread", "children": [
    ///             { "id": "local", "title": "Local", "scale": "tick" },
    ///             { "id": "national", "title": "National", "scale": "tick" } ] } ]
    /// }"#)?;
    /// let new: Framework = assessment_model::from_json_str(r#"{
    ///     "id": "new", "version": "1.0.0", "title": "New",
    ///     "scales": { "tick": { "type": "binary" } },
    ///     "criteria": [
    ///         { "id": "participation", "title": "Participation", "children": [
    ///             { "id": "consulted", "title": "Consulted", "scale": "tick" },
    ///             { "id": "feedback", "title": "Feedback", "scale": "tick" },
    ///             { "id": "local-reach", "title": "Local reach", "scale": "tick" } ] },
    ///         { "id": "national-reach", "title": "National reach", "scale": "tick" } ]
    /// }"#)?;
    /// let mapping: Mapping = assessment_model::from_json_str(r#"{
    ///     "id": "old-to-new", "title": "Old to new",
    ///     "from": { "id": "old", "version": "^1" },
    ///     "to": { "id": "new", "version": "^1" },
    ///     "entries": [
    ///         { "from": ["asked"], "to": "consulted",
    ///           "relation": "equivalent", "rationale": "Same." },
    ///         { "from": ["heard"], "to": "feedback",
    ///           "relation": "equivalent", "rationale": "Same." },
    ///         { "from": ["local"], "to": "local-reach",
    ///           "relation": "subset", "rationale": "Local reach is part of it." },
    ///         { "from": ["national"], "to": "national-reach",
    ///           "relation": "equivalent", "rationale": "Same." } ]
    /// }"#)?;
    /// let mut assessment = Assessment::new(old.exact_ref(), Subject::new("P"));
    /// assessment.narratives.insert("voice".parse()?, "Users shape the service.".into());
    /// assessment.narratives.insert("spread".parse()?, "Known in two regions.".into());
    /// let moved = mapping.translate(&assessment, &old, &new)?;
    /// // `asked` and `heard` went to `consulted` and `feedback`, both in
    /// // `participation`.
    /// assert_eq!(moved.assessment.narratives["participation"], "Users shape the service.");
    /// // `local` and `national` went under different top-level criteria.
    /// assert_eq!(moved.narratives_not_carried[0].from, "spread");
    /// assert!(matches!(
    ///     &moved.narratives_not_carried[0].reason,
    ///     NotCarriedReason::NoCommonCriterion { to } if to.len() == 2
    /// ));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn translate(
        &self,
        assessment: &Assessment,
        from: &Framework,
        to: &Framework,
    ) -> Result<Translation, ValidationError> {
        let mut issues = self.issues(from, to);
        Limits::new(&mut issues).assessment("/assessment", assessment);
        let source = Criteria::new(from);
        let target = Criteria::new(to);
        // The one check of an assessment is the compiled framework's; an
        // invalid source framework has none, and its problems are reported.
        let scorer = match Scorer::new(from) {
            Ok(scorer) => scorer,
            Err(err) => return Err(err.under("/from")),
        };
        let compiled = scorer.compiled();
        issues.extend(compiled.assessment_issues(assessment, "/assessment"));
        let mut scores: HashMap<&str, Option<f64>> = HashMap::new(); // None = not applicable
        for (id, rating) in &assessment.ratings {
            let scale = source
                .get(id.as_str())
                .and_then(|n| source.scale(n.criterion));
            let score = match &rating.value {
                RatingValue::NotApplicable => Some(None),
                value => scale.and_then(|s| s.normalise(value)).map(Some),
            };
            if let Some(score) = score {
                scores.insert(id.as_str(), score);
            }
        }
        if !issues.is_empty() {
            return Err(ValidationError::new(issues));
        }
        Ok(self.carry(assessment, &scores, &source, &target, to))
    }

    fn carry(
        &self,
        assessment: &Assessment,
        scores: &HashMap<&str, Option<f64>>,
        source: &Criteria<'_>,
        target: &Criteria<'_>,
        to: &Framework,
    ) -> Translation {
        let mut ratings: HashMap<&str, Rating> = HashMap::new();
        let mut carried = Vec::new();
        let mut unrated_entry: HashMap<&str, usize> = HashMap::new();
        for (i, e) in self.entries.iter().enumerate() {
            match carry_entry(i, e, assessment, scores, source, target) {
                Entry::Rated(rating, record) => {
                    ratings.insert(e.to.as_str(), rating);
                    carried.push(record);
                }
                Entry::NoSourceRated => {
                    unrated_entry.insert(e.to.as_str(), i);
                }
                Entry::Skipped => {}
            }
        }
        let mut moved = Assessment::new(
            if assessment.framework.matches(to) {
                assessment.framework.clone()
            } else {
                to.exact_ref()
            },
            assessment.subject.clone(),
        );
        moved.assessors = assessment.assessors.clone();
        let unrated = self.rate_in_order(&mut moved, ratings, &unrated_entry, to);
        let entries_of = self.entries_by_source();
        let not_carried = self.ratings_not_carried(assessment, &carried, &entries_of);
        let place = Placement::new(self, assessment, source, target, entries_of);
        let narratives_not_carried = place.narratives(assessment, &mut moved);
        let findings_not_carried = place.findings(assessment, &mut moved);
        Translation {
            assessment: moved,
            carried,
            not_carried,
            unrated,
            narratives_not_carried,
            findings_not_carried,
        }
    }

    /// Puts `ratings` on `moved` in the target's definition order; returns
    /// the target leaves left without one, with why.
    fn rate_in_order(
        &self,
        moved: &mut Assessment,
        mut ratings: HashMap<&str, Rating>,
        unrated_entry: &HashMap<&str, usize>,
        to: &Framework,
    ) -> Vec<Unrated> {
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
        unrated
    }

    /// The source ratings that no `carried` record uses, in the
    /// assessment's order, with why.
    fn ratings_not_carried(
        &self,
        assessment: &Assessment,
        carried: &[Carried],
        entries_of: &HashMap<&str, Vec<usize>>,
    ) -> Vec<NotCarried> {
        let used: HashSet<&str> = carried
            .iter()
            .flat_map(|c| c.from.iter().map(Id::as_str))
            .collect();
        let mut not_carried = Vec::new();
        for (id, _) in &assessment.ratings {
            if used.contains(id.as_str()) {
                continue;
            }
            let targets: Vec<Id> = entries_of
                .get(id.as_str())
                .into_iter()
                .flatten()
                .filter_map(|&i| self.entries.get(i))
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
        not_carried
    }
}

/// What one mapping entry gives its target leaf.
enum Entry {
    /// A rating, and the record of how it was made.
    Rated(Rating, Carried),
    /// No source of the entry is rated.
    NoSourceRated,
    /// The target is not a leaf on a known scale, or the mean cannot be
    /// put on its scale (neither happens after [`Mapping::check`]).
    Skipped,
}

/// The rating entry `i`, `e`, gives its target (the rescaling rule of
/// [`Mapping`]), with the sources' evidence and notes.
fn carry_entry(
    i: usize,
    e: &MappingEntry,
    assessment: &Assessment,
    scores: &HashMap<&str, Option<f64>>,
    source: &Criteria<'_>,
    target: &Criteria<'_>,
) -> Entry {
    let sources = |keep: fn(Option<&Option<f64>>) -> bool| -> Vec<&Id> {
        e.from
            .iter()
            .filter(|id| keep(scores.get(id.as_str())))
            .collect()
    };
    let rated = sources(|s| matches!(s, Some(Some(_))));
    let na = sources(|s| matches!(s, Some(None)));
    let missing: Vec<Id> = sources(|s| s.is_none()).into_iter().cloned().collect();
    let Some(tscale) = target
        .get(e.to.as_str())
        .and_then(|n| target.scale(n.criterion))
    else {
        return Entry::Skipped;
    };
    let (used, score, value) = if !rated.is_empty() {
        let Some((mean, value)) = rated_value(e, &rated, assessment, scores, source, tscale) else {
            return Entry::Skipped;
        };
        (rated, Some(mean), value)
    } else if !na.is_empty() && missing.is_empty() {
        (na, None, RatingValue::NotApplicable)
    } else {
        return Entry::NoSourceRated;
    };
    let evidence: Vec<Evidence> = used
        .iter()
        .filter_map(|id| assessment.ratings.get(*id))
        .flat_map(|r| r.evidence.iter().cloned())
        .collect();
    let used: Vec<Id> = used.into_iter().cloned().collect();
    let note = joined(&used, |id| {
        assessment.ratings.get(id).and_then(|r| r.note.clone())
    });
    let rating = Rating {
        value: value.clone(),
        evidence,
        note,
    };
    let record = Carried {
        entry: i,
        to: e.to.clone(),
        from: used,
        missing,
        relation: e.relation,
        score,
        value,
    };
    Entry::Rated(rating, record)
}

/// The mean normalised score of the `rated` sources of `e` and the value it
/// gives on the target's scale `tscale`: a single source's value as it is
/// when its scale is the target's, else the mean rescaled.
fn rated_value(
    e: &MappingEntry,
    rated: &[&Id],
    assessment: &Assessment,
    scores: &HashMap<&str, Option<f64>>,
    source: &Criteria<'_>,
    tscale: &Scale,
) -> Option<(f64, RatingValue)> {
    let sum: f64 = rated
        .iter()
        .filter_map(|id| scores.get(id.as_str()).copied().flatten())
        .sum();
    #[allow(clippy::cast_precision_loss)]
    let mean = sum / rated.len() as f64;
    let first = rated.first();
    let same_scale = e.from.len() == 1
        && first
            .and_then(|id| source.get(id.as_str()))
            .and_then(|n| source.scale(n.criterion))
            == Some(tscale);
    let value = if same_scale {
        first
            .and_then(|id| assessment.ratings.get(*id))
            .map(|r| r.value.clone())
    } else {
        rescale(tscale, mean)
    };
    value.map(|v| (mean, v))
}

/// Joins the texts of `ids`: verbatim from one, else `id: text` per line.
fn joined(ids: &[Id], text: impl Fn(&Id) -> Option<String>) -> Option<String> {
    let texts: Vec<(&Id, String)> = ids
        .iter()
        .filter_map(|id| text(id).map(|t| (id, t)))
        .collect();
    let texts: Vec<(&Id, &str)> = texts.iter().map(|(id, t)| (*id, t.as_str())).collect();
    join(&texts, ids.len() == 1)
}
