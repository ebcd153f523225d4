"""One package, one import root: every stage is importable as claimwatch.<stage>, and only so."""

from __future__ import annotations

import importlib
import pkgutil
import subprocess
import sys

import claimwatch

STAGES = ("extractors", "ingest", "warehouse", "digest", "flows")


def test_package_every_module_imports_under_claimwatch_only():
    code = (
        "import importlib, pkgutil, sys, claimwatch\n"
        "for stage in %r:\n"
        "    package = importlib.import_module('claimwatch.' + stage)\n"
        "    for info in pkgutil.walk_packages(package.__path__, package.__name__ + '.'):\n"
        "        importlib.import_module(info.name)\n"
        "import claimwatch.cli\n"
        "print(sorted({m.split('.')[0] for m in sys.modules if m.split('.')[0] in %r}))\n"
        "print(len([m for m in sys.modules if m.startswith('claimwatch.')]))\n" % (STAGES, STAGES))
    # a fresh interpreter outside the repository, so nothing but the installed package is on the path
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd="/",
                            check=True)
    top_level, loaded = result.stdout.split("\n")[:2]
    assert top_level == "[]"  # no stage loaded a second time under a bare top-level name
    assert int(loaded) > 40


def test_package_stage_folders_are_subpackages():
    for stage in STAGES:
        module = importlib.import_module(f"claimwatch.{stage}")
        assert module.__name__ == f"claimwatch.{stage}"
        assert any(True for _ in pkgutil.iter_modules(module.__path__))
    assert claimwatch.__version__
