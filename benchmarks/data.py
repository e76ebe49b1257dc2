"""Generated benchmark databases, cached in ``var/bench/<scale>.sqlite3``.

Each database is built by ``harambee migrate`` and ``harambee generate --scale N`` in a
child process, under a temporary name, and renamed into place only when complete, so
an interrupted run never leaves a half-filled database behind for the next one.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = ROOT / "var" / "bench"
HARAMBEE = str(Path(sys.executable).with_name("harambee"))


def db_path(scale: int) -> Path:
    return BENCH_DIR / f"{scale}.sqlite3"


def bench_env(scale: int | None = None, **extra: str) -> dict[str, str]:
    """The environment every benchmark process runs in: production settings (no debug),
    SQLite at the cached database, a local-memory cache, quiet logs."""
    env = dict(os.environ)
    env.update(
        HARAMBEE_VAR_DIR=str(BENCH_DIR / "var"),
        DJANGO_SETTINGS_MODULE="harambee.settings",
        HARAMBEE_STEWARD_MFA="false",
        HARAMBEE_CACHE_URL="locmem://",
        HARAMBEE_LOG_LEVEL="WARNING",
        HARAMBEE_DEBUG="false",
        HARAMBEE_TASKS="immediate",
        PYTHONPATH=str(ROOT),
    )
    env.pop("DATABASE_URL", None)
    if scale is not None:
        env["DATABASE_URL"] = f"sqlite:///{db_path(scale)}"
    env.update(extra)
    return env


def ensure_db(scale: int, *, regenerate: bool = False) -> tuple[Path, float | None]:
    """The path of the database for ``scale``, built if missing (or if ``regenerate``).
    Returns the path and the seconds generation took (None when it came from the cache)."""
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    final = db_path(scale)
    if final.exists() and not regenerate:
        return final, None
    partial = BENCH_DIR / f"{scale}.partial.sqlite3"
    for path in (partial, final):
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    env = bench_env(DATABASE_URL=f"sqlite:///{partial}")
    subprocess.run([HARAMBEE, "migrate", "--noinput", "-v0"], env=env, check=True)
    started = time.perf_counter()
    subprocess.run([HARAMBEE, "generate", "--scale", str(scale)], env=env, check=True)
    seconds = time.perf_counter() - started
    # Fold the write-ahead log into the file before renaming it.
    import sqlite3

    with sqlite3.connect(partial) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    for suffix in ("-wal", "-shm"):
        Path(f"{partial}{suffix}").unlink(missing_ok=True)
    partial.rename(final)
    (BENCH_DIR / f"{scale}.generate-seconds").write_text(f"{seconds:.1f}\n")
    return final, seconds


def generation_seconds(scale: int) -> float | None:
    path = BENCH_DIR / f"{scale}.generate-seconds"
    try:
        return float(path.read_text())
    except (OSError, ValueError):
        return None


if __name__ == "__main__":
    for arg in sys.argv[1:]:
        print(ensure_db(int(arg), regenerate=True))
