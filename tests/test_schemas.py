"""Message contracts: the committed JSON Schema files match the models, and Article validation."""
from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone

import pytest
from pydantic import ValidationError

from schemas import DEFAULT_MAX_BODY_BYTES, MESSAGE_MODELS, Article
from schemas.export import JSON_DIR, render_schemas


# --- JSON Schema drift ---------------------------------------------------------------------

def test_committed_json_schemas_match_the_models():
    rendered = render_schemas()
    committed = {p.name: p.read_text(encoding="utf-8") for p in JSON_DIR.glob("*.json")}
    assert sorted(committed) == sorted(rendered), "run `make schemas` and commit schemas/json/"
    for name, text in rendered.items():
        assert committed[name] == text, f"schemas/json/{name} is stale: run `make schemas` and commit it"


def test_one_schema_file_per_message_model():
    assert sorted(render_schemas()) == sorted(f"{name}.schema.json" for name in MESSAGE_MODELS)


def test_article_schema_requires_id_and_body():
    schema = json.loads(render_schemas()["article.schema.json"])
    assert sorted(schema["required"]) == ["body", "id"]
    assert schema["properties"]["published_at"]["anyOf"][0]["format"] == "date-time"


# --- Article -------------------------------------------------------------------------------

def test_unknown_fields_are_ignored():
    article = Article.model_validate({"id": "a", "body": "text", "tags": ["x"], "author": {"name": "N"}})
    assert (article.id, article.body) == ("a", "text")
    assert "tags" not in article.model_dump() and "author" not in article.model_dump()


@pytest.mark.parametrize("missing", ["id", "body"])
def test_id_and_body_are_required(missing):
    data = {"id": "a", "body": "text"}
    del data[missing]
    with pytest.raises(ValidationError) as info:
        Article.model_validate(data)
    assert [e["loc"] for e in info.value.errors()] == [(missing,)]


@pytest.mark.parametrize("bad_id", ["", None, True, 1.5, ["a"]])
def test_invalid_ids_are_rejected(bad_id):
    with pytest.raises(ValidationError):
        Article.model_validate({"id": bad_id, "body": "text"})


def test_numeric_id_becomes_text():
    assert Article.model_validate({"id": 12345, "body": "text"}).id == "12345"
    assert Article.model_validate({"id": 0, "body": "text"}).id == "0"


@pytest.mark.parametrize("value, expected", [
    ("2024-06-01T08:00:00Z", datetime(2024, 6, 1, 8, 0, tzinfo=UTC)),
    ("2024-06-01T10:00:00+02:00", datetime(2024, 6, 1, 10, 0, tzinfo=timezone(timedelta(hours=2)))),
    ("2024-06-01T08:00:00.250Z", datetime(2024, 6, 1, 8, 0, 0, 250_000, tzinfo=UTC)),
    (None, None),
])
def test_published_at_parses_iso_8601(value, expected):
    article = Article.model_validate({"id": "a", "body": "text", "published_at": value})
    assert article.published_at == expected
    if expected is not None:
        assert article.published_at.utcoffset() == expected.utcoffset()


@pytest.mark.parametrize("value", ["yesterday", "2024-13-01T00:00:00Z", "01/06/2024"])
def test_published_at_rejects_non_dates(value):
    with pytest.raises(ValidationError):
        Article.model_validate({"id": "a", "body": "text", "published_at": value})


def test_body_limit_is_in_utf8_bytes():
    at_limit = "a" * DEFAULT_MAX_BODY_BYTES
    assert Article.model_validate({"id": "a", "body": at_limit}).body == at_limit
    with pytest.raises(ValidationError, match="over the limit"):
        Article.model_validate({"id": "a", "body": at_limit + "a"})
    # fewer characters than the limit, but more bytes: "é" is two bytes in UTF-8
    wide = "é" * (DEFAULT_MAX_BODY_BYTES // 2 + 1)
    assert len(wide) < DEFAULT_MAX_BODY_BYTES
    with pytest.raises(ValidationError, match="over the limit"):
        Article.model_validate({"id": "a", "body": wide})


def test_body_limit_from_the_validation_context():
    data = {"id": "a", "body": "twelve bytes"}
    assert Article.model_validate(data, context={"max_body_bytes": 12}).body == "twelve bytes"
    with pytest.raises(ValidationError, match="over the limit of 11 bytes"):
        Article.model_validate(data, context={"max_body_bytes": 11})
    big = {"id": "a", "body": "x" * (DEFAULT_MAX_BODY_BYTES + 1)}
    assert Article.model_validate(big, context={"max_body_bytes": 2 * DEFAULT_MAX_BODY_BYTES}).body == big["body"]


@pytest.mark.parametrize("field", ["id", "body", "title"])
def test_lone_surrogates_are_not_text(field):
    # JSON can carry "\ud800"; such a string cannot be encoded as UTF-8 and must not get in.
    data = {"id": "a", "body": "text", field: "bad \ud800 text"}
    with pytest.raises(ValidationError) as info:
        Article.model_validate(data)
    assert [e["loc"] for e in info.value.errors()] == [(field,)]


# --- trusted construction (the core's fast path) ---------------------------------------------

def _core_messages():
    from streams.core import analyse_article, load_resources

    article = Article(id="a1", body=(
        "Tesla welcomed the new emissions rule on Monday, chief executive Elon Musk said. "
        "Regulators fined Meituan for breaching the antitrust law. Nobody else commented."),
        published_at="2026-11-01T09:00:00Z")
    analysis = analyse_article(article, load_resources())
    assert analysis.events and any(s.companies for s in analysis.statements)
    return [*analysis.statements, *analysis.events]


def test_trusted_messages_equal_model_construct_and_validate():
    for message in _core_messages():
        cls = type(message)
        values = {name: getattr(message, name) for name in cls.model_fields}
        assert list(message.__dict__) == list(cls.model_fields), "trusted() needs every field, in order"
        rebuilt = cls.model_construct(**values)
        assert message == rebuilt
        assert message.model_fields_set == rebuilt.model_fields_set
        assert message.model_dump_json() == rebuilt.model_dump_json()
        # and the values the core passed are valid ones
        assert cls.model_validate_json(message.model_dump_json()) == message
