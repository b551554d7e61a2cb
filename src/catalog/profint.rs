//! The PROFINT model (Erasmus+, "European professional teams for
//! successful integration of migrants and refugees"): the success factors
//! of its two phases, the learning-assessment grid and the interview grids'
//! respondent types.
//!
//! - [`success_factors_io1`]: `profint-io1` 1.0.0, the 13 factors of the
//!   first phase (Figure 1), tagged with the source's two facets
//!   (stakeholder, field of professionalisation);
//! - [`success_factors_io2`]: `profint-io2` 1.0.0, the 13 reformulated
//!   factors in Figure 4's order, each tagged (facet [`PART_FACET`]) with
//!   the part of the PROFINT model it is placed in, the crate's reading;
//! - [`io1_to_io2`]: the [`Mapping`](crate::Mapping) from the IO1 factors
//!   to the IO2 factors (section 4.1), and [`migrate_io1`] to carry an IO1
//!   assessment across;
//! - [`learning_grid`]: `profint-learning-grid` 1.0.0, the 22 proposals of
//!   appendix E in 5 learning domains, rated 1 to 3 for importance;
//! - [`RespondentType`]: the interview grids A to D, by respondent type,
//!   with the fields of professionalisation ([`Field`]) each asks about.
//!
//! # What the source does not give
//!
//! The documentation summarises the appendices but does not reproduce them:
//! the wording of the learning grid's 22 proposals, the questions of grids A
//! to D, and Figures 2, 3 and 5 (the averages per learning domain and the
//! model's recommendations) are not in it. It gives no publication year. It
//! does not say which of the four parts each IO2 factor belongs to; the
//! tags of the facet `part` are the crate's reading, said so in the facet's
//! description, the provenance and each factor's `source`.

use crate::model::framework::{Facet, FacetValue, Provenance};
use crate::model::scale::Scale;

use super::id;

mod io1;
mod io1_to_io2;
mod io2;
mod learning_grid;
mod respondent;

pub use io1::success_factors_io1;
pub use io1_to_io2::{io1_to_io2, migrate_io1};
pub use io2::{PART_FACET, Part, success_factors_io2};
pub use learning_grid::{Domain, learning_grid};
pub use respondent::{Field, RespondentType, RespondentTypeError};

/// The network, as the source names it.
pub const NETWORK: &str = "PROFINT (Erasmus+)";

/// The source document's title.
pub const DOCUMENT: &str =
    "PROFINT model – Documentation: Formalization and references of the partners' work";

/// The id of the binary scale the success factors are rated on.
pub const SUCCESS_SCALE: &str = "met";

/// The binary scale of the success factors: the factor holds for the device
/// (met) or not (not met).
fn success_scale() -> Scale {
    Scale::Binary {
        title: Some("Met".to_owned()),
        description: Some(
            "The success factor holds for the device (met) or does not (not met).".to_owned(),
        ),
    }
}

/// Provenance shared by the PROFINT catalogues, with `notes` added.
fn provenance(notes: Vec<String>) -> Provenance {
    Provenance {
        network: Some(NETWORK.to_owned()),
        document: Some(DOCUMENT.to_owned()),
        year: None,
        notes,
        derived_from: Vec::new(),
    }
}

/// A facet value with a short title and the source's phrase as description.
fn value(title: &str, source_phrase: &str) -> FacetValue {
    FacetValue {
        title: title.to_owned(),
        description: Some(source_phrase.to_owned()),
    }
}

/// The stakeholder facet of IO1 (section 2.2).
fn stakeholder_facet() -> Facet {
    Facet {
        title: "Stakeholder".to_owned(),
        description: Some(
            "The stakeholder of the device a success factor refers to (section 2.2).".to_owned(),
        ),
        values: [
            (
                id("beneficiaries"),
                value("Beneficiaries", "the beneficiaries"),
            ),
            (
                id("partners"),
                value(
                    "Partners",
                    "the partners of the organization implementing the device",
                ),
            ),
            (
                id("organisation"),
                value("Organisation", "the organization implementing the device"),
            ),
        ]
        .into_iter()
        .collect(),
    }
}

/// The field-of-professionalisation facet of IO1 (section 2.2).
fn field_facet() -> Facet {
    Facet {
        title: "Field of professionalization".to_owned(),
        description: Some(
            "The field of professionalization a success factor refers to (section 2.2).".to_owned(),
        ),
        values: Field::ALL
            .into_iter()
            .map(|field| (id(field.id()), value(field.label(), field.source_phrase())))
            .collect(),
    }
}
