"""Minimal placeholder CLI (JSON Lines in, JSON Lines out); the full Typer CLI replaces it."""

from __future__ import annotations

import json
import sys


def main() -> None:
    from .core import summarize

    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    path = args[1]
    for line in open(path, encoding="utf-8"):
        obj = json.loads(line)
        s = summarize(obj["text"], published=obj.get("published"), id=obj.get("id"))
        print(json.dumps(s.to_dict(), ensure_ascii=False))
