"""Tables of ratings to the array ``Scorer.totals`` takes. pandas is
optional: only ``ratings_array`` needs it, and imports it when called.

>>> import pandas as pd
>>> from assessment_model import Scorer, catalog
>>> from assessment_model.tables import ratings_array
>>> scorer = Scorer(catalog.good_practice.criteria())
>>> long = pd.DataFrame({"assessment": ["x", "x"], "leaf": ["q1-1", "q1-2"], "value": [1.0, 0.0]})
>>> index, array = ratings_array(long, scorer)
>>> array.shape
(1, 36)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Tuple

import numpy as np

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from ._assessment_model import Scorer


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
    NaN. Raises ``ValueError`` for a leaf id the framework does not have or
    an (assessment, leaf) pair given twice.
    """
    import pandas as pd  # optional dependency: only this function needs it

    leaves = scorer.leaf_ids()
    unknown = sorted(set(frame[leaf]) - set(leaves))
    if unknown:
        raise ValueError(f"leaf ids the framework does not have: {unknown[:5]}")
    if frame.duplicated([assessment, leaf]).any():
        raise ValueError("an (assessment, leaf) pair is given twice")
    wide = frame.pivot(index=assessment, columns=leaf, values=value)
    wide = wide.reindex(columns=pd.Index(leaves, name=leaf))
    return wide.index, np.ascontiguousarray(wide.to_numpy(dtype=np.float64, na_value=np.nan))
