"""Extraction of companies, quantitative claims and disputes from articles (spaCy, no I/O).

Public entry points: ``Extractor`` (``extract`` / ``extract_many``), ``quantities_for`` and
``EXTRACTOR_VERSION``. Import the submodules for the individual rules.
"""

from claimwatch.extractors.pipeline import EXTRACTOR_VERSION, Extractor, quantities_for

__all__ = ["EXTRACTOR_VERSION", "Extractor", "quantities_for"]
