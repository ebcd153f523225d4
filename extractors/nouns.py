"""The singular of a counted noun ("employees" -> "employee", "bureaux" -> "bureau"), by rule.

``extract --quantities`` labels a count with the noun it counts, as NewsQuant does, so that "3
employees" and "12 solutions" can be told apart and filtered. The nouns come from
``Quantity.noun`` (the word after the number, as written); this module lemmatises them without
a spaCy lemmatizer (the extraction pipeline leaves it out for speed). English and French.
"""

from __future__ import annotations

__all__ = ["singular"]

_EN_IRREGULAR = {
    "people": "person", "men": "man", "women": "woman", "children": "child", "mice": "mouse",
    "feet": "foot", "teeth": "tooth", "geese": "goose", "criteria": "criterion",
    "phenomena": "phenomenon", "analyses": "analysis", "theses": "thesis", "crises": "crisis",
    "diagnoses": "diagnosis", "indices": "index", "matrices": "matrix", "vertices": "vertex",
    "lives": "life", "wives": "wife", "knives": "knife", "halves": "half", "shelves": "shelf",
    "wolves": "wolf", "thieves": "thief", "leaves": "leaf", "loaves": "loaf", "calves": "calf",
    "heroes": "hero", "potatoes": "potato", "tomatoes": "tomato", "echoes": "echo", "vetoes": "veto",
    "quizzes": "quiz", "buses": "bus", "gases": "gas", "aliases": "alias", "statuses": "status",
    "viruses": "virus", "campuses": "campus", "bonuses": "bonus", "censuses": "census",
    "syllabuses": "syllabus", "caches": "cache", "niches": "niche", "headaches": "headache",
    "avalanches": "avalanche", "moustaches": "moustache", "movies": "movie", "cookies": "cookie",
    "rookies": "rookie", "zombies": "zombie", "pies": "pie", "ties": "tie", "lies": "lie",
    "calories": "calorie", "genies": "genie", "selfies": "selfie", "smoothies": "smoothie",
    "hippies": "hippie", "techies": "techie", "freebies": "freebie", "brownies": "brownie",
}
# Same form in the singular and the plural, or no singular in use.
_EN_SAME = {"staff", "personnel", "data", "media", "series", "species", "news", "sheep", "deer",
            "fish", "aircraft", "software", "hardware", "equipment", "headquarters", "means",
            "premises", "people-hours", "police", "cattle", "offspring", "alumni", "chassis", "corps"}

_FR_IRREGULAR = {
    "yeux": "œil", "travaux": "travail", "baux": "bail", "coraux": "corail", "émaux": "émail",
    "vitraux": "vitrail", "soupiraux": "soupirail", "bijoux": "bijou", "cailloux": "caillou",
    "choux": "chou", "genoux": "genou", "hiboux": "hibou", "joujoux": "joujou", "poux": "pou",
    "landaus": "landau", "pneus": "pneu", "bleus": "bleu", "festivals": "festival", "bals": "bal",
    "récitals": "récital", "carnavals": "carnaval", "chacals": "chacal", "régals": "régal",
    "messieurs": "monsieur", "mesdames": "madame", "mesdemoiselles": "mademoiselle",
}
# Nouns that end in s, x or z in the singular too.
_FR_SAME = {"mois", "fois", "pays", "cas", "temps", "corps", "avis", "devis", "colis", "souris",
            "prix", "choix", "voix", "croix", "poids", "bras", "repas", "procès", "succès", "accès",
            "progrès", "processus", "campus", "virus", "bonus", "corpus", "bus", "héros", "dos",
            "fils", "gaz", "nez", "discours", "parcours", "concours", "cours", "recours", "secours",
            "univers", "abus", "refus", "remords", "taux", "lieux-dits", "frais", "locaux-x"}


def _english(word: str) -> str:
    low = word.lower()
    if low in _EN_IRREGULAR:
        return _EN_IRREGULAR[low]
    if len(word) > 2 and word.endswith("s") and word[:-1].isupper():  # "GPUs", "APIs"
        return word[:-1]
    if low in _EN_SAME or not low.endswith("s") or low.endswith(("ss", "us", "is", "'s", "’s")):
        return low
    if low.endswith("ies") and len(low) > 4:
        return low[:-3] + "y"  # companies, countries, factories
    if low.endswith(("sses", "xes", "zzes", "ches", "shes")):
        return low[:-2]  # businesses, boxes, branches, dishes
    return low[:-1]  # employees, cases, drives


def _french(word: str) -> str:
    low = word.lower()
    if low in _FR_IRREGULAR:
        return _FR_IRREGULAR[low]
    if low in _FR_SAME or len(low) <= 2:
        return low
    if len(word) > 2 and word.endswith("s") and word[:-1].isupper():
        return word[:-1]
    if low.endswith(("eaux", "eux", "oux")):
        return low[:-1]  # bureaux, réseaux, jeux, lieux
    if low.endswith("aux"):
        return low[:-3] + "al"  # journaux, hôpitaux, canaux
    if low.endswith("s") and not low.endswith("ss"):
        return low[:-1]  # salariés, clients, entreprises
    return low


def singular(noun: str | None, language: str = "en") -> str | None:
    """The singular lemma of a counted noun; None stays None. Hyphenated and multi-word nouns
    change their last word only ("start-ups" -> "start-up")."""
    if not noun or not noun.strip():
        return None
    noun = noun.strip()
    head, sep, last = noun.rpartition(" ")
    if not sep:
        head, sep, last = noun.rpartition("-")
    one = _french(last) if language == "fr" else _english(last)
    if sep:
        return f"{head.lower()}{sep}{one}"
    return one
