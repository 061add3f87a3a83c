"""Write the JSON Schema of every message model to ``schemas/json/`` (``make schemas``)."""
from __future__ import annotations

import json
import sys
from pathlib import Path

from schemas import MESSAGE_MODELS

JSON_DIR = Path(__file__).parent / "json"


def render_schemas() -> dict[str, str]:
    """The exported file name and text of each message model's JSON Schema."""
    return {
        f"{name}.schema.json": json.dumps(model.model_json_schema(), indent=2, sort_keys=True) + "\n"
        for name, model in MESSAGE_MODELS.items()
    }


def main() -> int:
    JSON_DIR.mkdir(exist_ok=True)
    for name, text in render_schemas().items():
        (JSON_DIR / name).write_text(text, encoding="utf-8")
        print(f"wrote schemas/json/{name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
