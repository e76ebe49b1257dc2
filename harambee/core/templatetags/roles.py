"""``{% if user|may:"see_audit_log" %}``: templates ask the roles table
(``people.roles``), never compare role names."""

from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


@register.filter
def may(user: Any, perm: str) -> bool:
    return bool(user is not None and user.is_authenticated and user.may(perm))
