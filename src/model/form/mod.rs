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

pub(crate) mod defaults;
pub(crate) mod keyed;
pub(crate) mod scale_form;
pub(crate) mod track;
pub(crate) mod unique_keys;
#[cfg(feature = "schema")]
pub(crate) mod version_schema;
