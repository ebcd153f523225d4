"""Quantity-parser benchmark: claimwatch vs quantulum3 on NewsQuant and quantulum3's own cases.

Run: ``.venv/bin/python -m benchmarks.quantities``. ``run()`` returns the table rows;
``--errors [--business] [--currency]`` prints claimwatch's missed, spurious and wrong-unit quantities instead.

Matching (same for both systems): a prediction matches a gold quantity of the same sentence
when the values agree within 0.5 % relative (gold ranges "a-b" match a predicted range with
both ends equal, or a single predicted value equal to the midpoint, as the published scorer
averages ranges for single-value systems, or two adjacent predicted values equal to its two
ends: NewsQuant annotates "from $10 to $15" as one range, claimwatch reports it as a change,
two quantities, and the pair then counts as one prediction); greedy one-to-one, gold in order.
Gold cents are compared as hundredths of a dollar; claimwatch's worded fractions ("a third
of", reported as 33.3 percent) as 0.333, NewsQuant's convention. Value+unit also needs the
units to agree after mapping both to one key:

* currencies: CQE's names ("dollar", "united states dollar", "japanese yen", "australian
  dollar", ...) -> ISO codes; "dollar per barrel" -> "USD/barrel";
* "percentage" (and "% -", a fraction) -> "percent";
* measures: CQE/quantulum names ("kilometre", "mile per hour", "gigabyte", "year of age")
  -> claimwatch's short forms ("km", "mph", "gb", "years old");
* anything else in the gold ("workers", "european country", "solution") is a count of that
  noun: it agrees with a predicted count whose noun (singularised) is one of the gold unit's
  words; gold "-"/"count" agrees with a count without noun (quantulum3's "dimensionless");
* "A per B" with A a currency or measure and B a time or share: "USD/share", "barrel/day".

Business subset: gold quantities whose unit maps to a currency, percent or a count, scored
against predictions whose unit is a currency, percent or count.
"""

from __future__ import annotations

import json
import os
import re
import time
from pathlib import Path

from claimwatch.extractors.quantities import find_quantities
from claimwatch.extractors.quantity_units import noun_lemma

__all__ = ["run", "shared_benchmarks", "gold_key", "score"]

