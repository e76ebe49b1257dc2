"""This app's part of the leak test's world (see ``core/tests/test_leaks.py``).

Every member of the cast flags every item they may read, with a note that carries
the item's marker, and flags its comments. Then some public and alliance-wide
threads and stream posts are hidden by moderators: they count as hidden for
everyone (the gate treats them as absent), so no page, the moderation queue and
review pages included, may show them. A comment quoting a hidden item's marker is
hidden too, and one person is suspended.
"""

from __future__ import annotations

from django.urls import reverse

from harambee.core.models import Comment
from harambee.core.visibility import can_view
from harambee.moderation.models import Flag, Hiding, Suspension


def build(cast, world) -> None:
    readers = [getattr(cast, name) for name in cast.names if name != "anon"]
    items = world["items"]
    comments = {
        c.content_id: c for c in Comment.objects.filter(content_id__in=[i.pk for i in items])
    }
    flags = []
    for reader in readers:
        for item in items:
            if not can_view(reader, item):
                continue
            marker = item.title.split("-")[0]
            flags.append(
                Flag(flagger=reader, content=item, reason="other", note=f"{marker}-FLAGNOTE")
            )
            if item.pk in comments:
                flags.append(
                    Flag(flagger=reader, content=item, comment=comments[item.pk], reason="spam")
                )
    Flag.objects.bulk_create(flags)
    candidates = [
        *[p for p in world["posts"] if p.visibility in ("public", "alliance")],
        *[p for p in world.get("stream_posts", []) if p.visibility in ("public", "alliance")],
    ]
    hidden = candidates[::3]
    for item in hidden:
        Hiding.objects.create(content=item, hidden_by=cast.steward, reason="Leak world")
        type(item).objects.filter(pk=item.pk).update(removed=True)
        item.removed = True
    # A visible item's comment quoting a hidden item's marker, hidden itself.
    shown = next(p for p in world["posts"] if p.visibility == "public" and p not in hidden)
    quoting = Comment.objects.create(
        content=shown, author=cast.member, body=f"{hidden[0].title.split('-')[0]}-QUOTED"
    )
    Hiding.objects.create(
        content=shown, comment=quoting, hidden_by=cast.steward, reason="Leak world"
    )
    Comment.objects.filter(pk=quoting.pk).update(removed=True)
    Flag.objects.create(flagger=cast.guest, content=shown, comment=quoting, reason="spam")
    world["moderation_suspension"] = Suspension.objects.create(
        user=cast.outsider, reason="Leak world", created_by=cast.steward
    )
    world["moderation_comments"] = comments
    # What each author is shown of their own hidden things (``moderation:yours``).
    yours = {
        (item.author_id, reverse("moderation:yours", args=[item.pk])): {_marker(item)}
        for item in hidden
    }
    comment_page = f"{reverse('moderation:yours', args=[shown.pk])}?comment={quoting.pk}"
    yours[(cast.member.pk, comment_page)] = {_marker(hidden[0])}
    world["moderation_yours"] = yours


def _marker(item) -> str:
    return item.title.split("-")[0]


def shown_to_author(user, url: str, world) -> set[str] | None:
    """Markers ``user`` may see at ``url``: their own hidden item (or comment), shown to
    them alone with the moderator's reason; None for other addresses."""
    if not url.startswith("/moderation/yours/"):
        return None
    return world["moderation_yours"].get((user.pk, url), set())


def urls_for(name: str, cast, world) -> list[str] | None:
    """URLs for this app's routes that take parameters; None for other routes."""
    if not name.startswith("moderation:"):
        return None
    items = world["items"]
    if name == "moderation:flag":
        comments = world["moderation_comments"]
        return [reverse(name, args=[i.pk]) for i in items] + [
            f"{reverse(name, args=[c.content_id])}?comment={c.pk}" for c in comments.values()
        ]
    if name in {"moderation:item", "moderation:act", "moderation:move"}:
        return [reverse(name, args=[i.pk]) for i in items]
    if name == "moderation:yours":
        return [url for _author, url in world["moderation_yours"]]
    if name == "moderation:suspend":
        return [reverse(name, args=[u.pk]) for u in (cast.outsider, cast.member, cast.guest)]
    if name == "moderation:lift":
        return [reverse(name, args=[world["moderation_suspension"].pk])]
    return [reverse(name)]
