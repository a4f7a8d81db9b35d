"""Speed benchmarks for `incident` (issue 4): medians of repeated runs and ratios, no asserts.

    .venv/bin/python benchmarks/run.py --quick     # about 5 minutes: 1 repeat of the batches
    .venv/bin/python benchmarks/run.py             # 15 cold starts each, 3 repeats of batches

Measures, against whatever `incident` CLI is installed beside this Python:
  (a) cold start: `incident summarize seeds/<one>.txt --format json` vs `python -c "import
      nltk"`, run alternately; medians and their ratio (target <= 1.5).
  (b) throughput: the dev-set articles (../shared/eval/dev.jsonl, else the seeds) repeated to
      5,000 in a temporary JSON Lines file, `incident summarize X.jsonl --format jsonl --jobs 1`
      and `--jobs 2`; articles/s and the ratio (targets >= 500/s and >= 1.7x). The core's
      in-process rate is printed beside it, for diagnosis.
  (c) memory: peak RSS of 20,000 articles vs 5,000 (target <= 150 MB, flat). Two figures:
      the largest single process (wait4's ru_maxrss) and the sampled sum over the process
      tree (what several `--jobs` workers cost together).
  (d) linear time: a 1 MB article, a million digits, 100,000 capitalised words, runs of
      punctuation and of whitespace, each through the core (a fresh process) and the CLI
      (target < 5 s each; a 60 s timeout stops a runaway).
If the CLI lacks a feature (`--jobs`, .txt input) the benchmark says so and degrades (runs
without `--jobs`, wraps the article in JSON Lines) rather than stopping. Results are saved to
benchmarks/out/results-<UTC time>.json and benchmarks/out/latest.json.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DEV = ROOT.parent / "shared" / "eval" / "dev.jsonl"
OUT = ROOT / "benchmarks" / "out"
COLD_SEED = SEEDS / "police_station_bannu.txt"
TIMEOUT = 60.0
BATCH = 5_000
BIG_BATCH = 20_000

TARGETS = {
    "cold_start_ratio": "<= 1.5",
    "jobs1_articles_per_s": ">= 500",
    "jobs2_speedup": ">= 1.7",
    "peak_rss_mb_20000": "<= 150",
    "rss_growth_20000_vs_5000": "flat (~1.0)",
    "adversarial_s": "< 5 each",
}


# --------------------------------------------------------------------------- helpers


def cli_command() -> list[str]:
    """The `incident` script beside this interpreter, else `python -m incident_cli`."""
    script = Path(sys.executable).parent / "incident"
    return [str(script)] if script.exists() else [sys.executable, "-m", "incident_cli"]


def _tree_rss_kb(pid: int) -> int:
    """Resident memory of a process and all its descendants, from /proc (0 if gone)."""
    total, stack, seen = 0, [pid], set()
    while stack:
        p = stack.pop()
        if p in seen:
            continue
        seen.add(p)
        try:
            with open(f"/proc/{p}/status", encoding="ascii", errors="replace") as fh:
                for line in fh:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
                        break
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children", encoding="ascii") as fh:
                    stack.extend(int(c) for c in fh.read().split())
        except (OSError, ValueError):
            continue
    return total


def run(cmd: list[str], *, stdout: Any = subprocess.DEVNULL, stdin: Any = None,
        timeout: float = TIMEOUT, sample_memory: bool = False) -> dict[str, Any]:
    """Run a command; wall time, exit code, peak RSS (one process, and sampled tree sum)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=stdout, stderr=subprocess.PIPE, stdin=stdin, cwd=ROOT)
    peak_tree = [0]
    stop = threading.Event()

    def sampler() -> None:
        while not stop.is_set():
            peak_tree[0] = max(peak_tree[0], _tree_rss_kb(proc.pid))
            stop.wait(0.05)

    thread = threading.Thread(target=sampler, daemon=True) if sample_memory else None
    if thread:
        thread.start()
    stderr_chunks: list[bytes] = []
    reader = threading.Thread(target=lambda: stderr_chunks.append(proc.stderr.read()),
                              daemon=True)
    reader.start()
    timer = threading.Timer(timeout, proc.kill)
    timer.start()
    try:
        _, status, usage = os.wait4(proc.pid, 0)
    finally:
        timer.cancel()
        stop.set()
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    reader.join(5)
    if thread:
        thread.join(1)
    timed_out = wall >= timeout
    return {
        "wall_s": wall,
        "rc": proc.returncode,
        "timed_out": timed_out,
        "max_rss_mb": usage.ru_maxrss / 1024,  # Linux: kilobytes
        "tree_rss_mb": peak_tree[0] / 1024 if sample_memory else None,
        "stderr": b"".join(stderr_chunks).decode("utf-8", "replace")[-600:],
    }


