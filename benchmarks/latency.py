"""Server time of the key pages, in process (Django's test client), warm, on SQLite.

Run in its own process per scale, with DATABASE_URL at the cached generated database:
    python -m benchmarks.latency --scale 100000 [--requests 200] [--profile]

For each page: warm-up requests, then ``--requests`` timed requests; p50/p95/p99/mean,
SQL queries per request, and the size of the HTML (plain and gzip-compressed).
``--profile`` also records a cProfile of the slowest page's requests.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

WARMUP = 20
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "harambee.settings")


def pick_cast():
    """The people and things the pages are measured for, chosen from the data."""
    from django.db import connection

    from harambee.core.models import Visibility
    from harambee.people.models import User
    from harambee.people.roles import AllianceRole, SpaceRole
    from harambee.spaces.models import Membership, Post, Space

    with connection.cursor() as cursor:
        # The busiest public thread: the post page "with comments".
        cursor.execute(
            "SELECT c.content_id FROM core_comment c JOIN core_content i ON i.id = c.content_id "
            "WHERE i.visibility = %s AND i.removed = %s AND i.kind = %s GROUP BY c.content_id "
            "ORDER BY COUNT(*) DESC LIMIT 1",
            [Visibility.PUBLIC, False, "post"],
        )
        busy_id = cursor.fetchone()[0]
        # The space with the most content, and its lead.
        cursor.execute(
            # (Alliance-wide items, with no space, are the biggest group of all.)
            "SELECT space_id FROM core_content WHERE space_id IS NOT NULL "
            "GROUP BY space_id ORDER BY COUNT(*) DESC LIMIT 1"
        )
        space_id = cursor.fetchone()[0]
    busy = Post.objects.get(pk=busy_id)
    space = Space.objects.get(pk=space_id)
    lead = Membership.objects.filter(space=space, role=SpaceRole.LEAD).first().user
    # A member in several spaces: the typical signed-in reader.
    member = (
        User.objects.filter(role=AllianceRole.MEMBER, memberships__expires__isnull=True)
        .exclude(pk=lead.pk)
        .order_by("pk")
        .first()
    )
    return {"busy": busy, "space": space, "lead": lead, "member": member}


def measure(scale: int, requests: int, profile: bool) -> dict:
    import django

    django.setup()
    from django.conf import settings
    from django.core.cache import caches
    from django.db import connection
    from django.test import Client

    from benchmarks.fixtures import ensure_threads
    from harambee.core.models import Comment, Content

    cast = pick_cast()
    threads = ensure_threads()
    for alias in settings.CACHES:
        caches[alias].clear()

    def signed_in(user):
        client = Client(HTTP_HOST="127.0.0.1")
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        return client

    anon = Client(HTTP_HOST="127.0.0.1")
    # An anonymous visitor whose browser still sends a (dead) session cookie is
    # rendered for themselves, not served from the page cache: the rendering cost.
    rendered = Client(HTTP_HOST="127.0.0.1")
    rendered.cookies[settings.SESSION_COOKIE_NAME] = "no-such-session"
    member = signed_in(cast["member"])
    lead = signed_in(cast["lead"])
    writer = signed_in(threads["member"])
    busy = cast["busy"]
    long_url = threads["long"].get_absolute_url()
    pages = [
        ("home, anonymous (cached)", anon, "/"),
        ("home, member", member, "/"),
        ("space page, lead", lead, cast["space"].get_absolute_url()),
        ("post with comments, member", member, busy.get_absolute_url()),
        ("post, 50 replies all by the reader", writer, threads["own"].get_absolute_url()),
        ("thread of 200 replies, first page, member", member, long_url),
        (
            "thread of 200 replies, a later page, member",
            member,
            f"{long_url}?from={threads['long_later_start']}",
        ),
        ("post with comments, anonymous (cached)", anon, busy.get_absolute_url()),
        ("post with comments, anonymous (rendered)", rendered, busy.get_absolute_url()),
        ("forum, member", member, "/forum/"),
        ("people directory", member, "/people/"),
        ("spaces list", member, "/spaces/"),
        ("initiatives directory, member", member, "/initiatives/"),
        ("library, member", member, "/library/"),
    ]
    rows = []
    for label, client, url in pages:
        for _ in range(WARMUP):
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)
        html_bytes = len(response.content)
        gz = client.get(url, HTTP_ACCEPT_ENCODING="gzip")
        gz_bytes = len(gz.content) if gz.get("Content-Encoding") == "gzip" else None
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
        from benchmarks.common import percentile

        rows.append(
            {
                "page": label,
                "url": url,
                "p50": percentile(timings, 50),
                "p95": percentile(timings, 95),
                "p99": percentile(timings, 99),
                "mean": statistics.mean(timings),
                "queries": len(executed),
                "sql": executed,
                "html_bytes": html_bytes,
                "gzip_bytes": gz_bytes,
                "loadavg_after": os.getloadavg()[0],
            }
        )
        print(
            f"  {scale:>9,} {label:<32} p50 {rows[-1]['p50']:6.1f} ms  "
            f"p99 {rows[-1]['p99']:6.1f} ms  {len(executed):2d} queries",
            file=sys.stderr,
        )
    result = {
        "scale": scale,
        "requests": requests,
        "content": Content.objects.count(),
        "comments": Comment.objects.count(),
        "busy_comments": Comment.objects.filter(content=busy).count(),
        "db_bytes": os.path.getsize(connection.settings_dict["NAME"]),
        "pages": rows,
    }
    if profile:
        result["profiles"] = {}
        for label, client, url in pages:
            profiler = cProfile.Profile()
            profiler.enable()
            for _ in range(50):
                client.get(url)
            profiler.disable()
            out = io.StringIO()
            stats = pstats.Stats(profiler, stream=out)
            stats.sort_stats("cumulative").print_stats(35)
            out.write("\n--- by own time ---\n")
            stats.sort_stats("tottime").print_stats(20)
            result["profiles"][label] = out.getvalue()
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=int, required=True)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    from benchmarks.common import save

    result = measure(args.scale, args.requests, args.profile)
    save(f"latency-{args.scale}", result)


if __name__ == "__main__":
    main()
