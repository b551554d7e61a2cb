//! Explicit limits on the size of every document the crate reads
//! ([SPEC](crate::spec) §6.4; §6.1: no input, however malformed, makes the
//! crate panic, overflow its stack or take more than linear time).
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
//! | [`MAX_EVALUATIONS`] | 10 000 000 000 | scorings of one uncertainty run: `N·(d + 2)` per member, times the members | `too-many-items` |
//!
//! Where each is checked: [`crate::Framework::issues`] (depth, criteria,
//! levels, short lists, texts), [`crate::Scorer::validate`] (the
//! assessment's lists and texts), [`crate::Profile::apply`],
//! [`crate::Mapping::check`] and [`crate::Mapping::translate`],
//! [`crate::PeerReview::issues`], and [`crate::Uncertainty::run`] (the
//! evaluations, before any is made).
//!
//! A count is reported once, at the list (`/criteria`,
//! `/scales/<id>/levels`, `/ratings`…); a text at the string itself. Ids
//! are limited to 64 bytes by [`crate::Id`] when they are parsed.

use crate::model::assessment::{Assessment, Person, Subject};
use crate::model::issue::{Issue, IssueKind, pointer};

/// The deepest tree a framework may have: top-level criteria are at depth 1,
/// their children at depth 2, and so on.
///
/// The real frameworks are two or three levels deep (area → question →
/// checklist item), so 32 leaves ample room for hand-written ones. It is
/// also well within what serde_json parses (its recursion limit of 128
/// nested arrays and objects stops a tree at about 62 levels, since each
/// level is an object inside a `children` array), so any tree too deep for
/// the model but not for the parser is reported by validation as
/// `too-deep` with its path. Code that walks a validated tree may recurse
/// to this depth.
pub const MAX_DEPTH: usize = 32;

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
/// The sources' own scales have 2 levels (the good-practice checklist's
/// met / not met) and 3 (PROFINT's importance, 1 to 3); IMPART gives no
/// scale, and the crate's own `in-place` scale for it has 3 levels. Rating
/// scales in use have at most 11 (0 to 10). 101 admits a percentage
/// written as levels 0 to 100, and keeps the per-scale tables of agreement
/// statistics (levels × levels) small.
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

