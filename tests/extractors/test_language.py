from claimwatch.extractors.language import detect_language


def test_language_detects_english():
    assert detect_language("The startup said its revenue grew 40% in 2024 and it has 300 customers.") == "en"


def test_language_detects_french_despite_declared_english():
    text = "Selon nos sources, la start-up perdait 70 à 80 % de ses clients depuis le début de l'année."
    assert detect_language(text, declared="en") == "fr"


def test_language_short_text_falls_back_to_declared_then_english():
    assert detect_language("11x", declared="fr-FR") == "fr"
    assert detect_language("11x", declared=None) == "en"
    assert detect_language("11x", declared="de") == "en"
