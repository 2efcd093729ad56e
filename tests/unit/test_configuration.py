import json
import re
from pathlib import Path

import pytest

from asn_graph import settings as settings_module
from asn_graph.domain.case_records import DocumentType
from asn_graph.domain.matching import MatchingWeights
from asn_graph.domain.office_terms import HolderCapacity
from asn_graph.domain.rules import Rule, Severity
from asn_graph.domain.transfer_types import Initiative, TransferType
from asn_graph.persistence.policy_file import load_policy
from asn_graph.settings import (
    ENVIRONMENT,
    Introspection,
    LogFormat,
    Settings,
    SettingsError,
    Variable,
)


def test_a_policy_file_sets_the_rules_values(tmp_path: Path) -> None:
    path = tmp_path / "policy.json"
    path.write_text(
        json.dumps(
            {
                "minimum_months_in_post": 6,
                "tenure_below_minimum": "WARNING",
                "effective_hours_per_year": 1300,
                "overridable_rules": ["TENURE_MINIMUM"],
                "document_checklists": {"WITHIN_AGENCY": ["PNS_STATUS_PROOF"]},
                "evaluation_months": [3, 6, 12],
                "evaluation_grace_days": 14,
                "matching": {"competency": 40, "asked_for": 0, "minimum_score": 25.5},
                "acting_term_max_days": 30,
                "signing_capacities": ["DEFINITIVE"],
                "kanreg_regions": {"KANREG-VI": ["11", "12"]},
            }
        )
    )
    policy = load_policy(path)
    assert policy.minimum_months_in_post == 6
    assert policy.tenure_below_minimum is Severity.WARNING
    assert policy.effective_hours_per_year == 1300
    assert policy.overridable_rules == frozenset({Rule.TENURE_MINIMUM})
    assert policy.evaluation_months == (3, 6, 12)
    assert policy.evaluation_grace_days == 14
    assert policy.matching == MatchingWeights(competency=40.0, asked_for=0.0, minimum_score=25.5)
    assert policy.acting_term_max_days == 30
    assert policy.signing_capacities == frozenset({HolderCapacity.DEFINITIVE})
    assert policy.kanreg_regions == {"KANREG-VI": frozenset({"11", "12"})}
    assert policy.checklist_for(TransferType.WITHIN_AGENCY, Initiative.OWN_REQUEST) == {
        DocumentType.PNS_STATUS_PROOF,
        DocumentType.REQUEST_LETTER,
    }


@pytest.mark.parametrize(
    "content",
    [
        '{"minimum_months": 6}',
        '{"minimum_months_in_post": -1}',
        '{"minimum_rating": "OK"}',
        '{"evaluation_months": [12, 6]}',
        '{"evaluation_months": [0]}',
        '{"evaluation_months": []}',
        '{"matching": {"competency": -5}}',
        '{"matching": {"competency": 0, "education": 0, "performance": 0, "potential": 0, '
        '"time_in_post": 0, "asked_for": 0, "surplus_origin": 0}}',
        '{"matching": {"competence": 10}}',
        '{"matching": {"education": "high"}}',
        '{"matching": {"potential": true}}',
        '{"matching": {"time_in_post": NaN}}',
        '{"matching": {"minimum_score": -1}}',
        '{"matching": {"plan_candidates_per_position": 0}}',
        '{"matching": {"plan_candidates_per_position": 2.5}}',
        '{"matching": [35, 15]}',
        '{"signing_capacities": ["ACTING"]}',
        '{"kanreg_regions": {"VI": ["12"]}}',
        '{"kanreg_regions": {"KANREG-VI": ["Sumatera Utara"]}}',
        '{"kanreg_regions": {"KANREG-VI": "12"}}',
        "[1, 2]",
        "not json",
    ],
)
def test_a_malformed_policy_is_refused(tmp_path: Path, content: str) -> None:
    path = tmp_path / "policy.json"
    path.write_text(content)
    with pytest.raises(SettingsError):
        load_policy(path)


