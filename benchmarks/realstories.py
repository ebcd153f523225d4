"""Real reporting (the development set ``../shared/benchmarks/realstories/``): claims and contradictions.

``python -m benchmarks.realstories [--keep DIR]``. Two runs of the real command line, scored by the
set's own rulers (``score_claims.py``, ``score_contradictions.py``, loaded from the shared folder,
never copied):

1. ``claimwatch extract stories.jsonl`` -> one claim a line -> ``score_claims.score``: L1 (value+unit),
   L2 (+company), L3 (+metric) F1, recall per language at L2, claimed_by accuracy on the L2 matches
   (all, and the reporter figures alone), and recall at L1/L2/L3 of the gold claims whose metric is
   ``other`` (the AI claims of issue 14) apart from those with a named metric.
2. ``claimwatch import --db <temp> stories.jsonl`` -> the ``contradictions`` table, both article ids
   mapped back to the archive's ``id`` through the articles' URLs -> ``score_contradictions.score``:
   figures level (company, metric, both figures: what a digest reader sees) and pair level recall and
   precision, and the trap pairs wrongly flagged.

The folder is ``$CLAIMWATCH_SHARED_BENCHMARKS/realstories`` (default ``../shared/benchmarks``); when it
is absent the benchmark returns one row saying so. Targets are issue 12's and 14's, stated for the
unseen sets; on this development set they are a yardstick.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

__all__ = ["contradiction_rows", "detection_on_gold_claims", "export_contradictions", "realstories_dir", "run", "score_claim_file"]

NAME = "realstories"
FILES = ("stories.jsonl", "gold_claims.jsonl", "gold_contradictions.jsonl",
         "gold_non_contradictions.jsonl", "score_claims.py", "score_contradictions.py")


def realstories_dir() -> Path:
    env = os.environ.get("CLAIMWATCH_SHARED_BENCHMARKS")
    base = Path(env) if env else Path(__file__).resolve().parents[1] / ".." / "shared" / "benchmarks"
    return (base / "realstories").resolve()


def _load_module(path: Path, name: str):
    """Import one of the shared scorers from its own file (its folder goes on sys.path for its imports)."""
    folder = str(path.parent)
    if folder not in sys.path:
        sys.path.insert(0, folder)
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def _jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _claimwatch() -> list[str]:
    candidate = Path(sys.executable).with_name("claimwatch")
    if candidate.exists():
        return [str(candidate)]
    found = shutil.which("claimwatch")
    return [found] if found else [sys.executable, "-m", "claimwatch.cli"]


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.update({"DO_NOT_TRACK": "1", "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
                "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120",
                "PREFECT_LOGGING_LEVEL": "WARNING"})
    env.pop("CLAIMWATCH_CONFIG", None)
    return env


def _call(argv: list[str], cwd: Path, stdout_path: Path | None = None) -> None:
    out = stdout_path.open("w", encoding="utf-8") if stdout_path else subprocess.DEVNULL
    try:
        done = subprocess.run(argv, cwd=cwd, env=_env(), stdout=out, stderr=subprocess.PIPE,
                              text=True, timeout=1800)
    finally:
        if stdout_path:
            out.close()
    if done.returncode != 0:
        tail = " ".join((done.stderr or "").split())[-300:]
        raise RuntimeError(f"{' '.join(argv[1:3])} exited {done.returncode}: {tail}")


# ---------------------------------------------------------------------------------------------
# contradictions: the table, mapped back to the archive's ids

def export_contradictions(db_path: Path, stories: list[dict]) -> list[dict]:
    """The contradictions table as scorer rows; article ids are the archive's ``id`` (via URL)."""
    import duckdb

    from claimwatch.ingest.urls import canonical_url

    by_url: dict[str, str] = {}
    for story in stories:
        if story.get("url") and story.get("id") is not None:
            by_url[story["url"]] = str(story["id"])
            by_url[canonical_url(story["url"])] = str(story["id"])
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        urls = {aid: url for aid, url in con.execute("SELECT article_id, url FROM articles").fetchall()}
        cur = con.execute("SELECT company, metric, kind, claimed_value, reported_value, unit, "
                          "claim_article_id, contradicting_article_id, explanation FROM contradictions "
                          "ORDER BY company, metric, kind")
        cols = [d[0] for d in cur.description]
        rows = [dict(zip(cols, r)) for r in cur.fetchall()]
    finally:
        con.close()

    def archive_id(article_id):
        if article_id is None:
            return None
        url = urls.get(article_id)
        if url is None:
            return article_id
        return by_url.get(url) or by_url.get(canonical_url(url)) or article_id

    for row in rows:
        row["claim_article_id"] = archive_id(row["claim_article_id"])
        row["contradicting_article_id"] = archive_id(row["contradicting_article_id"])
        if row["claim_article_id"] is None:  # a dispute with no figure on record: its own article
            row["claim_article_id"] = row["contradicting_article_id"]
    return rows


