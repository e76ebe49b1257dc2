"""The portal's pages and the tags it adds to every page's head are valid HTML."""

from __future__ import annotations

import pytest
from django.urls import reverse

from harambee.core.tests.checkers import vnu
from harambee.core.tests.test_html_validity import report

pytestmark = pytest.mark.django_db


def test_portal_pages_and_head_tags_are_valid_html(cast, world, client_for, tmp_path):
    from harambee.portal import newsletter
    from harambee.portal.models import Feature, News, Subscriber

    member = client_for(cast.space_member)
    anon = client_for(cast.anon)
    steward = client_for(cast.steward)
    news = News.objects.create(author=cast.steward, visibility="public", title="Alliance news")
    Feature.objects.create(content=world.items["PUB-story"])
    subscriber = Subscriber.objects.create(email="reader@example.org")
    confirm = reverse("portal:newsletter_confirm", args=[newsletter.confirm_token(email="r@x.org")])
    Subscriber.objects.create(email="r@x.org")
    unsubscribe = reverse(
        "portal:newsletter_unsubscribe",
        args=[newsletter.unsubscribe_token(subscriber=subscriber)],
    )
    pages = {
        "front": anon.get(reverse("portal:front")),
        "front-steward": steward.get(reverse("portal:front")),
        "curate": steward.get(reverse("portal:curate")),
        "curate-refused": steward.post(
            reverse("portal:curate"),
            {"action": "address", "address": world.items["MEM-story"].get_absolute_url()},
        ),
        "news-list": steward.get(reverse("portal:news_list")),
        "news": anon.get(news.get_absolute_url()),
        "news-form": steward.get(reverse("portal:news_edit", args=[news.pk])),
        "news-form-errors": steward.post(reverse("portal:news_create"), {"title": ""}),
        "newsletter": anon.get(reverse("portal:newsletter")),
        "newsletter-errors": anon.post(reverse("portal:newsletter"), {"email": "nope"}),
        "newsletter-sent": anon.post(reverse("portal:newsletter"), {"email": "a@b.org"}),
        "newsletter-confirm": anon.get(confirm),
        "newsletter-confirmed": anon.post(confirm),
        "newsletter-invalid": anon.get(reverse("portal:newsletter_confirm", args=["x"])),
        "unsubscribe": anon.get(unsubscribe),
        "unsubscribed": anon.post(unsubscribe),
        "settings-empty": member.get(reverse("portal:feed_settings")),
        "settings-new": member.post(reverse("portal:feed_settings"), {"action": "create"}),
        "settings-current": member.get(reverse("portal:feed_settings")),
        "story": anon.get(world.items["PUB-story"].get_absolute_url()),
        "space": anon.get(world.public.get_absolute_url()),
        "home": anon.get("/"),
        "theme": anon.get(reverse("synthesis:theme", args=[world.theme.slug])),
    }
    out = tmp_path / "pages"
    out.mkdir()
    for label, response in pages.items():
        assert response.status_code in (200, 400, 422), label
        (out / f"{label}.html").write_text(response.content.decode(), encoding="utf-8")
    assert 'property="og:description"' in pages["story"].content.decode()
    messages = vnu(out)
    problems = [m for m in messages if m.get("type") == "error" or m.get("subType") == "warning"]
    if problems:
        pytest.fail(f"{len(problems)} problems in {len(pages)} pages:\n{report(problems)}")
