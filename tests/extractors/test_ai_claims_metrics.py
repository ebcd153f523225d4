"""The AI metrics (automation, human involvement, accuracy, errors, bots, AI-built share) and
other_kind, on invented sentences in English and French, through the whole pipeline."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from claimwatch.config import CompaniesConfig
from claimwatch.extractors import Extractor
from claimwatch.extractors.ai_claims import classify, clause_of
from claimwatch.extractors.models import Quantity
from claimwatch.records import AI_METRICS, METRICS, Article

COMPANIES = ["Orderly", "Commandia", "Quillbyte", "Scanwise", "Vigilo", "Chirpnet", "Gizmo Labs",
             "Voltrack"]


@pytest.fixture(scope="module")
def extractor():
    return Extractor(companies=CompaniesConfig(watchlist=COMPANIES))


def _rows(extractor, text, language):
    article = Article("t1", None, "", "test feed", datetime(2025, 6, 1, tzinfo=timezone.utc),
                      language, text)
    return {(c.company, c.metric, c.value, c.unit, c.other_kind)
            for c in extractor.extract(article).claims}


def test_ai_claims_metric_names_are_in_the_schema():
    assert set(AI_METRICS) <= set(METRICS) and "other" in METRICS


@pytest.mark.parametrize("text,language,expected", [
    ("Orderly said its voice assistant takes 92% of drive-in orders without any human help.", "en",
     ("Orderly", "automation_rate", 92, "percent", "orders")),
    ("A filing by Orderly shows that remote staff step in on 64% of orders.", "en",
     ("Orderly", "human_involvement", 64, "percent", "orders")),
    ("Commandia affirme que son assistant vocal traite 90 % des commandes sans intervention "
     "humaine.", "fr", ("Commandia", "automation_rate", 90, "percent", "commandes")),
    ("Selon un document, des opérateurs interviennent sur 60 % des commandes de Commandia.", "fr",
     ("Commandia", "human_involvement", 60, "percent", "commandes")),
    ("Hundreds of engineers were behind the Quillbyte app builder, which it sold as AI, writing "
     "code by hand.", "en", ("Quillbyte", "human_involvement", 100, "count", "engineers")),
    ("L'IA de Quillbyte reposait en réalité sur 400 développeurs qui codaient à la main.", "fr",
     ("Quillbyte", "human_involvement", 400, "count", "développeurs")),
    ("Scanwise says its scanner detects 98% of weapons.", "en",
     ("Scanwise", "accuracy", 98, "percent", "weapons")),
    ("Vigilo affirme que son portique détecte 97 % des armes.", "fr",
     ("Vigilo", "accuracy", 97, "percent", "armes")),
    ("In field tests, the Scanwise scanner missed 38% of knives.", "en",
     ("Scanwise", "error_rate", 38, "percent", "knives")),
    ("Lors des essais, le portique de Vigilo a raté 35 % des couteaux.", "fr",
     ("Vigilo", "error_rate", 35, "percent", "couteaux")),
    ("Chirpnet admitted that 45% of its accounts were bots.", "en",
     ("Chirpnet", "bot_share", 45, "percent", "accounts")),
    ("Chirpnet reconnaît que 40 % de ses comptes sont des faux comptes.", "fr",
     ("Chirpnet", "bot_share", 40, "percent", "comptes")),
    ("Quillbyte claims 85% of each app is built by its AI.", "en",
     ("Quillbyte", "ai_built_share", 85, "percent", "app")),
    ("Quillbyte soutenait que 85 % de son logiciel avait été écrit par l'IA.", "fr",
     ("Quillbyte", "ai_built_share", 85, "percent", "logiciel")),
])
def test_ai_claims_metric_and_kind_both_languages(extractor, text, language, expected):
    assert expected in _rows(extractor, text, language)


@pytest.mark.parametrize("text,language", [
    ("Orderly said its bot completed 92% of calls on its own, but a filing shows 58% of calls "
     "needed a human agent.", "en"),
    ("Commandia affirmait que son IA gérait 92 % des appels seule, alors que 58 % des appels "
     "nécessitaient un agent humain.", "fr"),
])
def test_ai_claims_each_clause_gets_its_own_metric(extractor, text, language):
    metrics = {(c[1], c[2]) for c in _rows(extractor, text, language)}
    assert ("automation_rate", 92) in metrics and ("human_involvement", 58) in metrics


def test_ai_claims_other_kind_for_units_reservations_and_money(extractor):
    rows = _rows(extractor, "Gizmo Labs sold 12,000 units of its pin. Voltrack has taken 3,000 "
                            "reservations, each backed by a refundable $900 deposit.", "en")
    assert ("Gizmo Labs", "units", 12_000, "count", "units sold") in rows
    assert ("Voltrack", "other", 3_000, "count", "reservations") in rows
    assert ("Voltrack", "other", 900, "USD", "deposits") in rows


def test_ai_claims_no_ai_metric_without_its_cue(extractor):
    rows = _rows(extractor, "Voltrack's revenue rose 20% last year. Orderly has 300 engineers in "
                            "two offices.", "en")
    assert {r[1] for r in rows} == {"growth", "employees"}


def test_ai_claims_clause_of_cuts_at_but_and_mais():
    sentence = "It said 90% ran alone, but 60% needed a person."
    lo, hi = clause_of(sentence, sentence.index("60%"), sentence.index("60%") + 3)
    assert sentence[lo:hi].strip() == "60% needed a person."
    fr = "Elle gérait 90 % seule, mais 60 % demandaient un humain."
    lo, hi = clause_of(fr, fr.index("90 %"), fr.index("90 %") + 4)
    assert "60" not in fr[lo:hi]


def test_ai_claims_classify_keeps_a_named_metric_it_cannot_improve():
    sentence = "Voltrack raised $30 million in a Series B."
    start = sentence.index("$30 million")
    q = Quantity("$30 million", start, start + 11, 30e6, 30e6, 30e6, "USD")
    figure = classify(sentence, q, "funding")
    assert (figure.metric, figure.other_kind, figure.keep) == ("funding", None, None)


@pytest.mark.parametrize("text,language,expected", [
    ("Orderly's chatbot was correct only 30% of the time, testers found.", "en",
     ("Orderly", "accuracy", 30, "percent", "time")),
    ("Quillbyte's model hallucinated in 27% of answers.", "en",
     ("Quillbyte", "error_rate", 27, "percent", "answers")),
    ("Le modèle de Quillbyte commet des erreurs dans 27 % des réponses.", "fr",
     ("Quillbyte", "error_rate", 27, "percent", "réponses")),
    ("Orderly says 700 out of every 1,000 checkout sales had to be reviewed by workers.", "en",
     ("Orderly", "human_involvement", 70, "percent", "sales")),
])
def test_ai_claims_rates_of_answers_and_reviewed_sales(extractor, text, language, expected):
    assert expected in _rows(extractor, text, language)


@pytest.mark.parametrize("text,language", [
    ("Orderly's assistant is doing the work of 700 full-time agents.", "en"),
    ("L'assistant d'Orderly fait l'équivalent de 700 conseillers.", "fr"),
])
def test_ai_claims_people_replaced_are_not_people_behind(extractor, text, language):
    rows = _rows(extractor, text, language)
    assert {r[1] for r in rows} == {"other"} and all(r[4].endswith("replaced") for r in rows)


@pytest.mark.parametrize("text,language", [
    ("Orderly says its kitchen is now 90% automated.", "en"),
    ("Commandia affirme que sa chaîne est automatisée à 90 %.", "fr"),
])
def test_ai_claims_percent_automated(extractor, text, language):
    assert any(r[1] == "automation_rate" and r[2] == 90 for r in _rows(extractor, text, language))


@pytest.mark.parametrize("text,language,metric", [
    ("Scanwise's error rate fell to 2% in the quarter.", "en", "error_rate"),
    ("Le taux d'erreur de Vigilo est tombé à 2 %.", "fr", "error_rate"),
    ("Voltrack's revenue rose 2%, helped by fewer errors.", "en", "growth"),
])
def test_ai_claims_a_named_rate_beats_a_change_verb(extractor, text, language, metric):
    assert {r[1] for r in _rows(extractor, text, language)} == {metric}


@pytest.mark.parametrize("text,language,metric,value", [
    ("L'application de Quillbyte a été codée à 80 % par l'IA.", "fr", "ai_built_share", 80),
    ("Le portique de Vigilo affiche un taux de fausses alertes de 30 %.", "fr", "error_rate", 30),
    ("Chirpnet revendique 2 millions d'utilisateurs, dont 40 % de faux comptes.", "fr",
     "bot_share", 40),
    ("Scanwise's gates raised false alarms 50% of the time, an audit found.", "en",
     "error_rate", 50),
])
def test_ai_claims_more_phrasings(extractor, text, language, metric, value):
    assert any(r[1] == metric and r[2] == value for r in _rows(extractor, text, language))


@pytest.mark.parametrize("text,language,expected", [
    ("Documents allege that nearly 3 million fake accounts were created at Chirpnet.", "en",
     ("Chirpnet", "other", 2_700_000, "count", "fake accounts")),
    ("Chirpnet had five million student users across 4,000 schools.", "en",
     ("Chirpnet", "other", 4_000, "count", "schools")),
    ("Quillbyte boasted 30,000 features shipped a year.", "en",
     ("Quillbyte", "other", 30_000, "count", "features shipped")),
])
def test_ai_claims_counts_that_are_neither_users_nor_units(extractor, text, language, expected):
    rows = _rows(extractor, text, language)
    assert any(r[0] == expected[0] and r[1] == expected[1] and r[3] == expected[3]
               and r[4] == expected[4] for r in rows), rows
