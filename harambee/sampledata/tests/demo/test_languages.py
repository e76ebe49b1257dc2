"""The demo's items in other languages: linked to their originals, offered to a reader
in their language, and listed under the original."""

from __future__ import annotations

from harambee.core.models import Content
from harambee.spaces.models import Post


def test_the_demo_threads_have_translations_readers_are_offered(demo, loaded_demo, client_for):
    assert loaded_demo["translations"] == 4
    languages = set(
        Content.objects.filter(translation_of__isnull=False).values_list("language", flat=True)
    )
    assert languages == {"es", "pt", "fr", "sw"}
    original = Post.objects.get(title="Which tools do you actually use for reflection sessions?")
    spanish = Post.objects.get(translation_of=original, language="es")
    client = client_for(None)
    page = client.get(original.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert f'href="{spanish.get_absolute_url()}" hreflang="es"' in page
    english = client.get(original.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Also in:" in english and spanish.get_absolute_url() in english
