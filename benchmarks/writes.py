"""Write latency through the services, and sustained writes per second, on SQLite.

    python -m benchmarks.writes --scale 1000000 [--writes 300] [--seconds 10]

Works on a throw-away copy of the cached generated database, so the cache stays as
generated. Each write is one call to ``harambee.spaces.services.post_create`` or
``harambee.core.services.comment_create`` (each its own transaction, committed with
``synchronous=NORMAL`` in WAL mode, as in production).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.common import percentile, save  # noqa: E402
from benchmarks.data import BENCH_DIR, ensure_db  # noqa: E402

BODY = (
    "We met the district officers again.\n\n- what we tried\n- what happened\n\n"
    "**Next:** take it to the forum."
)


def summary(timings: list[float]) -> dict[str, float]:
    return {
        "n": len(timings),
        "p50": percentile(timings, 50),
        "p95": percentile(timings, 95),
        "p99": percentile(timings, 99),
        "mean": statistics.mean(timings),
    }


def measure(scale: int, writes: int, seconds: float) -> dict:
    import django

    django.setup()
    from harambee.core.models import Content
    from harambee.core.services import comment_create
    from harambee.people.roles import SpaceRole
    from harambee.spaces.models import Membership
    from harambee.spaces.services import post_create

    lead = Membership.objects.filter(role=SpaceRole.LEAD).select_related("space", "user").first()
    author, space = lead.user, lead.space
    target = Content.objects.filter(space=space, visibility="space", removed=False).first()

    def one_post(i: int):
        return post_create(
            author=author, space=space, title=f"Bench post {i}", body=BODY, visibility="space"
        )

    def one_comment(i: int):
        return comment_create(author=author, content=target, body=f"Bench comment {i}: agreed.")

    for i in range(20):  # warm
        one_post(i)
        one_comment(i)
    result: dict = {"scale": scale, "content": Content.objects.count()}
    for name, fn in (("post_create", one_post), ("comment_create", one_comment)):
        timings = []
        for i in range(writes):
            t0 = time.perf_counter()
            fn(i)
            timings.append((time.perf_counter() - t0) * 1000)
        result[name] = summary(timings)
        print(
            f"  {name:<15} p50 {result[name]['p50']:.2f} ms  p95 {result[name]['p95']:.2f} ms",
            file=sys.stderr,
        )
    # Sustained: posts and comments alternately, one process, for a fixed time.
    done, t0 = 0, time.perf_counter()
    while time.perf_counter() - t0 < seconds:
        one_post(done)
        one_comment(done)
        done += 2
    elapsed = time.perf_counter() - t0
    result["sustained"] = {"writes": done, "seconds": elapsed, "per_second": done / elapsed}
    result["loadavg_after"] = os.getloadavg()[0]
    print(f"  sustained       {done / elapsed:.0f} writes/s", file=sys.stderr)
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=int, required=True)
    parser.add_argument("--writes", type=int, default=300)
    parser.add_argument("--seconds", type=float, default=10)
    args = parser.parse_args()
    source, _ = ensure_db(args.scale)
    copy = BENCH_DIR / f"writes-{args.scale}.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{copy}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(source, copy)
    os.environ["DATABASE_URL"] = f"sqlite:///{copy}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "harambee.settings")
    try:
        result = measure(args.scale, args.writes, args.seconds)
    finally:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{copy}{suffix}").unlink(missing_ok=True)
    save(f"writes-{args.scale}", result)


if __name__ == "__main__":
    main()
