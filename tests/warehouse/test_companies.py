"""Company resolution across articles: known names win, close spellings merge, others stay apart."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from claimwatch.records import Claim, CompanyMention, Extraction
from claimwatch.records import Article
from claimwatch.warehouse import connect, save_articles, save_extractions
from claimwatch.warehouse.companies import canonical_companies, same_company

T0 = datetime(2025, 3, 1, 12, tzinfo=timezone.utc)


@pytest.mark.parametrize("a, b", [
    ("mistral", "mistral ai"),
    ("builder.ai", "builder ai"),
    ("mistral a.i.", "mistral ai"),
    ("verdant robotics", "verdant robotic"),
])
def test_companies_same_company_merges_spellings_of_one_name(a, b):
    assert same_company(a, b)


@pytest.mark.parametrize("a, b", [
    ("11x", "12x"),                   # digits differ (and too short to guess)
    ("nvidia", "nvidea"),             # short names one letter apart are often other companies
    ("acme 2 labs", "acme 3 labs"),   # digits differ
    ("parcelwise", "barcelwise"),     # first letter differs
    ("orbiton", "orbital"),
])
def test_companies_same_company_keeps_different_companies_apart(a, b):
    assert not same_company(a, b)


def _store(con, n: int, company: str) -> None:
    article_id = f"a{n}"
    save_articles(con, [Article(article_id=article_id, url=f"https://x.example/{n}", title="t", source="s",
                                published_at=T0, language="en", text=f"{company} has $1M ARR.")])
    claim = Claim(article_id=article_id, company=company, metric="arr", value=1e6, value_low=1e6,
                  value_high=1e6, unit="USD", claimed_by="company", sentence=f"{company} has $1M ARR.",
                  quantity_text="$1M", sentence_index=0, char_start=len(company) + 5)
    save_extractions(con, [Extraction(article_id=article_id, language="en",
                                      companies=[CompanyMention(name=company, surface=company)],
                                      claims=[claim])], "test")


def test_companies_new_spelling_is_stored_under_the_known_company(tmp_path):
    con = connect(tmp_path / "w.duckdb")
    _store(con, 1, "Mistral AI")
    _store(con, 2, "Mistral")
    _store(con, 3, "Orbital")
    _store(con, 4, "Orbiton")
    companies = [r[0] for r in con.execute("select company from claims order by article_id").fetchall()]
    assert companies == ["Mistral AI", "Mistral AI", "Orbital", "Orbiton"]
    assert canonical_companies(con, ["mistral", "Unknown Co"]) == {"mistral": "Mistral AI",
                                                                   "Unknown Co": "Unknown Co"}
    con.close()
