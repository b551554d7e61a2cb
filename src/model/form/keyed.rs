//! [`Keyed`]: a deserializer under which a struct must be written as an
//! object (a map of named fields), never as an array of its fields' values
//! (design, *Serialised form*).
//!
//! Serde's derived `Deserialize` of a struct accepts both forms: the
//! visitor it hands to `deserialize_struct` has a `visit_seq` that takes
//! the fields by position, and self-describing formats (serde_json, toml)
//! call it on an array. A positional array silently depends on the order
//! of the fields, and the JSON Schemas say `object`. Rather than write
//! every type's `Deserialize` by hand, [`Keyed`] wraps the deserializer:
//! it passes every call on, but a struct's visitor goes in wrapped in a
//! [`Guard`] that refuses a sequence, and every nested deserializer that
//! serde reaches through a map, a sequence, an option, a newtype or an
//! enum is wrapped again, so the rule holds at every depth.
//!
//! Two corners of serde are out of the wrapper's reach and are handled
//! where they occur:
//!
//! - An internally tagged enum (`#[serde(tag = "…")]`, such as
//!   [`IssueKind`](crate::IssueKind)) asks for `deserialize_any` with a visitor
//!   that takes the tag from the first element of an array. Its
//!   `expecting` is serde's `internally tagged enum <Name>`, which a
//!   [`Guard`] recognises: such a visitor gets no sequence either.
//! - Inside an internally tagged enum and in a `#[serde(flatten)]` field
//!   (and in an untagged enum), serde buffers the content and deserializes
//!   it with its own deserializer, which [`Keyed`] does not wrap, and the
//!   path of an error there stops at the buffered value. No document of
//!   the crate is read so: a [`Scale`](crate::Scale) is read as one struct
//!   of every scale's fields (`scale_form`), a report's node with its
//!   outcome as one struct (`crate::report::document`).
//!
//! Scalars are passed on unwrapped: their visitors take no struct, and
//! parsing strings and numbers stays as fast as without the wrapper.
//!
//! The same wrappers record where an error is: each map, sequence and enum
//! variant adds its step to a [`Track`] as an error of its content passes
//! through (see `track.rs`), which is how [`crate::from_deserializer`]
//! gives every error its JSON Pointer.

use std::cell::Cell;
use std::fmt;

use serde::de::{
    self, DeserializeSeed, Deserializer, EnumAccess, Expected, MapAccess, SeqAccess, Unexpected,
    VariantAccess, Visitor,
};

use super::track::{CaptureKey, Key, Segment, Track};

/// A deserializer under which no struct may be read from a sequence (see
/// the module docs), recording the path to an error in its [`Track`].
/// Wraps any deserializer; a sequence where a struct is expected fails
/// with `invalid type: sequence, expected struct <Name>`.
pub(crate) struct Keyed<'t, D> {
    de: D,
    track: &'t Track,
}

impl<'t, D> Keyed<'t, D> {
    #[inline]
    pub(crate) fn new(de: D, track: &'t Track) -> Keyed<'t, D> {
        Keyed { de, track }
    }
}

/// Passes scalar requests on with the visitor as it is.
macro_rules! plain {
    ($($method:ident($($arg:ident: $ty:ty),*))*) => {$(
        #[inline]
        fn $method<V: Visitor<'de>>(self, $($arg: $ty,)* visitor: V) -> Result<V::Value, D::Error> {
            self.de.$method($($arg,)* visitor)
        }
    )*};
}

