"""The uploaded files' store: files named by their SHA-256, kept once, written whole or not at
all, only the kinds the store is for by their content (documents: PDF, JPEG and PNG; imports:
CSV and XLSX), bounded in size."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import pytest

from asn_graph.api.file_store import (
    TABLE_KINDS,
    EmptyFile,
    FileKind,
    FileKindRefused,
    FileStore,
    FileTooLarge,
    kind_of,
)
from asn_graph.settings import Settings, SettingsError

PDF = b"%PDF-1.7\n" + b"x" * 1000 + b"\n%%EOF\n"
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 100
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 100


def leftovers(directory: Path) -> list[Path]:
    return [path for path in directory.rglob("*") if path.is_file()]


def test_a_file_is_kept_under_its_sha256_and_read_back(tmp_path: Path) -> None:
    store = FileStore(tmp_path / "files", 10_000)
    stored = store.put(io.BytesIO(PDF))
    assert stored.sha256 == hashlib.sha256(PDF).hexdigest()
    assert stored.size == len(PDF)
    assert stored.kind is FileKind.PDF
    assert stored.path.name == stored.sha256
    assert stored.path.read_bytes() == PDF
    found = store.get(stored.sha256)
    assert found is not None
    assert (found.path, found.kind, found.size) == (stored.path, FileKind.PDF, len(PDF))


def test_the_same_content_kept_twice_is_one_file(tmp_path: Path) -> None:
    store = FileStore(tmp_path, 10_000)
    first = store.put(io.BytesIO(PNG))
    second = store.put(io.BytesIO(PNG))
    assert first == second
    assert leftovers(tmp_path) == [first.path]


@pytest.mark.parametrize(
    ("content", "kind"), [(PDF, FileKind.PDF), (JPEG, FileKind.JPEG), (PNG, FileKind.PNG)]
)
def test_the_kind_is_known_by_the_content(content: bytes, kind: FileKind) -> None:
    assert kind_of(content) is kind


@pytest.mark.parametrize(
    "content",
    [b"<html><script>alert(1)</script></html>", b"MZ\x90\x00 an executable", b"%PD", b"GIF89a..."],
)
def test_other_kinds_are_refused_and_nothing_is_left(tmp_path: Path, content: bytes) -> None:
    store = FileStore(tmp_path, 10_000)
    with pytest.raises(FileKindRefused):
        store.put(io.BytesIO(content))
    assert leftovers(tmp_path) == []


def test_a_file_over_the_bound_is_refused_while_read_and_nothing_is_left(tmp_path: Path) -> None:
    store = FileStore(tmp_path, 1024)
    with pytest.raises(FileTooLarge) as refused:
        store.put(io.BytesIO(b"%PDF-1.7\n" + b"x" * 200_000))
    assert refused.value.max_bytes == 1024
    assert leftovers(tmp_path) == []
    exactly = b"%PDF-" + b"x" * (1024 - 5)
    assert store.put(io.BytesIO(exactly)).size == 1024


def test_an_empty_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(EmptyFile):
        FileStore(tmp_path, 1024).put(io.BytesIO(b""))
    assert leftovers(tmp_path) == []


def test_only_a_fingerprint_names_a_kept_file(tmp_path: Path) -> None:
    store = FileStore(tmp_path / "files", 10_000)
    stored = store.put(io.BytesIO(PDF))
    (tmp_path / "secret.txt").write_text("not a document")
    for name in ("../secret.txt", stored.sha256.upper(), stored.sha256[:-1], "a" * 64):
        assert store.get(name) is None


def test_the_store_is_in_the_data_directory_unless_placed_elsewhere(tmp_path: Path) -> None:
    data = {"ASN_GRAPH_DATA_DIR": str(tmp_path)}
    default = Settings.from_env(data)
    assert default.files_path == tmp_path / "files"
    assert default.max_file_bytes == 5 * 1024 * 1024
    elsewhere = Settings.from_env(
        {**data, "ASN_GRAPH_FILES_DIR": "/srv/berkas", "ASN_GRAPH_MAX_FILE_BYTES": "1048576"}
    )
    assert elsewhere.files_path == Path("/srv/berkas")
    assert elsewhere.max_file_bytes == 1_048_576
    # A worker or a second API process serves the same files under the same bound.
    peer = elsewhere.environment_for_peer()
    assert peer["ASN_GRAPH_FILES_DIR"] == "/srv/berkas"
    assert peer["ASN_GRAPH_MAX_FILE_BYTES"] == "1048576"
    with pytest.raises(SettingsError, match="ASN_GRAPH_MAX_FILE_BYTES"):
        Settings.from_env({"ASN_GRAPH_MAX_FILE_BYTES": "5MB"})


XLSX = b"PK\x03\x04" + b"\x00" * 100
CSV = b"nip;nama\n199001012015032001;Siti Rahayu\n"


def test_an_imports_store_keeps_csv_and_xlsx_and_nothing_else(tmp_path: Path) -> None:
    store = FileStore(tmp_path, 10_000, TABLE_KINDS)
    assert store.put(io.BytesIO(CSV)).kind is FileKind.CSV
    assert store.put(io.BytesIO(XLSX)).kind is FileKind.XLSX
    for content in (PDF[:4] + b"\x00\x01", PNG, b"\xff\xfe n\x00i\x00p\x00", b"nip\x00"):
        with pytest.raises(FileKindRefused, match="CSV, XLSX"):
            store.put(io.BytesIO(content))
    # A document's store does not take a table, nor serve one kept beside it.
    documents = FileStore(tmp_path, 10_000)
    with pytest.raises(FileKindRefused):
        documents.put(io.BytesIO(CSV))
    assert documents.get(hashlib.sha256(CSV).hexdigest()) is None


def test_text_is_told_from_a_head_cut_inside_a_character(tmp_path: Path) -> None:
    # "é" is two bytes in UTF-8: the head of 8 KiB may end between them.
    text = ("x" * (8 * 1024 - 1) + "é" * 10).encode()
    store = FileStore(tmp_path, 100_000, TABLE_KINDS)
    assert store.put(io.BytesIO(text)).kind is FileKind.CSV
    with pytest.raises(FileKindRefused):
        store.put(io.BytesIO(b"x" * 100 + b"\xc3\x28 not UTF-8"))
