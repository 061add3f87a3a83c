"""Process metrics of a worker, rendered in the Prometheus text exposition format (0.0.4).

No client library: a few counters, gauges and one histogram, kept in a module-level
:data:`REGISTRY` and served by the dashboard at ``/metrics``. Each worker process reports its own
numbers; Prometheus sums them across workers.

The article agent calls :func:`article_received`, :func:`article_scored` and
:func:`dead_lettered`; the ``/metrics`` view refreshes the lag gauges just before rendering.
"""
from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from typing import TypeVar

__all__ = [
    "ARTICLES", "CONSUMER_LAG", "Counter", "DEAD_LETTERS", "DASHBOARD_LAG", "EVENTS",
    "Gauge", "Histogram", "LATENCY", "REGISTRY", "Registry", "SKIPPED", "STATEMENTS",
    "article_received", "article_scored", "dead_lettered", "render",
]

CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"

LabelValues = tuple[str, ...]


class _Metric:
    kind = ""

    def __init__(self, name: str, help: str, labelnames: Sequence[str] = ()) -> None:
        self.name = name
        self.help = help
        self.labelnames = tuple(labelnames)

    def _key(self, labels: Mapping[str, object]) -> LabelValues:
        if set(labels) != set(self.labelnames):
            raise ValueError(f"{self.name} takes labels {self.labelnames}, got {tuple(labels)}")
        return tuple(str(labels[name]) for name in self.labelnames)

    def samples(self) -> Iterable[tuple[str, LabelValues, tuple[tuple[str, str], ...], float]]:
        """(name suffix, label values, extra labels, value) of every sample."""
        raise NotImplementedError

    def render(self) -> list[str]:
        lines = [f"# HELP {self.name} {_escape_help(self.help)}", f"# TYPE {self.name} {self.kind}"]
        for suffix, values, extra, value in self.samples():
            pairs = [*zip(self.labelnames, values), *extra]
            labels = ",".join(f'{k}="{_escape_label(v)}"' for k, v in pairs)
            lines.append(f"{self.name}{suffix}{{{labels}}} {_number(value)}" if labels
                         else f"{self.name}{suffix} {_number(value)}")
        return lines


class Counter(_Metric):
    """A monotonically increasing count, optionally per label values."""

    kind = "counter"

    def __init__(self, name: str, help: str, labelnames: Sequence[str] = ()) -> None:
        super().__init__(name, help, labelnames)
        self._values: dict[LabelValues, float] = {} if labelnames else {(): 0.0}

    def inc(self, amount: float = 1.0, **labels: object) -> None:
        if amount < 0:
            raise ValueError("a counter only goes up")
        key = self._key(labels)
        self._values[key] = self._values.get(key, 0.0) + amount

    def value(self, **labels: object) -> float:
        return self._values.get(self._key(labels), 0.0)

    def samples(self):
        return [("", key, (), value) for key, value in sorted(self._values.items())]


class Gauge(_Metric):
    """A value that goes up and down; :meth:`clear` drops every labelled sample."""

    kind = "gauge"

    def __init__(self, name: str, help: str, labelnames: Sequence[str] = ()) -> None:
        super().__init__(name, help, labelnames)
        self._values: dict[LabelValues, float] = {}

    def set(self, value: float, **labels: object) -> None:
        self._values[self._key(labels)] = float(value)

    def clear(self) -> None:
        self._values.clear()

    def value(self, **labels: object) -> float | None:
        return self._values.get(self._key(labels))

    def samples(self):
        return [("", key, (), value) for key, value in sorted(self._values.items())]


