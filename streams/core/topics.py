"""Which regulation a statement or article is about, from the topic lexicon."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from streams.core.phrases import PhraseIndex


@dataclass(frozen=True)
class RegulationTopics:
    """The compiled ``data/regulation_topics.json``."""

    index: PhraseIndex[str]
    rule_words: frozenset[str]
    labels: dict[str, str]

    @classmethod
    def from_data(cls, data: dict) -> "RegulationTopics":
        entries = [(phrase, t["id"]) for t in data["topics"] for phrase in t["phrases"]]
        return cls(PhraseIndex(entries), frozenset(data["rule_words"]), {t["id"]: t["label"] for t in data["topics"]})

    def topic_counts(self, words: list[str]) -> Counter[str]:
        """How often each topic is signalled in a word sequence."""
        return Counter(m.value for m in self.index.find(words))

    def dominant(self, words: list[str]) -> str | None:
        """The most signalled topic (the first signalled of those tied), or None."""
        counts: dict[str, int] = {}
        for m in self.index.find(words):
            counts[m.value] = counts.get(m.value, 0) + 1
        return max(counts, key=counts.__getitem__) if counts else None

    def about_rules(self, words: list[str]) -> bool:
        """Whether the words speak of a rule at all."""
        return not self.rule_words.isdisjoint(words)
