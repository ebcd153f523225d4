"""Prefect tasks: each wraps one call into ingest/, extractors/, warehouse/ or digest/.

Tasks that touch DuckDB run in the flow's own process (the only writer); extraction
tasks may run on any worker and return plain dataclasses.
"""

from __future__ import annotations

from prefect import task
from prefect.cache_policies import NONE
from prefect.tasks import exponential_backoff

from claimwatch import digest
from claimwatch import ingest
from claimwatch import warehouse
from claimwatch.config import CompaniesConfig, Config, ExtractConfig
from claimwatch.extractors import EXTRACTOR_VERSION, Extractor
from claimwatch.records import Extraction
from claimwatch.records import Article, FeedResult, FeedState
from claimwatch.warehouse.detect import detect_contradictions

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


# The tasks below write to DuckDB. The flow calls them directly (never .submit), so they
# run in the flow's own process, the warehouse's only writer, and show as task runs.

@task(name="store-articles", cache_policy=NONE)
def store_articles(con, articles: list[Article], run_id: str) -> int:
    return len(warehouse.save_articles(con, articles, run_id=run_id))


@task(name="store-extractions", cache_policy=NONE)
def store_extractions(con, extractions: list[Extraction]) -> tuple[int, int]:
    return warehouse.save_extractions(con, extractions, EXTRACTOR_VERSION)


@task(name="detect-contradictions", cache_policy=NONE)
def detect(con, config: Config, run_id: str) -> int:
    return detect_contradictions(con, config.detect, run_id=run_id)


@task(name="send-digest", cache_policy=NONE)
def send_digest(con, config: Config) -> str:
    return digest.send_digests(con, config).summary
