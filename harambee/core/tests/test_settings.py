from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from harambee import env

ROOT = Path(__file__).resolve().parents[3]


def documented() -> set[str]:
    text = (ROOT / ".env.example").read_text()
    return set(re.findall(r"^([A-Z][A-Z0-9_]+)=", text, flags=re.MULTILINE))


def test_every_setting_read_from_the_environment_is_documented():
    import harambee.settings  # noqa: F401  (importing records what it reads)

    assert env.READ, "settings read nothing through harambee.env"
    missing = env.READ - documented()
    assert not missing, f"document these in .env.example: {sorted(missing)}"


def test_every_variable_the_tests_read_is_documented():
    used = set()
    for path in [*ROOT.glob("harambee/**/*.py"), ROOT / "Makefile", ROOT / ".ci" / "run"]:
        if path.name == "test_settings.py":
            continue
        used |= set(re.findall(r"HARAMBEE_[A-Z0-9_]+", path.read_text()))
    used.discard("HARAMBEE_")
    assert used - documented() == set()


@pytest.mark.parametrize("value", ["yes", "1", "TRUE ", "on"])
def test_booleans_are_strict(monkeypatch, value):
    monkeypatch.setenv("HARAMBEE_X", value)
    if value.strip().lower() == "true":
        assert env.envbool("HARAMBEE_X") is True
    else:
        with pytest.raises(env.SettingError, match="HARAMBEE_X"):
            env.envbool("HARAMBEE_X")


def test_bad_choice_is_refused(monkeypatch):
    monkeypatch.setenv("HARAMBEE_X", "carrier-pigeon")
    with pytest.raises(env.SettingError, match="one of"):
        env.envchoice("HARAMBEE_X", ("console", "smtp"), "console")


def test_check_deploy_is_clean_with_production_settings(tmp_path):
    environ = {
        **os.environ,
        "HARAMBEE_DEBUG": "false",
        "HARAMBEE_HTTPS": "true",
        "HARAMBEE_SECRET_KEY": "x" * 30 + "production-secret-key-that-is-long-and-random-7f3a9c",
        "HARAMBEE_ALLOWED_HOSTS": "learn.example.org",
        "HARAMBEE_VAR_DIR": str(tmp_path),
        "HARAMBEE_EMAIL_BACKEND": "smtp",
    }
    environ.pop("DATABASE_URL", None)
    environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    result = subprocess.run(
        [sys.executable, "-m", "harambee", "check", "--deploy", "--fail-level", "WARNING"],
        env=environ,
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def _shell(code: str, environ: dict[str, str]) -> str:
    """The last line ``harambee shell -c code`` prints, in a process of its own."""
    result = subprocess.run(
        [sys.executable, "-m", "harambee", "shell", "-c", code],
        env=environ,
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def test_sqlite_runs_in_wal_mode(tmp_path):
    """A file database opened with the project's settings is in WAL mode with the
    busy timeout and synchronous level DESIGN.md asks for (the test database lives
    in memory, where WAL does not apply, so this opens a real file)."""
    environ = {**os.environ, "HARAMBEE_VAR_DIR": str(tmp_path)}
    environ.pop("DATABASE_URL", None)
    code = (
        "from django.db import connection\n"
        "c = connection.cursor()\n"
        "print([c.execute(f'PRAGMA {p}').fetchone()[0] "
        "for p in ('journal_mode', 'synchronous', 'busy_timeout', 'foreign_keys')])"
    )
    result = _shell(code, environ)
    # synchronous=NORMAL is 1; busy_timeout in milliseconds.
    assert result == "['wal', 1, 5000, 1]"


def test_postgresql_connections_come_from_a_bounded_pool_when_asked(db):
    """HARAMBEE_DB_POOL_SIZE turns on Django's psycopg pool (and persistent connections
    off, which Django requires with it); its connections answer queries."""
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("the pool is PostgreSQL's (HARAMBEE_TEST_POSTGRES=1)")
    db_settings = connection.settings_dict
    environ = {
        **os.environ,
        "DATABASE_URL": (
            f"postgres://{db_settings['USER']}@{db_settings['HOST'] or '127.0.0.1'}:"
            f"{db_settings['PORT'] or 5432}/{db_settings['NAME']}"
        ),
        "HARAMBEE_DB_POOL_SIZE": "3",
    }
    code = (
        "from django.db import connection\n"
        "c = connection.cursor(); c.execute('SELECT 41 + 1')\n"
        "print(c.fetchone()[0], connection.pool.max_size, connection.pool.min_size,\n"
        "      connection.settings_dict['CONN_MAX_AGE'])"
    )
    result = _shell(code, environ)
    assert result == "42 3 1 0"
