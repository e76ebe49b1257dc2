"""Search: query latency, index size against raw text, rebuild throughput.

    .venv/bin/python benchmarks/search.py [--scales 100000,1000000] [--runs 30]
    .venv/bin/python benchmarks/search.py --db var/bench/100000.sqlite3 --scales 100000
    .venv/bin/python benchmarks/search.py --database-url postgres://.../harambee_bench

For each scale it copies the generated database (``benchmarks/data.py``, or ``--db``)
to ``var/bench/search-<scale>.sqlite3``, migrates the copy (this adds the index),
times ``harambee search rebuild`` on it, then, in a child process with Django set up
on the copy, times ``harambee.search.selectors.search`` — the whole work of a results
page: the gated, ranked page of ids, the total and facets, snippets, and the items —
for a mix of queries as an anonymous reader and as a member of several spaces.
Results go to ``var/bench/results/search-<scale>.json``; a Markdown table is printed.

``--database-url`` measures a database that ``harambee generate`` filled (and
indexed) as it is, without copying or rebuilding it: how PostgreSQL is measured.
There the search runs in the server's backend process, so the CPU time reported is
this process's plus the backend's (``/proc/<pid>/schedstat``, the server being
local), with parallel query workers turned off for the session so that no work runs
in other processes. On SQLite a further pass times each search on a fresh connection, as a
request runs with the settings' ``CONN_MAX_AGE = 0``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import common  # noqa: E402
from benchmarks.data import BENCH_DIR, HARAMBEE, bench_env, ensure_db  # noqa: E402

# What people type, from most to least common in the generated text: words in nearly
# every item, topic words, a rare number, phrases, alternatives, exclusions, prefixes.
QUERIES = [
    "community",
    "savings groups",
    "cocoa",
    '"shade trees"',
    "radio OR savings",
    "women -radio",
    "educ",
    "13318",
    "nothingmatchesthis",
    "water harvesting farmers",
]
WARMUP = 3
# Misspellings: the results page then also looks for a "did you mean" (suggest.py).
MISSPELT = ["comunity", "savngs grups", "cocao", "radoi", "wter harvesting"]


def prepare(scale: int, source: Path | None) -> tuple[Path, dict]:
    """A migrated copy of the generated database with a freshly rebuilt index."""
    if source is None:
        source, _ = ensure_db(scale)
    copy = BENCH_DIR / f"search-{scale}.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{copy}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(source, copy)
    env = bench_env(DATABASE_URL=f"sqlite:///{copy}")
    subprocess.run([HARAMBEE, "migrate", "--noinput", "-v0"], env=env, check=True)
    started = time.perf_counter()
    done = subprocess.run(
        [HARAMBEE, "search", "rebuild"], env=env, check=True, capture_output=True, text=True
    )
    seconds = time.perf_counter() - started
    sys.stderr.write(done.stderr)
    with sqlite3.connect(copy) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        entries = conn.execute("SELECT count(*) FROM search_entry").fetchone()[0]
    conn.close()
    return copy, {"rebuild_seconds": seconds, "entries": entries}


def _cpu_ns(pid: int) -> int:
    """Nanoseconds process ``pid`` has run on a CPU (Linux)."""
    with open(f"/proc/{pid}/schedstat") as f:
        return int(f.read().split()[0])


def measure(runs: int) -> dict:
    """In the child process: sizes and latencies on the database in DATABASE_URL."""
    import django

    django.setup()
    from django.db import connection

    backend_pid: list[int] = []  # PostgreSQL: the server process of this connection

    def cpu_now() -> float:
        """Seconds of CPU: this process's, plus its PostgreSQL backend's."""
        spent = time.process_time()
        if connection.vendor == "postgresql":
            if connection.connection is None or not backend_pid:
                connection.ensure_connection()
                with connection.cursor() as cursor:
                    cursor.execute("SELECT pg_backend_pid()")
                    backend_pid[:] = [cursor.fetchone()[0]]
            spent += _cpu_ns(backend_pid[0]) / 1e9
        return spent

    from harambee.people.models import User
    from harambee.search import backends
    from harambee.search.selectors import search
    from harambee.spaces.models import Membership

    sqlite = connection.vendor == "sqlite"
    with connection.cursor() as cursor:
        if not sqlite:
            # No parallel workers: their CPU time would not be counted (see above).
            cursor.execute("SET max_parallel_workers_per_gather = 0")
        cursor.execute(
            "SELECT coalesce(sum(length(CAST(title AS BLOB)) + length(CAST(body AS BLOB))), 0) "
            "FROM search_entry"
            if sqlite
            else "SELECT coalesce(sum(octet_length(title) + octet_length(body)), 0) "
            "FROM search_entry"
        )
        raw = int(cursor.fetchone()[0])
        cursor.execute(
            "SELECT page_count * page_size FROM pragma_page_count, pragma_page_size"
            if sqlite
            else "SELECT pg_database_size(current_database())"
        )
        db_bytes = int(cursor.fetchone()[0])
        cursor.execute("SELECT count(*) FROM search_entry")
        entries = int(cursor.fetchone()[0])
        version = (
            f"SQLite {connection.Database.sqlite_version}"
            if sqlite
            else f"PostgreSQL {connection.pg_version // 10000}.{connection.pg_version % 10000}"
        )
        cursor.execute("SELECT count(*) FROM core_content")
        items = int(cursor.fetchone()[0])
    index = backends.index_bytes(connection)
    busiest = (
        Membership.objects.values("user_id")
        .order_by()
        .annotate(n=django.db.models.Count("id"))
        .order_by("-n")
        .first()
    )
    member = User.objects.get(pk=busiest["user_id"])
    from django.contrib.auth.models import AnonymousUser

    readers = {"anonymous": AnonymousUser(), "member": member}
    rows = []
    everything: list[float] = []
    # CPU time of this process (SQLite runs in it; PostgreSQL's backend is added):
    # what a search costs on an idle core, less sensitive than wall time to other
    # work on a shared machine.
    everything_cpu: list[float] = []
    fresh_cpu: list[float] = []
    for query in QUERIES:
        for label, user in readers.items():
            for _ in range(WARMUP):
                search(user=user, text=query)
            times, cpu = [], []
            for _ in range(runs):
                started, started_cpu = time.perf_counter(), cpu_now()
                results = search(user=user, text=query)
                times.append((time.perf_counter() - started) * 1000)
                cpu.append((cpu_now() - started_cpu) * 1000)
            if sqlite:
                # As a request does: a new connection (and an empty page cache).
                for _ in range(max(5, runs // 4)):
                    connection.close()
                    started_cpu = time.process_time()
                    search(user=user, text=query)
                    fresh_cpu.append((time.process_time() - started_cpu) * 1000)
            everything += times
            everything_cpu += cpu
            rows.append(
                {
                    "query": query,
                    "reader": label,
                    "total": results.total,
                    "capped": results.capped,
                    "p50_ms": common.percentile(times, 50),
                    "p95_ms": common.percentile(times, 95),
                    "cpu_p50_ms": common.percentile(cpu, 50),
                    "cpu_p95_ms": common.percentile(cpu, 95),
                }
            )
    # A misspelt search, as the results page runs it: the search, then (with fewer
    # than ``SUGGEST_BELOW`` results) the suggestion.
    from harambee.search.suggest import SUGGEST_BELOW, suggest

    misspelt = []
    for query in MISSPELT:
        for label, user in readers.items():
            offered = None
            cpu = []
            for n in range(WARMUP + runs):
                started_cpu = cpu_now()
                results = search(user=user, text=query)
                if results.total < SUGGEST_BELOW and not results.capped:
                    offered = suggest(user=user, text=query, found=results.total)
                if n >= WARMUP:
                    cpu.append((cpu_now() - started_cpu) * 1000)
            misspelt.append(
                {
                    "query": query,
                    "reader": label,
                    "suggestion": offered.text if offered else "",
                    "cpu_p50_ms": common.percentile(cpu, 50),
                    "cpu_p95_ms": common.percentile(cpu, 95),
                }
            )
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM search_vocab")
        vocabulary = int(cursor.fetchone()[0])
    return {
        "load_average": os.getloadavg(),
        "engine": version,
        "vocabulary": vocabulary,
        "misspelt": misspelt,
        "entries": entries,
        "items": items,
        "raw_text_bytes": raw,
        "index_bytes": index,
        "database_bytes": db_bytes,
        "member_spaces": busiest["n"],
        "queries": rows,
        "p50_ms": common.percentile(everything, 50),
        "p95_ms": common.percentile(everything, 95),
        "cpu_p50_ms": common.percentile(everything_cpu, 50),
        "cpu_p95_ms": common.percentile(everything_cpu, 95),
        **(
            {
                "fresh_cpu_p50_ms": common.percentile(fresh_cpu, 50),
                "fresh_cpu_p95_ms": common.percentile(fresh_cpu, 95),
            }
            if fresh_cpu
            else {}
        ),
    }


def table(result: dict) -> str:
    mb = 1024 * 1024
    lines = [
        f"- {result.get('engine', 'SQLite')}: {result['items']:,} content items; "
        f"{result['entries']:,} index entries (items and comments)",
        *(
            [
                f"- rebuild: {result['rebuild_seconds']:.1f} s, "
                f"{result['entries'] / result['rebuild_seconds']:,.0f} entries/s"
            ]
            if result.get("rebuild_seconds")
            else []
        ),
        f"- raw text {result['raw_text_bytes'] / mb:.1f} MB; full-text index "
        f"{result['index_bytes'] / mb:.1f} MB "
        f"({result['index_bytes'] / max(result['raw_text_bytes'], 1):.2f} × raw text)",
        f"- all queries: p50 {result['p50_ms']:.1f} ms, p95 {result['p95_ms']:.1f} ms "
        f"(load average {', '.join(f'{x:.1f}' for x in result['load_average'])} at the end); "
        f"CPU time p50 {result['cpu_p50_ms']:.1f} ms, p95 {result['cpu_p95_ms']:.1f} ms",
        *(
            [
                f"- on a fresh connection each (as a request): CPU time p50 "
                f"{result['fresh_cpu_p50_ms']:.1f} ms, p95 {result['fresh_cpu_p95_ms']:.1f} ms"
            ]
            if "fresh_cpu_p50_ms" in result
            else []
        ),
        "",
        "| query | reader | results | p50 ms | p95 ms | CPU p50 ms | CPU p95 ms |",
        "|---|---|--:|--:|--:|--:|--:|",
    ]
    for row in result["queries"]:
        lines.append(
            f"| `{row['query']}` | {row['reader']} | {row['total']:,}"
            f"{'+' if row.get('capped') else ''} | "
            f"{row['p50_ms']:.1f} | {row['p95_ms']:.1f} | "
            f"{row['cpu_p50_ms']:.1f} | {row['cpu_p95_ms']:.1f} |"
        )
    if result.get("misspelt"):
        lines += [
            "",
            f"Misspelt searches with their suggestion (vocabulary of "
            f"{result.get('vocabulary', 0):,} words):",
            "",
            "| query | reader | suggestion | CPU p50 ms | CPU p95 ms |",
            "|---|---|---|--:|--:|",
        ]
        for row in result["misspelt"]:
            shown = f"`{row['suggestion']}`" if row["suggestion"] else "none"
            lines.append(
                f"| `{row['query']}` | {row['reader']} | {shown} | "
                f"{row['cpu_p50_ms']:.1f} | {row['cpu_p95_ms']:.1f} |"
            )
    return "\n".join(lines)


def run_child(url: str, runs: int) -> dict:
    """``measure`` in a child process with Django set up on ``url``."""
    child = subprocess.run(
        [sys.executable, "-m", "benchmarks.search", "--measure", "--runs", str(runs)],
        env=bench_env(DATABASE_URL=url),
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(child.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", default="100000")
    parser.add_argument("--db", type=Path, help="Use this generated database (one scale).")
    parser.add_argument("--runs", type=int, default=30, help="Timed runs per query and reader.")
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="Measure the copy left by an earlier run again (keeps its rebuild figures).",
    )
    parser.add_argument(
        "--database-url",
        help="Measure this generated and indexed database as it is (e.g. PostgreSQL).",
    )
    parser.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.runs)))
        return
    if args.database_url:
        result = {**run_child(args.database_url, args.runs), "machine": common.machine()}
        engine = "postgres" if args.database_url.startswith("postgres") else "sqlite"
        common.save(f"search-{engine}-{result['items']}", result)
        print(f"### {result['items']:,} content items\n\n{table(result)}\n")
        return
    for scale in [int(s) for s in args.scales.split(",") if s]:
        earlier = common.load(f"search-{scale}")
        copy = BENCH_DIR / f"search-{scale}.sqlite3"
        if args.reuse and earlier and copy.exists():
            built = {k: earlier[k] for k in ("rebuild_seconds", "entries")}
        else:
            copy, built = prepare(scale, args.db)
        result = {
            **run_child(f"sqlite:///{copy}", args.runs),
            **built,
            "machine": common.machine(),
        }
        common.save(f"search-{scale}", result)
        print(f"### {scale:,} content items\n\n{table(result)}\n")


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "harambee.settings")
    main()
