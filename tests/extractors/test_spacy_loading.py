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


def test_spacy_loading_saved_tokenizer_differing_from_defaults_is_read(tmp_path):
    # a pipeline whose saved tokenizer has a rule the language defaults lack: the rule must load
    import spacy
    from claimwatch.extractors.spacy_loading import load_pipeline
    nlp = spacy.blank("en")
    nlp.tokenizer.add_special_case("zorbleflux", [{"ORTH": "zorble"}, {"ORTH": "flux"}])
    nlp.to_disk(tmp_path / "model")
    loaded = load_pipeline(str(tmp_path / "model"), ())
    assert [t.text for t in loaded("Quennor sold zorbleflux kits.")] == [
        "Quennor", "sold", "zorble", "flux", "kits", "."]


def test_spacy_loading_saved_tokenizer_equal_to_defaults_tokenizes_the_same(tmp_path):
    import spacy
    from claimwatch.extractors.spacy_loading import load_pipeline
    spacy.blank("en").to_disk(tmp_path / "model")
    loaded = load_pipeline(str(tmp_path / "model"), ())
    plain = spacy.load(tmp_path / "model")
    text = "Dr. Vellan's startup, Quorvex Inc., can't raise $4.5m (U.S.) by 5 p.m. -- or won't."
    assert [t.text for t in loaded(text)] == [t.text for t in plain(text)]
    assert loaded.tokenizer.to_bytes(exclude=["vocab"]) == plain.tokenizer.to_bytes(exclude=["vocab"])
