"""Loading of the versioned data files the core reads once at start-up."""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path


from streams.core.attribution import AttributionLexicon
from streams.core.entities import EntityRegistry
from streams.core.language import LanguageCheck
from streams.core.people import PeopleRules
from streams.core.segment import SegmentationRules
from streams.core.sentiment import VaderScorer
from streams.core.stance import StanceLexicon
from streams.core.topics import RegulationTopics

DATA_DIR = Path(__file__).parent / "data"


@dataclass(frozen=True)
class Resources:
    """Everything the core needs besides the article: registry, lexicons, analysers."""

    registry: EntityRegistry
    people: PeopleRules
    segmentation: SegmentationRules
    attribution: AttributionLexicon
    stance: StanceLexicon
    topics: RegulationTopics
    language: LanguageCheck
    sentiment: VaderScorer
    """VADER's scores, computed by our faster scorer with identical output."""
    versions: dict[str, str]


def load_resources(data_dir: Path | None = None) -> Resources:
    """Read and compile the data files under ``data_dir`` (default: the packaged ones) once."""
    data_dir = data_dir or DATA_DIR
    raw = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted(data_dir.glob("*.json"))}
    return Resources(
        registry=EntityRegistry.from_data(raw["entities"], raw["names"], raw["segmentation"]),
        people=PeopleRules.from_data(raw["names"]),
        segmentation=SegmentationRules.from_data(raw["furniture"], raw["segmentation"], raw["names"]),
        attribution=AttributionLexicon.from_data(raw["attribution"], raw["names"]),
        stance=StanceLexicon.from_data(raw["stance_cues"]),
        topics=RegulationTopics.from_data(raw["regulation_topics"]),
        language=LanguageCheck.from_data(raw["language"]),
        sentiment=VaderScorer(),
        versions={name: str(data.get("version", "")) for name, data in raw.items()},
    )
