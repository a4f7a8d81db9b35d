"""Packaged lexicons merged with a user's config.yaml; errors name the key."""

from __future__ import annotations

import pickle

import pytest

from incident_cli.config import SECTIONS, ConfigError, default_config, load_config


def test_every_section_is_packaged() -> None:
    config = default_config()
    assert set(config.data) == set(SECTIONS)
    assert config.section("events")["types"]


def test_list_replace_and_append() -> None:
    base = default_config().section("sentences")["abbreviations"]
    replaced = load_config(text="sentences:\n  abbreviations: [xyz]\n")
    assert replaced.section("sentences")["abbreviations"] == ["xyz"]
    appended = load_config(text="sentences:\n  abbreviations+: [xyz]\n")
    assert appended.section("sentences")["abbreviations"] == [*base, "xyz"]


def test_unknown_key_is_named() -> None:
    with pytest.raises(ConfigError, match="unknown key 'events.typo'"):
        load_config(text="events:\n  typo: 1\n")
    with pytest.raises(ConfigError, match="unknown key 'nonsense'"):
        load_config(text="nonsense: 1\n")


def test_wrong_type_is_named() -> None:
    with pytest.raises(ConfigError, match="'sentences.abbreviations' must be a list"):
        load_config(text="sentences:\n  abbreviations: 3\n")


def test_bad_yaml_and_bad_pattern() -> None:
    with pytest.raises(ConfigError, match="invalid YAML"):
        load_config(text="events: [unclosed\n")
    with pytest.raises(ConfigError, match=r"boilerplate.line_patterns\[0\]"):
        load_config(text="boilerplate:\n  line_patterns: ['(unclosed']\n")


def test_yaml_is_loaded_safely() -> None:
    with pytest.raises(ConfigError):
        load_config(text="events: !!python/object/apply:os.system ['true']\n")


def test_missing_file(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ConfigError, match="no such file"):
        load_config(tmp_path / "absent.yaml")


def test_config_pickles_without_its_cache() -> None:
    config = load_config(text="sentences:\n  abbreviations+: [xyz]\n")
    config.cached("something", lambda: object())
    clone = pickle.loads(pickle.dumps(config))
    assert clone.data == config.data and clone._cache == {}


def test_compile_union_matches_like_its_parts() -> None:
    import re

    from incident_cli.config import compile_union

    parts = [r"\bkill(?:ed|s)?\b", r"\bblasts?\b"]
    union = compile_union(parts)
    text = "skilled workers: a blast killed two; blasts"
    assert [m.group() for m in union.finditer(text)] == ["blast", "killed", "blasts"]
    assert union.pattern.startswith("(?<!\\w)")  # the word-start guard
    assert compile_union([r"x+"]).pattern == "(?:x+)"
    assert compile_union([]).search("anything") is None
    assert compile_union([r"\bfire\b"], re.I).search("FIRE")
    # A boundary followed by what may be a non-word character keeps the plain alternation:
    # the guard would otherwise stop "\b\s+x" matching after a word.
    for pattern in (r"\b\s+x", r"\b(?:a|-b)", r"\b(?:a)?x", r"\ba?"):
        assert not compile_union([pattern]).pattern.startswith("(?<!")
    assert compile_union([r"\b\s+x"]).search("word x")
    assert compile_union([r"\b(?:a|b)c|\bd", r"\b\d+"]).pattern.startswith("(?<!")


def test_the_repository_config_example_is_valid() -> None:
    from pathlib import Path

    text = (Path(__file__).parent.parent / "config.yaml").read_text(encoding="utf-8")
    assert load_config(text=text).data == default_config().data  # all commented out
    example = text.split("# --- example ---\n")[1].split("# --- end ---")[0]
    uncommented = "\n".join(line[2:] for line in example.splitlines())
    config = load_config(text=uncommented)
    assert ["Ambazonia Defence Forces", "ADF fighters"] in config.section("actors")["groups"]
    assert config.section("scoring")["weights"]["quote"] == -1.0


def test_packaged_rules_are_cached_as_json(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from incident_cli import config as config_module

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    fresh = config_module._load_packaged()
    cached_files = list((tmp_path / "incident").glob("rules-*.json"))
    assert len(cached_files) == 1
    assert config_module._load_packaged() == fresh == default_config().data
    cached_files[0].write_text("{not json", encoding="utf-8")  # a corrupt cache is ignored
    assert config_module._load_packaged() == fresh


def test_rules_cache_of_an_earlier_version_is_pruned(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import os
    import time

    from incident_cli import config as config_module

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    folder = tmp_path / "incident"
    folder.mkdir()
    old, recent = folder / "rules-old.json", folder / "rules-recent.json"
    for path in (old, recent):
        path.write_text("{}", encoding="utf-8")
    two_days_ago = time.time() - 2 * 24 * 3600
    os.utime(old, (two_days_ago, two_days_ago))
    config_module._load_packaged()
    names = sorted(p.name for p in folder.glob("rules-*.json"))
    assert "rules-old.json" not in names  # an earlier version, untouched for two days
    assert "rules-recent.json" in names  # maybe another install in use: kept
    assert len(names) == 2  # the recent one and this version's


def test_unwritable_cache_is_not_an_error(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from incident_cli import config as config_module

    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))  # a file where a folder should be
    assert config_module._load_packaged() == default_config().data


def test_packaged_lists_hold_no_yaml_booleans() -> None:
    """YAML 1.1 reads a bare on/off/yes/no as true/false: such words must be quoted."""

    def walk(node: object, path: str) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                walk(value, f"{path}.{key}")
        elif isinstance(node, list):
            for i, value in enumerate(node):
                assert not isinstance(value, bool), f"{path}[{i}] is {value}: quote the word"
                walk(value, f"{path}[{i}]")

    for name, section in default_config().data.items():
        walk(section, name)
