"""Is a text English? A cheap function-word test, good enough to refuse other languages."""
from __future__ import annotations

from dataclasses import dataclass

from streams.core.phrases import WORD

_SAMPLE = 20_000


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
        if declared and not declared.lower().replace("_", "-").startswith("en"):
            return f"language:{declared.lower()}"
        sample = text[:_SAMPLE]
        letters = [ch for ch in sample if ch.isalpha()]
        if not letters:
            return None
        latin = sum(1 for ch in letters if ch < "\u0250")
        if latin / len(letters) < self.min_latin_ratio:
            return "language:not-english (non-Latin script)"
        words = WORD.findall(sample.lower())
        if len(words) < self.min_words:
            return None
        ratio = sum(1 for w in words if w in self.function_words) / len(words)
        if ratio < self.min_function_ratio:
            return f"language:not-english (function-word ratio {ratio:.2f})"
        return None
