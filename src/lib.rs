//! Typed, versioned models of assessment frameworks for programmes that
//! integrate migrants and refugees into work and society.

mod assessment;
mod framework;
mod id;
mod issue;
mod rules;
mod scale;
mod validate;

pub mod catalog;

pub use assessment::{
    Assessment, DeclaredFinding, Evidence, EvidenceKind, FindingKind, Person, Rating, Subject,
};
pub use framework::{
    Criterion, Derivation, DerivationKind, Facet, FacetValue, Framework, FrameworkRef, Provenance,
    Walk,
};
pub use id::{Id, IdError};
pub use issue::{Issue, IssueKind, Severity, ValidationError, pointer};
pub use rules::{Aggregation, Band, MissingPolicy, ScoringRules};
pub use scale::{Direction, Level, RatingValue, Scale};
pub use validate::MAX_DEPTH;
