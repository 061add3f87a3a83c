"""Runtime settings of the streaming side, read once from the environment.

Every process (worker, replay, tail, demo, bench, tests) builds one :class:`Settings` with
:meth:`Settings.from_env` and hands it down; nothing else reads ``os.environ``. The same
security options reach Faust (aiokafka) and kafka-python, so a worker and the command-line
tools talk to a production cluster the same way.
"""
from __future__ import annotations

import os
import re
import ssl
import tempfile
from collections.abc import Mapping
from functools import cached_property
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, SecretStr, field_validator, model_validator

from schemas import DEFAULT_MAX_BODY_BYTES

SecurityProtocol = Literal["PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"]
SaslMechanism = Literal["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"]

#: Environment variable of each field. Only these are read.
ENV_VARS: dict[str, str] = {
    "bootstrap_servers": "KAFKA_BOOTSTRAP_SERVERS",
    "broker_host": "STANCE_BROKER_HOST",
    "broker_port": "STANCE_BROKER_PORT",
    "topic_prefix": "STANCE_TOPIC_PREFIX",
    "partitions": "STANCE_PARTITIONS",
    "replication_factor": "STANCE_REPLICATION_FACTOR",
    "max_body_bytes": "STANCE_MAX_BODY_BYTES",
    "watchlist": "STANCE_WATCHLIST",
    "app_id": "STANCE_APP_ID",
    "data_dir": "STANCE_DATA_DIR",
    "web_host": "STANCE_WEB_HOST",
    "web_port": "STANCE_WEB_PORT",
    "security_protocol": "KAFKA_SECURITY_PROTOCOL",
    "sasl_mechanism": "KAFKA_SASL_MECHANISM",
    "sasl_username": "KAFKA_SASL_USERNAME",
    "sasl_password": "KAFKA_SASL_PASSWORD",
    "ssl_cafile": "KAFKA_SSL_CAFILE",
}

_TOPIC_CHARS = re.compile(r"[A-Za-z0-9._-]*")


