//! [`Track`]: the path to a deserialisation error, recorded as the error
//! travels up through the wrappers of [`Keyed`](super::keyed::Keyed), and
//! [`Key`]: the key of the map entry (or the enum variant) being read,
//! kept for that path.
//!
//! Nothing is recorded while a document reads well: a wrapper adds its
//! step of the path only when the value below it fails, innermost first.
//! So the price of knowing where an error is, on a document without one,
//! is keeping each map's current key, which is borrowed from the input
//! when the format lends it (serde_json does, for a key without escapes)
//! and otherwise copied into one buffer per map, reused for all its keys.
//!
//! The path follows what `serde_path_to_error` (which the crate used
//! before) gives: a value's key or index is part of the path once its
//! deserializer has been handed over, so an error of the format around a
//! value (a missing `:`) points to the enclosing map; a key that is no
//! string, boolean or integer ends the path.

use std::cell::Cell;
use std::fmt::{self, Write as _};

use serde::de::{self, DeserializeSeed, Deserializer, EnumAccess, MapAccess, SeqAccess, Visitor};

/// One step of the path from the document's root to the error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Segment {
    /// An element of a sequence, by position.
    Index(usize),
    /// A map's value by its key, or an enum variant's content by its name.
    Key(String),
    /// A map's value under a key that is not a string, a boolean or an
    /// integer: the path can go no deeper.
    Opaque,
}

/// The steps recorded for the error being reported, innermost first.
#[derive(Default)]
pub(crate) struct Track {
    steps: Cell<Vec<Segment>>,
    /// Whether `steps` holds anything (read on every value read well).
    recorded: Cell<bool>,
}

impl Track {
    /// Records the step of a value whose reading failed.
    pub(crate) fn fail(&self, segment: Segment) {
        let mut steps = self.steps.take();
        steps.push(segment);
        self.steps.set(steps);
        self.recorded.set(true);
    }

    /// Forgets what was recorded: the value was read after all, so a
    /// visitor below recovered from an error of one of its parts.
    #[inline]
    pub(crate) fn settle(&self) {
        if self.recorded.get() {
            self.steps.set(Vec::new());
            self.recorded.set(false);
        }
    }

    /// The recorded path, from the root.
    pub(crate) fn path(self) -> Vec<Segment> {
        let mut steps = self.steps.into_inner();
        steps.reverse();
        steps
    }
}

/// The key of the map entry being read, or the name of an enum's variant.
pub(crate) struct Key<'de> {
    text: KeyText<'de>,
    buffer: String,
}

/// Where a [`Key`]'s text is.
enum KeyText<'de> {
    /// No key was read (or it was not a string, boolean or integer).
    Absent,
    /// Borrowed from the input.
    Lent(&'de str),
    /// In the key's buffer.
    Copied,
}

impl<'de> Key<'de> {
    pub(crate) fn new() -> Key<'de> {
        Key {
            text: KeyText::Absent,
            buffer: String::new(),
        }
    }

    /// Forgets the key, before the next one is read.
    #[inline]
    pub(crate) fn forget(&mut self) {
        self.text = KeyText::Absent;
    }

    /// The key as a step of the path.
    pub(crate) fn segment(&self) -> Segment {
        match self.text {
            KeyText::Absent => Segment::Opaque,
            KeyText::Lent(text) => Segment::Key(text.to_owned()),
            KeyText::Copied => Segment::Key(self.buffer.clone()),
        }
    }

    #[inline]
    fn lend(&mut self, text: &'de str) {
        self.text = KeyText::Lent(text);
    }

    #[inline]
    fn copy(&mut self, text: &str) {
        self.buffer.clear();
        self.buffer.push_str(text);
        self.text = KeyText::Copied;
    }

    /// A boolean or integer key, written as text.
    fn write(&mut self, value: impl fmt::Display) {
        self.buffer.clear();
        // Writing into a `String` cannot fail.
        let _ = write!(self.buffer, "{value}");
        self.text = KeyText::Copied;
    }
}

/// A seed whose deserializer's visitor notes the key it is handed.
pub(crate) struct CaptureKey<'k, 'de, S> {
    seed: S,
    key: &'k mut Key<'de>,
}

impl<'k, 'de, S> CaptureKey<'k, 'de, S> {
    pub(crate) fn new(seed: S, key: &'k mut Key<'de>) -> Self {
        CaptureKey { seed, key }
    }
}

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for CaptureKey<'_, 'de, S> {
    type Value = S::Value;

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<S::Value, D::Error> {
        self.seed.deserialize(Capturing {
            de: deserializer,
            key: self.key,
        })
    }
}

/// The key's deserializer, every visitor it is handed wrapped in a
/// [`Capturing`] too.
struct Capturing<'k, 'de, X> {
    de: X,
    key: &'k mut Key<'de>,
}

/// Passes requests on with the visitor wrapped, each with its arguments.
macro_rules! capture {
    ($($method:ident($($arg:ident: $ty:ty),*))*) => {$(
        #[inline]
        fn $method<V: Visitor<'de>>(self, $($arg: $ty,)* visitor: V) -> Result<V::Value, D::Error> {
            self.de.$method($($arg,)* Capturing { de: visitor, key: self.key })
        }
    )*};
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for Capturing<'_, 'de, D> {
    type Error = D::Error;

    with_deserialize_methods!(capture);

    fn is_human_readable(&self) -> bool {
        self.de.is_human_readable()
    }
}

/// Notes a key of one of these types as text, then passes it on.
macro_rules! noted {
    ($($method:ident($ty:ty))*) => {$(
        #[inline]
        fn $method<E: de::Error>(self, v: $ty) -> Result<V::Value, E> {
            self.key.write(v);
            self.de.$method(v)
        }
    )*};
}

impl<'de, V: Visitor<'de>> Visitor<'de> for Capturing<'_, 'de, V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.de.expecting(f)
    }

    noted! {
        visit_bool(bool)
        visit_i8(i8) visit_i16(i16) visit_i32(i32) visit_i64(i64) visit_i128(i128)
        visit_u8(u8) visit_u16(u16) visit_u32(u32) visit_u64(u64) visit_u128(u128)
    }

    pass_visits! { de:
        visit_f32(f32) visit_f64(f64) visit_char(char)
        visit_bytes(&[u8]) visit_borrowed_bytes(&'de [u8]) visit_byte_buf(Vec<u8>)
    }

    #[inline]
    fn visit_str<E: de::Error>(self, v: &str) -> Result<V::Value, E> {
        self.key.copy(v);
        self.de.visit_str(v)
    }

    #[inline]
    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<V::Value, E> {
        self.key.lend(v);
        self.de.visit_borrowed_str(v)
    }

    #[inline]
    fn visit_string<E: de::Error>(self, v: String) -> Result<V::Value, E> {
        self.key.copy(&v);
        self.de.visit_string(v)
    }

    fn visit_unit<E: de::Error>(self) -> Result<V::Value, E> {
        self.de.visit_unit()
    }

    fn visit_none<E: de::Error>(self) -> Result<V::Value, E> {
        self.de.visit_none()
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<V::Value, D::Error> {
        self.de.visit_some(deserializer)
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<V::Value, D::Error> {
        self.de.visit_newtype_struct(deserializer)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<V::Value, A::Error> {
        self.de.visit_seq(seq)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
        self.de.visit_map(map)
    }

    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<V::Value, A::Error> {
        self.de.visit_enum(data)
    }
}
