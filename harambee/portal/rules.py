"""Who curates the public portal: the alliance's stewards (the alliance role that may
publish on the alliance blog, ``Perm.EDIT_STORIES``), who also write its news."""

from __future__ import annotations

from typing import Any

from harambee.people.roles import Perm


def may_curate(user: Any) -> bool:
    return bool(user.is_authenticated and user.is_active and user.may(Perm.EDIT_STORIES))


def feature_button(user: Any, item: Any) -> Any:
    """A steward's "Feature on the front page" under a public item's title (an item
    tool, ``core.registry``). The public spaces rule is the service's: it refuses, with
    a message, a public item of a space the public may not know of. No query."""
    from django.urls import reverse
    from django.utils.translation import gettext as _

    from harambee.core.models import Visibility
    from harambee.core.registry import ItemButton

    if not may_curate(user) or item.visibility != Visibility.PUBLIC:
        return None
    return ItemButton(
        _("Feature on the front page"),
        reverse("portal:curate"),
        {"action": "feature", "item": str(item.pk)},
    )
