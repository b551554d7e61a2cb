from typing import Any, Callable, Dict, List

from ._assessment_model import Assessment, Framework

class _GoodPractice:
    criteria: Callable[[], Framework]
    worked_example: Callable[[], Assessment]

class _Impart:
    core: Callable[[], Framework]
    in_place_scale: Callable[[], Dict[str, Any]]

class _Profint:
    success_factors_io1: Callable[[], Framework]
    success_factors_io2: Callable[[], Framework]
    learning_grid: Callable[[], Framework]
    io1_to_io2: Callable[[], Dict[str, Any]]

class _Crosswalk:
    impart_core_to_good_practice: Callable[[], Dict[str, Any]]

good_practice: _GoodPractice
impart: _Impart
profint: _Profint
crosswalk: _Crosswalk

def frameworks() -> List[Framework]: ...
