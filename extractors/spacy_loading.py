"""Loading a spaCy pipeline with only what extraction runs, as fast as a one-article command needs.

Two costs a short ``claimwatch extract`` would otherwise pay on every start:

* ``import spacy`` imports its command line (``spacy.cli``: typer, weasel, httpx, ...) only to
  expose ``spacy.info``; :func:`import_spacy` imports spaCy without it. ``spacy.cli`` stays
  importable (``import spacy.cli`` loads the real one) and ``spacy.info`` still works, loading it
  on first call.
* the shared ``tok2vec`` component is built and its weights read even when no component kept
  listens to it (``en_core_web_sm``'s NER has its own embedding): :func:`load_pipeline` excludes it
  then, after reading the package's ``config.cfg``.
* the tokenizer is built twice: once from the language's defaults when the pipeline is created,
  then again from the package's saved ``tokenizer`` file (~2,700 special cases each time, a
  fifth of a second). :func:`load_pipeline` reads the saved file only when its bytes differ
  from the serialisation of the tokenizer already built (they are equal for the stock models),
  so the tokenizer is the same either way.
"""

from __future__ import annotations

import sys
import threading
import types
from collections.abc import Iterable
from pathlib import Path

__all__ = ["import_spacy", "load_pipeline"]

_STUBS = ("spacy.cli", "spacy.cli.info")
# Extraction batches run on threads: one thread at a time may put the stubs in place, and a thread
# must never be handed a half-imported spaCy (sys.modules holds it while its import runs).
_IMPORT_LOCK = threading.Lock()


def _info(*args, **kwargs):
    from spacy.cli.info import info
    return info(*args, **kwargs)


def import_spacy():
    """The ``spacy`` module, imported without its command line when this process has not
    imported spaCy yet (any failure falls back to a plain import). Thread-safe."""
    with _IMPORT_LOCK:
        return _import_spacy()


def _import_spacy():
    if "spacy" in sys.modules:
        import spacy  # an import statement waits until another thread's import has finished
        return spacy
    stubs = {}
    for name in _STUBS:
        stub = types.ModuleType(name)
        stub.__path__ = []  # a package, so that "from .cli.info import info" resolves to the stub
        stubs[name] = stub
    stubs["spacy.cli.info"].info = _info
    stubs["spacy.cli"].info = stubs["spacy.cli.info"]
    if any(name in sys.modules for name in _STUBS):
        import spacy
        return spacy
    sys.modules.update(stubs)
    try:
        import spacy
    except Exception:  # noqa: BLE001 - whatever went wrong, a plain import decides
        for name in _STUBS:
            sys.modules.pop(name, None)
        for name in [n for n in sys.modules if n == "spacy" or n.startswith("spacy.")]:
            del sys.modules[name]
        import spacy
        return spacy
    for name in _STUBS:
        if sys.modules.get(name) is stubs[name]:
            del sys.modules[name]
    if getattr(spacy, "cli", None) is stubs["spacy.cli"]:
        del spacy.cli  # the next "import spacy.cli" loads the real package
    return spacy


def _config_path(spacy, name: str) -> Path | None:
    try:
        folder = Path(name) if Path(name).is_dir() else spacy.util.get_package_path(name)
    except Exception:  # noqa: BLE001 - not a package we can read: no shortcut
        return None
    found = sorted(Path(folder).glob("config.cfg")) or sorted(Path(folder).glob("*/config.cfg"))
    return found[0] if found else None


def _shared_tok2vec_unused(spacy, name: str, exclude: set[str]) -> bool:
    """True when the model's ``tok2vec`` feeds none of the components that will be kept."""
    path = _config_path(spacy, name)
    if path is None:
        return False
    try:
        config = spacy.util.load_config(path, interpolate=False)
        kept = [c for c in config["nlp"]["pipeline"] if c not in exclude and c != "tok2vec"]
        return not any("Tok2VecListener" in str(config["components"][c]) for c in kept)
    except Exception:  # noqa: BLE001 - an unreadable config: keep tok2vec, as before
        return False


def load_pipeline(name: str, exclude: Iterable[str]):
    """``spacy.load(name, exclude=...)``, also excluding ``tok2vec`` when nothing kept uses it.
    Raises OSError like ``spacy.load`` when the model is not installed."""
    spacy = import_spacy()
    excluded = set(exclude)
    if _shared_tok2vec_unused(spacy, name, excluded):
        excluded.add("tok2vec")
    config = _config_path(spacy, name)
    saved = config.parent / "tokenizer" if config is not None else None
    if saved is None or not saved.is_file() or "tokenizer" in excluded:
        return spacy.load(name, exclude=sorted(excluded))
    nlp = spacy.load(name, exclude=sorted(excluded | {"tokenizer"}))
    _load_tokenizer(nlp, saved)
    return nlp


def _load_tokenizer(nlp, saved: Path) -> None:
    """What ``nlp.from_disk`` does for the tokenizer, skipped when the saved bytes are those of
    the tokenizer already built from the language's defaults."""
    data = saved.read_bytes()
    try:
        same = nlp.tokenizer.to_bytes(exclude=["vocab"]) == data
    except Exception:  # noqa: BLE001 - a tokenizer that cannot say: load the saved one
        same = False
    if not same:
        nlp.tokenizer.from_bytes(data, exclude=["vocab"])
