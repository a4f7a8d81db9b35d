"""The `incident` command line: Typer commands over inputs → batch → render.

Start-up time is part of the interface (one article in a terminal must feel instant), so
the module imports only the standard library. Typer (which builds a pydantic adapter per
parameter, about 0.1 s) is loaded only for help, completion, `config`, `evaluate` and any
`summarize` command line the small fast-path parser below is not sure about: that parser
accepts exactly the valid forms and hands everything else, errors included, to Typer.
rich, yaml and the core are imported where they are first needed.

(No `from __future__ import annotations`: the Typer commands are defined inside
`build_app`, and Typer reads their annotations at run time.)
"""

import datetime as dt
import os
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from . import __version__

if TYPE_CHECKING:
    from .batch import Result
    from .config import Config

PROG = "incident"
#: Show a progress bar (on a terminal) for batches larger than this.
PROGRESS_MIN = 5
#: By default, batches smaller than this run in one process (a pool costs more than it saves).
POOL_MIN = 8
JSONL_SUFFIXES = (".jsonl", ".ndjson")
FORMAT_BY_SUFFIX = {".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl", ".yaml": "yaml",
                    ".yml": "yaml", ".csv": "csv", ".md": "markdown", ".markdown": "markdown",
                    ".txt": "table"}


class Format(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    yaml = "yaml"
    csv = "csv"
    markdown = "markdown"


class Interrupted(BaseException):
    """Ctrl-C or SIGTERM: stop, keep the previous output file, exit 128 + signal."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


class CliExit(Exception):
    """Leave with this exit status (the message, if any, is already on stderr)."""

    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code


# ---------------------------------------------------------------- small helpers


def say(message: str) -> None:
    """One line on stderr, prefixed with the program name (the format users grep for)."""
    sys.stderr.write(f"{PROG}: {message}\n")
    sys.stderr.flush()


def usage_error(message: str) -> CliExit:
    say(message)
    return CliExit(2)


def parse_date(value: str) -> dt.date:
    """--published: strictly YYYY-MM-DD (ValueError otherwise)."""
    return dt.date.fromisoformat(value.strip())


def load_user_config(path: Path | None) -> "Config":
    """The packaged rules merged with --config FILE, else ./config.yaml when present.

    A config error is a usage error: one line naming the file and the key, exit 2.
    """
    from .config import ConfigError, load_config

    if path is None and Path("config.yaml").is_file():
        path = Path("config.yaml")
    try:
        return load_config(path)
    except ConfigError as exc:
        raise usage_error(f"config error: {exc}") from None


@contextmanager
def guarded(debug: bool) -> Iterator[None]:
    """No traceback reaches a user unless --debug; Ctrl-C and SIGTERM exit cleanly.
    Every way out becomes `CliExit(code)`."""

    def on_term(signum: int, frame: Any) -> None:
        raise Interrupted(signum)

    previous = signal.signal(signal.SIGTERM, on_term) if _main_thread() else None
    try:
        yield
    except CliExit:
        raise
    except (KeyboardInterrupt, Interrupted) as exc:
        signum = exc.signum if isinstance(exc, Interrupted) else signal.SIGINT
        say("interrupted")
        raise CliExit(128 + int(signum)) from None
    except BrokenPipeError:
        # `incident summarize news/ | head`: the reader left; that is not an error.
        _silence_stdout()
        raise CliExit(0) from None
    except Exception as exc:
        if debug:
            import traceback

            traceback.print_exc()
        say(f"error: {type(exc).__name__}: {exc}" + ("" if debug else " (--debug shows the trace)"))
        raise CliExit(1) from None
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def _main_thread() -> bool:
    import threading

    return threading.current_thread() is threading.main_thread()


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


class AtomicOutput:
    """-o FILE: write a temporary file beside it, then `os.replace` it into place, so an
    interrupted run leaves the previous file whole and a reader never sees half a record."""

    def __init__(self, path: Path) -> None:
        import tempfile

        self.path = path
        directory = path.parent if str(path.parent) else Path(".")
        fd, tmp = tempfile.mkstemp(dir=directory, prefix=f".{path.name}.", suffix=".tmp")
        self.tmp = Path(tmp)
        self.handle: IO[str] = os.fdopen(fd, "w", encoding="utf-8", newline="")

    def commit(self) -> None:
        self.handle.flush()
        os.fsync(self.handle.fileno())
        self.handle.close()
        try:
            mode = self.path.stat().st_mode & 0o777
        except OSError:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(self.tmp, mode)
        os.replace(self.tmp, self.path)

    def discard(self) -> None:
        try:
            self.handle.close()
        finally:
            self.tmp.unlink(missing_ok=True)


class Reporter:
    """stderr during a batch: one line per unreadable input, warnings, an optional progress
    bar (rich, only on a terminal, only for more than a few inputs) and the final count."""

    def __init__(self, *, total: int | None, show_progress: bool, quiet: bool, debug: bool) -> None:
        self.quiet, self.debug = quiet, debug
        self.done = self.errors = 0
        self.progress: Any = None
        self.task: Any = None
        if show_progress:
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                SpinnerColumn,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )

            self.progress = Progress(
                SpinnerColumn(), TextColumn("summarising"), BarColumn(), MofNCompleteColumn(),
                TimeElapsedColumn(), TimeRemainingColumn(),
                console=Console(stderr=True), transient=True, redirect_stdout=False,
                redirect_stderr=False,
            )
            self.task = self.progress.add_task("summarising", total=total)
            self.progress.start()

    def line(self, message: str) -> None:
        if self.progress is not None:
            self.progress.console.print(f"{PROG}: {message}", markup=False, highlight=False,
                                        soft_wrap=True)
        else:
            say(message)

    def result(self, result: "Result") -> None:
        self.done += 1
        if result.error is not None:
            self.errors += 1
            self.line(f"{result.source}: {_without_line_prefix(result.source, result.error)}")
            if result.traceback:
                sys.stderr.write(result.traceback)
        if not self.quiet:
            for warning in result.warnings:
                self.line(f"{result.source}: warning: {warning}")
        if self.progress is not None:
            self.progress.advance(self.task)

    def stop(self) -> None:
        if self.progress is not None:
            self.progress.stop()
            self.progress = None

    def finish(self) -> None:
        self.stop()
        if self.quiet and not self.errors:
            return
        if self.errors or self.done > 1:
            noun = "article" if self.done - self.errors == 1 else "articles"
            tail = f", {self.errors} error{'s' if self.errors != 1 else ''}" if self.errors else ""
            say(f"summarised {self.done - self.errors} {noun}{tail}")


def _without_line_prefix(source: str, error: str) -> str:
    """"f.jsonl:3: line 3: bad JSON" reads better as "f.jsonl:3: bad JSON"."""
    _, _, number = source.rpartition(":")
    prefix = f"line {number}: "
    return error[len(prefix):] if number.isdigit() and error.startswith(prefix) else error


def choose_jobs(paths: list[str], jobs: int | None, total: int | None) -> int:
    """--jobs, else every core for folders and JSON Lines, 1 for a single file or stdin;
    never more workers than inputs (a pool costs more than it saves on a handful)."""
    from .batch import default_jobs

    if jobs is None:
        batchy = any(p != "-" and (Path(p).is_dir() or p.lower().endswith(JSONL_SUFFIXES))
                     for p in paths)
        small = total is not None and total < POOL_MIN
        jobs = default_jobs() if batchy and not small else 1
    if total is not None:
        jobs = min(jobs, max(1, total))
    return max(1, jobs)


def choose_format(fmt: str | None, output: Path | None) -> str | None:
    """Explicit --format; else from the -o suffix; else a table on a terminal; else None,
    meaning JSON for one article and JSON Lines for several."""
    if fmt is not None:
        return fmt
    if output is not None:
        return FORMAT_BY_SUFFIX.get(output.suffix.lower())
    return "table" if sys.stdout.isatty() else None


def _peek(results: Iterator["Result"]) -> tuple[list["Result"], bool]:
    """The first two results: enough to know whether this is one article or a batch."""
    head: list[Result] = []
    for result in results:
        head.append(result)
        if len(head) == 2:
            break
    return head, len(head) > 1


# ---------------------------------------------------------------- summarize


@dataclass
class SummarizeArgs:
    """The summarize command line, parsed (by Typer or by `fast_summarize_args`)."""

    paths: list[str] = field(default_factory=list)
    fmt: str | None = None
    output: Path | None = None
    published: dt.date | None = None
    config_path: Path | None = None
    sentences: int = 3
    evidence: bool = False
    recursive: bool = False
    glob: str | None = None
    jobs: int | None = None
    debug: bool = False
    quiet: bool = False


def summarize_command(args: SummarizeArgs) -> int:
    """The summarize command behind both parsers: returns the exit status."""
    try:
        with guarded(args.debug):
            config = load_user_config(args.config_path)
            return run_summarize(
                paths=list(args.paths), fmt=args.fmt, output=args.output,
                published=args.published, config=config, sentences=args.sentences,
                evidence=args.evidence, recursive=args.recursive, glob=args.glob,
                jobs=args.jobs, debug=args.debug, quiet=args.quiet,
            )
    except CliExit as exc:
        return exc.code


_VALUE_OPTIONS = {"--format": "fmt", "-f": "fmt", "--output": "output", "-o": "output",
                  "--published": "published", "--config": "config_path", "-c": "config_path",
                  "--sentences": "sentences", "-n": "sentences", "--glob": "glob", "-g": "glob",
                  "--jobs": "jobs", "-j": "jobs"}
_FLAGS = {"--evidence": "evidence", "-e": "evidence", "--recursive": "recursive",
          "-r": "recursive", "--debug": "debug", "--quiet": "quiet", "-q": "quiet"}


def fast_summarize_args(argv: list[str]) -> SummarizeArgs | None:
    """Parse a *valid* `summarize` command line without Typer; None means "let Typer do it"
    (help, completion, anything unusual, and every error, so messages stay Typer's)."""
    if not argv or argv[0] != "summarize":
        return None
    args = SummarizeArgs()
    values: dict[str, str] = {}
    rest = iter(argv[1:])
    only_paths = False
    for arg in rest:
        if only_paths or arg == "-" or not arg.startswith("-"):
            args.paths.append(arg)
        elif arg == "--":
            only_paths = True
        elif arg in _FLAGS:
            setattr(args, _FLAGS[arg], True)
        else:
            name, eq, value = arg.partition("=")
            if name not in _VALUE_OPTIONS or (eq and not name.startswith("--")):
                return None
            if not eq:
                value = next(rest, None)  # type: ignore[assignment]
                if value is None:
                    return None
            values[_VALUE_OPTIONS[name]] = value
    try:
        if "fmt" in values:
            args.fmt = Format(values["fmt"]).value
        if "sentences" in values:
            args.sentences = int(values["sentences"])
        if "jobs" in values:
            args.jobs = int(values["jobs"])
        if "published" in values:
            args.published = parse_date(values["published"])
    except ValueError:
        return None
    if args.sentences < 0 or (args.jobs is not None and args.jobs < 1):
        return None
    if "output" in values:
        args.output = Path(values["output"])
        if args.output.is_dir():
            return None
    if "config_path" in values:
        args.config_path = Path(values["config_path"])
    args.glob = values.get("glob")
    return args


def _unwrap(text: str) -> str:
    """Help text is wrapped in the source; rich rewraps it, so join each prose paragraph
    into one line and keep indented example lines as they are."""
    paragraphs = []
    for para in text.strip("\n").split("\n\n"):
        if para.startswith("    "):
            paragraphs.append(para)
        else:
            paragraphs.append(" ".join(line.strip() for line in para.splitlines()))
    return "\n\n".join(paragraphs)


SUMMARIZE_HELP = """Summarise news articles: who, what, where, when and the casualty count.

PATHS are article files (.txt .md .text .html), folders of them, JSON Lines files (one
{"id", "text", "published"?, "title"?, "url"?} a line) or '-' for stdin; with no PATHS the
article is read from stdin.

Output: a table on a terminal; when piped, one JSON object for one article and JSON Lines
for several. Exit status: 0 all inputs summarised, 1 some inputs could not be read (each
named on stderr; the batch goes on), 2 usage errors.

Examples:

    incident summarize article.txt

    cat article.txt | incident summarize --published 2024-03-08

    incident summarize news/ --recursive --format csv -o summaries.csv

    incident summarize articles.jsonl --format jsonl --jobs 4 > out.jsonl
"""

CONFIG_SHOW_HELP = """Print the effective configuration (packaged rules merged with --config
FILE, else ./config.yaml) as YAML: the place to look up a key to override.

Example:

    incident config show --config my-rules.yaml > effective.yaml
"""

EVALUATE_HELP = """Score the tool on your own labelled articles.

GOLD is JSON Lines, one article a line: {"id", "url", "published", "text", "gold":
{"is_incident", "event_type", "date", "place", "country", "killed", "injured",
"perpetrators", "sources", ...}} (with optional "<field>_accept" lists of other accepted
answers).

Prints the share right per field and `slots`, the mean of event_type, date, place, country,
killed and injured.

Example:

    incident evaluate labelled.jsonl --errors 5
"""

def run_summarize(
    *,
    paths: list[str],
    fmt: str | None,
    output: Path | None,
    published: dt.date | None,
    config: "Config | None",
    sentences: int,
    evidence: bool,
    recursive: bool,
    glob: str | None,
    jobs: int | None,
    debug: bool,
    quiet: bool,
) -> int:
    """The summarize command without Typer: returns the exit code."""
    from . import batch
    from .inputs import count_inputs, iter_inputs

    if not paths:
        if sys.stdin is None or sys.stdin.isatty():
            raise usage_error("no input: give PATHS, or pipe an article on stdin "
                             "(see 'incident summarize --help')")
        paths = ["-"]
    if output is not None and not output.parent.is_dir() and str(output.parent):
        raise usage_error(f"--output: no such folder: {output.parent}")

    only_stdin = all(p == "-" for p in paths)
    total = None if only_stdin else count_inputs(paths, recursive=recursive, glob=glob)
    workers = choose_jobs(paths, jobs, total)
    chunksize = None
    if total is not None and workers > 1:
        chunksize = max(1, min(64, total // (workers * 4)))
    stdin = sys.stdin.buffer if "-" in paths and sys.stdin is not None else None

    items = iter_inputs(paths, recursive=recursive, glob=glob, stdin=stdin)
    options = batch.Options(published=published, sentences=sentences, evidence=evidence,
                            debug=debug)
    results = batch.run(items, config=config, options=options, jobs=workers, chunksize=chunksize)

    sink: AtomicOutput | None = None
    if output is not None:  # before any work, so an unwritable path fails at once
        try:
            sink = AtomicOutput(output)
        except OSError as exc:
            raise usage_error(f"--output: cannot write {output}: {exc.strerror or exc}") from None
    show_progress = (not quiet and sys.stderr.isatty() and not only_stdin
                     and (total is None or total > PROGRESS_MIN))
    reporter: Reporter | None = None
    try:
        reporter = Reporter(total=total, show_progress=show_progress, quiet=quiet, debug=debug)
        head, many = _peek(results)
        chosen = choose_format(fmt, output) or ("jsonl" if many else "json")
        stream: IO[str] = sink.handle if sink is not None else sys.stdout
        emit = None
        if chosen == "table" and sink is None and reporter.progress is not None \
                and sys.stdout.isatty():
            emit = reporter.progress.console.print  # print above the bar, not through it
        from .render import make_writer

        writer = make_writer(chosen, stream, many=many, evidence=evidence, emit=emit)
        for result in _chain(head, results):
            reporter.result(result)
            writer.write(result.record)
        writer.close()
        reporter.stop()
        if sink is not None and reporter.done:  # nothing read: keep the previous file
            sink.commit()
            sink = None
    finally:
        if reporter is not None:
            reporter.stop()
        if sink is not None:
            sink.discard()
    reporter.finish()
    if reporter.done == 0:
        say("no articles found in " + ", ".join(paths))
        return 1
    return 1 if reporter.errors else 0


def _chain(head: list["Result"], rest: Iterator["Result"]) -> Iterator["Result"]:
    yield from head
    yield from rest


# ---------------------------------------------------------------- config show, evaluate


def config_show_command(config_path: Path | None, section: str | None, debug: bool) -> int:
    try:
        with guarded(debug):
            import yaml

            config = load_user_config(config_path)
            data: Any = config.data
            if section is not None:
                if section not in data:
                    raise usage_error(f"no config section {section!r} "
                                      f"(sections: {', '.join(data)})")
                data = {section: data[section]}
            dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
            sys.stdout.write(yaml.dump(data, Dumper=dumper, sort_keys=False,
                                       allow_unicode=True, default_flow_style=False,
                                       width=100))
            return 0
    except CliExit as exc:
        return exc.code


def evaluate_command(gold: Path, *, errors: int, config_path: Path | None, jobs: int | None,
                     as_json: bool, debug: bool) -> int:
    try:
        with guarded(debug):
            from . import evaluate as ev

            config = load_user_config(config_path)
            try:
                labelled = ev.load_gold(gold)
            except ev.GoldError as exc:
                raise usage_error(str(exc)) from None
            report = ev.evaluate(labelled, config=config, jobs=jobs)
            if as_json:
                import json

                sys.stdout.write(json.dumps(report.figures(), indent=2) + "\n")
            else:
                sys.stdout.write(report.text(errors=errors))
            if report.failed:
                say(f"{report.failed} article(s) could not be summarised")
            return 0
    except CliExit as exc:
        return exc.code


# ---------------------------------------------------------------- the Typer app


def build_app() -> Any:
    """The Typer application (help, completion, validation and usage errors)."""
    from typing import Annotated

    import typer

    app = typer.Typer(
        name=PROG,
        no_args_is_help=True,
        pretty_exceptions_enable=False,
        context_settings={"help_option_names": ["-h", "--help"]},
    )
    config_app = typer.Typer(no_args_is_help=True, help=_unwrap(
        "Inspect the effective configuration.\n\nExample:\n\n    incident config show"))
    app.add_typer(config_app, name="config")

    def show_version(value: bool) -> None:
        if value:
            typer.echo(f"{PROG} {__version__}")
            raise typer.Exit()

    @app.callback()
    def root(
        version: Annotated[
            bool,
            typer.Option("--version", "-V", callback=show_version, is_eager=True,
                         help="Print the version and exit."),
        ] = False,
    ) -> None:
        """Summarise news reports of attacks, disasters and accidents: who, what, where,
        when, and the casualty count.

        Example:

            incident summarize article.txt
        """

    def published_date(value: str | None) -> dt.date | None:
        if value is None:
            return None
        try:
            return parse_date(value)
        except ValueError:
            raise typer.BadParameter(f"expected a date as YYYY-MM-DD, got {value!r}",
                                     param_hint="'--published'") from None

    @app.command(help=_unwrap(SUMMARIZE_HELP), no_args_is_help=False)
    def summarize(
        paths: Annotated[
            list[str] | None,
            typer.Argument(help="Files, folders, JSON Lines files, or '-' for stdin.",
                           show_default=False),
        ] = None,
        fmt: Annotated[
            Format | None,
            typer.Option("--format", "-f", show_default=False,
                         help="Output format (default: table on a terminal, else json for "
                         "one article and jsonl for several). json gives an array for "
                         "several."),
        ] = None,
        output: Annotated[
            Path | None,
            typer.Option("--output", "-o", dir_okay=False,
                         help="Write here (atomically) instead of stdout; the format follows "
                         "the suffix unless --format is given."),
        ] = None,
        published: Annotated[
            str | None,
            typer.Option("--published", metavar="YYYY-MM-DD", help="Reference date for "
                         "'Friday', 'yesterday' when an input states none of its own."),
        ] = None,
        config_path: Annotated[
            Path | None,
            typer.Option("--config", "-c", metavar="FILE",
                         help="Rules overriding the packaged ones "
                         "(default: ./config.yaml if present)."),
        ] = None,
        sentences: Annotated[
            int, typer.Option("--sentences", "-n", min=0, help="Summary length in sentences.")
        ] = 3,
        evidence: Annotated[
            bool, typer.Option("--evidence", "-e", help="Show the sentence behind each field, "
                               "matched words highlighted, in tables, markdown and CSV "
                               "(JSON always has it).")
        ] = False,
        recursive: Annotated[
            bool, typer.Option("--recursive", "-r", help="Descend into sub-folders.")
        ] = False,
        glob: Annotated[
            str | None,
            typer.Option("--glob", "-g", metavar="PATTERN",
                         help="Only files in folders matching this pattern, e.g. '*.txt'."),
        ] = None,
        jobs: Annotated[
            int | None,
            typer.Option("--jobs", "-j", min=1, show_default=False,
                         help="Worker processes (default: all cores for folders and JSON "
                         "Lines, 1 otherwise)."),
        ] = None,
        debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks.")] = False,
        quiet: Annotated[
            bool, typer.Option("--quiet", "-q", help="No progress bar, warnings or final count.")
        ] = False,
    ) -> None:
        args = SummarizeArgs(
            paths=list(paths or []), fmt=fmt.value if fmt is not None else None,
            output=output, published=published_date(published), config_path=config_path,
            sentences=sentences, evidence=evidence, recursive=recursive, glob=glob, jobs=jobs,
            debug=debug, quiet=quiet,
        )
        raise typer.Exit(summarize_command(args))

    @config_app.command("show", help=_unwrap(CONFIG_SHOW_HELP))
    def config_show(
        config_path: Annotated[
            Path | None,
            typer.Option("--config", "-c", metavar="FILE", help="User config to merge."),
        ] = None,
        section: Annotated[
            str | None,
            typer.Option("--section", "-s", help="Only this top-level section, e.g. dates."),
        ] = None,
        debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks.")] = False,
    ) -> None:
        raise typer.Exit(config_show_command(config_path, section, debug))

    @app.command(help=_unwrap(EVALUATE_HELP))
    def evaluate(
        gold: Annotated[Path, typer.Argument(help="Labelled JSON Lines file.", exists=True,
                                             dir_okay=False, readable=True)],
        errors: Annotated[
            int,
            typer.Option("--errors", metavar="N", min=0, help="List up to N misses per field."),
        ] = 0,
        config_path: Annotated[
            Path | None,
            typer.Option("--config", "-c", metavar="FILE", help="User config to merge."),
        ] = None,
        jobs: Annotated[
            int | None,
            typer.Option("--jobs", "-j", min=1, show_default=False,
                         help="Worker processes (default: all cores)."),
        ] = None,
        as_json: Annotated[
            bool, typer.Option("--json", help="Print the figures as JSON.")
        ] = False,
        debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks.")] = False,
    ) -> None:
        raise typer.Exit(evaluate_command(gold, errors=errors, config_path=config_path,
                                          jobs=jobs, as_json=as_json, debug=debug))

    return app


_APP: Any = None


def get_app() -> Any:
    global _APP
    if _APP is None:
        _APP = build_app()
    return _APP


def __getattr__(name: str) -> Any:
    # `from incident_cli.cli import app` (tests, embedding) builds the Typer app on demand.
    if name == "app":
        return get_app()
    raise AttributeError(name)


def main() -> None:
    """Console-script entry point (`incident`) and `python -m incident_cli`."""
    from . import regex_cache

    regex_cache.install()  # compiled patterns from the last run: half the cold start
    argv = sys.argv[1:]
    if "_INCIDENT_COMPLETE" not in os.environ:  # shell completion is Typer's
        if argv in (["--version"], ["-V"]):
            sys.stdout.write(f"{PROG} {__version__}\n")
            return
        fast = fast_summarize_args(argv)
        if fast is not None:
            try:
                code = summarize_command(fast)
            except KeyboardInterrupt:  # before or after the guarded part
                code = 128 + signal.SIGINT
            sys.exit(code)
    get_app()(prog_name=PROG)
