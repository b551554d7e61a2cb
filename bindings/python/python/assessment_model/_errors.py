"""The exceptions of ``assessment_model``: each carries every issue the
Rust crate reports, as ``pydantic_core.ValidationError`` carries its errors.
"""

from __future__ import annotations

from typing import Any, Dict, List


class Error(ValueError):
    """The base of the package's exceptions: a list of issues.

    Each issue is a dict with ``code`` (the crate's stable kebab-case issue
    code, one of ``ISSUE_CODES``), ``path`` (a JSON Pointer, RFC 6901, into
    the document or array that was checked; ``""`` is the whole),
    ``severity`` (``"error"`` or ``"warning"``) and ``message`` (the crate's
    text).
    """

    def __init__(self, message: str, errors: List[Dict[str, Any]]) -> None:
        super().__init__(message)
        self._errors = errors

    def errors(self) -> List[Dict[str, Any]]:
        """Every issue, as a new list of new dicts."""
        return [dict(e) for e in self._errors]

    def error_count(self) -> int:
        """The number of issues."""
        return len(self._errors)

    def __reduce__(self):  # picklable, for worker processes
        return (type(self), (str(self), self._errors))


class ValidationError(Error):
    """A document that does not parse (one issue, where the parser stopped)
    or a framework that is not valid (every issue, warnings included)."""


class ScoreError(Error):
    """An assessment, report, cohort or array of ratings that does not fit
    the scorer's framework (every issue)."""
