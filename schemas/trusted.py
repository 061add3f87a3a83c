"""Building messages from values the core has already checked, without validation.

``pydantic.BaseModel.model_construct`` does the same but walks every field looking for aliases
and defaults on each call; the core builds some forty messages per article and passes every
field, so it sets the instance state directly. ``tests/test_schemas.py`` holds it equal to
``model_construct`` for every message the core builds.
"""
from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel

M = TypeVar("M", bound=BaseModel)
_set = object.__setattr__


def trusted(cls: type[M], values: dict[str, Any]) -> M:
    """An instance of ``cls`` holding ``values`` (every field, in declaration order), unvalidated."""
    message = cls.__new__(cls)
    _set(message, "__dict__", values)
    _set(message, "__pydantic_fields_set__", set(values))
    _set(message, "__pydantic_extra__", None)
    _set(message, "__pydantic_private__", None)
    return message