# ---------------------------------------------------------------------------------------------
# scoring

def _row(measure, value, target=None, met=None, note="") -> dict:
    return {"benchmark": NAME, "measure": measure, "claimwatch": value, "target": target, "met": met,
            "note": note}


def _at_least(value: float, target: float) -> tuple[str, bool]:
    return f">= {target:.2f}", value >= target


def score_claim_file(folder: Path, pred: list[dict]) -> list[dict]:
    """Claim rows from the shared ``score_claims.score``."""
    scorer = _load_module(folder / "score_claims.py", "_realstories_score_claims")
    gold = _jsonl(folder / "gold_claims.jsonl")
    articles = _jsonl(folder / "stories.jsonl")
    res = scorer.score(gold, [dict(p) for p in pred], articles)
    levels = res["levels"]
    rows = []
    note = f"{len(gold)} gold, {len(pred)} predicted claims, {len(articles)} articles"
    for level, target in (("L1", None), ("L2", 0.80), ("L3", 0.70)):
        f1 = round(levels[level]["f1"], 3)
        tgt, met = _at_least(f1, target) if target else (None, None)
        rows.append(_row(f"claims {level} {levels[level]['name'].split(' ', 1)[1]} F1", f1, tgt, met,
                         f"P {levels[level]['precision']:.3f} R {levels[level]['recall']:.3f}; {note}"))
    for lang, d in res.get("per_language", {}).items():
        rows.append(_row(f"claims L2 recall, {lang}", round(d["recall"]["L2"], 3),
                         note=f"{d['n_gold']} gold; L1 {d['recall']['L1']:.3f}, L3 {d['recall']['L3']:.3f}"))
    cb = res["claimed_by_on_L2"]
    every = cb["all"]
    acc = round(every["accuracy"], 3)
    tgt, met = _at_least(acc, 0.85)
    rows.append(_row("claimed_by accuracy (L2 matches)", acc, tgt, met,
                     f"{every['correct']}/{every['matched']} correct"))
    reporter = cb.get("reporter", {"accuracy": 0.0, "correct": 0, "matched": 0})
    rows.append(_row("claimed_by accuracy, reporter figures", round(reporter["accuracy"], 3),
                     note=f"{reporter['correct']}/{reporter['matched']} correct"))
    # recall by gold metric group: "other" (AI claims, issue 14) apart from the named metrics
    matches = res["_matches"]
    for group, keep in (("other", lambda g: str(g.get("metric")).casefold() == "other"),
                        ("named metrics", lambda g: str(g.get("metric")).casefold() != "other")):
        idx = [i for i, g in enumerate(gold) if keep(g)]
        if not idx:
            continue
        recalls = {lvl: sum(1 for i in idx if i in matches[n]) / len(idx)
                   for lvl, n in (("L1", 1), ("L2", 2), ("L3", 3))}
        tgt, met = _at_least(recalls["L1"], 0.85) if group == "other" else (None, None)
        rows.append(_row(f"claims recall L1/L2/L3, gold metric {group}", round(recalls["L1"], 3), tgt, met,
                         f"{len(idx)} gold; L1 {recalls['L1']:.3f} L2 {recalls['L2']:.3f} "
                         f"L3 {recalls['L3']:.3f}"))
    return rows


