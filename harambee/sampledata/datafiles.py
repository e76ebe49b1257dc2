"""The demo's literal data, read from the TOML files in ``data/`` into frozen records.

A record is a dataclass; ``records`` fills it from a file's tables by its type hints:
arrays become tuples, nested tables become records, and a missing optional field is
``None`` unless the dataclass gives it a default."""

from __future__ import annotations

import dataclasses
import tomllib
import types
import typing
from functools import cache
from importlib import resources
from typing import Any, TypeVar

R = TypeVar("R")


@cache
def read(name: str) -> dict[str, Any]:
    """The parsed contents of ``data/<name>.toml``."""
    text = resources.files("harambee.sampledata").joinpath("data", f"{name}.toml").read_text()
    return tomllib.loads(text)


def records(cls: type[R], rows: list[dict[str, Any]]) -> tuple[R, ...]:
    return tuple(record(cls, row) for row in rows)


def record(cls: type[R], row: dict[str, Any]) -> R:
    hints = typing.get_type_hints(cls)
    values: dict[str, Any] = {}
    for f in dataclasses.fields(cls):  # type: ignore[arg-type]
        if f.name in row:
            values[f.name] = _build(hints[f.name], row[f.name])
        elif f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
            if type(None) not in typing.get_args(hints[f.name]):
                raise KeyError(f"{cls.__name__} needs {f.name!r}: {row}")
            values[f.name] = None
    unknown = set(row) - set(values)
    if unknown:
        raise KeyError(f"{cls.__name__} has no {sorted(unknown)}")
    return cls(**values)


def _build(hint: Any, value: Any) -> Any:
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        return record(hint, value)
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_build(args[0], item) for item in value)
        return tuple(_build(arg, item) for arg, item in zip(args, value, strict=True))
    if origin in (typing.Union, types.UnionType):
        if value is None:
            return None
        return _build(next(arg for arg in args if arg is not type(None)), value)
    return value