class Settings(BaseModel):
    """Where the broker is, how topics are named and sized, and how to authenticate."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    bootstrap_servers: str | None = Field(
        default=None,
        description="Comma-separated host:port list of an existing cluster. When set, the demo "
        "and tests start no embedded broker.",
    )
    broker_host: str = Field(default="127.0.0.1", description="Address of the embedded broker.")
    broker_port: int = Field(default=9092, ge=1, le=65535)
    topic_prefix: str = Field(default="", description="Prepended to every topic name.")
    partitions: int = Field(default=4, ge=1, description="Partitions of every keyed topic.")
    replication_factor: int = Field(default=1, ge=1)
    max_body_bytes: int = Field(default=DEFAULT_MAX_BODY_BYTES, ge=1)
    watchlist: tuple[str, ...] = Field(
        default=(), description="Company ids whose events are also fanned out to "
        "stance-events.<company_id>.")
    app_id: str | None = Field(
        default=None, description="Faust app id (consumer group, changelog topic names); "
        "defaults to '<prefix>policy-stance'.")
    data_dir: Path | None = Field(default=None, description="Faust data directory.")
    web_host: str = "127.0.0.1"
    web_port: int = Field(default=6066, ge=1, le=65535)
    security_protocol: SecurityProtocol = "PLAINTEXT"
    sasl_mechanism: SaslMechanism | None = None
    sasl_username: str | None = None
    sasl_password: SecretStr | None = None
    ssl_cafile: Path | None = None

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides: Any) -> Settings:
        """Settings from ``environ`` (default ``os.environ``); empty variables count as unset."""
        environ = os.environ if environ is None else environ
        values: dict[str, Any] = {
            field: environ[var] for field, var in ENV_VARS.items() if environ.get(var, "").strip()
        }
        values.update(overrides)
        return cls.model_validate(values)

    @field_validator("bootstrap_servers", "sasl_username", "app_id", mode="before")
    @classmethod
    def _blank_is_none(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("watchlist", mode="before")
    @classmethod
    def _split_watchlist(cls, value: object) -> object:
        if isinstance(value, str):
            value = value.split(",")
        if isinstance(value, (list, tuple)):
            return tuple(dict.fromkeys(str(v).strip().lower() for v in value if str(v).strip()))
        return value

    @field_validator("topic_prefix", "watchlist", "app_id")
    @classmethod
    def _legal_in_topic_names(cls, value: Any) -> Any:
        for text in (value if isinstance(value, tuple) else (value,)):
            if text is not None and not _TOPIC_CHARS.fullmatch(text):
                raise ValueError(f"{text!r}: only letters, digits, '.', '_' and '-' are allowed in topic names")
        return value

    @field_validator("security_protocol", "sasl_mechanism", mode="before")
    @classmethod
    def _upper(cls, value: object) -> object:
        return value.strip().upper() if isinstance(value, str) else value

    @model_validator(mode="after")
    def _sasl_complete(self) -> Settings:
        if self.security_protocol.startswith("SASL_"):
            missing = [ENV_VARS[name] for name in ("sasl_mechanism", "sasl_username", "sasl_password")
                       if getattr(self, name) is None]
            if missing:
                raise ValueError(f"security_protocol {self.security_protocol} needs {', '.join(missing)}")
        return self

    def to_env(self) -> dict[str, str]:
        """The environment variables that reproduce these settings in a child process
        (secrets included: an environment is not a log)."""
        env: dict[str, str] = {}
        for name, var in ENV_VARS.items():
            value = getattr(self, name)
            if value is None or value == type(self).model_fields[name].default:
                continue
            if isinstance(value, SecretStr):
                value = value.get_secret_value()
            elif isinstance(value, tuple):
                value = ",".join(value)
            env[var] = str(value)
        return env

    # -- derived values -------------------------------------------------------------------

    @property
    def embedded(self) -> bool:
        """True when no cluster is configured and the embedded broker is the one to use."""
        return self.bootstrap_servers is None

    @property
    def bootstrap(self) -> str:
        """The bootstrap servers clients connect to (``host:port[,host:port...]``)."""
        return self.bootstrap_servers or f"{self.broker_host}:{self.broker_port}"

    @property
    def faust_broker(self) -> str:
        """The bootstrap servers as a Faust broker URL list."""
        return ";".join(f"kafka://{server.strip()}" for server in self.bootstrap.split(",") if server.strip())

    @property
    def group_id(self) -> str:
        """The Faust app id, which is also the consumer group of the workers."""
        return self.app_id or f"{self.topic_prefix}policy-stance"

    @property
    def faust_data_dir(self) -> Path:
        return self.data_dir or Path(tempfile.gettempdir()) / "policy-stance" / self.group_id

    def topic(self, name: str) -> str:
        """The full name of a logical topic (``articles`` -> ``<prefix>articles``)."""
        return f"{self.topic_prefix}{name}"

    @cached_property
    def _ssl_context(self) -> ssl.SSLContext | None:
        if not self.security_protocol.endswith("SSL"):
            return None
        return ssl.create_default_context(cafile=str(self.ssl_cafile) if self.ssl_cafile else None)

    def faust_credentials(self) -> Any:
        """``broker_credentials`` for Faust, or None for PLAINTEXT."""
        import faust  # imported here: the settings are also used by processes without Faust

        if self.security_protocol == "SSL":
            return faust.SSLCredentials(self._ssl_context)
        if self.security_protocol.startswith("SASL_"):
            assert self.sasl_password is not None
            return faust.SASLCredentials(
                username=self.sasl_username,
                password=self.sasl_password.get_secret_value(),
                mechanism=self.sasl_mechanism,
                ssl_context=self._ssl_context,
            )
        return None

    def kafka_python_config(self) -> dict[str, Any]:
        """Connection and security options for kafka-python clients (consumer, producer, admin)."""
        config: dict[str, Any] = {
            "bootstrap_servers": [s.strip() for s in self.bootstrap.split(",") if s.strip()],
            "security_protocol": self.security_protocol,
        }
        if self.security_protocol.endswith("SSL") and self.ssl_cafile:
            config["ssl_cafile"] = str(self.ssl_cafile)
        if self.security_protocol.startswith("SASL_"):
            assert self.sasl_password is not None
            config.update(
                sasl_mechanism=self.sasl_mechanism,
                sasl_plain_username=self.sasl_username,
                sasl_plain_password=self.sasl_password.get_secret_value(),
            )
        return config
