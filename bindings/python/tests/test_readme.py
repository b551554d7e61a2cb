"""The root README's Python section: its two commands are what .ci/run
runs, and its example runs."""

from __future__ import annotations

import re

from conftest import ROOT


def _section():
    readme = (ROOT / "README.md").read_text()
    return readme.split("## Python\n", 1)[1].split("\n## ", 1)[0]


def test_ci_runs_the_readme_commands_verbatim():
    commands = re.findall(r"```sh\n(.*?)\n```", _section(), re.S)
    assert len(commands) == 2
    ci = (ROOT / ".ci" / "run").read_text().splitlines()
    for command in commands:
        assert command in ci, command


def test_readme_example_runs(capsys):
    (example,) = re.findall(r"```python\n(.*?)\n```", _section(), re.S)
    exec(compile(example, "README.md", "exec"), {})
    out = capsys.readouterr().out
    assert "'score': 0.861111111111111" in out
    assert "'code': 'unknown-criterion', 'path': '/ratings/zzz'" in out


def test_package_readme_example_runs(capsys):
    readme = (ROOT / "bindings" / "python" / "README.md").read_text()
    (example,) = re.findall(r"```python\n(.*?)\n```", readme, re.S)
    exec(compile(example, "bindings/python/README.md", "exec"), {})
    out = capsys.readouterr().out.splitlines()
    # What the comments of the example say it prints.
    assert out == ["[['q9-3']]", "improved", "['improved']", "True q1-1"]
