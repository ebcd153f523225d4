"""Contradiction detection quality on hand-written story sequences (``benchmarks/stories/``).

``python -m benchmarks.contradictions``. Every story's JSONL articles are imported into one
temporary warehouse through the real pipeline (``ingest.read_jsonl`` -> ``Extractor`` ->
``warehouse.load`` -> ``detect_contradictions``). ``expected.json`` lists, per story, the
contradictions that must be found as (company, metric, kind) (metric null: any), or names the
trap the story sets (it must produce none). A detected contradiction belongs to the story
whose file holds its contradicting article.

Precision and recall are over distinct (story, company, metric, kind). When an expected
contradiction is missed, the claims it ``needs`` are checked against what extraction produced,
so a miss is reported as an extraction gap ("claim not extracted") or a detection gap. A
trap is "armed" when extraction produced both claims it sets; an unarmed trap passes vacuously.
"""

from __future__ import annotations

import json
import sys
import tempfile
import unicodedata
from pathlib import Path

STORIES = Path(__file__).resolve().parent / "stories"

__all__ = ["STORIES", "evaluate", "run"]


def _norm(name: str | None) -> str:
    text = unicodedata.normalize("NFKD", name or "").encode("ascii", "ignore").decode()
    return " ".join(text.casefold().split())


def _same_company(expected: str, found: str) -> bool:
    a, b = _norm(expected), _norm(found)
    return bool(a and b) and (a == b or a.startswith(b + " ") or b.startswith(a + " "))


def _matches(exp: dict, found: tuple) -> bool:
    company, metric, kind = found
    return (exp["kind"] == kind and _same_company(exp["company"], company)
            and (exp.get("metric") is None or exp["metric"] == metric))


def _load_articles(files: list[Path]):
    from claimwatch.ingest.archive import read_jsonl

    by_story = {}
    articles = []
    for file in files:
        for article in read_jsonl(file):
            by_story[article.article_id] = file.stem
            articles.append(article)
    return articles, by_story


def _by_month(articles):
    ordered = sorted(articles, key=lambda a: (a.published_at is None, a.published_at or 0))
    groups: dict[str, list] = {}
    for a in ordered:
        groups.setdefault(a.published_at.strftime("%Y-%m") if a.published_at else "undated",
                          []).append(a)
    return list(groups.items())


def _need_met(need: dict, extraction) -> bool:
    """Whether ``extraction`` (of the needed article) holds the needed claim or dispute."""
    if need.get("dispute"):
        return bool(extraction.disputes)
    for c in extraction.claims:
        if need.get("metric") and c.metric != need["metric"]:
            continue
        if need.get("claimed_by") and c.claimed_by != need["claimed_by"]:
            continue
        if "is_forecast" in need and c.is_forecast != need["is_forecast"]:
            continue
        if "value" in need and abs(c.value - need["value"]) > 0.01 * abs(need["value"]):
            continue
        if need.get("period") and (c.period or "").replace(" ", "") != need["period"]:
            continue
        return True
    return False