def test_settings_come_from_the_environment() -> None:
    settings = Settings.from_env(
        {
            "ASN_GRAPH_DATABASE_URL": "postgresql://asn:rahasia@db.internal:6432/mutasi",
            "ASN_GRAPH_DATABASE_SCHEMA": "jatim",
            "ASN_GRAPH_POOL_SIZE": "12",
        }
    )
    env = settings.event_store_env()
    assert settings.is_postgres
    assert env["POSTGRES_HOST"] == "db.internal"
    assert env["POSTGRES_PORT"] == "6432"
    assert env["POSTGRES_DBNAME"] == "mutasi"
    assert env["POSTGRES_USER"] == "asn"
    assert env["POSTGRES_PASSWORD"] == "rahasia"
    assert env["POSTGRES_SCHEMA"] == "jatim"
    assert env["POSTGRES_POOL_SIZE"] == "12"
    assert env["POSTGRES_ENABLE_DB_FUNCTIONS"] == "n"


def test_zero_configuration_is_an_embedded_sqlite_file() -> None:
    settings = Settings.from_env({})
    assert not settings.is_postgres
    data = Path("~/.local/share/asn-graph").expanduser()
    assert settings.event_store_env()["SQLITE_DBNAME"] == str(data / "asn-graph.sqlite3")
    assert settings.views_location == str(data / "asn-graph.views.sqlite3")
    with pytest.raises(SettingsError):
        Settings.from_env({"ASN_GRAPH_POOL_SIZE": "zero"})


def test_a_short_jwt_secret_is_refused() -> None:
    with pytest.raises(SettingsError):
        Settings(jwt_secret="short").signing_secret()


def test_a_local_secret_is_made_once(tmp_path: Path) -> None:
    settings = Settings(secret_file=tmp_path / "secret")
    first = settings.signing_secret()
    assert settings.signing_secret() == first
    assert (tmp_path / "secret").stat().st_mode & 0o777 == 0o600


def test_switches_are_true_or_false_and_a_typo_is_refused() -> None:
    assert Settings.from_env({"ASN_GRAPH_ACCESS_LOG": "false"}).access_log is False
    assert Settings.from_env({}).access_log is True
    with pytest.raises(SettingsError, match="ASN_GRAPH_GRAPHIQL"):
        Settings.from_env({"ASN_GRAPH_GRAPHIQL": "maybe"})


def test_the_fast_paths_are_on_or_off_and_reach_a_peer_process() -> None:
    assert Settings.from_env({}).fast_paths is True
    off = Settings.from_env({"ASN_GRAPH_FAST_PATHS": "OFF"})
    assert off.fast_paths is False
    assert off.environment_for_peer()["ASN_GRAPH_FAST_PATHS"] == "off"
    with pytest.raises(SettingsError, match="ASN_GRAPH_FAST_PATHS is 'on' or 'off'"):
        Settings.from_env({"ASN_GRAPH_FAST_PATHS": "false"})


def test_the_list_of_variables_is_the_one_the_settings_read() -> None:
    source = Path(settings_module.__file__).read_text()
    from_env = source[source.index("def from_env") : source.index("def environment_for_peer")]
    read = set(re.findall(r'"(ASN_GRAPH_[A-Z_]+)"', from_env))
    assert read == {variable.name for variable in ENVIRONMENT}


@pytest.mark.parametrize("variable", ENVIRONMENT, ids=lambda variable: variable.name)
def test_a_variable_set_to_its_listed_default_changes_nothing(variable: Variable) -> None:
    if variable.default is not None:
        assert Settings.from_env({variable.name: variable.default}) == Settings.from_env({})


def test_the_readme_lists_every_variable_with_its_default() -> None:
    readme = (Path(__file__).parents[2] / "README.md").read_text()
    rows = dict(re.findall(r"^\| `(ASN_GRAPH_[A-Z_]+)` \| ([^|]+) \|", readme, re.MULTILINE))
    for variable in ENVIRONMENT:
        listed = "(none)" if variable.default is None else f"`{variable.default}`"
        assert rows.get(variable.name, "").strip() == listed, variable.name


def test_the_readiness_bound_is_a_count_of_events() -> None:
    assert Settings.from_env({}).ready_max_lag == 1000
    assert Settings.from_env({"ASN_GRAPH_READY_MAX_LAG": "0"}).ready_max_lag == 0
    with pytest.raises(SettingsError, match="ASN_GRAPH_READY_MAX_LAG"):
        Settings.from_env({"ASN_GRAPH_READY_MAX_LAG": "-1"})


