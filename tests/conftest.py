"""Shared fixtures for the CLI-layer tests: a few short fictional articles on disk."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SHOOTING = """Gunmen kill three guards at Pellham depot

PELLHAM, June 3 - Gunmen opened fire on guards at a fuel depot in Pellham on Friday,
killing three of them and wounding two others, police said.

"They came in two cars and fled north," said police spokesman Tomas Verin.
"""

FLOOD = """Flash floods hit Brenmoor

Flash floods swept through the town of Brenmoor on Tuesday after two days of heavy rain.
At least seven people were killed and 20 were injured, the regional governor said.
"""

CRASH = """A lorry collided with a minibus on the coastal highway near Arlow on Sunday,
killing four passengers, officials said. Nine people were taken to hospital.
"""


@pytest.fixture
def news(tmp_path: Path) -> Path:
    """A folder with two articles, a sub-folder with a third, and a non-article file."""
    folder = tmp_path / "news"
    (folder / "sub").mkdir(parents=True)
    (folder / "b_flood.txt").write_text(FLOOD, encoding="utf-8")
    (folder / "a_shooting.txt").write_text(SHOOTING, encoding="utf-8")
    (folder / "sub" / "c_crash.md").write_text(CRASH, encoding="utf-8")
    (folder / "notes.csv").write_text("not,an,article\n", encoding="utf-8")
    return folder


@pytest.fixture
def shooting_file(news: Path) -> Path:
    return news / "a_shooting.txt"


@pytest.fixture
def jsonl(tmp_path: Path) -> Path:
    path = tmp_path / "articles.jsonl"
    rows = [
        {"id": "s1", "text": SHOOTING, "published": "2025-06-03"},
        {"id": "f1", "text": FLOOD, "title": "Floods", "url": "https://example.org/f1"},
        {"id": "c1", "text": CRASH},
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def run_incident(*args: str, input: str | bytes | None = None, cwd: Path | None = None,
                 timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """`python -m incident_cli ...` in a real subprocess (stdout is a pipe, not a terminal)."""
    env = {**os.environ, "COLUMNS": "100"}
    data = input.decode("utf-8") if isinstance(input, bytes) else input
    return subprocess.run([sys.executable, "-m", "incident_cli", *args], input=data,
                          capture_output=True, text=True, cwd=cwd, env=env, timeout=timeout)


@pytest.fixture
def incident():
    """The subprocess runner, as a fixture so test modules need not import conftest."""
    return run_incident
