"""docker-compose.yml and the Dockerfile agree with the settings and the command line.

Docker is not available where the tests run, so the files are checked by reading them.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from streams.cli import build_parser
from streams.settings import ENV_VARS, Settings

yaml = pytest.importorskip("yaml")

REPO = Path(__file__).resolve().parents[1]
COMPOSE = yaml.safe_load((REPO / "docker-compose.yml").read_text())
SERVICES = COMPOSE["services"]
DOCKERFILE = (REPO / "Dockerfile").read_text()


def test_services():
    assert set(SERVICES) == {"kafka", "worker", "replay"}
    assert SERVICES["kafka"]["image"].startswith("apache/kafka:3.")
    assert SERVICES["worker"]["image"] == SERVICES["replay"]["image"]
    for name in ("worker", "replay"):
        assert SERVICES[name]["depends_on"]["kafka"]["condition"] == "service_healthy"
    assert SERVICES["replay"]["restart"] == "no"


def test_kafka_is_a_single_kraft_node():
    env = SERVICES["kafka"]["environment"]
    assert set(env["KAFKA_PROCESS_ROLES"].split(",")) == {"broker", "controller"}
    assert env["KAFKA_CONTROLLER_QUORUM_VOTERS"] == f"{env['KAFKA_NODE_ID']}@kafka:9093"
    assert env["KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR"] == 1
    assert str(env["KAFKA_AUTO_CREATE_TOPICS_ENABLE"]).lower() == "false"
    assert "kafka-broker-api-versions.sh" in " ".join(SERVICES["kafka"]["healthcheck"]["test"])


def _env(service: str) -> dict[str, str]:
    return {k: str(v) for k, v in SERVICES[service]["environment"].items()}


@pytest.mark.parametrize("service", ["worker", "replay"])
def test_app_environment_is_valid_settings(service):
    env = _env(service)
    assert set(env) <= set(ENV_VARS.values()), set(env) - set(ENV_VARS.values())
    settings = Settings.from_env(env)
    assert not settings.embedded
    # The bootstrap address is Kafka's advertised in-network listener.
    kafka_env = SERVICES["kafka"]["environment"]
    advertised = dict(item.split("://") for item in kafka_env["KAFKA_ADVERTISED_LISTENERS"].split(","))
    assert settings.bootstrap == advertised[kafka_env["KAFKA_INTER_BROKER_LISTENER_NAME"]]
    assert settings.web_host == "0.0.0.0"
    assert settings.replication_factor == 1  # one Kafka node


def test_workers_scale_without_fixed_host_ports():
    worker = SERVICES["worker"]
    settings = Settings.from_env(_env("worker"))
    args = build_parser().parse_args(worker["command"])
    assert args.command == "worker" and not args.without_web
    port = args.web_port or settings.web_port
    # Container port only (no "host:container"), so each replica gets its own host port.
    assert [str(p) for p in worker["ports"]] == [str(port)]
    assert f"EXPOSE {port}" in DOCKERFILE


def test_replay_command_parses():
    args = build_parser().parse_args(SERVICES["replay"]["command"])
    assert args.command == "replay" and [Path(p) for p in args.paths] == [Path("seeds")]
    assert "COPY seeds" in DOCKERFILE


def test_dockerfile_runs_the_cli():
    assert re.search(r'^ENTRYPOINT \["policy-stance"\]$', DOCKERFILE, re.M)
    assert re.search(r'^CMD \["worker"\]$', DOCKERFILE, re.M)
    defaults = dict(re.findall(r"(STANCE_[A-Z_]+)=(\S+)", DOCKERFILE))
    assert set(defaults) <= set(ENV_VARS.values())
    assert Settings.from_env(defaults).web_host == "0.0.0.0"
