"""Type stubs of the extension module (the Rust crate's binding). The
public names are re-exported by ``assessment_model``."""

from typing import TYPE_CHECKING, Any, Callable, Dict, List, Mapping, Optional, Sequence, Union

import numpy as np
import numpy.typing as npt

if TYPE_CHECKING:
    import pandas as pd

#: A document: a dict (as ``json.load`` gives it) or JSON text. A dict is
#: read only when it is JSON-shaped: dicts (keys ``str``, or ``int``),
#: lists, tuples, ``str``, numbers (``numbers.Real``, numpy's scalars
#: too), ``bool`` and ``None``, nested at most 127 deep, with no reference
#: cycle; anything else (bytes, a set, a cycle…) is ``ValidationError``
#: (``invalid-document``) at its path.
Document = Union[Mapping[str, Any], str]

#: An issue, as ``Framework.issues()`` gives it: ``code``, ``path`` (JSON
#: Pointer), ``severity``, ``message``. ``Error.errors()`` entries also
#: carry pydantic-core's ``type`` (the code), ``loc`` (the path as a tuple
#: of keys and integer indices) and ``msg`` (the message).
IssueDict = Dict[str, Any]

#: Every issue code the crate can report.
ISSUE_CODES: List[str]

#: The default code of a not-applicable rating in ``Scorer.totals``: minus
#: infinity, which no scale admits.
NOT_APPLICABLE: float

#: The most scorings one ``Uncertainty.run`` may make (``samples × (inputs
#: + 2) × members``), 10**10; a run over it is ``ScoreError``
#: (``too-many-items`` at ``/samples``) before any scoring.
MAX_EVALUATIONS: int

#: The ``progress=`` of the long calls (``Uncertainty.run``,
#: ``Scorer.totals``, ``Scorer.bounds``, ``Cohort.extend``): called as
#: ``progress(done, total)`` with the units of work done and in all, first
#: ``(0, total)``, last ``(total, total)``, every few milliseconds between.
#: Returning ``False`` (exactly) stops the call with ``Stopped``; anything
#: else (``None``, as ``tqdm``'s ``update`` returns) goes on. An exception
#: it raises stops the call and propagates. Ctrl-C stops the same calls
#: with ``KeyboardInterrupt`` within milliseconds, with or without it.
ProgressCallback = Callable[[int, int], Any]

class Framework:
    """A framework document: a versioned tree of criteria with its scales,
    facets and scoring rules."""

    @staticmethod
    def from_json(text: str) -> "Framework":
        """Parses JSON text; raises ``ValidationError`` (every problem, each with its path)."""
    @staticmethod
    def from_dict(document: Mapping[str, Any]) -> "Framework":
        """Reads a dict; raises ``ValidationError`` (every problem, each with its path)."""
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
        """Parses JSON text; raises ``ValidationError`` (every problem, each with its path)."""
    @staticmethod
    def from_dict(document: Mapping[str, Any]) -> "Assessment":
        """Reads a dict; raises ``ValidationError`` (every problem, each with its path)."""
    def to_dict(self) -> Dict[str, Any]: ...
    def to_json(self) -> str: ...
    def __eq__(self, other: object) -> bool: ...

AssessmentLike = Union[Assessment, Mapping[str, Any], str]

class Report:
    """A scored assessment; ``str(report)`` is the crate's text rendering.
    Pickles as its scorer and its JSON text."""

    @staticmethod
    def from_json(scorer: "Scorer", text: str) -> "Report":
        """Reads a report back (as ``to_json`` writes it) against its
        framework's scorer; raises ``ValidationError``
        (``framework-mismatch``, ``invalid-report``…) unless it is exactly
        what ``scorer`` gives for the ratings it lists."""
    @staticmethod
    def from_dict(scorer: "Scorer", document: Mapping[str, Any]) -> "Report":
        """As ``from_json``, from a dict (as ``to_dict`` gives it)."""
    @property
    def scorer(self) -> "Scorer":
        """The scorer that made the report."""

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
    def display_in(self, texts: "Localized") -> str:
        """The report's table with criterion titles in ``texts``' language."""
    def explain(self, id: str) -> Optional["Explanation"]:
        """Why criterion ``id`` has its score; ``None`` for an unknown id."""
    def explain_total(self) -> "Explanation":
        """Why the total has its score."""
    def chart_profile(
        self,
        *,
        group: Optional[str] = None,
        width: int = 640,
        height: int = 480,
        texts: Optional["Localized"] = None,
        words: Optional[Mapping[str, str]] = None,
        id_prefix: Optional[str] = None,
    ) -> str:
        """The profile as SVG text (SPEC §9.1): the top-level criteria, or
        ``group``'s children, as a radar for 3 to 12 and bars otherwise.
        ``words`` maps ``ChartWords`` fields (``total``, ``risk``…) to
        text. Raises ``ValidationError`` for an unknown ``group`` or
        word."""
    def _repr_svg_(self) -> str:
        """The profile, 640 × 480, for notebooks."""