def evaluate(stories_dir: Path = STORIES) -> dict:
    """Run the pipeline on every story; return figures and per-story details."""
    from claimwatch.extractors import EXTRACTOR_VERSION, Extractor
    from claimwatch.warehouse.db import connect
    from claimwatch.warehouse.detect import detect_contradictions
    from claimwatch.warehouse.load import known_companies, save_articles, save_extractions

    spec = json.loads((stories_dir / "expected.json").read_text(encoding="utf-8"))
    stories = {s["story"]: s for s in spec["stories"]}
    articles, story_of = _load_articles([stories_dir / s["file"] for s in stories.values()])
    guid_of = {a.article_id: a.guid for a in articles}
    by_guid = {}
    with tempfile.TemporaryDirectory(prefix="claimwatch-stories-") as tmp:
        con = connect(Path(tmp) / "stories.duckdb")
        try:
            # month by month, as daily runs would: each batch knows the companies seen before
            extractor, known = None, None
            for month, batch in _by_month(articles):
                names = tuple(known_companies(con))
                if extractor is None or names != known:
                    extractor, known = Extractor(known_companies=names), names
                extractions = list(extractor.extract_many(batch))
                by_guid.update((guid_of[e.article_id], e) for e in extractions)
                save_articles(con, batch, run_id=month)
                save_extractions(con, extractions, EXTRACTOR_VERSION)
                detect_contradictions(con, run_id=month)
            rows = con.execute("""SELECT contradicting_article_id, company, metric, kind,
                                         explanation FROM contradictions""").fetchall()
        finally:
            con.close()
    extractions = list(by_guid.values())
    found: dict[str, set] = {name: set() for name in stories}
    explanations: dict[tuple, str] = {}
    for article_id, company, metric, kind, text in rows:
        key = (company, metric, kind)
        found[story_of[article_id]].add(key)
        explanations.setdefault((story_of[article_id], *key), text)
    tp_found = total_found = hit = total_expected = traps_flagged = traps_armed = 0
    details = []
    for name, story in stories.items():
        got, expected = found[name], story["expected"]
        good = {f for f in got if any(_matches(e, f) for e in expected)}
        tp_found += len(good)
        total_found += len(got)
        missed = []
        for exp in expected:
            total_expected += 1
            if any(_matches(exp, f) for f in got):
                hit += 1
                continue
            gaps = [n for n in exp.get("needs", [])
                    if n["article"] not in by_guid or not _need_met(n, by_guid[n["article"]])]
            missed.append({**{k: exp[k] for k in ("company", "metric", "kind")},
                           "cause": "extraction" if gaps else "detection", "missing": gaps})
        unarmed = []
        if story.get("trap"):
            traps_flagged += bool(got)
            unarmed = [n for n in story.get("needs", [])
                       if n["article"] not in by_guid or not _need_met(n, by_guid[n["article"]])]
            traps_armed += not unarmed
        details.append({"story": name, "trap": story.get("trap"), "found": sorted(got, key=str),
                        "false": sorted(got - good, key=str), "missed": missed,
                        "unarmed": unarmed,
                        "explanations": {k[1:]: v for k, v in explanations.items() if k[0] == name}})
    return {
        "precision": tp_found / total_found if total_found else 1.0,
        "recall": hit / total_expected if total_expected else 1.0,
        "found": total_found, "expected": total_expected,
        "traps": sum(1 for s in stories.values() if s.get("trap")), "traps_flagged": traps_flagged,
        "traps_armed": traps_armed,
        "articles": len(articles), "claims": sum(len(e.claims) for e in extractions),
        "details": details,
    }


def run(quick: bool = False) -> list[dict]:
    r = evaluate()
    note = f"{r['articles']} articles, {r['claims']} claims, {len(r['details'])} stories"
    misses = [f"{m['company']}/{m['metric']}/{m['kind']} ({m['cause']})"
              for d in r["details"] for m in d["missed"]]
    return [
        {"benchmark": "contradictions", "measure": "precision (story, company, metric, kind)",
         "claimwatch": round(r["precision"], 3), "target": ">= 0.9", "met": r["precision"] >= 0.9,
         "note": f"{r['found']} found; " + note},
        {"benchmark": "contradictions", "measure": "recall", "claimwatch": round(r["recall"], 3),
         "target": ">= 0.9", "met": r["recall"] >= 0.9,
         "note": "missed: " + ("; ".join(misses) if misses else "none")},
        {"benchmark": "contradictions", "measure": "trap stories flagged",
         "claimwatch": r["traps_flagged"], "target": "0", "met": r["traps_flagged"] == 0,
         "note": f"of {r['traps']} trap stories; {r['traps_armed']} armed (extraction produced "
                 "both claims the trap sets; the others pass vacuously)"},
    ]


def main() -> int:
    r = evaluate()
    for d in r["details"]:
        status = "TRAP " + d["trap"] if d["trap"] else "story"
        print(f"[{status}] {d['story']}: found {d['found']}")
        for f in d["false"]:
            print(f"    FALSE {f}: {d['explanations'].get(f, '')}")
        for m in d["missed"]:
            print(f"    MISSED {m['company']}/{m['metric']}/{m['kind']} ({m['cause']}): {m['missing']}")
        if d["unarmed"]:
            print(f"    not armed, extraction missed: {d['unarmed']}")
    print(f"\nprecision {r['precision']:.3f}  recall {r['recall']:.3f}  "
          f"traps flagged {r['traps_flagged']}/{r['traps']} (armed {r['traps_armed']})  "
          f"({r['articles']} articles, {r['claims']} claims)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
