"""The data directory: where the embedded store and the secret file are, whichever directory
a command is run from."""

from __future__ import annotations

from pathlib import Path

import pytest

from asn_graph.api.auth import TokenService
from asn_graph.cli import main
from asn_graph.settings import Settings, SettingsError


def test_the_data_directory_is_the_users_data_home_by_default() -> None:
    assert Settings.from_env({}).data_dir == Path("~/.local/share/asn-graph").expanduser()
    xdg = Settings.from_env({"XDG_DATA_HOME": "/srv/data"})
    assert xdg.data_dir == Path("/srv/data/asn-graph")
    # The XDG specification ignores a relative XDG_DATA_HOME.
    assert Settings.from_env({"XDG_DATA_HOME": "data"}).data_dir == Settings.from_env({}).data_dir


def test_the_store_and_the_secret_live_in_the_data_directory(tmp_path: Path) -> None:
    settings = Settings.from_env({"ASN_GRAPH_DATA_DIR": str(tmp_path)})
    assert settings.sqlite_path == tmp_path / "asn-graph.sqlite3"
    assert settings.views_location == str(tmp_path / "asn-graph.views.sqlite3")
    assert settings.secret_path == tmp_path / ".asn-graph-secret"
    elsewhere = Settings.from_env(
        {
            "ASN_GRAPH_DATA_DIR": str(tmp_path),
            "ASN_GRAPH_DATABASE_URL": "sqlite:////var/lib/asn-graph/store.sqlite3",
            "ASN_GRAPH_SECRET_FILE": "/run/secrets/asn-graph",
        }
    )
    assert elsewhere.sqlite_path == Path("/var/lib/asn-graph/store.sqlite3")
    assert elsewhere.secret_path == Path("/run/secrets/asn-graph")


def test_a_relative_data_directory_is_fixed_when_read_and_reaches_a_peer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    settings = Settings.from_env({"ASN_GRAPH_DATA_DIR": "data"})
    assert settings.data_dir == tmp_path / "data"
    peer = settings.environment_for_peer()
    assert peer["ASN_GRAPH_DATA_DIR"] == str(tmp_path / "data")
    assert peer["ASN_GRAPH_SECRET_FILE"] == str(tmp_path / "data" / ".asn-graph-secret")


def test_a_token_minted_in_one_directory_is_accepted_by_a_server_started_in_another(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("ASN_GRAPH_DATA_DIR", "ASN_GRAPH_JWT_SECRET", "ASN_GRAPH_SECRET_FILE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "home"))
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    monkeypatch.chdir(tmp_path / "one")
    assert main(["token", "--role", "auditor", "--subject", "bpk", "--national"]) == 0
    printed = capsys.readouterr()
    token = printed.out.strip()
    assert printed.err.startswith("token id: ")
    secret = tmp_path / "home" / "asn-graph" / ".asn-graph-secret"
    assert secret.stat().st_mode & 0o777 == 0o600
    assert secret.parent.stat().st_mode & 0o777 == 0o700
    monkeypatch.chdir(tmp_path / "two")
    assert TokenService(Settings.from_env().signing_secret()).verify(token).id == "bpk"


def test_a_secret_file_others_may_read_is_refused_naming_the_file_and_the_fix(
    tmp_path: Path,
) -> None:
    secret = tmp_path / ".asn-graph-secret"
    secret.write_text("x" * 48)
    secret.chmod(0o640)
    with pytest.raises(SettingsError) as refused:
        Settings.from_env({"ASN_GRAPH_DATA_DIR": str(tmp_path)}).signing_secret()
    assert str(secret) in str(refused.value)
    assert f"chmod 600 {secret}" in str(refused.value)
