//! A counting global allocator for the tests and benches that measure
//! memory (`tests/scaling.rs`, `tests/cohort_memory.rs`,
//! `benches/cohort.rs`): the bytes live now, the peak of live bytes, and
//! the number of allocations, over every thread of the binary. Counting
//! bytes and calls rather than time makes those measurements
//! deterministic.
//!
//! Include it with `#[path = ".../support/counting.rs"] mod counting;`:
//! it installs itself as the binary's global allocator.
#![allow(dead_code, unsafe_code)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

/// Bytes allocated and not yet freed.
pub static LIVE: AtomicUsize = AtomicUsize::new(0);
/// The most bytes live at once (reset it by storing the current `LIVE`).
pub static PEAK: AtomicUsize = AtomicUsize::new(0);
/// Allocations made.
pub static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);

struct Counting;

// SAFETY: every call is passed on to the system allocator unchanged; the
// counters are atomics.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let live = LIVE
            .fetch_add(layout.size(), Relaxed)
            .saturating_add(layout.size());
        PEAK.fetch_max(live, Relaxed);
        ALLOCATIONS.fetch_add(1, Relaxed);
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;