def contradiction_rows(folder: Path, pred: list[dict]) -> list[dict]:
    """Contradiction rows from the shared ``score_contradictions.score``."""
    _load_module(folder / "score_claims.py", "score_claims")  # its own import, by that name
    scorer = _load_module(folder / "score_contradictions.py", "_realstories_score_contradictions")
    gold = _jsonl(folder / "gold_contradictions.jsonl")
    negatives = _jsonl(folder / "gold_non_contradictions.jsonl")
    res = scorer.score(gold, negatives, [dict(p) for p in pred])
    rows = []
    for level, label in (("figures", "figures level"), ("pair", "pair level")):
        d = res[level]
        for what in ("recall", "precision"):
            value = round(d[what], 3)
            tgt, met = _at_least(value, 0.70) if level == "figures" else (None, None)
            count = (f"{d['gold_found']}/{len(gold)} gold found" if what == "recall"
                     else f"{d['pred_correct']}/{len(pred)} predictions correct")
            rows.append(_row(f"contradictions {label} {what}", value, tgt, met, count))
    intra = res["figures"]["by"].get("intra_article=True")
    if intra:
        rows.append(_row("contradictions figures level recall, inside one article",
                         round(intra["recall"], 3), note=f"{intra['found']}/{intra['gold']} gold found"))
    traps = res["traps"]
    rows.append(_row("trap pairs flagged", f"{traps['flagged']}/{traps['total']}", "<= 2",
                     traps["flagged"] <= 2, "; ".join(traps["rows"])[:200]))
    return rows


# ---------------------------------------------------------------------------------------------
# detection alone: the gold claims (and the disputes extraction found) in a warehouse

_HEDGES = (("fewer than", "less_than"), ("less than", "less_than"), ("under", "less_than"),
           ("up to", "up_to"), ("jusqu", "up_to"), ("more than", "more_than"), ("over", "more_than"),
           ("past", "more_than"), ("plus d", "more_than"), ("plus de", "more_than"), ("+", "more_than"),
           ("or better", "at_least"), ("at least", "at_least"))


def _hedge(qualifier: str | None) -> str | None:
    text = (qualifier or "").casefold()
    if not text:
        return None
    for cue, hedge in _HEDGES:
        if cue in text:
            return hedge
    return "about"


def _metric_of(claim: dict) -> tuple[str, bool]:
    """The gold claim's metric in claimwatch's names (issue 14's AI metrics from the descriptor of
    an ``other`` claim, by a few generic words) and whether it is a target."""
    metric = str(claim.get("metric") or "other")
    kind = str(claim.get("other_kind") or "").casefold()
    target = "target" in kind or "target" in str(claim.get("period") or "").casefold()
    if metric != "other" or claim.get("unit") not in ("percent", "count"):
        return metric, target
    if claim.get("unit") == "percent" and "without" in kind and ("human" in kind or "staff" in kind):
        return "automation_rate", target
    if "human" in kind and ("need" in kind or "engineer" in kind or "doing" in kind):
        return "human_involvement", target
    if claim.get("unit") == "percent" and "built" in kind:
        return "ai_built_share", target
    if "fake" in kind or "bot" in kind:
        return "bot_share", target
    return metric, target


