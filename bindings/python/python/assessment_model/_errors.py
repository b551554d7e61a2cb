"""The exceptions of ``assessment_model``: each carries every issue the
Rust crate reports, as ``pydantic_core.ValidationError`` carries its errors.
"""

from __future__ import annotations

import re
from typing import Any, Dict, Iterable, List, Tuple, Union

#: A path segment that is read as a list index in ``loc``: a decimal
#: integer without a leading zero.
_INDEX = re.compile(r"0|[1-9][0-9]*")


def pointer_loc(path: str) -> Tuple[Union[str, int], ...]:
    """A JSON Pointer (RFC 6901) as the tuple of its reference tokens, the
    way pydantic writes ``loc``: each token unescaped (``~1`` is ``/``,
    ``~0`` is ``~``), and a token that is a decimal integer (``0``,
    ``17``, no leading zero) as an ``int``. ``""`` (the whole document)
    is ``()``.

    A pointer does not say whether a token is a list index or a map key,
    so a key made only of digits (an id ``"7"``, a tree level ``"2"``)
    reads as an ``int`` too.

    >>> pointer_loc("/criteria/0/children/1/weight")
    ('criteria', 0, 'children', 1, 'weight')
    >>> pointer_loc("/scales/a~1b~0c")
    ('scales', 'a/b~c')
    """
    if path == "":
        return ()
    tokens = path.split("/")
    if tokens[0] != "":  # not a pointer: the whole text is one key
        return (path,)
    loc: List[Union[str, int]] = []
    for token in tokens[1:]:
        token = token.replace("~1", "/").replace("~0", "~")
        loc.append(int(token) if _INDEX.fullmatch(token) else token)
    return tuple(loc)


def _entry(issue: Dict[str, Any]) -> Dict[str, Any]:
    """An issue dict with pydantic-core's keys beside the crate's:
    ``type`` (the code), ``loc`` (the path as a tuple) and ``msg`` (the
    message). Any of the three given is recomputed from the others."""
    entry = {k: v for k, v in issue.items() if k not in ("type", "loc", "msg")}
    entry["type"] = entry.get("code")
    entry["loc"] = pointer_loc(entry.get("path", ""))
    entry["msg"] = entry.get("message")
    return entry


def _summary(issues: List[Dict[str, Any]]) -> str:
    """The exception's text: the count, then one line per issue."""
    noun = "issue" if len(issues) == 1 else "issues"
    lines = [f"{len(issues)} {noun}"]
    for e in issues:
        lines.append(
            f"  {e.get('severity')} [{e.get('code')}] at {e.get('path') or '/'}: {e.get('message')}"
        )
    return "\n".join(lines)


class Error(ValueError):
    """The base of the package's exceptions: a list of issues.

    Each issue is a dict with ``code`` (the crate's stable kebab-case issue
    code, one of ``ISSUE_CODES``), ``path`` (a JSON Pointer, RFC 6901, into
    the document or array that was checked; ``""`` is the whole),
    ``severity`` (``"error"`` or ``"warning"``) and ``message`` (the crate's
    text). So that code written for ``pydantic_core.ValidationError``
    reads it too, each also has pydantic-core's keys: ``type`` (the code),
    ``loc`` (the path as a tuple of keys and integer indices, see
    ``pointer_loc``) and ``msg`` (the message).
    """

    def __init__(self, message: str, errors: Iterable[Dict[str, Any]]) -> None:
        super().__init__(message)
        self._errors = [_entry(e) for e in errors]

    @classmethod
    def _of(cls, errors: Iterable[Dict[str, Any]]) -> "Error":
        """The exception carrying ``errors`` (dicts with ``code``,
        ``path``, ``severity``, ``message``), its text written from them.
        The extension module raises every error through this, and so do
        the package's Python functions (``tables``)."""
        errors = [_entry(e) for e in errors]
        return cls(_summary(errors), errors)

    def errors(self) -> List[Dict[str, Any]]:
        """Every issue, as a new list of new dicts."""
        return [dict(e) for e in self._errors]

    def error_count(self) -> int:
        """The number of issues."""
        return len(self._errors)

    def __reduce__(self):  # picklable, for worker processes
        return (type(self), (str(self), self._errors))


class ValidationError(Error):
    """A document that does not parse (every problem of form, each where it
    is, and for an assessment given to a ``Scorer`` what its checks find in
    the rest) or a framework that is not valid (every issue, warnings
    included)."""


class ScoreError(Error):
    """An assessment, report, cohort or array of ratings that does not fit
    the scorer's framework (every issue)."""


class Stopped(Exception):
    """A long call stopped because its ``progress`` callback returned
    ``False`` (``Uncertainty.run``, ``Scorer.bounds``, ``Scorer.totals``,
    ``Cohort.extend``). Nothing half-made is returned, and a cohort being
    extended is unchanged.

    ``done`` and ``total`` are the units of work done when it stopped and
    the units of the whole call, as ``progress`` was last told them.
    Ctrl-C stops the same calls with ``KeyboardInterrupt`` instead, and an
    exception raised by ``progress`` stops them with that exception.
    """

    def __init__(self, done: int, total: int) -> None:
        super().__init__(f"stopped by the caller after {done} of {total} units of work")
        self.done = done
        self.total = total

    def __reduce__(self):  # picklable, for worker processes
        return (type(self), (self.done, self.total))


def _issue(code: str, path: str, message: str) -> Dict[str, Any]:
    """An issue of severity ``error`` made on the Python side."""
    return {"code": code, "path": path, "severity": "error", "message": message}
