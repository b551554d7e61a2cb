"""Tables of ratings to the array ``Scorer.totals`` takes. pandas is
optional: only the two table functions need it, and they take the frame
they are given (neither imports pandas itself).

A long table has one row per rating (an assessment key, a leaf id, a
value); ``ratings_array`` pivots it. A wide table has one row per
assessment and one column per leaf, labelled by the leaf's id;
``wide_ratings_array`` puts its columns in the scorer's leaf order, and
``Scorer.totals`` does so itself when given a ``DataFrame``.

>>> import pandas as pd
>>> from assessment_model import Scorer, catalog
>>> from assessment_model.tables import ratings_array, wide_ratings_array
>>> scorer = Scorer(catalog.good_practice.criteria())
>>> long = pd.DataFrame({"assessment": ["x", "x"], "leaf": ["q1-1", "q1-2"], "value": [1.0, 0.0]})
>>> index, array = ratings_array(long, scorer)
>>> array.shape
(1, 36)
>>> wide = pd.DataFrame([array[0]], columns=scorer.leaf_ids()).iloc[:, ::-1]
>>> index, again = wide_ratings_array(wide, scorer)
>>> bool((again == array).sum() == 2)
True

Every problem of a table is raised at once, as one ``ValidationError``
whose ``errors()`` give each with its code and JSON Pointer path: a cell
at ``/<row>/<column label>`` (the row's position, from 0), a column at
``/columns/<column label>`` (``~`` and ``/`` in a label escaped as
``~0`` and ``~1``). The codes are the crate's:

- ``unknown-criterion``: a leaf id (long table) or column label (wide
  table) that is no criterion of the framework;
- ``rating-on-group``: one that is a group of the framework, not a leaf;
- ``duplicate-id``: a column label given twice (wide), or an
  (assessment, leaf) pair given twice (long, at the second row);
- ``missing-rating``: a leaf that has no column in a wide table (add a
  column of NaN to leave a leaf unrated in every row);
- ``invalid-document``: ratings that are not real numbers (a column, or
  an array, of a dtype other than float, int or bool).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, Dict, List, Optional, Set, Tuple

import numpy as np

from ._errors import ScoreError, ValidationError, _issue, pointer_loc

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from ._assessment_model import Scorer

#: The dtype kinds that are real numbers: bool, signed and unsigned
#: integers, floats.
_REAL_KINDS = "biuf"


def _token(label: Any) -> str:
    """A column label as one JSON Pointer token."""
    return str(label).replace("~", "~0").replace("/", "~1")


def _is_real(dtype: Any) -> bool:
    """Whether a numpy or pandas dtype holds real numbers only: numpy's
    bool, int, uint and float, pandas' nullable ``boolean``, ``Int64``…
    and ``Float64`` (their missing values read as NaN)."""
    if isinstance(dtype, np.dtype):
        return dtype.kind in _REAL_KINDS
    kind = getattr(getattr(dtype, "numpy_dtype", None), "kind", None)
    return bool(kind) and kind in _REAL_KINDS


def _not_real(path: str, dtype: Any, what: str) -> Dict[str, Any]:
    return _issue(
        "invalid-document",
        path,
        f"{what} of dtype {dtype}: ratings are real numbers (a float, int or bool dtype)",
    )


def _groups(scorer: "Scorer") -> Set[str]:
    """The ids of the framework's groups (criteria that are not leaves)."""
    ids: Set[str] = set()
    stack = list(scorer.framework.to_dict().get("criteria", []))
    while stack:
        node = stack.pop()
        children = node.get("children")
        if children:
            ids.add(node["id"])
            stack.extend(children)
    return ids


def _not_a_leaf(label: Any, path: str, groups: Set[str], where: str) -> Dict[str, Any]:
    """The issue of a label or id that is not a leaf id: a group, or no
    criterion at all."""
    if isinstance(label, str) and label in groups:
        return _issue("rating-on-group", path, f"`{label}` is a group; only leaves are rated ({where})")
    return _issue("unknown-criterion", path, f"the framework has no criterion `{label}` ({where})")


