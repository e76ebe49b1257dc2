"""The ``demo`` command on an empty database, and its refusal of one with people.

With the demo already loaded, ``--if-empty`` is tested in test_demo.py."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from harambee.people.models import User
from harambee.sampledata.people import DEMO_PASSWORD, DEMO_SIGN_INS
from harambee.spaces.models import Space


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """The demo writes its photos and PDFs; keep them out of the real var/media."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.mark.django_db
def test_command_loads_and_prints_the_sign_ins():
    out = StringIO()
    call_command("demo", stdout=out)
    text = out.getvalue()
    assert User.objects.count() >= 35
    for email, _note in DEMO_SIGN_INS:
        assert email in text
    assert DEMO_PASSWORD in text
    assert "steward" in text and "guest" in text


@pytest.mark.django_db
def test_refuses_a_database_with_people():
    User.objects.create_user(email="someone@example.org", password="x" * 12)
    with pytest.raises(CommandError, match="fresh"):
        call_command("demo", stdout=StringIO())
    assert User.objects.count() == 1
    assert not Space.objects.exists()
