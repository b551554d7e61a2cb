//! The checks of an [`ActionPlan`] against the report it answers
//! ([SPEC](crate::spec) §6.7).

use std::collections::HashMap;

use crate::model::issue::{Issue, IssueKind, Severity, ValidationError, pointer};
use crate::model::limits::{Limits, MAX_CRITERIA};
use crate::plan::ActionPlan;
use crate::report::Report;

use super::{ActionStatus, Answers, gain_problem};

impl ActionPlan {
    /// Every problem of this plan as a plan for `report`, with paths into
    /// the plan ([SPEC](crate::spec) §6.7). The plan is checked against a
    /// [`Report`] rather than a framework because a risk is a property of
    /// one scored assessment: the report carries its framework (for the
    /// criteria), its computed risks and its declared findings.
    ///
    /// | code | path | when |
    /// |---|---|---|
    /// | `framework-mismatch` | `/framework` | the report's framework does not satisfy the plan's reference; nothing else is then checked |
    /// | `text-too-long`, `too-many-items` | the text or list | over a limit ([`crate::limits`]) |
    /// | `duplicate-id` | `/actions/<i>/id` | an action id used by an earlier action |
    /// | `unknown-criterion` | `/actions/<i>/criteria/<j>` | the framework has no such criterion |
    /// | `unknown-risk` | `/actions/<i>/answers/risk` | the criterion is not a risk of the report |
    /// | `unknown-finding` | `/actions/<i>/answers/finding` | the report has no declared finding at that position |
    /// | `missing-done-date` | `/actions/<i>` | a `done` action without a `done` date |
    ///
    /// Every issue is an error.
    ///
    /// # Examples
    ///
    /// ```
    /// use assessment_model::{ActionPlan, Scorer, catalog::good_practice};
    /// use assessment_model::model::IsoDate;
    /// use assessment_model::plan::{Action, Owner};
    ///
    /// let scorer = Scorer::new(&good_practice::criteria())?;
    /// let report = scorer.score(&good_practice::worked_example())?;
    /// let mut plan = ActionPlan::new(report.subject().clone(), report.framework().clone());
    /// let owner = Owner::Organisation("Afpa".into());
    /// let due: IsoDate = "2027-06-30".parse()?;
    /// plan.actions.push(Action::new("a".parse()?, "A", vec!["no-such".parse()?], owner, due));
    /// let issues = plan.issues_against(&report);
    /// assert_eq!(issues[0].code(), "unknown-criterion");
    /// assert_eq!(issues[0].path, "/actions/0/criteria/0");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn issues_against(&self, report: &Report) -> Vec<Issue> {
        let mut issues = Vec::new();
        if let Some(issue) = self
            .framework
            .mismatch(&report.compiled.framework, "/framework")
        {
            issues.push(issue);
            return issues;
        }
        self.limit_issues(&mut issues);
        let risks: Vec<&str> = report
            .risks()
            .iter()
            .map(|r| r.criterion.as_str())
            .collect();
        let mut first: HashMap<&str, usize> = HashMap::new();
        for (i, action) in self.actions.iter().enumerate().take(MAX_CRITERIA) {
            let at = pointer("/actions", i);
            if let Some(j) = first.get(action.id.as_str()) {
                let kind = IssueKind::DuplicateId {
                    id: action.id.to_string(),
                    first: pointer(&pointer("/actions", j), "id"),
                };
                issues.push(Issue::new(pointer(&at, "id"), kind));
            } else {
                first.insert(action.id.as_str(), i);
            }
            let criteria = pointer(&at, "criteria");
            for (j, id) in action.criteria.iter().enumerate().take(MAX_CRITERIA) {
                if report.node(id).is_none() {
                    let kind = IssueKind::UnknownCriterion { id: id.to_string() };
                    issues.push(Issue::new(pointer(&criteria, j), kind));
                }
            }
            let answers = pointer(&at, "answers");
            match &action.answers {
                Some(Answers::Risk(id)) if !risks.contains(&id.as_str()) => {
                    let kind = IssueKind::UnknownRisk { id: id.to_string() };
                    issues.push(Issue::new(pointer(&answers, "risk"), kind));
                }
                Some(Answers::Finding(index)) if *index >= report.findings().len() => {
                    let kind = IssueKind::UnknownFinding {
                        index: *index,
                        count: report.findings().len(),
                    };
                    issues.push(Issue::new(pointer(&answers, "finding"), kind));
                }
                _ => {}
            }
            if let Some(message) = gain_problem(action.expected_gain) {
                let kind = IssueKind::InvalidDocument { message };
                issues.push(Issue::new(pointer(&at, "expected_gain"), kind));
            }
            if action.status == ActionStatus::Done && action.done.is_none() {
                let kind = IssueKind::MissingDoneDate {
                    id: action.id.to_string(),
                };
                issues.push(Issue::new(at, kind));
            }
        }
        issues
    }

    /// Checks this plan against `report` (see
    /// [`issues_against`](ActionPlan::issues_against)).
    ///
    /// # Errors
    ///
    /// [`ValidationError`] with every issue when there is one.
    ///
    /// # Examples
    ///
    /// ```
    /// use assessment_model::{ActionPlan, Scorer, catalog::good_practice};
    /// use assessment_model::plan::{Draft, Owner};
    ///
    /// let scorer = Scorer::new(&good_practice::criteria())?;
    /// let report = scorer.score(&good_practice::worked_example())?;
    /// let draft = Draft::new(Owner::Organisation("Afpa".into()), "2027-06-30".parse()?);
    /// let plan = ActionPlan::draft(&report, &draft);
    /// plan.validate_against(&report)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn validate_against(&self, report: &Report) -> Result<(), ValidationError> {
        let issues = self.issues_against(report);
        if issues.iter().any(|i| i.severity() == Severity::Error) {
            return Err(ValidationError::new(issues));
        }
        Ok(())
    }

    /// The limits of [`crate::limits`]: at most [`MAX_CRITERIA`] actions
    /// and criteria per action; every text at most
    /// [`crate::model::MAX_TEXT_BYTES`].
    fn limit_issues(&self, issues: &mut Vec<Issue>) {
        let mut limits = Limits::new(issues);
        limits.subject("", &self.subject);
        limits.count("/actions", "actions", self.actions.len(), MAX_CRITERIA);
        for (i, action) in self.actions.iter().enumerate().take(MAX_CRITERIA) {
            let at = pointer("/actions", i);
            limits.text(&at, "title", &action.title);
            limits.opt_text(&at, "note", action.note.as_ref());
            let criteria = pointer(&at, "criteria");
            limits.count(&criteria, "criteria", action.criteria.len(), MAX_CRITERIA);
            match &action.owner {
                super::Owner::Person(person) => {
                    limits.person(&pointer(&pointer(&at, "owner"), "person"), person);
                }
                super::Owner::Organisation(name) => {
                    limits.text(&pointer(&at, "owner"), "organisation", name);
                }
            }
        }
    }
}
