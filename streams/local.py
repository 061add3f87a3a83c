"""Run the pipeline on this machine: the embedded broker and worker subprocesses.

Used by ``policy-stance demo``, the benchmark and the integration tests, which stop what they
start (also when they fail); on Linux the children also get SIGTERM if this process dies
without cleaning up.
"""
from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from streams.broker import EmbeddedBroker, die_with_parent, free_port
from streams.settings import Settings

READY_MARK = "[^Worker]: Ready"


class WorkerError(RuntimeError):
    """A worker subprocess failed to start or died."""


class WorkerProcess:
    """One ``policy-stance worker`` subprocess, logging to ``log_path``."""

    def __init__(self, settings: Settings, *, log_path: Path, web_port: int | None = None,
                 loglevel: str = "info", extra_env: dict[str, str] | None = None) -> None:
        self.settings = settings
        self.log_path = Path(log_path)
        self.web_port = web_port
        self.loglevel = loglevel
        self.extra_env = extra_env or {}
        self.process: subprocess.Popen | None = None

    @property
    def pid(self) -> int | None:
        return self.process.pid if self.process else None

    def start(self) -> WorkerProcess:
        argv = [sys.executable, "-m", "streams.cli", "worker", "--loglevel", self.loglevel]
        argv += ["--web-port", str(self.web_port)] if self.web_port else ["--without-web"]
        # Only our settings' variables: the child must not pick up stray STANCE_/KAFKA_ ones.
        env = {k: v for k, v in os.environ.items() if not k.startswith(("STANCE_", "KAFKA_"))}
        env.update(self.settings.to_env(), PYTHONUNBUFFERED="1", **self.extra_env)
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        with open(self.log_path, "ab") as log:
            self.process = subprocess.Popen(argv, env=env, stdin=subprocess.DEVNULL, stdout=log,
                                            stderr=subprocess.STDOUT, start_new_session=True,
                                            preexec_fn=die_with_parent)
        return self

    def log_text(self) -> str:
        try:
            return self.log_path.read_text(errors="replace")
        except FileNotFoundError:
            return ""

    def log_tail(self, lines: int = 40) -> str:
        return "\n".join(self.log_text().splitlines()[-lines:])

    def wait_ready(self, timeout: float = 30.0) -> float:
        """Block until the worker logs that it is ready; the seconds waited."""
        started = time.monotonic()
        while True:
            if READY_MARK in self.log_text():
                return time.monotonic() - started
            if self.process is None or self.process.poll() is not None:
                raise WorkerError(f"worker exited before it was ready; its log ({self.log_path}):\n{self.log_tail()}")
            if time.monotonic() - started > timeout:
                raise WorkerError(f"worker not ready after {timeout:.0f} s; its log ({self.log_path}):\n{self.log_tail()}")
            time.sleep(0.1)

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def kill(self) -> None:
        """SIGKILL: no goodbye to the consumer group, nothing flushed."""
        if self.alive():
            self.process.kill()
            self.process.wait()

    def terminate(self) -> None:
        """SIGTERM: leave the group and shut down cleanly."""
        if self.alive():
            self.process.send_signal(signal.SIGTERM)

    def stop(self, timeout: float = 15.0) -> None:
        """SIGTERM, then SIGKILL if it has not exited within ``timeout``."""
        if not self.alive():
            return
        self.terminate()
        try:
            self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.kill()


@contextlib.contextmanager
def broker_for(settings: Settings) -> Iterator[Settings]:
    """Yield ``settings`` pointing at a broker: the configured cluster, or else an embedded
    broker started on a free port (and stopped afterwards)."""
    if not settings.embedded:
        yield settings
        return
    with EmbeddedBroker(settings.broker_host, free_port(settings.broker_host)) as broker:
        yield settings.model_copy(update={"bootstrap_servers": broker.bootstrap})
