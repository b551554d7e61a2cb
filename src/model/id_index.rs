//! [`IdIndex`]: criterion id → node index, without a copy of any id.
//!
//! Whoever owns the criteria cannot also hold a map keyed by `&str` into
//! them (the compiled framework owns its framework), and a
//! `HashMap<Id, u32>` would clone every id: an allocation each, and as many
//! frees when it is dropped. This table stores only a node index and 32
//! bits of the id's hash per slot, and asks the caller for a stored node's
//! id when the hash bits match. At most half full, its 8 bytes a slot keep
//! it small enough to stay in cache for tens of thousands of criteria.
//!
//! Open addressing with linear probing; a slot's position is its hash bits
//! masked to the table's length, so growing re-places the slots from the
//! bits kept, without asking for an id again. The hash is a
//! [`RandomState`]: keyed per table, so ids chosen to collide cannot make
//! lookups slow.

use std::collections::hash_map::RandomState;
use std::hash::BuildHasher;

/// An empty slot's node.
const EMPTY: u32 = u32::MAX;

/// A new table's length: a power of two, so the mask in `home` works.
const MIN_SLOTS: usize = 2;

/// Id → node index, for ids the caller resolves with an `id_of` function.
#[derive(Debug, Clone)]
pub(crate) struct IdIndex {
    /// `(node, hash bits)`, or `(EMPTY, _)`; the length is a power of two,
    /// at most 2³².
    slots: Vec<(u32, u32)>,
    /// How many slots are taken.
    len: usize,
    hasher: RandomState,
}

impl IdIndex {
    /// An empty index; it grows as ids are inserted.
    pub(crate) fn new() -> IdIndex {
        IdIndex {
            slots: vec![(EMPTY, 0); MIN_SLOTS],
            len: 0,
            hasher: RandomState::new(),
        }
    }

    /// The hash bits kept for `id`.
    fn bits(&self, id: &str) -> u32 {
        // The low 32 bits of the hash.
        self.hasher.hash_one(id) as u32
    }

    /// The slot where a probe for `bits` starts.
    fn home(&self, bits: u32) -> usize {
        // The length is a power of two: the mask keeps the low bits.
        bits as usize & self.slots.len().saturating_sub(1)
    }

    /// Doubles the table when it is half full, re-placing every slot by its
    /// hash bits.
    fn reserve_one(&mut self) {
        if self.len.saturating_add(1).saturating_mul(2) <= self.slots.len() {
            return;
        }
        let len = self.slots.len().saturating_mul(2);
        if len as u64 > 1 << 32 {
            return;
        }
        let old = std::mem::replace(&mut self.slots, vec![(EMPTY, 0); len]);
        for (node, bits) in old.into_iter().filter(|&(node, _)| node != EMPTY) {
            let mut at = self.home(bits);
            while let Some(slot) = self.slots.get_mut(at) {
                if slot.0 == EMPTY {
                    *slot = (node, bits);
                    break;
                }
                at = at.saturating_add(1) & len.saturating_sub(1);
            }
        }
    }

    /// Finds `id`: `Ok(node)` when present, else `Err(slot)`, the empty
    /// slot where it belongs (`None` when the table is full).
    fn find<'a>(
        &self,
        id: &str,
        id_of: impl Fn(u32) -> Option<&'a str>,
    ) -> (Result<u32, Option<usize>>, u32) {
        let bits = self.bits(id);
        let mut at = self.home(bits);
        for _ in 0..self.slots.len() {
            match self.slots.get(at).copied() {
                Some((EMPTY, _)) => return (Err(Some(at)), bits),
                Some((node, b)) if b == bits && id_of(node) == Some(id) => return (Ok(node), bits),
                Some(_) => at = at.saturating_add(1) & self.slots.len().saturating_sub(1),
                None => break,
            }
        }
        (Err(None), bits)
    }

    /// Inserts `node`, whose id is `id`; when the id is already present,
    /// keeps the first and returns its node. `id_of` gives the id of a node
    /// inserted before.
    pub(crate) fn insert<'a>(
        &mut self,
        id: &str,
        node: u32,
        id_of: impl Fn(u32) -> Option<&'a str>,
    ) -> Option<u32> {
        self.reserve_one();
        match self.find(id, id_of) {
            (Ok(first), _) => Some(first),
            (Err(Some(at)), bits) => {
                if let Some(slot) = self.slots.get_mut(at) {
                    *slot = (node, bits);
                    self.len = self.len.saturating_add(1);
                }
                None
            }
            (Err(None), _) => None,
        }
    }

    /// The node whose id is `id`.
    pub(crate) fn get<'a>(&self, id: &str, id_of: impl Fn(u32) -> Option<&'a str>) -> Option<u32> {
        self.find(id, id_of).0.ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lookup<'a>(ids: &'a [String]) -> impl Fn(u32) -> Option<&'a str> + 'a {
        |n| ids.get(n as usize).map(String::as_str)
    }

    #[test]
    fn finds_every_id_and_no_other() {
        let ids: Vec<String> = (0..1000).map(|i| format!("c{i}")).collect();
        let mut index = IdIndex::new();
        for (n, id) in ids.iter().enumerate() {
            assert_eq!(index.insert(id, n as u32, lookup(&ids)), None);
        }
        for n in 0..1000u32 {
            assert_eq!(index.get(&format!("c{n}"), lookup(&ids)), Some(n));
        }
        assert_eq!(index.get("c1000", lookup(&ids)), None);
        assert_eq!(index.get("", lookup(&ids)), None);
    }

    #[test]
    fn a_second_insert_of_an_id_returns_the_first_node() {
        let ids: Vec<String> = ["a", "b", "a"].map(String::from).to_vec();
        let mut index = IdIndex::new();
        assert_eq!(index.insert("a", 0, lookup(&ids)), None);
        assert_eq!(index.insert("b", 1, lookup(&ids)), None);
        assert_eq!(index.insert("a", 2, lookup(&ids)), Some(0));
        assert_eq!(index.get("a", lookup(&ids)), Some(0));
    }

    #[test]
    fn grows_past_its_capacity() {
        let ids: Vec<String> = (0..5000).map(|i| format!("c{i}")).collect();
        let mut index = IdIndex::new();
        for (n, id) in ids.iter().enumerate() {
            assert_eq!(index.insert(id, n as u32, lookup(&ids)), None);
        }
        assert_eq!(index.slots.len(), 16384);
        for (n, id) in ids.iter().enumerate() {
            assert_eq!(index.get(id, lookup(&ids)), Some(n as u32));
        }
        assert_eq!(index.insert("c4999", 9, lookup(&ids)), Some(4999));
    }

    #[test]
    fn an_empty_index_finds_nothing() {
        let index = IdIndex::new();
        assert_eq!(index.get("a", |_| None), None);
    }
}
