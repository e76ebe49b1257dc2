from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from harambee.core.models import AuditEntry
from harambee.core.tests.factories import MembershipFactory, UserFactory
from harambee.core.tests.querycount import assert_constant_queries
from harambee.core.tests.test_files import jpeg_with_gps, upload
from harambee.stories import services
from harambee.stories.models import Story, StoryCall

pytestmark = pytest.mark.django_db


@pytest.fixture
def facilitator(cast):
    person = UserFactory(display_name="Fatou Facilitator")
    MembershipFactory(space=cast.space, user=person, role="facilitator")
    return person


def write(author, space=None, **extra):
    fields = {
        "title": "How the chief came to the table",
        "body": "It started with tea.",
        "audience": "public",
    }
    fields.update(extra)
    return services.story_create(author=author, space=space, **fields)


def test_draft_review_publish_with_co_authors(cast, client_for, facilitator, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client = client_for(cast.space_member)
    response = client.post(
        reverse("stories:space_create", args=[cast.space.slug]),
        {
            "title": "Bringing government to the table",
            "body": "We *invited* the district officer.",
            "audience": "public",
            "coauthors": [cast.guest.pk],
            "cover": upload("cover.jpg", jpeg_with_gps()),
        },
    )
    story = Story.objects.get()
    assert response.status_code == 302 and story.status == "draft"
    assert story.visibility == "private" and story.cover.type == "image"
    # Draft: only the authors.
    url = story.get_absolute_url()
    assert client_for(cast.guest).get(url).status_code == 200  # a co-author
    assert client_for(cast.space_lead).get(url).status_code == 404
    client.post(reverse("stories:move", args=[story.pk, "submit"]))
    story.refresh_from_db()
    assert story.status == "review" and story.visibility == "space"
    # Reviewers in the space comment on the draft.
    client_for(cast.space_lead).post(
        reverse("core:comment", args=[story.pk]), {"body": "Name the officer's role, not her name."}
    )
    assert client_for(cast.member).get(url).status_code == 404
    # Authors cannot publish themselves; a facilitator can.
    assert client.post(reverse("stories:move", args=[story.pk, "publish"])).status_code == 403
    client_for(facilitator).post(reverse("stories:move", args=[story.pk, "publish"]))
    story.refresh_from_db()
    assert story.status == "published" and story.visibility == "public" and story.published
    assert AuditEntry.objects.filter(action="visibility_changed", content=story).count() == 2
    blog = client_for(None).get(reverse("stories:space_blog", args=[cast.space.slug]))
    assert blog.status_code == 404  # the space itself is not public
    alliance_blog = client_for(None).get(reverse("stories:blog")).content.decode()
    assert "Bringing government to the table" in alliance_blog
    # The cover is served through the gate like any file.
    assert client_for(None).get(story.cover.get_absolute_url()).status_code == 200


def test_alliance_blog_stories_are_published_by_stewards(cast, client_for):
    story = write(cast.member, audience="alliance")
    services.story_submit(actor=cast.member, story=story)
    assert client_for(cast.outsider).get(story.get_absolute_url()).status_code == 404
    assert client_for(cast.space_member).get(story.get_absolute_url()).status_code == 200
    assert (
        client_for(cast.space_lead)
        .post(reverse("stories:move", args=[story.pk, "publish"]))
        .status_code
        == 403
    )
    client_for(cast.steward).post(reverse("stories:move", args=[story.pk, "publish"]))
    story.refresh_from_db()
    assert story.visibility == "alliance" and story.status == "published"


def test_story_form_errors_keep_what_was_typed(cast, client_for):
    response = client_for(cast.member).post(
        reverse("stories:create"),
        {
            "title": "",
            "body": "A long story typed on a phone",
            "audience": "alliance",
        },
    )
    body = response.content.decode()
    assert response.status_code == 200 and "This field is required" in body
    assert "A long story typed on a phone" in body
    response = client_for(cast.member).post(
        reverse("stories:create"),
        {
            "title": "With a bad cover",
            "body": "Text",
            "audience": "alliance",
            "cover": upload("cover.jpg", b"<html>not an image</html>"),
        },
    )
    assert "not accepted" in response.content.decode()
    assert not Story.objects.exists()


def test_guests_do_not_write_on_the_alliance_blog(cast, client_for):
    assert client_for(cast.guest).get(reverse("stories:create")).status_code == 403
    assert (
        client_for(cast.guest)
        .get(reverse("stories:space_create", args=[cast.space.slug]))
        .status_code
        == 200
    )


def test_a_story_call_gathers_answers_into_a_collection(cast, client_for, facilitator):
    client = client_for(facilitator)
    client.post(
        reverse("stories:space_call_create", args=[cast.space.slug]),
        {
            "title": "How did you bring government to the table?",
            "body": "Short stories welcome",
            "deadline": "2027-01-31",
            "visibility": "space",
        },
    )
    call = StoryCall.objects.get()
    assert call.space == cast.space and call.status == "open"
    # Members answer with draft stories.
    answer_url = reverse("stories:create") + f"?call={call.pk}"
    client_for(cast.space_member).post(
        answer_url,
        {
            "title": "Tea with the district officer",
            "body": "It started with tea.",
            "audience": "space",
            "call": call.pk,
        },
    )
    quiet = write(cast.guest, call=call, title="A draft nobody has seen", audience="space")
    answer = Story.objects.get(title="Tea with the district officer")
    assert answer.call == call and answer.space == cast.space
    # The facilitator sees who answered, but not the title of a private draft.
    page = client.get(call.get_absolute_url()).content.decode()
    assert "Sam Spacemember" in page and "Gina Guest" in page
    assert "A draft nobody has seen" not in page and "Tea with the district officer" not in page
    services.story_submit(actor=cast.space_member, story=answer)
    services.story_publish(actor=facilitator, story=answer)
    client.post(
        reverse("stories:collection", args=[call.pk]),
        {"stories": [answer.pk], "intro": "Four ways in"},
    )
    call.refresh_from_db()
    assert call.status == "published"
    page = client_for(cast.space_lead).get(call.get_absolute_url()).content.decode()
    assert "Four ways in" in page and "Tea with the district officer" in page
    # Drafts cannot join a collection.
    response = client.post(reverse("stories:collection", args=[call.pk]), {"stories": [quiet.pk]})
    assert response.status_code == 422
    # Non-editors cannot start calls.
    assert (
        client_for(cast.space_member)
        .get(reverse("stories:space_call_create", args=[cast.space.slug]))
        .status_code
        == 403
    )


def test_closed_calls_take_no_answers(cast, facilitator):
    call = services.call_create(
        actor=facilitator,
        space=cast.space,
        title="Q?",
        body="",
        deadline=datetime.date(2027, 1, 1),
        visibility="space",
    )
    services.call_close(actor=facilitator, call=call)
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        write(cast.space_member, call=call)


def test_blog_query_count(cast, client_for):
    def add(n):
        for i in range(n):
            story = write(cast.member, title=f"S{i}", audience="public")
            services.story_submit(actor=cast.member, story=story)
            services.story_publish(actor=cast.steward, story=story)

    assert_constant_queries(client_for(cast.member), reverse("stories:blog"), add)


def test_story_and_call_pages_query_counts(cast, client_for, facilitator):
    from harambee.core.tests.factories import CommentFactory

    story = write(cast.space_member, space=cast.space, audience="space")
    services.story_submit(actor=cast.space_member, story=story)

    def add_comments(n):
        for _ in range(n):
            CommentFactory(content=story, author=UserFactory())

    assert_constant_queries(client_for(cast.space_member), story.get_absolute_url(), add_comments)

    call = services.call_create(
        actor=facilitator,
        space=cast.space,
        title="Q?",
        body="",
        deadline=datetime.date(2027, 1, 1),
        visibility="space",
    )

    def add_answers(n):
        for i in range(n):
            answer = write(cast.space_member, call=call, title=f"A{i}", audience="space")
            services.story_submit(actor=cast.space_member, story=answer)
            services.story_publish(actor=facilitator, story=answer)
            answer.in_collection = True
            answer.save(update_fields=["in_collection"])

    assert_constant_queries(client_for(facilitator), call.get_absolute_url(), add_answers)
