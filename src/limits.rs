//! Explicit limits on the size of every document the crate reads (design,
//! *Validation*: "no input, however malformed, makes the crate panic,
//! overflow its stack or run for super-linear time").
//!
//! Frameworks, assessments, profiles, mappings and peer reviews arrive from
//! other people's files, web forms and spreadsheets. Every check the crate
//! makes is linear in the size of the document, so the limits are not
//! there to keep the work bounded; they are there so that a document far
//! beyond anything a person writes (a generator gone wrong, a pasted
//! binary, an attack) is refused with an issue that says where, rather
//! than scored, stored and displayed. Each limit is chosen with the real
//! frameworks' sizes in mind and its reason is given beside it.
//!
//! | limit | value | applies to | code |
//! |---|---|---|---|
//! | [`MAX_DEPTH`] | 32 | levels of a framework's tree | `too-deep` |
//! | [`MAX_CRITERIA`] | 100 000 | criteria (ids) per framework; ratings, narratives and findings per assessment; entries of a mapping; `include`, `exclude` and overrides of a profile | `too-many-criteria`, `too-many-items` |
//! | [`MAX_LEVELS`] | 101 | levels per ordinal scale | `too-many-levels` |
//! | [`MAX_ITEMS`] | 1 000 | short lists: scales, facets, values per facet, bands, requirements, provenance notes and steps, assessors, evidence per rating, subject attributes, feedback points, desk-review documents, counterparts | `too-many-items` |
//! | [`MAX_PEERS`] | 50 | peers and peer assessments per review | `too-many-items` |
//! | [`MAX_TEXT_BYTES`] | 65 536 | every free text: titles, descriptions, labels, narratives, notes, reasons, rationales, evidence, feedback | `text-too-long` |
//!
//! Where each is checked: [`crate::Framework::issues`] (depth, criteria,
//! levels, short lists, texts), [`crate::Scorer::validate`] (the
//! assessment's lists and texts), [`crate::Profile::apply`],
//! [`crate::Mapping::check`] and [`crate::Mapping::translate`],
//! [`crate::PeerReview::issues`].
//!
//! A count is reported once, at the list (`/criteria`,
//! `/scales/<id>/levels`, `/ratings`…); a text at the string itself. Ids
//! are limited to 64 bytes by [`crate::Id`] when they are parsed.

use crate::{Assessment, Issue, IssueKind, Person, Subject, pointer};

pub use crate::validate::MAX_DEPTH;

/// The most criteria (groups and leaves, so the most ids) a framework may
/// have, and the most entries of any list keyed by criterion: ratings,
/// narratives and findings of an assessment, entries and unmapped ids of a
/// mapping, selections and overrides of a profile.
///
/// The built-in catalogues have 36 checklist items (52 criteria with their
/// questions and areas), 30 indicators and 22 proposals; the largest known
/// control catalogues (security benchmarks) have a few thousand rules. A
/// limit of 100 000 leaves that 30 times over and lets generated
/// frameworks of 40 000 leaves (the scaling tests) through, while a
/// document of a million criteria is refused before it is compiled.
pub const MAX_CRITERIA: usize = 100_000;

/// The most levels an ordinal scale may have.
///
/// The real scales have 2 (met / not met) to 4 levels (IMPART's "in
/// place"); rating scales in use have at most 11 (0 to 10). 101 admits a
/// percentage written as levels 0 to 100, and keeps the per-scale tables
/// of agreement statistics (levels × levels) small.
pub const MAX_LEVELS: usize = 101;

/// The most entries of a short list: scales, facets, values of one facet,
/// bands, module requirements, provenance notes and derivation steps,
/// assessors, evidence items of one rating, subject attributes, feedback
/// points, desk-review documents and study-visit counterparts.
///
/// The catalogues use at most 13 of any of these (PROFINT's factors per
/// facet value are criteria, not facet values); a person does not write a
/// thousand scales or cite a thousand pieces of evidence for one rating.
pub const MAX_ITEMS: usize = 1_000;

/// The most peers, and peer assessments, a peer review may have.
///
/// An IMPART study visit has a handful of peers (the methodology speaks of
/// a small team of peers from other partner projects). Agreement
/// statistics compare every pair of peers per leaf, so the peer count
/// enters squared; 50 keeps that at 2 500 pairs per leaf.
pub const MAX_PEERS: usize = 50;

/// The most bytes (UTF-8) a free text may have: titles, descriptions,
/// labels, units, narratives, notes, reasons, rationales, evidence,
/// feedback, names.
///
/// The longest text in the catalogues is a 527-byte narrative of the
/// worked good-practice example, and the longest source document in full
/// is 29 KB; 64 KiB holds that twice over, so a narrative of several pages
/// fits while a pasted file does not.
pub const MAX_TEXT_BYTES: usize = 65_536;

