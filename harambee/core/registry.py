"""What the apps above core tell it about themselves.

Core is the ground floor: it never names an app above it. Each app registers, in its
``AppConfig.ready()``, the content kinds it adds (with their page's URL name and the
function that renders that page), the audit actions it writes, and whether its writes
change what anonymous visitors see (the page cache). Core asks this registry instead.

Choices read from here are callables on the model fields (``kind_choices``,
``audit_action_choices``), so a new kind or action needs no migration in core.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import TextChoices

# (request, pk, **kwargs) -> HttpResponse: the item's page, re-rendered with a comment
# form's errors when a comment cannot be saved.
Renderer = Callable[..., Any]


@dataclass(frozen=True)
class ContentKind:
    value: str
    label: Any
    url_name: str
    render: Renderer | None = None
    # Replies come in pages that each start at a top-level reply (threads), so a link
    # to a reply names the page it is on (``?from=``).
    paged_replies: bool = False
    # (user, item) -> True (may reply), False (may not) or None (the usual rule decides):
    # what the kind adds to who may comment (a locked thread, an invited outside voice).
    reply_rule: Callable[[Any, Any], bool | None] | None = None
    # (request, item) -> the context the item's page gives each of its comments in
    # ``core/_comment.html`` beyond ``comment``, ``content`` and ``may_comment`` (a thread:
    # its reply tools), so that a comment added with htmx comes back with the same tools.
    comment_context: Callable[[Any, Any], dict[str, Any]] | None = None
    # Whether an item's address names its space (a wiki page in a space's wiki): then it
    # has no address for a reader who may not know that space, and lists name it
    # without a link (``{% item_url %}``).
    address_needs_space: bool = False
    # The field, from ``Content``, that dates an item on a timeline: when it was posted,
    # or for an event when it takes place (``event__starts``).
    dated_by: str = "created"


_kinds: dict[str, ContentKind] = {}
_audit_actions: dict[str, Any] = {}
_page_cache_apps: set[str] = set()


def register_kind(kind: ContentKind) -> None:
    known = _kinds.get(kind.value)
    if known is not None and known != kind:
        raise ValueError(f"content kind {kind.value!r} is registered twice")
    _kinds[kind.value] = kind


def content_kind(value: str) -> ContentKind:
    try:
        return _kinds[value]
    except KeyError:
        raise LookupError(f"no app registered the content kind {value!r}") from None


def content_kinds() -> list[ContentKind]:
    return list(_kinds.values())


def kind_choices() -> list[tuple[str, Any]]:
    return [(kind.value, kind.label) for kind in _kinds.values()]


def register_audit_actions(actions: type[TextChoices]) -> None:
    for value, label in actions.choices:
        known = _audit_actions.get(value)
        if known is not None and str(known) != str(label):
            raise ValueError(f"audit action {value!r} is registered twice")
        _audit_actions[value] = label


def audit_action_choices() -> list[tuple[str, Any]]:
    return list(_audit_actions.items())


def register_page_cache_app(app_label: str) -> None:
    """Writes to this app's tables change pages that anonymous visitors may be served."""
    _page_cache_apps.add(app_label)


def changes_anonymous_pages(app_label: str) -> bool:
    return app_label in _page_cache_apps


def page_cache_apps() -> frozenset[str]:
    return frozenset(_page_cache_apps)


_posting_checks: list[Callable[..., None]] = []


def register_posting_check(check: Callable[..., None]) -> None:
    """``check(user=..., content=...)`` raises when the signed-in ``user`` may not
    write now (``content``: the item replied to, or None)."""
    if check not in _posting_checks:
        _posting_checks.append(check)


def posting_checks() -> tuple[Callable[..., None], ...]:
    return tuple(_posting_checks)


@dataclass(frozen=True)
class ItemButton:
    """One button under an item's title: a POST form to ``action`` with ``fields``
    (the page adds the CSRF token and a ``next`` back to itself)."""

    label: str
    action: str
    fields: dict[str, str]


