"""Issue 12: the right company and the right source on reporting-style text (own sentences,
English and French): counterparties never get the figure, "the company" / "elle" resolve to
the article's company, a converted amount is one claim, a headline figure repeated is one."""

from datetime import datetime, timezone

import pytest

from claimwatch.extractors import Extractor
from claimwatch.records import Article


@pytest.fixture(scope="module")
def extractor():
    return Extractor()


def _extract(extractor, title, text, language):
    article = Article("rc", None, title, "test", datetime(2025, 5, 2, tzinfo=timezone.utc),
                      language, text)
    return extractor.extract(article)


def _rows(result):
    return {(c.company, c.value, c.unit, c.claimed_by) for c in result.claims}


def test_pipeline_right_company_investor_and_acquirer_never_get_the_figure(extractor):
    text = ("Quokka Freight, a logistics startup, sells routing software to hauliers. "
            "The company, valued at $900 million after a $120 million investment by Halvard "
            "Group, said it had 800 customers. In 2022, Brindle Bank paid $310 million to buy "
            "Quokka Freight.")
    result = _extract(extractor, "Inside Quokka Freight's numbers", text, "en")
    companies = {c.company for c in result.claims}
    assert companies == {"Quokka Freight"}
    assert {c.value for c in result.claims} >= {900e6, 120e6, 800, 310e6}


def test_pipeline_right_company_french_investor_and_lender_never_get_the_figure(extractor):
    text = ("Pivoine Data, une jeune pousse lyonnaise, vend des outils d'analyse. "
            "En 2023, Fonds Ardoise avait investi 40 millions d'euros dans Pivoine Data. "
            "Son principal créancier, Banque Mirabelle, a saisi 6 millions d'euros d'actifs "
            "de l'entreprise.")
    result = _extract(extractor, "Pivoine Data, la chute", text, "fr")
    assert {c.company for c in result.claims} == {"Pivoine Data"}
    assert {c.value for c in result.claims} == {40e6, 6e6}


def test_pipeline_right_company_references_resolve_to_the_article_company(extractor):
    en = ("Larkspur Robotics builds warehouse arms. Larkspur Robotics was founded in 2019. "
          "Backed by Teal Ventures, the startup now employs 240 people, according to "
          "documents seen by reporters.")
    result = _extract(extractor, "Larkspur Robotics struggles", en, "en")
    assert _rows(result) == {("Larkspur Robotics", 240, "count", "reporter")}
    fr = ("Coquelicot Santé développe des logiciels pour les cliniques. Coquelicot Santé a été "
          "fondée à Nantes. Soutenue par Capital Ormeau, elle a levé 18 millions d'euros, "
          "d'après des documents consultés par la rédaction.")
    result = _extract(extractor, "Coquelicot Santé, une ascension rapide", fr, "fr")
    assert _rows(result) == {("Coquelicot Santé", 18e6, "EUR", "reporter")}


def test_pipeline_right_company_product_name_counts_for_its_maker(extractor):
    text = ("Ombra makes a pocket assistant called the Ombra Z2. Ombra said it has sold "
            "60,000 units of the Ombra Z2 since launch.")
    result = _extract(extractor, "Ombra Z2 sales disappoint", text, "en")
    assert {c.company for c in result.claims} == {"Ombra"}


def test_pipeline_right_company_plain_narration_is_reported(extractor):
    en = _extract(extractor, "Tidewell", "Tidewell has 35 employees and sells to 400 bakeries.",
                  "en")
    assert {c.claimed_by for c in en.claims} == {"reporter"}
    fr = _extract(extractor, "Tidewell", "Tidewell compte 35 salariés.", "fr")
    assert {c.claimed_by for c in fr.claims} == {"reporter"}


def test_pipeline_right_company_converted_amount_is_one_claim(extractor):
    en = _extract(extractor, "Merrow raises", "Merrow raised $200m (£160m) from investors.", "en")
    assert [(c.value, c.unit, c.alt_value, c.alt_unit) for c in en.claims] == [
        (200e6, "USD", 160e6, "GBP")]
    fr = _extract(extractor, "Merrow lève des fonds", "Merrow a levé 300 millions de dollars "
                  "(270 millions d'euros) auprès de ses investisseurs.", "fr")
    assert [(c.value, c.unit, c.alt_value, c.alt_unit) for c in fr.claims] == [
        (300e6, "USD", 270e6, "EUR")]


def test_pipeline_right_company_headline_figure_repeated_is_one_claim(extractor):
    text = ("Sorrel Pay has raised $45 million, its chief executive told reporters. The round "
            "was led by Granite Peak.")
    result = _extract(extractor, "Sorrel Pay raises $45 million", text, "en")
    funding = [c for c in result.claims if c.value == 45e6]
    assert len(funding) == 1
    assert funding[0].sentence_index > 0 and funding[0].claimed_by == "company"


def test_pipeline_right_company_french_currency_carried_from_earlier(extractor):
    text = ("Mimosa a levé 25 millions d'euros cette année. Avec les 60 millions déjà levés, "
            "son financement total dépasse 85 millions.")
    result = _extract(extractor, "Mimosa", text, "fr")
    assert {(c.value, c.unit) for c in result.claims} >= {(25e6, "EUR"), (60e6, "EUR"),
                                                          (85e6, "EUR")}


