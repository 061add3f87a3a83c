"""Loading of the versioned data files the core reads once at start-up."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Resources:
    """Everything the core needs besides the article: registry, lexicons, analysers."""


def load_resources() -> Resources:
    """Read the data files under ``streams/core/data`` once."""
    raise NotImplementedError("being written")
