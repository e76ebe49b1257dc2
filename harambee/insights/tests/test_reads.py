"""Readers where known: a signed-in person's visit to an item's page is recorded once a
day, without a query on later visits; anonymous visitors and hidden items leave
nothing; the measures count readers per space, thread and the alliance, suppress
small cells, and the rows go with the person's data (export, erasure, retention)."""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from harambee.conftest import make_user
from harambee.core.tests.factories import MembershipFactory
from harambee.insights import services
from harambee.insights.compute import scope_measures
from harambee.insights.models import READS_KEPT_DAYS, ItemRead
from harambee.insights.periods import make_period
from harambee.insights.tests.factories import reply, thread

pytestmark = pytest.mark.django_db


def _inserts(ctx) -> list[str]:
    return [q["sql"] for q in ctx.captured_queries if q["sql"].startswith("INSERT")]


def test_a_thread_page_records_one_read_a_day_and_nothing_on_later_visits(cast, client_for):
    post = thread(cast.space, cast.space_lead, hours_ago=2, title="READ-ME")
    client = client_for(cast.space_member)
    url = post.get_absolute_url()
    with CaptureQueriesContext(connection) as first:
        assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as again:
        assert client.get(url).status_code == 200
    read = ItemRead.objects.get()
    assert (read.user_id, read.content_id, read.day) == (
        cast.space_member.pk,
        post.pk,
        timezone.now().date(),
    )
    assert any("insights_itemread" in sql for sql in _inserts(first))
    # Seen again the same day: no write, and no query of its own (the page's query of
    # the item's reactions says it is recorded).
    assert not any("insights_itemread" in sql for sql in _inserts(again))
    assert len(again.captured_queries) <= len(first.captured_queries) - 1


def test_other_kinds_of_item_are_recorded_too(cast, client_for):
    from harambee.stories.models import Story

    story = Story.objects.create(
        space=cast.space,
        author=cast.space_lead,
        title="A STORY",
        body="Told.",
        visibility="space",
        status=Story.Status.PUBLISHED,
        published=timezone.now(),
    )
    assert client_for(cast.space_member).get(story.get_absolute_url()).status_code == 200
    assert ItemRead.objects.filter(content_id=story.pk, user=cast.space_member).exists()


def test_anonymous_visitors_and_hidden_items_leave_no_read(cast, client_for):
    public = thread(cast.space, cast.space_lead, hours_ago=2, visibility="public")
    hidden = thread(cast.other_space, cast.outsider, hours_ago=2)
    assert client_for(None).get(public.get_absolute_url()).status_code == 200
    assert client_for(cast.member).get(hidden.get_absolute_url()).status_code == 404
    assert not ItemRead.objects.exists()


def test_recording_twice_a_day_keeps_one_row(cast):
    post = thread(cast.space, cast.space_lead, hours_ago=2)
    services.reads_record(user=cast.space_member, content_ids=[post.pk, post.pk])
    services.reads_record(user=cast.space_member, content_ids=[post.pk])
    assert ItemRead.objects.count() == 1


def _read(person, item, days_ago: int = 0) -> None:
    ItemRead.objects.create(
        user=person, content=item, day=timezone.now().date() - timedelta(days=days_ago)
    )


def test_readers_are_counted_per_space_thread_and_alliance(cast):
    readers = [make_user() for _ in range(6)]
    for person in readers:
        MembershipFactory(space=cast.space, user=person)
    post = thread(cast.space, cast.space_lead, hours_ago=30)
    reply(post, readers[0], hours_ago=20)
    other = thread(cast.space, cast.space_member, hours_ago=30)
    draft = thread(cast.space, cast.space_lead, hours_ago=30, visibility="private")
    elsewhere = thread(cast.other_space, cast.outsider, hours_ago=30)
    for person in readers:
        _read(person, post)
    _read(readers[0], other)
    _read(cast.space_member, other, days_ago=10)  # the previous 7-day period
    _read(cast.guest, draft)  # a private draft's reads never count
    _read(cast.outsider, elsewhere)
    period = make_period(7)
    data = scope_measures(f"space:{cast.space.pk}", period.start, period.end)
    cur, prev = data["current"], data["previous"]
    # Six readers; one of them wrote a reply, so five wrote nothing.
    assert (cur["readers"], cur["silent_readers"]) == (6, 5)
    assert (prev["readers"], prev["silent_readers"]) == (1, 1)
    rows = {row["thread"]: row["readers"] for row in data["thread_rows"]}
    assert rows[post.pk] == 6 and rows[other.pk] == 1
    one = scope_measures(f"thread:{post.pk}", period.start, period.end)
    assert one["current"]["readers"] == 6
    alliance = scope_measures("alliance", period.start, period.end)
    assert alliance["current"]["readers"] == 7


def test_the_page_shows_readers_says_anonymous_ones_are_unknown_and_hides_small_cells(
    cast, client_for
):
    post = thread(cast.space, cast.space_lead, hours_ago=30, title="READ-THREAD")
    for person in (cast.space_member, cast.guest):
        _read(person, post)
    client = client_for(cast.space_lead)
    page = client.get(reverse("insights:space", args=[cast.space.slug])).content.decode()
    assert "Readers (signed in)" in page
    assert "not signed in are not known" in page
    rows = list(
        csv.reader(
            io.StringIO(
                client.get(
                    reverse("insights:space_csv", args=[cast.space.slug, "activity"])
                ).content.decode()
            )
        )
    )
    readers = next(r for r in rows if r[0] == "Readers (signed in)")
    # Two readers, none before: the count and the change would both give them away.
    assert readers[1:] == ["fewer than 5", "0", "not shown"]
    threads = list(
        csv.reader(
            io.StringIO(
                client.get(
                    reverse("insights:space_csv", args=[cast.space.slug, "threads"])
                ).content.decode()
            )
        )
    )
    assert threads[0][-1] == "Readers (signed in)"
    assert next(r for r in threads if r[0] == "READ-THREAD")[-1] == "fewer than 5"