def median(xs: list[float]) -> float | None:
    return statistics.median(xs) if xs else None


def load_articles() -> tuple[list[dict[str, Any]], str]:
    """Id/text/published of the dev set (never copied into the repo), else the seeds."""
    if DEV.exists():
        arts = []
        with DEV.open(encoding="utf-8") as fh:
            for line in fh:
                obj = json.loads(line)
                arts.append({"text": obj["text"], "published": obj.get("published")})
        if arts:
            return arts, str(DEV.relative_to(ROOT.parent))
    arts = []
    for path in sorted(SEEDS.glob("*.txt")):
        exp = path.with_name(path.stem + ".expected.json")
        if exp.exists():
            published = json.loads(exp.read_text(encoding="utf-8")).get("published")
            arts.append({"text": path.read_text(encoding="utf-8"), "published": published})
    return arts, "seeds/"


def write_batch(arts: list[dict[str, Any]], n: int, path: Path) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            a = arts[i % len(arts)]
            fh.write(json.dumps({"id": f"b{i:06d}", "text": a["text"],
                                 "published": a["published"]}, ensure_ascii=False) + "\n")


def count_lines(path: Path) -> int:
    with path.open("rb") as fh:
        return sum(1 for line in fh if line.strip())


# --------------------------------------------------------------------------- probes


class Cli:
    """What the installed CLI can do, found by trying it on one seed."""

    def __init__(self, tmp: Path, notes: list[str]) -> None:
        self.cmd = cli_command()
        self.notes = notes
        self.tmp = tmp
        one = tmp / "one.jsonl"
        seed_text = COLD_SEED.read_text(encoding="utf-8") if COLD_SEED.exists() else "Test."
        one.write_text(json.dumps({"id": "x", "text": seed_text}) + "\n", encoding="utf-8")
        out = tmp / "probe.out"
        with out.open("wb") as fh:
            r = run([*self.cmd, "summarize", str(COLD_SEED), "--format", "json"], stdout=fh)
        self.txt_ok = r["rc"] == 0 and _parses(out.read_text(encoding="utf-8", errors="replace"))
        if not self.txt_ok:
            notes.append(f"CLI cannot summarise a .txt file (rc={r['rc']}: "
                         f"{_last_line(r['stderr'])}); .txt runs wrapped in JSON Lines")
        with out.open("wb") as fh:
            r = run([*self.cmd, "summarize", str(one), "--format", "jsonl", "--jobs", "1"],
                    stdout=fh)
        self.jobs_ok = r["rc"] == 0 and count_lines(out) == 1
        if not self.jobs_ok:
            notes.append(f"CLI has no working --jobs (rc={r['rc']}: {_last_line(r['stderr'])});"
                         " batches run without it, so jobs1 vs jobs2 is not measured")
        with out.open("wb") as fh:
            r = run([*self.cmd, "summarize", str(one), "--format", "jsonl"], stdout=fh)
        self.jsonl_ok = r["rc"] == 0 and count_lines(out) == 1
        if not self.jsonl_ok:
            notes.append(f"CLI cannot read JSON Lines (rc={r['rc']}: "
                         f"{_last_line(r['stderr'])}); batch figures are missing")

    def single(self, path: Path) -> list[str]:
        """The command that summarises one article file, degraded to JSON Lines if needed."""
        if self.txt_ok:
            return [*self.cmd, "summarize", str(path), "--format", "json"]
        wrapped = self.tmp / (path.stem + ".wrapped.jsonl")
        if not wrapped.exists():
            text = path.read_text(encoding="utf-8", errors="replace")
            wrapped.write_text(json.dumps({"id": path.stem, "text": text}) + "\n",
                               encoding="utf-8")
        return [*self.cmd, "summarize", str(wrapped), "--format", "jsonl"]

    def batch(self, path: Path, jobs: int | None) -> list[str]:
        cmd = [*self.cmd, "summarize", str(path), "--format", "jsonl"]
        if jobs is not None and self.jobs_ok:
            cmd += ["--jobs", str(jobs)]
        return cmd


