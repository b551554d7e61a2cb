//! Framework validation: [`Framework::validate`](crate::Framework::validate)
//! and [`Framework::issues`](crate::Framework::issues) with the checks they
//! run, and the [`FrameworkBuilder`](crate::FrameworkBuilder), whose
//! `build` validates. On the floor above the documents (`model`) and
//! reading (`read`); the compiled core builds on it.

pub(crate) mod builder;
mod framework;
pub(crate) mod validate;
