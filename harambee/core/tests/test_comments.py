from __future__ import annotations

import pytest
from django.urls import reverse

from harambee.core.models import Comment, Reaction, Visibility
from harambee.core.tests.factories import CommentFactory, PostFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def post(cast):
    return PostFactory(space=cast.space, author=cast.space_lead, visibility=Visibility.SPACE)


def test_a_member_comments_without_javascript(cast, client_for, post):
    response = client_for(cast.space_member).post(
        reverse("core:comment", args=[post.pk]), {"body": "We tried this in *Kumasi*."}
    )
    comment = Comment.objects.get(content=post)
    assert response.status_code == 302 and response["Location"].endswith(f"#comment-{comment.pk}")
    assert "<em>Kumasi</em>" in comment.body_html


def test_a_member_comments_with_htmx_and_gets_a_fragment(cast, client_for, post):
    response = client_for(cast.space_member).post(
        reverse("core:comment", args=[post.pk]), {"body": "Fragment please"}, HTTP_HX_REQUEST="true"
    )
    body = response.content.decode()
    assert response.status_code == 200 and "Fragment please" in body and "<html" not in body
    assert 'id="comment-form"' in body and 'data-hx-swap-oob="true"' in body


def test_replies_hang_under_their_comment(cast, client_for, post):
    top = CommentFactory(content=post, author=cast.space_lead)
    client = client_for(cast.space_member)
    client.post(reverse("core:comment", args=[post.pk]), {"body": "A reply", "parent": top.pk})
    reply = Comment.objects.get(body="A reply")
    assert reply.parent == top
    # A reply to a reply joins the same thread.
    client.post(reverse("core:comment", args=[post.pk]), {"body": "Deeper", "parent": reply.pk})
    assert Comment.objects.get(body="Deeper").parent == top
    page = client.get(reverse("spaces:post", args=[post.pk])).content.decode()
    assert f'id="replies-{top.pk}"' in page and "Deeper" in page


def test_an_empty_comment_shows_an_error_without_javascript(cast, client_for, post):
    response = client_for(cast.space_member).post(
        reverse("core:comment", args=[post.pk]), {"body": "   "}
    )
    body = response.content.decode()
    assert response.status_code == 422 and "This field is required" in body
    assert post.title in body


def test_an_empty_comment_with_htmx_replaces_the_form_with_the_error(cast, client_for, post):
    response = client_for(cast.space_member).post(
        reverse("core:comment", args=[post.pk]), {"body": ""}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 422 and response["HX-Retarget"] == "#comment-form"
    assert "This field is required" in response.content.decode()


def test_outsiders_cannot_comment_or_learn_the_item_exists(cast, client_for, post):
    for user in (cast.member, cast.outsider, cast.steward):
        response = client_for(user).post(reverse("core:comment", args=[post.pk]), {"body": "x"})
        assert response.status_code == 404
    assert not Comment.objects.exists()


def test_observers_may_comment_but_not_post(cast, client_for, post):
    from harambee.core.tests.factories import MembershipFactory, UserFactory

    observer = UserFactory()
    MembershipFactory(space=cast.space, user=observer, role="observer")
    client = client_for(observer)
    client.post(reverse("core:comment", args=[post.pk]), {"body": "Noted"})
    assert Comment.objects.filter(author=observer).exists()
    assert client.get(reverse("spaces:post_create", args=[cast.space.slug])).status_code == 403


def test_reactions_toggle(cast, client_for, post):
    client = client_for(cast.space_member)
    url = reverse("core:react", args=[post.pk])
    client.post(url, {"type": "insightful"})
    assert Reaction.objects.filter(content=post, user=cast.space_member).count() == 1
    response = client.post(url, {"type": "insightful"}, HTTP_HX_REQUEST="true")
    assert Reaction.objects.filter(content=post).count() == 0
    assert 'aria-pressed="false"' in response.content.decode()
    # An unknown reaction changes nothing and says so on the item's page.
    unknown = client.post(url, {"type": "nonsense"}, follow=True)
    assert "That reaction is not one we know" in unknown.content.decode()
    assert Reaction.objects.filter(content=post).count() == 0
    assert client_for(cast.member).post(url, {"type": "like"}).status_code == 404


def test_post_create_and_edit_with_visibility_change_audited(cast, client_for):
    client = client_for(cast.space_member)
    response = client.post(
        reverse("spaces:post_create", args=[cast.space.slug]),
        {"title": "Cycle one", "body": "What we tried", "visibility": "space"},
    )
    from harambee.core.models import AuditEntry
    from harambee.spaces.models import Post

    post = Post.objects.get(title="Cycle one")
    assert response.status_code == 302
    client.post(
        reverse("spaces:post_edit", args=[post.pk]),
        {"title": "Cycle one", "body": "What we tried", "visibility": "public"},
    )
    entry = AuditEntry.objects.get(action="visibility_changed")
    assert entry.detail == {"before": "space", "after": "public"}
    assert (
        client_for(cast.space_lead).get(reverse("spaces:post_edit", args=[post.pk])).status_code
        == 403
    )


def test_post_form_errors_keep_what_was_typed(cast, client_for):
    response = client_for(cast.space_member).post(
        reverse("spaces:post_create", args=[cast.space.slug]),
        {"title": "", "body": "Long careful reflection", "visibility": "space"},
    )
    body = response.content.decode()
    assert response.status_code == 200 and "This field is required" in body
    assert "Long careful reflection" in body
