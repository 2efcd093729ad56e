"""The documents people upload (a request letter, a rank decree), kept by content: each file
is named by its SHA-256, the fingerprint a case records as the document's evidence, so the
same file uploaded twice is kept once and a name always means the same bytes.

A file is written to a temporary name in the store's own directory and renamed into place
once whole (an atomic rename on one file system): a crash never leaves a partial file under a
fingerprint. A store keeps the kinds it is made for, recognised by their content, not by the
name or type the browser claims: the documents' store PDF, JPEG and PNG, the imports' store
CSV (UTF-8 text) and XLSX; a file larger than the store's bound is refused while it is read."""

from __future__ import annotations

import codecs
import hashlib
import os
import re
import tempfile
from collections.abc import Collection
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import BinaryIO

CHUNK_BYTES = 64 * 1024
HEAD_BYTES = 8 * 1024
"""What is read of a file to know its kind: a signature, or enough to tell text."""
SHA256_NAME = re.compile(r"^[0-9a-f]{64}$")


class FileKind(StrEnum):
    """The kinds of document kept, by their media type."""

    PDF = "application/pdf"
    JPEG = "image/jpeg"
    PNG = "image/png"
    CSV = "text/csv"
    XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

    @property
    def extension(self) -> str:
        return _EXTENSIONS[self]


_EXTENSIONS = {
    FileKind.PDF: "pdf",
    FileKind.JPEG: "jpg",
    FileKind.PNG: "png",
    FileKind.CSV: "csv",
    FileKind.XLSX: "xlsx",
}
DOCUMENT_KINDS = frozenset({FileKind.PDF, FileKind.JPEG, FileKind.PNG})
"""What a case's documents may be."""
TABLE_KINDS = frozenset({FileKind.CSV, FileKind.XLSX})
"""What an import reads."""

_SIGNATURES: tuple[tuple[bytes, FileKind], ...] = (
    (b"%PDF-", FileKind.PDF),
    (b"\xff\xd8\xff", FileKind.JPEG),
    (b"\x89PNG\r\n\x1a\n", FileKind.PNG),
    # An XLSX workbook is a ZIP archive; one that is not a workbook fails when it is read.
    (b"PK\x03\x04", FileKind.XLSX),
)


def kind_of(head: bytes, kinds: Collection[FileKind] = DOCUMENT_KINDS) -> FileKind | None:
    """The kind of a file by its first bytes (a signature; for CSV, text), among ``kinds``,
    or ``None``."""
    for signature, kind in _SIGNATURES:
        if kind in kinds and head.startswith(signature):
            return kind
    if FileKind.CSV in kinds and head and _is_text(head):
        return FileKind.CSV
    return None


def _is_text(head: bytes) -> bool:
    """UTF-8 without NUL bytes: a character cut at the end of the head still counts."""
    if b"\x00" in head:
        return False
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError:
        return False
    return True


class FileRefused(Exception):
    """A file the store does not keep."""


class FileTooLarge(FileRefused):
    def __init__(self, max_bytes: int) -> None:
        super().__init__(f"a file is at most {max_bytes} bytes")
        self.max_bytes = max_bytes


class FileKindRefused(FileRefused):
    def __init__(self, kinds: Collection[FileKind] = DOCUMENT_KINDS) -> None:
        named = ", ".join(sorted(kind.extension.upper() for kind in kinds))
        super().__init__(f"only {named} files are kept")


class EmptyFile(FileRefused):
    def __init__(self) -> None:
        super().__init__("the file is empty")


@dataclass(frozen=True)
class StoredFile:
    sha256: str
    size: int
    kind: FileKind
    path: Path


class FileStore:
    def __init__(
        self, directory: Path, max_bytes: int, kinds: Collection[FileKind] = DOCUMENT_KINDS
    ) -> None:
        self.directory = directory
        self.max_bytes = max_bytes
        self.kinds = frozenset(kinds)

    def put(self, source: BinaryIO) -> StoredFile:
        """Keeps the file read from ``source`` (from its current position) under its SHA-256;
        keeping the same content again changes nothing. Raises ``FileRefused``."""
        self.directory.mkdir(parents=True, exist_ok=True, mode=0o700)
        digest = hashlib.sha256()
        size = 0
        head = b""
        handle, temporary = tempfile.mkstemp(dir=self.directory, prefix=".upload-")
        try:
            with os.fdopen(handle, "wb") as target:
                while chunk := source.read(CHUNK_BYTES):
                    size += len(chunk)
                    if size > self.max_bytes:
                        raise FileTooLarge(self.max_bytes)
                    if len(head) < HEAD_BYTES:
                        head += chunk[: HEAD_BYTES - len(head)]
                        if len(head) >= HEAD_BYTES and self._kind(head) is None:
                            raise FileKindRefused(self.kinds)
                    digest.update(chunk)
                    target.write(chunk)
                target.flush()
                os.fsync(target.fileno())
            if size == 0:
                raise EmptyFile
            kind = self._kind(head)
            if kind is None:
                raise FileKindRefused(self.kinds)
            sha256 = digest.hexdigest()
            final = self._path(sha256)
            final.parent.mkdir(exist_ok=True, mode=0o700)
            if final.exists():
                os.unlink(temporary)  # the same content is kept already
            else:
                os.replace(temporary, final)
            return StoredFile(sha256, size, kind, final)
        except BaseException:
            if os.path.exists(temporary):
                os.unlink(temporary)
            raise

    def get(self, sha256: str) -> StoredFile | None:
        """The file kept under ``sha256``, or ``None`` (not a fingerprint, or not kept)."""
        if not SHA256_NAME.match(sha256):
            return None
        path = self._path(sha256)
        try:
            with path.open("rb") as kept:
                head = kept.read(HEAD_BYTES)
            size = path.stat().st_size
        except FileNotFoundError:
            return None
        kind = self._kind(head)
        if kind is None:
            return None
        return StoredFile(sha256, size, kind, path)

    def _kind(self, head: bytes) -> FileKind | None:
        return kind_of(head, self.kinds)

    def _path(self, sha256: str) -> Path:
        # Fanned out by the first two digits, so no directory grows to millions of entries.
        return self.directory / sha256[:2] / sha256
