//! Typed, versioned models of assessment frameworks for programmes that
//! integrate migrants and refugees into work and society.

mod assessment;
mod cohort;
mod compose;
mod date;
mod framework;
mod id;
mod issue;
mod krippendorff;
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
    Cohort, CohortError, CohortState, CohortStats, CommonRisk, LevelCount, NodeStats, Synthesis,
    Weakness,
};
pub use compose::{ComposeError, Composition, compose};
pub use date::{DateError, IsoDate};
pub use framework::{
    Criterion, Derivation, DerivationKind, Facet, FacetValue, Framework, FrameworkRef, Provenance,
    Walk,
};
pub use id::{Id, IdError};
pub use issue::{Issue, IssueKind, Severity, ValidationError, pointer};
pub use krippendorff::{MeasurementLevel, krippendorff_alpha};
pub use mapping::{
    Carried, Mapping, MappingEntry, MappingError, NotCarried, NotCarriedReason, Relation,
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
    ScaleMean, ScoreError, Scorer, Scratch,
};
pub use validate::MAX_DEPTH;
