from __future__ import annotations

import pytest
from django.urls import reverse

from harambee.core.models import Visibility
from harambee.core.tests.factories import CommentFactory, PostFactory, SpaceFactory
from harambee.core.tests.matrix import assert_allowed, assert_forbidden, assert_hidden
from harambee.spaces.models import Space

pytestmark = pytest.mark.django_db


def test_home_for_the_public_shows_only_public_posts(cast, client_for):
    # The visitors' front page lists public items of spaces the public may know of
    # (portal.selectors.public_items).
    cast.space.listing = Space.Listing.PUBLIC
    cast.space.save()
    PostFactory(space=cast.space, title="Open lesson", visibility=Visibility.PUBLIC)
    PostFactory(space=cast.space, title="Members lesson", visibility=Visibility.ALLIANCE)
    body = client_for(None).get("/").content.decode()
    assert "Open lesson" in body and "Members lesson" not in body


def test_home_for_a_member_shows_recent_activity(cast, client_for):
    PostFactory(space=cast.space, title="Space news", visibility=Visibility.SPACE)
    PostFactory(space=cast.other_space, title="Alliance news", visibility=Visibility.ALLIANCE)
    body = client_for(cast.space_member).get("/").content.decode()
    assert "Space news" in body and "Alliance news" in body
    assert "Space news" not in client_for(cast.member).get("/").content.decode()


def test_space_page_matrix(cast, client_for):
    url = reverse("spaces:detail", args=[cast.space.slug])
    assert_allowed(
        client_for, url, [cast.guest, cast.member, cast.space_member, cast.space_lead, cast.steward]
    )
    assert_hidden(client_for, url, [cast.anon, cast.outsider])


def test_secret_space_is_404_for_non_members(cast, client_for):
    secret = SpaceFactory(listing=Space.Listing.SECRET)
    url = reverse("spaces:detail", args=[secret.slug])
    assert_hidden(client_for, url, [cast.anon, cast.outsider, cast.guest, cast.member])
    assert client_for(cast.member).get(url).status_code == 404
    assert_allowed(client_for, url, [cast.steward])


def test_post_page_matrix(cast, client_for):
    post = PostFactory(space=cast.space, visibility=Visibility.SPACE, author=cast.space_lead)
    CommentFactory(content=post, author=cast.space_member, body="Thanks for this")
    url = reverse("spaces:post", args=[post.pk])
    assert_allowed(client_for, url, [cast.guest, cast.space_member, cast.space_lead])
    assert_hidden(client_for, url, [cast.anon, cast.outsider, cast.member, cast.steward])
    assert client_for(cast.member).get(url).status_code == 404
    assert "Thanks for this" in client_for(cast.space_member).get(url).content.decode()


def test_public_post_in_a_secret_space_does_not_name_the_space(cast, client_for):
    secret = SpaceFactory(name="Hidden Negotiation Table", listing=Space.Listing.SECRET)
    post = PostFactory(space=secret, visibility=Visibility.PUBLIC, title="What we can share")
    body = client_for(None).get(reverse("spaces:post", args=[post.pk])).content.decode()
    assert "What we can share" in body and "Hidden Negotiation Table" not in body
    # The front page lists only items of spaces the public may know of: neither the
    # space nor its item is there.
    home = client_for(None).get("/").content.decode()
    assert "What we can share" not in home and "Hidden Negotiation Table" not in home


def test_directories_are_for_members_only(cast, client_for):
    for name in ("people:people", "people:organisations"):
        url = reverse(name)
        assert_allowed(client_for, url, [cast.member, cast.space_member, cast.steward])
        assert_forbidden(client_for, url, [cast.anon, cast.guest, cast.outsider])


def test_directory_filters_by_sector_and_country(cast, client_for):
    cast.member.sector, cast.member.country = "government", "KE"
    cast.member.save()
    cast.space_member.sector, cast.space_member.country = "business", "GH"
    cast.space_member.save()
    client = client_for(cast.steward)
    body = client.get(reverse("people:people"), {"sector": "government"}).content.decode()
    assert "Mo Member" in body and "Sam Spacemember" not in body
    body = client.get(reverse("people:people"), {"country": "GH"}).content.decode()
    assert "Sam Spacemember" in body and "Mo Member" not in body


def test_guests_are_not_listed_in_the_directory(cast, client_for):
    body = client_for(cast.member).get(reverse("people:people")).content.decode()
    assert "Gina Guest" not in body
    assert (
        client_for(cast.member).get(reverse("people:person", args=[cast.guest.pk])).status_code
        == 404
    )


def test_audit_log_is_for_stewards(cast, client_for):
    url = reverse("site:audit")
    assert_allowed(client_for, url, [cast.steward])
    assert_forbidden(client_for, url, [cast.anon, cast.member, cast.space_lead, cast.guest])


def test_admin_is_for_stewards(cast, client_for):
    assert client_for(cast.steward).get("/admin/").status_code == 200
    assert client_for(cast.space_lead).get("/admin/").status_code == 302


def test_admin_post_list_goes_through_the_gate(cast, client_for):
    PostFactory(space=cast.space, title="Space-only reflection", visibility=Visibility.SPACE)
    body = client_for(cast.steward).get("/admin/spaces/post/").content.decode()
    assert "Space-only reflection" not in body


def test_profile_edit_saves_and_keeps_input_on_error(cast, client_for):
    client = client_for(cast.member)
    url = reverse("people:profile_edit")
    response = client.post(
        url, {"display_name": "", "time_zone": "Africa/Accra", "bio": "Forester"}
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "This field is required" in body and "Forester" in body
    response = client.post(
        url,
        {
            "display_name": "Mo M.",
            "time_zone": "Africa/Accra",
            "bio": "Forester",
            "sector": "community",
            "country": "GH",
            "languages": ["en", "fr"],
            "channels": ["sms", "radio"],
        },
    )
    assert response.status_code == 302
    cast.member.refresh_from_db()
    assert cast.member.display_name == "Mo M." and cast.member.channels == ["sms", "radio"]
    assert cast.member.languages == ["en", "fr"]


def test_the_admin_has_no_login_form_of_its_own(client_for):
    response = client_for(None).get("/admin/login/?next=/admin/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
