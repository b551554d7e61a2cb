//! The crate's specification, `SPEC.md`, as part of the API documentation.
//!
//! Doc comments across the crate cite its sections (`§5.5` is
//! aggregation); a test checks that every cited section exists and that
//! every issue code of [`IssueKind::CODES`](crate::IssueKind::CODES) is
//! listed in it. This module has no items.
//!
//! ---
//!
#![doc = include_str!("../SPEC.md")]
