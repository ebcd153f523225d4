"""Loading spaCy for extraction: without its command line, and safely from several threads."""

from __future__ import annotations

import subprocess
import sys

_THREADS = """
import sys, threading
from claimwatch.extractors.spacy_loading import import_spacy
results, errors = [], []
def work():
    try:
        results.append(callable(import_spacy().load))
    except Exception as exc:  # reported below
        errors.append(repr(exc))
threads = [threading.Thread(target=work) for _ in range(6)]
for t in threads: t.start()
for t in threads: t.join()
print(len(results), all(results), errors, "spacy.cli" in sys.modules)
"""


def test_spacy_loading_threads_all_get_a_whole_module():
    # a fresh interpreter: spaCy not imported yet, six threads ask for it at once
    out = subprocess.run([sys.executable, "-c", _THREADS], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["6", "True", "[]", "False"]
