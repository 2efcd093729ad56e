"""A document's file uploaded from a page (the employee's request and case pages, the
officer's case page): kept in the content-addressed file store (``api/file_store.py``) once
it is recognised by its content as a PDF, JPEG or PNG of at most ``max_file_bytes``; a file
refused is told in the person's language, for the form to show beside its field. The page
then records the file's SHA-256 on the case through ``attachDocument``, as an API client
would."""

from __future__ import annotations

from starlette.datastructures import UploadFile
from starlette.requests import Request

from asn_graph.api.blocking import BlockingPool
from asn_graph.api.file_store import (
    EmptyFile,
    FileRefused,
    FileStore,
    FileTooLarge,
    StoredFile,
)
from asn_graph.api.web.messages import MESSAGES, Language, language_of
from asn_graph.settings import Settings

FORM_OVERHEAD_BYTES = 64 * 1024
"""What a form sends beside its file: its other fields and the parts' headers."""
UPLOAD_FORMS = ("/saya/", "/kasus/")
"""The paths (by prefix) of the forms that upload a document: the employee's, the case page's."""


def megabytes(max_bytes: int, request: Request) -> str:
    """A bound on files in megabytes as the person reads a number: Indonesian writes a
    decimal comma."""
    shown = f"{round(max_bytes / (1024 * 1024), 1):g}"
    return shown.replace(".", ",") if language_of(request) is Language.INDONESIAN else shown


def upload_limits(settings: Settings) -> dict[str, int]:
    """The request body the upload forms may send (see ``BodyLimit``): as large as a file."""
    return {prefix: settings.max_file_bytes + FORM_OVERHEAD_BYTES for prefix in UPLOAD_FORMS}


def uploaded(value: object) -> UploadFile | None:
    """The file a file input sent, or None when it was left empty (a file input left empty
    still sends a part, with no name and no content)."""
    return value if isinstance(value, UploadFile) and value.filename else None


class UploadRefused(Exception):
    """A file not kept, with the message to show beside its field."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class Uploads:
    def __init__(self, settings: Settings, blocking: BlockingPool) -> None:
        self.files = FileStore(settings.files_path, settings.max_file_bytes)
        self.blocking = blocking
        self.max_bytes = settings.max_file_bytes

    def megabytes(self, request: Request) -> str:
        """The files' bound as the person reads it."""
        return megabytes(self.max_bytes, request)

    def kept(self, sha256: str) -> StoredFile | None:
        return self.files.get(sha256)

    async def keep(self, request: Request, upload: UploadFile | None) -> StoredFile:
        """Keeps the file in the store (once, whoever uploads it again); ``UploadRefused``
        says why a file is not kept, in the page's language."""
        text = MESSAGES[language_of(request)]
        if upload is None:
            raise UploadRefused(text["upload_missing"])
        try:
            return await self.blocking.run(self.files.put, upload.file)
        except FileTooLarge:
            raise UploadRefused(
                text["upload_too_large"].format(megabytes=self.megabytes(request))
            ) from None
        except EmptyFile:
            raise UploadRefused(text["upload_empty"]) from None
        except FileRefused:
            raise UploadRefused(text["upload_kind"]) from None