/// Collects the limit issues of one document.
pub(crate) struct Limits<'a> {
    issues: &'a mut Vec<Issue>,
}

impl<'a> Limits<'a> {
    pub(crate) fn new(issues: &'a mut Vec<Issue>) -> Limits<'a> {
        Limits { issues }
    }

    /// `text-too-long` at `<base>/<key>` when `text` is longer than
    /// [`MAX_TEXT_BYTES`]. The path is built only when there is an issue.
    pub(crate) fn text(&mut self, base: &str, key: impl std::fmt::Display, text: &str) {
        if text.len() > MAX_TEXT_BYTES {
            self.issues.push(Issue::new(
                pointer(base, key),
                IssueKind::TextTooLong {
                    length: text.len(),
                    max: MAX_TEXT_BYTES,
                },
            ));
        }
    }

    /// [`Limits::text`] on an optional text.
    pub(crate) fn opt_text(&mut self, base: &str, key: &str, text: Option<&String>) {
        if let Some(text) = text {
            self.text(base, key, text);
        }
    }

    /// `too-many-items` at `path` when `count` is over `max`.
    pub(crate) fn count(&mut self, path: &str, what: &str, count: usize, max: usize) {
        if count > max {
            self.issues.push(Issue::new(
                path,
                IssueKind::TooManyItems {
                    what: what.to_owned(),
                    count,
                    max,
                },
            ));
        }
    }

    /// The texts of a subject at `<base>/subject`.
    pub(crate) fn subject(&mut self, base: &str, subject: &Subject) {
        let at = pointer(base, "subject");
        self.text(&at, "name", &subject.name);
        self.opt_text(&at, "kind", subject.kind.as_ref());
        let attributes = pointer(&at, "attributes");
        self.count(
            &attributes,
            "attributes",
            subject.attributes.len(),
            MAX_ITEMS,
        );
        for (key, value) in subject.attributes.iter().take(MAX_ITEMS) {
            // A key too long is reported at its entry, as its value is.
            let longest = if key.len() > value.len() { key } else { value };
            self.text(&attributes, key, longest);
        }
    }

    /// The texts of a person at `at`.
    pub(crate) fn person(&mut self, at: &str, person: &Person) {
        self.text(at, "name", &person.name);
        self.opt_text(at, "organisation", person.organisation.as_ref());
        self.opt_text(at, "country", person.country.as_ref());
    }

    /// Every limit of an assessment whose serialised form is at `base` (the
    /// empty string for a document of its own): the counts of its ratings,
    /// narratives, findings, assessors and evidence, and every text.
    ///
    /// Lists over their limit are reported once and their items beyond the
    /// limit are not looked at, so the work stays bounded by the limits.
    pub(crate) fn assessment(&mut self, base: &str, assessment: &Assessment) {
        self.subject(base, &assessment.subject);
        let assessors = pointer(base, "assessors");
        let n = assessment.assessors.len();
        self.count(&assessors, "assessors", n, MAX_ITEMS);
        for (i, person) in assessment.assessors.iter().enumerate().take(MAX_ITEMS) {
            self.person(&pointer(&assessors, i), person);
        }
        let ratings = pointer(base, "ratings");
        let n = assessment.ratings.len();
        self.count(&ratings, "ratings", n, MAX_CRITERIA);
        for (id, rating) in assessment.ratings.iter().take(MAX_CRITERIA) {
            if rating.note.is_none() && rating.evidence.is_empty() {
                continue;
            }
            let at = pointer(&ratings, id);
            self.opt_text(&at, "note", rating.note.as_ref());
            let evidence = pointer(&at, "evidence");
            self.count(&evidence, "evidence", rating.evidence.len(), MAX_ITEMS);
            for (i, item) in rating.evidence.iter().enumerate().take(MAX_ITEMS) {
                let item_at = pointer(&evidence, i);
                self.text(&item_at, "description", &item.description);
                self.opt_text(&item_at, "reference", item.reference.as_ref());
            }
        }
        let narratives = pointer(base, "narratives");
        let n = assessment.narratives.len();
        self.count(&narratives, "narratives", n, MAX_CRITERIA);
        for (id, text) in assessment.narratives.iter().take(MAX_CRITERIA) {
            self.text(&narratives, id, text);
        }
        self.findings(base, &assessment.findings);
    }

    /// The count and texts of the findings at `<base>/findings`.
    pub(crate) fn findings(&mut self, base: &str, findings: &[crate::DeclaredFinding]) {
        let at = pointer(base, "findings");
        self.count(&at, "findings", findings.len(), MAX_CRITERIA);
        for (i, finding) in findings.iter().enumerate().take(MAX_CRITERIA) {
            if finding.text.len() > MAX_TEXT_BYTES {
                self.text(&pointer(&at, i), "text", &finding.text);
            }
        }
    }
}
