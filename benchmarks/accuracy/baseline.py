"""The plain regular-expression baseline the rules are measured against.

First number before "killed"/"dead", first number before "injured"/"wounded", first
capitalised word after " in ", a short country list, a fixed keyword for the type. It reads
JSON Lines articles ({"id", "text", ...}) and prints predictions in the tool's shape:

    python3 benchmarks/accuracy/baseline.py benchmarks/accuracy/holdout.jsonl > /tmp/base.jsonl
    python3 ../shared/eval/score.py benchmarks/accuracy/holdout.jsonl --predictions /tmp/base.jsonl
"""

from __future__ import annotations

import json
import re
import sys

COUNTRIES = ["Pakistan", "India", "Afghanistan", "Nigeria", "China", "United States",
             "Indonesia", "Philippines", "Bangladesh", "Mexico", "Iraq", "Syria", "Egypt"]
TYPES = [("bomb", "bombing"), ("shoot", "shooting"), ("gunm", "shooting"), ("quake", "earthquake"),
         ("flood", "flood"), ("fire", "fire"), ("crash", "road_crash"), ("stampede", "stampede")]
WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
         "eight": 8, "nine": 9, "ten": 10}


def first_number_before(text: str, words: str) -> int | None:
    match = re.search(rf"(\d[\d,]*|\b(?:{'|'.join(WORDS)})\b)\s+(?:\w+\s+){{0,3}}(?:{words})",
                      text, re.I)
    if not match:
        return None
    token = match.group(1).lower().replace(",", "")
    return WORDS.get(token) or int(token)


def predict(article: dict) -> dict:
    text = article["text"]
    lower = text.lower()
    event = next((name for key, name in TYPES if key in lower), None)
    place = re.search(r" in ([A-Z][a-z]+)", text)
    country = next((c for c in COUNTRIES if c in text), None)
    return {
        "id": article["id"],
        "is_incident": event is not None,
        "what": {"event_type": event},
        "when": {"date": article.get("published")},
        "where": {"place": place.group(1) if place else None, "country": country},
        "casualties": {"killed": first_number_before(text, "killed|dead|died"),
                       "injured": first_number_before(text, "injured|wounded|hurt")},
        "who": {"perpetrators": [], "sources": []},
    }


def main() -> None:
    with open(sys.argv[1], encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                print(json.dumps(predict(json.loads(line))))


if __name__ == "__main__":
    main()
