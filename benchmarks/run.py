"""Server-side latency of the key pages, in process, warm, on SQLite.

Usage: .venv/bin/python benchmarks/run.py [--posts N] [--requests N]

Builds a throw-away database in a temporary directory: the demo alliance plus N extra
posts (with comments) spread over its spaces and visibilities, written with bulk inserts.
Then it times each page with Django's test client (no network, no server), reports
p50/p95/p99 and the SQL queries per page, and writes docs/performance.md.
This is a first, small measurement; the load, throughput and memory benchmarks at
1M items belong to the benchmarks issue.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))
    return ordered[index]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--posts", type=int, default=20000)
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args()

    var = tempfile.mkdtemp(prefix="harambee-bench-")
    os.environ.update(
        HARAMBEE_VAR_DIR=var,
        DJANGO_SETTINGS_MODULE="harambee.settings",
        HARAMBEE_STEWARD_MFA="false",
        HARAMBEE_CACHE_URL="locmem://",
        HARAMBEE_LOG_LEVEL="WARNING",
    )
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import override_settings

    from harambee.core.markdown import render_markdown
    from harambee.core.models import Comment, Content, Kind
    from harambee.people.models import User
    from harambee.spaces.models import Post, Space

    call_command("migrate", verbosity=0)
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
        call_command("demo", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
    spaces = list(Space.objects.all())
    people = list(User.objects.all())
    visibilities = ["public", "alliance", "space", "space", "private"]
    started = time.perf_counter()
    body = "We met the district officers again.\n\n- what we tried\n- what happened"
    html = render_markdown(body)

    def flush(batch: list[Content]) -> None:
        # Posts are a multi-table kind: insert the envelopes, then their child rows.
        created = Content.objects.bulk_create(batch)
        with connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {Post._meta.db_table} (content_ptr_id) VALUES (%s)",
                [(c.pk,) for c in created],
            )

    batch = []
    for i in range(args.posts):
        batch.append(
            Content(
                kind=Kind.POST,
                space=spaces[i % len(spaces)],
                author=people[i % len(people)],
                visibility=visibilities[i % len(visibilities)],
                title=f"Field note {i}",
                body=body,
                body_html=html,
            )
        )
        if len(batch) == 2000:
            flush(batch)
            batch = []
    flush(batch)
    posts = list(Post.objects.order_by("-pk").values_list("pk", flat=True)[:200])
    Comment.objects.bulk_create(
        Comment(
            content_id=pk, author=people[i % len(people)], body="Thanks", body_html="<p>Thanks</p>"
        )
        for pk in posts
        for i in range(5)
    )
    generate_seconds = time.perf_counter() - started
    call_command("collectstatic", verbosity=0, interactive=False)

    member = User.objects.get(email="member@demo.harambee.org")
    lead = User.objects.get(email="lead@demo.harambee.org")
    forum = Space.objects.get(memberships__user=lead, memberships__role="lead", kind="initiative")
    busy_post = Post.objects.filter(space=forum, visibility="public").order_by("-pk").first()
    anon, signed_in, lead_client = (Client(HTTP_HOST="127.0.0.1") for _ in range(3))
    signed_in.force_login(member, backend="django.contrib.auth.backends.ModelBackend")
    lead_client.force_login(lead, backend="django.contrib.auth.backends.ModelBackend")
    pages = [
        ("home, anonymous", anon, "/"),
        ("home, member", signed_in, "/"),
        ("space page, lead", lead_client, forum.get_absolute_url()),
        ("post with comments", lead_client, busy_post.get_absolute_url()),
        ("people directory", signed_in, "/people/"),
        ("spaces list", signed_in, "/spaces/"),
    ]
    rows = []
    for label, client, url in pages:
        for _ in range(10):
            assert client.get(url).status_code == 200, url
        executed: list[str] = []

        def count(execute, sql, params, many, context, executed=executed):
            executed.append(sql)
            return execute(sql, params, many, context)

        with connection.execute_wrapper(count):
            client.get(url)
        timings = []
        for _ in range(args.requests):
            t0 = time.perf_counter()
            client.get(url)
            timings.append((time.perf_counter() - t0) * 1000)
        rows.append(
            (
                label,
                percentile(timings, 50),
                percentile(timings, 95),
                percentile(timings, 99),
                statistics.mean(timings),
                len(executed),
            )
        )

    total = Post.objects.count()
    engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    lines = [
        "# Performance",
        "",
        f"Measured {date.today().isoformat()} by `make bench` (`benchmarks/run.py`) on "
        f"{os.cpu_count()} cores, {_memory()} memory, Python {platform.python_version()}, "
        f"SQLite {connection.Database.sqlite_version} ({engine}).",
        "",
        f"Data: the demo alliance plus {args.posts:,} generated posts ({total:,} content "
        f"items in all), generated with bulk inserts in {generate_seconds:.1f} s.",
        "",
        f"Server time per request, in process (Django test client, warm, {args.requests} "
        "requests per page). Budget from DESIGN.md at 1M items: p50 ≤ 15 ms, p99 ≤ 60 ms, "
        "≤ 12 queries.",
        "",
        "| page | p50 ms | p95 ms | p99 ms | mean ms | SQL queries |",
        "|---|---|---|---|---|---|",
    ]
    for label, p50, p95, p99, mean, queries in rows:
        lines.append(f"| {label} | {p50:.1f} | {p95:.1f} | {p99:.1f} | {mean:.1f} | {queries} |")
    lines += [
        "",
        "Not yet measured here (the benchmarks issue): 10k/100k/1M scales, throughput under "
        "gunicorn with `wrk` against a hello-world, memory per worker, write latency.",
        "",
    ]
    out = ROOT / "docs" / "performance.md"
    out.write_text("\n".join(lines))
    print("\n".join(lines))


def _memory() -> str:
    try:
        with open("/proc/meminfo") as f:
            kb = int(f.readline().split()[1])
        return f"{kb / 1024 / 1024:.0f} GiB"
    except OSError:
        return "unknown"


if __name__ == "__main__":
    main()
