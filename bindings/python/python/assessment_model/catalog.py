"""The built-in catalogues of the Rust crate, by source.

>>> from assessment_model import catalog
>>> [f.id for f in catalog.frameworks()][:2]
['good-practice-criteria', 'impart-core']
"""

from types import SimpleNamespace

from . import _assessment_model as _m

good_practice = SimpleNamespace(
    criteria=_m.good_practice_criteria,
    worked_example=_m.good_practice_worked_example,
)
"""The good-practice criteria and the source's worked assessment."""

impart = SimpleNamespace(
    core=_m.impart_core,
    in_place_scale=_m.impart_in_place_scale,
)
"""IMPART's core framework and its in-place scale (a dict)."""

profint = SimpleNamespace(
    success_factors_io1=_m.profint_success_factors_io1,
    success_factors_io2=_m.profint_success_factors_io2,
    learning_grid=_m.profint_learning_grid,
    io1_to_io2=_m.profint_io1_to_io2,
)
"""PROFINT's success factors (IO1, IO2), learning grid and the IO1 → IO2
mapping (a dict)."""

crosswalk = SimpleNamespace(
    impart_core_to_good_practice=_m.crosswalk_impart_core_to_good_practice,
)
"""The crate's crosswalk from the IMPART core to the good-practice
checklist (a mapping document, dict)."""

frameworks = _m.frameworks

__all__ = ["crosswalk", "frameworks", "good_practice", "impart", "profint"]
