//! Long work that tells its caller how far it has got and stops when asked
//! ([SPEC](crate::spec) §6.1: work that can take seconds reports its
//! progress and stops when the caller asks): the caller's [`Observer`],
//! the [`Stopped`] error it causes, and [`RunError`], the error of an
//! observed operation.
//!
//! The observed operations are [`Uncertainty::run_observed`],
//! [`Scorer::bounds_observed`], [`Scorer::totals_observed`] and
//! [`Cohort::extend_observed`]. Each counts its work in units of its own
//! (documented on it), known in full before it starts, and tells the
//! observer `(done, total)` after every few units: often enough that a
//! caller who asks to stop is answered within milliseconds, rarely enough
//! that telling costs nothing measurable (about every 2^18 leaf values
//! scored). The crate reads no clock and writes nothing: how progress is
//! shown, and when to stop, is the caller's.
//!
//! [`Uncertainty::run_observed`]: crate::Uncertainty::run_observed
//! [`Scorer::bounds_observed`]: crate::Scorer::bounds_observed
//! [`Scorer::totals_observed`]: crate::Scorer::totals_observed
//! [`Cohort::extend_observed`]: crate::Cohort::extend_observed

use std::convert::Infallible;

use crate::model::issue::ValidationError;

/// The caller's side of long work: told how far the work has got, it says
/// whether to go on.
///
/// Implemented for every closure `FnMut(u64, u64) -> bool`. The work calls
/// [`Observer::observe`] with `(0, total)` before it starts, then with the
/// units done so far (never fewer than the call before, never more than
/// `total`), and last with `(total, total)` once the work is done. Returning
/// `false` from any call but the last stops the work, which then returns
/// [`Stopped`] (as [`RunError::Stopped`]) with the units done; the answer
/// to the last call is not asked, as nothing is left to stop.
///
/// # Examples
///
/// ```
/// use assessment_model::model::Observer;
///
/// let mut seen = Vec::new();
/// let mut observer = |done: u64, total: u64| {
///     seen.push((done, total));
///     done < 50
/// };
/// assert!(observer.observe(10, 100));
/// assert!(!observer.observe(60, 100));
/// assert_eq!(seen, [(10, 100), (60, 100)]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub trait Observer {
    /// `done` of `total` units of work are done; `true` to go on, `false`
    /// to stop.
    fn observe(&mut self, done: u64, total: u64) -> bool;
}

impl<F: FnMut(u64, u64) -> bool> Observer for F {
    fn observe(&mut self, done: u64, total: u64) -> bool {
        self(done, total)
    }
}

/// The observer asked the work to stop: how far it had got. The work's
/// result is not there (nothing half-written is returned), and what the
/// operation was changing is as it was before, unless the operation
/// documents otherwise.
///
/// # Examples
///
/// ```
/// use assessment_model::model::Stopped;
///
/// let stopped = Stopped { done: 3, total: 10 };
/// assert_eq!(stopped.to_string(), "stopped by the caller after 3 of 10 units of work");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("stopped by the caller after {done} of {total} units of work")]
pub struct Stopped {
    /// The units done when the observer said stop.
    pub done: u64,
    /// The units the whole work has.
    pub total: u64,
}

/// The error of an observed operation: its input is not valid (as the
/// unobserved operation reports it), or its observer stopped it.
///
/// # Examples
///
/// ```
/// use assessment_model::catalog::good_practice;
/// use assessment_model::model::{RunError, Stopped};
/// use assessment_model::Scorer;
///
/// let scorer = Scorer::new(&good_practice::criteria())?;
/// let assessment = good_practice::worked_example();
/// let err = scorer.bounds_observed(&assessment, &mut |_, _| false).unwrap_err();
/// assert!(matches!(err, RunError::Stopped(Stopped { done: 0, .. })));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum RunError {
    /// The input is not valid: every issue, as the unobserved operation
    /// reports them. Nothing was done.
    #[error(transparent)]
    Invalid(#[from] ValidationError),
    /// The observer asked to stop.
    #[error(transparent)]
    Stopped(#[from] Stopped),
}

impl RunError {
    /// The issues when the input is not valid; `None` when stopped.
    pub fn validation_error(&self) -> Option<&ValidationError> {
        match self {
            RunError::Invalid(e) => Some(e),
            RunError::Stopped(_) => None,
        }
    }
}

impl From<Infallible> for RunError {
    fn from(never: Infallible) -> RunError {
        match never {}
    }
}

/// How many leaf values a stretch of work between two calls of the
/// observer scores, about: a few milliseconds on one core.
const LEAF_VALUES_PER_CALL: u64 = 1 << 18;

/// Where an operation's progress goes: to an [`Observer`] that may stop it
/// ([`Watched`]), or nowhere ([`Unwatched`], for the unobserved
/// operations, which then cannot stop: their `Stop` is [`Infallible`]).
pub(crate) trait Gate {
    /// What stopping gives.
    type Stop;
    /// Tells `(done, total)`; `Err` to stop.
    fn pass(&mut self, done: u64, total: u64) -> Result<(), Self::Stop>;
}

/// No one watches: the work cannot stop.
pub(crate) struct Unwatched;

impl Gate for Unwatched {
    type Stop = Infallible;
    fn pass(&mut self, _: u64, _: u64) -> Result<(), Infallible> {
        Ok(())
    }
}

/// The caller's observer watches.
pub(crate) struct Watched<'o>(pub(crate) &'o mut dyn Observer);

