//! [`unique_keys`]: the model's maps reject a key given twice (design,
//! *Serialised form*).

use std::fmt;
use std::hash::Hash;
use std::marker::PhantomData;

use indexmap::IndexMap;
use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};

/// The start of the message of [`unique_keys`]' error:
/// `duplicate key "<key as a Rust string literal>"`.
pub(crate) const DUPLICATE_KEY: &str = "duplicate key ";

/// Deserialises a map that rejects a key given twice, where serde's own
/// maps keep the last value and silently drop the others (a lost rating,
/// a scale that vanishes). Used with `#[serde(deserialize_with)]` on every
/// map of the model.
pub(crate) fn unique_keys<'de, D, K, V>(deserializer: D) -> Result<IndexMap<K, V>, D::Error>
where
    D: Deserializer<'de>,
    K: Deserialize<'de> + Eq + Hash + fmt::Display,
    V: Deserialize<'de>,
{
    deserializer.deserialize_map(UniqueKeys(PhantomData))
}

struct UniqueKeys<K, V>(PhantomData<(K, V)>);

impl<'de, K, V> Visitor<'de> for UniqueKeys<K, V>
where
    K: Deserialize<'de> + Eq + Hash + fmt::Display,
    V: Deserialize<'de>,
{
    type Value = IndexMap<K, V>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a map with unique keys")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Self::Value, A::Error> {
        // The size hint comes from the input: trust it only so far.
        let mut map = IndexMap::with_capacity(access.size_hint().unwrap_or(0).min(1024));
        while let Some(key) = access.next_key::<K>()? {
            if map.contains_key(&key) {
                let key = key.to_string();
                return Err(serde::de::Error::custom(format_args!(
                    "{DUPLICATE_KEY}{key:?}"
                )));
            }
            let value = access.next_value()?;
            map.insert(key, value);
        }
        Ok(map)
    }
}

/// [`unique_keys`] for a map whose values are maps: neither level keeps
/// only the last of a key given twice.
pub(crate) fn unique_nested_keys<'de, D, K, L, V>(
    deserializer: D,
) -> Result<IndexMap<K, IndexMap<L, V>>, D::Error>
where
    D: Deserializer<'de>,
    K: Deserialize<'de> + Eq + Hash + fmt::Display,
    L: Deserialize<'de> + Eq + Hash + fmt::Display,
    V: Deserialize<'de>,
{
    let outer: IndexMap<K, Unique<L, V>> = unique_keys(deserializer)?;
    Ok(outer.into_iter().map(|(k, v)| (k, v.0)).collect())
}

/// A map read with [`unique_keys`].
struct Unique<L, V>(IndexMap<L, V>);

impl<'de, L, V> Deserialize<'de> for Unique<L, V>
where
    L: Deserialize<'de> + Eq + Hash + fmt::Display,
    V: Deserialize<'de>,
{
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        unique_keys(deserializer).map(Unique)
    }
}
