"""Lists show the first words of a body with "read more", never the whole body."""

from __future__ import annotations

import pytest
from django.template import Context, Template
from django.urls import reverse

from harambee.core.templatetags.excerpt import plain_words
from harambee.stories import services

pytestmark = pytest.mark.django_db


def test_an_excerpt_reads_entities_back_so_they_are_escaped_once():
    assert plain_words("<p>Farmers &amp; forest <em>guards</em></p><p>&lt;script&gt;</p>") == [
        "Farmers",
        "&",
        "forest",
        "guards",
        "<script>",
    ]
    out = Template("{% load excerpt %}{% excerpt html '/x/' 'T' %}").render(
        Context({"html": "<p>Farmers &amp; forest &lt;b&gt;</p>"})
    )
    assert "Farmers &amp; forest &lt;b&gt;" in out
    assert "&amp;amp;" not in out
    assert "Read more" not in out


def test_a_long_story_is_listed_with_its_first_words_and_read_more(cast, client_for):
    words = [f"w{i}" for i in range(5000)]
    story = services.story_create(
        author=cast.member, space=None, title="Long", body=" ".join(words), audience="public"
    )
    services.story_submit(actor=cast.member, story=story)
    services.story_publish(actor=cast.steward, story=story)
    page = client_for(cast.member).get(reverse("stories:blog")).content.decode()
    assert "w39" in page
    assert "w40 " not in page and "w4999" not in page
    assert "Read more" in page
    assert f'href="{story.get_absolute_url()}"' in page
