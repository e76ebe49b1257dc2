"""On the leak test's world (every kind, every place, every visibility, hidden by
moderators, drafts, shareable copies): a brochure asked to print *every* item holds
each item the anonymous public may read and no other, and no reporter's name."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import AnonymousUser

from harambee.core.models import Content
from harambee.core.tests.test_leaks import cast, leak_world, world  # noqa: F401
from harambee.core.visibility import can_view
from harambee.press import services
from harambee.press.models import ITEMS_MAX, PRINT_KINDS
from harambee.press.tests.helpers import pdf_text
from harambee.reach.models import Contact, FieldReport

pytestmark = pytest.mark.django_db


def _marker(item) -> str:
    return item.title.split("-")[0] + "-"


def _printable(item: Content) -> bool:
    if item.kind not in PRINT_KINDS or not can_view(AnonymousUser(), item):
        return False
    return item.kind != "field_report" or FieldReport.objects.get(pk=item.pk).status == "verified"


def test_a_brochure_of_every_item_prints_exactly_the_public_ones(
    cast,  # noqa: F811
    world,  # noqa: F811
    settings,
    tmp_path,
):
    settings.MEDIA_ROOT = tmp_path / "media"
    items = [Content.objects.get(pk=item.pk) for item in world["items"]]
    brochure = services.brochure_create(
        actor=cast.space_lead,
        space=cast.space,
        title="Everything",
        source="hand",
        item_ids=[item.pk for item in items],
        queue=False,
    )
    assert services.brochure_render(brochure_id=brochure.pk) == "rendered"
    brochure.refresh_from_db()
    text = re.sub(r"\s+", "", pdf_text(brochure.pdf.read()))
    shown = [item for item in items if _printable(item)]
    assert len(shown) < ITEMS_MAX
    assert {item.kind for item in shown} == set(PRINT_KINDS)
    for item in items:
        if item in shown:
            assert _marker(item) in text, (item.kind, item.title)
        else:
            assert _marker(item) not in text, (item.kind, item.visibility, item.title)
    for name in Contact.objects.values_list("name", flat=True):
        if name:
            assert re.sub(r"\s+", "", name) not in text, name
    for marker in world["never_shown"]:
        assert marker not in text
    assert "SECRETSPACE-MARK" not in text
