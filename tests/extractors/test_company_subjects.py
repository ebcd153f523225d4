from claimwatch.extractors.company_subjects import (
    descriptor_spans, genitive_spans, is_source_org, split_after_source, subject_spans,
    trim_place,
)


def _names(text, spans):
    return [text[s:e] for s, e in spans]


def test_company_subjects_name_before_business_verb_en_fr():
    fr = "Selon nos informations, Ébène Robotique a bouclé un tour de table de 9 millions."
    assert _names(fr, subject_spans(fr)) == ["Ébène Robotique"]
    en = "Last year, Quartzline booked $40 million in orders."
    assert _names(en, subject_spans(en)) == ["Quartzline"]
    assert subject_spans("Selon des documents, il a levé 3 millions.") == []


def test_company_subjects_descriptor_and_genitive_fr():
    text = "La jeune pousse toulousaine Mirabelle compte 40 salariés."
    assert _names(text, descriptor_spans(text)) == ["Mirabelle"]
    text = "La valorisation d'Érable Santé atteint 200 millions d'euros."
    assert _names(text, genitive_spans(text)) == ["Érable Santé"]
    # an English capitalised noun phrase is no descriptor
    assert descriptor_spans("The Nasdaq Biotech ETF fell 2%.") == []


def test_company_subjects_used_product_is_a_name():
    text = "About 80,000 people use Lantern Docs every day."
    assert _names(text, genitive_spans(text)) == ["Lantern Docs"]


def test_company_subjects_trim_place_prefix():
    text = "Lyon-based Gravelle raised €3 million."
    assert text[slice(*trim_place(text, 0, 19))] == "Gravelle"
    text = "Toronto's Maple Harbor Labs grew fast."
    assert text[slice(*trim_place(text, 0, 27, [(0, 7)]))] == "Maple Harbor Labs"
    text = "Acme's Cloud grew."  # no place: one word after the possessive stays whole
    assert trim_place(text, 0, 12) == (0, 12)


def test_company_subjects_sources_are_not_claimants():
    text = "Founded by two Stanford dropouts, Pixelmoss has 30 employees."
    start = text.index("Stanford")
    assert is_source_org(text, start, start + len("Stanford"))
    text = "Sensor Tower estimates the app has 2 million users."
    assert is_source_org(text, 0, len("Sensor Tower"))
    text = "Selon Les Échos, Pivert a levé 5 millions."
    start = text.index("Échos")
    assert is_source_org(text, start, start + 5)
    assert not is_source_org("Pivert a levé 5 millions.", 0, 6)


def test_company_subjects_split_after_source():
    text = "According to PitchBook, Arbor Nine raised $8 million."
    start, end = text.index("PitchBook"), text.index(" raised")
    assert _names(text, split_after_source(text, start, end)) == ["PitchBook", "Arbor Nine"]
    text = "Harbeson, Fleming & Co reported a gain."
    assert split_after_source(text, 0, 22) == [(0, 22)]
