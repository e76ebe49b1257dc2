"""Who read what, kept first in the shared cache and written to the database in bulk.

An item page already spends its query budget on the item; recording the first view of
the day there would be one insert more. With a shared cache (Redis, or the file cache
of one machine) a view is instead put in a queue in the cache:

- ``insights:reads:n`` counts the entries (``cache.incr``, atomic on Redis);
- ``insights:reads:<n>`` holds one page's ``(user id, day, item ids)``;
- ``insights:read:<day>:<user>:<item>`` says that this view is queued already, so a
  page seen again the same day queues nothing (one ``get_many`` per page that the
  database does not know as read today).

``flush`` writes the queue in bulk (``ignore_conflicts``: a read is one row per person,
item and day, so writing an entry twice changes nothing). It runs before the measures
are computed (``compute.snapshot_compute``), before a person's data is exported or
erased, and from ``harambee insights``. An entry written late, after a flush had passed
its number, is still read by the next flush: each flush reads again the last ``LAG``
entries before the one it starts from.

With a cache of one process (``LocMemCache``, which the other processes and the task
worker cannot read) every view is written at once, as one insert.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

COUNTER = "insights:reads:n"
DONE = "insights:reads:done"
LOCK = "insights:reads:flushing"
# Entries read again by the next flush, for one whose writer was slower than its number.
LAG = 100
BATCH = 500
# An entry not flushed within this long is dropped (an hourly timer flushes).
KEEP_SECONDS = 7 * 24 * 3600


def buffered() -> bool:
    """Whether reads go through the cache: only where every process shares it."""
    return not settings.CACHES["default"]["BACKEND"].endswith("LocMemCache")


def _entry(n: int) -> str:
    return f"insights:reads:{n}"


def _seen(day: date, user_id: int, pk: int) -> str:
    return f"insights:read:{day.isoformat()}:{user_id}:{pk}"


def _next_number() -> int:
    try:
        return cache.incr(COUNTER)
    except ValueError:
        cache.add(COUNTER, 0, timeout=None)
        return cache.incr(COUNTER)


def record(user_id: int, content_ids: Iterable[int]) -> None:
    """That ``user_id`` opened these items' pages today (UTC)."""
    ids = sorted(set(content_ids))
    if not ids:
        return
    today = timezone.now().date()
    if not buffered():
        write([(user_id, today, ids)])
        return
    keys = {_seen(today, user_id, pk): pk for pk in ids}
    known = cache.get_many(list(keys))
    fresh = [pk for key, pk in keys.items() if key not in known]
    if not fresh:
        return
    cache.set(_entry(_next_number()), (user_id, today.isoformat(), fresh), KEEP_SECONDS)
    # Until the end of the day (UTC), the most a marker is worth.
    now = timezone.now()
    left = 86400 - (now.hour * 3600 + now.minute * 60 + now.second)
    cache.set_many({_seen(today, user_id, pk): 1 for pk in fresh}, max(left, 60))


def write(entries: Iterable[tuple[int, Any, list[int]]]) -> int:
    """Rows for these ``(user id, day, item ids)``, leaving out people and items that
    no longer exist (erased or deleted since). Returns how many rows were offered."""
    from harambee.core.models import Content
    from harambee.insights.models import ItemRead
    from harambee.people.models import User

    entries = list(entries)
    if not entries:
        return 0
    users = set(User.objects.filter(pk__in={e[0] for e in entries}).values_list("pk", flat=True))
    wanted = {pk for e in entries for pk in e[2]}
    items = set(Content.objects.filter(pk__in=wanted).values_list("pk", flat=True))
    rows = {
        (user_id, date.fromisoformat(day) if isinstance(day, str) else day, pk)
        for user_id, day, ids in entries
        if user_id in users
        for pk in ids
        if pk in items
    }
    ItemRead.objects.bulk_create(
        [ItemRead(user_id=u, day=d, content_id=pk) for u, d, pk in sorted(rows)],
        batch_size=BATCH,
        ignore_conflicts=True,
    )
    return len(rows)


def flush() -> int:
    """Write the queued reads; returns how many rows were offered to the database.
    One flush at a time (a lock in the cache); a flush that finds the lock held
    leaves the queue to it."""
    if not buffered():
        return 0
    last = cache.get(COUNTER) or 0
    done = cache.get(DONE) or 0
    if last <= done:
        return 0  # nothing new (an entry written late waits for the next new one)
    if not cache.add(LOCK, 1, timeout=600):
        return 0
    try:
        written = 0
        start = max(done - LAG, 0) + 1
        for first in range(start, last + 1, BATCH):
            numbers = range(first, min(first + BATCH, last + 1))
            found = cache.get_many([_entry(n) for n in numbers])
            written += write(found.values())
            # Entries older than the lag are read for the last time: let them go.
            cache.delete_many([_entry(n) for n in numbers if n <= last - LAG])
        cache.set(DONE, last, timeout=None)
        return written
    finally:
        cache.delete(LOCK)
