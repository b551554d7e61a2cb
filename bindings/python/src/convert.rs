//! Documents across the boundary: from Python objects (dicts, lists,
//! strings, numbers) and from JSON text through the crate's
//! `from_deserializer`, so that a document that does not parse gives the
//! crate's issues with their JSON Pointers, every problem at once
//! ([`every_problem`]); to Python objects through `pythonize`.
//!
//! Every Python object read as a document first passes [`json_shaped`]:
//! what JSON text could say (dicts, lists and tuples, strings, numbers,
//! booleans, `None`), no deeper than JSON text may nest, with no reference
//! cycle. Anything else is the crate's `invalid-document` (or
//! `duplicate-id`) issue with its path, raised as `ValidationError`, where
//! it had been a `TypeError`, `ValueError`, `RecursionError`, a set read in
//! an arbitrary order or a stack overflow.

use std::collections::HashSet;

use assessment_model::model::pointer;
use std::convert::Infallible;

use assessment_model::{
    Issue, IssueKind, ValidationError, from_deserializer, from_json_str, parse_every_problem,
};
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
/// [`json_shaped`]; one that does not parse with every problem it has
/// ([`every_problem`]).
pub(crate) fn from_object<T: DeserializeOwned>(
    obj: &Bound<'_, PyAny>,
) -> Result<T, ValidationError> {
    json_shaped(obj)?;
    from_deserializer(&mut Depythonizer::from_object(obj))
        .map_err(|first| every_problem(obj, first, |_: &T| Vec::new()))
}

/// Every problem of `obj` (a dict or JSON text), a document that did not
/// parse, `first` being the problem the typed reading found: the crate's
/// `parse_every_problem` over the document as a generic value, followed by
/// the issues `check` finds in what could be read (`Parsed::with_checks`:
/// a typo does not hide an unknown criterion or a rating off the scale).
/// The typed reading's own issue keeps its place and message.
pub(crate) fn every_problem<T: DeserializeOwned>(
    obj: &Bound<'_, PyAny>,
    first: ValidationError,
    check: impl FnOnce(&T) -> Vec<Issue>,
) -> ValidationError {
    let value: Option<serde_json::Value> = match obj.extract::<PyBackedStr>() {
        Ok(text) => serde_json::from_str(&text).ok(),
        Err(_) => pythonize::depythonize(obj).ok(),
    };
    let Some(value) = value else {
        return first;
    };
    let parsed = parse_every_problem::<T, _, _, _>(|| Ok::<_, Infallible>(&value));
    if parsed.issues().is_empty() {
        // Not a problem of form (trailing text, a value JSON cannot hold).
        return first;
    }
    let checks = parsed.value().map(check).unwrap_or_default();
    let mut issues = parsed.with_checks(checks).into_issues();
    for issue in first.into_issues() {
        let same = issues
            .iter_mut()
            .find(|i| i.path == issue.path && i.code() == issue.code());
        match same {
            Some(slot) => *slot = issue,
            None => issues.insert(0, issue),
        }
    }
    ValidationError::new(issues)
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
        steps: Vec::new(),
    };
    walk.value(obj)
        .map_err(|issue| ValidationError::new(vec![issue]))
}

/// The state of [`json_shaped`]'s walk: the containers from the root to
/// the current value (their addresses, to find a cycle) and the step
/// taken from each to the next. The path is written from the steps only
/// when there is a problem to report.
struct Shape<'py> {
    ancestors: Vec<usize>,
    steps: Vec<Step<'py>>,
}

/// One step down a document: a dict's key or a list's index.
enum Step<'py> {
    Key(Bound<'py, PyAny>),
    Index(usize),
}