def test_introspection_is_for_callers_with_a_token_unless_set_and_reaches_a_peer() -> None:
    assert Settings.from_env({}).introspection is Introspection.AUTHENTICATED
    off = Settings.from_env({"ASN_GRAPH_INTROSPECTION": " Off "})
    assert off.introspection is Introspection.OFF
    assert off.environment_for_peer()["ASN_GRAPH_INTROSPECTION"] == "off"
    assert Settings.from_env({"ASN_GRAPH_INTROSPECTION": "on"}).introspection is Introspection.ON
    with pytest.raises(SettingsError, match="ASN_GRAPH_INTROSPECTION is 'on', 'off' or"):
        Settings.from_env({"ASN_GRAPH_INTROSPECTION": "true"})


def test_the_database_timeout_is_seconds_above_zero_and_reaches_a_peer_process() -> None:
    assert Settings.from_env({}).database_timeout_seconds == 2.0
    half = Settings.from_env({"ASN_GRAPH_DATABASE_TIMEOUT_SECONDS": "0.5"})
    assert half.database_timeout_seconds == 0.5
    assert half.environment_for_peer()["ASN_GRAPH_DATABASE_TIMEOUT_SECONDS"] == "0.5"
    for wrong in ("0", "-1", "soon"):
        with pytest.raises(SettingsError, match="ASN_GRAPH_DATABASE_TIMEOUT_SECONDS"):
            Settings.from_env({"ASN_GRAPH_DATABASE_TIMEOUT_SECONDS": wrong})


def test_the_request_timeout_bounds_a_whole_call_apart_from_the_database_waits() -> None:
    assert Settings.from_env({}).request_timeout_seconds == 30.0
    short = Settings.from_env({"ASN_GRAPH_REQUEST_TIMEOUT_SECONDS": "3"})
    assert short.request_timeout_seconds == 3.0
    assert short.database_timeout_seconds == 2.0
    assert short.environment_for_peer()["ASN_GRAPH_REQUEST_TIMEOUT_SECONDS"] == "3"
    with pytest.raises(SettingsError, match="ASN_GRAPH_REQUEST_TIMEOUT_SECONDS"):
        Settings.from_env({"ASN_GRAPH_REQUEST_TIMEOUT_SECONDS": "0"})


def test_logs_are_text_or_json_lines_and_a_peer_logs_alike() -> None:
    assert Settings.from_env({}).log_format is LogFormat.TEXT
    json_lines = Settings.from_env({"ASN_GRAPH_LOG_FORMAT": " JSON "})
    assert json_lines.log_format is LogFormat.JSON
    assert json_lines.environment_for_peer()["ASN_GRAPH_LOG_FORMAT"] == "json"
    with pytest.raises(SettingsError, match="ASN_GRAPH_LOG_FORMAT is 'text' or 'json'"):
        Settings.from_env({"ASN_GRAPH_LOG_FORMAT": "logfmt"})


def test_trusted_documents_and_failed_sign_ins_are_set_and_reach_a_peer(tmp_path: Path) -> None:
    default = Settings.from_env({})
    assert (default.trusted_documents, default.trusted_documents_file) == (False, None)
    assert default.failed_signins_per_minute == 20
    allowlist = tmp_path / "trusted.json"
    settings = Settings.from_env(
        {
            "ASN_GRAPH_TRUSTED_DOCUMENTS": "on",
            "ASN_GRAPH_TRUSTED_DOCUMENTS_FILE": str(allowlist),
            "ASN_GRAPH_FAILED_SIGNINS_PER_MINUTE": "0",
        }
    )
    assert settings.trusted_documents is True
    assert settings.trusted_documents_file == allowlist
    assert settings.failed_signins_per_minute == 0
    peer = settings.environment_for_peer()
    assert peer["ASN_GRAPH_TRUSTED_DOCUMENTS"] == "on"
    assert peer["ASN_GRAPH_TRUSTED_DOCUMENTS_FILE"] == str(allowlist.resolve())
    assert peer["ASN_GRAPH_FAILED_SIGNINS_PER_MINUTE"] == "0"
    with pytest.raises(SettingsError, match="ASN_GRAPH_TRUSTED_DOCUMENTS is 'on' or 'off'"):
        Settings.from_env({"ASN_GRAPH_TRUSTED_DOCUMENTS": "yes"})
    with pytest.raises(SettingsError, match="ASN_GRAPH_FAILED_SIGNINS_PER_MINUTE"):
        Settings.from_env({"ASN_GRAPH_FAILED_SIGNINS_PER_MINUTE": "-1"})
