"""``policy-stance broker``: the embedded Kafka-protocol broker (Tansu) on loopback."""
from __future__ import annotations

import argparse
import signal

from streams.broker import EmbeddedBroker
from streams.settings import Settings


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "broker", help="run the embedded Kafka-protocol broker",
        description="Run the embedded Tansu broker (memory storage: everything is lost when it stops) "
                    "until Ctrl-C. Workers and tools find it at the default KAFKA_BOOTSTRAP_SERVERS.")
    parser.add_argument("--host", help="address to listen on (default: STANCE_BROKER_HOST or 127.0.0.1)")
    parser.add_argument("--port", type=int, metavar="N", help="port to listen on (default: STANCE_BROKER_PORT or 9092)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    settings = Settings.from_env()
    broker = EmbeddedBroker(args.host or settings.broker_host, args.port or settings.broker_port)
    # Ctrl-C and SIGTERM (docker stop, kill) both stop the broker cleanly.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    with broker:
        print(f"broker ready at {broker.bootstrap} (Tansu, memory storage); Ctrl-C stops it", flush=True)
        try:
            code = broker.wait()
        except KeyboardInterrupt:
            print("\nstopping the broker", flush=True)
            return 0
    print(f"the broker exited with code {code}:\n{broker.log_tail()}")
    return 1
