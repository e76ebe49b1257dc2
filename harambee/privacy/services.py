"""Writes of the privacy app: data exports (requested, built by the task worker,
downloaded once, pruned when expired). Erasing an account is ``erase.py``."""

from __future__ import annotations

import secrets
import tempfile
from collections.abc import Iterator
from datetime import timedelta

from django.conf import settings
from django.core.files import File
from django.db import IntegrityError, models, transaction
from django.utils import timezone

from harambee.core.services import audit_record
from harambee.people.models import User
from harambee.privacy import export
from harambee.privacy.models import DataExport

CHUNK = 64 * 1024


class PrivacyAction(models.TextChoices):
    EXPORT_REQUESTED = "data_export_requested", "asked for a copy of their data"
    EXPORT_DOWNLOADED = "data_export_downloaded", "downloaded a copy of their data"
    ACCOUNT_ERASED = "account_erased", "deleted an account"


class ExportPending(Exception):
    """The person already has an export being prepared or waiting to be downloaded."""


def export_request(*, user: User) -> DataExport:
    """A new export for ``user``, built in the background; one open request each."""
    from harambee.privacy.tasks import build_export

    try:
        with transaction.atomic():
            item = DataExport.objects.create(user=user)
            audit_record(actor=user, action=PrivacyAction.EXPORT_REQUESTED, subject=user)
    except IntegrityError as exc:
        raise ExportPending from exc
    transaction.on_commit(lambda: build_export.enqueue(item.pk))
    return item


def export_build(*, export_id: int) -> str:
    """Write the zip of a waiting export. Safe to run twice: a built one is left alone."""
    item = DataExport.objects.select_related("user").filter(pk=export_id).first()
    if item is None or item.status != DataExport.Status.WAITING:
        return "skipped"
    try:
        with tempfile.TemporaryFile() as out:
            export.write_zip(item.user, out)
            out.seek(0)
            size = out.seek(0, 2)
            out.seek(0)
            name = f"{secrets.token_urlsafe(24)}.zip"
            item.file.save(name, File(out, name=name), save=False)
    except Exception:
        DataExport.objects.filter(pk=item.pk).update(status=DataExport.Status.FAILED)
        raise
    now = timezone.now()
    updated = DataExport.objects.filter(pk=item.pk, status=DataExport.Status.WAITING).update(
        status=DataExport.Status.READY,
        file=item.file.name,
        size=size,
        ready=now,
        expires=now + timedelta(days=settings.EXPORT_DAYS),
    )
    if not updated:  # expired or cancelled while it was written
        item.file.storage.delete(item.file.name)
        return "dropped"
    _tell_ready(item)
    return "ready"


def _tell_ready(item: DataExport) -> None:
    from django.urls import reverse

    from harambee.core.email import send_templated

    user = item.user
    send_templated(
        to=user.email,
        template="privacy/email/export_ready",
        context={"person": user, "url": settings.SITE_URL + reverse("privacy:home")},
        language=user.language_hint,
        time_zone=user.time_zone,
    )


def export_take(*, user: User, export_id: int) -> Iterator[bytes] | None:
    """The bytes of ``user``'s ready export, once: the export is marked downloaded at
    once, and its file deleted when the last byte has been read. None when there is
    nothing to take (someone else's, not ready, expired, already taken)."""
    with transaction.atomic():
        item = (
            DataExport.objects.select_for_update()
            .filter(
                pk=export_id,
                user=user,
                status=DataExport.Status.READY,
                expires__gt=timezone.now(),
            )
            .first()
        )
        if item is None:
            return None
        DataExport.objects.filter(pk=item.pk).update(status=DataExport.Status.DOWNLOADED)
        audit_record(actor=user, action=PrivacyAction.EXPORT_DOWNLOADED, subject=user)
    storage, name = item.file.storage, item.file.name
    source = storage.open(name, "rb")

    def chunks() -> Iterator[bytes]:
        try:
            while block := source.read(CHUNK):
                yield block
        finally:
            source.close()
            storage.delete(name)

    return chunks()


def exports_prune(before, *, dry_run: bool) -> int:
    """Delete the files of exports past their expiry (and of ones whose download never
    finished deleting them); their rows stay as a record, marked expired."""
    now = timezone.now()
    stale = DataExport.objects.filter(
        models.Q(status=DataExport.Status.READY, expires__lte=now)
        | models.Q(status=DataExport.Status.WAITING, created__lte=now - timedelta(days=1))
        | models.Q(status__in=[DataExport.Status.DOWNLOADED, DataExport.Status.FAILED])
    ).exclude(file="")
    if dry_run:
        return stale.count()
    pruned = 0
    for item in stale:
        if item.file.name:
            item.file.storage.delete(item.file.name)
        status = DataExport.Status.EXPIRED if item.status in DataExport.OPEN else item.status
        DataExport.objects.filter(pk=item.pk).update(file="", status=status)
        pruned += 1
    # An open request whose file never came (a worker that died) stops blocking new ones.
    DataExport.objects.filter(
        status=DataExport.Status.WAITING, file="", created__lte=now - timedelta(days=1)
    ).update(status=DataExport.Status.FAILED)
    return pruned