def test_reads_are_exported_through_the_gate_and_erased_with_the_account(cast):
    from harambee.privacy.erase import account_erase
    from harambee.privacy.export import rows_of

    mine = thread(cast.space, cast.space_lead, hours_ago=3)
    gone = thread(cast.other_space, cast.outsider, hours_ago=3)
    _read(cast.space_member, mine)
    # A read of an item the person may no longer see stays out of their copy.
    _read(cast.space_member, gone)
    exported = {
        model._meta.label_lower: list(qs.values_list("pk", flat=True))
        for model, qs in rows_of(cast.space_member)
    }
    assert exported["insights.itemread"] == [
        ItemRead.objects.get(user=cast.space_member, content=mine).pk
    ]
    _read(cast.space_lead, mine)
    account_erase(user=cast.space_member, keep_content=True)
    assert not ItemRead.objects.filter(user=cast.space_member).exists()
    assert ItemRead.objects.filter(user=cast.space_lead).exists()


def test_old_reads_are_pruned_by_the_retention_rule(cast):
    from harambee.core.retention import run

    post = thread(cast.space, cast.space_lead, hours_ago=3)
    _read(cast.space_member, post, days_ago=READS_KEPT_DAYS + 2)
    _read(cast.space_lead, post, days_ago=READS_KEPT_DAYS - 2)
    done = {p.name: p for p in run(dry_run=True)}
    assert done["item_reads"].rows == 1
    run()
    assert list(ItemRead.objects.values_list("user_id", flat=True)) == [cast.space_lead.pk]


@pytest.fixture
def shared_cache(settings, tmp_path):
    """A cache every process shares (the file cache of `make run`), so reads are queued."""
    from django.core.cache import caches

    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(tmp_path / "cache"),
        },
    }
    caches["default"].clear()
    yield caches["default"]
    caches["default"].clear()


def test_with_a_shared_cache_a_first_view_costs_no_query_and_the_flush_writes_it(
    cast, client_for, shared_cache
):
    from harambee.insights import reads

    assert reads.buffered()
    warm = thread(cast.space, cast.space_lead, hours_ago=3, title="WARM")
    post = thread(cast.space, cast.space_lead, hours_ago=2, title="QUEUED")
    client = client_for(cast.space_member)
    # A first page compiles the thread page's fixed-shape queries and fills the caches.
    client.get(warm.get_absolute_url())
    services.reads_flush()
    url = post.get_absolute_url()
    with CaptureQueriesContext(connection) as first:
        assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as again:
        assert client.get(url).status_code == 200
    # The page reads whether the item is read today (in its own query of the item), but
    # writes nothing to the reads table, on the first view as on the next.
    for ctx in (first, again):
        assert not any("insights_itemread" in sql for sql in _inserts(ctx))
    assert not ItemRead.objects.filter(content=post).exists()
    # One entry queued, not one per view.
    assert shared_cache.get(reads.COUNTER) == 2
    services.reads_flush()
    read = ItemRead.objects.get(content=post)
    assert read.user_id == cast.space_member.pk
    # Nothing new: a second flush writes nothing and reads no entry.
    with CaptureQueriesContext(connection) as idle:
        assert services.reads_flush() == 0
    assert not idle.captured_queries


def test_the_flush_reads_an_entry_written_late_and_drops_the_erased(cast, shared_cache):
    from harambee.insights import reads

    post = thread(cast.space, cast.space_lead, hours_ago=2)
    other = thread(cast.space, cast.space_lead, hours_ago=3)
    reads.record(cast.space_member.pk, [post.pk])
    late = reads._next_number()  # numbered, but its writer has not written it yet
    reads.record(cast.space_lead.pk, [post.pk])
    gone = make_user()
    reads.record(gone.pk, [post.pk])
    gone.delete()
    assert reads.flush() == 2
    assert set(ItemRead.objects.values_list("user_id", flat=True)) == {
        cast.space_member.pk,
        cast.space_lead.pk,
    }
    # The late entry arrives after the flush passed it: the next flush still reads it.
    today = timezone.now().date().isoformat()
    shared_cache.set(reads._entry(late), (cast.space_member.pk, today, [other.pk]))
    reads.record(cast.space_lead.pk, [other.pk])
    reads.flush()
    assert ItemRead.objects.filter(content=other).count() == 2
    assert ItemRead.objects.count() == 4


def test_measures_export_and_erasure_see_queued_reads(cast, shared_cache):
    from harambee.insights.compute import snapshot_compute
    from harambee.privacy.erase import account_erase
    from harambee.privacy.export import write_zip

    post = thread(cast.space, cast.space_lead, hours_ago=2)
    services.reads_record(user=cast.space_member, content_ids=[post.pk])
    period = make_period()
    snapshot_compute(scope=f"space:{cast.space.pk}", start=period.start, end=period.end)
    assert ItemRead.objects.filter(user=cast.space_member).exists()
    reader = make_user()
    MembershipFactory(space=cast.space, user=reader)
    services.reads_record(user=reader, content_ids=[post.pk])
    out = io.BytesIO()
    write_zip(reader, out)
    names = zipfile.ZipFile(out).namelist()
    assert any("itemread" in name for name in names), names
    # Queued, then the account is erased: the flush after it writes nothing of theirs.
    later = thread(cast.space, cast.space_lead, hours_ago=1)
    services.reads_record(user=reader, content_ids=[later.pk])
    account_erase(user=reader, keep_content=True)
    services.reads_flush()
    assert not ItemRead.objects.filter(user=reader).exists()