_CUR = {
    "dollar": "USD", "united states dollar": "USD", "us dollar": "USD", "euro": "EUR",
    "pound sterling": "GBP", "japanese yen": "JPY", "yen": "JPY", "chinese yuan": "CNY",
    "renminbi": "CNY", "australian dollar": "AUD", "canadian dollar": "CAD",
    "hong kong dollar": "HKD", "new zealand dollar": "NZD", "singaporean dollar": "SGD",
    "singapore dollar": "SGD", "malaysian ringgit": "MYR", "shekel": "ILS",
    "israeli new shekel": "ILS", "indian rupee": "INR", "swiss franc": "CHF",
    "brazilian real": "BRL", "south korean won": "KRW", "mexican peso": "MXN",
    "south african rand": "ZAR", "swedish krona": "SEK", "norwegian krone": "NOK",
    "danish krone": "DKK", "rupee": "INR", "sri lankan rupee": "LKR", "turkish lira": "TRY",
    "bitcoin": "BTC", "finnish markka": "FIM", "peseta": "ESP", "mark": "DEM",
    "netherlands guilde": "NLG", "costa rican colón": "CRC", "georgian lari": "GEL",
    "lao kip": "LAK", "russian ruble": "RUB", "penny": "pence", "pence": "pence",
}
# Coins: gold values in hundredths of a currency, compared in that currency.
# Pence stay pence on both sides (see _claimwatch): NewsQuant also labels "164p" as points.
_COINS = {"cent": "USD", "cents": "USD", "sen": "MYR"}
_MEASURE = {
    "kilometre": "km", "metre": "m", "centimetre": "cm", "millimetre": "mm", "mile": "mile",
    "yard": "yard", "foot": "ft", "inch": "inch", "kilogram": "kg", "gram": "g",
    "pound-mass": "lb", "ounce": "oz", "tonne": "t", "ton": "t", "short ton": "t",
    "litre": "l", "millilitre": "ml", "gallon": "gallon", "barrel": "barrel",
    "byte": "b", "kilobyte": "kb", "megabyte": "mb", "gigabyte": "gb", "terabyte": "tb",
    "petabyte": "pb", "hertz": "hz", "kilohertz": "khz", "megahertz": "mhz", "gigahertz": "ghz",
    "watt": "w", "kilowatt": "kw", "megawatt": "mw", "gigawatt": "gw", "kilowatt hour": "kwh",
    "megawatt hour": "mwh", "gigawatt hour": "gwh", "terawatt hour": "twh",
    "milliampere-hour": "mah", "volt": "v", "mile per hour": "mph", "kilometre per hour": "km/h",
    "revolutions per minute": "rpm", "revolution per minute": "rpm", "horsepower": "hp",
    "celsius": "°c", "degree celsius": "°c", "fahrenheit": "°f", "degree fahrenheit": "°f",
    "degree": "degree", "degree angle": "degree", "year": "year", "year of age": "years old",
    "month": "month", "week": "week", "day": "day", "hour": "hour", "minute": "minute",
    "second": "second", "point": "point", "percentage point": "percentage point",
    "basis point": "basis point", "square metre": "m2", "square foot": "sq ft", "acre": "acre",
    "hectare": "hectare", "gigabit per second": "gbps", "megabit per second": "mbps",
    "brake horsepower": "hp", "pound-foot": "lb-ft", "foot pound-force": "lb-ft",
    "newton-metre": "nm", "newton metre": "nm", "gigaton": "gt", "gigatonne": "gt",
    "times": "x", "percentage": "percent", "% -": "percent", "cent": "cent",
    "micrometre": "μm", "part per million": "ppm", "part per billion": "ppb",
    "kilopascal": "kpa", "megapascal": "mpa", "gigapascal": "gpa",
    "kilopound per square inch": "ksi", "pound per square inch": "psi", "kilovolt": "kv",
    "milligram": "mg", "mile per gallon": "mpg",
}
_PER = {"barrel": "barrel", "share": "share", "month": "month", "year": "year", "week": "week",
        "day": "day", "ounce": "oz", "gallon": "gallon", "gram": "g", "square foot": "sq ft",
        "square metre": "m2", "hour": "hour", "tonne": "t", "minute": "minute",
        "second": "second", "game": "game"}
_ISO = set(_CUR.values()) | {"EUR", "USD", "GBP", "JPY", "CNY"}


def shared_benchmarks() -> Path:
    """The shared public-benchmark folder (env ``CLAIMWATCH_SHARED_BENCHMARKS`` overrides)."""
    env = os.environ.get("CLAIMWATCH_SHARED_BENCHMARKS")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[1] / ".." / "shared" / "benchmarks"


def gold_key(name: str) -> tuple[str, frozenset[str] | None]:
    """Map a CQE/quantulum unit name to (key, noun words): ("USD", None), ("count", {...})."""
    n = (name or "").strip().lower()
    if n in ("-", "", "count", "dimensionless", "number"):
        return "count", None
    if n in _CUR:
        return _CUR[n], None
    if n in _MEASURE:
        return _MEASURE[n], None
    if " per " in n:
        head, _, per = n.partition(" per ")
        if head in _CUR and per in _PER:
            return f"{_CUR[head]}/{_PER[per]}", None
        if head in _MEASURE and per in _PER:  # "barrel per day" -> "barrel/day"
            return f"{_MEASURE[head]}/{_PER[per]}", None
        if per in _PER and re.fullmatch(r"[a-z]+", head):  # "rebound per game" -> "rebound/game"
            return f"{noun_lemma(head)}/{_PER[per]}", None
        return "per:" + n, None
    words = frozenset(noun_lemma(w) for w in re.findall(r"[^\W\d_]+", n))
    return "count", words


