"""How each connection is set up, on the database the suite runs on."""

from __future__ import annotations

import pytest
from django.db import connection

pytestmark = pytest.mark.django_db


def test_connections_are_set_up_for_the_database_in_use():
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # JIT compilation adds tens of milliseconds to a costly plan: off.
            cursor.execute("SHOW jit")
            assert cursor.fetchone()[0] == "off"
        else:
            cursor.execute("PRAGMA foreign_keys")
            assert cursor.fetchone()[0] == 1
            cursor.execute("PRAGMA journal_mode")
            assert cursor.fetchone()[0] in {"wal", "memory"}  # in-memory test databases
