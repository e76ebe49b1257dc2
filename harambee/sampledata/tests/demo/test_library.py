"""The library's demo: enough varied, real-sounding resources and collections, with
restricted ones kept behind the gate."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from harambee.library.models import Collection, Resource
from harambee.sampledata.library import TRAINING_WIKI_TITLES
from harambee.sampledata.people import ORGANISATIONS
from harambee.wiki.models import WikiPage

pytestmark = pytest.mark.django_db


def test_the_demo_library_is_varied(demo):
    resources = list(Resource.objects.all())
    assert len(resources) >= 20
    languages = {code for r in resources for code in r.languages}
    assert {"en", "fr", "es", "sw", "pt"} <= languages
    assert len({r.resource_type for r in resources}) >= 7
    assert {"public", "alliance", "space", "private"} <= {r.visibility for r in resources}
    assert any(r.link and not r.current_id for r in resources)
    toolkit = Resource.objects.get(title="Stakeholder mapping toolkit")
    assert toolkit.versions.count() == 2 and toolkit.current.number == 2
    assert toolkit.download_count == sum(toolkit.versions.values_list("download_count", flat=True))
    assert toolkit.download_count > 0
    assert len(ORGANISATIONS) and toolkit.organisations.count() == 2
    assert Collection.objects.count() >= 2
    pack = Collection.objects.get(title="Training pack on multi-stakeholder processes")
    assert pack.entries.count() >= 7
    # The wiki's demo runs first: its public pages on these topics join the pack.

    in_pack = set(
        pack.entries.filter(item__kind=WikiPage.KIND).values_list("item__title", flat=True)
    )
    expected = set(
        WikiPage.objects.filter(
            title__in=list(TRAINING_WIKI_TITLES), visibility="public"
        ).values_list("title", flat=True)
    )
    assert in_pack == expected
    if WikiPage.objects.exists():
        assert len(in_pack) >= 5


def test_the_demo_library_keeps_restricted_items_behind_the_gate(demo, client_for):
    anon = client_for(AnonymousUser())
    index = anon.get(reverse("library:index") + "?sort=downloads").content.decode()
    assert "Stakeholder mapping toolkit" in index
    assert "steering group draft" not in index and "Synthesis: how initiatives" not in index
    pack = Collection.objects.get(title="Training pack on multi-stakeholder processes")
    page = anon.get(pack.get_absolute_url()).content.decode()
    assert "Complexity thinking for facilitators" in page
    assert "Cohort 3, module 2" not in page
    cohort = client_for(demo["akosua"]).get(pack.get_absolute_url()).content.decode()
    assert "Cohort 3, module 2" in cohort
    toolkit = Resource.objects.get(title="Stakeholder mapping toolkit")
    body = anon.get(toolkit.get_absolute_url()).content.decode()
    assert "Added a worksheet" in body and "women" in body
