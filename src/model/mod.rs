//! The documents ([SPEC](crate::spec) §3): ids, scales, scoring rules,
//! the framework and its criteria and facets, the assessment with its
//! ratings, evidence and declared findings, validation issues (the one
//! issue-list error, §3.11, §6), dates, language tags and the size limits
//! (§6.4). The
//! crate root re-exports the names a newcomer needs first; this module
//! holds them all, with the rest: provenance and derivations, people,
//! kinds of evidence and of findings, the id, date and language-tag
//! errors, [`pointer()`] for JSON Pointers, the `MAX_*` limits, and the
//! [`Observer`] of long work with its errors ([`Stopped`], [`RunError`]).
//!
//! The lowest floor: it imports nothing else of the crate.

pub(crate) mod assessment;
pub(crate) mod blank;
pub(crate) mod date;
pub(crate) mod form {
    //! The serialised form of the documents, as far as serde's derives do not
    //! give it (design, *Serialised form*): a struct is always an object
    //! ([`keyed`], with the path to an error recorded by [`track`]), a map
    //! rejects a key given twice ([`unique_keys`]), the defaults that are left
    //! out when serialising ([`defaults`]) and the JSON Schema of a version
    //! ([`version_schema`]). The model's derives name these in their
    //! `#[serde(...)]` attributes, so they sit on the model's floor;
    //! [`from_deserializer`](crate::read::from_deserializer) builds on them.

    /// Visitor methods that pass a scalar on to the visitor in `self.$field`
    /// unchanged: the wrappers of `keyed` and `track` pass most visits on so.
    macro_rules! pass_visits {
        ($field:ident: $($method:ident($ty:ty))*) => {$(
            #[inline]
            fn $method<E: serde::de::Error>(self, v: $ty) -> Result<V::Value, E> {
                self.$field.$method(v)
            }
        )*};
    }

    /// Calls the macro `$forward` with every method of serde's
    /// `Deserializer` that takes a visitor, each with its arguments but the
    /// visitor: the one list that the crate's deserializers which pass
    /// every request on (`track`'s key capture, the reader of a whole JSON
    /// text) are written over.
    macro_rules! with_deserialize_methods {
        ($forward:ident) => {
            $forward! {
                deserialize_any() deserialize_bool()
                deserialize_i8() deserialize_i16() deserialize_i32() deserialize_i64() deserialize_i128()
                deserialize_u8() deserialize_u16() deserialize_u32() deserialize_u64() deserialize_u128()
                deserialize_f32() deserialize_f64() deserialize_char()
                deserialize_str() deserialize_string() deserialize_bytes() deserialize_byte_buf()
                deserialize_option() deserialize_unit() deserialize_seq() deserialize_map()
                deserialize_identifier() deserialize_ignored_any()
                deserialize_unit_struct(name: &'static str)
                deserialize_newtype_struct(name: &'static str)
                deserialize_tuple(len: usize)
                deserialize_tuple_struct(name: &'static str, len: usize)
                deserialize_struct(name: &'static str, fields: &'static [&'static str])
                deserialize_enum(name: &'static str, variants: &'static [&'static str])
            }
        };
    }
    pub(crate) use with_deserialize_methods;

    pub(crate) mod defaults;
    pub(crate) mod keyed;
    pub(crate) mod scale_form;
    pub(crate) mod track;
    pub(crate) mod unique_keys;
    #[cfg(feature = "schema")]
    pub(crate) mod version_schema;
}
pub(crate) mod framework;
pub(crate) mod id;
pub(crate) mod id_index;
pub(crate) mod issue;
pub(crate) mod language_tag;
pub mod limits;
pub(crate) mod rules;
pub(crate) mod scale;
pub mod versioning;
pub(crate) mod work;

pub use assessment::{
    Assessment, DeclaredFinding, Evidence, EvidenceKind, FindingKind, Person, Rating, Subject,
};
pub use date::{DateError, IsoDate};
pub use framework::{
    Criterion, Derivation, DerivationKind, Facet, FacetValue, Framework, FrameworkRef, Provenance,
    Walk,
};
pub use id::{Id, IdError};
pub use issue::{Issue, IssueKind, Severity, ValidationError, pointer};
pub use language_tag::{LanguageTag, LanguageTagError};
pub use limits::{
    MAX_CRITERIA, MAX_DEPTH, MAX_EVALUATIONS, MAX_ITEMS, MAX_LEVELS, MAX_PEERS, MAX_TEXT_BYTES,
};
pub use rules::{Aggregation, Band, MissingPolicy, ScoringRules};
pub use scale::{Direction, Level, LevelRef, RatingValue, Scale};
pub use work::{Observer, RunError, Stopped};
