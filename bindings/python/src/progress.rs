//! Long calls tell Python how far they have got and stop when asked: the
//! `progress=` callable and Ctrl-C, as the crate's `Observer`.
//!
//! The crate calls the observer every few milliseconds of work, from the
//! thread that runs the call (which has released the GIL). Each call takes
//! the GIL back for a moment to run Python's signal handlers
//! (`check_signals`: Ctrl-C raises `KeyboardInterrupt` there) and then the
//! caller's `progress(done, total)`. The work stops when a handler raises,
//! when `progress` raises, or when it returns `False` (exactly `False`:
//! `None`, which `tqdm.update` returns, goes on); the binding then raises
//! that exception, or `assessment_model.Stopped` for `False`.

use assessment_model::model::{Observer, RunError, Stopped};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBool, PyType};

use crate::errors::{Class, to_py};

/// The caller's `progress` callable, if any, and the exception that
/// stopped the work. `Send`, so that the work can hold it without the GIL.
pub(crate) struct PyObserver {
    progress: Option<Py<PyAny>>,
    raised: Option<PyErr>,
}

impl PyObserver {
    /// An observer calling `progress` (when not `None`) and checking for
    /// signals; `TypeError` when `progress` is not callable.
    pub(crate) fn new(progress: Option<&Bound<'_, PyAny>>) -> PyResult<PyObserver> {
        let progress = progress.filter(|p| !p.is_none());
        if let Some(p) = progress.filter(|p| !p.is_callable()) {
            let kind = p.get_type().name()?;
            return Err(pyo3::exceptions::PyTypeError::new_err(format!(
                "progress must be callable as progress(done, total), not {kind}"
            )));
        }
        Ok(PyObserver {
            progress: progress.map(|p| p.clone().unbind()),
            raised: None,
        })
    }

    /// Tells `(done, total)` with the GIL held: `false` when a signal
    /// handler or `progress` raised (kept for [`PyObserver::error`]) or
    /// `progress` returned `False`.
    pub(crate) fn tell(&mut self, py: Python<'_>, done: u64, total: u64) -> bool {
        if !self.signals(py) {
            return false;
        }
        let Some(progress) = self.progress.as_ref() else {
            return true;
        };
        match progress.call1(py, (done, total)) {
            Ok(answer) => !answer.bind(py).is(PyBool::new(py, false)),
            Err(e) => {
                self.raised = Some(e);
                false
            }
        }
    }

    /// Runs Python's signal handlers alone (with the GIL held), for a
    /// caller that has no new progress to tell: `false` when one raised
    /// (kept for [`PyObserver::error`]).
    pub(crate) fn signals(&mut self, py: Python<'_>) -> bool {
        if self.raised.is_some() {
            return false;
        }
        match py.check_signals() {
            Ok(()) => true,
            Err(e) => {
                self.raised = Some(e);
                false
            }
        }
    }

    /// The exception for a call that stopped at `stopped`: what a signal
    /// handler or `progress` raised, or `Stopped(done, total)`.
    pub(crate) fn error(&mut self, py: Python<'_>, stopped: Stopped) -> PyErr {
        match self.raised.take() {
            Some(e) => e,
            None => stopped_error(py, stopped),
        }
    }

    /// The Python exception of an observed call's error: the issues as
    /// the exception of `class`, or [`PyObserver::error`].
    pub(crate) fn raise(&mut self, py: Python<'_>, class: Class, err: RunError) -> PyErr {
        match err {
            RunError::Stopped(stopped) => self.error(py, stopped),
            RunError::Invalid(e) => to_py(py, class, e),
            other => pyo3::exceptions::PyRuntimeError::new_err(other.to_string()),
        }
    }
}

impl Observer for PyObserver {
    fn observe(&mut self, done: u64, total: u64) -> bool {
        Python::attach(|py| self.tell(py, done, total))
    }
}

static STOPPED: PyOnceLock<Py<PyType>> = PyOnceLock::new();

/// `assessment_model.Stopped(done, total)`.
fn stopped_error(py: Python<'_>, stopped: Stopped) -> PyErr {
    let made = || -> PyResult<PyErr> {
        let ty = STOPPED.import(py, "assessment_model._errors", "Stopped")?;
        Ok(PyErr::from_value(ty.call1((stopped.done, stopped.total))?))
    };
    made().unwrap_or_else(|e| e)
}
