"""The load test of the scale-out layout (issue #19): PostgreSQL, Redis as the shared
cache, two web processes (two gunicorn instances, one sync worker each), 64
connections for 60 s, a mix of anonymous and signed-in pages.

    .venv/bin/python -m benchmarks.pg_load \\
        --database-url postgres://postgres@127.0.0.1:5432/harambee_load --scale 10000 \\
        [--duration 60] [--connections 64] [--cache-url redis://127.0.0.1:6379/15]

The database is migrated, and generated (``harambee generate --scale N``) if it holds no
content. The Redis database is emptied first. Half the connections load each web
process (two wrk runs side by side), every request the next address of the mix:
``var/bench/results/pg_load-<scale>.json`` keeps every figure. Only ever binds and loads
127.0.0.1; every wrk run is bounded by --duration.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.common import machine, percentile, save  # noqa: E402
from benchmarks.data import BENCH_DIR, bench_env  # noqa: E402
from benchmarks.throughput import BIN, member_cookie, start_gunicorn, stop, warm, wrk  # noqa: E402

MIX_LUA = r"""
local lines = {}
init = function(args)
  for line in io.lines(args[1]) do
    local path, cookie = line:match("^([^\t]*)\t(.*)$")
    table.insert(lines, {path, cookie})
  end
  counter = math.random(#lines)
end
request = function()
  counter = counter % #lines + 1
  local entry = lines[counter]
  local headers = {}
  if entry[2] ~= "" then headers["Cookie"] = entry[2] end
  return wrk.format("GET", entry[1], headers)
end
"""

PICK = """
from harambee.core.models import Content, Comment
from harambee.spaces.models import Post
from django.db.models import Count
busy = (Post.objects.filter(visibility="public", removed=False)
        .annotate(n=Count("comments")).order_by("-n").values_list("pk", flat=True)[:3])
print(" ".join(str(pk) for pk in busy))
"""


def harambee(env: dict[str, str], *args: str) -> str:
    return subprocess.run(
        [str(BIN / "harambee"), *args], env=env, capture_output=True, text=True, check=True
    ).stdout


def create_database(url: str) -> None:
    """CREATE DATABASE when the URL names one the server does not have yet."""
    import psycopg
    from psycopg import sql

    name = url.rsplit("/", 1)[1].split("?")[0]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def prepare(env: dict[str, str], scale: int) -> list[int]:
    create_database(env["DATABASE_URL"])
    harambee(env, "migrate", "--noinput", "-v0")
    count = harambee(
        env,
        "shell",
        "-c",
        "from harambee.core.models import Content; print(Content.objects.count())",
    )
    if int(count.strip().splitlines()[-1]) == 0:
        print(f"generating {scale:,} items on PostgreSQL…", file=sys.stderr)
        harambee(env, "generate", "--scale", str(scale))
    harambee(env, "collectstatic", "--noinput", "-v0")
    return [int(pk) for pk in harambee(env, "shell", "-c", PICK).strip().splitlines()[-1].split()]


def run_wrk(base: str, mix: Path, script: Path, connections: int, duration: int) -> dict:
    return wrk(base, connections, duration, threads=1, script=script, script_args=(str(mix),))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--scale", type=int, default=10000)
    parser.add_argument("--duration", type=int, default=60)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--cache-url", default="redis://127.0.0.1:6379/15")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: apt-get install -y wrk")
    import redis

    redis.Redis.from_url(args.cache_url).flushdb()
    var = BENCH_DIR / "var" / "pg_load"
    env = bench_env(
        DATABASE_URL=args.database_url,
        HARAMBEE_CACHE_URL=args.cache_url,
        HARAMBEE_VAR_DIR=str(var),
        HARAMBEE_DB_CONN_MAX_AGE="600",
    )
    threads = prepare(env, args.scale)
    cookies = [member_cookie(env, pk) for pk in threads]
    mix = [("/", ""), ("/forum/", ""), ("/library/", ""), ("/spaces/", "")]
    for pk, cookie in zip(threads, cookies, strict=True):
        mix += [(f"/posts/{pk}/", ""), (f"/posts/{pk}/", cookie), ("/", cookie)]
    mix += [("/forum/", cookies[0]), ("/library/", cookies[0]), ("/search/?q=water", "")]
    logs = Path(tempfile.mkdtemp(prefix="pg_load-"))
    # Each web process logs every request's server time (gunicorn's %(D)s, microseconds
    # from reading the request to the last byte of the response, without the time it
    # waited in the listen queue): the budget is server time; wrk's latency adds queueing.
    access = [logs / f"web{i}.log" for i in range(2)]
    web = [
        start_gunicorn(
            "harambee.wsgi",
            env,
            workers=1,
            extra=(
                "--access-logfile",
                str(log),
                "--access-logformat",
                # time, status, address, and whether a session cookie came with it
                "%(D)s %(s)s %(U)s?%(q)s %({cookie}i)s",
            ),
        )
        for log in access
    ]
    result: dict[str, Any] = {
        "scale": args.scale,
        "duration": args.duration,
        "connections": args.connections,
        "mix": [path + (" (signed in)" if cookie else "") for path, cookie in mix],
        "machine": machine(),
    }
    try:
        with tempfile.TemporaryDirectory() as tmp:
            mix_file, script = Path(tmp) / "mix.tsv", Path(tmp) / "mix.lua"
            mix_file.write_text("".join(f"{p}\t{c}\n" for p, c in mix))
            script.write_text(MIX_LUA)
            for _proc, base in web:
                for path, cookie in mix:
                    warm(base + path, n=3, cookie=cookie)
            warmed = [log.stat().st_size for log in access]
            half = args.connections // 2
            with ThreadPoolExecutor(2) as pool:
                runs = list(
                    pool.map(
                        lambda b: run_wrk(b, mix_file, script, half, args.duration),
                        [base for _proc, base in web],
                    )
                )
        result["loadavg_after"] = os.getloadavg()[0]
    finally:
        for proc, _base in web:
            stop(proc)
    server_ms = []
    by_page: dict[str, list[float]] = {}
    for log, offset in zip(access, warmed, strict=True):
        with log.open() as lines:
            lines.seek(offset)
            for line in lines:
                if not line.strip():
                    continue
                micros, _status, address, *cookie = line.split(" ", 3)
                ms = int(micros) / 1000
                server_ms.append(ms)
                signed_in = bool(cookie) and cookie[0].strip() not in ("", "-")
                page = address.rstrip("?") + (" (signed in)" if signed_in else "")
                by_page.setdefault(page, []).append(ms)
    shutil.rmtree(logs, ignore_errors=True)
    result["server_requests"] = len(server_ms)
    for pct in (50, 90, 99):
        result[f"server_p{pct}"] = round(percentile(server_ms, pct), 2)
    # Which pages make the tail: each address of the mix with its own server times.
    result["server_by_page"] = {
        page: {
            "requests": len(times),
            "p50": round(percentile(times, 50), 2),
            "p99": round(percentile(times, 99), 2),
        }
        for page, times in sorted(by_page.items(), key=lambda kv: -percentile(kv[1], 99))
    }
    result["runs"] = runs
    result["rps"] = sum(r["rps"] for r in runs)
    result["requests"] = sum(r["requests"] for r in runs)
    result["errors"] = sum(r["non_2xx"] + r["socket_errors"] for r in runs)
    result["p99_worst"] = max(r["p99"] or 0 for r in runs)
    result["p50_mean"] = percentile([r["p50"] or 0 for r in runs], 50)
    save(f"pg_load-{args.scale}", result)
    print(
        json.dumps(
            {
                k: result[k]
                for k in (
                    "scale",
                    "connections",
                    "rps",
                    "requests",
                    "errors",
                    "p50_mean",
                    "p99_worst",
                    "server_p50",
                    "server_p99",
                    "loadavg_after",
                )
            },
            indent=1,
        )
    )
    for page, figures in result["server_by_page"].items():
        print(
            f"  {page:<36} {figures['requests']:>6} requests  "
            f"server p50 {figures['p50']:7.2f} ms  p99 {figures['p99']:7.2f} ms",
            file=sys.stderr,
        )


if __name__ == "__main__":
    main()
