"""This app's part of the leak test's world (see ``core/tests/test_leaks.py``)."""

from __future__ import annotations


def build(cast, world) -> None:
    """Add this app's items to ``world`` (and to ``world["items"]``)."""


def urls_for(name: str, cast, world) -> list[str] | None:
    """URLs for this app's routes that take parameters; None for other routes."""
    return None
