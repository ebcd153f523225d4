"""Render a sample digest to HTML (and a PNG with headless Chromium) to check how it reads.

    .venv/bin/python scripts/render_digest.py                       # built-in demo rows
    .venv/bin/python scripts/render_digest.py --warehouse claimwatch.duckdb --png docs/digest.png

With ``--warehouse`` the digest shows what the given recipient would get next
(read-only: the outbox is not touched). The demo rows are illustrative figures
written for this script, not quotes.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from datetime import date, datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from digest.render import RenderedDigest, render_digest  # noqa: E402
from warehouse.outbox import ClaimItem, ContradictionItem, Item  # noqa: E402

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars"]


def _at(day: int, month: int = 3) -> datetime:
    return datetime(2025, month, day, 9, 0, tzinfo=timezone.utc)


def demo_items() -> list[Item]:
    """A small, made-up morning: one numeric contradiction, one revision, one dispute, a few claims."""
    return [
        ContradictionItem(
            "demo-k1", "numeric", "11x", "arr", 10e6, 3e6, "USD", 0.7,
            "11x's own figure of $10M ARR is more than three times the ~$3M that people with access "
            "to its accounts described two weeks later.",
            "11x says it passed $10M ARR", "Company blog", "https://example.com/11x-arr", _at(3),
            "We crossed $10M in annual recurring revenue this quarter.",
            "Sales startup 11x counted trial customers as revenue, staff say", "TechCrunch",
            "https://techcrunch.com/example-11x", _at(24),
            "Former employees put recurring revenue closer to $3M.", None, _at(24)),
        ContradictionItem(
            "demo-k2", "revision", "Builder.ai", "revenue", 220e6, 55e6, "USD", 0.75,
            "Revenue for 2024 was first given as $220M, then restated at about $55M after an audit.",
            "Builder.ai projects strong 2024", "Bloomberg", "https://example.com/builder-2024", _at(10, 1),
            "The company expected revenue of $220M for 2024.",
            "Builder.ai restates its 2024 revenue", "Financial Times", "https://example.com/builder-restated",
            _at(30), "An internal review put 2024 revenue at roughly $55M.", None, _at(30)),
        ContradictionItem(
            "demo-k3", "dispute", "11x", "customers", None, None, None, 0.6,
            "Staff say logos shown as customers had ended trials or never signed.",
            None, None, None, None, None,
            "11x : des clients affichés qui n'en étaient pas", "Le Monde Informatique",
            "https://example.com/11x-fr", _at(31),
            "Selon d'anciens salariés, 70 à 80 % des clients seraient partis.", "n'en étaient pas", _at(31)),
        ClaimItem("demo-c1", "Mistral AI", "funding", 600e6, None, None, "EUR", "company", False, None, None,
                  "Mistral AI said it had raised €600M in its latest round.", "€600M",
                  "Mistral AI raises again", "Les Echos", "https://example.com/mistral", _at(28)),
        ClaimItem("demo-c2", "Mistral AI", "valuation", 6e9, None, None, "EUR", "reporter", False, None, None,
                  "The round values the company at about €6B, according to people familiar with it.", "€6B",
                  "Mistral AI raises again", "Les Echos", "https://example.com/mistral", _at(28)),
        ClaimItem("demo-c3", "Cursor", "arr", 100e6, None, None, "USD", "company", False, None, "2025",
                  "Anysphere says Cursor passed $100M in ARR.", "$100M",
                  "Cursor maker hits $100M ARR", "The Information", "https://example.com/cursor", _at(27)),
        ClaimItem("demo-c4", "Cursor", "customers", 40000, 40000, None, "count", "company", True, "more_than",
                  None, "It expects more than 40,000 paying teams by year end.", "more than 40,000",
                  "Cursor maker hits $100M ARR", "The Information", "https://example.com/cursor", _at(27)),
    ]


def warehouse_items(path: Path, recipient: str) -> list[Item]:
    from warehouse.db import connect
    from warehouse.outbox import candidate_items, load_items, pending_items

    con = connect(path, read_only=True)
    try:
        items = load_items(con, pending_items(con, recipient))
        seen = {i.key for i in items}
        return items + [i for i in candidate_items(con, recipient) if i.key not in seen]
    finally:
        con.close()


def screenshot(html_path: Path, png_path: Path, width: int, height: int) -> None:
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(chromium).exists():
        raise SystemExit("chromium not found: apt-get install -y chromium")
    with tempfile.TemporaryDirectory() as profile:
        cmd = [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", f"--screenshot={png_path.resolve()}",
               f"--window-size={width},{height}", html_path.resolve().as_uri()]
        subprocess.run(cmd, check=True, capture_output=True, timeout=120)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--warehouse", type=Path, help="a claimwatch DuckDB file (default: demo rows)")
    parser.add_argument("--recipient", default="analyst@example.com")
    parser.add_argument("--out", type=Path, default=Path("digest-sample.html"))
    parser.add_argument("--png", type=Path, help="also screenshot it to this PNG with headless Chromium")
    parser.add_argument("--width", type=int, default=420)
    parser.add_argument("--height", type=int, default=1200)
    args = parser.parse_args(argv)
    items = warehouse_items(args.warehouse, args.recipient) if args.warehouse else demo_items()
    day = date.today() if args.warehouse else date(2025, 4, 1)
    digest: RenderedDigest = render_digest(items, recipient=args.recipient, day=day)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(digest.html, encoding="utf-8")
    args.out.with_suffix(".txt").write_text(digest.text, encoding="utf-8")
    print(f"{digest.subject}\nwritten {args.out} and {args.out.with_suffix('.txt')}")
    if args.png:
        args.png.parent.mkdir(parents=True, exist_ok=True)
        screenshot(args.out, args.png, args.width, args.height)
        print(f"screenshot {args.png} ({args.png.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