/// The most scorings one uncertainty run may make: `N·(d + 2)` per member
/// for `N` samples and `d` uncertain inputs ([SPEC](crate::spec) §8.3),
/// times the members. A run over the limit, or whose count overflows, is
/// refused before any scoring, with `too-many-items` at `/samples`.
///
/// The work grows with the sample size the caller asks for, not with the
/// documents, so this limit is on the request: `samples = 10^9` would
/// otherwise run until killed. 10^10 scorings take about 50 minutes of one
/// core on the good-practice criteria (36 leaves, 0.29 µs per scoring in
/// `benches/analysis.rs`), so every analysis a person waits for fits (the
/// benches' largest, 10,000 samples × 19 evaluations × 100 members, is
/// 1.9·10^7), while a sample count typed with a few zeros too many is
/// refused at once. Long runs report their progress and stop when asked
/// ([`crate::Uncertainty::run_observed`]).
pub const MAX_EVALUATIONS: u64 = 10_000_000_000;

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
            self.too_long(pointer(base, key), text);
        }
    }

    /// `text-too-long` at `path` for `text`.
    pub(crate) fn too_long(&mut self, path: String, text: &str) {
        let kind = IssueKind::TextTooLong {
            length: text.len(),
            max: MAX_TEXT_BYTES,
        };
        self.issues.push(Issue::new(path, kind));
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
        self.subject_at(At::Base(base), subject);
    }

    fn subject_at(&mut self, base: At<'_>, subject: &Subject) {
        let at = base.key("subject");
        self.text_at(at.key("name"), &subject.name);
        self.opt_text_at(at.key("kind"), subject.kind.as_deref());
        let attributes = at.key("attributes");
        let n = subject.attributes.len();
        self.count_at(attributes, "attributes", n, MAX_ITEMS);
        for (key, value) in subject.attributes.iter().take(MAX_ITEMS) {
            // A key too long is reported at its entry, as its value is.
            let longest = if key.len() > value.len() { key } else { value };
            self.text_at(attributes.key(key), longest);
        }
    }

    /// The texts of a person at `at`.
    pub(crate) fn person(&mut self, at: &str, person: &Person) {
        self.person_at(At::Base(at), person);
    }

    fn person_at(&mut self, at: At<'_>, person: &Person) {
        self.text_at(at.key("name"), &person.name);
        self.opt_text_at(at.key("organisation"), person.organisation.as_deref());
        self.opt_text_at(at.key("country"), person.country.as_deref());
    }

    /// Every limit of an assessment whose serialised form is at `base` (the
    /// empty string for a document of its own): the counts of its ratings,
    /// narratives, findings, assessors and evidence, and every text.
    ///
    /// Lists over their limit are reported once and their items beyond the
    /// limit are not looked at, so the work stays bounded by the limits.
    /// Paths are built only for an issue: checking a document within its
    /// limits allocates nothing.
    pub(crate) fn assessment(&mut self, base: &str, assessment: &Assessment) {
        let base = At::Base(base);
        self.subject_at(base, &assessment.subject);
        let assessors = base.key("assessors");
        let n = assessment.assessors.len();
        self.count_at(assessors, "assessors", n, MAX_ITEMS);
        for (i, person) in assessment.assessors.iter().enumerate().take(MAX_ITEMS) {
            self.person_at(assessors.index(i), person);
        }
        let ratings = base.key("ratings");
        let n = assessment.ratings.len();
        self.count_at(ratings, "ratings", n, MAX_CRITERIA);
        for (id, rating) in assessment.ratings.iter().take(MAX_CRITERIA) {
            if rating.note.is_none() && rating.evidence.is_empty() {
                continue;
            }
            let at = ratings.key(id.as_str());
            self.opt_text_at(at.key("note"), rating.note.as_deref());
            let evidence = at.key("evidence");
            self.count_at(evidence, "evidence", rating.evidence.len(), MAX_ITEMS);
            for (i, item) in rating.evidence.iter().enumerate().take(MAX_ITEMS) {
                let item_at = evidence.index(i);
                self.text_at(item_at.key("description"), &item.description);
                self.opt_text_at(item_at.key("reference"), item.reference.as_deref());
            }
        }
        let narratives = base.key("narratives");
        let n = assessment.narratives.len();
        self.count_at(narratives, "narratives", n, MAX_CRITERIA);
        for (id, text) in assessment.narratives.iter().take(MAX_CRITERIA) {
            self.text_at(narratives.key(id.as_str()), text);
        }
        self.findings_at(base, &assessment.findings);
    }

    /// The count and texts of the findings at `<base>/findings`.
    pub(crate) fn findings(
        &mut self,
        base: &str,
        findings: &[crate::model::assessment::DeclaredFinding],
    ) {
        self.findings_at(At::Base(base), findings);
    }

    fn findings_at(
        &mut self,
        base: At<'_>,
        findings: &[crate::model::assessment::DeclaredFinding],
    ) {
        let at = base.key("findings");
        self.count_at(at, "findings", findings.len(), MAX_CRITERIA);
        for (i, finding) in findings.iter().enumerate().take(MAX_CRITERIA) {
            self.text_at(at.index(i).key("text"), &finding.text);
        }
    }

    /// `text-too-long` at `at` when `text` is over [`MAX_TEXT_BYTES`].
    fn text_at(&mut self, at: At<'_>, text: &str) {
        if text.len() > MAX_TEXT_BYTES {
            self.too_long(at.render(), text);
        }
    }

    fn opt_text_at(&mut self, at: At<'_>, text: Option<&str>) {
        if let Some(text) = text {
            self.text_at(at, text);
        }
    }

    /// `too-many-items` at `at` when `count` is over `max`.
    fn count_at(&mut self, at: At<'_>, what: &str, count: usize, max: usize) {
        if count > max {
            self.count(&at.render(), what, count, max);
        }
    }
}

/// A JSON Pointer that is only written out when an issue needs it: a base
/// pointer and the tokens below it, each borrowed from the caller's stack.
#[derive(Clone, Copy)]
enum At<'a> {
    /// A pointer already written.
    Base(&'a str),
    /// An object key below a pointer.
    Key(&'a At<'a>, &'a str),
    /// An array index below a pointer.
    Index(&'a At<'a>, usize),
}

impl<'a> At<'a> {
    fn key(&'a self, key: &'a str) -> At<'a> {
        At::Key(self, key)
    }

    fn index(&'a self, i: usize) -> At<'a> {
        At::Index(self, i)
    }

    /// The pointer, escaped as RFC 6901 requires.
    fn render(&self) -> String {
        match self {
            At::Base(base) => (*base).to_owned(),
            At::Key(parent, key) => pointer(&parent.render(), key),
            At::Index(parent, i) => pointer(&parent.render(), i),
        }
    }
}
