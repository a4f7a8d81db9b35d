"""The command line's compiled-pattern cache: same patterns, same matches, never in the way.

Each case runs in a fresh interpreter, so this test process's `re` is never patched.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

PROBE = r"""
import re, sys
from incident_cli import regex_cache
print(regex_cache.install())
patterns = [r"(?P<who>gunm[ae]n|bombers?)\s+(?:\w+\s+){0,3}kill(?:ed|s)?\b",
            r"(?i)\bno\s+(?:one|body)\s+was\s+hurt\b", r"[^\W\d_]+(?=\s*,)", r"\d{1,3}(?:,\d{3})+"]
text = "Gunmen on motorbikes killed 1,200 people; no one was hurt, police said. Bombers kill."
for p in patterns:
    c = re.compile(p, re.IGNORECASE if p.startswith("[") else 0)
    print(c.pattern, c.flags, c.groups, sorted(c.groupindex.items()),
          [(m.span(), m.groupdict()) for m in c.finditer(text)])
"""


def run_probe(cache_home: Path, **extra_env: str) -> list[str]:
    env = {k: v for k, v in os.environ.items() if k != "INCIDENT_NO_CACHE"}
    env.update(XDG_CACHE_HOME=str(cache_home), **extra_env)
    out = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True,
                         text=True, check=True, timeout=120)
    return out.stdout.splitlines()


@pytest.mark.skipif(sys.version_info < (3, 11), reason="the cache needs re._compiler")
def test_patterns_from_the_cache_match_like_freshly_compiled_ones(tmp_path: Path) -> None:
    first = run_probe(tmp_path)  # compiles and writes the cache
    files = list((tmp_path / "incident").glob("regex-*.marshal"))
    assert first[0] == "True" and len(files) == 1
    second = run_probe(tmp_path)  # builds the patterns from the cache
    plain = run_probe(tmp_path, INCIDENT_NO_CACHE="1")  # no cache at all
    assert plain[0] == "False"
    assert first[1:] == second[1:] == plain[1:]


@pytest.mark.skipif(sys.version_info < (3, 11), reason="the cache needs re._compiler")
def test_a_damaged_cache_is_ignored_and_rewritten(tmp_path: Path) -> None:
    run_probe(tmp_path)
    (cache,) = (tmp_path / "incident").glob("regex-*.marshal")
    good = run_probe(tmp_path)
    cache.write_bytes(b"\0" * 40 + b"not marshal data")
    assert run_probe(tmp_path) == good
    assert cache.read_bytes()[:40] != b"\0" * 40  # written afresh


def test_switched_off_it_writes_nothing(tmp_path: Path) -> None:
    assert run_probe(tmp_path, INCIDENT_NO_CACHE="1")[0] == "False"
    assert not list(tmp_path.glob("incident/regex-*"))


def test_the_command_line_switched_off_leaves_no_cache_files(tmp_path: Path) -> None:
    seed = Path(__file__).resolve().parent.parent / "seeds" / "police_station_bannu.txt"
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path), "INCIDENT_NO_CACHE": "1"}
    subprocess.run([sys.executable, "-m", "incident_cli", "summarize", str(seed), "--format",
                    "json"], env=env, capture_output=True, check=True, timeout=120)
    assert not tmp_path.exists() or not any(tmp_path.rglob("*"))
