"""A realistic demo alliance, loaded by ``harambee demo`` into an empty database.

Thirteen organisations from every sector, forty people on four continents, thirteen
spaces of every kind, join policy and listing, and a few weeks of conversation at every
visibility level. Seven initiatives on three continents document their action inquiry:
profiles and stakeholders, inquiry cycles with dated phase notes, learning notes with
their revisions, lessons, evidence (generated photos and PDFs) and one restricted note
published as a reviewed shareable version. Then stories, threads, the knowledge base,
the library, the stream, moderation, syntheses and notifications, and the public
portal's front page, news and featured items.

Everything is fixed data, in ``data/*.toml``: loading it twice into two fresh databases
gives the same alliance, with dates counted back from the moment of loading. All writes
that have a service go through it, so rendered HTML, audit rows and notification mail
come out as they would in real use.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from harambee.core.models import Attachment, Comment, Content, Reaction
from harambee.events.models import Event
from harambee.initiatives.models import Initiative, InquiryCycle, LearningNote, Lesson
from harambee.library.models import Collection, Resource
from harambee.people.models import Organisation, User
from harambee.portal.models import News
from harambee.press.models import Brochure
from harambee.reach.models import FieldReport
from harambee.research.models import Collaboration
from harambee.sampledata import initiatives as inquiry
from harambee.sampledata.common import Writer, say
from harambee.sampledata.events import load_events
from harambee.sampledata.languages import load_languages
from harambee.sampledata.library import load_library
from harambee.sampledata.moderation import load_moderation
from harambee.sampledata.notifications import load_notifications
from harambee.sampledata.people import load_organisations, load_people
from harambee.sampledata.portal import load_portal
from harambee.sampledata.press import load_press
from harambee.sampledata.radio import load_radio
from harambee.sampledata.research import load_research
from harambee.sampledata.sms import load_sms
from harambee.sampledata.spaces import load_posts, load_requests, load_spaces
from harambee.sampledata.stories import load_stories
from harambee.sampledata.stream import load_stream
from harambee.sampledata.synthesis import load_synthesis
from harambee.sampledata.threads import load_threads
from harambee.sampledata.training import load_training
from harambee.sampledata.wiki import load_wiki
from harambee.spaces.models import Invitation, JoinRequest, Membership, Post, Space
from harambee.stories.models import Story, StoryCall
from harambee.stream.models import StreamPost
from harambee.wiki.models import WikiPage


def load_demo(*, stdout: Writer | None = None) -> dict[str, int]:
    """Load the demo alliance in one transaction and return what was created, by kind.

    Meant for an empty database; the ``demo`` command checks that before calling."""
    with transaction.atomic():
        now = timezone.now().replace(second=0, microsecond=0)
        say(stdout, "Organisations and people…")
        orgs = load_organisations()
        people = load_people(orgs, now)
        say(stdout, "Spaces and members…")
        spaces = load_spaces(people, now)
        say(stdout, "Posts, comments and reactions…")
        load_posts(people, spaces, now)
        say(stdout, "Join requests and an invitation…")
        load_requests(people, spaces, now)
        say(stdout, "Initiatives, inquiry cycles, learning notes, lessons and evidence…")
        initiatives = inquiry.load_initiatives(people, orgs, spaces, now)
        notes = inquiry.load_inquiry(people, initiatives, now)
        inquiry.load_evidence(people, notes)
        inquiry.load_adaptation(people, notes, now)
        say(stdout, "Stories and story calls…")
        load_stories(people, spaces, now)
        say(stdout, "Forum and discussion threads…")
        load_threads(people, spaces, now)
        say(stdout, "Knowledge base…")
        load_wiki(people, spaces, notes, now)
        say(stdout, "Resource library and collections…")
        load_library(people, spaces, initiatives, now)
        say(stdout, "Stream, hashtags and follows…")
        load_stream(people, spaces, now)
        say(stdout, "Flags for moderators…")
        load_moderation(people, spaces, now)
        say(stdout, "Theme syntheses and related experiences…")
        load_synthesis(people, now)
        say(stdout, "Events, registrations and an invited outside voice…")
        load_events(people, spaces, now)
        say(stdout, "A training programme with a cohort, progress and a certificate…")
        load_training(people, orgs, spaces, now)
        say(stdout, "Reach by SMS: contacts, field reports, a broadcast and a poll…")
        load_sms(people, spaces, now)
        say(stdout, "Community radio: a station in Bono East and bulletins in English and Swahili…")
        load_radio(people, spaces, now)
        say(stdout, "Notifications…")
        load_notifications(people, now)
        say(stdout, "Print: a brochure of the Ghana forum's lessons…")
        load_press(people, spaces, now)
        say(stdout, "The public portal: the front page, news and featured items…")
        load_portal(people, now)
        say(stdout, "Research: community forest monitoring across two initiatives…")
        load_research(people, spaces, now)
        say(stdout, "Threads in French, Spanish, Portuguese and Swahili, with their originals…")
        load_languages(people)
    counts = {
        "organisations": Organisation.objects.count(),
        "people": User.objects.count(),
        "spaces": Space.objects.count(),
        "memberships": Membership.objects.count(),
        "posts": Post.objects.count(),
        "comments": Comment.objects.count(),
        "reactions": Reaction.objects.count(),
        "join_requests": JoinRequest.objects.filter(status=JoinRequest.Status.PENDING).count(),
        "invitations": Invitation.objects.filter(used__isnull=True).count(),
        "initiatives": Initiative.objects.count(),
        "cycles": InquiryCycle.objects.count(),
        "notes": LearningNote.objects.count(),
        "lessons": Lesson.objects.count(),
        "attachments": Attachment.objects.count(),
        "stories": Story.objects.count(),
        "story_calls": StoryCall.objects.count(),
        "wiki_pages": WikiPage.objects.count(),
        "resources": Resource.objects.count(),
        "collections": Collection.objects.count(),
        "stream_posts": StreamPost.objects.count(),
        "events": Event.objects.count(),
        "field_reports": FieldReport.objects.count(),
        "brochures": Brochure.objects.count(),
        "news": News.objects.count(),
        "research_collaborations": Collaboration.objects.count(),
        "translations": Content.objects.filter(translation_of__isnull=False).count(),
    }
    say(
        stdout,
        "Action inquiry: {initiatives} initiatives, {cycles} inquiry cycles, {notes} learning "
        "notes, {lessons} lessons, {attachments} pieces of evidence.".format(**counts),
    )
    return counts