impl<'py> Shape<'py> {
    /// Checks `obj`, reached by `self.steps`.
    fn value(&mut self, obj: &Bound<'py, PyAny>) -> Result<(), Issue> {
        if obj.is_none()
            || obj.is_instance_of::<PyString>()
            || obj.is_instance_of::<PyFloat>()
            || obj.is_instance_of::<PyInt>()
        {
            return Ok(()); // `bool` is an `int`
        }
        if let Ok(dict) = obj.cast::<PyDict>() {
            return self.container(obj, |walk| walk.entries(dict));
        }
        if let Ok(list) = obj.cast::<PyList>() {
            return self.container(obj, |walk| walk.items(list.iter()));
        }
        if let Ok(tuple) = obj.cast::<PyTuple>() {
            return self.container(obj, |walk| walk.items(tuple.iter()));
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
        Err(self.invalid(&format!(
            "a value of type `{}` is not a JSON value (a dict, list, str, number, bool or None)",
            type_name(obj)
        )))
    }

    /// Checks a dict, list or tuple with `walk`, which checks what is in
    /// it: refused when it is one of its own ancestors or too deep.
    fn container(
        &mut self,
        obj: &Bound<'py, PyAny>,
        walk: impl FnOnce(&mut Self) -> Result<(), Issue>,
    ) -> Result<(), Issue> {
        let address = obj.as_ptr() as usize;
        if let Some(depth) = self.ancestors.iter().position(|a| *a == address) {
            let first = self.path(depth);
            let first = if first.is_empty() { "/" } else { &first };
            return Err(self.invalid(&format!(
                "a reference cycle: this value is the one at {first}, which contains it"
            )));
        }
        if self.ancestors.len() >= MAX_NESTING {
            return Err(self.invalid(&format!(
                "nested more than {MAX_NESTING} deep, as JSON text may not be (recursion limit exceeded)"
            )));
        }
        self.ancestors.push(address);
        walk(self)?;
        self.ancestors.pop();
        Ok(())
    }

    /// The entries of a dict, from a snapshot of its items (so that no
    /// Python code run meanwhile can change what is walked).
    fn entries(&mut self, dict: &Bound<'py, PyDict>) -> Result<(), Issue> {
        let items = dict.items();
        let mut numbered = false;
        for item in items.iter() {
            let key = item
                .get_item(0)
                .map_err(|_| self.invalid("an unreadable entry"))?;
            if key.is_instance_of::<PyString>() {
                continue;
            }
            if !key.is_instance_of::<PyInt>() || key.is_instance_of::<PyBool>() {
                return Err(self.invalid(&format!(
                    "a key of type `{}` (a JSON key is a str, or an int for a number)",
                    type_name(&key)
                )));
            }
            numbered = true;
        }
        let mut seen: HashSet<String> = HashSet::new();
        for item in items.iter() {
            let (Ok(key), Ok(value)) = (item.get_item(0), item.get_item(1)) else {
                return Err(self.invalid("an unreadable entry"));
            };
            let repeated = numbered && !seen.insert(key_text(&key));
            self.steps.push(Step::Key(key));
            if repeated {
                let path = self.path(self.steps.len());
                let id = self.steps.last().map(Step::text).unwrap_or_default();
                let kind = IssueKind::DuplicateId {
                    id,
                    first: path.clone(),
                };
                return Err(Issue::new(path, kind));
            }
            self.value(&value)?;
            self.steps.pop();
        }
        Ok(())
    }

    /// The items of a list or tuple.
    fn items(&mut self, items: impl Iterator<Item = Bound<'py, PyAny>>) -> Result<(), Issue> {
        for (index, item) in items.enumerate() {
            self.steps.push(Step::Index(index));
            self.value(&item)?;
            self.steps.pop();
        }
        Ok(())
    }

    /// The JSON Pointer of the first `count` steps.
    fn path(&self, count: usize) -> String {
        self.steps
            .iter()
            .take(count)
            .fold(String::new(), |path, step| pointer(&path, step.text()))
    }

    /// `invalid-document` at the current value.
    fn invalid(&self, message: &str) -> Issue {
        let kind = IssueKind::InvalidDocument {
            message: message.to_owned(),
        };
        Issue::new(self.path(self.steps.len()), kind)
    }
}

impl Step<'_> {
    /// The step as a JSON Pointer token (unescaped).
    fn text(&self) -> String {
        match self {
            Step::Key(key) => key_text(key),
            Step::Index(index) => index.to_string(),
        }
    }
}

/// A dict key's text, as JSON text writes it: a `str` as it is, an `int`
/// in decimal.
fn key_text(key: &Bound<'_, PyAny>) -> String {
    if let Ok(text) = key.cast::<PyString>() {
        return text.to_string_lossy().into_owned();
    }
    key.extract::<i128>().map_or_else(
        |_| {
            key.str()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default()
        },
        |n| n.to_string(),
    )
}

/// The name of `obj`'s type, for a message.
fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type()
        .name()
        .map_or_else(|_| "?".to_owned(), |n| n.to_string())
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

/// A `T` from JSON text, with every problem it has (the crate's
/// `from_json_str`); trailing characters after the document are
/// `invalid-document` at the root.
pub(crate) fn from_json<T: DeserializeOwned>(text: &str) -> Result<T, ValidationError> {
    from_json_str(text)
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
