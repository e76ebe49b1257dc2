"""Backups and restores of the whole site: the database and the uploaded files.

A backup is one tar file (``harambee-YYYYmmdd-HHMMSS.tar``) holding

- ``manifest.json``: when, from which engine, the rows of every table and the SHA-256
  of every uploaded file;
- ``database.sqlite3``, made with SQLite's online backup API (a consistent snapshot
  of a live database, never a copy of the file and its write-ahead log), or
  ``database.dump``, made with ``pg_dump --format=custom``;
- ``media/``: every uploaded file.

A restore checks the file first (manifest, database part, every file's checksum),
refuses a database that holds members or content unless ``force``, and puts the site
in read-only mode while it runs (a marker file in ``var/``: ``ReadOnlyMiddleware``
answers every write with 503). It then compares the restored rows with the manifest.

The ground floor: nothing here knows any app; tables are read from the database.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import connection
from django.utils import timezone

FORMAT = 1
MANIFEST = "manifest.json"


class BackupError(Exception):
    """What went wrong, in words for the operator."""


def read_only_marker() -> Path:
    return Path(settings.VAR_DIR) / "read-only"


def is_read_only() -> bool:
    return read_only_marker().exists()


@contextlib.contextmanager
def read_only(reason: str) -> Iterator[None]:
    """The site answers reads and refuses writes while the block runs."""
    marker = read_only_marker()
    marker.parent.mkdir(parents=True, exist_ok=True)
    marker.write_text(reason + "\n", encoding="utf-8")
    try:
        yield
    finally:
        marker.unlink(missing_ok=True)


def _engine() -> str:
    vendor = connection.vendor
    if vendor not in ("sqlite", "postgresql"):
        raise BackupError(f"Backups know SQLite and PostgreSQL, not {vendor}.")
    return vendor


def _tables() -> list[str]:
    with connection.cursor() as cursor:
        names = connection.introspection.table_names(cursor, include_views=False)
    return sorted(n for n in names if not n.startswith("sqlite_"))


def row_counts() -> dict[str, int]:
    counts = {}
    with connection.cursor() as cursor:
        for table in _tables():
            # Table names come from the database itself, quoted.
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")  # noqa: S608
            counts[table] = cursor.fetchone()[0]
    return counts


def _media_root() -> Path:
    return Path(settings.MEDIA_ROOT)


def file_checksums(root: Path | None = None) -> dict[str, str]:
    """SHA-256 of every file under the media folder, by its path inside it."""
    root = root or _media_root()
    sums = {}
    if root.is_dir():
        for path in sorted(root.rglob("*")):
            if path.is_file():
                sums[path.relative_to(root).as_posix()] = _sha256(path)
    return sums


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _pg_env() -> dict[str, str]:
    """libpq's environment for the connection Django uses: no password on a command line."""
    s = connection.settings_dict
    env = dict(os.environ)
    for key, value in (
        ("PGHOST", s.get("HOST")),
        ("PGPORT", s.get("PORT")),
        ("PGUSER", s.get("USER")),
        ("PGPASSWORD", s.get("PASSWORD")),
        ("PGDATABASE", s.get("NAME")),
    ):
        if value:
            env[key] = str(value)
    return env


def _run(command: list[str], **kwargs: Any) -> None:
    try:
        # Fixed programs and arguments; the connection comes through the environment.
        subprocess.run(command, check=True, capture_output=True, env=_pg_env(), **kwargs)  # noqa: S603
    except FileNotFoundError:
        raise BackupError(
            f"{command[0]} is not installed (Debian: postgresql-client, matching the server)."
        ) from None
    except subprocess.CalledProcessError as error:
        message = error.stderr.decode("utf-8", "replace").strip()
        raise BackupError(f"{command[0]} failed: {message}") from None


@dataclass
class Made:
    path: Path
    tables: int
    rows: int
    files: int


