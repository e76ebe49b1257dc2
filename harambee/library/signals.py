"""Keep the anonymous page cache (``core/anoncache.py``) true to library writes."""

from __future__ import annotations

from typing import Any

from django.db import transaction


def library_changed(sender: Any, **kwargs: Any) -> None:
    """After a committed write to a library table, cached anonymous pages are stale."""
    if getattr(getattr(sender, "_meta", None), "app_label", None) == "library":
        from harambee.core import anoncache

        transaction.on_commit(anoncache.bump)
