"""Is a text English? A cheap function-word test, good enough to refuse other languages."""
from __future__ import annotations

import re
from dataclasses import dataclass

from streams.core.phrases import WORD

_SAMPLE = 3_000
_LETTER = re.compile(r"[^\W\d_]")
_LATIN = re.compile(r"[A-Za-z\u00C0-\u024F]")


@dataclass(frozen=True)
class LanguageCheck:
    """The compiled ``data/language.json``."""

    function_words: frozenset[str]
    min_function_ratio: float
    min_latin_ratio: float
    min_words: int

    @classmethod
    def from_data(cls, data: dict) -> "LanguageCheck":
        return cls(frozenset(data["english_function_words"]), data["min_function_word_ratio"],
                   data["min_latin_letter_ratio"], data["min_words"])

    def non_english_reason(self, text: str, declared: str | None) -> str | None:
        """Why the text is not scored as English (``"language:de"``), or None when it is English."""
        if declared:
            code = declared.lower().replace("_", "-")
            return None if code == "en" or code.startswith("en-") else f"language:{code}"
        sample = text[:_SAMPLE]
        if not sample.isascii():
            letters = len(_LETTER.findall(sample))
            if not letters:
                return None
            if len(_LATIN.findall(sample)) / letters < self.min_latin_ratio:
                return "language:not-english (non-Latin script)"
        words = WORD.findall(sample.lower())
        if len(words) < self.min_words:
            return None  # too short to tell: a brief is scored
        ratio = sum(map(self.function_words.__contains__, words)) / len(words)
        if ratio < self.min_function_ratio:
            return f"language:not-english (function-word ratio {ratio:.2f})"
        return None
