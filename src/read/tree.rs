//! [`Tree`]: a document read as a generic value, and the deserializer that
//! reads a typed document from it again and again, each time with the
//! parts found wrong left out ([`every`](super::every) drives it).
//!
//! The tree keeps what the format said and nothing the types say: every
//! key of a map in its order, a key given twice included, and each
//! element of a list at its position. Each value has a number (its
//! position in a pre-order walk), by which a part is left out and by which
//! a failure names the innermost value it passed through.
//!
//! The deserializer follows the rules [`Keyed`](crate::model::form::keyed)
//! adds to a format: a struct is never read from a list, and the path of
//! an error is recorded in a [`Track`] as it travels up, the same steps
//! `Keyed` records (a map's key, a list's position in the document, also
//! when elements before it are left out).

use std::cell::Cell;
use std::fmt;

use serde::Deserialize;
use serde::de::{
    self, DeserializeSeed, Deserializer, EnumAccess, IntoDeserializer, MapAccess, SeqAccess,
    Unexpected, VariantAccess, Visitor,
};

use crate::model::form::track::{Segment, Track};

/// A value as the format gave it.
pub(crate) enum Tree {
    Unit,
    Bool(bool),
    I64(i64),
    U64(u64),
    F64(f64),
    Str(String),
    Bytes(Vec<u8>),
    /// Elements, each with its number.
    Seq(Vec<(usize, Tree)>),
    /// Entries in the order given, each value with its number.
    Map(Vec<(Tree, usize, Tree)>),
}

/// A tree and how many values it holds (numbered `0..count`; the root is
/// number 0).
pub(crate) struct Numbered {
    pub(crate) root: Tree,
    pub(crate) count: usize,
}

impl<'de> Deserialize<'de> for Numbered {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Numbered, D::Error> {
        let next = Cell::new(1usize);
        let root = deserializer.deserialize_any(TreeVisitor { next: &next })?;
        Ok(Numbered {
            root,
            count: next.get(),
        })
    }
}

/// Reads any value into a [`Tree`], numbering the values below it from
/// `next` on.
struct TreeVisitor<'n> {
    next: &'n Cell<usize>,
}

impl TreeVisitor<'_> {
    fn number(&self) -> usize {
        let n = self.next.get();
        self.next.set(n.saturating_add(1));
        n
    }
}

