//! Documents across the boundary: from Python objects (dicts, lists,
//! strings, numbers) and from JSON text through the crate's
//! `from_deserializer`, so that a document that does not parse gives the
//! crate's one issue with its JSON Pointer; to Python objects through
//! `pythonize`.
//!
//! Every Python object read as a document first passes [`json_shaped`]:
//! what JSON text could say (dicts, lists and tuples, strings, numbers,
//! booleans, `None`), no deeper than JSON text may nest, with no reference
//! cycle. Anything else is the crate's `invalid-document` (or
//! `duplicate-id`) issue with its path, raised as `ValidationError`, where
//! it had been a `TypeError`, `ValueError`, `RecursionError`, a set read in
//! an arbitrary order or a stack overflow.

use std::collections::HashSet;

use assessment_model::{Issue, IssueKind, ValidationError, from_deserializer, pointer};
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::sync::PyOnceLock;
use pyo3::types::{
    PyBool, PyByteArray, PyBytes, PyDict, PyFloat, PyFrozenSet, PyInt, PyList, PySet, PyString,
    PyTuple,
};
use pythonize::{Depythonizer, pythonize};
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::errors::{Class, OrRaise};

/// A `T` from a Python object (a dict for a document), once it is
/// [`json_shaped`].
pub(crate) fn from_object<T: DeserializeOwned>(
    obj: &Bound<'_, PyAny>,
) -> Result<T, ValidationError> {
    json_shaped(obj)?;
    from_deserializer(&mut Depythonizer::from_object(obj))
}

/// The deepest a list or dict may be nested in a document from Python:
/// the depth at which serde_json stops reading JSON text (its recursion
/// limit of 128 counts the container it refuses), so a dict is refused
/// where its JSON text would be.
const MAX_NESTING: usize = 127;

/// Whether `obj` has the shape of a JSON value, as `json.dumps` would
/// write it: `None`, `bool`, `int`, `float` and `str` (subclasses too),
/// other real numbers (`numbers.Real`, such as numpy's scalars), and
/// `dict` (keys `str`, or `int` as for a tree level), `list` and `tuple`
/// of such values, nested at most [`MAX_NESTING`] deep and without a
/// reference cycle. Otherwise the first problem, depth first, as one
/// issue: `invalid-document` at the value (bytes, a set, another type, a
/// key of another type, too deep, a cycle), or `duplicate-id` at a key
/// whose text another key of the same dict also has (`1` and `"1"`).
pub(crate) fn json_shaped(obj: &Bound<'_, PyAny>) -> Result<(), ValidationError> {
    let mut walk = Shape {
        ancestors: Vec::new(),
        path: String::new(),
    };
    walk.value(obj)
        .map_err(|issue| ValidationError::new(vec![issue]))
}

/// The state of [`json_shaped`]'s walk: the containers from the root to
/// the current value (each with the length of its path) and the path.
struct Shape {
    ancestors: Vec<(usize, usize)>,
    path: String,
}

impl Shape {
    /// Checks `obj`, at `self.path`.
    fn value(&mut self, obj: &Bound<'_, PyAny>) -> Result<(), Issue> {
        if obj.is_none()
            || obj.is_instance_of::<PyBool>()
            || obj.is_instance_of::<PyInt>()
            || obj.is_instance_of::<PyFloat>()
            || obj.is_instance_of::<PyString>()
        {
            return Ok(());
        }
        let is_dict = obj.is_instance_of::<PyDict>();
        if is_dict || obj.is_instance_of::<PyList>() || obj.is_instance_of::<PyTuple>() {
            return self.container(obj, is_dict);
        }
        if obj.is_instance_of::<PyBytes>() || obj.is_instance_of::<PyByteArray>() {
            return Err(self.invalid("bytes are not a JSON value (decode them into a str)"));
        }
        if obj.is_instance_of::<PySet>() || obj.is_instance_of::<PyFrozenSet>() {
            return Err(
                self.invalid("a set is not a JSON value (its order is not defined; use a list)")
            );
        }
        if is_real(obj) {
            return Ok(());
        }
        let name = obj
            .get_type()
            .name()
            .map_or_else(|_| "?".to_owned(), |n| n.to_string());
        Err(self.invalid(&format!(
            "a value of type `{name}` is not a JSON value (a dict, list, str, number, bool or None)"
        )))
    }

