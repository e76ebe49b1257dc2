"""Writes on the knowledge base. Every save of a page is one atomic function that
writes the page, its revision and its links, and audits visibility changes.

A save made from an older revision than the page's latest is merged three-way
(``merge.py``); when the changes overlap nothing is written and ``EditConflict``
carries both versions back to the editor, so an edit is never silently lost.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from harambee.core.models import Visibility
from harambee.core.posting import check_posting
from harambee.core.services import audit_visibility_change
from harambee.core.visibility import can_view, visible
from harambee.initiatives.models import LearningNote
from harambee.people.models import User
from harambee.spaces.rules import may_write_in
from harambee.wiki import merge, rules
from harambee.wiki.markup import (
    FORBIDDEN_IN_TITLES,
    TITLE_MAX,
    clean_title,
    linked_titles,
    make_slug,
    title_key,
)
from harambee.wiki.models import (
    WikiLink,
    WikiPage,
    WikiRedirect,
    WikiRevision,
    WikiWatch,
    wiki_key_of,
)

SUMMARY_MAX = 300


@dataclass
class EditConflict(Exception):
    """A save that overlaps changes made since the editor opened the page."""

    page: WikiPage
    latest: WikiRevision
    mine: str
    theirs: str
    merged: str
    # Fields other than the text that both sides changed: name -> (mine, theirs).
    clashes: dict[str, tuple[str, str]] = field(default_factory=dict)


@dataclass
class Saved:
    page: WikiPage
    revision: WikiRevision | None
    # The revision number this save was merged with, when it was.
    merged_with: int | None = None


def visibility_choices(space: Any) -> list[tuple[str, Any]]:
    """The alliance wiki has no space, so no space-only pages."""
    if space is None:
        return [c for c in Visibility.choices if c[0] != Visibility.SPACE]
    return list(Visibility.choices)


def checked_title(title: str, *, space: Any, page: WikiPage | None = None) -> str:
    """The title, tidied, or a ValidationError saying what is wrong with it."""
    title = clean_title(title)
    if not title:
        raise ValidationError({"title": _("Give the page a title.")})
    if len(title) > TITLE_MAX:
        raise ValidationError(
            {
                "title": _("A title has at most %(max)d characters (this one has %(n)d).")
                % {"max": TITLE_MAX, "n": len(title)}
            }
        )
    if FORBIDDEN_IN_TITLES.search(title):
        raise ValidationError(
            {"title": _("A title cannot contain any of these characters: [ ] | # < > { }")}
        )
    taken = WikiPage.objects.filter(
        wiki_key=wiki_key_of(space.pk if space else None), title_key=title_key(title)
    )
    if page is not None:
        taken = taken.exclude(pk=page.pk)
    if taken.exists():
        raise ValidationError({"title": _("This wiki already has a page with this title.")})
    return title


def _unique_slug(title: str, wiki_key: int, page: WikiPage | None) -> str:
    base = make_slug(title)
    others = WikiPage.objects.filter(wiki_key=wiki_key, slug__startswith=base)
    if page is not None:
        others = others.exclude(pk=page.pk)
    taken = set(others.values_list("slug", flat=True))
    slug, n = base, 1
    while slug in taken:
        n += 1
        slug = f"{base[: TITLE_MAX - 6]}-{n}"
    return slug


def _normalise(text: str) -> str:
    """Browsers send CRLF from a textarea; revisions, diffs and merges use LF."""
    return (text or "").replace("\r\n", "\n").replace("\r", "\n")


def _checked_summary(summary: str) -> str:
    summary = clean_title(summary)
    if len(summary) > SUMMARY_MAX:
        raise ValidationError(
            {"summary": _("A summary has at most %(max)d characters.") % {"max": SUMMARY_MAX}}
        )
    return summary


def _checked_examples(actor: Any, page: WikiPage | None, chosen: Iterable[int]) -> set[int]:
    """Examples the actor names must be notes the actor may read; examples already
    on the page that the actor may not read stay, unseen."""
    chosen = set(chosen)
    readable = set(
        visible(actor, LearningNote.objects.filter(pk__in=chosen)).values_list("pk", flat=True)
    )
    if chosen - readable:
        raise ValidationError(
            {"examples": _("Some of these learning notes do not exist or are not yours to see.")}
        )
    if page is None or page.pk is None:
        return readable
    current = set(page.examples.values_list("pk", flat=True))
    seen = set(
        visible(actor, LearningNote.objects.filter(pk__in=current)).values_list("pk", flat=True)
    )
    return readable | (current - seen)


def _record(page: WikiPage, author: User, summary: str, examples: set[int]) -> WikiRevision:
    revision = WikiRevision.objects.create(
        page=page,
        number=page.revision,
        title=page.title,
        body=page.body,
        category=page.category,
        visibility=page.visibility,
        examples=sorted(examples),
        author=author,
        summary=summary,
    )
    page.examples.set(examples)
    WikiLink.objects.filter(source=page).delete()
    WikiLink.objects.bulk_create(
        [
            WikiLink(source=page, wiki_key=page.wiki_key, target_key=key)
            for key in dict.fromkeys(title_key(t) for t in linked_titles(page.body_html))
        ]
    )
    return revision


@transaction.atomic
def page_create(
    *,
    author: User,
    space: Any,
    title: str,
    body: str = "",
    category: str = WikiPage.Category.CONCEPT,
    visibility: str = Visibility.ALLIANCE,
    summary: str = "",
    examples: Iterable[int] = (),
) -> WikiPage:
    if not may_write_in(author, space):
        raise PermissionDenied
    check_posting(user=author)
    if visibility not in dict(visibility_choices(space)):
        raise ValidationError({"visibility": _("Choose who can see this page.")})
    title = checked_title(title, space=space)
    summary = _checked_summary(summary) or _("First version")
    wiki_key = wiki_key_of(space.pk if space else None)
    chosen = _checked_examples(author, None, examples)
    page = WikiPage(
        space=space,
        author=author,
        title=title,
        slug=_unique_slug(title, wiki_key, None),
        body=_normalise(body),
        category=category,
        visibility=visibility,
        revision=1,
    )
    page.save()
    # A new page takes its title back from any page that once had it.
    WikiRedirect.objects.filter(wiki_key=wiki_key, title_key=page.title_key).delete()
    _record(page, author, summary, chosen)
    return page


@transaction.atomic
def page_edit(
    *,
    actor: User,
    page: WikiPage,
    body: str,
    base_revision: int,
    summary: str = "",
    category: str | None = None,
    visibility: str | None = None,
    examples: Iterable[int] | None = None,
) -> Saved:
    """Save a new text of ``page`` written from revision ``base_revision``."""
    if not rules.may_edit(actor, page):
        raise PermissionDenied
    current = (
        WikiPage.objects.select_for_update(of=("self",)).select_related("space").get(pk=page.pk)
    )
    mine_body = _normalise(body)
    mine_category = category or current.category
    mine_visibility = visibility or current.visibility
    if mine_visibility != current.visibility:
        if not rules.may_change_visibility(actor, current, current.space):
            raise PermissionDenied
        if mine_visibility not in dict(visibility_choices(current.space)):
            raise ValidationError({"visibility": _("Choose who can see this page.")})
    summary = _checked_summary(summary)
    current_examples = set(current.examples.values_list("pk", flat=True))
    mine_examples = (
        current_examples if examples is None else _checked_examples(actor, current, examples)
    )
    merged_with = None
    if base_revision != current.revision:
        base = current.revisions.filter(number=base_revision).first()
        latest = current.revisions.select_related("author").get(number=current.revision)
        base_body = base.body if base else ""
        base_examples = set(base.examples) if base else set()
        result = merge.merge3(
            base_body,
            mine_body,
            current.body,
            mine_label=_("your version"),
            their_label=_("revision %(n)d by %(name)s")
            % {"n": latest.number, "name": latest.author.display_name},
        )
        clashes: dict[str, tuple[str, str]] = {}
        base_category = base.category if base else current.category
        mine_category, clashed = merge.merge_value(base_category, mine_category, current.category)
        if clashed:
            clashes["category"] = (mine_category, current.category)
        base_visibility = (base.visibility if base else "") or current.visibility
        mine_visibility, clashed = merge.merge_value(
            base_visibility, mine_visibility, current.visibility
        )
        if clashed:
            clashes["visibility"] = (mine_visibility, current.visibility)
        if base is None or not result.clean or clashes:
            raise EditConflict(
                page=current,
                latest=latest,
                mine=mine_body,
                theirs=current.body,
                merged=result.text,
                clashes=clashes,
            )
        mine_body = result.text
        mine_examples = merge.merge_set(base_examples, mine_examples, current_examples)
        merged_with = current.revision
    if merge.has_conflict_markers(mine_body):
        raise ValidationError(
            {"body": _("The text still has conflict markers (<<<<<<<, =======, >>>>>>>).")}
        )
    if (
        mine_body == current.body
        and mine_category == current.category
        and mine_visibility == current.visibility
        and mine_examples == current_examples
    ):
        return Saved(page=current, revision=None, merged_with=merged_with)
    before = current.visibility
    current.body = mine_body
    current.category = mine_category
    current.visibility = mine_visibility
    current.revision += 1
    current.save()
    if merged_with is not None and not summary:
        summary = _("Merged with revision %(n)d") % {"n": merged_with}
    revision = _record(current, actor, summary, mine_examples)
    audit_visibility_change(actor=actor, content=current, before=before)
    return Saved(page=current, revision=revision, merged_with=merged_with)


@transaction.atomic
def page_rename(*, actor: User, page: WikiPage, title: str, summary: str = "") -> WikiPage:
    """Give a page a new title and address; the old ones keep leading to it."""
    if not rules.may_edit(actor, page):
        raise PermissionDenied
    current = (
        WikiPage.objects.select_for_update(of=("self",)).select_related("space").get(pk=page.pk)
    )
    new_title = checked_title(title, space=current.space, page=current)
    if new_title == current.title:
        return current
    summary = _checked_summary(summary)
    old_key, old_slug = current.title_key, current.slug
    current.title = new_title
    if title_key(new_title) != old_key:
        current.slug = _unique_slug(new_title, current.wiki_key, current)
    current.revision += 1
    current.save()
    WikiRedirect.objects.filter(
        Q(title_key=current.title_key) | Q(page=current, title_key=old_key),
        wiki_key=current.wiki_key,
    ).delete()
    if old_key != current.title_key:
        WikiRedirect.objects.create(
            wiki_key=current.wiki_key, title_key=old_key, slug=old_slug, page=current
        )
    examples = set(current.examples.values_list("pk", flat=True))
    _record(
        current,
        actor,
        summary or _("Renamed from “%(old)s”") % {"old": page.title},
        examples,
    )
    return current


@transaction.atomic
def page_revert(*, actor: User, page: WikiPage, revision: WikiRevision) -> Saved:
    """Make an old revision's text, category and examples the page's again, as a new
    revision. The title is restored too when no other page has taken it."""
    if revision.page_id != page.pk:
        raise PermissionDenied
    saved = page_edit(
        actor=actor,
        page=page,
        body=revision.body,
        base_revision=WikiPage.objects.get(pk=page.pk).revision,
        summary=_("Reverted to revision %(n)d") % {"n": revision.number},
        category=revision.category,
        examples=visible(actor, LearningNote.objects.filter(pk__in=revision.examples)).values_list(
            "pk", flat=True
        ),
    )
    if title_key(revision.title) != saved.page.title_key:
        # When another page has taken the old title, the current title stays.
        with contextlib.suppress(ValidationError):
            page_rename(
                actor=actor,
                page=saved.page,
                title=revision.title,
                summary=_("Reverted to revision %(n)d") % {"n": revision.number},
            )
        saved.page.refresh_from_db()
    return saved


@transaction.atomic
def page_watch(*, user: User, page: WikiPage, watch: bool = True) -> bool:
    """Watch (or stop watching) a page one may read. Returns whether one watches it."""
    if not user.is_authenticated or not can_view(user, page):
        raise PermissionDenied
    if watch:
        WikiWatch.objects.get_or_create(user=user, page=page)
    else:
        WikiWatch.objects.filter(user=user, page=page).delete()
    return watch
