"""Every thread page is valid HTML (the Nu Html Checker, in one run), in each of its
states: the forum, a thread with summary, answer, quotes and tools, a locked thread,
a quote gone wrong, the guest's view, and the forms with their errors."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from harambee.core.services import comment_create
from harambee.core.tests.checkers import VNU_JAR, java, require_file, vnu
from harambee.core.tests.factories import PostFactory
from harambee.spaces import selectors, services
from harambee.spaces.models import ThreadGuest

pytestmark = pytest.mark.django_db


def test_thread_pages_are_valid_html(cast, client_for, tmp_path):
    require_file(VNU_JAR)
    java()
    thread = PostFactory(
        space=cast.space, author=cast.space_member, visibility="space", is_question=True
    )
    first = comment_create(author=cast.space_lead, content=thread, body="The forest office.")
    quote = selectors.quote_for(thread=thread, comment_id=str(first.pk))
    comment_create(author=cast.guest, content=thread, body=quote + "And the volunteers.")
    comment_create(author=cast.space_member, content=thread, body="Agreed.", parent=first)
    services.thread_mark_answer(actor=cast.space_member, thread=thread, comment=first)
    services.thread_summarise(actor=cast.space_lead, thread=thread, body="Two signatures.")
    services.thread_summarise(actor=cast.space_lead, thread=thread, body="**Both** sign.")
    ThreadGuest.objects.create(
        thread=thread, user=cast.outsider, expires=timezone.now() + timedelta(days=3)
    )
    locked = PostFactory(space=None, author=cast.member, visibility="alliance")
    services.thread_set_locked(actor=cast.steward, thread=locked, locked=True)
    url = thread.get_absolute_url()
    lead, steward = client_for(cast.space_lead), client_for(cast.steward)
    pages = {
        "forum": (client_for(None), "get", "/forum/", None),
        "forum-member": (steward, "get", "/forum/", None),
        "forum-new": (steward, "get", "/forum/new/", None),
        "forum-new-error": (steward, "post", "/forum/new/", {"title": "", "visibility": "x"}),
        "thread-lead": (lead, "get", url, None),
        "thread-quote": (lead, "get", f"{url}?quote={first.pk}", None),
        "thread-bad-quote": (lead, "get", f"{url}?quote=nope", None),
        "thread-voice": (client_for(cast.outsider), "get", url, None),
        "thread-locked": (steward, "get", locked.get_absolute_url(), None),
        "summary": (lead, "get", f"{url}summary/", None),
        "summary-error": (lead, "post", f"{url}summary/", {"body": " "}),
        "invite": (lead, "get", f"{url}invite/", None),
        "invite-error": (lead, "post", f"{url}invite/", {"email": "x", "access_until": "1"}),
        "space": (lead, "get", cast.space.get_absolute_url(), None),
    }
    for label, (client, method, path, data) in pages.items():
        response = getattr(client, method)(path, data or {})
        assert response.status_code in (200, 422), (label, response.status_code)
        (tmp_path / f"{label}.html").write_text(response.content.decode(), encoding="utf-8")
    messages = vnu(tmp_path)
    problems = [m for m in messages if m.get("type") == "error" or m.get("subType") == "warning"]
    assert problems == [], "\n".join(
        f"{m.get('url', '').rsplit('/', 1)[-1]}:{m.get('lastLine')}: {m['message']}"
        for m in problems
    )