def _pred_key(unit: str, noun: str | None) -> tuple[str, frozenset[str] | None]:
    if unit == "count":
        return "count", frozenset({noun_lemma(noun)}) if noun else None
    if unit == "x":  # NewsQuant labels "3 times" / "sixfold" as unitless
        return "count", None
    return unit, None


def _units_agree(gold: tuple, pred: tuple) -> bool:
    gk, gw = gold
    pk, pw = pred
    if gk == "point" and pk in ("point", "percentage point"):
        return True  # "points" of an index or of a percentage
    # NewsQuant also labels share prices in pence ("164p") as points; those count as
    # unit errors here rather than bending the matcher to agree.
    if gk != pk:
        return False
    if gk != "count":
        return True
    if gw is None or pw is None:
        return gw is None and pw is None
    return bool(gw & pw)


def _is_business(key: str) -> bool:
    return key in ("percent", "count") or key in _ISO


def _gold(q: dict) -> tuple:
    """(value, unit key) of one gold quantity; cents become hundredths of a dollar."""
    return _in_base_unit(_parse_gold_value(q["value"]), q["normalized_unit"])


def _in_base_unit(value, name: str) -> tuple:
    n = (name or "").strip().lower()
    coin, _, per = n.partition(" per ")
    if coin in _COINS:
        cur = _COINS[coin]
        key = cur if not per else (f"{cur}/{_PER[per]}" if per in _PER else "per:" + n)
        scaled = tuple(v / 100 for v in value) if isinstance(value, tuple) else value / 100
        return scaled, (key, None)
    return value, gold_key(name)


def _parse_gold_value(v: str):
    v = str(v).replace(" ", "")
    if "E" not in v and not v.startswith("-") and "-" in v:
        a, _, b = v.partition("-")
        return (float(a), float(b))
    return float(v)


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 0.005 * max(abs(a), abs(b)) + 1e-9


def _values_match(gold, pred) -> bool:
    if isinstance(gold, tuple) and isinstance(pred, tuple):
        return (_close(gold[0], pred[0]) and _close(gold[1], pred[1])) or (
            _close(gold[0], pred[1]) and _close(gold[1], pred[0]))
    if isinstance(gold, tuple):
        return _close((gold[0] + gold[1]) / 2, pred)
    if isinstance(pred, tuple):
        return False
    return _close(gold, pred)


def _greedy(golds: list, preds: list, with_unit: bool) -> tuple[int, int]:
    """(hits, merged): merged counts prediction pairs that matched one gold range together."""
    hits, merged, _, _ = _align(golds, preds, with_unit)
    return hits, merged


def _align(golds: list, preds: list, with_unit: bool):
    """Greedy one-to-one alignment: (hits, merged, gold matched flags, prediction used flags)."""
    used = [False] * len(preds)
    found = [False] * len(golds)
    hits = merged = 0
    for i, (gv, gu) in enumerate(golds):
        for j, (pv, pu) in enumerate(preds):
            if not used[j] and _values_match(gv, pv) and (not with_unit or _units_agree(gu, pu)):
                used[j] = found[i] = True
                hits += 1
                break
        else:
            j = _pair_for_range(gv, gu, preds, used, with_unit)
            if j is not None:
                used[j] = used[j + 1] = found[i] = True
                hits += 1
                merged += 1
    return hits, merged, found, used


def _pair_for_range(gv, gu, preds: list, used: list, with_unit: bool) -> int | None:
    """Index j when predictions j and j+1 are the two ends of the gold range ``gv``.

    "from $10 to $15" is two quantities for a system that reads it as a change (claimwatch)
    and one range for NewsQuant's annotators; both readings name the same two figures.
    """
    if not isinstance(gv, tuple):
        return None
    for j in range(len(preds) - 1):
        (a, ua), (b, ub) = preds[j], preds[j + 1]
        if used[j] or used[j + 1] or isinstance(a, tuple) or isinstance(b, tuple):
            continue
        if not (_values_match(gv, (a, b))):
            continue
        if not with_unit or (_units_agree(gu, ua) and _units_agree(gu, ub)):
            return j
    return None


