"""The shipped GeoNames gazetteer: lookups, admin names, countries, speed."""

from __future__ import annotations

import subprocess
import sys

import pytest

from incident_cli import gazetteer

pytestmark = pytest.mark.skipif(not gazetteer.available(), reason="gazetteer not built")


def test_city_lookup_has_country_and_admin1_names() -> None:
    top = gazetteer.lookup("Karachi")[0]
    assert top.country_code == "PK"
    assert top.country == "Pakistan"
    assert top.admin1 == "Sindh"
    assert top.population > 1_000_000


def test_admin1_names_are_english_for_non_us_countries() -> None:
    jamrud = gazetteer.lookup("Jamrud")[0]
    assert jamrud.admin1 == "Khyber Pakhtunkhwa"
    assert gazetteer.admin1_name("IN", "11") == "Himachal Pradesh"


def test_admin1_names_drop_the_local_word_for_province() -> None:
    assert not gazetteer.lookup("Cairo")[0].admin1.startswith("Muhafazat")
    assert gazetteer.lookup("Yinchuan")[0].admin1 == "Ningxia"
    assert gazetteer.lookup("New Delhi")[0].admin1 == "Delhi"


def test_us_states_and_counties() -> None:
    bend = [p for p in gazetteer.lookup("Bend") if p.country_code == "US"][0]
    assert bend.admin1 == "Oregon"
    counties = [p for p in gazetteer.lookup("Salt Lake County") if p.kind == "county"]
    assert counties and counties[0].admin1 == "Utah"
    states = [p for p in gazetteer.lookup("california") if p.kind == "admin1"]
    assert states and states[0].country == "United States"


def test_lookup_ignores_case_accents_and_hyphens() -> None:
    assert gazetteer.lookup("KARACHI")[0].name == "Karachi"
    assert gazetteer.lookup("Winston Salem") == gazetteer.lookup("Winston-Salem")
    assert gazetteer.key_of("  São   Paulo ") == "sao paulo"


def test_letters_nfkd_keeps_fold_too() -> None:
    assert gazetteer.key_of("Łódź") == "lodz"
    assert gazetteer.key_of("Diyarbakır") == "diyarbakir"
    assert any(not p.alt and p.kind == "city" for p in gazetteer.lookup("Diyarbakir"))


def test_ambiguous_names_are_sorted_by_population() -> None:
    found = gazetteer.lookup("Hyderabad")
    assert {p.country_code for p in found} >= {"IN", "PK"}
    assert found[0].population >= found[-1].population


def test_places_of_that_very_name_come_before_alternate_names() -> None:
    found = gazetteer.lookup("Islamabad")
    assert found[0].country_code == "PK" and not found[0].alt
    assert any(p.alt for p in found)  # an old name of another city, kept but last


def test_villages_are_in_the_gazetteer() -> None:
    # cities500: places of a few hundred people are there
    assert any(p.population < 1000 for p in gazetteer.lookup("Soldeu"))


def test_countries_have_demonyms() -> None:
    table = gazetteer.countries()
    assert table["PK"][0] == "Pakistan"
    assert table["PK"][1] == "Pakistani"
    assert table["AF"][1] == "Afghan"
    assert gazetteer.country_name("RU") == "Russia"
    assert gazetteer.country_name("IR") == "Iran"
    assert gazetteer.country_name(None) is None


def test_data_carries_its_source_and_licence() -> None:
    info = gazetteer.meta()
    assert "GeoNames" in info["source"]
    assert "CC BY 4.0" in info["licence"]
    assert int(info["min_pop"]) <= 1000


def test_unknown_and_odd_names_give_nothing() -> None:
    assert gazetteer.lookup("Qqqzzzxx") == ()
    assert gazetteer.lookup("") == ()
    assert gazetteer.lookup("x" * 500) == ()
    assert gazetteer.lookup("\u0000\ud7ff") == ()


def test_importing_opens_nothing_and_a_lookup_loads_no_table_wholesale() -> None:
    """Start-up cost by construction (its time is measured in benchmarks/run.py): the file
    is opened on the first lookup, and twenty lookups read their rows, not whole tables."""
    code = (
        "from incident_cli import gazetteer as g\n"
        "assert g._conn is None\n"
        "for n in ['Karachi','Peshawar','Kabul','Phoenix','Gilroy','Bend','Kullu','Surat',"
        "'Moscow','Cairo','Lagos','Kaduna','Harda','Jodhpur','Springfield','Paris','Dhaka',"
        "'Quetta','Lima','Bogota']: assert g.lookup(n), n\n"
        "print(g._conn is not None, g.countries.cache_info().currsize)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["True", "1"]


def test_lookups_are_cached_in_process() -> None:
    gazetteer.lookup("Peshawar")
    misses = gazetteer._lookup_key.cache_info().misses
    for name in ["Peshawar", "peshawar", "PESHAWAR"] * 300:
        assert gazetteer.lookup(name)
    assert gazetteer._lookup_key.cache_info().misses == misses  # no query after the first


def test_lookup_non_country_is_lookup_without_countries() -> None:
    for name in ("Bahrain", "Karachi", "Lebanon", "Georgia"):
        expected = tuple(p for p in gazetteer.lookup(name) if p.kind != "country")
        assert gazetteer.lookup_non_country(name) == expected