class Histogram(_Metric):
    """Observations counted into cumulative ``le`` buckets, with their sum and count."""

    kind = "histogram"

    def __init__(self, name: str, help: str, buckets: Sequence[float]) -> None:
        super().__init__(name, help)
        self.buckets = tuple(sorted(float(b) for b in buckets if not math.isinf(b)))
        self._counts = [0] * (len(self.buckets) + 1)  # the last one is +Inf
        self.sum = 0.0
        self.count = 0

    def observe(self, value: float) -> None:
        index = next((i for i, bound in enumerate(self.buckets) if value <= bound), len(self.buckets))
        self._counts[index] += 1
        self.sum += value
        self.count += 1

    def samples(self):
        cumulative = 0
        for bound, count in zip((*self.buckets, math.inf), self._counts):
            cumulative += count
            yield "_bucket", (), (("le", _number(bound)),), cumulative
        yield "_sum", (), (), self.sum
        yield "_count", (), (), self.count


M = TypeVar("M", bound=_Metric)


class Registry:
    """An ordered set of metrics rendered together."""

    def __init__(self) -> None:
        self._metrics: dict[str, _Metric] = {}

    def register(self, metric: M) -> M:
        if metric.name in self._metrics:
            raise ValueError(f"metric {metric.name} is already registered")
        self._metrics[metric.name] = metric
        return metric

    def render(self) -> str:
        lines: list[str] = []
        for metric in self._metrics.values():
            lines.extend(metric.render())
        return "\n".join(lines) + "\n"


def _number(value: float) -> str:
    if math.isinf(value):
        return "+Inf" if value > 0 else "-Inf"
    if math.isnan(value):
        return "NaN"
    return str(int(value)) if float(value).is_integer() and abs(value) < 1e15 else repr(float(value))


def _escape_help(text: str) -> str:
    return text.replace("\\", "\\\\").replace("\n", "\\n")


def _escape_label(text: str) -> str:
    return text.replace("\\", "\\\\").replace("\n", "\\n").replace('"', '\\"')


REGISTRY = Registry()
ARTICLES = REGISTRY.register(Counter(
    "policy_stance_articles_total", "Articles read from the articles topic."))
SKIPPED = REGISTRY.register(Counter(
    "policy_stance_articles_skipped_total", "Articles decoded but not scored, by reason.", ["reason"]))
STATEMENTS = REGISTRY.register(Counter(
    "policy_stance_statements_total", "Statements cut from articles."))
EVENTS = REGISTRY.register(Counter(
    "policy_stance_stance_events_total", "Stance events published, by stance.", ["stance"]))
DEAD_LETTERS = REGISTRY.register(Counter(
    "policy_stance_dead_letters_total", "Inputs sent to the dead-letter topic, by reason.", ["reason"]))
LATENCY = REGISTRY.register(Histogram(
    "policy_stance_article_processing_seconds",
    "Time from reading an article to having published its statements and stance events.",
    [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0]))
CONSUMER_LAG = REGISTRY.register(Gauge(
    "policy_stance_consumer_lag",
    "Records not yet processed by this worker, per assigned partition of its consumer group.",
    ["topic", "partition"]))
DASHBOARD_LAG = REGISTRY.register(Gauge(
    "policy_stance_dashboard_lag",
    "Records the dashboard feed of this process has not read yet, per partition.",
    ["topic", "partition"]))

for _stance in ("support", "oppose", "neutral"):
    EVENTS.inc(0, stance=_stance)  # so that rate() works from the first event on


def article_received() -> None:
    """One article (valid or not) was read from the input topic."""
    ARTICLES.inc()


def article_scored(statements: int, stances: Iterable[str], seconds: float,
                   skipped_reason: str | None = None) -> None:
    """An article was analysed and its output published: ``stances`` has one item per event."""
    STATEMENTS.inc(statements)
    for stance in stances:
        EVENTS.inc(stance=stance)
    if skipped_reason:
        SKIPPED.inc(reason=skipped_reason.split(":", 1)[0])
    LATENCY.observe(seconds)


def dead_lettered(reason: str) -> None:
    """An input went to the dead-letter topic (``reason`` is a DeadLetter reason)."""
    DEAD_LETTERS.inc(reason=reason)


def render(registry: Registry = REGISTRY) -> str:
    """The registry in the Prometheus text format."""
    return registry.render()
