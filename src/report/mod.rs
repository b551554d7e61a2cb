//! Reports ([SPEC](crate::spec) §3.10): a [`report::Report`] is a view of
//! one evaluation over the shared compiled framework; its nodes and
//! outcomes are views too ([`views`]). A report is made from an assessment
//! ([`build`]), written as and read back from its document ([`document`],
//! [`read`]) and shown as text in a language ([`display`]).

pub(crate) mod bounds;
pub(crate) mod build;
pub(crate) mod display;
pub(crate) mod document;
pub(crate) mod read;
pub(crate) mod report;
pub(crate) mod views;
