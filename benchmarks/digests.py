"""Weekly digests for many members: how long one ``harambee digests --weekly`` takes.

    python -m benchmarks.digests [--users 100000] [--per-user 5] [--batch-size 500]

Builds its own SQLite database (``var/bench/digests-<users>.sqlite3``, rebuilt each
run) with bulk inserts: 40 spaces, the members (5% guests), each in one space, 4,000
items at every visibility, and ``--per-user`` weekly notices for each member: most
about items they may read, one about a space-only item of another space (as if it
had been narrowed after the notice was made; its title carries ``HIDDENMARK``). Then
it runs ``digests_send`` as the command does and reports wall and CPU time.

Mail goes to a backend that renders each message to bytes (headers, both parts, MIME)
and drops it, failing the run if any message carries ``HIDDENMARK``.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from django.core.mail.backends.base import BaseEmailBackend  # noqa: E402

from benchmarks.common import save  # noqa: E402
from benchmarks.data import BENCH_DIR  # noqa: E402

SPACES = 40
ITEMS = 4000


class CountingBackend(BaseEmailBackend):
    """Serialise every message as SMTP would, count it and its size, keep nothing."""

    sent = 0
    size = 0
    leaks = 0

    def send_messages(self, email_messages):
        for message in email_messages:
            raw = message.message().as_bytes()
            CountingBackend.sent += 1
            CountingBackend.size += len(raw)
            if b"HIDDENMARK" in raw:
                CountingBackend.leaks += 1
        return len(email_messages)


def build(users: int, per_user: int) -> dict:
    from django.core.management import call_command
    from django.utils import timezone

    from harambee.core.models import Content
    from harambee.notifications.models import Frequency, Kind, Notification
    from harambee.people.models import User
    from harambee.spaces.models import Membership, Space

    t0 = time.perf_counter()
    call_command("migrate", verbosity=0)
    now = timezone.now()
    Space.objects.bulk_create(
        [
            Space(
                kind=Space.Type.WORKING_GROUP,
                name=f"Space {n}",
                slug=f"space-{n}",
                listing=Space.Listing.SECRET if n % 10 == 0 else Space.Listing.MEMBERS,
            )
            for n in range(SPACES)
        ]
    )
    spaces = list(Space.objects.order_by("pk"))
    batch = 10_000
    for start in range(0, users, batch):
        User.objects.bulk_create(
            [
                User(
                    email=f"member{n}@bench.example",
                    display_name=f"Member {n}",
                    password="!",
                    role="guest" if n % 20 == 0 else "member",
                    time_zone="UTC",
                )
                for n in range(start, min(users, start + batch))
            ]
        )
    people = list(User.objects.order_by("pk").values_list("pk", flat=True))
    for start in range(0, users, batch):
        Membership.objects.bulk_create(
            [
                Membership(space=spaces[i % SPACES], user_id=pk, role="member")
                for i, pk in enumerate(people[start : start + batch], start)
            ]
        )
    visibilities = ["public", "alliance", "space"]
    items = []
    for n in range(ITEMS):
        space = spaces[n % SPACES]
        vis = visibilities[n % 3]
        title = f"HIDDENMARK {n}" if vis == "space" else f"Item {n} on forests and water"
        items.append(
            Content(
                kind="post",
                space=space,
                author_id=people[n % len(people)],
                visibility=vis,
                title=title,
                body="What we tried, what happened, what we learned. " * 3,
                body_html="<p>What we tried.</p>",
            )
        )
    Content.objects.bulk_create(items, batch_size=1000)
    rows = list(Content.objects.values_list("pk", "space_id", "visibility"))
    open_items = [pk for pk, _s, vis in rows if vis != "space"]
    by_space: dict[int, list[int]] = {}
    for pk, space_id, vis in rows:
        if vis == "space":
            by_space.setdefault(space_id, []).append(pk)
    space_ids = [s.pk for s in spaces]
    notices = []
    total = 0
    kinds = [Kind.FOLLOWED, Kind.REPLY, Kind.THREAD, Kind.MENTION, Kind.WIKI]
    for i, pk in enumerate(people):
        other = space_ids[(i + 1) % SPACES]
        for k in range(per_user - 1):
            notices.append(
                Notification(
                    recipient_id=pk,
                    kind=kinds[k % len(kinds)],
                    content_id=open_items[(i * 7 + k) % len(open_items)],
                    shown=now,
                    email=Frequency.WEEKLY,
                )
            )
        notices.append(
            Notification(
                recipient_id=pk,
                kind=Kind.FOLLOWED,
                content_id=by_space[other][i % len(by_space[other])],
                shown=now,
                email=Frequency.WEEKLY,
            )
        )
        if len(notices) >= batch:
            Notification.objects.bulk_create(notices)
            total += len(notices)
            notices = []
    Notification.objects.bulk_create(notices)
    total += len(notices)
    return {
        "users": users,
        "notices": total,
        "items": ITEMS,
        "build_seconds": time.perf_counter() - t0,
    }


def measure(batch_size: int) -> dict:
    from django.utils import timezone

    # ``python -m`` runs this file as ``__main__``; the mail code loads it by name.
    from benchmarks.digests import CountingBackend
    from harambee.notifications.digests import digests_send
    from harambee.notifications.models import Frequency

    later = timezone.now() + timedelta(days=8)
    cpu0, t0 = time.process_time(), time.perf_counter()
    run = digests_send(frequency=Frequency.WEEKLY, now=later, batch_size=batch_size)
    wall, cpu = time.perf_counter() - t0, time.process_time() - cpu0
    cpu1, t1 = time.process_time(), time.perf_counter()
    again = digests_send(frequency=Frequency.WEEKLY, now=later, batch_size=batch_size)
    return {
        "wall_seconds": wall,
        "cpu_seconds": cpu,
        "recipients": run.recipients,
        "notices_settled": run.notifications,
        "messages_sent": CountingBackend.sent,
        "mail_bytes": CountingBackend.size,
        "leaks": CountingBackend.leaks,
        "rerun_recipients": again.recipients,
        "rerun_seconds": time.perf_counter() - t1,
        "rerun_cpu_seconds": time.process_time() - cpu1,
        "loadavg_after": os.getloadavg()[0],
        "batch_size": batch_size,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--users", type=int, default=100_000)
    parser.add_argument("--per-user", type=int, default=5)
    parser.add_argument("--batch-size", type=int, default=500)
    args = parser.parse_args()
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    db = BENCH_DIR / f"digests-{args.users}.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    os.environ["DATABASE_URL"] = f"sqlite:///{db}"
    os.environ["HARAMBEE_VAR_DIR"] = str(BENCH_DIR / "var")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "harambee.settings")
    import django
    from django.conf import settings

    django.setup()
    settings.EMAIL_BACKEND = "benchmarks.digests.CountingBackend"
    result = {"loadavg_before": os.getloadavg()[0], **build(args.users, args.per_user)}
    print(
        f"built {result['users']} members, {result['notices']} notices "
        f"in {result['build_seconds']:.0f}s",
        file=sys.stderr,
    )
    result.update(measure(args.batch_size))
    print(
        f"weekly digests: {result['messages_sent']} sent in {result['wall_seconds']:.1f}s wall, "
        f"{result['cpu_seconds']:.1f}s CPU; {result['leaks']} leaks; "
        f"rerun sent {result['rerun_recipients']} in {result['rerun_seconds']:.1f}s",
        file=sys.stderr,
    )
    save(f"digests-{args.users}", result)
    if result["leaks"]:
        raise SystemExit("a digest named an item its recipient may not see")


if __name__ == "__main__":
    main()
