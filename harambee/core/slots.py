"""Places in core's templates that the apps above core fill with their own markup.

Core shows a flag link under each comment and a "watch" button over each
conversation without naming moderation or notifications: those apps add their
templates to a slot in ``AppConfig.ready()``::

    slots.register("comment-tools", "moderation/_flag_link.html")

and a core template includes whatever a slot holds, in the order registered, with
the context at that place::

    {% load slots %}{% slot_templates "comment-tools" as tools %}
    {% for name in tools %}{% include name %}{% endfor %}

The slots: ``conversation`` (over an item's comments: ``content``, ``watch_state``),
``item-tools`` (beside an item's reactions: ``content``), ``comment-tools``
(under each comment: ``comment``, ``content``), ``header`` (in the site header,
beside the menu, for signed-in people: ``user``), ``space-aside`` (beside a
space's threads on its page: ``space``, ``user``) and ``person`` (on a person's page,
after their spaces: ``person``, ``user``)."""

from __future__ import annotations

SLOTS = ("conversation", "item-tools", "comment-tools", "header", "space-aside", "person")

_templates: dict[str, list[str]] = {slot: [] for slot in SLOTS}


def register(slot: str, template_name: str) -> None:
    """Show ``template_name`` in ``slot``; registering it again changes nothing."""
    if slot not in _templates:
        raise ValueError(f"No template slot {slot!r}; the slots are {', '.join(SLOTS)}.")
    if template_name not in _templates[slot]:
        _templates[slot].append(template_name)


def templates(slot: str) -> tuple[str, ...]:
    return tuple(_templates[slot])
