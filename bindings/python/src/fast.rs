//! A direct walk of an assessment dict of the common shape into an
//! `Assessment`, without serde: the framework reference, the subject
//! (name, kind, attributes), `$schema`, and ratings each of a `value`
//! (`"met"`, `"not_met"`, `"not_applicable"`, `{"level": int | str}`,
//! `{"number": int | float}`) and perhaps a `note`.
//!
//! Keys are matched by walking each dict once and comparing each key, an
//! exact `str`, with interned Python strings (identity, then Python's own
//! equality), never encoded; a rating's key is looked up in
//! the scorer's table of criterion ids ([`Ids`]), a Python dict, so the
//! common case copies no text out of Python but the subject's name and
//! the framework reference. (Under the abi3 limited API of Python 3.9 a
//! `str` can only be read as UTF-8 by encoding it into a new `bytes`.)
//!
//! It reads only what it is sure of: exact `dict`, `str`, `int` and `float`
//! objects (no subclasses, no `bool` where a number is expected), the keys
//! above and nothing else, ids and version requirements that the crate's
//! own `FromStr` accepts (which is what its `Deserialize` calls). On
//! anything else it gives `None`, and the caller takes the general path
//! (`from_deserializer` over `pythonize`), so a document that does not
//! parse gets exactly the crate's issue, and a document that parses gives
//! the same `Assessment` either way (tests/test_fast_path.py compares the
//! two over the conformance suite and edge cases).

use assessment_model::indexmap::IndexMap;
use assessment_model::semver::VersionReq;
use assessment_model::{
    Assessment, Framework, FrameworkRef, Id, LevelRef, Rating, RatingValue, Subject,
};
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyFloat, PyInt, PyString};

/// A framework's criterion ids as a Python dict (`str` → position in
/// `ids`), so that a rating's key is found by Python's own hash and
/// equality and its `Id` cloned, not read out of the `str` and checked.
pub(crate) struct Ids {
    index: Py<PyDict>,
    ids: Vec<Id>,
}

impl Ids {
    /// The table of every criterion id of `framework`.
    pub(crate) fn new(py: Python<'_>, framework: &Framework) -> PyResult<Ids> {
        let index = PyDict::new(py);
        let ids: Vec<Id> = framework.walk().map(|(_, c)| c.id.clone()).collect();
        for (i, id) in ids.iter().enumerate() {
            index.set_item(id.as_str(), i)?;
        }
        Ok(Ids {
            index: index.unbind(),
            ids,
        })
    }

    /// The id `key` spells, when it is a criterion id of the framework.
    fn get(&self, key: &Bound<'_, PyAny>) -> Option<Id> {
        let index = self.index.bind(key.py()).get_item(key).ok()??;
        self.ids.get(index.extract::<usize>().ok()?).cloned()
    }
}

/// The assessment `obj` describes, when it is a dict of the common shape;
/// `ids`, the scoring framework's criterion ids, when there is one.
pub(crate) fn assessment(obj: &Bound<'_, PyAny>, ids: Option<&Ids>) -> Option<Assessment> {
    let py = obj.py();
    let dict = obj.cast_exact::<PyDict>().ok()?;
    let [framework, subject, ratings, schema] = fields(
        dict,
        [
            intern!(py, "framework"),
            intern!(py, "subject"),
            intern!(py, "ratings"),
            intern!(py, "$schema"),
        ],
    )?;
    let mut assessment = Assessment::new(framework_ref(&framework?)?, subject_of(&subject?)?);
    if let Some(schema) = schema {
        assessment.schema = Some(owned(&schema)?);
    }
    if let Some(ratings) = ratings {
        assessment.ratings = ratings_of(&ratings, ids)?;
    }
    Some(assessment)
}

/// The values of `dict` at each of `keys` (`None` where it has none),
/// when every key of `dict` is one of `keys` (an exact `str`: a key of
/// another type that compares equal is not taken for it).
fn fields<'py, const N: usize>(
    dict: &Bound<'py, PyDict>,
    keys: [&Bound<'py, PyString>; N],
) -> Option<[Option<Bound<'py, PyAny>>; N]> {
    let mut out = [const { None }; N];
    for (key, value) in dict.iter() {
        let slot = keys.iter().position(|word| is(&key, word))?;
        *out.get_mut(slot)? = Some(value);
    }
    Some(out)
}

