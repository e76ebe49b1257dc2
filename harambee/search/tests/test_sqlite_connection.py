"""Every SQLite connection maps the database file for reads (``PRAGMA mmap_size`` in
the settings' ``init_command``), which a search on a large index relies on."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.db import connection
from django.db.utils import ConnectionHandler

pytestmark = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite only")


def test_a_new_connection_to_a_database_file_maps_it(tmp_path, django_db_blocker):
    handler = ConnectionHandler(
        {"default": {**settings.DATABASES["default"], "NAME": str(tmp_path / "db.sqlite3")}}
    )
    fresh = handler["default"]
    try:
        with django_db_blocker.unblock(), fresh.cursor() as cursor:
            cursor.execute("PRAGMA mmap_size")
            mapped = cursor.fetchone()[0]
            cursor.execute("PRAGMA journal_mode")
            journal = cursor.fetchone()[0]
    finally:
        fresh.close()
    # At most SQLite's compile-time limit (just under 2 GiB on common builds).
    assert mapped >= 1 << 30
    assert journal == "wal"
