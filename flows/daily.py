"""The daily flow and its siblings (import, reprocess): the pipeline's stages in order.

fetch feeds -> store articles -> extract (fan-out) -> store claims -> detect -> send digest,
each a Prefect task (see flows/tasks.py).
Business logic lives in ingest/, extractors/, warehouse/ and digest/; this module
only sequences it, records the run, and returns a summary.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field

from prefect import flow, get_run_logger

from claimwatch import warehouse
from claimwatch.config import Config, load_config
from claimwatch.faults import fault_point  # test hook: SIGKILL at a named point when $CLAIMWATCH_FAULT_AT
from claimwatch.extractors import EXTRACTOR_VERSION
from claimwatch.flows import tasks
from claimwatch.flows.progress import progress_bar
from claimwatch.flows.runners import make_task_runner
from claimwatch.records import Article


MAX_BAD_LINES = 1000  # bad lines kept by name in a summary; all are counted


@dataclass
class RunSummary:
    run_id: str = ""
    trigger: str = "run"
    feeds_ok: int = 0
    feeds_failed: int = 0
    failed_feeds: list[str] = field(default_factory=list)
    articles_new: int = 0
    articles_extracted: int = 0
    claims_new: int = 0
    disputes_new: int = 0
    contradictions_new: int = 0
    digest: str = "not sent"
    warehouse: str = ""
    status: str = "ok"
    lines_skipped: int = 0  # import: archive lines that were not articles
    bad_lines: list[str] = field(default_factory=list)  # "file, line N: why", the first MAX_BAD_LINES

    def lines(self) -> list[str]:
        out = []
        if self.trigger == "run":
            out.append(f"feeds: {self.feeds_ok} ok, {self.feeds_failed} failed")
            out += [f"  failed: {line}" for line in self.failed_feeds]
        if self.trigger == "import":
            out.append(f"lines skipped: {self.lines_skipped}")
        out += [
            f"articles: {self.articles_new} new, {self.articles_extracted} extracted",
            f"claims: {self.claims_new} new ({self.disputes_new} new disputes)",
            f"contradictions: {self.contradictions_new} new",
            f"digest: {self.digest}",
            f"warehouse: {self.warehouse} (run {self.run_id}, {self.status})",
        ]
        return out


def _settings(config_path: str | None, db: str | None) -> Config:
    config = load_config(config_path)
    if db:
        config = config.model_copy(update={"warehouse": config.warehouse.model_copy(update={"path": db})})
    return config


def _batched(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


def extract_pending(con, config: Config, summary: RunSummary) -> None:
    """Extract every article whose extraction is missing or stale, saving batch by batch.

    Batches go to the task runner (threads, processes or Dask); only this process
    writes to DuckDB. At most ``2 * workers`` batches are in flight, so memory stays
    bounded however many articles wait.
    """
    known = tuple(warehouse.known_companies(con))
    size = config.extract.batch_size * 4
    window = max(2, 2 * config.runner.workers)
    progress = progress_bar(warehouse.count_articles_to_extract(con, EXTRACTOR_VERSION), "extracting")
    in_flight = []
    batches = _batched(warehouse.articles_to_extract(con, EXTRACTOR_VERSION, batch_size=size), size)
    for batch in itertools.chain(batches, [None]):
        if batch is not None:
            in_flight.append((batch, tasks.extract_batch.submit(batch, config.extract, config.companies, known)))
        while in_flight and (batch is None or len(in_flight) >= window):
            done_batch, future = in_flight.pop(0)
            claims_new, disputes_new = tasks.store_extractions(con, future.result())
            summary.articles_extracted += len(done_batch)
            summary.claims_new += claims_new
            summary.disputes_new += disputes_new
            progress(len(done_batch))
            fault_point("mid-extract")
    progress(0, done=True)


def _finish(con, summary: RunSummary, error: str | None = None) -> None:
    warehouse.finish_run(
        con, summary.run_id, status=summary.status, feeds_ok=summary.feeds_ok,
        feeds_failed=summary.feeds_failed, failed_feeds="\n".join(summary.failed_feeds),
        articles_new=summary.articles_new, claims_new=summary.claims_new,
        contradictions_new=summary.contradictions_new, digest_status=summary.digest, error=error)


def _run_stages(config: Config, trigger: str, stages) -> dict:
    """Open the warehouse, record a run around ``stages(con, summary)``, return the summary."""
    logger = get_run_logger()
    con = warehouse.connect(config.warehouse.path, lock_timeout_seconds=config.warehouse.lock_timeout_seconds)
    summary = RunSummary(trigger=trigger, warehouse=config.warehouse.path)
    summary.run_id = warehouse.start_run(con, trigger)
    try:
        stages(con, summary, logger)
    except BaseException as exc:
        summary.status = "failed"
        _finish(con, summary, error=f"{type(exc).__name__}: {exc}")
        con.close()
        raise
    _finish(con, summary)
    con.close()
    return asdict(summary)


def _detect_and_digest(con, config: Config, summary: RunSummary, logger, send_digest: bool) -> None:
    summary.contradictions_new = tasks.detect(con, config, summary.run_id)
    logger.info("detect: %d new contradictions", summary.contradictions_new)
    fault_point("after-detect")
    if send_digest:
        summary.digest = tasks.send_digest(con, config)
        logger.info("digest: %s", summary.digest)


@flow(name="claimwatch-daily", log_prints=True)
def daily_flow(config_path: str | None = None, db: str | None = None, trigger: str = "run") -> dict:
    """Fetch every feed, extract, detect contradictions and mail the digest."""
    config = _settings(config_path, db)

    def stages(con, summary: RunSummary, logger) -> None:
        results = tasks.fetch_feeds(config, warehouse.feed_states(con))
        for result in results:
            if result.ok:
                summary.feeds_ok += 1
            else:
                summary.feeds_failed += 1
                summary.failed_feeds.append(f"{result.name}: {result.error}")
        summary.status = "ok" if summary.feeds_failed == 0 else ("partial" if summary.feeds_ok else "failed")
        fresh = warehouse.unseen_articles(con, [a for r in results for a in r.articles])
        if config.fetch.full_text and any(a.text_origin == "summary" for a in fresh):
            fresh = tasks.fetch_full_text(fresh, config)
        summary.articles_new = tasks.store_articles(con, fresh, summary.run_id)
        fault_point("after-ingest")
        warehouse.save_feed_results(con, results)
        logger.info("ingest: %d feeds ok, %d failed, %d new articles",
                    summary.feeds_ok, summary.feeds_failed, summary.articles_new)
        extract_pending(con, config, summary)
        logger.info("extract: %d articles, %d new claims", summary.articles_extracted, summary.claims_new)
        _detect_and_digest(con, config, summary, logger, send_digest=True)

    return _run_stages(config, trigger, stages)


@flow(name="claimwatch-import", log_prints=True)
def import_flow(path: str, config_path: str | None = None, db: str | None = None,
                batch_size: int = 2000, strict: bool = False) -> dict:
    """Bring in a JSONL archive in batches, then extract and detect (no digest).

    Bad lines are skipped, counted and named in the summary (status "partial"); with ``strict``
    the whole file is checked first and the first bad line stops the import, nothing stored.
    Each batch is stored in one transaction, and a stored article is never stored twice.
    """
    from claimwatch.ingest.archive import read_jsonl, validate_jsonl
    config = _settings(config_path, db)
    if strict:
        validate_jsonl(path)  # raises ImportFileError at the first bad line, before any write

    def stages(con, summary: RunSummary, logger) -> None:
        def skipped(problem) -> None:
            summary.lines_skipped += 1
            if len(summary.bad_lines) < MAX_BAD_LINES:
                summary.bad_lines.append(str(problem))

        for batch in _batched(read_jsonl(path, on_bad_line=skipped), batch_size):
            summary.articles_new += tasks.store_articles(con, batch, summary.run_id)
        if summary.lines_skipped:
            summary.status = "partial"
            logger.warning("import: %d bad lines skipped in %s", summary.lines_skipped, path)
        logger.info("import: %d new articles from %s", summary.articles_new, path)
        extract_pending(con, config, summary)
        logger.info("extract: %d articles, %d new claims", summary.articles_extracted, summary.claims_new)
        _detect_and_digest(con, config, summary, logger, send_digest=False)

    return _run_stages(config, "import", stages)


@flow(name="claimwatch-reprocess", log_prints=True)
def reprocess_flow(config_path: str | None = None, db: str | None = None) -> dict:
    """Re-extract stored articles whose extraction is stale, then re-detect. Fetches nothing."""
    config = _settings(config_path, db)

    def stages(con, summary: RunSummary, logger) -> None:
        extract_pending(con, config, summary)
        logger.info("reprocess: %d articles re-extracted", summary.articles_extracted)
        _detect_and_digest(con, config, summary, logger, send_digest=False)

    return _run_stages(config, "reprocess", stages)


def with_runner(flow_obj, config: Config):
    """The flow with the task runner named in ``[runner]``."""
    return flow_obj.with_options(task_runner=make_task_runner(config.runner))
