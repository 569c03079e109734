"""Files attached to records: what is accepted, checked by name and by content, and how a
file is named in storage (never by the name it came with).

Accepted: PDF, Word, Excel, OpenDocument, CSV, plain text, PNG and JPEG, up to
``settings.ATTACHMENT_MAX_BYTES``. The extension must be one of those, and the first bytes
must be what such a file starts with (a program renamed ``.pdf`` is refused); the Office and
OpenDocument formats are zip archives, opened to check they hold a document of their kind.
The standard library does the reading: no new dependency.
"""

import re
import unicodedata
import uuid
import zipfile
from dataclasses import dataclass
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError

from . import clock

FILE_REQUIRED = "Select a file"
FILE_EMPTY = "The selected file is empty"
FILE_TOO_LARGE = "The file must be {limit} or smaller"
FILE_WRONG_TYPE = "The file must be a PDF, Word, Excel, OpenDocument, CSV, text, PNG or JPEG file"
FILE_NOT_WHAT_IT_SAYS = "The file is not a real {label} file: its content does not match its name"

PDF = b"%PDF-"
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97-2003 and Excel 97-2003
ZIP = b"PK\x03\x04"
PNG = b"\x89PNG\r\n\x1a\n"
JPEG = b"\xff\xd8\xff"


@dataclass(frozen=True)
class FileType:
    label: str
    mime_type: str
    magic: bytes | None  # None: a text file, checked as text
    # For zip formats: a member name the archive must contain, or the OpenDocument mimetype.
    zip_member: str = ""
    odf_mimetype: str = ""


_WORD = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
_EXCEL = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_ODF = "application/vnd.oasis.opendocument."

FILE_TYPES = {
    ".pdf": FileType("PDF", "application/pdf", PDF),
    ".doc": FileType("Word", "application/msword", OLE2),
    ".docx": FileType("Word", _WORD, ZIP, zip_member="word/"),
    ".xls": FileType("Excel", "application/vnd.ms-excel", OLE2),
    ".xlsx": FileType("Excel", _EXCEL, ZIP, zip_member="xl/"),
    ".odt": FileType("OpenDocument", _ODF + "text", ZIP, odf_mimetype=_ODF + "text"),
    ".ods": FileType("OpenDocument", _ODF + "spreadsheet", ZIP, odf_mimetype=_ODF + "spreadsheet"),
    ".odp": FileType(
        "OpenDocument", _ODF + "presentation", ZIP, odf_mimetype=_ODF + "presentation"
    ),
    ".csv": FileType("CSV", "text/csv", None),
    ".txt": FileType("text", "text/plain", None),
    ".png": FileType("PNG", "image/png", PNG),
    ".jpg": FileType("JPEG", "image/jpeg", JPEG),
    ".jpeg": FileType("JPEG", "image/jpeg", JPEG),
}
ACCEPT = ",".join(FILE_TYPES)  # the file input's accept attribute

# Bytes read to judge a text file: enough to see a binary, not the whole upload.
TEXT_SAMPLE = 64 * 1024
# Control characters a text file does not hold (tab, line feed, form feed, return allowed).
_BINARY = re.compile(rb"[\x00-\x08\x0b\x0e-\x1f\x7f]")
MAX_NAME = 150


def max_bytes() -> int:
    return settings.ATTACHMENT_MAX_BYTES


def size_label(size: int) -> str:
    """A size as people read it: "20 MB", "340 KB", "12 bytes"."""
    for unit, step in (("MB", 1024 * 1024), ("KB", 1024)):
        if size >= step:
            value = size / step
            return (
                f"{value:.0f} {unit}"
                if value >= 10 or value == int(value)
                else f"{value:.1f} {unit}"
            )
    return f"{size} byte{'s' if size != 1 else ''}"


def clean_filename(name: str) -> str:
    """The file's own name, safe to show and to offer on download: no folders, no control
    or odd characters, no leading dots, at most ``MAX_NAME`` characters (extension kept)."""
    name = unicodedata.normalize("NFKC", str(name or ""))
    name = re.split(r"[\\/]", name)[-1]  # whatever folders the browser or a forger sent
    name = "".join(c for c in name if unicodedata.category(c)[0] != "C")
    name = re.sub(r"[^\w .()+,&'-]", "_", name).strip(" .")
    name = re.sub(r"\s+", " ", name)
    stem, dot, ext = name.rpartition(".")
    if not dot:
        stem, ext = name, ""
    ext = f".{ext}" if ext else ""
    stem = stem[: MAX_NAME - len(ext)].strip(" .") or "file"
    return f"{stem}{ext.lower()}"


def file_type(name: str) -> FileType | None:
    return FILE_TYPES.get(PurePosixPath(clean_filename(name)).suffix.lower())


def _is_text(head: bytes) -> bool:
    if _BINARY.search(head):
        return False
    try:
        # A cut through a multi-byte character at the end of the sample is not an error.
        head.decode("utf-8")
        return True
    except UnicodeDecodeError as error:
        if error.start >= len(head) - 3:
            return True
    try:
        head.decode("cp1252")  # a spreadsheet saved as CSV on Windows
        return True
    except UnicodeDecodeError:
        return False


def _zip_holds(upload, kind: FileType) -> bool:
    try:
        with zipfile.ZipFile(upload) as archive:
            names = archive.namelist()
            if kind.odf_mimetype:
                # The first member, a few bytes; a larger one is not OpenDocument's (or a bomb).
                if "mimetype" not in names or archive.getinfo("mimetype").file_size > 100:
                    return False
                found = archive.read("mimetype").strip().decode("ascii", "replace")
                return found == kind.odf_mimetype
            return "[Content_Types].xml" in names and any(
                n.startswith(kind.zip_member) for n in names
            )
    except (zipfile.BadZipFile, OSError, ValueError, KeyError, RuntimeError):
        return False


def _content_matches(upload, kind: FileType) -> bool:
    upload.seek(0)
    head = upload.read(TEXT_SAMPLE if kind.magic is None else len(kind.magic))
    upload.seek(0)
    if kind.magic is None:
        return _is_text(head)
    if not head.startswith(kind.magic):
        return False
    if kind.magic == ZIP:
        matches = _zip_holds(upload, kind)
        upload.seek(0)
        return matches
    return True


def check_upload(upload) -> FileType:
    """The type of an uploaded file, or ``ValidationError`` with a message that names what
    is wrong: no file, empty, too large, a type not accepted, or content that is not what
    the name says. Reads only the start of the file (all of it for a zip's directory)."""
    if upload is None or not getattr(upload, "name", None):
        raise ValidationError(FILE_REQUIRED, code="required")
    if upload.size == 0:
        raise ValidationError(FILE_EMPTY, code="empty")
    if upload.size > max_bytes():
        raise ValidationError(
            FILE_TOO_LARGE.format(limit=size_label(max_bytes())), code="too_large"
        )
    kind = file_type(upload.name)
    if kind is None:
        raise ValidationError(FILE_WRONG_TYPE, code="wrong_type")
    if not _content_matches(upload, kind):
        raise ValidationError(FILE_NOT_WHAT_IT_SAYS.format(label=kind.label), code="mismatch")
    return kind


def storage_name(instance, filename: str) -> str:
    """Where a new attachment's file is stored (``upload_to``): a random name under
    ``attachments/<year>/``, with the accepted extension only. Two uploads never share a
    name, and nothing a user typed reaches the path."""
    ext = PurePosixPath(clean_filename(filename)).suffix.lower()
    if ext not in FILE_TYPES:
        ext = ""
    return f"attachments/{clock.today():%Y}/{uuid.uuid4().hex}{ext}"
