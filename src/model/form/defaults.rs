//! The defaults of optional fields, as serde's `default` and
//! `skip_serializing_if` name them: a field left out reads as its default,
//! and a default is left out when written (one set for every document).

/// A weight's default.
pub(crate) fn one() -> f64 {
    1.0
}

/// Whether a weight is its default.
#[allow(clippy::trivially_copy_pass_by_ref, clippy::float_cmp)]
pub(crate) fn is_one(w: &f64) -> bool {
    *w == 1.0
}

/// A flag whose default is true.
pub(crate) fn yes() -> bool {
    true
}

/// Whether a flag whose default is true is it.
#[allow(clippy::trivially_copy_pass_by_ref)]
pub(crate) fn is_true(b: &bool) -> bool {
    *b
}

/// Whether a flag whose default is false is it.
#[allow(clippy::trivially_copy_pass_by_ref)]
pub(crate) fn is_false(b: &bool) -> bool {
    !*b
}
