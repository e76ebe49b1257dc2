"""The demo's synthesis: three themes with a steward's text citing lessons, one of
them restricted, and related experiences for the demo's items."""

from __future__ import annotations

import pytest
from django.utils import timezone

from harambee.conftest import make_user
from harambee.core.tests.factories import MembershipFactory, SpaceFactory
from harambee.people.roles import AllianceRole
from harambee.sampledata.synthesis import load_synthesis
from harambee.synthesis.models import RelatedItem, ThemeSynthesis
from harambee.synthesis.tests import factories as f

pytestmark = pytest.mark.django_db


def test_load_synthesis_writes_what_we_know_and_related_items(cast):
    esi = make_user(display_name="Esi", role=AllianceRole.STEWARD)
    MembershipFactory(space=cast.space, user=esi)
    themes = [f.theme(slug, slug.title()) for slug in ("water-sanitation", "forests-land-use")]
    home = f.initiative(cast.space)
    away = f.initiative(SpaceFactory(), countries=["KE"])
    for i, theme in enumerate(themes):
        note = f.note(home, cast.space_lead, "public", f"Pumps and fees {i}", themes=[theme])
        f.lesson(note, "public", f"Fees paid for repairs {i}", themes=[theme])
        f.lesson(note, "space", f"Committee quarrels {i}", themes=[theme])
        other = f.note(away, cast.member, "public", f"Repairs and fees {i}", themes=[theme])
        f.lesson(other, "public", f"Repairs need fees {i}", themes=[theme])
    load_synthesis({"esi": esi, "amara": cast.steward}, timezone.now())
    assert ThemeSynthesis.objects.count() == 2
    cited = [lesson for s in ThemeSynthesis.objects.all() for lesson in s.cited.all()]
    assert any(lesson.visibility != "public" for lesson in cited)
    assert RelatedItem.objects.exists()
