"""Render a warehouse's digest to HTML (and a PNG with headless Chromium) to check how it reads.

    make digest-png     # runs the daily job on the bundled samples, then renders docs/digest.png
    .venv/bin/python scripts/render_digest.py --warehouse claimwatch.duckdb --png digest.png

The digest shows everything the recipient watches that the warehouse holds (read-only: the
outbox is not touched), as if nothing had been sent yet.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from claimwatch.digest.render import RenderedDigest, render_digest  # noqa: E402
from claimwatch.warehouse.outbox import Item  # noqa: E402

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars"]


def warehouse_items(path: Path, recipient: str) -> list[Item]:
    """Everything the recipient watches, as if nothing had been sent: computed on a copy of
    the warehouse whose outbox is emptied, so the warehouse itself is never touched."""
    from claimwatch.warehouse.db import connect
    from claimwatch.warehouse.outbox import candidate_items, clear_outbox

    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "copy.duckdb"
        shutil.copyfile(path, copy)
        con = connect(copy)
        try:
            clear_outbox(con)
            return candidate_items(con, recipient)
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
    parser.add_argument("--warehouse", type=Path, default=Path("claimwatch.duckdb"),
                        help="a claimwatch DuckDB file (default: ./claimwatch.duckdb)")
    parser.add_argument("--recipient", default="reader@localhost")
    parser.add_argument("--out", type=Path, default=Path("digest-sample.html"))
    parser.add_argument("--png", type=Path, help="also screenshot it to this PNG with headless Chromium")
    parser.add_argument("--width", type=int, default=420)
    parser.add_argument("--height", type=int, default=1200)
    args = parser.parse_args(argv)
    if not args.warehouse.exists():
        raise SystemExit(f"no warehouse at {args.warehouse}: run 'claimwatch run' first")
    items = warehouse_items(args.warehouse, args.recipient)
    day = date.today()
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
