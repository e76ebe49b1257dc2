"""Text that must be escaped exactly once, put into the leak test's world (see
``core/tests/test_leaks.py``), so that its tour of every page, as every member of the
cast, also proves that no page escapes text twice (``&amp;amp;``, ``&lt;`` shown as
text) and that lists show such text as it was typed.

Public items of several kinds, alliance-wide, by a person nobody follows and tagged
with a tag nobody follows (so no list the leak test counts on gains an entry): a
thread with a reply, a stream post that mentions a member, a story, a resource, a
wiki page, a learning note and its lesson, and a notice of the mention for everyone
signed in. ``world["extra_urls"]`` adds the pages and lists that show them.
"""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone

from harambee.conftest import make_user
from harambee.core.models import Visibility
from harambee.core.tests.factories import CommentFactory
from harambee.initiatives.models import LearningNote, Lesson
from harambee.library.models import Resource
from harambee.notifications import services as notices
from harambee.notifications.models import Kind
from harambee.spaces.models import Post
from harambee.stories.models import Story
from harambee.stream.models import StreamPost
from harambee.stream.services import handle_ensure
from harambee.wiki.models import WikiPage, WikiRevision

# What people type: an ampersand, markup that must stay text, a tag and quotes.
TITLE = 'Farmers & forest guards <script>alert("x")</script>'
SHOWN_TITLE = 'Farmers & forest guards <script>alert("x")</script>'
TAG = "escapeprobe"
BODY = (
    "Rangers & herders met <b>at dawn</b> & talked about **fire breaks**. "
    f"#{TAG} 5 < 7 & \"quoted\" 'words'."
)
SHOWN_BODY = "Rangers & herders met <b>at dawn</b> & talked about fire breaks."


def build(cast, world) -> None:
    author = make_user(display_name="Ama & Kofi <Probe>")
    mention = f"@{handle_ensure(user=cast.member).name}"
    public = {"author": author, "visibility": Visibility.PUBLIC, "title": TITLE}
    thread = Post.objects.create(space=None, body=f"{BODY} {mention}", **public)
    CommentFactory(content=thread, author=author, body=BODY)
    stream = StreamPost.objects.create(space=None, body=f"{BODY} {mention}", **public)
    story = Story.objects.create(
        space=None,
        body=BODY,
        status="published",
        audience="public",
        published=timezone.now(),
        **public,
    )
    resource = Resource.objects.create(
        space=None, body=BODY, resource_type=Resource.Type.REPORT, **public
    )
    page = WikiPage(space=None, body=BODY, revision=1, **public)
    page.save()
    WikiRevision.objects.create(
        page=page, number=1, title=page.title, body=page.body, category=page.category, author=author
    )
    source = world["notes"][0]
    note = LearningNote(initiative=source.initiative, space=source.space, learned=BODY, **public)
    note.save()
    lesson = Lesson.objects.create(note=note, space=source.space, body=BODY, **public)
    readers = [getattr(cast, name) for name in cast.names if name != "anon"]
    notices.notification_create_many(
        recipients=readers, kind=Kind.MENTION, actor=author, content=stream
    )
    probes = [thread, stream, story, resource, page, note, lesson]
    world["escape_probes"] = probes
    world["extra_urls"] = [
        *(item.get_absolute_url() for item in probes),
        reverse("stream:tag", args=[TAG]),
        reverse("stream:person", args=[author.pk]),
    ]


def urls_for(name: str, cast, world) -> list[str] | None:
    return None