/// Passes requests that may hold structs on with the visitor guarded, a
/// sequence let through as the given [`Form`] says.
macro_rules! guarded {
    ($($form:ident: $method:ident($($arg:ident: $ty:ty),*))*) => {$(
        #[inline]
        fn $method<V: Visitor<'de>>(self, $($arg: $ty,)* visitor: V) -> Result<V::Value, D::Error> {
            self.de.$method($($arg,)* Guard::new(visitor, Form::$form, self.track))
        }
    )*};
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for Keyed<'_, D> {
    type Error = D::Error;

    plain! {
        deserialize_bool()
        deserialize_i8() deserialize_i16() deserialize_i32() deserialize_i64() deserialize_i128()
        deserialize_u8() deserialize_u16() deserialize_u32() deserialize_u64() deserialize_u128()
        deserialize_f32() deserialize_f64() deserialize_char()
        deserialize_str() deserialize_string() deserialize_bytes() deserialize_byte_buf()
        deserialize_unit() deserialize_identifier() deserialize_ignored_any()
        deserialize_unit_struct(name: &'static str)
    }

    guarded! {
        Value: deserialize_option() Value: deserialize_seq() Value: deserialize_map()
        Any: deserialize_any()
        Value: deserialize_newtype_struct(name: &'static str)
        Value: deserialize_tuple(len: usize)
        Value: deserialize_tuple_struct(name: &'static str, len: usize)
        Struct: deserialize_struct(name: &'static str, fields: &'static [&'static str])
        Value: deserialize_enum(name: &'static str, variants: &'static [&'static str])
    }

    #[inline]
    fn is_human_readable(&self) -> bool {
        self.de.is_human_readable()
    }
}

/// What a [`Guard`] lets through as a sequence.
#[derive(Clone, Copy)]
enum Form {
    /// Any value: a sequence is passed on.
    Value,
    /// A struct (or a struct variant): a sequence is refused.
    Struct,
    /// Whatever the data holds (`deserialize_any`): a sequence is refused
    /// when the visitor is an internally tagged enum's.
    Any,
}

/// A visitor passed on with everything it is handed wrapped in [`Keyed`]
/// again, and a sequence refused where [`Form`] says so.
struct Guard<'t, V> {
    visitor: V,
    form: Form,
    track: &'t Track,
}

impl<'t, V> Guard<'t, V> {
    #[inline]
    fn new(visitor: V, form: Form, track: &'t Track) -> Guard<'t, V> {
        Guard {
            visitor,
            form,
            track,
        }
    }
}

impl<'de, V: Visitor<'de>> Visitor<'de> for Guard<'_, V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.visitor.expecting(f)
    }

    pass_visits! { visitor:
        visit_bool(bool)
        visit_i8(i8) visit_i16(i16) visit_i32(i32) visit_i64(i64) visit_i128(i128)
        visit_u8(u8) visit_u16(u16) visit_u32(u32) visit_u64(u64) visit_u128(u128)
        visit_f32(f32) visit_f64(f64) visit_char(char)
        visit_str(&str) visit_borrowed_str(&'de str) visit_string(String)
        visit_bytes(&[u8]) visit_borrowed_bytes(&'de [u8]) visit_byte_buf(Vec<u8>)
    }

    #[inline]
    fn visit_none<E: de::Error>(self) -> Result<V::Value, E> {
        self.visitor.visit_none()
    }

    #[inline]
    fn visit_unit<E: de::Error>(self) -> Result<V::Value, E> {
        self.visitor.visit_unit()
    }

    #[inline]
    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<V::Value, D::Error> {
        self.visitor
            .visit_some(Keyed::new(deserializer, self.track))
    }

    #[inline]
    fn visit_newtype_struct<D: Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<V::Value, D::Error> {
        self.visitor
            .visit_newtype_struct(Keyed::new(deserializer, self.track))
    }

    #[inline]
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<V::Value, A::Error> {
        let refused = match self.form {
            Form::Value => false,
            Form::Struct => true,
            Form::Any => expects_tagged_enum(&self.visitor),
        };
        if refused {
            return Err(de::Error::invalid_type(Unexpected::Seq, &self.visitor));
        }
        self.visitor.visit_seq(KeyedSeq {
            seq,
            track: self.track,
            index: 0,
        })
    }

    #[inline]
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
        self.visitor.visit_map(KeyedMap {
            map,
            track: self.track,
            key: Key::new(),
        })
    }

    #[inline]
    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<V::Value, A::Error> {
        self.visitor.visit_enum(KeyedEnum {
            data,
            track: self.track,
        })
    }
}

/// The start of the `expecting` of the visitor that serde's derive gives
/// an internally tagged enum (`internally tagged enum Scale`), unless the
/// enum sets `#[serde(expecting)]`, which none of this crate's do.
const TAGGED_ENUM: &str = "internally tagged enum ";

/// Whether `visitor` is an internally tagged enum's. Called only when a
/// sequence arrives at `deserialize_any`; compares the visitor's
/// `expecting` with [`TAGGED_ENUM`] as it is written, without allocating,
/// and stops at the first byte that differs.
pub(crate) fn expects_tagged_enum<'de, V: Visitor<'de>>(visitor: &V) -> bool {
    let mut prefix = Prefix { rest: TAGGED_ENUM };
    // The error only says that the comparison stopped early.
    let _ = fmt::write(&mut prefix, format_args!("{}", visitor as &dyn Expected));
    prefix.rest.is_empty()
}

/// A writer that consumes [`TAGGED_ENUM`] as long as what is written
/// matches it, and stops the writing (with an error) once it differs or
/// is matched.
struct Prefix {
    rest: &'static str,
}

impl fmt::Write for Prefix {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        if let Some(rest) = self.rest.strip_prefix(s) {
            self.rest = rest;
            if rest.is_empty() {
                Err(fmt::Error)
            } else {
                Ok(())
            }
        } else {
            if s.starts_with(self.rest) {
                self.rest = "";
            }
            Err(fmt::Error)
        }
    }
}

/// A sequence whose elements are read with [`Keyed`]; an element that
/// fails adds its index to the path.
struct KeyedSeq<'t, A> {
    seq: A,
    track: &'t Track,
    index: usize,
}

impl<'de, A: SeqAccess<'de>> SeqAccess<'de> for KeyedSeq<'_, A> {
    type Error = A::Error;

    #[inline]
    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, A::Error> {
        let entered = Cell::new(false);
        let seed = KeyedSeed::new(seed, self.track, Some(&entered));
        let element = self.seq.next_element_seed(seed);
        let index = self.index;
        self.index = index.saturating_add(1);
        settle_or_fail(self.track, element, &entered, || Segment::Index(index))
    }

    #[inline]
    fn size_hint(&self) -> Option<usize> {
        self.seq.size_hint()
    }
}

/// A map whose values are read with [`Keyed`]; a value that fails adds its
/// key to the path. Keys are read as they are (the model's keys are
/// strings and ids, never structs), their text kept for the path.
struct KeyedMap<'t, 'de, A> {
    map: A,
    track: &'t Track,
    key: Key<'de>,
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for KeyedMap<'_, 'de, A> {
    type Error = A::Error;

    #[inline]
    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        self.key.forget();
        let key = self.map.next_key_seed(CaptureKey::new(seed, &mut self.key));
        key.inspect_err(|_| self.track.fail(self.key.segment()))
    }

    #[inline]
    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value, A::Error> {
        let entered = Cell::new(false);
        let seed = KeyedSeed::new(seed, self.track, Some(&entered));
        let value = self.map.next_value_seed(seed);
        settle_or_fail(self.track, value, &entered, || self.key.segment())
    }

    #[inline]
    fn size_hint(&self) -> Option<usize> {
        self.map.size_hint()
    }
}

/// The end of reading a map's value or a sequence's element: read well,
/// what an error below it recorded is forgotten; failed after its
/// deserializer was handed over, it adds its `step` to the path.
#[inline]
fn settle_or_fail<T, E>(
    track: &Track,
    result: Result<T, E>,
    entered: &Cell<bool>,
    step: impl FnOnce() -> Segment,
) -> Result<T, E> {
    match result {
        Ok(value) => {
            track.settle();
            Ok(value)
        }
        Err(err) => {
            if entered.get() {
                track.fail(step());
            }
            Err(err)
        }
    }
}

/// An enum whose variant's content is read with [`Keyed`].
struct KeyedEnum<'t, A> {
    data: A,
    track: &'t Track,
}

impl<'de, 't, A: EnumAccess<'de>> EnumAccess<'de> for KeyedEnum<'t, A> {
    type Error = A::Error;
    type Variant = KeyedVariant<'t, 'de, A::Variant>;

    #[inline]
    fn variant_seed<T: DeserializeSeed<'de>>(
        self,
        seed: T,
    ) -> Result<(T::Value, Self::Variant), A::Error> {
        let mut name = Key::new();
        let (value, variant) = self.data.variant_seed(CaptureKey::new(seed, &mut name))?;
        let variant = KeyedVariant {
            variant,
            track: self.track,
            name,
        };
        Ok((value, variant))
    }
}

