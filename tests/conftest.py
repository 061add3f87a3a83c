"""Shared fixtures of the unit tests: the core's resources (loaded once per session), a
helper that runs the core on a hand-written article, and the places of the shared data.

Fixture names here are deliberately specific (``core_resources``, ``analyse``, ``repo_root``,
``shared_dir``, ``seed_text_path``, ``cli``) so they do not shadow the integration fixtures
in ``tests/integration/conftest.py``.
"""
from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from schemas import Article
from streams.core import ArticleAnalysis, Resources, analyse_article, load_resources

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED_DIR = REPO_ROOT.parent / "shared"
SEED_ID = "000_5d94109387f108c0"


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO_ROOT


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The team's shared data (eval scripts, gold, the seed text), a sibling of the checkout."""
    if not SHARED_DIR.is_dir():
        pytest.fail(f"shared data directory missing: {SHARED_DIR}")
    return SHARED_DIR


@pytest.fixture(scope="session")
def seed_text_path(shared_dir: Path) -> Path:
    return shared_dir / "seeds" / f"{SEED_ID}.txt"


@pytest.fixture(scope="session")
def core_resources() -> Resources:
    """The registry, lexicons and analysers, read once for the whole session."""
    return load_resources()


@pytest.fixture(scope="session")
def analyse(core_resources: Resources) -> Callable[..., ArticleAnalysis]:
    """``analyse(body, id="t", **article_fields)``: the core on a hand-written article."""

    def run(body: str, *, id: str = "t", **fields) -> ArticleAnalysis:
        return analyse_article(Article(id=id, body=body, **fields), core_resources)

    return run


@pytest.fixture(scope="session")
def cli() -> Callable[..., subprocess.CompletedProcess]:
    """``cli(*args, env=None, input=None)``: run the ``policy-stance`` console script of this venv."""
    script = Path(sys.executable).parent / "policy-stance"
    if not script.exists():
        pytest.fail(f"console script not installed: {script} (run `make install`)")

    def run(*args: str | os.PathLike, env: dict[str, str] | None = None, input: bytes | None = None,
            cwd: Path | None = None) -> subprocess.CompletedProcess:
        full_env = {**os.environ, **(env or {})}
        stdin = {"input": input} if input is not None else {"stdin": subprocess.DEVNULL}
        return subprocess.run([str(script), *map(str, args)], capture_output=True, env=full_env,
                              cwd=cwd or REPO_ROOT, timeout=120, **stdin)

    return run
