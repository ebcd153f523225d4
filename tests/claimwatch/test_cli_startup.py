"""What `claimwatch extract` loads: only the pipelines the articles need, no heavy module it does
not use (a fresh interpreter each time; no timing here, see benchmarks/startup.py)."""

from __future__ import annotations

import json
import subprocess
import sys

_PROBE = """
import contextlib, io, json, sys
from claimwatch.cli import main
with contextlib.redirect_stdout(io.StringIO()) as out:
    code = main(["extract", sys.argv[1]])
heavy = ("spacy.lang.fr", "spacy.cli", "prefect", "duckdb", "trafilatura", "httpx", "feedparser", "pyarrow")
loaded = sorted(name for name in heavy if name in sys.modules)
import spacy.cli  # still importable afterwards
print(json.dumps({"code": code, "claims": len(out.getvalue().splitlines()), "loaded": loaded,
                  "spacy_cli": spacy.cli.__name__, "info": callable(spacy.info)}))
"""


def _probe(tmp_path, articles: list[dict]) -> dict:
    archive = tmp_path / "a.jsonl"
    archive.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", _PROBE, str(archive)], capture_output=True, text=True,
                          timeout=300, cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_cli_startup_english_extract_loads_no_french_and_no_heavy_module(tmp_path):
    result = _probe(tmp_path, [{"id": "e1", "title": "Marrowfield raises",
                                "text": "Marrowfield, a Leeds startup, said its revenue reached $6 million in 2024."}])
    assert result["code"] == 0 and result["claims"] >= 1
    assert result["loaded"] == []
    assert result["spacy_cli"] == "spacy.cli" and result["info"]


def test_cli_startup_french_article_loads_the_french_pipeline(tmp_path):
    result = _probe(tmp_path, [{"id": "f1", "title": "Brivelle lève des fonds", "language": "fr",
                                "text": "Brivelle, une jeune pousse lyonnaise, a réalisé un chiffre d'affaires "
                                        "de 4 millions d'euros en 2024."}])
    assert result["code"] == 0 and result["claims"] >= 1
    assert result["loaded"] == ["spacy.lang.fr"]


def test_cli_startup_pipeline_leaves_out_an_unused_tok2vec():
    from claimwatch.extractors.spacy_loading import load_pipeline
    from claimwatch.extractors.pipeline import _UNNEEDED
    from claimwatch.config import ExtractConfig
    model = ExtractConfig().model_en
    assert load_pipeline(model, _UNNEEDED).pipe_names == ["ner"]
    full = load_pipeline(model, ())  # the tagger and parser listen to tok2vec: it stays
    assert "tok2vec" in full.pipe_names and "tagger" in full.pipe_names
