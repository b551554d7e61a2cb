//! The built-in catalogues: the real frameworks of the source documents,
//! word for word, ready to validate, score and export.
//!
//! | module | frameworks | source |
//! |---|---|---|
//! | [`good_practice`] | `good-practice-criteria` (5 areas, 11 questions, 36 checklist items) and the worked Afpa example | "Good Practice Criteria" with a worked assessment |
//! | [`impart`] | `impart-core` (8 critical factors, 30 indicators), thematic modules declared by the user, the study visits | IMPART (ESF Learning Network 2009-12) seminar slides and methodology page |
//! | [`crosswalk`] | `impart-core-to-good-practice`, a [`Mapping`](crate::Mapping) from the IMPART core indicators to the good-practice checklist items | none: the crate's own reading of the two sources side by side (the seminar slides and the good-practice criteria), neither of which gives a crosswalk or refers to the other |
//! | [`profint`] | `profint-io1` and `profint-io2` (13 success factors each), `profint-learning-grid` (22 proposals in 5 domains), the interview grids' respondent types, the mapping `profint-io1-to-io2` | PROFINT (Erasmus+) model documentation; the mapping is the crate's reading of its section 4.1 and Figures 1 and 4 (the source tells how the list was reformulated, not factor by factor) |
//!
//! Every catalogue is built in code (no I/O) and carries its provenance: the
//! source document, and per criterion (`source`) where in it the criterion
//! comes from. Titles are the sources' own wording, character for character
//! (curly apostrophes, en dashes and the sources' typos included); where the
//! sources leave something out (a rating scale, a proposal's wording, the
//! indicators of IMPART's thematic modules), the catalogue says so in its
//! provenance notes rather than filling the gap. Where a catalogue gives
//! the crate's own reading of a source rather than what the source states
//! (the crosswalk, the part each PROFINT IO2 factor is placed in, the
//! country of the worked example), its description, provenance or `source`
//! says so.
//!
//! Every catalogue is in English (`language` `en`), the language of its
//! sources, and none comes with a [`Localization`](crate::Localization):
//! the sources give no translation, and the crate does not make one up.
//! A translator can deliver one as a document of its own
//! ([SPEC](crate::spec) §3.12).
//!
//! # Examples
//!
//! ```
//! use assessment_model::catalog;
//!
//! for framework in catalog::frameworks() {
//!     framework.validate()?;
//! }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use crate::model::framework::Framework;
use crate::model::id::Id;

pub mod crosswalk;
pub mod good_practice;
pub mod impart;
pub mod profint;

/// Every built-in framework, in a fixed order: good-practice criteria,
/// IMPART core, PROFINT IO1, PROFINT IO2, PROFINT learning grid.
///
/// # Examples
///
/// ```
/// use assessment_model::catalog;
///
/// let ids: Vec<String> = catalog::frameworks().iter().map(|f| f.id.to_string()).collect();
/// assert_eq!(ids, [
///     "good-practice-criteria",
///     "impart-core",
///     "profint-io1",
///     "profint-io2",
///     "profint-learning-grid",
/// ]);
/// ```
pub fn frameworks() -> Vec<Framework> {
    vec![
        good_practice::criteria(),
        impart::core(),
        profint::success_factors_io1(),
        profint::success_factors_io2(),
        profint::learning_grid(),
    ]
}

/// An id spelt by a catalogue (see `Id::trusted`).
fn id(s: impl Into<String>) -> Id {
    Id::trusted(s)
}