def _first_error(path: Path) -> str:
    """The `error` of the first error record in a JSON Lines output, to say what went wrong."""
    with path.open(encoding="utf-8", errors="replace") as fh:
        for line in fh:
            if '"error"' in line:
                try:
                    return f" (first error: {str(json.loads(line).get('error'))[:200]})"
                except ValueError:
                    return ""
    return ""


def _parses(text: str) -> bool:
    try:
        json.loads(text)
        return True
    except ValueError:
        return False


def _last_line(text: str) -> str:
    lines = [ln.strip() for ln in text.strip().splitlines() if ln.strip()]
    return lines[-1][:160] if lines else ""


# --------------------------------------------------------------------------- benchmarks


def cold_start(cli: Cli, runs: int) -> dict[str, Any]:
    """(a) One article, as a user runs it, vs importing NLTK: alternated, medians."""
    ours_cmd = cli.single(COLD_SEED)
    nltk_cmd = [sys.executable, "-c", "import nltk"]
    ours, nltk_times, failures = [], [], 0
    run(ours_cmd)  # warm the OS file cache for both before measuring
    run(nltk_cmd)
    for _ in range(runs):
        r = run(ours_cmd)
        failures += r["rc"] != 0
        ours.append(r["wall_s"])
        nltk_times.append(run(nltk_cmd)["wall_s"])
    m_ours, m_nltk = median(ours), median(nltk_times)
    return {
        "command": " ".join(ours_cmd), "baseline": " ".join(nltk_cmd), "runs": runs,
        "median_s": m_ours, "nltk_median_s": m_nltk, "failures": failures,
        "ratio": m_ours / m_nltk if m_ours and m_nltk else None,
    }


def core_rate(arts: list[dict[str, Any]], n: int = 600) -> float | None:
    """In-process `summarize` rate (no CLI, no I/O): what the pipeline itself costs."""
    code = (
        "import json,sys,time\n"
        "from incident_cli.core import summarize\n"
        "arts=[json.loads(l) for l in open(sys.argv[1],encoding='utf-8')]\n"
        "summarize(arts[0]['text'])\n"
        "t=time.perf_counter()\n"
        "for a in arts: summarize(a['text'],published=a.get('published'))\n"
        "print(len(arts)/(time.perf_counter()-t))\n"
    )
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "core.jsonl"
        write_batch(arts, n, path)
        proc = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True,
                              text=True, cwd=ROOT, timeout=600)
    try:
        return float(proc.stdout.strip().splitlines()[-1])
    except (ValueError, IndexError):
        return None


def batch_run(cli: Cli, path: Path, n: int, jobs: int | None, repeats: int,
              out: Path) -> dict[str, Any]:
    cmd = cli.batch(path, jobs)
    walls, rss, tree, rcs, lines = [], [], [], [], []
    for _ in range(repeats):
        with out.open("wb") as fh:
            r = run(cmd, stdout=fh, timeout=3600, sample_memory=True)
        walls.append(r["wall_s"])
        rss.append(r["max_rss_mb"])
        tree.append(r["tree_rss_mb"] or 0.0)
        rcs.append(r["rc"])
        lines.append(count_lines(out))
        if r["rc"] != 0:
            cli.notes.append(f"`{' '.join(cmd[-4:])}` exited {r['rc']}: "
                             f"{_last_line(r['stderr'])}{_first_error(out)}")
    # A failed run (error records, a crash) is not a speed figure: keep it out of the median.
    wall = median([w for w, rc in zip(walls, rcs, strict=True) if rc == 0]) or median(walls)
    return {
        "command": " ".join(cmd), "articles": n, "repeats": repeats, "median_s": wall,
        "articles_per_s": n / wall if wall else None, "max_rss_mb": max(rss),
        "tree_rss_mb": max(tree), "exit_codes": rcs, "records_out": lines,
    }