def detection_on_gold_claims(folder: Path, disputes_from: Path | None = None) -> list[dict]:
    """Contradictions detected from the gold claims themselves: detection measured apart from
    extraction (an upper bound of what today's detection can reach with perfect claims)."""
    from claimwatch.ingest import read_jsonl
    from claimwatch.warehouse.db import connect
    from claimwatch.warehouse.detect import detect_contradictions
    from claimwatch.warehouse.periods import normalize_period

    with tempfile.TemporaryDirectory(prefix="cw-realstories-gold-") as tmp:
        db = Path(tmp) / "gold.duckdb"
        con = connect(db)
        try:
            columns = {r[0] for r in con.execute("SELECT column_name FROM information_schema.columns "
                                                 "WHERE table_name = 'claims'").fetchall()}
            if "other_kind" not in columns:
                con.execute("ALTER TABLE claims ADD COLUMN other_kind VARCHAR")
            ids = {}
            for article in read_jsonl(folder / "stories.jsonl"):
                ids[article.guid] = article.article_id
                con.execute("INSERT INTO articles (article_id, url, title, source, published_at, language, "
                            "text, content_hash, first_seen_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, now())",
                            [article.article_id, article.url, article.title, article.source,
                             article.published_at, article.language, article.text, article.content_hash])
            for n, claim in enumerate(_jsonl(folder / "gold_claims.jsonl")):
                metric, target = _metric_of(claim)
                period = claim.get("period")
                period = period if period and normalize_period(str(period))[1] else None
                hedge = _hedge(claim.get("qualifier"))
                value = float(claim["value"])
                high = float(claim["value_high"]) if claim.get("value_high") is not None else None
                low = value if hedge not in ("up_to", "less_than") else None
                high = high if high is not None else (value if hedge not in ("more_than", "at_least") else None)
                con.execute(
                    "INSERT INTO claims (claim_id, article_id, company, metric, other_kind, value, value_low, "
                    "value_high, unit, claimed_by, is_forecast, hedge, period, sentence, quantity_text, "
                    "sentence_index, char_start, language, extractor_version, published_at, created_at) "
                    "SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, language, 'gold', published_at, "
                    "now() FROM articles WHERE article_id = ?",
                    [f"gold{n}", ids[claim["article_id"]], claim["company"], metric,
                     claim.get("other_kind") if metric == "other" else None, value, low, high, claim["unit"],
                     claim.get("claimed_by") or "reporter", target, hedge, period,
                     claim.get("as_reported_sentence") or "", str(value), n, n, ids[claim["article_id"]]])
            if disputes_from is not None and disputes_from.is_file():
                con.execute(f"ATTACH '{disputes_from}' AS extracted (READ_ONLY)")
                con.execute("INSERT INTO disputes SELECT * FROM extracted.disputes")
                con.execute("DETACH extracted")
            detect_contradictions(con)
        finally:
            con.close()
        found = export_contradictions(db, _jsonl(folder / "stories.jsonl"))
    rows = contradiction_rows(folder, found)
    for row in rows:
        row["measure"] = row["measure"].replace("contradictions", "contradictions from gold claims", 1) \
            .replace("trap pairs", "trap pairs from gold claims", 1)
        row["target"], row["met"] = None, None
    return rows


# ---------------------------------------------------------------------------------------------

def run(quick: bool = False, keep: str | None = None) -> list[dict]:
    folder = realstories_dir()
    missing = [name for name in FILES if not (folder / name).is_file()]
    if missing:
        return [_row("not available: development set absent", None,
                     note=f"{folder} lacks {', '.join(missing)} (set CLAIMWATCH_SHARED_BENCHMARKS)")]
    stories = folder / "stories.jsonl"
    work = Path(keep) if keep else Path(tempfile.mkdtemp(prefix="cw-realstories-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        claims_file = work / "claims.jsonl"
        _call(_claimwatch() + ["extract", str(stories)], work, claims_file)
        rows = score_claim_file(folder, _jsonl(claims_file))
        db = work / "realstories.duckdb"
        db.unlink(missing_ok=True)
        _call(_claimwatch() + ["import", "--db", str(db), str(stories)], work)
        found = export_contradictions(db, _jsonl(stories))
        with (work / "contradictions.jsonl").open("w", encoding="utf-8") as handle:
            for row in found:
                handle.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
        rows += contradiction_rows(folder, found)
        rows += detection_on_gold_claims(folder, db)
    finally:
        if not keep:
            shutil.rmtree(work, ignore_errors=True)
    return rows


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(prog="python -m benchmarks.realstories", description=__doc__.splitlines()[0])
    parser.add_argument("--keep", metavar="DIR", help="keep claims.jsonl, contradictions.jsonl and the warehouse here")
    args = parser.parse_args()
    from benchmarks.__main__ import normalise_rows, render_table
    print(render_table(normalise_rows(NAME, run(keep=args.keep))))
