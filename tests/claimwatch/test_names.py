"""The one company-name key and legal-suffix table."""

from __future__ import annotations

import re

from claimwatch.extractors.companies import normalize_company
from claimwatch.names import LEGAL_PATTERN_CASED, company_key, strip_legal_suffix


def test_names_key_folds_case_legal_forms_and_possessives():
    assert company_key("Quillstone, Inc.") == company_key("QUILLSTONE LTD") == "quillstone"
    assert company_key("Quillstone's") == company_key("Quillstone’s") == "quillstone"
    assert company_key("Hexa Labs SAS") == "hexa labs"
    assert company_key("Brume GmbH") == company_key("Brume plc") == "brume"


def test_names_key_keeps_domain_names_apart_from_the_bare_word():
    assert company_key("Tallow.ai") == company_key("Tallow AI") == "tallow ai"
    assert company_key("Tallow") != company_key("Tallow.ai")


def test_names_extraction_and_warehouse_share_the_key():
    for name in ("Quillstone, Inc.", "Tallow.ai", "Écho Labs", "Brume GmbH"):
        assert normalize_company(name) == company_key(name)


def test_names_strip_legal_suffix_keeps_a_bare_legal_word():
    assert strip_legal_suffix("Quillstone, Inc.") == "Quillstone"
    assert strip_legal_suffix("Inc") == "Inc"


def test_names_cased_pattern_does_not_take_co_founder_for_a_legal_form():
    legal_after = re.compile(rf"^\s+{LEGAL_PATTERN_CASED}\b(?!-)")
    assert legal_after.match(" Inc said")
    assert legal_after.match(" GmbH")
    assert not legal_after.match(" co-founder")