ADVERSARIAL = {
    "1MB article": None,  # built from the articles
    "million digits": lambda: "7" * 1_000_000,
    "100k capitalised words": lambda: " ".join(
        ["Gunmen", "Stormed", "Karachi", "Police", "Station"] * 20_000),
    "200k punctuation": lambda: "!?.,;:-\u2014\"'()" * 20_000,
    "300k whitespace": lambda: " \t\n" * 100_000 + "end",
    "1MB no punctuation line": lambda: "word " * 200_000,
}


def adversarial(cli: Cli, arts: list[dict[str, Any]], tmp: Path) -> list[dict[str, Any]]:
    """(d) Each pathological input through the core (fresh process) and through the CLI."""
    big = ""
    for a in arts:
        big += a["text"] + "\n\n"
        if len(big) >= 1_000_000:
            break
    while len(big) < 1_000_000:
        big += big
    rows = []
    for name, make in ADVERSARIAL.items():
        text = big[:1_000_000] if make is None else make()
        path = tmp / ("adv_" + name.replace(" ", "_") + ".txt")
        path.write_text(text, encoding="utf-8")
        code = (
            "import sys,time\n"
            "from incident_cli.core import summarize\n"
            "summarize('warm up')\n"
            "t=time.perf_counter()\n"
            "summarize(open(sys.argv[1],encoding='utf-8').read(),published='2024-01-01')\n"
            "print(time.perf_counter()-t)\n"
        )
        proc = subprocess.Popen([sys.executable, "-c", code, str(path)], cwd=ROOT,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            so, se = proc.communicate(timeout=TIMEOUT)
            core = float(so.strip().splitlines()[-1]) if proc.returncode == 0 else None
            core_note = "" if core is not None else f"rc={proc.returncode}: {_last_line(se)}"
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.communicate()
            core, core_note = None, f"timeout {TIMEOUT:.0f}s"
        r = run(cli.single(path))
        rows.append({
            "input": name, "bytes": len(text.encode("utf-8")), "core_s": core,
            "core_note": core_note, "cli_s": None if r["timed_out"] else r["wall_s"],
            "cli_rc": r["rc"], "cli_note": ("timeout" if r["timed_out"] else
                                            ("" if r["rc"] == 0 else _last_line(r["stderr"]))),
        })
    return rows


# --------------------------------------------------------------------------- report


def fmt(x: Any, spec: str = ".3f") -> str:
    return "n/a" if x is None else format(x, spec)


def report(res: dict[str, Any]) -> None:
    c = res["cold_start"]
    print(f"\nincident benchmarks  ({res['when']}, {res['machine']}, articles from "
          f"{res['articles_from']})")
    print(f"CLI: {res['cli']}")
    print("\n(a) cold start                          median      target")
    print(f"    {'incident summarize <seed> json':<34}{fmt(c['median_s'])} s")
    baseline = 'python -c "import nltk"'
    print(f"    {baseline:<34}{fmt(c['nltk_median_s'])} s")
    print(f"    {'ratio':<34}{fmt(c['ratio'], '.2f')}x     {TARGETS['cold_start_ratio']}"
          f"   ({c['runs']} runs each, alternated)")
    t = res["throughput"]
    print("\n(b) throughput (5,000 articles)          articles/s   wall")
    print(f"    {'core in-process':<34}{fmt(t.get('core_articles_per_s'), '8.0f')}")
    for key in ("jobs1", "jobs2"):
        b = t.get(key)
        if b:
            print(f"    {key:<34}{fmt(b['articles_per_s'], '8.0f')}   "
                  f"{fmt(b['median_s'], '.1f')} s  (records out {b['records_out']})")
    speedup = fmt(t.get("speedup"), "8.2f") + ("x" if t.get("speedup") else " ")
    print(f"    {'jobs2 / jobs1':<34}{speedup}   target "
          f"{TARGETS['jobs2_speedup']}; jobs1 target {TARGETS['jobs1_articles_per_s']}/s")
    m = res["memory"]
    print("\n(c) memory                        max single RSS   process-tree RSS")
    for key in ("5000", "20000"):
        b = m.get(key)
        if b:
            print(f"    {key + ' articles':<34}{fmt(b['max_rss_mb'], '6.1f')} MB      "
                  f"{fmt(b['tree_rss_mb'], '6.1f')} MB")
    growth = fmt(m.get("growth"), "6.2f") + ("x" if m.get("growth") else " ")
    print(f"    {'growth 20000/5000':<34}{growth}        target "
          f"{TARGETS['peak_rss_mb_20000']} MB, flat")
    print("\n(d) adversarial input                   core s    CLI s     target < 5 s")
    for row in res["adversarial"]:
        note = " ".join(x for x in (row["core_note"], row["cli_note"]) if x)
        print(f"    {row['input']:<34}{fmt(row['core_s'], '7.2f')}  {fmt(row['cli_s'], '7.2f')}"
              f"   {note}")
    if res["notes"]:
        print("\nnotes:")
        for note in res["notes"]:
            print(f"  - {note}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="5 cold starts, 1 batch repeat")
    ap.add_argument("--runs", type=int, help="cold-start runs of each command")
    ap.add_argument("--repeats", type=int, help="repeats of each batch run")
    ap.add_argument("--skip", default="", help="comma list of parts to skip: a,b,c,d")
    args = ap.parse_args(argv)
    runs = args.runs or (5 if args.quick else 15)
    repeats = args.repeats or (1 if args.quick else 3)
    skip = set(args.skip.split(",")) - {""}

    arts, origin = load_articles()
    notes: list[str] = []
    res: dict[str, Any] = {
        "when": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": f"{platform.machine()}, {os.cpu_count()} cpus, Python "
                   f"{platform.python_version()}",
        "argv": sys.argv, "articles_from": origin, "targets": TARGETS, "notes": notes,
        "cold_start": {}, "throughput": {}, "memory": {}, "adversarial": [],
    }
    with tempfile.TemporaryDirectory(prefix="incident-bench-") as tmpname:
        tmp = Path(tmpname)
        cli = Cli(tmp, notes)
        res["cli"] = " ".join(cli.cmd)
        if "a" not in skip:
            print("(a) cold start ...", file=sys.stderr)
            res["cold_start"] = cold_start(cli, runs)
        else:
            res["cold_start"] = {"median_s": None, "nltk_median_s": None, "ratio": None,
                                 "runs": 0}
        batch_out = tmp / "batch.out"
        if cli.jsonl_ok and ("b" not in skip or "c" not in skip):
            small = tmp / f"batch{BATCH}.jsonl"
            write_batch(arts, BATCH, small)
            print("(b) throughput ...", file=sys.stderr)
            res["throughput"]["core_articles_per_s"] = core_rate(arts)
            jobs1 = batch_run(cli, small, BATCH, 1, repeats, batch_out)
            res["throughput"]["jobs1"] = jobs1
            res["memory"]["5000"] = jobs1
            if cli.jobs_ok and "b" not in skip:
                jobs2 = batch_run(cli, small, BATCH, 2, repeats, batch_out)
                res["throughput"]["jobs2"] = jobs2
                if jobs1["articles_per_s"] and jobs2["articles_per_s"]:
                    res["throughput"]["speedup"] = (jobs2["articles_per_s"]
                                                    / jobs1["articles_per_s"])
            if "c" not in skip:
                print("(c) memory ...", file=sys.stderr)
                big = tmp / f"batch{BIG_BATCH}.jsonl"
                write_batch(arts, BIG_BATCH, big)
                res["memory"]["20000"] = batch_run(cli, big, BIG_BATCH, 1, 1, batch_out)
                a, b = res["memory"]["5000"], res["memory"]["20000"]
                res["memory"]["growth"] = b["max_rss_mb"] / a["max_rss_mb"] \
                    if a["max_rss_mb"] else None
        if "d" not in skip:
            print("(d) adversarial ...", file=sys.stderr)
            res["adversarial"] = adversarial(cli, arts, tmp)

    OUT.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    for name in (f"results-{stamp}.json", "latest.json"):
        (OUT / name).write_text(json.dumps(res, indent=2) + "\n", encoding="utf-8")
    report(res)
    print(f"\nsaved benchmarks/out/results-{stamp}.json")
    return 0


if __name__ == "__main__":
    sys.exit(main())
