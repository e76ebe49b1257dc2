"""Uploaded files: recognised by their content, not their name; size-limited;
images re-encoded (which drops anything hidden in them) with their location
removed unless the uploader keeps it on purpose; thumbnails for images.

Files are stored under random names and only ever served through
``core.views.attachment`` after the gate has said yes.
"""

from __future__ import annotations

import hashlib
import io
import secrets
import warnings
import zipfile
from dataclasses import dataclass
from typing import IO

from django.conf import settings
from django.utils.translation import gettext as _
from PIL import ExifTags, Image, ImageOps, UnidentifiedImageError

THUMBNAIL_SIZE = (480, 480)
# Pixels an uploaded image may have; more is refused as a possible decompression bomb.
MAX_PIXELS = 40_000_000


class FileRefused(ValueError):
    """The upload cannot be accepted; the message says why, for the uploader."""


@dataclass
class CheckedFile:
    kind: str  # image, pdf, document, audio
    mime: str
    extension: str
    data: bytes
    thumbnail: bytes | None = None
    width: int | None = None
    height: int | None = None
    latitude: float | None = None
    longitude: float | None = None

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


OFFICE = {
    "word/": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    "xl/": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    "ppt/": ("application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx"),
}
ODF = {
    "application/vnd.oasis.opendocument.text": "odt",
    "application/vnd.oasis.opendocument.spreadsheet": "ods",
    "application/vnd.oasis.opendocument.presentation": "odp",
}


def sniff(head: bytes) -> tuple[str, str, str] | None:
    """(kind, mime, extension) from the first bytes, or None if not a type we take."""
    if head.startswith(b"\xff\xd8\xff"):
        return "image", "image/jpeg", "jpg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image", "image/png", "png"
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return "image", "image/gif", "gif"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image", "image/webp", "webp"
    if head.startswith(b"%PDF-"):
        return "pdf", "application/pdf", "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "document", "", ""  # decided by the archive's contents
    if head.startswith(b"ID3") or head[:2] in (b"\xff\xfb", b"\xff\xf3", b"\xff\xf2"):
        return "audio", "audio/mpeg", "mp3"
    if head.startswith(b"OggS"):
        return "audio", "audio/ogg", "ogg"
    if head[:4] == b"RIFF" and head[8:12] == b"WAVE":
        return "audio", "audio/wav", "wav"
    if head[4:8] == b"ftyp" and head[8:11] in (b"M4A", b"mp4", b"iso"):
        return "audio", "audio/mp4", "m4a"
    if head.startswith(b"#!AMR"):
        return "audio", "audio/amr", "amr"
    return None


def _office(data: bytes) -> tuple[str, str]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
            if "mimetype" in names:
                mime = archive.read("mimetype").decode("ascii", "replace").strip()
                if mime in ODF:
                    return mime, ODF[mime]
            if "[Content_Types].xml" in names:
                for prefix, found in OFFICE.items():
                    if any(name.startswith(prefix) for name in names):
                        return found
    except (zipfile.BadZipFile, OSError, KeyError):
        pass
    raise FileRefused(
        _("This archive is not a document we can take (Word, Excel, PowerPoint or OpenDocument).")
    )


def _coordinate(values, ref) -> float:
    degrees, minutes, seconds = (float(v) for v in values)
    result = degrees + minutes / 60 + seconds / 3600
    return -result if ref in ("S", "W") else result


def _image(data: bytes, mime: str, keep_location: bool) -> CheckedFile:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            Image.MAX_IMAGE_PIXELS = MAX_PIXELS
            with Image.open(io.BytesIO(data)) as probe:
                if probe.width * probe.height > MAX_PIXELS:
                    raise Image.DecompressionBombError("too many pixels")
                probe.verify()
            image = Image.open(io.BytesIO(data))
            image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise FileRefused(_("This image is too large in pixels to be processed safely.")) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise FileRefused(_("This image is damaged or not really an image.")) from None
    latitude = longitude = None
    if keep_location:
        gps = image.getexif().get_ifd(ExifTags.IFD.GPSInfo)
        try:
            latitude = _coordinate(gps[2], gps[1])
            longitude = _coordinate(gps[4], gps[3])
        except (KeyError, TypeError, ValueError, ZeroDivisionError):
            latitude = longitude = None
    upright: Image.Image = ImageOps.exif_transpose(image)
    image = upright  # type: ignore[assignment]
    has_alpha = image.mode in ("RGBA", "LA", "P") and mime != "image/jpeg"
    image = image.convert("RGBA" if has_alpha else "RGB")  # type: ignore[assignment]
    out = io.BytesIO()
    # Re-encoding writes pixels only: EXIF (camera, time, place), comments and any
    # trailing data are gone.
    if has_alpha:
        image.save(out, "PNG", optimize=True)
        mime, extension = "image/png", "png"
    else:
        image.save(out, "JPEG", quality=85, optimize=True, progressive=True)
        mime, extension = "image/jpeg", "jpg"
    thumb = image.copy()
    thumb.thumbnail(THUMBNAIL_SIZE)
    thumb_out = io.BytesIO()
    thumb.convert("RGB").save(thumb_out, "JPEG", quality=75, optimize=True)
    return CheckedFile(
        kind="image",
        mime=mime,
        extension=extension,
        data=out.getvalue(),
        thumbnail=thumb_out.getvalue(),
        width=image.width,
        height=image.height,
        latitude=latitude,
        longitude=longitude,
    )


def _pdf(data: bytes) -> None:
    tail = data[-2048:]
    if b"%%EOF" not in tail:
        raise FileRefused(_("This PDF is incomplete or damaged (it has no end marker)."))


def max_bytes(kind: str) -> int:
    limits = settings.UPLOAD_LIMITS_MB
    return limits.get(kind, limits["document"]) * 1024 * 1024


def check_upload(stream: IO[bytes], *, keep_location: bool = False) -> CheckedFile:
    """Read, recognise and check an upload. Raises FileRefused with a clear reason."""
    biggest = max(settings.UPLOAD_LIMITS_MB.values()) * 1024 * 1024
    data = stream.read(biggest + 1)
    if not data:
        raise FileRefused(_("The file is empty."))
    found = sniff(data[:16])
    if found is None:
        raise FileRefused(
            _(
                "This kind of file is not accepted. Upload a photo (JPEG, PNG, GIF, WebP), a PDF, "
                "an office document or an audio recording."
            )
        )
    kind, mime, extension = found
    if len(data) > max_bytes(kind):
        raise FileRefused(
            _("The file is larger than %(mb)s MB. Make it smaller and try again.")
            % {"mb": settings.UPLOAD_LIMITS_MB.get(kind, 0)}
        )
    if kind == "image":
        return _image(data, mime, keep_location)
    if kind == "pdf":
        _pdf(data)
    if kind == "document":
        mime, extension = _office(data)
    return CheckedFile(kind=kind, mime=mime, extension=extension, data=data)


def storage_name(extension: str) -> str:
    return f"attachments/{secrets.token_hex(2)}/{secrets.token_urlsafe(18)}.{extension}"