class Explanation:
    """Why one node of a report has its score (SPEC §3.14): the rule, the
    children included (weight, score, contribution) and left out (reason),
    and the result. ``str()`` is one line of text; picklable."""

    @staticmethod
    def from_json(text: str) -> "Explanation": ...
    @staticmethod
    def from_dict(document: Mapping[str, Any]) -> "Explanation": ...
    @property
    def criterion(self) -> Optional[str]:
        """The criterion explained; ``None`` for the total."""
    @property
    def title(self) -> str: ...
    @property
    def method(self) -> Optional[str]:
        """The aggregation of a group or the total; ``None`` for a leaf."""
    @property
    def score(self) -> Optional[float]:
        """The node's score, as the report gives it."""
    @property
    def included(self) -> List[Dict[str, Any]]:
        """``criterion``, ``weight``, ``score``, ``contribution``?,
        ``missing_as_zero``? per included child."""
    @property
    def left_out(self) -> List[Dict[str, Any]]:
        """``criterion``, ``reason``, ``score``? per child left out."""
    def display_in(self, texts: "Localized") -> str:
        """The line with the title in ``texts``' language."""
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
    def bounds(
        self, assessment: AssessmentLike, *, progress: Optional[ProgressCallback] = None
    ) -> "Bounds":
        """Lowest and highest score of every node over the ways of rating
        the missing leaves (SPEC §8.2); raises ``ScoreError``. ``progress``
        is told the missing leaves whose leverage is done (about every
        4,096); ``Stopped`` when it returns ``False``."""
    def leaf_ids(self) -> List[str]:
        """The columns of ``totals``, in definition order."""
    def totals(
        self,
        ratings: Union[npt.ArrayLike, "pd.DataFrame"],
        not_applicable: float = ...,
        *,
        threads: Optional[int] = None,
        progress: Optional[ProgressCallback] = None,
    ) -> npt.NDArray[np.float64]:
        """Totals of a 2-D array of raw ratings (row = assessment, column =
        leaf; NaN missing, ``not_applicable`` not applicable); NaN where a
        total has no score. Releases the GIL; the rows are split among
        ``threads`` threads (default: the cores, at least 4,096 rows each);
        the result does not depend on it.

        An array's columns are the leaves by position (``leaf_ids()``); a
        ``DataFrame``'s are matched by label, and an unknown, repeated or
        missing column is ``ValidationError`` at ``/columns/<label>``
        (``tables.wide_ratings_array``). A dtype other than float, int or
        bool is ``ValidationError`` (``invalid-document``); a wrong number
        of array columns or an admitted ``not_applicable`` code
        ``ValueError``; off-scale values ``ScoreError`` at ``/row/column``
        (``/row/<leaf id>`` for a ``DataFrame``).

        ``progress`` is told the rows scored every 1,024 rows of each
        thread; ``Stopped`` when it returns ``False``."""

class Cohort:
    """Statistics over many reports; mergeable; ``state()`` is a plain dict."""

    def __init__(self, scorer: Scorer, grouping: Optional[str] = None) -> None: ...
    def push(self, report: Report) -> None: ...
    def push_assessment(self, assessment: AssessmentLike) -> None: ...
    def extend(
        self,
        assessments: Sequence[AssessmentLike],
        *,
        progress: Optional[ProgressCallback] = None,
    ) -> None:
        """Scores each assessment and adds its report, all or nothing,
        without the GIL: ``ScoreError`` (every problem, paths
        ``/<index>/…``), ``Stopped`` or ``KeyboardInterrupt`` leave the
        cohort unchanged. ``progress`` is told the assessments scored."""
    def merge(self, other: "Cohort") -> None: ...
    @property
    def members(self) -> int: ...
    def stats(self) -> Dict[str, Any]: ...
    def stats_by(self, attribute: str) -> Optional[Dict[str, Dict[str, Any]]]: ...
    def weakest(self, k: int) -> List[Dict[str, Any]]: ...
    def common_risks(self, min_share: float) -> List[Dict[str, Any]]: ...
    def state(self) -> Dict[str, Any]: ...
    @staticmethod
    def from_state(scorer: Scorer, state: Document) -> "Cohort":
        """The cohort a ``state()`` dict or its JSON text describes;
        a cohort pickles as its scorer and its state."""