def _prf(tp: int, n_gold: int, n_pred: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _claimwatch(text: str) -> list:
    out = []
    for q in find_quantities(text, "en"):
        v = (q.value_low, q.value_high) if q.hedge in ("range", "vague") and \
            q.value_low is not None and q.value_high is not None else q.value
        if q.unit == "percent" and not re.search(r"\d|%|p(?:e|ou)r\s?-?cent|pct", q.text, re.I):
            v = q.value / 100  # "half of", "a third of": NewsQuant writes fractions as 0.5
        key = _pred_key(q.unit, q.noun)
        if q.unit.startswith("GBP") and re.search(r"\d\s?p$|pence|penny", q.text, re.I) and \
                not isinstance(v, tuple):
            # A price in pence, compared in pence: gold "penny" stays pence, see _units_agree
            key = (q.unit.replace("GBP", "pence", 1), None)
            v = v * 100
        out.append((v, key))
    return out


def _quantulum(text: str) -> list:
    from quantulum3 import parser

    out = []
    try:
        found = parser.parse(text)
    except Exception:  # noqa: BLE001 - count a crash as "found nothing"
        return out
    for q in found:
        name = q.unit.name if q.unit else "dimensionless"
        entity = q.unit.entity.name if q.unit and q.unit.entity else ""
        value, key = _in_base_unit(float(q.value), name)
        if entity == "unknown" and key[0] == "count" and key[1] is None:
            key = ("count", frozenset(noun_lemma(w) for w in re.findall(r"[^\W\d_]+", name)))
        out.append((value, key))
    return out


def score(dataset: list[dict], system) -> dict:
    """P/R/F1 for value and value+unit on all quantities and on the business subset."""
    counts = {k: [0, 0, 0] for k in ("value", "value+unit", "biz value", "biz value+unit")}
    for item in dataset:
        golds = [_gold(g) for g in item["quantities"]]
        preds = system(item["text"])
        bg = [g for g in golds if _is_business(g[1][0])]
        bp = [p for p in preds if _is_business(p[1][0])]
        for name, gs, ps, wu in (("value", golds, preds, False), ("value+unit", golds, preds, True),
                                 ("biz value", bg, bp, False), ("biz value+unit", bg, bp, True)):
            c = counts[name]
            hits, merged = _greedy(gs, ps, wu)
            c[0] += hits
            c[1] += len(gs)
            c[2] += len(ps) - merged
    return {k: _prf(*v) for k, v in counts.items()}


def _quantulum_cases(base: Path, system) -> tuple[float, int]:
    cases = json.loads((base / "quantulum3" / "quantities.json").read_text(encoding="utf-8"))
    hit = total = 0
    for case in cases:
        preds = [p[0] for p in system(case["req"])]
        used = [False] * len(preds)
        for g in case["res"]:
            total += 1
            for j, pv in enumerate(preds):
                gv = _in_base_unit(float(g["value"]), g.get("unit", ""))[0]  # cents as dollars
                if not used[j] and _values_match(gv, pv):
                    used[j] = True
                    hit += 1
                    break
    return (hit / total if total else 0.0), total


def _crashes(base: Path) -> int:
    errs = json.loads((base / "quantulum3" / "errors.json").read_text(encoding="utf-8"))
    bad = 0
    for s in errs:
        try:
            find_quantities(s, "en")
            find_quantities(s, "fr")
        except Exception:  # noqa: BLE001
            bad += 1
    return bad


def run() -> list[dict]:
    """Score both systems; one row per (system, dataset, metric)."""
    base = shared_benchmarks()
    if not (base / "newsquant" / "NewsQuant.json").exists():
        raise SystemExit(f"shared benchmarks not found at {base} (set CLAIMWATCH_SHARED_BENCHMARKS)")
    news = json.loads((base / "newsquant" / "NewsQuant.json").read_text(encoding="utf-8"))
    cur = json.loads((base / "newsquant" / "currency-model.json").read_text(encoding="utf-8"))
    rows = []
    for name, system in (("claimwatch", _claimwatch), ("quantulum3", _quantulum)):
        t0 = time.perf_counter()
        for ds_name, ds in (("NewsQuant", news), ("currency", cur)):
            for metric, (p, r, f) in score(ds, system).items():
                if ds_name == "currency" and metric.startswith("biz"):
                    continue
                rows.append({"system": name, "dataset": ds_name, "metric": metric,
                             "P": round(p, 3), "R": round(r, 3), "F1": round(f, 3)})
        acc, n = _quantulum_cases(base, system)
        rows.append({"system": name, "dataset": f"quantulum3 cases ({n})",
                     "metric": "value recall", "P": None, "R": round(acc, 3), "F1": None})
        rows.append({"system": name, "dataset": "all", "metric": "seconds",
                     "P": None, "R": round(time.perf_counter() - t0, 2), "F1": None})
    rows.append({"system": "claimwatch", "dataset": "quantulum3 errors.json",
                 "metric": "crashes", "P": None, "R": _crashes(base), "F1": None})
    return rows


def errors(dataset: list[dict], system=None, business: bool = False) -> dict[str, list]:
    """Misses of ``system`` (claimwatch by default) on value+unit, for error analysis.

    Returns {"missed": [(gold value, gold unit, text)], "spurious": [(value, unit key, text)],
    "unit": [(value, gold unit, predicted unit key, text)]} where "unit" lists value matches
    whose unit disagrees (they are also counted in the other two lists' complement).
    """
    system = system or _claimwatch
    out: dict[str, list] = {"missed": [], "spurious": [], "unit": []}
    for item in dataset:
        raw = [g["normalized_unit"] for g in item["quantities"]]
        golds = [_gold(g) for g in item["quantities"]]
        preds = system(item["text"])
        keep = [k for k, g in enumerate(golds) if not business or _is_business(g[1][0])]
        golds, raw = [golds[k] for k in keep], [raw[k] for k in keep]
        if business:
            preds = [p for p in preds if _is_business(p[1][0])]
        _, _, found, used = _align(golds, preds, True)
        for i, (gv, gu) in enumerate(golds):
            if found[i]:
                continue
            for j, (pv, pu) in enumerate(preds):
                if not used[j] and _values_match(gv, pv):
                    used[j] = found[i] = True
                    out["unit"].append((gv, raw[i], pu, item["text"]))
                    break
            else:
                out["missed"].append((gv, raw[i], item["text"]))
        out["spurious"].extend((pv, pu, item["text"]) for (pv, pu), u in zip(preds, used) if not u)
    return out


def _show(x) -> str:
    if isinstance(x, tuple) and len(x) == 2 and isinstance(x[0], str):
        return x[0] + (f"{sorted(x[1])}" if x[1] else "")
    return str(x)


def _print_errors(business: bool, currency: bool = False) -> None:
    name = "currency-model.json" if currency else "NewsQuant.json"
    news = json.loads((shared_benchmarks() / "newsquant" / name).read_text("utf-8"))
    err = errors(news, business=business)
    for kind, rows in err.items():
        print(f"== {kind}: {len(rows)}")
        for row in rows:
            *head, text = row
            shown = " ".join(_show(h) for h in head)
            print(f"  {shown} | {text[:160]}")


def _fmt(v) -> str:
    return "" if v is None else (f"{v:.3f}" if isinstance(v, float) else str(v))


def main() -> None:
    import sys

    if "--errors" in sys.argv:
        _print_errors("--business" in sys.argv, "--currency" in sys.argv)
        return
    rows = run()
    print(f"{'system':<11} {'dataset':<24} {'metric':<15} {'P':>6} {'R':>6} {'F1':>6}")
    for r in rows:
        print(f"{r['system']:<11} {r['dataset']:<24} {r['metric']:<15} "
              f"{_fmt(r['P']):>6} {_fmt(r['R']):>6} {_fmt(r['F1']):>6}")


if __name__ == "__main__":
    main()
