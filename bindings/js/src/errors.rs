//! The crate's issues as JS errors: `ValidationError` (a document that does
//! not parse or a framework that is not valid) and `ScoreError` (an
//! assessment, report or ratings that do not fit the scorer's framework),
//! classes of the package's `errors.js`, each with an `issues` array of
//! `{code, path, severity, message}`. The classes are registered by the
//! package's entry modules; without them (the raw module loaded alone) an
//! `Error` of the same `name` and `issues` is thrown.

use std::cell::RefCell;

use assessment_model::{Issue, ValidationError};
use js_sys::{Array, Function, Reflect};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::convert::to_value;

/// Which class an error becomes.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Class {
    /// `ValidationError`: a document or framework that is not valid.
    Validation,
    /// `ScoreError`: something that cannot be scored against the scorer's
    /// framework (a subclass of `ValidationError`).
    Score,
}

thread_local! {
    /// The registered classes: (`ValidationError`, `ScoreError`).
    static CLASSES: RefCell<Option<(Function, Function)>> = const { RefCell::new(None) };
}

/// Registers the error classes that the package's functions throw (done by
/// `index.js` and `node.js`; each is called as `new Class(issues)`).
#[wasm_bindgen(js_name = "__registerErrors")]
pub fn register_errors(validation: Function, score: Function) {
    CLASSES.with(|c| *c.borrow_mut() = Some((validation, score)));
}

/// One issue as JS sees it.
#[derive(Serialize)]
struct IssueObject<'a> {
    code: &'a str,
    path: String,
    severity: String,
    message: String,
}

/// The issues (each with a JSON Pointer prefix) as an array of
/// `{code, path, severity, message}`.
pub(crate) fn issue_array(issues: &[(String, Issue)]) -> Result<JsValue, JsValue> {
    let objects: Vec<IssueObject<'_>> = issues
        .iter()
        .map(|(prefix, issue)| IssueObject {
            code: issue.code(),
            path: format!("{prefix}{}", issue.path),
            severity: issue.severity().to_string(),
            message: issue.kind.to_string(),
        })
        .collect();
    to_value(&objects)
}

/// The crate's issues (paths as the crate gives them) as that array.
pub(crate) fn issues_of(issues: Vec<Issue>) -> Result<JsValue, JsValue> {
    let issues: Vec<(String, Issue)> = issues.into_iter().map(|i| (String::new(), i)).collect();
    issue_array(&issues)
}

/// The error of `class` carrying `issues`.
pub(crate) fn error(class: Class, issues: &[(String, Issue)]) -> JsValue {
    let array = match issue_array(issues) {
        Ok(a) => a,
        Err(e) => return e,
    };
    let name = match class {
        Class::Validation => "ValidationError",
        Class::Score => "ScoreError",
    };
    let registered = CLASSES.with(|c| {
        c.borrow().as_ref().map(|(v, s)| match class {
            Class::Validation => v.clone(),
            Class::Score => s.clone(),
        })
    });
    if let Some(ctor) = registered {
        let args = Array::of1(&array);
        return Reflect::construct(&ctor, &args).unwrap_or_else(|e| e);
    }
    let count = Array::from(&array).length();
    let plain = js_sys::Error::new(&format!("{count} issue(s)"));
    plain.set_name(name);
    // Setting a property on a fresh Error cannot fail.
    let _ = Reflect::set(&plain, &"issues".into(), &array);
    plain.into()
}

/// A crate error as the error of `class`.
pub(crate) fn to_js(class: Class, err: ValidationError) -> JsValue {
    let issues: Vec<(String, Issue)> = err
        .into_issues()
        .into_iter()
        .map(|i| (String::new(), i))
        .collect();
    error(class, &issues)
}

/// Maps a crate result to a JS one, the error as the error of `class`.
pub(crate) trait OrThrow<T> {
    /// The value, or the crate's issues as the error of `class`.
    fn or_throw(self, class: Class) -> Result<T, JsValue>;
}

impl<T> OrThrow<T> for Result<T, ValidationError> {
    fn or_throw(self, class: Class) -> Result<T, JsValue> {
        self.map_err(|e| to_js(class, e))
    }
}