class Progress:
    """What changed from a baseline report to a current one (SPEC §8.1);
    ``str(progress)`` is the crate's progress note."""

    @staticmethod
    def between(baseline: Report, current: Report) -> "Progress":
        """Raises ``ScoreError`` (``framework-mismatch``) for reports of
        different framework versions."""
    @staticmethod
    def across(
        baseline: AssessmentLike,
        mapping: Document,
        source: Framework,
        scorer: Scorer,
        current: Report,
    ) -> "Progress":
        """A baseline of framework ``source`` carried through ``mapping``
        to ``scorer``'s framework; raises ``ScoreError``."""
    @staticmethod
    def tally(progresses: Sequence["Progress"]) -> Dict[str, Any]:
        """Per node, how many members improved, regressed or stayed."""
    @staticmethod
    def from_json(text: str) -> "Progress": ...
    @staticmethod
    def from_dict(document: Mapping[str, Any]) -> "Progress": ...
    @property
    def framework(self) -> Dict[str, str]: ...
    @property
    def total(self) -> Dict[str, Any]:
        """``criterion``, ``title``, ``depth``, ``baseline``, ``current``,
        ``delta``, ``status``, bands (absent when without a value)."""
    @property
    def nodes(self) -> List[Dict[str, Any]]: ...
    def node(self, id: str) -> Optional[Dict[str, Any]]: ...
    @property
    def risks(self) -> List[Dict[str, Any]]: ...
    @property
    def ratings(self) -> List[Dict[str, Any]]: ...
    @property
    def baseline_coverage(self) -> Optional[float]: ...
    @property
    def current_coverage(self) -> Optional[float]: ...
    @property
    def carried(self) -> Optional[Dict[str, Any]]: ...
    def display_in(self, texts: "Localized") -> str:
        """The progress note with criterion titles in ``texts``' language."""
    def chart(
        self,
        *,
        width: int = 640,
        height: int = 480,
        texts: Optional["Localized"] = None,
        words: Optional[Mapping[str, str]] = None,
        id_prefix: Optional[str] = None,
    ) -> str:
        """Baseline against current per node as SVG text (SPEC §9.2)."""
    def _repr_svg_(self) -> str:
        """``chart()`` 640 px wide, 480 px high or 20 px a row."""
    def to_dict(self) -> Dict[str, Any]: ...
    def to_json(self) -> str: ...
    def __eq__(self, other: object) -> bool: ...

class Bounds:
    """``Scorer.bounds``: per node ``lower``, ``upper`` and ``current``,
    and the leverage of each missing leaf (SPEC §8.2)."""

    @staticmethod
    def from_json(text: str) -> "Bounds": ...
    @staticmethod
    def from_dict(document: Mapping[str, Any]) -> "Bounds": ...
    @property
    def framework(self) -> Dict[str, str]: ...
    @property
    def total(self) -> Dict[str, Any]:
        """``criterion``, ``depth``, ``lower``, ``upper``, ``current``
        (each score absent when there is none)."""
    @property
    def nodes(self) -> List[Dict[str, Any]]: ...
    def node(self, id: str) -> Optional[Dict[str, Any]]: ...
    @property
    def leverage(self) -> List[Dict[str, Any]]:
        """``criterion`` and ``leverage``, largest first."""
    def chart(
        self,
        *,
        width: int = 640,
        height: int = 480,
        texts: Optional["Localized"] = None,
        words: Optional[Mapping[str, str]] = None,
        id_prefix: Optional[str] = None,
    ) -> str:
        """Each node's ``[lower, upper]`` and current score as SVG text (SPEC §9.4)."""
    def _repr_svg_(self) -> str:
        """``chart()`` 640 px wide, 480 px high or 20 px a row."""
    def to_dict(self) -> Dict[str, Any]: ...
    def to_json(self) -> str: ...
    def __eq__(self, other: object) -> bool: ...

