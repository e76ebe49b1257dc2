"""A person's copy of their data: what they may see and nothing else, once, to them."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from harambee.core.models import Content
from harambee.portal.services import feed_token_create
from harambee.privacy.models import DataExport
from harambee.privacy.tests import world

pytestmark = pytest.mark.django_db


def _ask(client) -> DataExport:
    response = client.post(reverse("privacy:export"))
    assert response.status_code == 302
    return DataExport.objects.latest("pk")


def _download(client, item) -> zipfile.ZipFile:
    response = client.post(reverse("privacy:download", args=[item.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert "no-store" in response["Cache-Control"]
    return zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))


def test_an_export_holds_what_the_person_may_see_and_no_secret(client_for, run_on_commit_now):
    w = world.build()
    feed_token_create(user=w.amina)
    client = client_for(w.amina)
    item = _ask(client)
    item.refresh_from_db()
    assert item.status == DataExport.Status.READY and item.size > 0
    assert item.expires > timezone.now() + timedelta(days=6)
    assert [m.to for m in mail.outbox if "ready" in m.subject] == [[world.EMAIL]]

    page = client.get(reverse("privacy:home")).content.decode()
    assert "Download your data" in page

    archive = _download(client, item)
    names = set(archive.namelist())
    assert {"README.txt", "json/people.user.json", "csv/people.user.csv"} <= names
    person = json.loads(archive.read("json/people.user.json"))
    assert person[0]["email"] == world.EMAIL and person[0]["bio"] == "Forester in Nyeri"
    items = {row["title"] for row in json.loads(archive.read("json/core.content.json"))}
    assert {"Seedlings survive", "Amina's own notes"} <= items
    comments = {row["body"] for row in json.loads(archive.read("json/core.comment.json"))}
    assert "Lonely comment by Amina" in comments
    # Her comment in the group she left, and her reaction there, stay out.
    assert "Amina in the steering group" not in comments
    reactions = json.loads(archive.read("json/core.reaction.json"))
    assert [r["content"] for r in reactions] == [w.theirs.pk]
    reads = json.loads(archive.read("json/insights.itemread.json"))
    assert [r["content"] for r in reads] == [w.theirs.pk]
    everything = b"".join(archive.read(name) for name in names)
    assert b"Steering secret" not in everything
    assert w.amina.password.encode() not in everything
    assert b"digest" not in everything  # the private feed token's hash column
    # The CSV holds the JSON's rows.
    rows = list(csv.DictReader(io.StringIO(archive.read("csv/core.comment.csv").decode())))
    assert len(rows) == len(json.loads(archive.read("json/core.comment.json")))
    assert any(r["body"] == "Lonely comment by Amina" for r in rows)

    # Once only: the file is gone, and a second try is a 404.
    item.refresh_from_db()
    assert item.status == DataExport.Status.DOWNLOADED
    assert not item.file.storage.exists(item.file.name)
    assert client.post(reverse("privacy:download", args=[item.pk])).status_code == 404


def test_one_open_request_each_and_only_its_owner_downloads(client_for, run_on_commit_now):
    w = world.build()
    client = client_for(w.amina)
    item = _ask(client)
    second = client.post(reverse("privacy:export"), follow=True)
    assert "still open" in second.content.decode()
    assert DataExport.objects.filter(user=w.amina).count() == 1
    for someone in (w.other, w.steward):
        assert (
            client_for(someone).post(reverse("privacy:download", args=[item.pk])).status_code == 404
        )
    assert client_for(w.anon).post(reverse("privacy:download", args=[item.pk])).status_code == 302
    assert client.get(reverse("privacy:download", args=[item.pk])).status_code == 405
    assert client.post(reverse("privacy:download", args=[10**19])).status_code == 404
    item.refresh_from_db()
    assert item.status == DataExport.Status.READY


def test_an_expired_export_is_refused_and_pruned(client_for, run_on_commit_now):
    w = world.build()
    client = client_for(w.amina)
    item = _ask(client)
    item.refresh_from_db()
    DataExport.objects.filter(pk=item.pk).update(expires=timezone.now() - timedelta(minutes=1))
    assert client.post(reverse("privacy:download", args=[item.pk])).status_code == 404
    assert item.file.storage.exists(item.file.name)
    call_command("retention", stdout=io.StringIO())
    gone = DataExport.objects.get(pk=item.pk)
    assert gone.status == DataExport.Status.EXPIRED and not gone.file
    assert not item.file.storage.exists(item.file.name)
    # A new request may be made now.
    assert _ask(client).pk != item.pk


def test_a_waiting_export_shows_as_being_prepared(client_for):
    w = world.build()
    DataExport.objects.create(user=w.amina)
    page = client_for(w.amina).get(reverse("privacy:home")).content.decode()
    assert "being prepared" in page
    assert Content.objects.filter(author=w.amina).count() == 2
