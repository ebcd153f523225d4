"""A progress bar for long interactive work (import, reprocess); silent when not on a terminal."""

from __future__ import annotations

import sys
from collections.abc import Callable


def progress_bar(total: int, label: str) -> Callable[..., None]:
    """Return ``advance(n, done=False)``; draws a rich bar on a TTY when there is real work."""
    if total < 200 or not sys.stderr.isatty():
        return lambda n, done=False: None
    from rich.progress import Progress
    bar = Progress(transient=False)
    task_id = bar.add_task(label, total=total)
    bar.start()

    def advance(n: int, done: bool = False) -> None:
        bar.advance(task_id, n)
        if done:
            bar.stop()

    return advance