class Uncertainty:
    """Scores and ranks of a cohort under uncertain weights and methods,
    with Sobol' indices (SPEC §8.3)."""

    def __init__(
        self,
        scorer: Scorer,
        spec: Optional[Document] = None,
        *,
        seed: int = 0,
        samples: int = 1000,
    ) -> None:
        """Raises ``ValidationError`` when ``spec`` does not parse."""
    @property
    def spec(self) -> Dict[str, Any]: ...
    @property
    def seed(self) -> int: ...
    @property
    def samples(self) -> int: ...
    def run(
        self,
        assessments: Sequence[AssessmentLike],
        *,
        progress: Optional[ProgressCallback] = None,
    ) -> "UncertaintyReport":
        """Without the GIL; raises ``ValidationError`` (an assessment does
        not parse, path ``/<index>``) or ``ScoreError`` (``too-many-items``
        at ``/samples`` over ``MAX_EVALUATIONS``, before any scoring).
        ``progress`` is told the scorings done (one member at one sample
        point; ``samples × (inputs + 2) × members`` in all); ``Stopped``
        when it returns ``False``."""

class UncertaintyReport:
    """The result of ``Uncertainty.run``; ``str()`` is the crate's table."""

    @staticmethod
    def from_json(text: str) -> "UncertaintyReport": ...
    @staticmethod
    def from_dict(document: Mapping[str, Any]) -> "UncertaintyReport": ...
    @property
    def seed(self) -> int: ...
    @property
    def samples(self) -> int: ...
    @property
    def evaluations(self) -> int: ...
    @property
    def inputs(self) -> List[Dict[str, Any]]: ...
    @property
    def members(self) -> List[Dict[str, Any]]: ...
    @property
    def rank_shift(self) -> List[Dict[str, Any]]: ...
    def chart(
        self,
        *,
        width: int = 640,
        height: int = 480,
        texts: Optional["Localized"] = None,
        words: Optional[Mapping[str, str]] = None,
        id_prefix: Optional[str] = None,
    ) -> str:
        """Each member's score and rank intervals with the nominal values as SVG text (SPEC §9.3)."""
    def _repr_svg_(self) -> str:
        """``chart()`` 640 px wide, 480 px high or 20 px a row."""
    def to_dict(self) -> Dict[str, Any]: ...
    def to_json(self) -> str: ...
    def __eq__(self, other: object) -> bool: ...

class Localization:
    """A framework's texts in another language, a document of its own."""

    @staticmethod
    def from_json(text: str) -> "Localization": ...
    @staticmethod
    def from_dict(document: Mapping[str, Any]) -> "Localization": ...
    @property
    def id(self) -> str: ...
    @property
    def language(self) -> str: ...
    def issues_against(self, framework: Framework) -> List[IssueDict]: ...
    def validate_for(self, framework: Framework) -> Dict[str, Any]:
        """Raises ``ValidationError``; else the coverage (``translated``,
        ``translatable``, ``share``, ``complete``)."""
    def coverage(self, framework: Framework) -> Dict[str, Any]: ...
    def apply(self, framework: Framework) -> Framework: ...
    def to_dict(self) -> Dict[str, Any]: ...
    def to_json(self) -> str: ...
    def __eq__(self, other: object) -> bool: ...

class Localized:
    """A framework's texts in a requested language, by the fallback order
    exact tag, primary language, the framework's own (SPEC §7.6)."""

    def __init__(
        self, framework: Framework, localizations: Sequence[Localization], language: str
    ) -> None:
        """Raises ``ValidationError`` (a malformed tag, or a localization
        that does not validate: its issues under ``/<index>``)."""
    @property
    def language(self) -> str: ...
    def criterion_title(self, id: str) -> Optional[Dict[str, Any]]:
        """``text``, ``language``, ``fallback``; None for no such criterion."""

class ActionPlan:
    """What a subject will do about a report's risks and priorities
    (SPEC §3.13)."""

    @staticmethod
    def from_json(text: str) -> "ActionPlan": ...
    @staticmethod
    def from_dict(document: Mapping[str, Any]) -> "ActionPlan": ...
    @staticmethod
    def draft(
        report: Report, owner: Union[str, Mapping[str, Any]], due: str, top: int = 3
    ) -> "ActionPlan":
        """An action per risk, then per top priority; ``owner`` an
        organisation's name or an owner dict, ``due`` ``YYYY-MM-DD``."""
    @property
    def subject(self) -> Dict[str, Any]: ...
    @property
    def framework(self) -> Dict[str, str]: ...
    @property
    def actions(self) -> List[Dict[str, Any]]: ...
    def issues_against(self, report: Report) -> List[IssueDict]: ...
    def validate_against(self, report: Report) -> None:
        """Raises ``ValidationError`` with every issue."""
    def review(self, progress: Progress) -> Dict[str, Any]:
        """Per action its verdict; raises ``ValidationError``."""
    def to_dict(self) -> Dict[str, Any]: ...
    def to_json(self) -> str: ...
    def __eq__(self, other: object) -> bool: ...

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
