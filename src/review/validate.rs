//! The checks of a [`PeerReview`]: on its own ([`PeerReview::issues`]) and
//! against the framework its peers rated ([`PeerReview::issues_against`]).

use crate::model::framework::Framework;
use crate::model::issue::{Issue, IssueKind, Severity, ValidationError, pointer};
use crate::model::limits::{Limits, MAX_ITEMS, MAX_PEERS};
use crate::review::PeerReview;
use crate::scorer::Scorer;

impl PeerReview {
    /// Checks the rules that span the review's fields and collects every
    /// issue, in document order:
    ///
    /// - every key of `assessments` names a peer in `peers`
    ///   (`unknown-peer`, at `/assessments/<key>`);
    /// - the visit's `end` is not before its `start` (`dates-out-of-order`,
    ///   at `/visit/end`);
    /// - no list or text is over its limit ([`crate::limits`]): peers and
    ///   assessments at most [`crate::model::MAX_PEERS`], each assessment's
    ///   ratings, narratives and findings, feedback, desk-review notes and
    ///   counterparts (`too-many-items` at the list), every text
    ///   (`text-too-long` at the text).
    ///
    /// Dates are checked for form and calendar when the review is
    /// deserialised ([`crate::model::IsoDate`]).
    pub fn issues(&self) -> Vec<Issue> {
        let mut issues = Vec::new();
        self.limit_issues(&mut issues);
        if let Some(visit) = &self.visit {
            if let Some(end) = visit.end {
                if end < visit.start {
                    issues.push(Issue::new(
                        "/visit/end",
                        IssueKind::DatesOutOfOrder {
                            start: visit.start.to_string(),
                            end: end.to_string(),
                        },
                    ));
                }
            }
        }
        for key in self.assessments.keys() {
            if !self.peers.contains_key(key) {
                issues.push(Issue::new(
                    pointer("/assessments", key),
                    IssueKind::UnknownPeer {
                        peer: key.to_string(),
                    },
                ));
            }
        }
        issues
    }

    /// [`PeerReview::issues`], and the checks against `framework`:
    ///
    /// - the review's framework reference and each peer assessment's match
    ///   `framework` (`framework-mismatch`);
    /// - every rating is of a leaf of `framework` (`unknown-criterion`,
    ///   `rating-on-group`) and on that leaf's scale (`rating-off-scale`, at
    ///   `.../ratings/<leaf>/value`);
    /// - every narrative and finding names a criterion of `framework`
    ///   (`unknown-criterion`).
    ///
    /// The assessments are checked by the framework's compiled checker, the
    /// one [`Scorer::score`] runs, so a problem has the same code and text
    /// here as when scoring (at paths under `/assessments/<peer>`). When
    /// `framework` itself is invalid ([`Framework::validate`]), its own
    /// issues (paths into the framework) come instead of those checks.
    pub fn issues_against(&self, framework: &Framework) -> Vec<Issue> {
        let mut issues = self.issues();
        issues.extend(self.framework.mismatch(framework, "/framework"));
        // The one check of an assessment is the compiled framework's; an
        // invalid framework has none, and its own problems are reported.
        let scorer = match Scorer::new(framework) {
            Ok(scorer) => scorer,
            Err(err) => {
                issues.extend(err.into_issues());
                return issues;
            }
        };
        let compiled = scorer.compiled();
        for (key, assessment) in &self.assessments {
            let base = pointer("/assessments", key);
            issues.extend(compiled.assessment_issues(assessment, &base));
        }
        issues.extend(compiled.finding_issues(&self.findings, "/findings"));
        issues
    }

    /// Checks the review against `framework` ([`PeerReview::issues_against`])
    /// and fails when any issue is an error.
    ///
    /// # Errors
    ///
    /// [`ValidationError`] with every issue found.
    pub fn validate(&self, framework: &Framework) -> Result<(), ValidationError> {
        let issues = self.issues_against(framework);
        if issues.iter().any(|i| i.severity() == Severity::Error) {
            Err(ValidationError::new(issues))
        } else {
            Ok(())
        }
    }
}

impl PeerReview {
    /// The limits of [`crate::limits`] on every list and text of the review.
    fn limit_issues(&self, issues: &mut Vec<Issue>) {
        let mut limits = Limits::new(issues);
        limits.subject("", &self.subject);
        limits.opt_text("", "theme", self.theme.as_ref());
        limits.count("/peers", "peers", self.peers.len(), MAX_PEERS);
        for (key, person) in self.peers.iter().take(MAX_PEERS) {
            limits.person(&pointer("/peers", key), person);
        }
        let context = &self.context;
        if let Some(baseline) = &context.baseline {
            let at = "/context/baseline";
            limits.opt_text(
                at,
                "socio_economic_context",
                baseline.socio_economic_context.as_ref(),
            );
            limits.opt_text(at, "policy_setting", baseline.policy_setting.as_ref());
            limits.opt_text(at, "funding_activity", baseline.funding_activity.as_ref());
        }
        limits.opt_text(
            "/context",
            "project_report",
            context.project_report.as_ref(),
        );
        let notes = context.desk_review.len();
        limits.count("/context/desk_review", "desk_review", notes, MAX_ITEMS);
        for (i, note) in context.desk_review.iter().enumerate().take(MAX_ITEMS) {
            limits.text("/context/desk_review", i, note);
        }
        if let Some(visit) = &self.visit {
            limits.text("/visit", "place", &visit.place);
            let n = visit.counterparts.len();
            limits.count("/visit/counterparts", "counterparts", n, MAX_ITEMS);
            for (i, c) in visit.counterparts.iter().enumerate().take(MAX_ITEMS) {
                let at = pointer("/visit/counterparts", i);
                limits.text(&at, "role", &c.role);
                limits.opt_text(&at, "name", c.name.as_ref());
                limits.opt_text(&at, "organisation", c.organisation.as_ref());
            }
        }
        let n = self.assessments.len();
        limits.count("/assessments", "assessments", n, MAX_PEERS);
        for (key, assessment) in self.assessments.iter().take(MAX_PEERS) {
            limits.assessment(&pointer("/assessments", key), assessment);
        }
        limits.count("/feedback", "feedback", self.feedback.len(), MAX_ITEMS);
        for (i, point) in self.feedback.iter().enumerate().take(MAX_ITEMS) {
            limits.text("/feedback", i, point);
        }
        limits.findings("", &self.findings);
    }
}
