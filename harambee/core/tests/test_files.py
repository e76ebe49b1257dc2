"""Uploads: recognised by content, re-encoded, location stripped, size-limited,
refused with a clear message, and served only through the gate."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from harambee.core import files
from harambee.core.models import Attachment
from harambee.core.services import attachment_add
from harambee.initiatives import services as initiative_services
from harambee.initiatives.models import Initiative, LearningNote

pytestmark = pytest.mark.django_db


def jpeg_with_gps(size=(800, 600)) -> bytes:
    image = Image.new("RGB", size, (30, 120, 60))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # camera make
    gps = {1: "N", 2: (7.0, 35.0, 0.0), 3: "W", 4: (1.0, 56.0, 24.0)}
    exif[0x8825] = gps
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif)
    return out.getvalue()


def docx() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    return out.getvalue()


PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def upload(name: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data)


def test_photos_are_re_encoded_without_location_by_default():
    checked = files.check_upload(io.BytesIO(jpeg_with_gps()))
    reopened = Image.open(io.BytesIO(checked.data))
    assert checked.kind == "image" and checked.mime == "image/jpeg"
    assert not reopened.getexif()  # no camera, no place, nothing
    assert checked.latitude is None and checked.thumbnail
    assert max(Image.open(io.BytesIO(checked.thumbnail)).size) <= 480


def test_location_is_kept_only_on_purpose():
    checked = files.check_upload(io.BytesIO(jpeg_with_gps()), keep_location=True)
    assert checked.latitude == pytest.approx(7.5833, abs=1e-3)
    assert checked.longitude == pytest.approx(-1.94, abs=1e-3)


@pytest.mark.parametrize(
    ("data", "kind", "mime"),
    [
        (PDF, "pdf", "application/pdf"),
        (
            docx(),
            "document",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        (b"ID3\x03\x00" + b"\x00" * 100, "audio", "audio/mpeg"),
        (b"OggS" + b"\x00" * 100, "audio", "audio/ogg"),
    ],
)
def test_documents_and_audio_are_recognised_by_content(data, kind, mime):
    checked = files.check_upload(io.BytesIO(data))
    assert (checked.kind, checked.mime) == (kind, mime)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"MZ\x90\x00 this is a program", "not accepted"),
        (b"<html><script>alert(1)</script></html>", "not accepted"),
        (b"", "empty"),
        (b"%PDF-1.4\n1 0 obj <<>> endobj\n", "incomplete or damaged"),
        (b"\xff\xd8\xff\xe0 not really a jpeg", "damaged or not really an image"),
        (b"PK\x03\x04 broken zip", "not a document we can take"),
    ],
)
def test_bad_files_are_refused_with_a_reason(data, message):
    with pytest.raises(files.FileRefused, match=message):
        files.check_upload(io.BytesIO(data))


def test_decompression_bombs_are_refused():
    out = io.BytesIO()
    Image.new("1", (10_000, 10_000)).save(out, "PNG")  # 100 megapixels, a few KB
    assert len(out.getvalue()) < 100_000
    with pytest.raises(files.FileRefused, match="too large in pixels"):
        files.check_upload(io.BytesIO(out.getvalue()))


def test_oversize_files_are_refused(settings):
    settings.UPLOAD_LIMITS_MB = {"image": 1, "pdf": 1, "document": 1, "audio": 1}
    with pytest.raises(files.FileRefused, match="larger than 1 MB"):
        files.check_upload(io.BytesIO(PDF + b"0" * 1_100_000 + b"%%EOF"))


@pytest.fixture
def note(cast, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    cast.space.kind = "initiative"
    cast.space.save()
    initiative = Initiative.objects.create(space=cast.space)
    return initiative_services.note_create(
        author=cast.space_member,
        initiative=initiative,
        title="Walk",
        visibility="space",
        learned="Slowly",
    )


def test_files_of_a_space_note_are_404_to_outsiders_who_have_the_url(cast, client_for, note):
    attachment = attachment_add(
        actor=cast.space_member,
        content=note,
        upload=upload("walk.jpg", jpeg_with_gps()),
        caption="The walk",
    )
    for url in (attachment.get_absolute_url(), attachment.thumbnail_url):
        for user in (cast.anon, cast.outsider, cast.member, cast.steward):
            assert client_for(user).get(url).status_code == 404
        response = client_for(cast.guest).get(url)
        assert response.status_code == 200
        assert response["Content-Disposition"].startswith("attachment")
        assert response["X-Content-Type-Options"] == "nosniff"
        assert "private" in response["Cache-Control"]
    # Once the note is public, so is its evidence.
    LearningNote.objects.filter(pk=note.pk).update(visibility="public")
    assert client_for(None).get(attachment.get_absolute_url()).status_code == 200


def test_upload_through_the_note_page(cast, client_for, note):
    client = client_for(cast.space_member)
    url = reverse("initiatives:evidence_add", args=[note.pk])
    response = client.post(url, {"file": upload("report.pdf", PDF), "caption": "Minutes"})
    assert response.status_code == 302
    attachment = Attachment.objects.get()
    assert attachment.type == "pdf" and attachment.original_name == "report.pdf"
    page = client.get(note.get_absolute_url()).content.decode()
    assert "Minutes" in page and attachment.get_absolute_url() in page
    response = client.post(url, {"file": upload("virus.exe", b"MZ\x90\x00"), "caption": "Kept"})
    body = response.content.decode()
    assert response.status_code == 422 and "not accepted" in body and 'value="Kept"' in body
    assert Attachment.objects.count() == 1
    response = client.post(url, {"url": "https://video.example.org/walk", "caption": "Video"})
    assert Attachment.objects.filter(type="link").exists()
    assert client_for(cast.space_lead).post(url, {"url": "https://x.org"}).status_code == 403


def test_a_refused_file_saves_nothing_of_a_new_note(cast, client_for, note):
    client = client_for(cast.space_member)
    response = client.post(
        reverse("initiatives:note_create", args=[cast.space.slug]),
        {
            "title": "With bad file",
            "tried": "Something",
            "visibility": "space",
            "evidence_file": upload("x.html", b"<html></html>"),
        },
    )
    body = response.content.decode()
    assert response.status_code == 200 and "not accepted" in body and "With bad file" in body
    assert not LearningNote.objects.filter(title="With bad file").exists()
