"""The demo's moderation: open flags on a stream post and a comment, one hidden
item, one dismissed flag, all through the services (so audited)."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from harambee.core.models import AuditEntry, Content
from harambee.moderation.models import Flag, Hiding, ModerationAction
from harambee.sampledata.moderation import load_moderation
from harambee.sampledata.people import load_organisations, load_people
from harambee.sampledata.spaces import load_spaces
from harambee.sampledata.stream import load_stream
from harambee.sampledata.threads import load_threads

pytestmark = pytest.mark.django_db


def test_the_demo_moderation_loads_flags_a_hiding_and_a_dismissal(client_for):
    now = timezone.now().replace(second=0, microsecond=0)
    people = load_people(load_organisations(), now)
    spaces = load_spaces(people, now)
    load_threads(people, spaces, now)
    load_stream(people, spaces, now)
    load_moderation(people, spaces, now)

    open_flags = Flag.objects.filter(status=Flag.Status.OPEN)
    assert open_flags.filter(comment__isnull=True, content__kind="stream_post").count() == 2
    assert open_flags.filter(comment__isnull=False).count() == 1
    assert Flag.objects.filter(status=Flag.Status.DISMISSED).count() == 1
    hiding = Hiding.objects.get()
    assert Content.objects.get(pk=hiding.content_id).removed
    assert AuditEntry.objects.filter(action=ModerationAction.CONTENT_HIDDEN).count() == 1
    assert AuditEntry.objects.filter(action=ModerationAction.FLAGS_DISMISSED).count() == 1
    # The steward's queue shows the open ones.
    steward = people["amara"]
    page = client_for(steward).get(reverse("moderation:queue")).content.decode()
    assert page.count('class="queue-entry"') == 2
