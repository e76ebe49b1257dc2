"""Who may open each page: one row per view, every cast member either allowed or refused.

Each row names what the page is about. Whoever may not see that is answered 404, as if
it did not exist; whoever may see it but not do this is answered 403 (anonymous visitors
on sign-in-required pages are sent to sign in: see ``matrix.assert_hidden``).
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from harambee.core.models import Visibility
from harambee.core.tests.factories import OrganisationFactory, PostFactory
from harambee.core.tests.matrix import assert_allowed, assert_hidden, assert_refused
from harambee.people.models import User

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
    space = cast.space
    # (page, who may open it, what it is about)
    return [
        (reverse("home"), EVERYONE, None),
        (reverse("spaces:list"), EVERYONE, None),
        (reverse("spaces:create"), ALLIANCE, None),
        (reverse("spaces:detail", args=[slug]), ALLIANCE | IN_SPACE, space),
        (reverse("spaces:edit", args=[slug]), {"space_lead"}, space),
        (reverse("spaces:members", args=[slug]), IN_SPACE | {"steward"}, space),
        (reverse("spaces:requests", args=[slug]), {"space_lead"}, space),
        (reverse("spaces:invite", args=[slug]), {"space_lead"}, space),
        (reverse("spaces:post_create", args=[slug]), IN_SPACE, space),
        (reverse("spaces:post", args=[public_post.pk]), EVERYONE, public_post),
        (reverse("spaces:post", args=[alliance_post.pk]), ALLIANCE | IN_SPACE, alliance_post),
        (reverse("spaces:post", args=[space_post.pk]), IN_SPACE, space_post),
        (reverse("spaces:post", args=[private_post.pk]), {"space_lead"}, private_post),
        (reverse("spaces:post_edit", args=[space_post.pk]), {"space_lead"}, space_post),
        # The directories are a page guests may not use (403 before any lookup); a
        # person's own page is in ``test_a_person_is_hidden_from_who_may_not_see_them``.
        (reverse("people:people"), ALLIANCE, None),
        (reverse("people:profile_edit"), SIGNED_IN, None),
        (reverse("people:organisations"), ALLIANCE, None),
        (reverse("people:organisation", args=[org.slug]), ALLIANCE, None),
        (reverse("site:audit"), {"steward"}, None),
        ("/admin/", {"steward"}, None),
    ]


def test_every_page_admits_exactly_whom_it_should(cast, client_for):
    for url, allowed, about in matrix(cast):
        assert_allowed(client_for, url, [getattr(cast, n) for n in sorted(allowed)])
        refused = [getattr(cast, n) for n in sorted(EVERYONE - allowed)]
        assert_refused(client_for, url, refused, about)


def test_a_person_is_hidden_from_who_may_not_see_them(cast, client_for):
    url = reverse("people:person", args=[cast.space_member.pk])
    seers = ALLIANCE | {"space_member"}
    assert_allowed(client_for, url, [getattr(cast, n) for n in sorted(seers)])
    missing = reverse("people:person", args=[User.objects.order_by("-pk")[0].pk + 1])
    assert_hidden(client_for, missing, [cast.guest, cast.outsider])
    assert_hidden(client_for, url, [getattr(cast, n) for n in sorted(EVERYONE - seers)])


def test_post_only_actions_refuse_get(cast, client_for):
    post = PostFactory(space=cast.space, visibility="public")
    for url in (
        reverse("spaces:join", args=[cast.space.slug]),
        reverse("spaces:leave", args=[cast.space.slug]),
        reverse("core:comment", args=[post.pk]),
        reverse("core:react", args=[post.pk]),
    ):
        assert client_for(cast.space_member).get(url).status_code == 405