/// Whether `obj` is the `str` `word`: the same object, or an exact `str`
/// equal to it.
fn is(obj: &Bound<'_, PyAny>, word: &Bound<'_, PyString>) -> bool {
    obj.is(word) || (obj.is_exact_instance_of::<PyString>() && obj.eq(word).unwrap_or(false))
}

/// An exact `str` as an owned `String`.
fn owned(obj: &Bound<'_, PyAny>) -> Option<String> {
    let cow = obj.cast_exact::<PyString>().ok()?.to_cow().ok()?;
    Some(cow.into_owned())
}

/// An id from an exact `str`: from the table when it is there, else read
/// and checked.
fn id(obj: &Bound<'_, PyAny>, ids: Option<&Ids>) -> Option<Id> {
    if !obj.is_exact_instance_of::<PyString>() {
        return None;
    }
    if let Some(id) = ids.and_then(|t| t.get(obj)) {
        return Some(id);
    }
    Id::new(owned(obj)?).ok()
}

/// `{"id": ..., "version": ...}`.
fn framework_ref(obj: &Bound<'_, PyAny>) -> Option<FrameworkRef> {
    let py = obj.py();
    let dict = obj.cast_exact::<PyDict>().ok()?;
    let [fid, version] = fields(dict, [intern!(py, "id"), intern!(py, "version")])?;
    Some(FrameworkRef {
        id: id(&fid?, None)?,
        version: owned(&version?)?.parse::<VersionReq>().ok()?,
    })
}

/// `{"name": ..., "kind"?: ..., "attributes"?: {str: str}}`.
fn subject_of(obj: &Bound<'_, PyAny>) -> Option<Subject> {
    let py = obj.py();
    let dict = obj.cast_exact::<PyDict>().ok()?;
    let keys = [
        intern!(py, "name"),
        intern!(py, "kind"),
        intern!(py, "attributes"),
    ];
    let [name, kind, attributes] = fields(dict, keys)?;
    let mut subject = Subject::new(owned(&name?)?);
    if let Some(kind) = kind {
        subject.kind = Some(owned(&kind)?);
    }
    if let Some(attributes) = attributes {
        for (k, v) in attributes.cast_exact::<PyDict>().ok()?.iter() {
            subject.attributes.insert(owned(&k)?, owned(&v)?);
        }
    }
    Some(subject)
}

/// `{leaf id: {"value": ..., "note"?: str}}`, in the dict's order.
fn ratings_of(obj: &Bound<'_, PyAny>, ids: Option<&Ids>) -> Option<IndexMap<Id, Rating>> {
    let py = obj.py();
    let dict = obj.cast_exact::<PyDict>().ok()?;
    let mut ratings = IndexMap::with_capacity(dict.len());
    let keys = [intern!(py, "value"), intern!(py, "note")];
    for (key, value) in dict.iter() {
        let [v, note] = fields(value.cast_exact::<PyDict>().ok()?, keys)?;
        let mut rating = Rating::new(rating_value(&v?)?);
        if let Some(note) = note {
            rating.note = Some(owned(&note)?);
        }
        ratings.insert(id(&key, ids)?, rating);
    }
    Some(ratings)
}

/// A rating value in its serialised form.
fn rating_value(obj: &Bound<'_, PyAny>) -> Option<RatingValue> {
    let py = obj.py();
    if obj.is_exact_instance_of::<PyString>() {
        return if is(obj, intern!(py, "met")) {
            Some(RatingValue::Met)
        } else if is(obj, intern!(py, "not_met")) {
            Some(RatingValue::NotMet)
        } else if is(obj, intern!(py, "not_applicable")) {
            Some(RatingValue::NotApplicable)
        } else {
            None
        };
    }
    let dict = obj.cast_exact::<PyDict>().ok()?;
    if dict.len() != 1 {
        return None;
    }
    let (key, x) = dict.iter().next()?;
    let int = x.is_exact_instance_of::<PyInt>();
    if is(&key, intern!(py, "level")) {
        if int {
            return Some(RatingValue::Level(LevelRef::Value(
                x.extract::<i32>().ok()?,
            )));
        }
        return Some(RatingValue::Level(LevelRef::Id(id(&x, None)?)));
    }
    if is(&key, intern!(py, "number")) && (int || x.is_exact_instance_of::<PyFloat>()) {
        return Some(RatingValue::Number(x.extract::<f64>().ok()?));
    }
    None
}