/// A variant's content, read with [`Keyed`]; a struct variant may not be a
/// sequence. Content that fails adds the variant's name to the path.
struct KeyedVariant<'t, 'de, A> {
    variant: A,
    track: &'t Track,
    name: Key<'de>,
}

/// `result`, with the variant's `name` added to the path of an error.
#[inline]
fn in_variant<T, E>(track: &Track, name: &Key<'_>, result: Result<T, E>) -> Result<T, E> {
    result.inspect_err(|_| track.fail(name.segment()))
}

impl<'de, A: VariantAccess<'de>> VariantAccess<'de> for KeyedVariant<'_, 'de, A> {
    type Error = A::Error;

    #[inline]
    fn unit_variant(self) -> Result<(), A::Error> {
        in_variant(self.track, &self.name, self.variant.unit_variant())
    }

    #[inline]
    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, A::Error> {
        let seed = KeyedSeed::new(seed, self.track, None);
        in_variant(
            self.track,
            &self.name,
            self.variant.newtype_variant_seed(seed),
        )
    }

    #[inline]
    fn tuple_variant<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value, A::Error> {
        let visitor = Guard::new(visitor, Form::Value, self.track);
        in_variant(
            self.track,
            &self.name,
            self.variant.tuple_variant(len, visitor),
        )
    }

    #[inline]
    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, A::Error> {
        let visitor = Guard::new(visitor, Form::Struct, self.track);
        let result = self.variant.struct_variant(fields, visitor);
        in_variant(self.track, &self.name, result)
    }
}

