"""Two threads the generated data does not have, added once to a benchmark database:

- "own": 50 replies of about 80 words, every one written by the same member — the
  reader of the measured page (a thread one has taken part in throughout);
- "long": 200 top-level replies from many people, read over pages (``?from=``).

Both are alliance-wide forum threads, so every member may read and reply. Idempotent:
found by title on later runs. Run inside a configured Django process.
"""

from __future__ import annotations

from typing import Any

OWN_TITLE = "Benchmark: one member's 50 replies"
LONG_TITLE = "Benchmark: a thread of 200 replies"
WORDS = (
    "Farmers and forest guards met again at the river crossing to weigh what the last "
    "season taught them about fire breaks, grazing rotations and who keeps the records; "
    "the women's group brought their own tally of seedlings and losses, and the district "
    "officer asked how the radio announcements reached the villages without a signal. "
)


def _member():
    from harambee.people.models import User
    from harambee.people.roles import AllianceRole

    return User.objects.filter(is_active=True, role=AllianceRole.MEMBER).order_by("pk").first()


def ensure_threads() -> dict[str, Any]:
    """The two threads (created on the first call) and the member who wrote "own"."""
    from django.db import transaction

    from harambee.core.models import Comment, Visibility
    from harambee.people.models import User
    from harambee.spaces.models import Post

    member = _member()
    own = Post.objects.filter(title=OWN_TITLE).first()
    long = Post.objects.filter(title=LONG_TITLE).first()
    with transaction.atomic():
        if own is None:
            own = Post.objects.create(
                title=OWN_TITLE,
                body=WORDS,
                author=member,
                visibility=Visibility.ALLIANCE,
            )
            for i in range(50):
                Comment.objects.create(content=own, author=member, body=f"{i}. {WORDS}")
        if long is None:
            long = Post.objects.create(
                title=LONG_TITLE, body=WORDS, author=member, visibility=Visibility.ALLIANCE
            )
            people = list(User.objects.filter(is_active=True).order_by("pk")[:40])
            for i in range(200):
                Comment.objects.create(
                    content=long, author=people[i % len(people)], body=f"{i}. {WORDS}"
                )
    later = (
        Comment.objects.filter(content=long, parent__isnull=True)
        .order_by("created", "pk")
        .values_list("pk", flat=True)[100]
    )
    return {"member": member, "own": own, "long": long, "long_later_start": later}
