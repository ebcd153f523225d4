"""Prefect tasks: each wraps one call into ingest/, extractors/, warehouse/ or digest/.

Tasks that touch DuckDB run in the flow's own process (the only writer); extraction
tasks may run on any worker and return plain dataclasses.
"""

from __future__ import annotations

from prefect import task
from prefect.cache_policies import NONE
from prefect.tasks import exponential_backoff

import ingest
from claimwatch.config import CompaniesConfig, Config, ExtractConfig
from extractors import Extractor
from extractors.models import Extraction
from ingest.models import Article, FeedResult, FeedState

# One Extractor per worker process, keyed by its settings, so each worker loads spaCy once.
_EXTRACTORS: dict[str, Extractor] = {}


def _extractor(extract: ExtractConfig, companies: CompaniesConfig, known: tuple[str, ...]) -> Extractor:
    key = extract.model_dump_json() + companies.model_dump_json() + "|".join(known)
    if key not in _EXTRACTORS:
        _EXTRACTORS.clear()
        _EXTRACTORS[key] = Extractor(extract, companies, known_companies=known)
    return _EXTRACTORS[key]


@task(name="fetch-feeds", retries=2, retry_delay_seconds=exponential_backoff(backoff_factor=5),
      cache_policy=NONE)
def fetch_feeds(config: Config, states: dict[str, FeedState]) -> list[FeedResult]:
    return ingest.fetch_feeds(config.feeds, states, config.fetch)


@task(name="fetch-full-text", retries=1, retry_delay_seconds=exponential_backoff(backoff_factor=5),
      cache_policy=NONE)
def fetch_full_text(articles: list[Article], config: Config) -> list[Article]:
    ingest.fill_full_text(articles, config.fetch)
    return articles


@task(name="extract-batch", cache_policy=NONE)
def extract_batch(articles: list[Article], extract: ExtractConfig, companies: CompaniesConfig,
                  known: tuple[str, ...]) -> list[Extraction]:
    extractor = _extractor(extract, companies, known)
    return list(extractor.extract_many(articles, batch_size=extract.batch_size))
