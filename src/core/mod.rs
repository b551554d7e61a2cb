//! The compiled core ([SPEC](crate::spec) §5): a framework compiled into
//! one flat program ([`compile`], [`program`]), assessments checked and
//! bound to leaf values ([`bind`], the one checker), the one interpreter
//! that evaluates the program over a block of lanes ([`interpret`]),
//! batches of rows ([`table`]) and what-ifs along one path ([`whatif`],
//! used by the priorities of [`priorities`] and by rule 15's leverage).
//!
//! The core knows nothing of reports, documents or texts: it holds numbers
//! and indices, and the floors above read them.

pub(crate) mod bind;
pub(crate) mod compile;
pub(crate) mod interpret;
pub(crate) mod priorities;
pub(crate) mod program;
pub(crate) mod table;
pub(crate) mod whatif;
