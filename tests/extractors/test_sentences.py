from claimwatch.extractors.sentences import is_candidate, split_sentences


def _split(text):
    return [text[s:e] for s, e in split_sentences(text)]


def test_sentences_split_on_punctuation_and_newlines_not_abbreviations():
    text = "Acme Inc. raised $1.5 billion. The U.S. firm grew 40%!\nMr. Smith left. Builder.ai is next."
    assert _split(text) == ["Acme Inc. raised $1.5 billion.", "The U.S. firm grew 40%!",
                            "Mr. Smith left.", "Builder.ai is next."]


def test_sentences_split_french():
    text = "La start-up a levé 10 millions d'euros. Elle compte 50 salariés."
    assert _split(text) == ["La start-up a levé 10 millions d'euros.", "Elle compte 50 salariés."]


def test_sentences_candidate_needs_number_or_dispute_cue():
    assert is_candidate("It has 300 customers.")
    assert is_candidate("It has three hundred customers.")
    assert is_candidate("Elle compte trois cents clients.")
    assert is_candidate("Staff said the figures were inflated.")
    assert is_candidate("Des chiffres gonflés, selon d'anciens salariés.")
    assert not is_candidate("The company declined to comment.")
    assert not is_candidate("L'entreprise n'a pas répondu.")


def test_sentences_candidate_words_come_from_the_number_tables():
    from claimwatch.extractors.numbers import NUMBER_WORDS, figure_words
    from claimwatch.extractors.sentences import is_candidate

    words = figure_words()
    assert "quarante" in words and "seventy" in words and "moitié" in words
    assert words >= set(NUMBER_WORDS["fr"]) - {"un", "une"}
    assert is_candidate("Roughly seventy engineers reviewed each order by hand.")
    assert is_candidate("Quarante salariés ont quitté l'entreprise.")
    assert not is_candidate("One of them left the company.")


def test_sentences_figure_word_is_a_whole_word_in_any_case():
    from claimwatch.extractors.sentences import _CANDIDATE, _has_figure_word
    cases = ["Forty engineers joined Brantley last spring", "BRANTLEY HIRED FORTY ENGINEERS",
             "Brantley's fortyish founder spoke", "Seventeenth-century maps inspired Velmora",
             "Velmora vise la moitié du marché", "Velmora a visé zéro défaut, selon Aurélie",
             "Velmora a vu ses ventes croître, dit Aurélie", "Quillo hired a dozen"]
    assert [_has_figure_word(s) for s in cases] == [True, True, False, False, True, True, False, True]
    assert all(_has_figure_word(s) == bool(_CANDIDATE.search(s)) for s in cases)
