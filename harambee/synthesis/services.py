"""Writes of the synthesis app: a theme's "what we know", and related experiences."""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q

from harambee.core import anoncache
from harambee.core.models import Content
from harambee.initiatives.models import LearningNote, Lesson, Theme
from harambee.stories.models import Story
from harambee.synthesis import rules, terms
from harambee.synthesis.models import RelatedItem, ThemeSynthesis

CITATION = re.compile(r"\[\[lesson:(\d{1,12})\]\]")
# Kinds that show related experiences, and that are offered as related.
RELATED_KINDS = (LearningNote.KIND, Lesson.KIND, Story.KIND)
# At most this many candidates (the newest from other spaces) are compared with an
# item, so computing its related experiences costs the same at any size.
CANDIDATES = 400
# At most this many related items are kept per item.
KEEP = 5
# A shared theme adds this much to the text similarity (cosine, 0..1).
THEME_BONUS = 0.1
MIN_SCORE = 0.05
# After an item changes, this many items that list it are recomputed, so the words
# they show as shared follow its text as it is now.
REFRESH_REFERRERS = 50


def cited_ids(body: str) -> list[int]:
    """Lesson ids cited in ``body``, in order of first citation."""
    seen: dict[int, None] = {}
    for match in CITATION.finditer(body):
        seen.setdefault(int(match.group(1)), None)
    return list(seen)


@transaction.atomic
def synthesis_save(*, actor: Any, theme: Theme, body: str) -> ThemeSynthesis:
    """Write a theme's "what we know" (stewards only), recording who and when, and
    which lessons it cites."""
    if not rules.may_write_synthesis(actor):
        raise PermissionDenied
    synthesis = ThemeSynthesis.objects.filter(theme=theme).first() or ThemeSynthesis(theme=theme)
    synthesis.body = body
    synthesis.updated_by = actor
    synthesis.save()
    ids = cited_ids(body)
    synthesis.cited.set(Lesson.objects.filter(pk__in=ids))
    return synthesis


def _themes_of(ids: list[int]) -> dict[int, set[int]]:
    """Theme ids of notes, lessons and stories among ``ids``: three queries."""
    found: dict[int, set[int]] = defaultdict(set)
    for model, column in (
        (LearningNote, "learningnote_id"),
        (Lesson, "lesson_id"),
        (Story, "story_id"),
    ):
        rows = model.themes.through.objects.filter(**{f"{column}__in": ids})
        for item_id, theme_id in rows.values_list(column, "theme_id"):
            found[item_id].add(theme_id)
    return found


def related_compute(*, content_id: int) -> list[RelatedItem]:
    """Find the items of other initiatives most like one note, lesson or story and
    store them with the words and themes they share. Idempotent: the stored rows
    match the items as they are now. Visibility is not considered here: readers see a
    row only if they may read its target (the gate is applied when it is shown)."""
    source = Content.objects.filter(pk=content_id, kind__in=RELATED_KINDS, removed=False).first()
    if source is None:
        RelatedItem.objects.filter(source_id=content_id).delete()
        return []
    candidates = Content.objects.filter(kind__in=RELATED_KINDS, removed=False).exclude(pk=source.pk)
    if source.space_id is not None:
        candidates = candidates.filter(Q(space_id__isnull=True) | ~Q(space_id=source.space_id))
    rows = list(candidates.order_by("-created").values_list("pk", "title", "body")[:CANDIDATES])
    docs = {pk: terms.term_counts(title, body) for pk, title, body in rows}
    docs[source.pk] = terms.term_counts(source.title, source.body)
    idf_of = terms.idf(docs.values())
    vectors = {pk: terms.weights(counts, idf_of) for pk, counts in docs.items()}
    theme_ids = _themes_of(list(docs))
    names = dict(Theme.objects.values_list("pk", "name"))
    mine = vectors[source.pk]
    scored = []
    for pk, _title, _body in rows:
        cosine, shared = terms.similarity(mine, vectors[pk])
        common = theme_ids.get(source.pk, set()) & theme_ids.get(pk, set())
        score = cosine + THEME_BONUS * min(len(common), 3)
        if score >= MIN_SCORE:
            scored.append((score, pk, shared, sorted(names[t] for t in common if t in names)))
    scored.sort(key=lambda row: (-row[0], -row[1]))
    kept = [
        RelatedItem(
            source_id=source.pk,
            target_id=pk,
            score=round(score, 4),
            shared_terms=shared,
            shared_themes=themes,
        )
        for score, pk, shared, themes in scored[:KEEP]
    ]
    with transaction.atomic():
        RelatedItem.objects.filter(source_id=source.pk).delete()
        RelatedItem.objects.bulk_create(kept)
        # bulk_create sends no post_save: tell the anonymous page cache directly, so a
        # page cached before the task ran shows the new related items.
        transaction.on_commit(anoncache.bump)
    return kept


def related_refresh(*, content_id: int) -> None:
    """After an item changes: its own related items, and those of items that list it
    (so no old words of it stay on show)."""
    related_compute(content_id=content_id)
    referrers = (
        RelatedItem.objects.filter(target_id=content_id)
        .values_list("source_id", flat=True)
        .order_by("source_id")[:REFRESH_REFERRERS]
    )
    for source_id in list(referrers):
        related_compute(content_id=source_id)


def related_compute_all(*, newest: int | None = None, progress: Any = None) -> int:
    """Compute related items for every note, lesson and story (the demo, and after a
    bulk import), or for the ``newest`` of them only. Returns how many were computed;
    writes a progress line to ``progress`` (a text stream) every 500 items."""
    ids_qs = Content.objects.filter(kind__in=RELATED_KINDS, removed=False).order_by("-pk")
    if newest is not None:
        ids_qs = ids_qs[: max(0, newest)]
    ids = sorted(ids_qs.values_list("pk", flat=True))
    for done, pk in enumerate(ids, start=1):
        related_compute(content_id=pk)
        if progress is not None and (done % 500 == 0 or done == len(ids)):
            progress.write(f"\rRelated experiences: {done:,} / {len(ids):,}")
            progress.flush()
    if progress is not None and ids:
        progress.write("\n")
    return len(ids)
