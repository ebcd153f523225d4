"""A name the title accuses is the article's company even when the tagger missed it
(own sentences, English and French)."""

from claimwatch.extractors.companies import OrgSpan, normalize_company
from claimwatch.extractors.subject import subject_company


def _spans(sentences, names):
    out = {}
    for index, text in sentences:
        out[index] = [OrgSpan(text.find(n), text.find(n) + len(n), n, normalize_company(n))
                      for n in names if n in text]
    return out


def test_subject_accused_in_title_wins_over_the_accuser():
    sentences = [(0, "Harlow Bank accuses Quill of faking its members"),
                 (1, "Harlow Bank spent $90 million on what it thought was a thriving app."),
                 (2, "Harlow Bank says the list was bought from a broker.")]
    # the tagger found only the bank
    assert subject_company(sentences, _spans(sentences, ["Harlow Bank"])) == ("quill", "Quill")


def test_subject_accused_in_title_french():
    sentences = [(0, "Le fonds Pluvier accuse Mésange de chiffres gonflés"),
                 (1, "Pluvier a investi 30 millions d'euros."),
                 (2, "Pluvier affirme que les clients n'existaient pas.")]
    assert subject_company(sentences, _spans(sentences, ["Pluvier"]), "fr") == (
        "mésange", "Mésange")


def test_subject_accused_in_title_absent_leaves_the_counting_rule():
    sentences = [(0, "Harlow Bank reports record profit"),
                 (1, "Harlow Bank earned $2 billion.")]
    assert subject_company(sentences, _spans(sentences, ["Harlow Bank"])) == (
        "harlow bank", "Harlow Bank")
