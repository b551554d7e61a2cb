//! Analysis on the compiled core ([SPEC](crate::spec) §8): progress
//! between a baseline and a current report ([`Progress`], §8.1), bounds from
//! missing ratings ([`crate::Scorer::bounds`], §8.2) and uncertainty and
//! sensitivity of scores and ranks ([`Uncertainty`], §8.3).
//!
//! Progress reads two reports' views and scores nothing itself (across
//! versions, the carried baseline is scored by the current scorer). Bounds
//! and uncertainty run the core's one aggregation pass
//! (`scoring/aggregate.rs`): the bounds on filled-in ratings, the uncertainty analysis with perturbed
//! weights or another method passed in. The only randomness is a
//! xoshiro256** generator seeded explicitly (`rng.rs`).

mod bounds;
pub(crate) mod progress;
mod progress_note;
mod rng;
mod sobol;
mod uncertainty;
mod uncertainty_report;

pub use bounds::{Bounds, Leverage, NodeBounds};
pub use progress::{
    CarriedFrom, NodeProgress, PROGRESS_TOLERANCE, Progress, ProgressStatus, RatingChange,
    RiskChange, RiskStatus,
};
pub use progress_note::{LocalizedProgress, NodeTally, ProgressTally, StatusCounts};
pub use uncertainty::{Uncertainty, UncertaintySpec};
pub use uncertainty_report::{
    MemberUncertainty, Sensitivity, Spread, UncertainInput, UncertaintyReport,
};
