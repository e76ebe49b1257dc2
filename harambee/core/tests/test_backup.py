"""`harambee backup` and `harambee restore`, round trip on the database the suite runs on
(SQLite, and PostgreSQL when HARAMBEE_TEST_POSTGRES=1)."""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import tarfile
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from harambee.conftest import make_cast
from harambee.core import backup
from harambee.core.tests.factories import CommentFactory, PostFactory

pytestmark = pytest.mark.django_db(transaction=True)


def table_hashes() -> dict[str, str]:
    """A hash of every row of every table, in primary-key order."""
    hashes = {}
    with connection.cursor() as cursor:
        for table in backup._tables():
            quoted = connection.ops.quote_name(table)
            cursor.execute(f"SELECT * FROM {quoted} ORDER BY 1")  # noqa: S608
            digest = hashlib.sha256()
            for row in cursor.fetchall():
                digest.update(repr(row).encode())
            hashes[table] = digest.hexdigest()
    return hashes


@pytest.fixture
def site(settings, tmp_path):
    settings.VAR_DIR = tmp_path / "var"
    settings.MEDIA_ROOT = tmp_path / "var" / "media"
    media = Path(settings.MEDIA_ROOT)
    (media / "attachments" / "2026").mkdir(parents=True)
    (media / "attachments" / "2026" / "photo.jpg").write_bytes(b"\xff\xd8\xff" + b"x" * 5000)
    (media / "avatars").mkdir()
    (media / "avatars" / "ama ɛ.png").write_bytes(b"\x89PNG" + bytes(range(256)))
    cast = make_cast()
    post = PostFactory(title="Bono East: fire breaks", space=cast.space, author=cast.space_lead)
    CommentFactory(content=post, author=cast.space_member, body="Wɔ ɛ ŋ ɔ")
    return cast


def _wipe(settings) -> None:
    call_command("flush", interactive=False, verbosity=0)
    shutil.rmtree(settings.MEDIA_ROOT)


def test_a_round_trip_gives_back_every_row_and_file(site, settings, tmp_path, capsys):
    rows, files = table_hashes(), backup.file_checksums()
    counts = backup.row_counts()
    assert counts["people_user"] >= 6 and len(files) == 2

    call_command("backup", output=str(tmp_path / "backups"))
    made = sorted((tmp_path / "backups").glob("harambee-*.tar"))
    assert len(made) == 1, "one file, no temporary leftovers"
    assert "Backed up" in capsys.readouterr().out
    manifest = backup.read_manifest(made[0])
    assert manifest["engine"] == connection.vendor
    assert manifest["rows"] == counts and manifest["files"] == files

    _wipe(settings)
    assert backup.row_counts()["people_user"] == 0
    call_command("restore", str(made[0]))

    assert "Restored" in capsys.readouterr().out
    assert table_hashes() == rows
    assert backup.file_checksums() == files
    assert not backup.is_read_only(), "read-only ends with the restore"


def test_a_restore_refuses_a_database_with_content_unless_forced(site, settings, tmp_path):
    made = backup.backup(tmp_path / "b")
    rows = table_hashes()
    with pytest.raises(CommandError, match="already holds members or content"):
        call_command("restore", str(made.path))
    # Nothing changed, and the site is writable again.
    assert table_hashes() == rows and not backup.is_read_only()

    PostFactory(title="written after the backup", space=site.space)
    call_command("restore", str(made.path), force=True)
    assert table_hashes() == rows


def test_a_damaged_or_foreign_file_is_refused_before_anything_is_touched(site, tmp_path):
    made = backup.backup(tmp_path / "b")
    damaged = tmp_path / "damaged.tar"
    with tarfile.open(made.path) as source, tarfile.open(damaged, "w") as target:
        for member in source.getmembers():
            data = source.extractfile(member).read()
            if member.name.endswith("photo.jpg"):
                data = data[:-1] + b"y"
            target.addfile(member, io.BytesIO(data))
    _wipe_rows = backup.row_counts()
    with pytest.raises(CommandError, match="Files damaged"):
        call_command("restore", str(damaged), force=True)
    assert backup.row_counts() == _wipe_rows

    foreign = tmp_path / "foreign.tar"
    with tarfile.open(foreign, "w") as tar:
        data = b"{}"
        info = tarfile.TarInfo("notes.txt")
        info.size = len(data)
        tar.addfile(info, io.BytesIO(data))
    with pytest.raises(CommandError, match="not a Harambee backup"):
        call_command("restore", str(foreign), force=True)
    with pytest.raises(CommandError, match="No backup at"):
        call_command("restore", str(tmp_path / "missing.tar"))
    (tmp_path / "junk.tar").write_bytes(b"not a tar file at all")
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("restore", str(tmp_path / "junk.tar"))


def test_a_backup_of_the_other_engine_is_refused(site, tmp_path):
    made = backup.backup(tmp_path / "b")
    other = "postgresql" if connection.vendor == "sqlite" else "sqlite"
    changed = tmp_path / "other.tar"
    with tarfile.open(made.path) as source, tarfile.open(changed, "w") as target:
        for member in source.getmembers():
            data = source.extractfile(member).read()
            if member.name == "manifest.json":
                data = json.dumps({**json.loads(data), "engine": other}).encode()
                member.size = len(data)
            target.addfile(member, io.BytesIO(data))
    with pytest.raises(CommandError, match=f"backup is of a {other} database"):
        call_command("restore", str(changed), force=True)


def test_while_restoring_pages_are_read_and_writes_answer_503(site, client, settings):
    client.force_login(site.member)
    with backup.read_only("Restoring a test backup"):
        assert client.get("/").status_code == 200
        response = client.post("/stream/", {"body": "hello"})
        assert response.status_code == 503
        assert response["Retry-After"] == "120"
        assert "read-only" in response.content.decode()
    assert client.post("/stream/", {"body": "hello"}).status_code != 503
