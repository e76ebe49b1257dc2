from __future__ import annotations

from harambee.people.models import User
from harambee.privacy.models import DataExport


def exports_of(user: User) -> list[DataExport]:
    """The person's last few requests, newest first."""
    return list(DataExport.objects.filter(user=user)[:5])


def open_export(user: User) -> DataExport | None:
    return DataExport.objects.filter(user=user, status__in=DataExport.OPEN).first()
