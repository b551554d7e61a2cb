//! Typed, versioned models of assessment frameworks for programmes that
//! integrate migrants and refugees into work and society (IMPART, PROFINT,
//! good-practice criteria): validation that reports every problem and where
//! it is, and exact, explainable scoring. The crate does no I/O: documents
//! come in and go out through serde, in whatever format the caller reads
//! and writes.
//!
//! ```
//! use assessment_model::{Assessment, Framework, RatingValue, Scorer, Subject, from_deserializer};
//!
//! // A framework as a user writes it: two questions, each with checklist items.
//! let text = r#"{
//!     "id": "my-checklist", "version": "1.0.0", "title": "My checklist",
//!     "scales": { "met": { "type": "binary" } },
//!     "criteria": [
//!         { "id": "q1", "title": "Are beneficiaries consulted?", "children": [
//!             { "id": "q1-1", "title": "Regular consultation", "scale": "met" },
//!             { "id": "q1-2", "title": "Feedback is acted on", "scale": "met" }
//!         ]},
//!         { "id": "q2", "title": "Is the practice monitored?", "children": [
//!             { "id": "q2-1", "title": "Monitoring plan", "scale": "met" }
//!         ]}
//!     ]
//! }"#;
//! let framework: Framework = from_deserializer(&mut serde_json::Deserializer::from_str(text))?;
//! let scorer = Scorer::new(&framework)?; // validates, then compiles
//!
//! let mut assessment = Assessment::new(framework.exact_ref(), Subject::new("A local project"));
//! assessment.rate("q1-1".parse()?, RatingValue::Met);
//! assessment.rate("q2-1".parse()?, RatingValue::NotMet);
//! let report = scorer.score(&assessment)?;
//!
//! // q1 = 1 (q1-2 is unrated, so left out), q2 = 0; the total is their mean,
//! // with two of the three leaves rated.
//! assert_eq!(report.node("q1").and_then(|n| n.score()), Some(1.0));
//! assert_eq!(report.total().score(), Some(0.5));
//! assert_eq!(report.total().coverage(), Some(2.0 / 3.0));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Overview
//!
//! - **Model.** A [`Framework`] is a versioned tree of [`Criterion`]s: groups
//!   of criteria, and at the leaves indicators rated on a named [`Scale`]
//!   (binary, ordinal levels or a numeric range). [`Facet`]s classify
//!   criteria for cross-cutting views; [`ScoringRules`] carry the default
//!   aggregation, missing-rating policy, coverage threshold, bands and
//!   finding thresholds. Every identifier is a checked kebab-case [`Id`].
//!   [`versioning`] says what a framework's major, minor and patch versions
//!   promise to the assessments made against it.
//! - **Assessments.** An [`Assessment`] rates one [`Subject`] against one
//!   framework version ([`FrameworkRef`]): a [`Rating`] per leaf, with
//!   [`Evidence`] and notes, narratives per criterion and declared findings.
//! - **Validation.** [`Framework::validate`] collects every problem, not the
//!   first, as an [`Issue`] with a JSON Pointer into the serialised document
//!   and an [`IssueKind`] with a stable code and a [`Severity`];
//!   [`Framework::issues`] lists the checks. [`from_deserializer`] reports a
//!   document that does not parse the same way. No input, however
//!   malformed, makes validation panic, overflow the stack or take more than
//!   linear time; trees deeper than [`MAX_DEPTH`] are reported, not walked.
//! - **Scoring.** A [`Scorer`] exists only for a valid framework; it turns
//!   an assessment into a [`Report`]: a score, coverage and band per node,
//!   risks and strengths, facet views, and improvement [`Priority`]s.
//!   A [`Cohort`] gathers statistics over many reports.
//! - **Tailoring and crosswalks.** [`compose`] joins a base framework and
//!   its modules; a [`Profile`] selects, drops or reweights criteria; a
//!   [`Mapping`] carries an assessment from one framework to another.
//! - **Peer review.** A [`PeerReview`] gathers several peers' assessments of
//!   one subject and consolidates them, with their agreement.
//! - **Catalogues.** [`catalog`] ships the frameworks of the sources, word
//!   for word, and the worked good-practice assessment.
//! - **Serialised form.** Field names and enum values are snake_case, ids
//!   kebab-case; optional fields are omitted when empty; definitions deny
//!   unknown fields, so a typo in a hand-written file is an error, and maps
//!   reject a key given twice.
//!
//! # Features
//!
//! - `schema` (default): derives `schemars::JsonSchema` for every document
//!   type and adds the `schema` module, which returns the JSON Schema of
//!   each top-level document.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod assessment;
mod cohort;
mod compose;
mod date;
mod framework;
mod id;
mod id_index;
mod issue;
mod krippendorff;
pub mod limits;
mod mapping;
mod parse;
mod profile;
mod review;
mod rules;
mod scale;
#[cfg(feature = "schema")]
pub mod schema;
mod scoring;
mod validate;
pub mod versioning;

pub mod catalog;

pub use assessment::{
    Assessment, DeclaredFinding, Evidence, EvidenceKind, FindingKind, Person, Rating, Subject,
};
pub use cohort::{
    Cohort, CohortState, CohortStats, CommonRisk, LevelCount, NodeStats, Synthesis, Weakness,
};
pub use compose::{Composition, compose};
pub use date::{DateError, IsoDate};
pub use framework::{
    Criterion, Derivation, DerivationKind, Facet, FacetValue, Framework, FrameworkRef, Provenance,
    Walk,
};
pub use id::{Id, IdError};
pub use issue::{Issue, IssueKind, Severity, ValidationError, pointer};
pub use krippendorff::{MeasurementLevel, krippendorff_alpha};
pub use limits::{MAX_CRITERIA, MAX_DEPTH, MAX_ITEMS, MAX_LEVELS, MAX_PEERS, MAX_TEXT_BYTES};
pub use mapping::{
    Carried, FindingNotCarried, Mapping, MappingEntry, NotCarried, NotCarriedReason, Relation,
    Translation, Unrated, rescale,
};
pub use parse::from_deserializer;
pub use profile::{Profile, ProfileError, Selection};
pub use review::{
    Agreement, BaselineReport, Consolidated, Consolidation, ContextDocuments, Counterpart,
    Disagreement, LeafAgreement, PeerReview, ReviewError, ScaleAgreement, StudyVisit,
};
pub use rules::{Aggregation, Band, MissingPolicy, ScoringRules};
pub use scale::{Direction, Level, RatingValue, Scale};
pub use scoring::{
    Counts, DenseRatings, FacetScore, Finding, NoScore, NodeScore, Outcome, Priority, Report,
    ScaleMean, Scorer, Scratch,
};

#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
