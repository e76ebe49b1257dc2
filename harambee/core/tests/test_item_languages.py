"""An item's language and its human translations: linked by their authors, offered to
readers in their language, and only as far as the gate lets each reader see."""

from __future__ import annotations

import pytest
from django.urls import reverse

from harambee.core.models import Content, Visibility
from harambee.core.tests.factories import PostFactory
from harambee.core.translations import TranslationRefused, family, language_set

pytestmark = pytest.mark.django_db


@pytest.fixture
def pair(cast):
    original = PostFactory(
        space=cast.space,
        author=cast.space_member,
        title="Seedlings survive",
        visibility=Visibility.PUBLIC,
        language="en",
    )
    french = PostFactory(
        space=cast.space,
        author=cast.space_member,
        title="Les plants survivent",
        visibility=Visibility.PUBLIC,
    )
    hidden = PostFactory(
        space=cast.space,
        author=cast.space_member,
        title="Miche zinaishi",
        visibility=Visibility.SPACE,
    )
    language_set(actor=cast.space_member, item=french, language="fr", original=original)
    language_set(actor=cast.space_member, item=hidden, language="sw", original=original)
    return original, french, hidden


def test_readers_are_offered_the_versions_they_may_read(cast, client_for, pair):
    original, french, hidden = pair
    original.refresh_from_db()
    assert original.has_translations
    page = client_for(cast.anon).get(original.get_absolute_url()).content.decode()
    assert french.get_absolute_url() in page and "Also in:" in page
    assert hidden.get_absolute_url() not in page  # a space item, to a visitor
    member = client_for(cast.space_member).get(original.get_absolute_url()).content.decode()
    assert hidden.get_absolute_url() in member
    # From a translation, the original and the other translations.
    assert [v.item.pk for v in family(cast.space_member, french)] == [original.pk, hidden.pk]
    assert [v.item.pk for v in family(cast.anon, french)] == [original.pk]


def test_a_reader_in_french_is_offered_the_french_version(cast, client_for, pair):
    original, french, _hidden = pair
    client = client_for(cast.anon)
    client.cookies["django_language"] = "fr"
    page = client.get(original.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert f'<a href="{french.get_absolute_url()}" hreflang="fr">' in page
    assert 'class="notice" lang="fr"' in page
    # Not on the French version itself.
    assert 'class="notice"' not in client.get(french.get_absolute_url()).content.decode()


def test_an_item_without_translations_costs_no_query(cast, rf):
    from django.template import Context, Template

    item = PostFactory(space=cast.space, author=cast.space_member, visibility=Visibility.PUBLIC)
    request = rf.get("/")
    request.user = cast.member
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        html = Template("{% load meta %}{% item_languages item %}").render(
            Context({"item": item, "request": request})
        )
    assert len(queries) == 0 and html.strip() == ""


def test_the_link_is_refused_with_a_reason(cast, pair):
    original, french, hidden = pair
    other = PostFactory(space=cast.space, author=cast.space_member, visibility=Visibility.PUBLIC)
    with pytest.raises(TranslationRefused, match="too: a translation is in another language"):
        language_set(actor=cast.space_member, item=other, language="en", original=original)
    with pytest.raises(TranslationRefused, match="itself"):
        language_set(actor=cast.space_member, item=other, language="es", original=other)
    secret = PostFactory(space=cast.other_space, author=cast.outsider, visibility=Visibility.SPACE)
    with pytest.raises(TranslationRefused, match="No item you may read"):
        language_set(actor=cast.space_member, item=other, language="es", original=secret)
    with pytest.raises(TranslationRefused, match="translations of its own"):
        language_set(actor=cast.space_member, item=original, language="en", original=other)


def test_the_page_is_for_authors_and_takes_an_address(cast, client_for, pair):
    original, french, _hidden = pair
    spanish = PostFactory(
        space=cast.space,
        author=cast.space_member,
        title="Las plántulas",
        visibility=Visibility.PUBLIC,
    )
    url = reverse("core:item_language", args=[spanish.pk])
    assert client_for(cast.member).get(url).status_code == 403
    assert client_for(cast.outsider).get(url).status_code == 403
    secret_url = reverse("core:item_language", args=[PostFactory(space=cast.other_space).pk])
    assert client_for(cast.space_member).get(secret_url).status_code == 404
    client = client_for(cast.space_member)
    bad = client.post(url, {"language": "es", "original": "https://elsewhere.example/x/"})
    assert (
        bad.status_code == 422 and "No item you may read has that address." in bad.content.decode()
    )
    huge = client.post(url, {"language": "es", "original": "9" * 25})
    assert huge.status_code == 422
    unknown = client.post(url, {"language": "zz-nonsense", "original": ""})
    assert unknown.status_code == 422
    done = client.post(
        url, {"language": "es", "original": f"http://testserver{french.get_absolute_url()}"}
    )
    assert done.status_code == 302
    spanish = Content.objects.get(pk=spanish.pk)
    # Pointed at the original, not at the French translation it was given.
    assert spanish.language == "es" and spanish.translation_of_id == original.pk
    # Unlinking leaves the original without translations once none is left.
    for item in (spanish, french, _hidden):
        language_set(actor=cast.space_member, item=item, language=item.language, original=None)
    assert not Content.objects.get(pk=original.pk).has_translations
