"""Every write of the stream: posts, tags kept in step with text, handles, follows
and bookmarks. Each function is atomic and checks who may do it."""

from __future__ import annotations

import unicodedata
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from harambee.core.excerpt import markdown_text
from harambee.core.markdown import (
    HASHTAG_RE,
    MAX_NAME_LENGTH,
    NOT_NAME_RE,
    extract_hashtags,
    extract_plain_hashtags,
    fold_accents,
    normalise_name,
)
from harambee.core.models import Content, Visibility
from harambee.core.posting import check_posting
from harambee.core.visibility import can_see_person, can_see_space, can_view
from harambee.inputs import clean_line
from harambee.people.models import User
from harambee.spaces.models import Space
from harambee.spaces.rules import may_write_in
from harambee.stream.models import (
    MAX_POST_LENGTH,
    Bookmark,
    ContentHashtag,
    Follow,
    Handle,
    Hashtag,
    StreamPost,
)

TITLE_LENGTH = 80


def visibility_choices(space: Space | None) -> list[tuple[str, Any]]:
    """Who a stream post may be for: a space-only post needs a space."""
    if space is None:
        return [c for c in Visibility.choices if c[0] in (Visibility.PUBLIC, Visibility.ALLIANCE)]
    return [c for c in Visibility.choices if c[0] != Visibility.PRIVATE]


def normalise_text(text: str) -> str:
    """Line ends as one character each, so the limit counts what people see."""
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def title_from_text(text: str) -> str:
    """The first words of the text as it reads (its Markdown left out), on one line,
    at most ``TITLE_LENGTH`` characters, without the invisible characters a title may
    not hold (``harambee.inputs``)."""
    line = " ".join(clean_line(markdown_text(text)).split())
    if len(line) <= TITLE_LENGTH:
        return line or "…"
    cut = line[: TITLE_LENGTH - 1]
    if " " in cut[TITLE_LENGTH // 2 :]:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,.;:") + "…"


@transaction.atomic
def stream_post_create(
    *, author: User, text: str, visibility: str, space: Space | None = None, language: str = "en"
) -> StreamPost:
    if not may_write_in(author, space):
        raise PermissionDenied
    check_posting(user=author)
    text = normalise_text(text)
    if not text:
        raise ValidationError(_("Write something first."), code="required")
    if len(text) > MAX_POST_LENGTH:
        raise ValidationError(
            _("A stream post has at most %(max)d characters; this one has %(n)d.")
            % {"max": MAX_POST_LENGTH, "n": len(text)},
            code="max_length",
        )
    if visibility not in dict(visibility_choices(space)):
        raise ValidationError(_("Choose who can see this post."), code="invalid_choice")
    return StreamPost.objects.create(
        author=author,
        space=space,
        visibility=visibility,
        title=title_from_text(text),
        body=text,
        language=language,
    )


@transaction.atomic
def stream_post_remove(*, actor: User, post: StreamPost) -> None:
    if post.author_id != actor.pk:
        raise PermissionDenied
    post.removed = True
    post.save(update_fields=["removed", "updated"])


def content_tags_sync(*, content: Content, created: bool = False) -> set[str]:
    """Make the item's stored tags those of its title and text. Called on every save
    of every kind (``signals``), so no app has to do anything for its tags."""
    names = extract_hashtags(content.body)
    if content.kind != StreamPost.KIND:
        # A stream post's title is its text's first words: code in the text is no
        # longer code there.
        names |= extract_plain_hashtags(content.title)
    with transaction.atomic():
        if created and not names:
            return names
        current = dict(
            ContentHashtag.objects.filter(content_id=content.pk).values_list("hashtag__name", "pk")
        )
        gone = [pk for name, pk in current.items() if name not in names]
        if gone:
            ContentHashtag.objects.filter(pk__in=gone).delete()
        new = names - current.keys()
        if new:
            tags = hashtags_get_or_create(names=new)
            ContentHashtag.objects.bulk_create(
                [ContentHashtag(content_id=content.pk, hashtag=tag) for tag in tags],
                ignore_conflicts=True,
            )
    return names


def content_tags_rebuild(*, batch_size: int = 500) -> int:
    """Tag every item from its title and text: for content written before the stream
    existed, or by bulk writers that skip signals (``harambee generate``). Idempotent;
    each batch is its own transaction. Returns how many items were looked at."""
    done, last = 0, 0
    while True:
        batch = list(
            Content.objects.filter(pk__gt=last)
            .order_by("pk")
            .only("pk", "title", "body")[:batch_size]
        )
        if not batch:
            return done
        for content in batch:
            content_tags_sync(content=content)
        done += len(batch)
        last = batch[-1].pk


def hashtags_get_or_create(*, names: set[str]) -> list[Hashtag]:
    """The tags called ``names`` (already normalised), made if they are new."""
    Hashtag.objects.bulk_create([Hashtag(name=n) for n in names], ignore_conflicts=True)
    return list(Hashtag.objects.filter(name__in=names))


def hashtag_name(raw: str) -> str | None:
    """The normalised tag for ``raw`` (with or without ``#``), or None if it is not one."""
    name = normalise_name(raw.strip().lstrip("#"))
    if len(name) > MAX_NAME_LENGTH or not HASHTAG_RE.fullmatch(f"#{name}"):
        return None
    return name


def handle_base(display_name: str) -> str:
    """``Lucía Ramírez`` -> ``lucia_ramirez``: Latin letters without accents, so the
    handle can be typed on any keyboard; letters and digits of other scripts kept."""
    folded = fold_accents(unicodedata.normalize("NFKC", display_name))
    return (
        normalise_name(NOT_NAME_RE.sub("_", folded).strip("_"))[: MAX_NAME_LENGTH - 6] or "person"
    )


def handle_ensure(*, user: User) -> Handle:
    """The person's handle, made from their display name the first time."""
    existing = Handle.objects.filter(user=user).first()
    if existing is not None:
        return existing
    base = handle_base(user.display_name)
    name, n = base, 2
    while True:
        if not Handle.objects.filter(name=name).exists():
            try:
                with transaction.atomic():
                    return Handle.objects.create(user=user, name=name)
            except IntegrityError:
                found = Handle.objects.filter(user=user).first()
                if found is not None:
                    return found
        name, n = f"{base}_{n}", n + 1


def _check_follow(follower: User, target: Hashtag | User | Space) -> dict[str, Any]:
    if not (follower.is_authenticated and follower.is_active):
        raise PermissionDenied
    if isinstance(target, Hashtag):
        return {"hashtag": target}
    if isinstance(target, Space):
        if not can_see_space(follower, target):
            raise PermissionDenied
        return {"space": target}
    if target.pk == follower.pk or not can_see_person(follower, target):
        raise PermissionDenied
    return {"person": target}


@transaction.atomic
def follow_set(*, follower: User, target: Hashtag | User | Space, on: bool) -> bool:
    """Follow or stop following a tag, a person or a space. Doing it twice is harmless.
    Returns whether the person now follows it."""
    fields = _check_follow(follower, target)
    if on:
        Follow.objects.get_or_create(follower=follower, **fields)
    else:
        Follow.objects.filter(follower=follower, **fields).delete()
    return on


@transaction.atomic
def bookmark_set(*, user: User, content: Content, on: bool) -> bool:
    """Keep an item to come back to, or let it go. Only items the person may read."""
    if not user.is_authenticated or not can_view(user, content):
        raise PermissionDenied
    if on:
        Bookmark.objects.get_or_create(user=user, content=content)
    else:
        Bookmark.objects.filter(user=user, content=content).delete()
    return on