/// A seed that deserialises from [`Keyed`] around the deserializer it is
/// given, noting in `entered` that it was given one.
struct KeyedSeed<'t, 'e, S> {
    seed: S,
    track: &'t Track,
    entered: Option<&'e Cell<bool>>,
}

impl<'t, 'e, S> KeyedSeed<'t, 'e, S> {
    #[inline]
    fn new(seed: S, track: &'t Track, entered: Option<&'e Cell<bool>>) -> Self {
        KeyedSeed {
            seed,
            track,
            entered,
        }
    }
}

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for KeyedSeed<'_, '_, S> {
    type Value = S::Value;

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<S::Value, D::Error> {
        if let Some(entered) = self.entered {
            entered.set(true);
        }
        self.seed.deserialize(Keyed::new(deserializer, self.track))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A visitor whose `expecting` is written in the given pieces.
    struct Pieces(&'static [&'static str]);

    impl Visitor<'_> for Pieces {
        type Value = ();

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            self.0.iter().try_for_each(|piece| f.write_str(piece))
        }
    }

    #[test]
    fn recognises_a_tagged_enum_by_its_expecting() {
        for (pieces, tagged) in [
            (&["internally tagged enum Scale"][..], true),
            (&["internally tagged enum ", "Scale"][..], true),
            (&["internally ", "tagged enum", " Scale"][..], true),
            (&["internally tagged enum "][..], true),
            (&["", "internally tagged enum X", ""][..], true),
            (&["internally tagged enum"][..], false),
            (&["struct Criterion"][..], false),
            (&["any value"][..], false),
            (&["internally ", "untagged enum X"][..], false),
            (&[][..], false),
        ] {
            assert_eq!(expects_tagged_enum(&Pieces(pieces)), tagged, "{pieces:?}");
        }
    }
}
