"""Message contracts of policy-stance: one pydantic model per message kind.

The JSON Schema of each model is exported under ``schemas/json/`` by ``make schemas``.
"""
from schemas.article import DEFAULT_MAX_BODY_BYTES, Article
from schemas.company_stance import CompanyStance, StanceWindow, StatementRef
from schemas.dead_letter import DeadLetter
from schemas.retraction import Retraction
from schemas.stance_event import SCHEMA_VERSION, Sentiment, StanceEvent
from schemas.statement import CompanyMention, Statement

MESSAGE_MODELS = {
    "article": Article,
    "statement": Statement,
    "stance_event": StanceEvent,
    "dead_letter": DeadLetter,
    "company_stance": CompanyStance,
    "retraction": Retraction,
}

__all__ = [
    "Article", "CompanyMention", "CompanyStance", "DeadLetter", "DEFAULT_MAX_BODY_BYTES",
    "MESSAGE_MODELS", "Retraction", "SCHEMA_VERSION", "Sentiment", "StanceEvent", "StanceWindow",
    "Statement", "StatementRef",
]