def backup(directory: Path) -> Made:
    """Write a backup of the database and the uploaded files into ``directory``."""
    engine = _engine()
    directory.mkdir(parents=True, exist_ok=True)
    stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
    final = directory / f"harambee-{stamp}.tar"
    with tempfile.TemporaryDirectory(prefix="harambee-backup-", dir=directory) as tmp:
        work = Path(tmp)
        if engine == "sqlite":
            database = work / "database.sqlite3"
            connection.ensure_connection()
            target = sqlite3.connect(database)
            try:
                # The online backup API: a consistent copy while the site runs.
                connection.connection.backup(target)
            finally:
                target.close()
        else:
            database = work / "database.dump"
            _run(["pg_dump", "--format=custom", "--no-owner", "--file", str(database)])
        counts = row_counts()
        sums = file_checksums()
        manifest = {
            "format": FORMAT,
            "created": timezone.now().isoformat(),
            "engine": engine,
            "database": database.name,
            "rows": counts,
            "files": sums,
        }
        partial = work / final.name
        with tarfile.open(partial, "w") as tar:
            data = json.dumps(manifest, indent=1, sort_keys=True).encode()
            info = tarfile.TarInfo(MANIFEST)
            info.size = len(data)
            info.mtime = int(timezone.now().timestamp())
            tar.addfile(info, io.BytesIO(data))
            tar.add(database, arcname=database.name)
            for name in sums:
                tar.add(_media_root() / name, arcname=f"media/{name}")
        os.replace(partial, final)
    return Made(final, len(counts), sum(counts.values()), len(sums))


def holds_data() -> bool:
    """Whether the database holds members or content: a freshly migrated database
    holds only what migrations write (content types, permissions, themes)."""
    from django.contrib.auth import get_user_model

    from harambee.core.models import Content

    return get_user_model().objects.exists() or Content.objects.exists()


def _member(tar: tarfile.TarFile, name: str) -> tarfile.TarInfo:
    try:
        member = tar.getmember(name)
    except KeyError:
        raise BackupError(f"This is not a Harambee backup: it has no {name}.") from None
    if not member.isfile():
        raise BackupError(f"{name} in this backup is not a file.")
    return member


def read_manifest(path: Path) -> dict[str, Any]:
    try:
        with tarfile.open(path, "r") as tar:
            raw = tar.extractfile(_member(tar, MANIFEST))
            assert raw is not None
            manifest = json.loads(raw.read())
    except (tarfile.TarError, OSError) as error:
        raise BackupError(f"Cannot read {path}: {error}") from None
    except json.JSONDecodeError:
        raise BackupError("The backup's manifest is not valid JSON.") from None
    if manifest.get("format") != FORMAT:
        raise BackupError(f"This backup has format {manifest.get('format')}, not {FORMAT}.")
    return manifest


@dataclass
class Restored:
    rows: int
    files: int
    differences: dict[str, tuple[int, int]]


def restore(path: Path, *, force: bool = False) -> Restored:
    """Put the backup at ``path`` in place of the database and the uploaded files."""
    engine = _engine()
    manifest = read_manifest(path)
    if manifest["engine"] != engine:
        raise BackupError(
            f"This backup is of a {manifest['engine']} database; this site runs on {engine}."
        )
    if not force and holds_data():
        raise BackupError(
            "This database already holds members or content. Restore into an empty "
            "database, or pass --force to replace what it holds."
        )
    with tempfile.TemporaryDirectory(prefix="harambee-restore-") as tmp:
        work = Path(tmp)
        with tarfile.open(path, "r") as tar:
            names = [manifest["database"], *(f"media/{n}" for n in manifest["files"])]
            for name in names:
                _member(tar, name)
            tar.extractall(work, members=[tar.getmember(n) for n in names], filter="data")
        extracted = file_checksums(work / "media")
        broken = sorted(n for n, s in manifest["files"].items() if extracted.get(n) != s)
        if broken:
            raise BackupError(f"Files damaged in this backup: {', '.join(broken[:5])}")
        with read_only(f"Restoring {path.name}"):
            if engine == "sqlite":
                source = sqlite3.connect(work / manifest["database"])
                try:
                    connection.ensure_connection()
                    source.backup(connection.connection)
                finally:
                    source.close()
            else:
                _run(
                    [
                        "pg_restore",
                        "--clean",
                        "--if-exists",
                        "--no-owner",
                        "--single-transaction",
                        "--dbname",
                        _pg_env().get("PGDATABASE", ""),
                        str(work / manifest["database"]),
                    ]
                )
            connection.close()
            media = _media_root()
            if media.exists():
                shutil.rmtree(media)
            if (work / "media").exists():
                shutil.copytree(work / "media", media)
            else:
                media.mkdir(parents=True, exist_ok=True)
    counts = row_counts()
    differences = {
        table: (expected, counts.get(table, 0))
        for table, expected in manifest["rows"].items()
        if counts.get(table, 0) != expected
    }
    return Restored(sum(counts.values()), len(manifest["files"]), differences)
