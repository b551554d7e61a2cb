"""Assessment frameworks for migrant and refugee integration programmes
(IMPART, PROFINT, good-practice criteria): validation and exact scoring,
by the Rust crate ``assessment-model``.

>>> from assessment_model import Scorer, catalog
>>> scorer = Scorer(catalog.good_practice.criteria())
>>> report = scorer.score(catalog.good_practice.worked_example())
>>> round(report.total["score"], 4)
0.8611

Documents (frameworks, assessments, cohort states) are read from dicts or
JSON text and written back as dicts; every problem is raised as a
``ValidationError`` or ``ScoreError`` whose ``errors()`` lists each issue
with its code and JSON Pointer. ``Scorer.totals`` scores a 2-D numpy array
of ratings at once, without the GIL. The analyses of the crate's SPEC §8
(``Progress``, ``Scorer.bounds``, ``Uncertainty``), localizations
(``Localization``, ``Localized``) and action plans (``ActionPlan``) are
bound the way a ``Report`` is: frozen objects with plain-value getters,
``to_dict()`` and ``str()`` as the crate renders them. The calls that
can take seconds (``Uncertainty.run``, ``Scorer.totals``, ``Scorer.bounds``,
``Cohort.extend``) take ``progress=``, a callable told ``(done, total)``
every few milliseconds that stops the call (``Stopped``) by returning
``False``; Ctrl-C stops them with ``KeyboardInterrupt``. Every object is safe to pickle, so
the package runs as it is on Dask, Spark or Ray workers.
"""

from ._assessment_model import (
    ISSUE_CODES,
    MAX_EVALUATIONS,
    NOT_APPLICABLE,
    ActionPlan,
    Assessment,
    Bounds,
    Cohort,
    Explanation,
    Framework,
    Localization,
    Localized,
    Progress,
    Report,
    Scorer,
    Uncertainty,
    UncertaintyReport,
    apply_profile,
    check_mapping,
    compose,
    consolidate,
    localization_issues,
    review_issues,
    translate,
)
from ._errors import Error, ScoreError, Stopped, ValidationError
from . import catalog

__all__ = [
    "ActionPlan",
    "Assessment",
    "Bounds",
    "Cohort",
    "Error",
    "Explanation",
    "Framework",
    "ISSUE_CODES",
    "Localization",
    "Localized",
    "MAX_EVALUATIONS",
    "NOT_APPLICABLE",
    "Progress",
    "Report",
    "ScoreError",
    "Scorer",
    "Stopped",
    "Uncertainty",
    "UncertaintyReport",
    "ValidationError",
    "apply_profile",
    "catalog",
    "check_mapping",
    "compose",
    "consolidate",
    "localization_issues",
    "review_issues",
    "translate",
]
