"""The `incident` command line, through Typer's CliRunner and through real subprocesses.

These tests check the interface (inputs, formats, options, exit codes), not extraction
accuracy, which the extractor tests and the golden seeds cover.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from incident_cli import __version__
from incident_cli.cli import app

runner = CliRunner()


def cli(*args: str, input: str | bytes | None = None):  # noqa: ANN201 - typer's Result
    return runner.invoke(app, list(args), input=input)


def lines(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


# ---------------------------------------------------------------- inputs


def test_one_file_gives_one_json_object(shooting_file: Path) -> None:
    result = cli("summarize", str(shooting_file))
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["source"] == str(shooting_file)
    assert record["title"] == "Gunmen kill three guards at Pellham depot"
    for key in ("is_incident", "what", "who", "where", "when", "casualties", "summary"):
        assert key in record
    assert record["evidence"]["killed"]["sentence"]  # the contract: per-field evidence
    assert result.stderr == ""  # one clean file: no count line


@pytest.mark.parametrize("args", [["-"], []])
def test_stdin(args: list[str], news: Path) -> None:
    result = cli("summarize", *args, input=(news / "b_flood.txt").read_text())
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["source"] == "<stdin>"
    assert record["title"] == "Flash floods hit Brenmoor"


def test_folder_sorted_and_not_recursive_by_default(news: Path) -> None:
    result = cli("summarize", str(news))
    assert result.exit_code == 0, result.output
    records = lines(result.stdout)
    assert [Path(r["source"]).name for r in records] == ["a_shooting.txt", "b_flood.txt"]
    assert "summarised 2 articles" in result.stderr


def test_folder_recursive_and_glob(news: Path) -> None:
    result = cli("summarize", str(news), "--recursive")
    assert [Path(r["source"]).name for r in lines(result.stdout)] == [
        "a_shooting.txt", "b_flood.txt", "c_crash.md"]
    result = cli("summarize", str(news), "--recursive", "--glob", "*.md", "--format", "jsonl")
    assert [Path(r["source"]).name for r in lines(result.stdout)] == ["c_crash.md"]


def test_jsonl_echoes_ids(jsonl: Path) -> None:
    result = cli("summarize", str(jsonl), "--format", "jsonl")
    assert result.exit_code == 0, result.output
    records = lines(result.stdout)
    assert [r["id"] for r in records] == ["s1", "f1", "c1"]
    assert records[1]["url"] == "https://example.org/f1"
    assert records[0]["when"]["reference"] == "2025-06-03"


def test_several_paths_mixed(jsonl: Path, news: Path, shooting_file: Path) -> None:
    result = cli("summarize", str(shooting_file), str(jsonl), str(news / "sub"))
    assert result.exit_code == 0, result.output
    ids = [r["id"] for r in lines(result.stdout)]
    assert len(ids) == 5
    assert ids[1:4] == ["s1", "f1", "c1"]
    assert "summarised 5 articles" in result.stderr


# ---------------------------------------------------------------- formats


def test_format_json_several_is_an_array(news: Path) -> None:
    result = cli("summarize", str(news), "--format", "json")
    data = json.loads(result.stdout)
    assert isinstance(data, list) and len(data) == 2


def test_format_yaml(news: Path, shooting_file: Path) -> None:
    one = yaml.safe_load(cli("summarize", str(shooting_file), "-f", "yaml").stdout)
    assert one["source"] == str(shooting_file)
    docs = list(yaml.safe_load_all(cli("summarize", str(news), "-f", "yaml").stdout))
    assert [Path(d["source"]).name for d in docs] == ["a_shooting.txt", "b_flood.txt"]


def test_format_csv(news: Path) -> None:
    result = cli("summarize", str(news), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 2
    assert Path(rows[0]["source"]).name == "a_shooting.txt"
    for column in ("what.event_type", "where.place", "casualties.killed", "summary", "error"):
        assert column in rows[0]


def test_format_markdown(shooting_file: Path) -> None:
    out = cli("summarize", str(shooting_file), "--format", "markdown").stdout
    assert out.startswith("## Gunmen kill three guards at Pellham depot")
    assert "| field | value |" in out and "**Summary**" in out


def test_format_table_panel_and_compact(news: Path, shooting_file: Path) -> None:
    panel = cli("summarize", str(shooting_file), "--format", "table").stdout
    assert "Gunmen kill three guards" in panel and "Casualties" in panel
    table = cli("summarize", str(news), "--format", "table").stdout
    assert "a_shoot" in table and "b_flood" in table and "killed" in table


def test_output_file_is_written_atomically(news: Path, tmp_path: Path) -> None:
    out = tmp_path / "out" / "summaries.csv"
    out.parent.mkdir()
    out.write_text("previous\n")
    result = cli("summarize", str(news), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    rows = list(csv.DictReader(out.open(encoding="utf-8")))  # format from the suffix
    assert len(rows) == 2
    assert [p.name for p in out.parent.iterdir()] == ["summaries.csv"]  # no temp file left


def test_output_to_missing_folder_is_a_usage_error(shooting_file: Path, tmp_path: Path) -> None:
    result = cli("summarize", str(shooting_file), "-o", str(tmp_path / "nope" / "x.json"))
    assert result.exit_code == 2
    assert "no such folder" in result.stderr


# ---------------------------------------------------------------- options


def test_published_sets_the_reference(shooting_file: Path) -> None:
    record = json.loads(cli("summarize", str(shooting_file), "--published", "2025-06-03").stdout)
    assert record["when"]["reference"] == "2025-06-03"
    assert record["when"]["reference_source"] == "argument"


def test_bad_published_is_a_usage_error(shooting_file: Path) -> None:
    result = cli("summarize", str(shooting_file), "--published", "3 June")
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.output


def test_sentences(shooting_file: Path) -> None:
    record = json.loads(cli("summarize", str(shooting_file), "--sentences", "1").stdout)
    assert len(record["summary"]) <= 1
    assert cli("summarize", str(shooting_file), "--sentences", "-1").exit_code == 2


def test_evidence(shooting_file: Path) -> None:
    record = json.loads(cli("summarize", str(shooting_file), "--evidence").stdout)
    assert set(record["evidence"]) >= {"what", "who", "where", "when", "killed"}
    md = cli("summarize", str(shooting_file), "--evidence", "-f", "markdown").stdout
    found = [v for v in record["evidence"].values() if v]
    if found:
        assert "**Evidence**" in md


def test_config_file_good(shooting_file: Path, tmp_path: Path) -> None:
    config = tmp_path / "rules.yaml"
    config.write_text("sentences:\n  abbreviations+: [Xyzzy]\n")
    result = cli("summarize", str(shooting_file), "--config", str(config))
    assert result.exit_code == 0, result.output
    shown = yaml.safe_load(cli("config", "show", "--config", str(config)).stdout)
    assert "Xyzzy" in shown["sentences"]["abbreviations"]


def test_config_bad_yaml_and_unknown_key(shooting_file: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("sentences: [unclosed\n")
    result = cli("summarize", str(shooting_file), "--config", str(bad))
    assert result.exit_code == 2
    assert "invalid YAML" in result.stderr and "Traceback" not in result.output
    typo = tmp_path / "typo.yaml"
    typo.write_text("casualties:\n  no_such_key: 1\n")
    result = cli("summarize", str(shooting_file), "--config", str(typo))
    assert result.exit_code == 2
    assert "casualties.no_such_key" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_config_yaml_in_the_working_directory_is_used(
    shooting_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "config.yaml").write_text("nonsense_section: 1\n")
    monkeypatch.chdir(tmp_path)
    result = cli("summarize", str(shooting_file))
    assert result.exit_code == 2 and "nonsense_section" in result.stderr


def test_config_show() -> None:
    result = cli("config", "show")
    assert result.exit_code == 0
    data = yaml.safe_load(result.stdout)
    assert {"events", "casualties", "places"} <= set(data)
    section = yaml.safe_load(cli("config", "show", "--section", "dates").stdout)
    assert list(section) == ["dates"]


def test_version_and_help() -> None:
    assert cli("--version").stdout.strip() == f"incident {__version__}"
    for command in ([], ["summarize"], ["evaluate"], ["config"], ["config", "show"]):
        result = cli(*command, "--help")
        assert result.exit_code == 0
        assert "Example" in result.stdout, command


def test_no_input_on_a_terminal_is_a_usage_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from incident_cli.cli import CliExit, run_summarize

    class Tty:
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(sys, "stdin", Tty())
    with pytest.raises(CliExit) as info:
        run_summarize(paths=[], fmt=None, output=None, published=None, config=None,
                      sentences=3, evidence=False, recursive=False, glob=None, jobs=None,
                      debug=False, quiet=False)
    assert info.value.code == 2


# ---------------------------------------------------------------- exit codes and errors


def test_errors_are_named_and_the_batch_goes_on(news: Path, tmp_path: Path) -> None:
    (news / "scan.txt").write_bytes(b"%PDF-1.7\n\x00\x01binary")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "ok", "text": "A fire destroyed a warehouse in Dunmore."}\n'
                   "{not json\n")
    result = cli("summarize", str(tmp_path / "missing.txt"), str(news), str(bad))
    assert result.exit_code == 1
    records = lines(result.stdout)
    assert len(records) == 6
    errors = [r for r in records if r.get("error")]
    assert len(errors) == 3
    err_lines = [line for line in result.stderr.splitlines() if "summarised" not in line]
    assert len(err_lines) == 3
    assert all(line.startswith("incident: ") for line in err_lines)
    assert "missing.txt" in err_lines[0]
    assert any("scan.txt" in line for line in err_lines)
    assert any("bad.jsonl:2" in line for line in err_lines)
    assert result.stderr.strip().endswith("summarised 3 articles, 3 errors")
    assert "Traceback" not in result.output


def test_jobs_2_gives_the_same_output_as_jobs_1(jsonl: Path, news: Path) -> None:
    args = ["summarize", str(jsonl), str(news), "--recursive", "--format", "jsonl"]
    one = cli(*args, "--jobs", "1")
    two = cli(*args, "--jobs", "2")
    assert one.exit_code == two.exit_code == 0
    assert one.stdout == two.stdout
    assert len(lines(one.stdout)) == 6


def test_unknown_format_is_a_usage_error(shooting_file: Path) -> None:
    assert cli("summarize", str(shooting_file), "--format", "xml").exit_code == 2


# ---------------------------------------------------------------- real subprocesses


def test_subprocess_file_and_stdin(incident, news: Path, shooting_file: Path) -> None:
    proc = incident("summarize", str(shooting_file), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["source"] == str(shooting_file)
    proc = incident("summarize", input=shooting_file.read_text())  # no path, piped: one JSON object
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["source"] == "<stdin>"
    proc = incident("summarize", "-", "--format", "yaml", input=(news / "b_flood.txt").read_text())
    assert yaml.safe_load(proc.stdout)["title"] == "Flash floods hit Brenmoor"


def test_subprocess_batch_defaults_to_jsonl(incident, jsonl: Path, news: Path) -> None:
    proc = incident("summarize", str(jsonl), str(news))
    assert proc.returncode == 0, proc.stderr
    records = lines(proc.stdout)
    assert [r["id"] for r in records][:3] == ["s1", "f1", "c1"]
    assert proc.stderr.strip() == "incident: summarised 5 articles"


def test_subprocess_formats_and_output(incident, news: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    proc = incident("summarize", str(news), "-o", str(out), "--jobs", "2")
    assert proc.returncode == 0, proc.stderr
    assert len(lines(out.read_text())) == 2
    proc = incident("summarize", str(news), "--format", "csv")
    assert len(list(csv.DictReader(io.StringIO(proc.stdout)))) == 2
    proc = incident("summarize", str(news), "--format", "markdown")
    assert proc.stdout.count("\n## ") + proc.stdout.startswith("## ") == 2


def test_subprocess_exit_codes(incident, shooting_file: Path, tmp_path: Path) -> None:
    assert incident("--version").stdout.strip() == f"incident {__version__}"
    proc = incident("summarize", str(tmp_path / "gone.txt"))
    assert proc.returncode == 1
    assert proc.stderr.splitlines()[0] == f"incident: {tmp_path / 'gone.txt'}: not found"
    assert json.loads(proc.stdout)["error"]
    proc = incident("summarize", str(shooting_file), "--jobs", "0")
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr


def test_subprocess_evaluate(incident, shooting_file: Path, tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({
        "id": "g1", "url": None, "published": "2025-06-03", "text": shooting_file.read_text(),
        "gold": {"is_incident": True, "event_type": "shooting", "date": "2025-05-30",
                 "place": "Pellham", "country": None, "killed": 3, "injured": 2,
                 "perpetrators": ["gunmen"], "sources": ["Tomas Verin"]},
    }) + "\n")
    proc = incident("evaluate", str(gold), "--errors", "3")
    assert proc.returncode == 0, proc.stderr
    for name in ("is_incident", "event_type", "date", "place", "killed", "injured",
                 "perpetrators", "sources", "no_false_perpetrator", "slots"):
        assert name in proc.stdout
    figures = json.loads(incident("evaluate", str(gold), "--json").stdout)
    assert figures["articles"] == 1 and 0.0 <= figures["slots"] <= 1.0


# ---------------------------------------------------------------- the fast-path parser


def test_fast_path_parses_valid_command_lines(tmp_path: Path) -> None:
    import datetime as dt

    from incident_cli.cli import fast_summarize_args

    args = fast_summarize_args(["summarize", "a.txt", "-", "--format=csv", "-o", "x.csv",
                                "--published", "2025-01-02", "-n", "2", "-e", "-r",
                                "--glob", "*.md", "-j", "3", "--debug", "-q", "--", "-x"])
    assert args is not None
    assert args.paths == ["a.txt", "-", "-x"]
    assert (args.fmt, args.output, args.published) == ("csv", Path("x.csv"), dt.date(2025, 1, 2))
    assert (args.sentences, args.jobs, args.glob) == (2, 3, "*.md")
    assert args.evidence and args.recursive and args.debug and args.quiet


@pytest.mark.parametrize("argv", [
    ["summarize", "--help"], ["summarize", "-h"], ["summarize", "--format", "xml"],
    ["summarize", "--published", "June"], ["summarize", "--jobs", "0"],
    ["summarize", "-n", "-1"], ["summarize", "--sentences"], ["summarize", "--bogus"],
    ["summarize", "-fjson"], ["evaluate", "x"], ["config", "show"], [],
])
def test_fast_path_leaves_everything_else_to_typer(argv: list[str]) -> None:
    from incident_cli.cli import fast_summarize_args

    assert fast_summarize_args(argv) is None


@pytest.mark.parametrize("argv", [
    ["summarize", "a.txt", "news", "-f", "csv", "--published", "2025-06-03", "-n", "1", "-r"],
    ["summarize", "--format=jsonl", "-o", "out.jsonl", "--config", "c.yaml", "--glob", "*.md",
     "--jobs", "2", "--evidence", "--debug", "--quiet", "-"],
    ["summarize"],
])
def test_fast_path_and_typer_agree(argv: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    import incident_cli.cli as cli_module

    seen: list[object] = []
    monkeypatch.setattr(cli_module, "summarize_command", lambda args: seen.append(args) or 0)
    assert cli(*argv).exit_code == 0
    assert seen == [cli_module.fast_summarize_args(argv)]


def test_shell_completion_is_enabled() -> None:
    import os
    import subprocess
    import sys

    env = {**os.environ, "COMP_WORDS": "incident summarize --for", "COMP_CWORD": "2",
           "_INCIDENT_COMPLETE": "complete_bash"}
    proc = subprocess.run([sys.executable, "-c", "from incident_cli.cli import main; main()"],
                          env=env, capture_output=True, text=True, timeout=60)
    assert "--format" in proc.stdout
    assert "--show-completion" in cli("--help").stdout


def test_output_format_follows_the_suffix(news: Path, tmp_path: Path) -> None:
    for name, check in (("o.yaml", lambda t: len(list(yaml.safe_load_all(t))) == 2),
                        ("o.json", lambda t: len(json.loads(t)) == 2),
                        ("o.md", lambda t: t.startswith("## ")),
                        ("o.unknown", lambda t: len(lines(t)) == 2)):
        out = tmp_path / name
        assert cli("summarize", str(news), "-o", str(out)).exit_code == 0
        assert check(out.read_text()), name


def test_progress_reporter_runs_without_a_terminal(capsys: pytest.CaptureFixture[str]) -> None:
    from incident_cli.batch import Result
    from incident_cli.cli import Reporter

    reporter = Reporter(total=3, show_progress=True, quiet=False, debug=False)
    reporter.result(Result({"id": "a"}, "a.txt"))
    reporter.result(Result({"id": "b"}, "b.txt", error="not found"))
    reporter.result(Result({"id": "c"}, "c.txt", warnings=["truncated"]))
    reporter.finish()
    err = capsys.readouterr().err
    assert "b.txt: not found" in err and "c.txt: warning: truncated" in err
    assert err.strip().endswith("summarised 2 articles, 1 error")
