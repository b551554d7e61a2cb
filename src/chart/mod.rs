//! Charts as SVG text ([SPEC](crate::spec) §9): pure functions from a
//! report, a progress, bounds or an uncertainty result to an SVG document
//! (no I/O, no dependency), for people to look at.
//!
//! | function | draws | marks |
//! |---|---|---|
//! | [`profile`](fn@profile) | a [`Report`](crate::Report) over its top-level areas: a radar for 3 to 12 areas, horizontal bars otherwise, band thresholds and risks marked | one per area |
//! | [`group_profile`] | the same over one group's children | one per child |
//! | [`progress()`] | a [`Progress`](crate::Progress): baseline against current per node, how it moved by shape and word | one per node, and the total |
//! | [`uncertainty()`] | an [`UncertaintyReport`](crate::analysis::UncertaintyReport): each member's score and rank interval with its nominal value | one per member |
//! | [`bounds()`] | [`Bounds`](crate::Bounds): each node's `[lower, upper]` with its current score | one per node, and the total |
//!
//! Every chart is one `<svg>` element of the size the [`ChartOptions`]
//! give, with a `<title>` and a `<desc>` (named by `aria-labelledby`; the
//! description lists every mark's words, so a screen reader hears what the
//! chart shows), text labels, and each mark a `<g class="mark">` with its
//! own `<title>` (a tooltip). A long title is shortened with an ellipsis,
//! its full text in a `<title>`. Colours come from a palette for readers
//! with a colour vision deficiency and never carry meaning alone: a shape,
//! a hatched fill, a dashed line or a word says the same. Criterion titles
//! and band labels come from a [`Localized`](crate::localization::Localized)
//! when the options carry one ([`ChartOptions::texts`]), the chart's own
//! words from [`ChartWords`]. The same data and options give the same
//! bytes, on every platform: numbers are written with one decimal by
//! Rust's exact formatting, and the radar's sines and cosines are computed
//! with additions and multiplications only.
//!
//! This module sits on the floor of the core's users, beside
//! [`analysis`](crate::analysis), whose progress and uncertainty it draws
//! (DESIGN.md puts charts in `report/`, but the report floor may not import
//! the analysis floor above it).
//!
//! # Examples
//!
//! ```
//! use assessment_model::{Scorer, chart};
//! use assessment_model::catalog::good_practice;
//!
//! let report = Scorer::new(&good_practice::criteria())?.score(&good_practice::worked_example())?;
//! let svg = chart::profile(&report, &chart::ChartOptions::new(640, 480));
//! assert!(svg.contains("<title id=\"assessment-chart-title\">Profile: "));
//! assert_eq!(svg, chart::profile(&report, &chart::ChartOptions::new(640, 480)));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod area;
mod bounds;
mod options;
mod profile;
mod progress;
mod radar;
mod rows;
mod svg;
mod uncertainty;

pub use bounds::bounds;
pub use options::{ChartOptions, ChartWords};
pub use profile::{group_profile, profile};
pub use progress::progress;
pub use uncertainty::uncertainty;
