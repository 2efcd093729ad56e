"""The key of decree letters' verification addresses: its own setting or file, never the token
secret, shared with a peer process."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from asn_graph.settings import Settings, SettingsError


def test_a_key_is_made_once_in_the_data_directory_readable_by_its_owner(tmp_path: Path) -> None:
    settings = Settings.from_env(
        {"ASN_GRAPH_DATA_DIR": str(tmp_path), "ASN_GRAPH_JWT_SECRET": "s" * 40}
    )
    key = settings.letter_verification_key()
    kept = tmp_path / ".asn-graph-letter-key"
    assert kept.read_text() == key
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600
    assert key != settings.signing_secret()
    peer = Settings.from_env(settings.environment_for_peer())
    assert peer.letter_verification_key() == key
    assert not (tmp_path / ".asn-graph-secret").exists()  # the token secret was set


def test_a_key_set_in_the_environment_is_used_and_must_be_long_enough(tmp_path: Path) -> None:
    chosen = "k" * 40
    settings = Settings.from_env(
        {"ASN_GRAPH_DATA_DIR": str(tmp_path), "ASN_GRAPH_LETTER_KEY": chosen}
    )
    assert settings.letter_verification_key() == chosen
    assert Settings.from_env(settings.environment_for_peer()).letter_key == chosen
    assert not (tmp_path / ".asn-graph-letter-key").exists()
    short = Settings.from_env({"ASN_GRAPH_DATA_DIR": str(tmp_path), "ASN_GRAPH_LETTER_KEY": "k"})
    with pytest.raises(SettingsError, match="ASN_GRAPH_LETTER_KEY needs at least 32"):
        short.letter_verification_key()


def test_a_key_file_others_may_read_is_refused(tmp_path: Path) -> None:
    kept = tmp_path / ".asn-graph-letter-key"
    kept.write_text("k" * 48)
    kept.chmod(0o644)
    settings = Settings.from_env({"ASN_GRAPH_DATA_DIR": str(tmp_path)})
    with pytest.raises(SettingsError, match=r"letter key file .* may be read by others"):
        settings.letter_verification_key()