@dataclass(frozen=True)
class ItemTool:
    """A button an app offers some readers on every item's page (the portal's "Feature on
    the front page" for stewards). ``offer(user, item)`` returns an ``ItemButton`` or
    None; it must not query the database for readers it offers nothing (every reader of
    every item page asks it)."""

    name: str
    offer: Callable[[Any, Any], ItemButton | None]


_item_tools: dict[str, ItemTool] = {}


def register_item_tool(tool: ItemTool) -> None:
    _item_tools[tool.name] = tool


def item_buttons(user: Any, item: Any) -> list[ItemButton]:
    offered = (tool.offer(user, item) for tool in _item_tools.values())
    return [button for button in offered if button is not None]


@dataclass(frozen=True)
class ReaderState:
    """Something an app shows a signed-in reader about an item on its page (how they
    hear of its replies, for notifications), read in the same query as the item's
    reactions: ``annotate(user)`` gives annotations of a ``Content`` query, and
    ``read(user, item, row)`` turns the annotated row into the template's value."""

    name: str
    annotate: Callable[[Any], dict[str, Any]]
    read: Callable[[Any, Any, dict[str, Any] | None], Any]
    default: Any = ""


_reader_states: dict[str, ReaderState] = {}


def register_reader_state(state: ReaderState) -> None:
    _reader_states[state.name] = state


def reader_states() -> tuple[ReaderState, ...]:
    return tuple(_reader_states.values())


@dataclass(frozen=True)
class GrantSource:
    """Content an app grants people beyond memberships: a thread's outside voice
    (``spaces``), an invited guest at one event (``events``). The gate opens those items
    to them at alliance and space visibility, never a private draft.

    ``pairs_for(user_ids)`` gives querysets of ``(user_id, content_id)`` pairs
    (``values_list``), one per kind of grant, for those people's running grants. The gate
    reads every source's pairs for a reader in one query per request, and for many
    readers at once (notifications) in one query too."""

    name: str
    pairs_for: Callable[[list[int]], list[Any]]


_grant_sources: dict[str, GrantSource] = {}


def register_grant_source(source: GrantSource) -> None:
    _grant_sources[source.name] = source


def grant_sources() -> tuple[GrantSource, ...]:
    return tuple(_grant_sources.values())


@dataclass(frozen=True)
class RetentionRule:
    """Data kept only so long: ``prune(before, dry_run)`` deletes (or, dry, counts) what
    is older than ``before`` and returns how many rows it was. ``days`` is read when
    ``harambee retention`` runs (a setting, so an operator can change it)."""

    name: str
    label: Any
    days: Callable[[], int]
    prune: Callable[..., int]


_retention_rules: dict[str, RetentionRule] = {}


def register_retention(rule: RetentionRule) -> None:
    _retention_rules[rule.name] = rule


def retention_rules() -> tuple[RetentionRule, ...]:
    return tuple(_retention_rules.values())


@dataclass(frozen=True)
class SearchMatch:
    """One thing found by a ``SearchSource``: its name, address, a line of its text
    and where it lives (a space's name), all as its reader may see them."""

    title: str
    url: str
    text: str = ""
    place: str = ""


@dataclass(frozen=True)
class SearchSource:
    """Things that are not content, so not in the search index, that the search box
    finds too (training programmes). ``find(user, groups, excluded, limit)`` answers,
    through the app's own gate, at most ``limit`` things ``user`` may know of whose
    text holds, for each group, one of its phrases (lower-case words joined by
    spaces), and none of ``excluded``."""

    name: str
    label: Any
    find: Callable[[Any, list[list[str]], list[str], int], list[SearchMatch]]


_search_sources: dict[str, SearchSource] = {}


def register_search_source(source: SearchSource) -> None:
    _search_sources[source.name] = source


def search_sources() -> tuple[SearchSource, ...]:
    return tuple(_search_sources.values())
