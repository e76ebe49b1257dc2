"""The demo knowledge base loads on the real demo alliance and shows what it should."""

from __future__ import annotations

import pytest

from harambee.core.models import Comment
from harambee.core.visibility import can_view
from harambee.wiki.models import WikiPage, WikiRedirect, WikiRevision

pytestmark = pytest.mark.django_db


def test_the_demo_wiki_has_real_linked_pages_with_history(demo, client_for):
    """The whole demo writes the knowledge base with ``load_wiki`` after its people,
    spaces and learning notes."""
    people = demo
    pages = WikiPage.objects.all()
    assert pages.count() >= 15
    assert set(pages.values_list("category", flat=True)) == set(WikiPage.Category.values)
    methodologies = pages.filter(category="methodology", visibility="public")
    assert methodologies.count() >= 6
    for page in methodologies:
        for heading in ("## Purpose", "## When to use", "## Steps", "## Facilitation tips"):
            assert heading in page.body, (page.title, heading)
    authors = set(WikiRevision.objects.values_list("author", flat=True))
    assert len(authors) >= 8
    assert WikiRevision.objects.filter(number__gt=1).exclude(summary="").count() >= 6
    assert WikiRedirect.objects.filter(title_key="msc").exists()
    assert pages.filter(space__isnull=False).exists()
    assert pages.filter(visibility__in=["space", "private"]).count() >= 2
    assert Comment.objects.filter(content__in=pages).count() >= 3

    anon = client_for(None)
    body = anon.get("/wiki/stakeholder-mapping/").content.decode()
    assert 'href="/wiki/power-cube/"' in body and 'href="/wiki/rich-pictures/"' in body
    # Examples are learning notes, shown through the gate: the public one to everyone,
    # the alliance-only one to members.
    assert "Radio and community sessions bring new voices" in body
    assert "Our map on the table" not in body
    member_view = client_for(people["kwame"]).get("/wiki/stakeholder-mapping/").content.decode()
    assert "Our map on the table" in member_view
    # One link leads to a page nobody has written yet.
    harvesting = anon.get("/wiki/outcome-harvesting/").content.decode()
    assert 'href="/wiki/new/?title=Social+network+analysis"' in harvesting
    assert anon.get("/wiki/msc/").status_code == 301
    # Restricted pages stay with those who may read them.
    draft = WikiPage.objects.get(title="Sensemaking workshops")
    assert not can_view(people["amara"], draft) and can_view(people["noor"], draft)
    circle = WikiPage.objects.get(title="How this circle runs its learning sets")
    assert anon.get(circle.url()).status_code == 404
    assert client_for(people["lindiwe"]).get(circle.url()).status_code == 200
    index = anon.get("/wiki/?category=methodology").content.decode()
    assert "Most significant change" in index and "Sensemaking workshops" not in index
