"""The pure NLP core: segmentation, entity attribution and stance scoring.

No Faust, Kafka or I/O beyond reading the versioned data files once in :func:`load_resources`.
The agents, the offline ``score`` command and the benchmark all call :func:`analyse_article`.
"""
from streams.core.decode import ArticleRejected, article_from_text, content_hash, decode_article
from streams.core.pipeline import ArticleAnalysis, analyse_article
from streams.core.resources import Resources, load_resources

__all__ = [
    "ArticleAnalysis", "ArticleRejected", "Resources", "analyse_article", "article_from_text",
    "content_hash", "decode_article", "load_resources",
]
