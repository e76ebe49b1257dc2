"""A person's copy of their data: every row of every table that names them, as JSON
and as CSV, and the files of those rows.

Which rows: the models are found, not listed -- every model with a relation to the
person model (a foreign key, a one-to-one or a many-to-many field), so an app added
later is exported without being told. What the person may no longer see stays out:
items through the gate (``core.visibility.visible``), and rows about an item (comments,
reactions, notifications, revisions…) only when the item passes it. Secrets are never
written (password hashes, token hashes, session data): their columns are left out.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Iterator
from datetime import date, datetime
from decimal import Decimal
from pathlib import PurePosixPath
from typing import IO, Any

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from harambee.core.models import Comment, Content
from harambee.core.visibility import visible

# Columns never written into an export: what opens an account or a feed, not data
# about the person.
SECRET_NAMES = {"password", "digest", "secret", "key", "token", "session_key", "session_data"}
SECRET_SUFFIXES = ("_digest", "_hash", "_secret", "_token")
BATCH = 500
# The exports themselves (a copy of a copy).
NOT_EXPORTED = {"privacy.dataexport"}


def _is_secret(field: models.Field) -> bool:
    name = field.name
    return name in SECRET_NAMES or name.endswith(SECRET_SUFFIXES)


def person_relations(model: type[models.Model]) -> list[models.Field]:
    """The fields of ``model`` that point at a person (declared on the model)."""
    person = get_user_model()
    return [
        f
        for f in model._meta.get_fields()
        if f.is_relation and not f.auto_created and f.concrete and f.related_model is person
    ]


def exported_models() -> list[type[models.Model]]:
    person = get_user_model()
    found = [person]
    for model in apps.get_models():
        if model is person or model._meta.label_lower in NOT_EXPORTED:
            continue
        if person_relations(model):
            found.append(model)
    return found


def _gated(model: type[models.Model], queryset, user, visible_ids) -> Any:
    """Leave out rows of items, or about items, ``user`` may not read."""
    if issubclass(model, Content):
        return visible(user, queryset)
    for field in model._meta.concrete_fields:
        if not field.is_relation or field.related_model is None:
            continue
        target = field.related_model
        if issubclass(target, Content):
            queryset = queryset.filter(
                Q(**{f"{field.name}__isnull": True}) | Q(**{f"{field.name}__in": visible_ids})
            )
        elif issubclass(target, Comment):
            queryset = queryset.filter(
                Q(**{f"{field.name}__isnull": True})
                | Q(**{f"{field.name}__content__in": visible_ids})
            )
    return queryset


def rows_of(user) -> Iterator[tuple[type[models.Model], Any]]:
    """(model, queryset) for every table that names ``user``, through the gate."""
    person = get_user_model()
    visible_ids = visible(user, Content.objects.all()).values("pk")
    for model in exported_models():
        if model is person:
            yield model, person.objects.filter(pk=user.pk)
            continue
        names = Q()
        for field in person_relations(model):
            names |= Q(**{field.name: user})
        queryset = model._default_manager.filter(names)
        if any(f.many_to_many for f in person_relations(model)):
            # A person named by two relations of one row (author and co-author) once.
            queryset = model._default_manager.filter(pk__in=queryset.values("pk"))
        yield model, _gated(model, queryset, user, visible_ids).order_by("pk")


def _columns(model: type[models.Model]) -> list[models.Field]:
    return [f for f in model._meta.concrete_fields if not _is_secret(f)]


def _value(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, bytes | memoryview):
        return None
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, dict | list | str | int | float | bool) or value is None:
        return value
    return str(value)


def _row(obj: models.Model, columns: list[models.Field]) -> dict[str, Any]:
    row = {}
    for field in columns:
        if isinstance(field, models.FileField):
            stored = getattr(obj, field.attname)
            row[field.name] = str(stored) if stored else ""
        else:
            row[field.name] = _value(getattr(obj, field.attname))
    return row


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    text = str(value)
    # A spreadsheet must not run what a cell says (CSV injection).
    return f"'{text}" if text[:1] in {"=", "+", "-", "@", "\t", "\r"} else text


def _readme(user, counts: dict[str, int]) -> str:
    with override(user.language_hint):
        lines = [
            _("Your data from %(site)s, as of %(when)s.")
            % {"site": _site_name(), "when": timezone.now().strftime("%Y-%m-%d %H:%M UTC")},
            "",
            _(
                "json/ holds one file per table and csv/ the same rows as spreadsheets; "
                "files/ holds the files you uploaded or that belong to these rows. Items "
                "you can no longer see are left out, and so are passwords and keys."
            ),
            "",
        ]
    lines += [f"{label}: {count}" for label, count in sorted(counts.items())]
    return "\n".join(lines) + "\n"


def _site_name() -> str:
    from django.conf import settings

    return settings.SITE_NAME


def write_zip(user, out: IO[bytes]) -> int:
    """Write ``user``'s export into ``out``; the number of rows written."""
    from harambee.insights.services import reads_flush

    reads_flush()  # reads still queued in the shared cache are theirs too
    counts: dict[str, int] = {}
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for model, queryset in rows_of(user):
            label = model._meta.label_lower
            columns = _columns(model)
            rows = []
            files: list[tuple[str, Any]] = []
            for obj in queryset.iterator(chunk_size=BATCH):
                rows.append(_row(obj, columns))
                for field in columns:
                    if isinstance(field, models.FileField) and getattr(obj, field.attname):
                        files.append((f"{obj.pk}-{field.name}", getattr(obj, field.name)))
            if not rows:
                continue
            counts[label] = len(rows)
            archive.writestr(
                f"json/{label}.json", json.dumps(rows, ensure_ascii=False, indent=1) + "\n"
            )
            text = io.StringIO()
            writer = csv.writer(text)
            writer.writerow([f.name for f in columns])
            for row in rows:
                writer.writerow([_csv_cell(row[f.name]) for f in columns])
            archive.writestr(f"csv/{label}.csv", text.getvalue())
            for name, stored in files:
                try:
                    with stored.open("rb") as source:
                        data = source.read()
                except (FileNotFoundError, OSError):
                    continue
                archive.writestr(f"files/{label}/{name}-{PurePosixPath(stored.name).name}", data)
        archive.writestr("README.txt", _readme(user, counts))
    return sum(counts.values())
