"""Facilitation insights at scale: the worker's refresh, then the pages that read it.

    .venv/bin/python benchmarks/insights.py [--scale 1000000] [--requests 200]
    .venv/bin/python benchmarks/insights.py --db var/bench/1000000.sqlite3 --scale 1000000
    .venv/bin/python benchmarks/insights.py --scale 1000000 --reuse   # measure the copy again

It copies the generated database (``benchmarks/data.py``, or ``--db``) to
``var/bench/insights-<scale>.sqlite3`` and migrates the copy. The generator writes no
reads, so the copy gets some (``READ_DAYS`` days of ``READS_PER_DAY`` reads of items of
the busiest space and of the alliance, by its members, fixed by a seed). Then
``harambee insights`` runs as cron would run it, with the immediate task backend (the
worker's work, done in that process): every space's and the alliance's snapshot for the
last 30 days, then the prompts; its wall time is recorded. Finally, in a child process,
the pages are timed as in ``benchmarks/latency.py`` (Django's test client, production
settings, the file cache): the facilitator (lead of the space with the most items) and
a steward. Each page's first request is timed apart: a snapshot the worker did not
compute (a thread's, or a period in another time zone) is computed then, in the
request. Results: ``var/bench/results/insights-<scale>.json``; a Markdown table is
printed for docs/performance.md ("Facilitation insights").
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import common  # noqa: E402
from benchmarks.data import BENCH_DIR, HARAMBEE, bench_env, ensure_db  # noqa: E402

WARMUP = 20
READ_DAYS = 60
READS_PER_DAY = 2000
SEED = 20


def _env(copy: Path) -> dict[str, str]:
    return bench_env(
        DATABASE_URL=f"sqlite:///{copy}",
        HARAMBEE_CACHE_URL=f"file://{BENCH_DIR / 'var' / f'cache-{copy.stem}'}",
    )


def prepare(scale: int, source: Path | None) -> Path:
    src = source or ensure_db(scale)[0]
    copy = BENCH_DIR / f"insights-{scale}.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{copy}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(src, copy)
    subprocess.run([HARAMBEE, "migrate", "--noinput", "-v0"], env=_env(copy), check=True)
    return copy


def collectstatic() -> None:
    """Manifest static files, as production serves them (as benchmarks/run.py does)."""
    subprocess.run([HARAMBEE, "collectstatic", "--noinput", "-v0"], env=bench_env(), check=True)


def pick() -> dict:
    """The facilitator (lead of the space with the most items), a steward, a member of
    that space, and its most recently active thread."""
    from django.db import connection

    from harambee.people.models import User
    from harambee.people.roles import AllianceRole, SpaceRole
    from harambee.spaces.models import Membership, Post, Space

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT space_id FROM core_content WHERE space_id IS NOT NULL "
            "GROUP BY space_id ORDER BY COUNT(*) DESC LIMIT 1"
        )
        space = Space.objects.get(pk=cursor.fetchone()[0])
    active = Membership.objects.active().filter(space=space, user__is_active=True)
    lead = active.filter(role=SpaceRole.LEAD).order_by("pk").first().user
    member = active.filter(role=SpaceRole.MEMBER).order_by("pk").first().user
    steward = User.objects.filter(role=AllianceRole.STEWARD, is_active=True).order_by("pk")[0]
    thread = (
        Post.objects.filter(space=space, removed=False, visibility="space")
        .order_by("-last_activity")
        .first()
    )
    return {"space": space, "lead": lead, "member": member, "steward": steward, "thread": thread}


def add_reads() -> dict:
    """Reads of the last ``READ_DAYS`` days: half of items of the picked space by its
    members, half of alliance-wide items by anyone, ``READS_PER_DAY`` a day."""
    import random

    from django.utils import timezone

    from harambee.core.models import Content
    from harambee.insights.models import ItemRead
    from harambee.people.models import User
    from harambee.spaces.models import Membership

    cast = pick()
    rng = random.Random(SEED)
    space = cast["space"]
    members = list(
        Membership.objects.active().filter(space=space).values_list("user_id", flat=True)
    )
    people = list(User.objects.filter(is_active=True).values_list("pk", flat=True))
    near = list(Content.objects.filter(space=space).values_list("pk", flat=True)[:5000])
    wide = list(
        Content.objects.filter(space__isnull=True, visibility="alliance").values_list(
            "pk", flat=True
        )[:20000]
    )
    today = timezone.now().date()
    started = time.perf_counter()
    rows = []
    for d in range(READ_DAYS):
        day = today - timedelta(days=d)
        for i in range(READS_PER_DAY):
            readers, items = (members, near) if i % 2 else (people, wide)
            rows.append(
                ItemRead(user_id=rng.choice(readers), content_id=rng.choice(items), day=day)
            )
    ItemRead.objects.bulk_create(rows, batch_size=5000, ignore_conflicts=True)
    return {"reads": ItemRead.objects.count(), "seconds": time.perf_counter() - started}


def measure(requests: int) -> dict:
    from django.db import connection
    from django.test import Client
    from django.urls import reverse

    from benchmarks.common import percentile
    from harambee.core.models import Comment, Content
    from harambee.insights.compute import snapshot_compute
    from harambee.insights.models import ItemRead, Snapshot
    from harambee.insights.periods import make_period

    cast = pick()
    space, thread = cast["space"], cast["thread"]

    def signed_in(user):
        client = Client(HTTP_HOST="127.0.0.1")
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        return client

    lead, steward, member = (signed_in(cast[k]) for k in ("lead", "steward", "member"))
    # What one scope's snapshot costs the worker (computed again, after the refresh).
    period = make_period()
    compute = {}
    for scope in (f"space:{space.pk}", "alliance"):
        t0 = time.perf_counter()
        snapshot_compute(scope=scope, start=period.start, end=period.end)
        compute[scope.split(":")[0]] = time.perf_counter() - t0
    slug = space.slug
    pages = [
        ("insights index, facilitator", lead, reverse("insights:index")),
        ("space insights, facilitator", lead, reverse("insights:space", args=[slug])),
        (
            "space CSV (threads), facilitator",
            lead,
            reverse("insights:space_csv", args=[slug, "threads"]),
        ),
        ("thread insights, facilitator", lead, reverse("insights:thread", args=[thread.pk])),
        ("space insights, member", member, reverse("insights:space", args=[slug])),
        ("space prompts, facilitator", lead, reverse("insights:space_prompts", args=[slug])),
        ("insights index, steward", steward, reverse("insights:index")),
        ("forum prompts, steward", steward, reverse("insights:forum_prompts")),
        ("space insights, steward", steward, reverse("insights:space", args=[slug])),
        ("alliance insights, steward", steward, reverse("insights:alliance")),
        (
            "alliance CSV (activity), steward",
            steward,
            reverse("insights:alliance_csv", args=["activity"]),
        ),
    ]
    # As a web worker does after start-up (harambee/wsgi.py): what lives as long as the
    # process is moved out of the collector's sight, so that a full collection falling
    # on a timed request does not walk it.
    import gc

    for _label, client, url in pages:
        client.get(url)
    gc.collect()
    gc.freeze()
    rows = []
    for label, client, url in pages:
        snapshots = Snapshot.objects.count()
        t0 = time.perf_counter()
        response = client.get(url)
        first_ms = (time.perf_counter() - t0) * 1000
        assert response.status_code == 200, (url, response.status_code)
        computed = Snapshot.objects.count() - snapshots
        for _ in range(WARMUP):
            response = client.get(url)
        executed: list[str] = []

        def count(execute, sql, params, many, context, executed=executed):
            executed.append(sql)
            return execute(sql, params, many, context)

        with connection.execute_wrapper(count):
            client.get(url)
        timings = []
        for _ in range(requests):
            t0 = time.perf_counter()
            client.get(url)
            timings.append((time.perf_counter() - t0) * 1000)
        rows.append(
            {
                "page": label,
                "url": url,
                "first_ms": first_ms,
                "first_computed_snapshots": computed,
                "p50": percentile(timings, 50),
                "p95": percentile(timings, 95),
                "p99": percentile(timings, 99),
                "mean": statistics.mean(timings),
                "queries": len(executed),
                "sql": executed,
                "html_bytes": len(response.content),
                "loadavg_after": os.getloadavg()[0],
            }
        )
        print(
            f"  {label:<36} first {first_ms:8.1f} ms  p50 {rows[-1]['p50']:6.1f} ms  "
            f"p99 {rows[-1]['p99']:6.1f} ms  {len(executed):2d} queries",
            file=sys.stderr,
        )
    first_views = _first_views(member, space)
    return {
        "first_views": first_views,
        "content": Content.objects.count(),
        "comments": Comment.objects.count(),
        "reads": ItemRead.objects.count(),
        "space_items": Content.objects.filter(space=space).count(),
        "compute_seconds": compute,
        "requests": requests,
        "pages": rows,
    }


def _first_views(client, space, count: int = 20) -> dict:
    """A member's first view of the day of threads of their space they had not opened
    today: the queries each costs (the read is queued, not written, with a shared cache)."""
    from django.db import connection
    from django.utils import timezone

    from harambee.insights.models import ItemRead
    from harambee.spaces.models import Post

    user_id = int(client.session["_auth_user_id"])
    read = ItemRead.objects.filter(user_id=user_id, day=timezone.now().date())
    threads = list(
        Post.objects.filter(space=space, removed=False, visibility__in=["space", "public"])
        .exclude(pk__in=read.values("content_id"))
        .order_by("-last_activity")[: count + 1]
    )
    client.get(threads[0].get_absolute_url())  # compiles the page's fixed-shape queries
    counts, inserts = [], 0
    for thread in threads[1:]:
        executed: list[str] = []

        def note(execute, sql, params, many, context, executed=executed):
            executed.append(sql)
            return execute(sql, params, many, context)

        with connection.execute_wrapper(note):
            assert client.get(thread.get_absolute_url()).status_code == 200
        counts.append(len(executed))
        inserts += sum("insights_itemread" in sql and sql.startswith("INSERT") for sql in executed)
    return {"views": len(counts), "max_queries": max(counts), "read_inserts": inserts}


def table(result: dict) -> str:
    lines = [
        f"- {result['content']:,} content items, {result['comments']:,} comments, "
        f"{result['reads']:,} reads (added by the benchmark); the facilitator's space has "
        f"{result['space_items']:,} items",
        f"- `harambee insights` (every space's and the alliance's snapshot, then the "
        f"prompts; immediate task backend): {result['refresh_seconds']:.0f} s wall time",
        f"- one snapshot again: the space {result['compute_seconds']['space']:.2f} s, the "
        f"alliance {result['compute_seconds']['alliance']:.2f} s",
        "",
        f"- a member's first view of the day of {result['first_views']['views']} threads: "
        f"at most {result['first_views']['max_queries']} queries, "
        f"{result['first_views']['read_inserts']} inserts of a read",
        "",
        "| page | first request ms | p50 ms | p95 ms | p99 ms | queries | load avg |",
        "|---|--:|--:|--:|--:|--:|--:|",
    ]
    for r in result["pages"]:
        first = f"{r['first_ms']:,.0f}"
        if r["first_computed_snapshots"]:
            first += " (computed its snapshot)"
        lines.append(
            f"| {r['page']} | {first} | {r['p50']:.1f} | {r['p95']:.1f} | {r['p99']:.1f} | "
            f"{r['queries']} | {r['loadavg_after']:.2f} |"
        )
    return "\n".join(lines)


def _child(copy: Path, *args: str) -> dict:
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.insights", *args],
        env=_env(copy),
        cwd=ROOT,
        check=True,
        stdout=subprocess.PIPE,
        text=True,
    )
    return json.loads(done.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, help="Use this generated database.")
    parser.add_argument("--requests", type=int, default=200, help="Timed requests per page.")
    parser.add_argument("--reuse", action="store_true", help="Measure the earlier copy again.")
    parser.add_argument("--prepare-child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--measure-child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.prepare_child or args.measure_child:
        import django

        django.setup()
        result = add_reads() if args.prepare_child else measure(args.requests)
        print(json.dumps(result, default=str))
        return
    collectstatic()
    copy = BENCH_DIR / f"insights-{args.scale}.sqlite3"
    earlier = common.load(f"insights-{args.scale}-prepared") if args.reuse else None
    if earlier and copy.exists():
        reads, refresh = earlier["reads_added"], earlier["refresh_seconds"]
    else:
        copy = prepare(args.scale, args.db)
        reads = _child(copy, "--prepare-child")
        started = time.perf_counter()
        subprocess.run([HARAMBEE, "insights"], env=_env(copy), cwd=ROOT, check=True)
        refresh = time.perf_counter() - started
        print(f"harambee insights: {refresh:.1f} s; reads added: {reads}", file=sys.stderr)
        common.save(
            f"insights-{args.scale}-prepared", {"reads_added": reads, "refresh_seconds": refresh}
        )
    result = {
        **_child(copy, "--measure-child", "--requests", str(args.requests)),
        "scale": args.scale,
        "reads_added": reads,
        "refresh_seconds": refresh,
        "machine": common.machine(),
    }
    common.save(f"insights-{args.scale}", result)
    print(f"### {args.scale:,} content items\n\n{table(result)}\n")


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "harambee.settings")
    main()
