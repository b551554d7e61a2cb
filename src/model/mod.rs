//! The documents: ids, scales, scoring rules, the framework, the
//! assessment, issues (the one issue-list error), dates, language tags,
//! limits and the serialised form. The lowest floor: it imports nothing
//! else of the crate.

pub(crate) mod assessment;
pub(crate) mod date;
pub(crate) mod form;
pub(crate) mod framework;
pub(crate) mod id;
pub(crate) mod id_index;
pub(crate) mod issue;
pub(crate) mod language_tag;
pub mod limits;
pub(crate) mod rules;
pub(crate) mod scale;
pub mod versioning;
