//! Analysis on the compiled core ([SPEC](crate::spec) §8): progress
//! between a baseline and a current report ([`Progress`], §8.1) and
//! uncertainty and sensitivity of scores and ranks ([`Uncertainty`],
//! §8.3). The bounds of one assessment (§8.2) are a report of that
//! assessment, made by [`crate::Scorer::bounds`] on the report floor.
//!
//! This module holds [`Progress`] with its parts ([`NodeProgress`],
//! [`ProgressStatus`], [`RiskChange`], [`RiskStatus`], [`RatingChange`],
//! [`CarriedFrom`], [`PROGRESS_TOLERANCE`]), its text ([`LocalizedProgress`])
//! and its counts over a cohort ([`ProgressTally`], [`NodeTally`],
//! [`StatusCounts`]); and [`Uncertainty`] with its [`UncertaintySpec`] and
//! results ([`UncertaintyReport`], [`MemberUncertainty`], [`Spread`],
//! [`Sensitivity`], [`UncertainInput`]). The crate root re-exports
//! [`Progress`], [`Uncertainty`] and [`UncertaintySpec`].
//!
//! Progress reads two reports' views and scores nothing itself (across
//! versions, the carried baseline is scored by the current scorer).
//! Uncertainty runs the core's one interpreter on a copy of the compiled
//! program with each sample's weights and methods written in. The only
//! randomness is a xoshiro256** generator seeded explicitly (`rng.rs`).

pub(crate) mod progress;
mod progress_note;
mod rng;
mod sobol;
mod uncertainty;
mod uncertainty_report;

pub use progress::{
    CarriedFrom, NodeProgress, PROGRESS_TOLERANCE, Progress, ProgressStatus, RatingChange,
    RiskChange, RiskStatus,
};
pub use progress_note::{LocalizedProgress, NodeTally, ProgressTally, StatusCounts};
pub use uncertainty::{Uncertainty, UncertaintySpec};
pub use uncertainty_report::{
    MemberUncertainty, Sensitivity, Spread, UncertainInput, UncertaintyReport,
};