    /// Checks a dict, list or tuple and everything in it.
    fn container(&mut self, obj: &Bound<'_, PyAny>, is_dict: bool) -> Result<(), Issue> {
        let address = obj.as_ptr() as usize;
        if let Some(&(_, len)) = self.ancestors.iter().find(|(a, _)| *a == address) {
            let first = self.path.get(..len).unwrap_or_default();
            let first = if first.is_empty() { "/" } else { first };
            return Err(self.invalid(&format!(
                "a reference cycle: this value is the one at {first}, which contains it"
            )));
        }
        if self.ancestors.len() >= MAX_NESTING {
            return Err(self.invalid(&format!(
                "nested more than {MAX_NESTING} deep, as JSON text may not be (recursion limit exceeded)"
            )));
        }
        self.ancestors.push((address, self.path.len()));
        let result = if is_dict {
            self.entries(obj)
        } else {
            self.items(obj)
        };
        self.ancestors.pop();
        result
    }

    /// The entries of a dict (a snapshot of its items, so that no Python
    /// code run meanwhile can change what is walked).
    fn entries(&mut self, obj: &Bound<'_, PyAny>) -> Result<(), Issue> {
        let Ok(dict) = obj.cast::<PyDict>() else {
            return Err(self.invalid("not a dict"));
        };
        let items = dict.items();
        let numbered = items
            .iter()
            .any(|item| item.get_item(0).is_ok_and(|k| k.is_instance_of::<PyInt>()));
        let mut seen: HashSet<String> = HashSet::new();
        for item in items.iter() {
            let (Ok(key), Ok(value)) = (item.get_item(0), item.get_item(1)) else {
                return Err(self.invalid("a dict entry that cannot be read"));
            };
            let token = self.key(&key)?;
            let at = self.path.len();
            self.path = pointer(&self.path, &token);
            if numbered && !seen.insert(token.clone()) {
                let kind = IssueKind::DuplicateId {
                    id: token,
                    first: self.path.clone(),
                };
                return Err(Issue::new(self.path.clone(), kind));
            }
            self.value(&value)?;
            self.path.truncate(at);
        }
        Ok(())
    }

    /// The items of a list or tuple.
    fn items(&mut self, obj: &Bound<'_, PyAny>) -> Result<(), Issue> {
        let Ok(items) = obj.try_iter() else {
            return Err(self.invalid("a sequence that cannot be read"));
        };
        for (index, item) in items.enumerate() {
            let Ok(item) = item else {
                return Err(self.invalid("a sequence that cannot be read"));
            };
            let at = self.path.len();
            self.path = pointer(&self.path, index);
            self.value(&item)?;
            self.path.truncate(at);
        }
        Ok(())
    }

    /// A dict key's text, as JSON text writes it: a `str` as it is, an
    /// `int` in decimal; any other key is `invalid-document` at the dict.
    fn key(&self, key: &Bound<'_, PyAny>) -> Result<String, Issue> {
        if let Ok(text) = key.cast::<PyString>() {
            return text
                .to_cow()
                .map(|t| t.into_owned())
                .map_err(|_| self.invalid("a key that is not valid Unicode"));
        }
        if key.is_instance_of::<PyInt>() && !key.is_instance_of::<PyBool>() {
            if let Ok(n) = key.extract::<i128>() {
                return Ok(n.to_string());
            }
            return Err(self.invalid("an integer key too large to write"));
        }
        let name = key
            .get_type()
            .name()
            .map_or_else(|_| "?".to_owned(), |n| n.to_string());
        Err(self.invalid(&format!(
            "a key of type `{name}` (a JSON key is a str, or an int for a number)"
        )))
    }

    /// `invalid-document` at the current path.
    fn invalid(&self, message: &str) -> Issue {
        let kind = IssueKind::InvalidDocument {
            message: message.to_owned(),
        };
        Issue::new(self.path.clone(), kind)
    }
}

/// `numbers.Real`, looked up once.
static REAL: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

/// Whether `obj` is a real number other than `int`, `float` and `bool`
/// (a numpy scalar, a `Fraction`): `isinstance(obj, numbers.Real)`.
fn is_real(obj: &Bound<'_, PyAny>) -> bool {
    let py = obj.py();
    let real = REAL.get_or_try_init(py, || -> PyResult<Py<PyAny>> {
        Ok(py.import("numbers")?.getattr("Real")?.unbind())
    });
    real.is_ok_and(|r| obj.is_instance(r.bind(py)).unwrap_or(false))
}

/// The `default` of `json.dumps` for a value [`json_shaped`] admits but
/// `json` does not write (a numpy scalar): an integer as an `int`, any
/// other real number as a `float`.
pub(crate) fn json_number_hook(py: Python<'_>) -> PyResult<Bound<'_, pyo3::types::PyCFunction>> {
    pyo3::types::PyCFunction::new_closure(py, None, None, |args, _kwargs| -> PyResult<Py<PyAny>> {
        let x = args.get_item(0)?;
        let py = x.py();
        if let Ok(i) = py.import("operator")?.call_method1("index", (&x,)) {
            return Ok(i.unbind());
        }
        Ok(PyFloat::new(py, x.extract::<f64>()?).into_any().unbind())
    })
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
