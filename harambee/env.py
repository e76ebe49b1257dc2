"""Strict readers for settings that come from the environment.

Every name read through these helpers is recorded in ``READ``, so a test can prove
that `.env.example` documents each one. A malformed value raises at start-up instead
of being silently read as a default.
"""

from __future__ import annotations

import os

READ: set[str] = set()


class SettingError(ValueError):
    pass


def _raw(name: str) -> str | None:
    READ.add(name)
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return None
    return value.strip()


def envstr(name: str, default: str = "") -> str:
    value = _raw(name)
    return default if value is None else value


def envbool(name: str, default: bool = False) -> bool:
    value = _raw(name)
    if value is None:
        return default
    if value.lower() == "true":
        return True
    if value.lower() == "false":
        return False
    raise SettingError(f"{name} must be 'true' or 'false', not {value!r}")


def envint(name: str, default: int) -> int:
    value = _raw(name)
    if value is None:
        return default
    try:
        return int(value)
    except ValueError:
        raise SettingError(f"{name} must be an integer, not {value!r}") from None


def envlist(name: str, default: list[str]) -> list[str]:
    value = _raw(name)
    if value is None:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


def envchoice(name: str, choices: tuple[str, ...], default: str) -> str:
    value = _raw(name)
    if value is None:
        return default
    if value not in choices:
        raise SettingError(f"{name} must be one of {', '.join(choices)}, not {value!r}")
    return value


def envjson(name: str, default: dict) -> dict:
    """A JSON object (the SMS channels)."""
    import json

    value = _raw(name)
    if value is None:
        return dict(default)
    try:
        parsed = json.loads(value)
    except ValueError:
        raise SettingError(f"{name} must be a JSON object") from None
    if not isinstance(parsed, dict):
        raise SettingError(f"{name} must be a JSON object, not {type(parsed).__name__}")
    return parsed