impl<'de> DeserializeSeed<'de> for TreeVisitor<'_> {
    type Value = Tree;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Tree, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for TreeVisitor<'_> {
    type Value = Tree;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any value")
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Tree, E> {
        Ok(Tree::Bool(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Tree, E> {
        Ok(Tree::I64(v))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Tree, E> {
        Ok(Tree::U64(v))
    }
    fn visit_i128<E: de::Error>(self, v: i128) -> Result<Tree, E> {
        // Beyond i64 and u64 only as an approximation, as a float.
        #[allow(clippy::cast_precision_loss)]
        Ok(i64::try_from(v).map_or(Tree::F64(v as f64), Tree::I64))
    }
    fn visit_u128<E: de::Error>(self, v: u128) -> Result<Tree, E> {
        #[allow(clippy::cast_precision_loss)]
        Ok(u64::try_from(v).map_or(Tree::F64(v as f64), Tree::U64))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Tree, E> {
        Ok(Tree::F64(v))
    }
    fn visit_char<E: de::Error>(self, v: char) -> Result<Tree, E> {
        Ok(Tree::Str(v.to_string()))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Tree, E> {
        Ok(Tree::Str(v.to_owned()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Tree, E> {
        Ok(Tree::Str(v))
    }
    fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<Tree, E> {
        Ok(Tree::Bytes(v.to_vec()))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Tree, E> {
        Ok(Tree::Unit)
    }
    fn visit_none<E: de::Error>(self) -> Result<Tree, E> {
        Ok(Tree::Unit)
    }
    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Tree, D::Error> {
        deserializer.deserialize_any(self)
    }
    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<Tree, D::Error> {
        d.deserialize_any(self)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Tree, A::Error> {
        let mut items = Vec::new();
        loop {
            let n = self.number();
            let Some(item) = seq.next_element_seed(TreeVisitor { next: self.next })? else {
                break;
            };
            items.push((n, item));
        }
        Ok(Tree::Seq(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Tree, A::Error> {
        let mut entries = Vec::new();
        // A key's own number is not used: keys are never left out alone.
        let keys = Cell::new(0usize);
        while let Some(key) = map.next_key_seed(TreeVisitor { next: &keys })? {
            let n = self.number();
            let value = map.next_value_seed(TreeVisitor { next: self.next })?;
            entries.push((key, n, value));
        }
        Ok(Tree::Map(entries))
    }
}

/// The error of reading from a [`Tree`]: serde's message.
#[derive(Debug)]
pub(crate) struct TreeError(pub(crate) String);

impl fmt::Display for TreeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for TreeError {}

impl de::Error for TreeError {
    fn custom<T: fmt::Display>(msg: T) -> TreeError {
        TreeError(msg.to_string())
    }
}

/// One reading of a tree: which values are left out, and what a failure
/// recorded (its path, and the innermost value it passed through).
pub(crate) struct Reading<'r> {
    pub(crate) left_out: &'r [bool],
    pub(crate) track: Track,
    pub(crate) innermost: Cell<Option<usize>>,
}

impl Reading<'_> {
    fn is_left_out(&self, n: usize) -> bool {
        self.left_out.get(n).copied().unwrap_or(false)
    }

    /// `result` of reading value `n` at `segment`: a failure records both.
    fn step<T>(
        &self,
        n: usize,
        segment: impl FnOnce() -> Segment,
        result: Result<T, TreeError>,
    ) -> Result<T, TreeError> {
        match result {
            Ok(value) => {
                self.track.settle();
                self.innermost.set(None);
                Ok(value)
            }
            Err(err) => {
                self.track.fail(segment());
                if self.innermost.get().is_none() {
                    self.innermost.set(Some(n));
                }
                Err(err)
            }
        }
    }
}

/// The step of the path a map's key makes, as `Keyed` makes it.
fn key_segment(key: &Tree) -> Segment {
    match key {
        Tree::Str(s) => Segment::Key(s.clone()),
        Tree::Bool(b) => Segment::Key(b.to_string()),
        Tree::I64(i) => Segment::Key(i.to_string()),
        Tree::U64(u) => Segment::Key(u.to_string()),
        _ => Segment::Opaque,
    }
}

/// Reads one value of a tree.
#[derive(Clone, Copy)]
pub(crate) struct TreeDeserializer<'t, 'r> {
    pub(crate) tree: &'t Tree,
    pub(crate) reading: &'t Reading<'r>,
}

impl<'t, 'r> TreeDeserializer<'t, 'r> {
    fn at(&self, tree: &'t Tree) -> TreeDeserializer<'t, 'r> {
        TreeDeserializer {
            tree,
            reading: self.reading,
        }
    }

    fn unexpected(&self) -> Unexpected<'t> {
        match self.tree {
            Tree::Unit => Unexpected::Unit,
            Tree::Bool(b) => Unexpected::Bool(*b),
            Tree::I64(i) => Unexpected::Signed(*i),
            Tree::U64(u) => Unexpected::Unsigned(*u),
            Tree::F64(x) => Unexpected::Float(*x),
            Tree::Str(s) => Unexpected::Str(s),
            Tree::Bytes(b) => Unexpected::Bytes(b),
            Tree::Seq(_) => Unexpected::Seq,
            Tree::Map(_) => Unexpected::Map,
        }
    }
}

impl<'de, 't, 'r> Deserializer<'de> for TreeDeserializer<'t, 'r> {
    type Error = TreeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, TreeError> {
        match self.tree {
            Tree::Unit => visitor.visit_unit(),
            Tree::Bool(b) => visitor.visit_bool(*b),
            Tree::I64(i) => visitor.visit_i64(*i),
            Tree::U64(u) => visitor.visit_u64(*u),
            Tree::F64(x) => visitor.visit_f64(*x),
            Tree::Str(s) => visitor.visit_str(s),
            Tree::Bytes(b) => visitor.visit_bytes(b),
            Tree::Seq(items) => {
                if crate::model::form::keyed::expects_tagged_enum(&visitor) {
                    return Err(de::Error::invalid_type(Unexpected::Seq, &visitor));
                }
                visitor.visit_seq(TreeSeq {
                    items: items.iter(),
                    index: 0,
                    reading: self.reading,
                })
            }
            Tree::Map(entries) => visitor.visit_map(TreeMap {
                entries: entries.iter(),
                value: None,
                reading: self.reading,
            }),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, TreeError> {
        match self.tree {
            Tree::Unit => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, TreeError> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, TreeError> {
        match self.tree {
            Tree::Seq(_) => Err(de::Error::invalid_type(Unexpected::Seq, &visitor)),
            _ => self.deserialize_any(visitor),
        }
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, TreeError> {
        match self.tree {
            Tree::Str(s) => visitor.visit_enum(s.as_str().into_deserializer()),
            Tree::Map(entries) => match entries.as_slice() {
                [(key, n, value)] => visitor.visit_enum(TreeEnum {
                    key,
                    n: *n,
                    value: self.at(value),
                }),
                _ => Err(de::Error::invalid_type(
                    Unexpected::Map,
                    &"a map of one key",
                )),
            },
            _ => Err(de::Error::invalid_type(self.unexpected(), &visitor)),
        }
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, TreeError> {
        visitor.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct seq tuple tuple_struct map identifier
    }
}

/// A list's elements not left out, each read at its position.
struct TreeSeq<'t, 'r> {
    items: std::slice::Iter<'t, (usize, Tree)>,
    index: usize,
    reading: &'t Reading<'r>,
}

impl<'de> SeqAccess<'de> for TreeSeq<'_, '_> {
    type Error = TreeError;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, TreeError> {
        for (n, item) in self.items.by_ref() {
            let index = self.index;
            self.index = index.saturating_add(1);
            if self.reading.is_left_out(*n) {
                continue;
            }
            let de = TreeDeserializer {
                tree: item,
                reading: self.reading,
            };
            let result = seed.deserialize(de);
            return self
                .reading
                .step(*n, || Segment::Index(index), result)
                .map(Some);
        }
        Ok(None)
    }
}

/// A map's entries not left out.
struct TreeMap<'t, 'r> {
    entries: std::slice::Iter<'t, (Tree, usize, Tree)>,
    /// The entry whose key was read last.
    value: Option<&'t (Tree, usize, Tree)>,
    reading: &'t Reading<'r>,
}

impl<'de> MapAccess<'de> for TreeMap<'_, '_> {
    type Error = TreeError;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, TreeError> {
        let Some(entry) = self
            .entries
            .by_ref()
            .find(|(_, n, _)| !self.reading.is_left_out(*n))
        else {
            return Ok(None);
        };
        self.value = Some(entry);
        let (key, n, _) = entry;
        let de = TreeDeserializer {
            tree: key,
            reading: self.reading,
        };
        let result = seed.deserialize(de);
        // A key read well is not yet a value read well: nothing settles.
        result.map(Some).inspect_err(|_| {
            self.reading.track.fail(key_segment(key));
            if self.reading.innermost.get().is_none() {
                self.reading.innermost.set(Some(*n));
            }
        })
    }

    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value, TreeError> {
        let Some((key, n, value)) = self.value.take() else {
            return Err(de::Error::custom("a map's value asked for before its key"));
        };
        let de = TreeDeserializer {
            tree: value,
            reading: self.reading,
        };
        let result = seed.deserialize(de);
        self.reading.step(*n, || key_segment(key), result)
    }
}

/// An enum written as a map of one key: the variant and its content.
struct TreeEnum<'t, 'r> {
    key: &'t Tree,
    n: usize,
    value: TreeDeserializer<'t, 'r>,
}

impl<'de, 't, 'r> EnumAccess<'de> for TreeEnum<'t, 'r> {
    type Error = TreeError;
    type Variant = TreeEnum<'t, 'r>;

    fn variant_seed<V: DeserializeSeed<'de>>(
        self,
        seed: V,
    ) -> Result<(V::Value, TreeEnum<'t, 'r>), TreeError> {
        let key = self.value.at(self.key);
        let variant = seed.deserialize(key)?;
        Ok((variant, self))
    }
}

impl<'de> VariantAccess<'de> for TreeEnum<'_, '_> {
    type Error = TreeError;

    fn unit_variant(self) -> Result<(), TreeError> {
        let result = <()>::deserialize(self.value);
        self.value
            .reading
            .step(self.n, || key_segment(self.key), result)
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, TreeError> {
        let reading = self.value.reading;
        let result = seed.deserialize(self.value);
        reading.step(self.n, || key_segment(self.key), result)
    }

    fn tuple_variant<V: Visitor<'de>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, TreeError> {
        let reading = self.value.reading;
        let result = self.value.deserialize_any(visitor);
        reading.step(self.n, || key_segment(self.key), result)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, TreeError> {
        let reading = self.value.reading;
        let result = self.value.deserialize_struct("", fields, visitor);
        reading.step(self.n, || key_segment(self.key), result)
    }
}
