"""The small print under a title: ``{% time %}`` for any moment, ``{% item_meta %}``
for an item's meta line. The ``<time>`` markup lives here and nowhere else (a test
keeps it so)."""

from __future__ import annotations

import datetime
import hashlib
from functools import lru_cache
from typing import Any

from django import template
from django.core.cache import caches
from django.template import loader
from django.template.defaultfilters import date as date_filter
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.timezone import (  # type: ignore[attr-defined]  # not in stubs
    get_current_timezone_name,
    template_localtime,
)
from django.utils.translation import get_language

from harambee.core.comment_html import render_comments

register = template.Library()

# Machine-readable forms for the ``datetime`` attribute.
INSTANT = r"Y-m-d\TH:i:sO"
DAY = "Y-m-d"


@register.simple_tag(takes_context=True)
def time(
    context: template.Context, value: Any, fmt: str = "j M Y, H:i", *, day: bool = False
) -> SafeString | str:
    """``<time datetime="…">…</time>`` for ``value`` in the reader's time zone, shown
    with the ``date`` filter's format ``fmt``. The attribute gives a datetime to the
    second, or only its day with ``day=True``; a date always as its day. No value
    shows nothing."""
    if value in (None, ""):
        return ""
    if isinstance(value, datetime.datetime | datetime.date):
        # The same moments come back on every view of a page: each is formatted once
        # per format, time zone and language (both part of the key, as both change
        # what is shown).
        return _time(value, fmt, day, context.use_tz, get_current_timezone_name(), get_language())
    return _format_time(value, fmt, day, context.use_tz)


@lru_cache(maxsize=16384)
def _time(
    value: Any, fmt: str, day: bool, use_tz: bool | None, zone: str, language: str | None
) -> SafeString | str:
    return _format_time(value, fmt, day, use_tz)


def _format_time(value: Any, fmt: str, day: bool, use_tz: bool | None) -> SafeString | str:
    machine = DAY
    if isinstance(value, datetime.datetime):
        value = template_localtime(value, use_tz=use_tz)
        machine = DAY if day else INSTANT
    return format_html(
        '<time datetime="{}">{}</time>', date_filter(value, machine), date_filter(value, fmt)
    )


_SHOWN_SPACE = object()


@register.simple_tag(takes_context=True)
def item_meta(
    context: template.Context,
    item: Any,
    *,
    on: str = "created",
    fmt: str = "j M Y, H:i",
    coauthors: bool = False,
    space: Any = _SHOWN_SPACE,
    space_url: str = "",
    count: str = "",
    edit_url: str = "",
    may_edit: bool = True,
) -> SafeString:
    """An item's meta line (core/_item_meta.html): "by" its author (and ``coauthors``),
    its space, the moment ``on`` (shown with ``fmt``, left out if empty), its
    visibility, the number of its ``count="comments"`` or ``"replies"``, and an
    ``edit_url`` link if ``may_edit``.

    The space is the one the view set in ``shown_space`` (never one the reader may not
    know: ``spaces.selectors.with_shown_space``), linked to its page; a caller may name
    another (``space``, ``space_url``) or none (``space=None``).

    Lists print one per item: the line is kept in the ``fragments`` cache under
    everything it shows (co-authors are read each time)."""
    if space is _SHOWN_SPACE:
        space = getattr(item, "shown_space", None)
    data = {
        "item": item,
        "when": getattr(item, on),
        "fmt": fmt,
        "coauthors": coauthors,
        "space": space or None,
        "space_url": space_url or (space.get_absolute_url() if space else ""),
        "count": count,
        "edit_url": edit_url if may_edit else "",
    }
    meta = loader.get_template("core/_item_meta.html")
    if coauthors:
        return meta.render(data)
    author = getattr(item, "author", None)
    shown = (
        item.pk,
        author.display_name if author is not None else "",
        data["space"].pk if data["space"] is not None else "",
        data["space"].name if data["space"] is not None else "",
        data["space_url"],
        data["when"].isoformat() if hasattr(data["when"], "isoformat") else str(data["when"]),
        fmt,
        item.visibility,
        count,
        getattr(item, "comment_count", "") if count else "",
        data["edit_url"],
        context.use_tz,
        get_current_timezone_name(),
        get_language(),
    )
    key = "meta:" + hashlib.blake2b(repr(shown).encode(), digest_size=16).hexdigest()
    fragments = caches["fragments"]
    html = fragments.get(key)
    if html is None:
        html = str(meta.render(data))
        fragments.set(key, html, 7 * 24 * 3600)
    return mark_safe(html)  # noqa: S308 -- rendered (and escaped) by the template


@register.simple_tag(takes_context=True)
def comments(context: template.Context, value: Any) -> SafeString:
    """``{% comments comments %}``: the ``<li>`` of each comment (or of one comment)
    with its replies and tools, from the fragment cache (core/comment_html.py)."""
    items = value if isinstance(value, list | tuple) else [value]
    return render_comments(context, items)


@register.inclusion_tag("core/_item_languages.html", takes_context=True)
def item_languages(context: template.Context, item: Any) -> dict[str, Any]:
    """The item's other languages the reader may read, the one in the reader's own
    language first; for its author, a link to set the language. No query for an item
    without translations. Then the buttons apps offer this reader for the item
    (``core.registry.register_item_tool``)."""
    from harambee.core.registry import item_buttons
    from harambee.core.translations import family
    from harambee.people.languages import language_name

    request = context.get("request")
    user = getattr(request, "user", None)
    versions = family(user, item) if user is not None else []
    reader = (get_language() or "").split("-")[0]
    yours = next((v for v in versions if v.language.split("-")[0] == reader), None)
    mine = user is not None and user.is_authenticated and item.author_id == user.pk
    return {
        "buttons": item_buttons(user, item) if user is not None else [],
        "csrf_token": context.get("csrf_token"),
        "here": request.get_full_path() if request is not None else "",
        "item": item,
        "language": language_name(item.language),
        "versions": versions,
        "yours": yours if item.language.split("-")[0] != reader else None,
        "mine": mine,
    }
