"""The article's company: mentions everywhere, title and lede weighted, counterparties and
descriptors left out, products counted for their maker (own sentences)."""

from claimwatch.extractors.companies import OrgSpan, normalize_company
from claimwatch.extractors.subject import subject_company


def _spans(sentences, names):
    out = {}
    for index, text in sentences:
        found = []
        for name in names:
            start = text.find(name)
            if start >= 0:
                found.append(OrgSpan(start, start + len(name), name, normalize_company(name)))
        out[index] = found
    return out


def test_subject_company_counterparty_mentions_do_not_count():
    sentences = [(0, "Harlow Bank accuses Corvid of inflating its numbers"),
                 (1, "Harlow Bank paid $90 million to buy Corvid in 2021."),
                 (2, "Corvid had claimed 4 million users."),
                 (3, "Corvid said the figures were accurate.")]
    assert subject_company(sentences, _spans(sentences, ["Harlow Bank", "Corvid"])) == (
        "corvid", "Corvid")


def test_subject_company_counts_sentences_without_figures_and_french_roles():
    sentences = [(0, "Une levée record"),
                 (1, "Fonds Pluvier a investi 12 millions d'euros dans Mésange."),
                 (2, "Mésange développe des robots agricoles."),
                 (3, "Mésange emploie des ingénieurs à Rennes.")]
    spans = _spans(sentences[:2], ["Fonds Pluvier", "Mésange"])
    assert subject_company(sentences, spans, "fr") == ("mésange", "Mésange")


def test_subject_company_product_counts_for_maker_and_descriptors_never_win():
    sentences = [(0, "Self-serve AI is not there yet"), (1, "The Ombra Z2 sold poorly."),
                 (2, "Ombra Z2 owners complained.")]
    spans = _spans(sentences, ["Self-serve AI", "Ombra Z2"])
    assert subject_company(sentences, spans) == ("ombra", "Ombra")
    assert subject_company([(0, "Nothing here")], {0: []}) is None
