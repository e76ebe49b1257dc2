"""Moderation in the demo: open flags on a stream post and on a comment, one item
hidden by a steward (a spam post written for the purpose), and one flag dismissed.

``load_moderation(people, spaces, now)`` takes ``load_demo``'s dicts and runs after
the stream is loaded (it flags stream posts and forum threads that exist by then).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db.models import Q

from harambee.core.models import Comment, Visibility
from harambee.moderation import services
from harambee.moderation.models import Flag, Hiding
from harambee.people.models import User
from harambee.people.roles import AllianceRole
from harambee.sampledata.common import backdate
from harambee.sampledata.datafiles import read
from harambee.spaces.models import Post, Space
from harambee.stream.models import StreamPost

WORDS = read("moderation")
WIDE = Q(space__isnull=True, visibility__in=[Visibility.PUBLIC, Visibility.ALLIANCE])


def load_moderation(people: dict[str, User], spaces: dict[str, Space], now: datetime) -> None:
    """Write the demo's flags, one hidden item and one dismissed flag."""
    stewards = [u for u in people.values() if u.role == AllianceRole.STEWARD]
    members = [u for u in people.values() if u.role == AllianceRole.MEMBER]
    steward = people.get("amara") or stewards[0]
    posts = list(StreamPost.objects.filter(WIDE, removed=False).order_by("-created")[:5])
    if not posts or len(members) < 3:
        return

    # Two people flag the same alliance-wide stream post.
    post = posts[0]
    flaggers = [m for m in members if m.pk != post.author_id][:2]
    for n, (who, (reason, note)) in enumerate(zip(flaggers, WORDS["post_flags"], strict=True)):
        flag, _ = services.flag_create(flagger=who, content=post, reason=reason, note=note)
        backdate(Flag, flag.pk, now - timedelta(hours=6 - n), "created")

    # A comment on a stream post or forum thread, flagged as abusive.
    comment = (
        Comment.objects.filter(removed=False, content__in=[p.pk for p in posts])
        .select_related("content")
        .first()
        or Comment.objects.filter(removed=False, content__in=Post.objects.filter(WIDE).values("pk"))
        .select_related("content")
        .first()
    )
    if comment is not None:
        who = next(m for m in members if m.pk != comment.author_id)
        flag, _ = services.flag_create(
            flagger=who,
            content=comment.content,
            comment=comment,
            reason=WORDS["comment_flag"][0],
            note=WORDS["comment_flag"][1],
        )
        backdate(Flag, flag.pk, now - timedelta(hours=3), "created")

    # A spam post from a new account, flagged and hidden by a steward.
    spammer, advert = members[-1], WORDS["spam"]
    spam = StreamPost.objects.create(
        space=None, author=spammer, visibility=Visibility.ALLIANCE, title=advert[:60], body=advert
    )
    backdate(StreamPost, spam.pk, now - timedelta(days=1, hours=2), "created", "updated")
    services.flag_create(flagger=members[0], content=spam, reason="spam")
    hiding = services.content_hide(actor=steward, content=spam, reason=WORDS["spam_hidden_because"])
    backdate(Hiding, hiding.pk, now - timedelta(days=1), "created")

    # A flag a steward looked at and dismissed.
    thread = Post.objects.filter(WIDE, removed=False).order_by("created").first()
    if thread is not None:
        who = next(m for m in members if m.pk != thread.author_id)
        services.flag_create(flagger=who, content=thread, reason="off_topic")
        services.flags_dismiss(actor=steward, content=thread)