def test_pipeline_right_company_company_claim_against_documents(extractor):
    en = ("Vesper Labs told investors it had $12 million in annual recurring revenue. "
          "Internal documents show Vesper Labs had closer to $4 million.")
    result = _extract(extractor, "Vesper Labs' revenue", en, "en")
    assert {(c.value, c.claimed_by) for c in result.claims} == {(12e6, "company"),
                                                               (4e6, "reporter")}
    fr = ("Vesper Labs affirmait réaliser 12 millions de dollars de revenus récurrents. "
          "Selon des documents internes, Vesper Labs en réalisait plutôt 4 millions.")
    result = _extract(extractor, "Vesper Labs", fr, "fr")
    assert {(c.value, c.claimed_by) for c in result.claims} == {(12e6, "company"),
                                                               (4e6, "reporter")}


def test_pipeline_right_company_publication_and_former_executive_are_sources(extractor):
    text = ("Lumora, a payments startup, said it processed $2 billion in payments last year. "
            "But a review by the Harbour Ledger found the real total was closer to $600 "
            "million. The startup's former CFO told regulators that Lumora had only 90 paying "
            "customers, not the 1,200 it advertised.")
    result = _extract(extractor, "Fintech Lumora faces questions", text, "en")
    assert {c.company for c in result.claims} == {"Lumora"}
    assert {(c.value, c.claimed_by) for c in result.claims} == {
        (2e9, "company"), (600e6, "reporter"), (90, "reporter"), (1200, "company")}
    fr = ("Lumora, une start-up de paiement, affirme avoir traité 2 milliards d'euros de "
          "paiements. Selon une enquête du Courrier Financier, le montant réel serait plutôt "
          "de 600 millions.")
    result = _extract(extractor, "Lumora, la fintech qui gonflait ses chiffres", fr, "fr")
    assert {c.company for c in result.claims} == {"Lumora"}
    assert {(c.value, c.claimed_by) for c in result.claims} == {
        (2e9, "company"), (600e6, "reporter")}


@pytest.mark.parametrize("language,title,text,expected", [
    ("en", "Corvid Motors cuts its goals", "Corvid Motors builds trucks. The automaker had promised to reach $50 million in sales.", "company"),
    ("en", "Corvid Labs", "Corvid Labs employs about 300 people and says it serves 7,000 shops.", "company"),
    ("en", "Corvid Labs", "Corvid Labs reported a net loss of $12 million, according to its annual filing.",
     "reporter"),
    ("en", "Corvid Labs", "Corvid Labs told investors it had 500 customers when it actually had fewer "
                     "than 90.", "reporter"),
    ("fr", "Corvid Labs", "Corvid Labs dit compter plus de 9 000 utilisateurs payants.", "company"),
    ("fr", "Corvid Labs", "Corvid Labs compte atteindre 20 millions d'euros de revenus d'ici 2027.", "company"),
    ("fr", "Corvid Labs", "Corvid Labs a fêté ses cinq ans en annonçant 80 000 utilisateurs.", "company"),
])
def test_pipeline_right_company_last_figure_source(extractor, language, title, text, expected):
    result = _extract(extractor, title, text, language)
    assert result.claims and result.claims[-1].claimed_by == expected


def test_pipeline_right_company_product_and_share_of_orders(extractor):
    en = ("In a filing, the firm said that more than 60 percent of the calls its Kestrel Voice "
          "assistant takes still need a human agent.")
    result = _extract(extractor, "Call-centre AI still needs people", en, "en")
    assert [(c.company, c.value, c.unit) for c in result.claims] == [("Kestrel", 60, "percent")]
    fr = ("La start-up Kestrel Labs vend des assistants vocaux. Dans un document déposé, "
          "l'entreprise reconnaît que plus de 60 % des appels traités par son assistant exigent "
          "encore un humain.")
    result = _extract(extractor, "L'IA des centres d'appel", fr, "fr")
    assert [(c.company, c.value, c.unit) for c in result.claims] == [
        ("Kestrel Labs", 60, "percent")]


def test_pipeline_right_company_sector_noun_marks_the_company(extractor):
    fr = ("Fondée en 2018 par Aline Morvan, Pennybright est une assurtech lyonnaise. "
          "La société a levé 85 millions de dollars auprès de Fonds Chardon.")
    result = _extract(extractor, "Pennybright, l'assurtech qui a trop promis", fr, "fr")
    assert [(c.company, c.value, c.unit) for c in result.claims] == [
        ("Pennybright", 85e6, "USD")]


def test_pipeline_right_company_rival_keeps_its_own_figure(extractor):
    en = ("Brightloom sells scheduling software to clinics. Rival Tidemark Systems reported "
          "revenue of $300 million last year.")
    result = _extract(extractor, "Brightloom's growth questioned", en, "en")
    assert [(c.company, c.value) for c in result.claims] == [("Tidemark Systems", 300e6)]
    fr = ("Brightloom vend des logiciels aux cliniques. Son concurrent Tidemark Systems a réalisé "
          "300 millions d'euros de chiffre d'affaires l'an dernier.")
    result = _extract(extractor, "Brightloom, une croissance contestée", fr, "fr")
    assert [(c.company, c.value) for c in result.claims] == [("Tidemark Systems", 300e6)]