def wide_ratings_array(
    frame: "pd.DataFrame", scorer: "Scorer"
) -> Tuple["pd.Index", np.ndarray]:
    """A wide table (one row per assessment, one column per leaf labelled
    by its id, in any order; raw values in each leaf's scale units, NaN for
    no rating, ``NOT_APPLICABLE`` for not applicable) as the 2-D float64
    array ``scorer.totals`` takes, its columns in the order of
    ``scorer.leaf_ids()``, with the frame's index (the rows keep their
    order).

    The columns are matched by label, never by position: a frame whose
    columns come in another order gives the same array. Raises
    ``ValidationError`` with every problem (see the module's docs): a
    label that is not a leaf id (``unknown-criterion`` or
    ``rating-on-group``), a label given twice (``duplicate-id``), a leaf
    without a column (``missing-rating``), a column whose dtype is not real
    numbers (``invalid-document``); each at ``/columns/<label>``.
    """
    leaves = scorer.leaf_ids()
    known = set(leaves)
    where: Dict[str, int] = {}
    issues: List[Dict[str, Any]] = []
    groups: Optional[Set[str]] = None
    dtypes = frame.dtypes
    for position, label in enumerate(frame.columns):
        path = "/columns/" + _token(label)
        if not (isinstance(label, str) and label in known):
            if groups is None:
                groups = _groups(scorer)
            issues.append(_not_a_leaf(label, path, groups, f"column {position}"))
        elif label in where:
            issues.append(_issue(
                "duplicate-id",
                path,
                f"column `{label}` is given twice (columns {where[label]} and {position})",
            ))
        else:
            where[label] = position
        dtype = dtypes.iloc[position]
        if not _is_real(dtype):
            issues.append(_not_real(path, dtype, f"column {position}"))
    for leaf in leaves:
        if leaf not in where:
            issues.append(_issue(
                "missing-rating",
                "/columns/" + _token(leaf),
                f"leaf `{leaf}` has no column (a column of NaN leaves it unrated)",
            ))
    if issues:
        raise ValidationError._of(issues)
    picked = frame.iloc[:, [where[leaf] for leaf in leaves]]
    array = picked.to_numpy(dtype=np.float64, na_value=np.nan)
    return frame.index, np.ascontiguousarray(array)


def ratings_array(
    frame: "pd.DataFrame",
    scorer: "Scorer",
    assessment: str = "assessment",
    leaf: str = "leaf",
    value: str = "value",
) -> Tuple["pd.Index", np.ndarray]:
    """A long table (one row per rating: an assessment key, a leaf id and a
    raw value in the leaf's scale units, ``NOT_APPLICABLE`` for not
    applicable) as the 2-D float64 array ``scorer.totals`` takes, with the
    assessments' keys in row order. Ratings missing from the table are
    NaN.

    Raises ``ValidationError`` with every problem (see the module's docs):
    a leaf id that is not a leaf of the framework (``unknown-criterion``
    or ``rating-on-group`` at ``/<row>/<leaf>``), an (assessment, leaf)
    pair given again (``duplicate-id`` at the later row), a value column
    whose dtype is not real numbers (``invalid-document`` at
    ``/columns/<value>``).
    """
    import pandas as pd  # optional dependency: only the tables need it

    leaves = scorer.leaf_ids()
    rows: List[Tuple[int, Dict[str, Any]]] = []
    ids = frame[leaf]
    unknown = np.flatnonzero(~ids.isin(leaves).to_numpy())
    if len(unknown):
        groups = _groups(scorer)
        for position in unknown.tolist():
            label = ids.iloc[position]
            path = f"/{position}/{_token(leaf)}"
            rows.append((position, _not_a_leaf(label, path, groups, f"row {position}")))
    again = np.flatnonzero(frame.duplicated([assessment, leaf]).to_numpy())
    for position in again.tolist():
        key, label = frame[assessment].iloc[position], ids.iloc[position]
        rows.append((position, _issue(
            "duplicate-id",
            f"/{position}/{_token(leaf)}",
            f"assessment `{key}` rates leaf `{label}` twice (again in row {position})",
        )))
    rows.sort(key=lambda r: r[0])  # stable: a row's unknown id before its repeat
    issues = [issue for _, issue in rows]
    if not _is_real(frame[value].dtype):
        issues.append(_not_real("/columns/" + _token(value), frame[value].dtype, f"column `{value}`"))
    if issues:
        raise ValidationError._of(issues)
    wide = frame.pivot(index=assessment, columns=leaf, values=value)
    wide = wide.reindex(columns=pd.Index(leaves, name=leaf))
    return wide.index, np.ascontiguousarray(wide.to_numpy(dtype=np.float64, na_value=np.nan))


def _real_array(ratings: Any) -> np.ndarray:
    """``ratings`` (an array or a list of rows) as a C-contiguous float64
    array, for ``Scorer.totals``; ``ValidationError``
    (``invalid-document`` at ``""``) when its dtype is not real numbers."""
    array = np.asarray(ratings)
    if array.dtype.kind not in _REAL_KINDS:
        raise ValidationError._of([_not_real("", array.dtype, "an array")])
    return np.ascontiguousarray(array, dtype=np.float64)


def _frame_totals(
    scorer: "Scorer",
    frame: "pd.DataFrame",
    not_applicable: float,
    threads: Optional[int],
    progress: Optional[Callable[[int, int], Any]] = None,
) -> np.ndarray:
    """``Scorer.totals`` of a ``DataFrame``: its columns matched by label
    (``wide_ratings_array``), and each off-scale value's path naming its
    column (``/<row>/<leaf id>``) rather than its place in
    ``leaf_ids()``."""
    _, array = wide_ratings_array(frame, scorer)
    try:
        return scorer.totals(array, not_applicable, threads=threads, progress=progress)
    except ScoreError as caught:
        leaves = scorer.leaf_ids()
        relabelled = []
        for e in caught.errors():
            loc = pointer_loc(e["path"])
            if len(loc) == 2 and all(isinstance(t, int) for t in loc) and loc[1] < len(leaves):
                e["path"] = f"/{loc[0]}/{_token(leaves[loc[1]])}"
            relabelled.append(e)
        raise ScoreError._of(relabelled) from None
