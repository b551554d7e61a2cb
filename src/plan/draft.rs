//! [`ActionPlan::draft`]: a plan proposed from a report, for a person to
//! edit ([SPEC](crate::spec) §3.13).

use crate::model::date::IsoDate;
use crate::model::id::Id;
use crate::plan::ActionPlan;
use crate::report::Report;

use super::{Action, Answers, Owner};

/// The options of [`ActionPlan::draft`]: the owner and due date every
/// drafted action starts with, and how many top priorities to draft
/// actions for (3 by default). By value: `Draft::new(owner, due).top(5)`.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Draft {
    /// The owner of every drafted action.
    pub owner: Owner,
    /// The due date of every drafted action.
    pub due: IsoDate,
    /// How many of the report's priorities (rule 10), from the top, get an
    /// action.
    pub top: usize,
}

impl Draft {
    /// Drafts owned by `owner`, due on `due`, for the top 3 priorities.
    pub fn new(owner: Owner, due: IsoDate) -> Draft {
        Draft { owner, due, top: 3 }
    }

    /// Drafts for the top `top` priorities instead.
    #[must_use]
    pub fn top(self, top: usize) -> Draft {
        Draft { top, ..self }
    }
}

impl ActionPlan {
    /// A plan proposed from `report`, for a person to edit: first one
    /// action per risk of the report (rule 8), in definition order, each
    /// answering that risk and addressing its criterion; then one action
    /// per priority (rule 10) among the top `draft.top`, in priority order,
    /// addressing its leaf, with the exact gain in
    /// [`Action::expected_gain`] and in words in the note. Titles come
    /// from the criteria's titles; ids are `action-1`, `action-2`, … in
    /// that order; every action is planned, owned by `draft.owner`, due on
    /// `draft.due`. The plan names the report's subject and its exact
    /// framework version, and passes
    /// [`validate_against`](ActionPlan::validate_against) the report.
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
    /// let plan = ActionPlan::draft(&report, &draft.top(1));
    /// let last = plan.actions.last().map(|a| a.criteria[0].as_str());
    /// assert_eq!(last, Some("q9-3"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn draft(report: &Report, draft: &Draft) -> ActionPlan {
        let mut plan = ActionPlan::new(report.subject().clone(), report.framework().clone());
        let title = |id: &Id| {
            report
                .node(id)
                .map_or_else(|| id.to_string(), |n| n.title().to_owned())
        };
        let mut push = |criterion: &Id, make: &dyn Fn(&mut Action)| {
            let n = plan.actions.len().saturating_add(1);
            let mut action = Action::new(
                Id::trusted(format!("action-{n}")),
                title(criterion),
                vec![criterion.clone()],
                draft.owner.clone(),
                draft.due,
            );
            make(&mut action);
            plan.actions.push(action);
        };
        for risk in report.risks() {
            push(risk.criterion, &|a: &mut Action| {
                a.answers = Some(Answers::Risk(risk.criterion.clone()));
                a.note = Some(format!(
                    "Risk: scored {:.1}, below {:.1}.",
                    risk.score * 100.0,
                    risk.threshold * 100.0
                ));
            });
        }
        for priority in report.priorities().into_iter().take(draft.top) {
            push(&priority.criterion, &|a: &mut Action| {
                a.expected_gain = Some(priority.gain);
                a.note = Some(format!(
                    "Raising it to its best rating adds {:.1} points to the total.",
                    priority.gain * 100.0
                ));
            });
        }
        plan
    }
}
