"""The demo's public portal: the steward's front-page text, published news and a draft,
and featured items that are all public and shown on the front page."""

from __future__ import annotations

from django.urls import reverse

from harambee.portal.models import Feature, News
from harambee.portal.selectors import public_items


def test_the_demo_front_page_has_text_news_and_featured_public_items(demo, loaded_demo, client_for):
    assert loaded_demo["news"] == 3
    assert News.objects.filter(visibility="private").count() == 1
    features = Feature.objects.values_list("content_id", flat=True)
    assert len(features) == 5
    assert public_items().filter(pk__in=features).count() == 5
    html = client_for(None).get("/").content.decode()
    assert (
        "<strong>NGOs, governments, businesses, researchers and community groups</strong>" in html
    )
    assert "Regional workshop in Techiman" in html
    assert "Call for hosts" not in html
    featured = html.split('id="featured-heading"', 1)[1].split("<section", 1)[0]
    assert featured.count('class="card"') == 5
    assert client_for(None).get(reverse("portal:news_list")).status_code == 200
