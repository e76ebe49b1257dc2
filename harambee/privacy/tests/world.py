"""A person with a little of everything, made through the services as the site makes
it, for the export and erase tests."""

from __future__ import annotations

from types import SimpleNamespace

from django.contrib.auth.models import AnonymousUser

from harambee.conftest import make_user
from harambee.core.models import Reaction, Visibility
from harambee.core.services import audit_record, comment_create
from harambee.core.tests.factories import MembershipFactory, SpaceFactory
from harambee.insights.services import reads_record
from harambee.people.roles import AllianceRole
from harambee.reach.models import Contact, InboundRequest, Message
from harambee.spaces.models import Membership
from harambee.spaces.services import post_create
from harambee.stream.models import Bookmark, Follow

EMAIL = "amina.erase@example.org"
PHONE = "+254712345678"


def build() -> SimpleNamespace:
    space = SpaceFactory(name="Forest monitors", slug="forest-monitors")
    secret = SpaceFactory(name="Closed steering group", slug="closed-steering")
    amina = make_user(email=EMAIL, display_name="Amina Wanjiru", bio="Forester in Nyeri")
    other = make_user(display_name="Kofi Other")
    steward = make_user(display_name="Stella Steward", role=AllianceRole.STEWARD)
    MembershipFactory(space=space, user=amina)
    MembershipFactory(space=space, user=other)
    MembershipFactory(space=secret, user=other)
    left = MembershipFactory(space=secret, user=amina)

    public = post_create(
        author=amina,
        space=space,
        title="Seedlings survive",
        body="We learned.",
        visibility=Visibility.PUBLIC,
    )
    private = post_create(
        author=amina,
        space=space,
        title="Amina's own notes",
        body="Mine.",
        visibility=Visibility.PRIVATE,
    )
    theirs = post_create(
        author=other,
        space=space,
        title="Write to Amina",
        body=f"Ask her at {EMAIL} or {PHONE}.",
        visibility=Visibility.SPACE,
    )
    hidden = post_create(
        author=other,
        space=secret,
        title="Steering secret",
        body="Budget.",
        visibility=Visibility.SPACE,
    )
    answered = comment_create(author=amina, content=theirs, body="Answered comment by Amina")
    comment_create(author=other, content=theirs, body="A reply to Amina", parent=answered)
    lonely = comment_create(author=amina, content=theirs, body="Lonely comment by Amina")
    on_hidden = comment_create(author=amina, content=hidden, body="Amina in the steering group")
    Reaction.objects.create(content=hidden, user=amina, type=Reaction.Type.LIKE)
    Reaction.objects.create(content=theirs, user=amina, type=Reaction.Type.LIKE)
    # She opened both pages (insights' readers); the steering group's is hers no more.
    reads_record(user=amina, content_ids=[theirs.pk, hidden.pk])
    Follow.objects.create(follower=other, person=amina)
    Bookmark.objects.create(user=amina, content=public)
    audit_record(actor=steward, action="alliance_role_changed", subject=amina, email=EMAIL)
    contact = Contact.objects.create(phone=PHONE, name="Amina (SMS)", user=amina)
    Message.objects.create(
        direction="in",
        channel="console",
        contact=contact,
        phone=PHONE,
        body="FIRE at the ridge",
        status="received",
    )
    InboundRequest.objects.create(
        channel="console",
        gateway="console",
        path="/sms/hooks/console/console/",
        body="From=%2B254712345678&Body=FIRE",
    )
    # Amina has left the steering group: what is in it is no longer hers to see.
    Membership.objects.filter(pk=left.pk).delete()
    return SimpleNamespace(
        amina=amina,
        other=other,
        steward=steward,
        space=space,
        public=public,
        private=private,
        theirs=theirs,
        hidden=hidden,
        answered=answered,
        lonely=lonely,
        on_hidden=on_hidden,
        anon=AnonymousUser(),
    )
