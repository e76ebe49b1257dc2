"""Requests per second under gunicorn (2 sync workers) on 127.0.0.1, loaded with wrk,
against a bare Django hello-world served the same way in the same run; then the
peak memory of each process.

    python -m benchmarks.throughput --scale 100000 [--duration 15] [--connections 16,64]
        [--with-worker]

Only ever binds and loads 127.0.0.1. Every wrk run is bounded by --duration.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.common import children, read_status, save  # noqa: E402
from benchmarks.data import BENCH_DIR, bench_env, ensure_db  # noqa: E402

BIN = Path(sys.executable).parent
HOST = "127.0.0.1"
UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def start_gunicorn(
    app: str, env: dict[str, str], workers: int = 2, extra: tuple[str, ...] = ()
) -> tuple[subprocess.Popen, str]:
    port = free_port()
    proc = subprocess.Popen(
        [
            str(BIN / "gunicorn"),
            app,
            "--bind",
            f"{HOST}:{port}",
            "--workers",
            str(workers),
            "--log-level",
            "warning",
            "--chdir",
            str(ROOT),
            *extra,
        ],
        env=env,
    )
    base = f"http://{HOST}:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(base + "/", timeout=5).read()  # noqa: S310
            return proc, base
        except OSError:
            if proc.poll() is not None:
                raise RuntimeError(f"gunicorn {app} exited with {proc.returncode}") from None
            time.sleep(0.3)
    stop(proc)
    raise RuntimeError(f"gunicorn {app} did not answer within 60 s")


def stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def warm(url: str, n: int = 40, cookie: str = "") -> None:
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    for _ in range(n):
        with urllib.request.urlopen(request, timeout=30) as r:  # noqa: S310
            r.read()
            assert r.status == 200, (url, r.status)


def _ms(text: str) -> float:
    m = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text.strip())
    if not m:
        return float("nan")
    return float(m.group(1)) * UNITS[m.group(2)]


def wrk(
    url: str,
    connections: int,
    duration: int,
    threads: int = 2,
    cookie: str = "",
    script: Path | None = None,
    script_args: tuple[str, ...] = (),
) -> dict[str, Any]:
    """One wrk run (bounded by ``duration``), parsed: req/s, latency percentiles,
    requests, non-2xx/3xx answers and socket errors; ``script`` is a Lua request
    script, given ``script_args``."""
    out = subprocess.run(
        [
            "wrk",
            f"-t{threads}",
            f"-c{connections}",
            f"-d{duration}s",
            "--timeout",
            "5s",
            "--latency",
            *(["-H", f"Cookie: {cookie}"] if cookie else []),
            *(["-s", str(script)] if script else []),
            url,
            *(["--", *script_args] if script_args else []),
        ],
        capture_output=True,
        text=True,
        timeout=duration + 60,
        check=True,
    ).stdout
    result: dict[str, Any] = {
        "url": url,
        "connections": connections,
        "duration": duration,
        "loadavg_after": os.getloadavg()[0],
    }
    m = re.search(r"Requests/sec:\s+([\d.]+)", out)
    result["rps"] = float(m.group(1)) if m else 0.0
    for pct in ("50", "75", "90", "99"):
        m = re.search(rf"^\s+{pct}%\s+(\S+)", out, re.MULTILINE)
        result[f"p{pct}"] = _ms(m.group(1)) if m else None
    m = re.search(r"(\d+) requests in", out)
    result["requests"] = int(m.group(1)) if m else 0
    m = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    result["non_2xx"] = int(m.group(1)) if m else 0
    m = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    result["socket_errors"] = sum(int(g) for g in m.groups()) if m else 0
    result["errors"] = result["non_2xx"] + result["socket_errors"]
    result["raw"] = out
    print(
        f"  wrk -c{connections:<3} {url:<50} {result['rps']:8.1f} req/s  "
        f"p99 {result['p99']} ms  errors {result['errors']}",
        file=sys.stderr,
    )
    return result


def busy_public_post(db: Path) -> int:
    import sqlite3

    with sqlite3.connect(db) as conn:
        row = conn.execute(
            "SELECT c.content_id FROM core_comment c JOIN core_content i ON i.id = c.content_id "
            "WHERE i.visibility = 'public' AND i.removed = 0 GROUP BY c.content_id "
            "ORDER BY COUNT(*) DESC LIMIT 1"
        ).fetchone()
    return int(row[0])


MEMBER_SESSION = """
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.utils.module_loading import import_string
from harambee.core.visibility import can_view
from harambee.people.models import User
from harambee.spaces.models import Post
post = Post.objects.get(pk={post_id})
member = User.objects.get(pk={user_id}) if {user_id} else next(
    u for u in User.objects.filter(is_active=True, role="member").order_by("pk")[:200]
    if can_view(u, post)
)
store = import_string(settings.SESSION_ENGINE + ".SessionStore")()
store[SESSION_KEY] = str(member.pk)
store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
store[HASH_SESSION_KEY] = member.get_session_auth_hash()
store.create()
print(f"{{settings.SESSION_COOKIE_NAME}}={{store.session_key}}")
"""


FIXTURES = """
from benchmarks.fixtures import ensure_threads
threads = ensure_threads()
print(threads["own"].pk, threads["member"].pk)
"""


def own_thread(env: dict[str, str]) -> tuple[int, int]:
    """The thread whose 50 replies one member wrote, and that member (benchmarks/fixtures.py)."""
    out = subprocess.run(
        [str(BIN / "harambee"), "shell", "-c", FIXTURES],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    post_id, user_id = out.strip().splitlines()[-1].split()
    return int(post_id), int(user_id)


def member_cookie(env: dict[str, str], post_id: int, user_id: int = 0) -> str:
    """A signed-in member's session cookie (``user_id``, or a member who may read the
    post), made with the app's own session store, so wrk can load the page as they see it."""
    out = subprocess.run(
        [
            str(BIN / "harambee"),
            "shell",
            "-c",
            MEMBER_SESSION.format(post_id=post_id, user_id=user_id),
        ],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return out.strip().splitlines()[-1]


def memory_of(proc: subprocess.Popen) -> dict[str, Any]:
    master = proc.pid
    workers = children(master)
    return {
        "master_kb": read_status(master),
        "workers_kb": [read_status(pid) for pid in workers],
    }


def run(scale: int, duration: int, connections: list[int], with_worker: bool) -> dict[str, Any]:
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: apt-get install -y wrk")
    db, _ = ensure_db(scale)
    post_id = busy_public_post(db)
    result: dict[str, Any] = {"scale": scale, "duration": duration, "runs": {}}

    hello, base = start_gunicorn("benchmarks.hello.wsgi", bench_env())
    try:
        warm(base + "/")
        result["runs"]["hello"] = [wrk(base + "/", c, duration) for c in connections]
    finally:
        stop(hello)

    # The production default: a file cache shared by the workers, so anonymous pages
    # come from the anonymous page cache (a local-memory cache turns it off).
    cache_dir = BENCH_DIR / "var" / f"cache-throughput-{scale}"
    shutil.rmtree(cache_dir, ignore_errors=True)
    env = bench_env(scale, HARAMBEE_CACHE_URL=f"file://{cache_dir}")
    cookie = member_cookie(env, post_id)
    own_id, writer_id = own_thread(env)
    writer_cookie = member_cookie(env, own_id, writer_id)
    worker = None
    if with_worker:
        worker = subprocess.Popen(
            [str(BIN / "harambee"), "worker"],
            env={**env, "HARAMBEE_TASKS": "database"},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
    app, base = start_gunicorn("harambee.wsgi", env)
    try:
        targets = {
            "post": (f"{base}/posts/{post_id}/", ""),
            "post_member": (f"{base}/posts/{post_id}/", cookie),
            "post_own": (f"{base}/posts/{own_id}/", writer_cookie),
            "home_anonymous": (f"{base}/", ""),
        }
        for name, (url, with_cookie) in targets.items():
            warm(url, cookie=with_cookie)
            result["runs"][name] = [wrk(url, c, duration, cookie=with_cookie) for c in connections]
        result["memory"] = memory_of(app)
        if worker is not None and worker.poll() is None:
            result["memory"]["task_worker_kb"] = read_status(worker.pid)
    finally:
        stop(app)
        if worker is not None:
            stop(worker)
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=int, required=True)
    parser.add_argument("--duration", type=int, default=15)
    parser.add_argument("--connections", default="16,64")
    parser.add_argument("--with-worker", action="store_true")
    args = parser.parse_args()
    conns = [int(c) for c in args.connections.split(",")]
    result = run(args.scale, args.duration, conns, args.with_worker)
    save(f"throughput-{args.scale}", result)


if __name__ == "__main__":
    main()
