"""Settings from the environment (streams.settings)."""
from __future__ import annotations

import logging
import ssl

import pytest
from pydantic import ValidationError

from streams.settings import ENV_VARS, Settings

SECRET = "hunter2-s3cr3t"
SASL_ENV = {
    "KAFKA_BOOTSTRAP_SERVERS": "kafka-1:9093, kafka-2:9093",
    "KAFKA_SECURITY_PROTOCOL": "sasl_plaintext",
    "KAFKA_SASL_MECHANISM": "scram-sha-512",
    "KAFKA_SASL_USERNAME": "stance",
    "KAFKA_SASL_PASSWORD": SECRET,
}


def test_defaults():
    s = Settings.from_env({})
    assert s.embedded and s.bootstrap == "127.0.0.1:9092"
    assert s.topic_prefix == "" and s.topic("articles") == "articles"
    assert s.max_body_bytes == 1024 * 1024 and s.partitions >= 1
    assert (s.web_host, s.web_port) == ("127.0.0.1", 6066)
    assert s.watchlist == () and s.group_id == "policy-stance"
    assert s.security_protocol == "PLAINTEXT" and s.faust_credentials() is None
    assert s.kafka_python_config() == {"bootstrap_servers": ["127.0.0.1:9092"], "security_protocol": "PLAINTEXT"}


def test_values_from_the_environment():
    s = Settings.from_env({
        "KAFKA_BOOTSTRAP_SERVERS": "k1:9092,k2:9092", "STANCE_TOPIC_PREFIX": "test-",
        "STANCE_PARTITIONS": "8", "STANCE_MAX_BODY_BYTES": "2048",
        "STANCE_WATCHLIST": " Alibaba, tencent,,alibaba ", "STANCE_WEB_PORT": "7000",
        "STANCE_WEB_HOST": "0.0.0.0", "UNRELATED": "x",
    })
    assert not s.embedded and s.faust_broker == "kafka://k1:9092;kafka://k2:9092"
    assert s.topic("stance-events") == "test-stance-events" and s.group_id == "test-policy-stance"
    assert (s.partitions, s.max_body_bytes, s.web_port, s.web_host) == (8, 2048, 7000, "0.0.0.0")
    assert s.watchlist == ("alibaba", "tencent")


def test_empty_variables_count_as_unset():
    assert Settings.from_env({"KAFKA_BOOTSTRAP_SERVERS": "", "STANCE_PARTITIONS": " "}) == Settings()


@pytest.mark.parametrize("env", [
    {"STANCE_PARTITIONS": "0"},
    {"STANCE_PARTITIONS": "four"},
    {"STANCE_WEB_PORT": "70000"},
    {"STANCE_TOPIC_PREFIX": "bad prefix/"},
    {"STANCE_WATCHLIST": "ali baba"},
    {"KAFKA_SECURITY_PROTOCOL": "TLS"},
    {"KAFKA_SECURITY_PROTOCOL": "SASL_SSL", "KAFKA_SASL_USERNAME": "u"},  # no mechanism/password
])
def test_invalid_settings_are_refused(env):
    with pytest.raises(ValidationError):
        Settings.from_env(env)


def test_sasl_reaches_kafka_python_and_faust():
    s = Settings.from_env(SASL_ENV)
    config = s.kafka_python_config()
    assert config["bootstrap_servers"] == ["kafka-1:9093", "kafka-2:9093"]
    assert config["security_protocol"] == "SASL_PLAINTEXT" and config["sasl_mechanism"] == "SCRAM-SHA-512"
    assert (config["sasl_plain_username"], config["sasl_plain_password"]) == ("stance", SECRET)
    credentials = s.faust_credentials()
    assert credentials.username == "stance" and credentials.password == SECRET
    assert credentials.mechanism.value == "SCRAM-SHA-512" and credentials.ssl_context is None


def test_tls_with_a_ca_file():
    ca = ssl.get_default_verify_paths().cafile  # any real CA bundle will do
    if not ca:
        pytest.skip("no system CA bundle")
    s = Settings.from_env({**SASL_ENV, "KAFKA_SECURITY_PROTOCOL": "SASL_SSL", "KAFKA_SSL_CAFILE": str(ca)})
    assert s.kafka_python_config()["ssl_cafile"] == str(ca)
    assert s.faust_credentials().protocol.value == "SASL_SSL"
    assert isinstance(s.faust_credentials().ssl_context, ssl.SSLContext)
    plain_tls = Settings.from_env({"KAFKA_SECURITY_PROTOCOL": "SSL"})
    assert plain_tls.kafka_python_config()["security_protocol"] == "SSL"
    assert plain_tls.faust_credentials().protocol.value == "SSL"


def test_secrets_never_show(caplog):
    s = Settings.from_env(SASL_ENV)
    with caplog.at_level(logging.INFO):
        logging.getLogger("test").info("settings: %s / %r", s, s)
        logging.getLogger("test").info("credentials: %r", s.faust_credentials())
    for text in (repr(s), str(s), s.model_dump_json(), str(s.model_dump()), caplog.text):
        assert SECRET not in text
    assert "**********" in repr(s)


def test_round_trip_through_the_environment():
    s = Settings.from_env({**SASL_ENV, "STANCE_WATCHLIST": "alibaba,tencent", "STANCE_TOPIC_PREFIX": "p."})
    env = s.to_env()
    assert set(env) <= set(ENV_VARS.values()) and env["KAFKA_SASL_PASSWORD"] == SECRET
    assert Settings.from_env(env) == s
    assert Settings().to_env() == {}
