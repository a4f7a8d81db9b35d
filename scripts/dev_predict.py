"""Run the core over a JSON Lines file and print JSON Lines predictions (CLI-independent).

    python3 ../shared/eval/score.py ../shared/eval/dev.jsonl \
        --cmd ".venv/bin/python scripts/dev_predict.py {input}" --errors 10
"""

from __future__ import annotations

import json
import sys

from incident_cli.core import summarize


def main() -> None:
    with open(sys.argv[1], encoding="utf-8") as handle:
        for line in handle:
            obj = json.loads(line)
            summary = summarize(obj["text"], published=obj.get("published"), id=obj.get("id"),
                                url=obj.get("url"), title=obj.get("title"))
            print(json.dumps(summary.to_dict(), ensure_ascii=False))


if __name__ == "__main__":
    main()
