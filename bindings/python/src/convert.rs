//! Documents across the boundary: from Python objects (dicts, lists,
//! strings, numbers) and from JSON text through the crate's
//! `from_deserializer`, so that a document that does not parse gives the
//! crate's one issue with its JSON Pointer; to Python objects through
//! `pythonize`.

use assessment_model::{Issue, IssueKind, ValidationError, from_deserializer};
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::PyTuple;
use pythonize::{Depythonizer, pythonize};
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::errors::{Class, OrRaise};

/// A `T` from a Python object (a dict for a document).
pub(crate) fn from_object<T: DeserializeOwned>(
    obj: &Bound<'_, PyAny>,
) -> Result<T, ValidationError> {
    from_deserializer(&mut Depythonizer::from_object(obj))
}

/// A `T` from JSON text; trailing characters after the document are
/// `invalid-document` at the root.
pub(crate) fn from_json<T: DeserializeOwned>(text: &str) -> Result<T, ValidationError> {
    let mut de = serde_json::Deserializer::from_str(text);
    let value = from_deserializer(&mut de)?;
    de.end().map_err(|e| {
        let kind = IssueKind::InvalidDocument {
            message: e.to_string(),
        };
        ValidationError::new(vec![Issue::new("", kind)])
    })?;
    Ok(value)
}

/// A `T` from JSON text (a `str`) or from a Python object.
pub(crate) fn from_any<T: DeserializeOwned>(obj: &Bound<'_, PyAny>) -> Result<T, ValidationError> {
    match obj.extract::<PyBackedStr>() {
        Ok(text) => from_json(&text),
        Err(_) => from_object(obj),
    }
}

/// A document from JSON text or a Python object, one that does not parse
/// raised as `ValidationError`.
pub(crate) fn parsed<T: DeserializeOwned>(obj: &Bound<'_, PyAny>) -> PyResult<T> {
    from_any(obj).or_raise(obj.py(), Class::Validation)
}

/// What `__reduce__` returns for an object that pickles as its JSON text:
/// its class's `from_json` and the text.
pub(crate) fn reduce_json<'py, T: pyo3::PyClass, V: Serialize + ?Sized>(
    slf: &Bound<'py, T>,
    value: &V,
) -> PyResult<Bound<'py, PyTuple>> {
    let py = slf.py();
    let ctor = slf.as_any().get_type().getattr("from_json")?;
    let args = PyTuple::new(py, [to_json(value)?])?;
    PyTuple::new(py, [ctor.into_any(), args.into_any()])
}

/// `value` as plain Python objects (dicts, lists, str, float, int, bool,
/// None), maps in their definition order.
pub(crate) fn to_object<'py, T: Serialize + ?Sized>(
    py: Python<'py>,
    value: &T,
) -> PyResult<Bound<'py, PyAny>> {
    Ok(pythonize(py, value)?)
}

/// `value` as JSON text.
pub(crate) fn to_json<T: Serialize + ?Sized>(value: &T) -> PyResult<String> {
    serde_json::to_string(value).map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()))
}
