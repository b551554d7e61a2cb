"""Type stubs of the extension module (the Rust crate's binding). The
public names are re-exported by ``assessment_model``."""

from typing import Any, Dict, List, Mapping, Optional, Sequence, Union

import numpy as np
import numpy.typing as npt

#: A document: a dict (as ``json.load`` gives it) or JSON text.
Document = Union[Mapping[str, Any], str]

#: An issue, as ``Error.errors()`` and ``Framework.issues()`` give it:
#: ``code``, ``path`` (JSON Pointer), ``severity``, ``message``.
IssueDict = Dict[str, str]

#: Every issue code the crate can report.
ISSUE_CODES: List[str]

#: The default code of a not-applicable rating in ``Scorer.totals``: minus
#: infinity, which no scale admits.
NOT_APPLICABLE: float

class Framework:
    """A framework document: a versioned tree of criteria with its scales,
    facets and scoring rules."""

    @staticmethod
    def from_json(text: str) -> "Framework":
        """Parses JSON text; raises ``ValidationError`` (one issue)."""
    @staticmethod
    def from_dict(document: Mapping[str, Any]) -> "Framework":
        """Reads a dict; raises ``ValidationError`` (one issue)."""
    def to_dict(self) -> Dict[str, Any]:
        """The document as a dict, maps in definition order."""
    def to_json(self) -> str:
        """The document as JSON text."""
    def validate(self) -> None:
        """Raises ``ValidationError`` with every issue when there is an error."""
    def issues(self) -> List[IssueDict]:
        """Every issue, errors and warnings."""
    @property
    def id(self) -> str: ...
    @property
    def version(self) -> str: ...
    @property
    def title(self) -> str: ...
    def leaf_ids(self) -> List[str]:
        """The leaves' ids in definition order."""
    def __eq__(self, other: object) -> bool: ...

class Assessment:
    """An assessment document: one subject rated against one framework
    version."""

    @staticmethod
    def from_json(text: str) -> "Assessment":
        """Parses JSON text; raises ``ValidationError`` (one issue)."""
    @staticmethod
    def from_dict(document: Mapping[str, Any]) -> "Assessment":
        """Reads a dict; raises ``ValidationError`` (one issue)."""
    def to_dict(self) -> Dict[str, Any]: ...
    def to_json(self) -> str: ...
    def __eq__(self, other: object) -> bool: ...

AssessmentLike = Union[Assessment, Mapping[str, Any], str]

class Report:
    """A scored assessment; ``str(report)`` is the crate's text rendering."""

    @property
    def total(self) -> Dict[str, Any]:
        """``score``, ``coverage`` (float or None) and ``band`` (before
        ``critical_caps_band``)."""
    @property
    def band(self) -> Optional[str]:
        """The total's band after ``critical_caps_band``."""
    def node(self, id: str) -> Optional[Dict[str, Any]]:
        """The node of criterion ``id`` as in ``to_dict()["nodes"]``."""
    @property
    def risks(self) -> List[Dict[str, Any]]: ...
    def to_dict(self) -> Dict[str, Any]: ...
    def to_json(self) -> str: ...

class Scorer:
    """A framework validated and compiled for scoring; immutable,
    thread-safe, picklable."""

    def __init__(self, framework: Framework) -> None:
        """Raises ``ValidationError`` when the framework has an error."""
    @property
    def framework(self) -> Framework: ...
    @property
    def leaf_count(self) -> int: ...
    def score(self, assessment: AssessmentLike) -> Report:
        """Raises ``ValidationError`` (does not parse) or ``ScoreError``
        (does not fit the framework)."""
    def total(self, assessment: AssessmentLike) -> Optional[float]: ...
    def validate(self, assessment: AssessmentLike) -> None: ...
    def priorities(self, assessment: AssessmentLike) -> List[Dict[str, Any]]: ...
    def leaf_ids(self) -> List[str]:
        """The columns of ``totals``, in definition order."""
    def totals(
        self,
        ratings: npt.ArrayLike,
        not_applicable: float = ...,
    ) -> npt.NDArray[np.float64]:
        """Totals of a 2-D array of raw ratings (row = assessment, column =
        leaf; NaN missing, ``not_applicable`` not applicable); NaN where a
        total has no score. Releases the GIL."""

class Cohort:
    """Statistics over many reports; mergeable; ``state()`` is a plain dict."""

    def __init__(self, scorer: Scorer, grouping: Optional[str] = None) -> None: ...
    def push(self, report: Report) -> None: ...
    def push_assessment(self, assessment: AssessmentLike) -> None: ...
    def merge(self, other: "Cohort") -> None: ...
    @property
    def members(self) -> int: ...
    def stats(self) -> Dict[str, Any]: ...
    def stats_by(self, attribute: str) -> Optional[Dict[str, Dict[str, Any]]]: ...
    def weakest(self, k: int) -> List[Dict[str, Any]]: ...
    def common_risks(self, min_share: float) -> List[Dict[str, Any]]: ...
    def state(self) -> Dict[str, Any]: ...
    @staticmethod
    def from_state(scorer: Scorer, state: Mapping[str, Any]) -> "Cohort": ...

def apply_profile(framework: Framework, profile: Document) -> Framework: ...
def compose(base: Framework, modules: Sequence[Framework]) -> Framework: ...
def check_mapping(mapping: Document, source: Framework, target: Framework) -> None: ...
def translate(
    mapping: Document, assessment: AssessmentLike, source: Framework, target: Framework
) -> Dict[str, Any]: ...
def review_issues(review: Document, framework: Framework) -> List[IssueDict]: ...
def localization_issues(localization: Document, framework: Framework) -> List[IssueDict]: ...
def consolidate(review: Document, framework: Framework, method: str) -> Dict[str, Any]: ...

def good_practice_criteria() -> Framework: ...
def good_practice_worked_example() -> Assessment: ...
def impart_core() -> Framework: ...
def impart_in_place_scale() -> Dict[str, Any]: ...
def profint_success_factors_io1() -> Framework: ...
def profint_success_factors_io2() -> Framework: ...
def profint_learning_grid() -> Framework: ...
def profint_io1_to_io2() -> Dict[str, Any]: ...
def crosswalk_impart_core_to_good_practice() -> Dict[str, Any]: ...
def frameworks() -> List[Framework]: ...
