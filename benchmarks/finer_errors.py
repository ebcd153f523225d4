"""FiNER-ORD error analysis of claimwatch's company detection.

``.venv/bin/python -m benchmarks.extraction --errors [--split val|test]`` prints the false
positives and false negatives, with their sentence, grouped as:

- boundary: a predicted span overlaps a gold span but differs ("the Fed" / "Fed");
- label: a gold ORG the model tagged with another label (PERSON, GPE, PRODUCT...), missed;
- missed: a gold ORG with no predicted span and no entity of the model over it;
- spurious: a predicted span overlapping no gold span (with the model's label, if any).

Tune on ``val``; report ``test``.
"""

from __future__ import annotations

from collections import Counter, defaultdict

__all__ = ["classify_errors", "print_errors"]


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def classify_errors(sentences, predicted, docs) -> dict[str, list[tuple[int, str, str]]]:
    """Group errors: {"boundary"|"label"|"missed"|"spurious": [(sentence index, what, why)]}."""
    groups: dict[str, list[tuple[int, str, str]]] = defaultdict(list)
    for i, ((text, gold), pred, doc) in enumerate(zip(sentences, predicted, docs)):
        pred_set = set(pred)
        ents = [((e.start_char, e.end_char), e.label_) for e in doc.ents]
        for g in sorted(gold - pred_set):
            near = [p for p in pred if _overlaps(p, g)]
            if near:
                groups["boundary"].append(
                    (i, text[g[0]:g[1]], "predicted " + " | ".join(repr(text[a:b])
                                                                   for a, b in near)))
                continue
            labels = [f"{lab} {text[a:b]!r}" for (a, b), lab in ents if _overlaps((a, b), g)]
            groups["label" if labels else "missed"].append(
                (i, text[g[0]:g[1]], ", ".join(labels)))
        for p in sorted(pred_set - gold):
            if any(_overlaps(p, g) for g in gold):
                continue  # reported once, as a boundary error of the gold span
            labels = [lab for (a, b), lab in ents if (a, b) == p]
            groups["spurious"].append((i, text[p[0]:p[1]], labels[0] if labels else "rule"))
    return groups


def print_errors(sentences: list, ours: list, docs: list, limit: int = 400) -> None:
    """Print FiNER errors by kind; the caller (``benchmarks.extraction --errors``) runs the predictions."""
    groups = classify_errors(sentences, ours, docs)
    for name in ("boundary", "label", "missed", "spurious"):
        items = groups.get(name, [])
        why = Counter(w.split(" ")[0] if name != "boundary" else "" for _, _, w in items)
        print(f"\n== {name}: {len(items)}  {dict(why.most_common(8)) if name != 'boundary' else ''}")
        for i, what, reason in items[:limit]:
            print(f"  {what!r:40} {reason}\n      | {sentences[i][0][:220]}")
