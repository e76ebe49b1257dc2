"""Who may open each page: one row per view, every cast member either allowed or denied.

Denied means sent to sign in (anonymous), 403, or 404 — never the page itself.
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from harambee.core.models import Visibility
from harambee.core.tests.factories import OrganisationFactory, PostFactory
from harambee.core.tests.matrix import assert_allowed, assert_denied

pytestmark = pytest.mark.django_db

EVERYONE = {"anon", "outsider", "guest", "member", "space_member", "space_lead", "steward"}
SIGNED_IN = EVERYONE - {"anon"}
ALLIANCE = {"member", "space_member", "space_lead", "steward"}
IN_SPACE = {"guest", "space_member", "space_lead"}


def matrix(cast):
    org = OrganisationFactory()
    space_post = PostFactory(space=cast.space, author=cast.space_lead, visibility=Visibility.SPACE)
    public_post = PostFactory(space=cast.space, author=cast.space_lead, visibility="public")
    alliance_post = PostFactory(space=cast.space, author=cast.space_lead, visibility="alliance")
    private_post = PostFactory(space=cast.space, author=cast.space_lead, visibility="private")
    slug = cast.space.slug
    return [
        (reverse("home"), EVERYONE),
        (reverse("spaces:list"), EVERYONE),
        (reverse("spaces:create"), ALLIANCE),
        (reverse("spaces:detail", args=[slug]), ALLIANCE | IN_SPACE),
        (reverse("spaces:edit", args=[slug]), {"space_lead"}),
        (reverse("spaces:members", args=[slug]), IN_SPACE | {"steward"}),
        (reverse("spaces:requests", args=[slug]), {"space_lead"}),
        (reverse("spaces:invite", args=[slug]), {"space_lead"}),
        (reverse("spaces:post_create", args=[slug]), IN_SPACE),
        (reverse("spaces:post", args=[public_post.pk]), EVERYONE),
        (reverse("spaces:post", args=[alliance_post.pk]), ALLIANCE | IN_SPACE),
        (reverse("spaces:post", args=[space_post.pk]), IN_SPACE),
        (reverse("spaces:post", args=[private_post.pk]), {"space_lead"}),
        (reverse("spaces:post_edit", args=[space_post.pk]), {"space_lead"}),
        (reverse("people:people"), ALLIANCE),
        (reverse("people:person", args=[cast.space_member.pk]), ALLIANCE | {"space_member"}),
        (reverse("people:profile_edit"), SIGNED_IN),
        (reverse("people:organisations"), ALLIANCE),
        (reverse("people:organisation", args=[org.slug]), ALLIANCE),
        (reverse("site:audit"), {"steward"}),
        ("/admin/", {"steward"}),
    ]


def test_every_page_admits_exactly_whom_it_should(cast, client_for):
    for url, allowed in matrix(cast):
        assert_allowed(client_for, url, [getattr(cast, n) for n in sorted(allowed)])
        assert_denied(client_for, url, [getattr(cast, n) for n in sorted(EVERYONE - allowed)])


def test_post_only_actions_refuse_get(cast, client_for):
    post = PostFactory(space=cast.space, visibility="public")
    for url in (
        reverse("spaces:join", args=[cast.space.slug]),
        reverse("spaces:leave", args=[cast.space.slug]),
        reverse("core:comment", args=[post.pk]),
        reverse("core:react", args=[post.pk]),
    ):
        assert client_for(cast.space_member).get(url).status_code == 405