impl Gate for Watched<'_> {
    type Stop = Stopped;
    fn pass(&mut self, done: u64, total: u64) -> Result<(), Stopped> {
        if self.0.observe(done, total) {
            Ok(())
        } else {
            Err(Stopped { done, total })
        }
    }
}

/// Counts an operation's units of work and tells its gate every `step`
/// units.
pub(crate) struct Meter<G> {
    gate: G,
    done: u64,
    total: u64,
    step: u64,
    /// The count at which the gate is told next.
    next: u64,
}

impl<G: Gate> Meter<G> {
    /// A meter of `total` units, each of which scores about
    /// `leaf_values_per_unit` leaf values; tells the gate `(0, total)`.
    ///
    /// # Errors
    ///
    /// The gate's stop, when it stops the work before it starts.
    pub(crate) fn start(
        mut gate: G,
        total: u64,
        leaf_values_per_unit: u64,
    ) -> Result<Meter<G>, G::Stop> {
        let step = LEAF_VALUES_PER_CALL
            .checked_div(leaf_values_per_unit)
            .unwrap_or(1)
            .max(1);
        gate.pass(0, total)?;
        Ok(Meter {
            gate,
            done: 0,
            total,
            step,
            next: step,
        })
    }

    /// `units` more are done; tells the gate when a step is complete.
    ///
    /// # Errors
    ///
    /// The gate's stop.
    pub(crate) fn add(&mut self, units: u64) -> Result<(), G::Stop> {
        self.done = self.done.saturating_add(units).min(self.total);
        if self.done >= self.next && self.done < self.total {
            self.next = self.done.saturating_add(self.step);
            self.gate.pass(self.done, self.total)?;
        }
        Ok(())
    }

    /// The work is done: tells the gate `(total, total)`, whatever it
    /// answers.
    pub(crate) fn finish(mut self) {
        // Nothing is left to stop, so the answer is not asked.
        let _ = self.gate.pass(self.total, self.total);
    }
}

/// The value of work that could not stop.
pub(crate) fn unstoppable<T>(result: Result<T, Infallible>) -> T {
    match result {
        Ok(value) => value,
        Err(never) => match never {},
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_meter_tells_at_each_step_and_at_the_end() {
        let mut seen = Vec::new();
        let mut observer = |done: u64, total: u64| {
            seen.push((done, total));
            true
        };
        // 2^17 leaf values per unit: a call every 2 units.
        let meter = Meter::start(Watched(&mut observer), 5, 1 << 17);
        let Ok(mut meter) = meter else {
            panic!("stopped at the start");
        };
        for _ in 0..5 {
            assert_eq!(meter.add(1), Ok(()));
        }
        meter.finish();
        assert_eq!(seen, [(0, 5), (2, 5), (4, 5), (5, 5)]);
    }

    #[test]
    fn a_meter_stops_when_told() {
        let mut observer = |done: u64, _: u64| done < 3;
        let Ok(mut meter) = Meter::start(Watched(&mut observer), 10, LEAF_VALUES_PER_CALL) else {
            panic!("stopped at the start");
        };
        assert_eq!(meter.add(2), Ok(()));
        assert_eq!(meter.add(2), Err(Stopped { done: 4, total: 10 }));
    }
}
