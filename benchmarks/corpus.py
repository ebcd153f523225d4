"""Benchmark corpora: generated tech-news articles (English and French) and the real saved feeds.

``generate_articles`` is deterministic for a given seed. Its articles mimic the shape of real
tech news as measured on the saved TechCrunch and Verge feeds (about 21 words a sentence; 17 to
27% of sentences hold a digit, a few more a number word): most sentences are filler without a
number, some carry dates or incidental numbers, and about one in seven makes a quantitative
claim (currencies, percentages, counts, ranges, hedges, forecasts, disputes) about a company.
Every sentence comes from this module's own templates.

``load_real_feeds`` parses the public feeds in ``shared/benchmarks/feeds/`` (skipping, with a
reason, the ones the parser refuses); it returns ``[]`` when that folder is absent.
"""

from __future__ import annotations

import json
import os
import random
from collections.abc import Iterable
from datetime import datetime, timedelta, timezone
from pathlib import Path

from claimwatch.records import Article, article_id_for

__all__ = [
    "generate_articles", "load_real_feeds", "shared_benchmarks_dir", "word_count", "write_jsonl",
]

_EPOCH = datetime(2025, 3, 1, 7, 0, tzinfo=timezone.utc)

# Invented companies, several with awkward shapes: digits, dots, one common word, a first
# name, an ampersand, an apostrophe, accents, a legal suffix.
COMPANIES = (
    "11x", "Kestrel.ai", "Dust", "Alan", "Helio Labs", "Y-Carbon", "Q.ai", "NorthStar AI",
    "Sift", "Lumen & Vale", "4Sight", "Parcelo", "Vantyx", "Orbitale", "Nabu Health",
    "Kairos Robotics", "3Dfy", "DataGlow Inc.", "Octo.ai", "Brume", "Hexaflow", "Corvid Security",
    "Synthèse IA", "L'Atelier Numérique", "Comète Systèmes", "Mirabelle AI", "Plume", "Zenko",
    "Tessel", "Arcwise", "Fable & Co", "Gradient Forge",
)
_INVESTORS = ("Northline Ventures", "Greyhaven Capital", "Atlas Partners", "Foxglove Capital",
              "Brightwater", "Sequel Growth", "Orchard Fund", "Cobalt Ventures")
_PEOPLE = ("Maya Lindqvist", "Tomás Herrera", "Priya Raman", "Jonah Whitfield", "Claire Dubois",
           "Karim Benali", "Sofia Marchetti", "Ethan Okafor")
_TOPICS_EN = ("sales automation", "code review", "medical transcription", "fraud detection",
              "contract analysis", "customer support", "supply-chain forecasting", "voice agents")
_TOPICS_FR = ("l'automatisation commerciale", "la relecture de code", "la transcription médicale",
              "la détection de fraude", "l'analyse de contrats", "le support client",
              "la prévision logistique", "les agents vocaux")
_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December")
_MONTHS_FR = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
              "septembre", "octobre", "novembre", "décembre")


def shared_benchmarks_dir() -> Path:
    """``shared/benchmarks`` beside the checkout, or ``$CLAIMWATCH_SHARED_BENCHMARKS``."""
    override = os.environ.get("CLAIMWATCH_SHARED_BENCHMARKS")
    if override:
        return Path(override)
    return (Path(__file__).resolve().parents[1] / ".." / "shared" / "benchmarks").resolve()


# --- figures -------------------------------------------------------------------------------

def _amount(rng: random.Random) -> float:
    return rng.choice((0.5, 1.2, 2, 3.5, 4, 7, 10, 12, 15, 25, 40, 60, 75, 120, 250, 400))


def _money_en(rng: random.Random) -> str:
    value = _amount(rng)
    symbol = rng.choice(("$", "$", "$", "€", "£", "US$"))
    style = rng.randrange(5)
    if value >= 100 and style < 2:
        return f"{symbol}{value / 100:g} billion"
    if style == 0:
        return f"{symbol}{value:g} million"
    if style == 1:
        return f"{symbol}{value:g}M"
    if style == 2:
        return f"{symbol}{value:g}m"
    if style == 3 and value < 1:
        return f"{symbol}{int(value * 1000)}k"
    return f"{symbol}{int(value * 1_000_000):,}" if value < 5 else f"{symbol}{value:g} million"


def _money_fr(rng: random.Random) -> str:
    value = _amount(rng)
    number = f"{value:g}".replace(".", ",")
    currency = rng.choice(("d'euros", "d'euros", "de dollars"))
    style = rng.randrange(4)
    if value >= 100 and style < 2:
        word = "milliards" if value >= 200 else "milliard"
        return f"{value / 100:g} {word} {currency}".replace(".", ",")
    if style == 0:
        return f"{number} millions {currency}"
    if style == 1:
        return f"{number} M€"
    if style == 2 and value < 1:
        return f"{int(value * 1000)} 000 euros"
    return f"{number} millions {currency}"


def _percent_en(rng: random.Random) -> str:
    value = rng.choice((3, 8, 12.5, 15, 22, 30, 40, 65, 80, 120, 300))
    return f"{value:g}%" if rng.random() < 0.7 else f"{value:g} percent"


def _percent_fr(rng: random.Random) -> str:
    value = rng.choice((3, 8, 12.5, 15, 22, 30, 40, 65, 80, 120, 300))
    return f"{value:g} %".replace(".", ",")


def _count(rng: random.Random, fr: bool = False) -> str:
    value = rng.choice((40, 120, 300, 850, 1200, 3500, 12000, 250000, 1_500_000))
    if value >= 1_000_000:
        return f"{value / 1e6:g} million" if not fr else f"{value / 1e6:g} million".replace(".", ",")
    return f"{value:,}".replace(",", "\u202f" if fr else ",")


def _hedge_en(rng: random.Random) -> str:
    return rng.choice(("", "", "about ", "more than ", "nearly ", "roughly ", "at least ", "up to "))


def _hedge_fr(rng: random.Random) -> str:
    return rng.choice(("", "", "environ ", "plus de ", "près de ", "au moins ", "jusqu'à "))


def _range_en(rng: random.Random) -> str:
    low = rng.choice((20, 40, 60, 70))
    return rng.choice((f"{low} to {low + 10}%", f"between {low} and {low + 15} percent",
                       f"${low // 10}-{low // 10 + 2} million", f"{low}–{low + 20}%"))


def _range_fr(rng: random.Random) -> str:
    low = rng.choice((20, 40, 60, 70))
    return rng.choice((f"entre {low} et {low + 10} %", f"de {low // 10} à {low // 10 + 2} millions d'euros"))


# --- sentences -----------------------------------------------------------------------------

def _claims_en(rng: random.Random, co: str) -> list[str]:
    year = rng.choice((2023, 2024, 2025))
    return [
        f"{co} said it had reached {_hedge_en(rng)}{_money_en(rng)} in annual recurring revenue.",
        f"The startup now claims {_hedge_en(rng)}{_count(rng)} customers, including several large retailers.",
        f"{co} was valued at {_money_en(rng)} in its latest round, according to people familiar with the deal.",
        f"{co} raised {_money_en(rng)} in a Series {rng.choice('ABC')} round led by {rng.choice(_INVESTORS)}.",
        f"Revenue grew {_percent_en(rng)} year over year to {_money_en(rng)}, the company said.",
        f"According to former employees, {co} lost {_range_en(rng)} of its customers within months.",
        f"{co} expects to hit {_money_en(rng)} in ARR by the end of {year + 1}.",
        f"The company employs {_hedge_en(rng)}{_count(rng)} people, up from {rng.choice((15, 60, 90))} a year earlier.",
        f"{co} says its tools are used by {_hedge_en(rng)}{_count(rng)} monthly active users.",
        f"Churn rose to {_percent_en(rng)} in the fourth quarter of {year}, two people with knowledge of the figures said.",
        f"{co} posted a net loss of {_money_en(rng)} on revenue of {_money_en(rng)} in {year}.",
        f"Its gross merchandise volume reached {_money_en(rng)} last year, {co} told investors.",
        f"Several companies listed as customers on the {co} website said they had never been customers.",
        f"Investors are now asking whether the {_money_en(rng)} ARR figure {co} advertised was inflated.",
        f"{co} later revised its revenue for {year} down to {_money_en(rng)}.",
        f"The round brings total funding for {co} to {_hedge_en(rng)}{_money_en(rng)}.",
    ]


def _claims_fr(rng: random.Random, co: str) -> list[str]:
    year = rng.choice((2023, 2024, 2025))
    return [
        f"{co} revendique un revenu annuel récurrent de {_hedge_fr(rng)}{_money_fr(rng)}.",
        f"La start-up affirme compter {_hedge_fr(rng)}{_count(rng, True)} clients, dont plusieurs grands distributeurs.",
        f"{co} a été valorisée {_money_fr(rng)} lors de son dernier tour de table, selon nos informations.",
        f"{co} a levé {_money_fr(rng)} auprès de {rng.choice(_INVESTORS)} et de ses investisseurs historiques.",
        f"Son chiffre d'affaires a progressé de {_percent_fr(rng)} sur un an, pour atteindre {_money_fr(rng)}.",
        f"Selon d'anciens salariés, {co} aurait perdu {_range_fr(rng)} de ses clients en quelques mois.",
        f"{co} vise {_money_fr(rng)} de revenus récurrents d'ici fin {year + 1}.",
        f"L'entreprise emploie {_hedge_fr(rng)}{_count(rng, True)} salariés, contre {rng.choice((15, 60, 90))} il y a un an.",
        f"{co} assure que son outil est utilisé par {_hedge_fr(rng)}{_count(rng, True)} utilisateurs actifs par mois.",
        f"La perte nette de {co} s'est élevée à {_money_fr(rng)} en {year}.",
        f"Plusieurs entreprises présentées comme clientes de {co} affirment n'avoir jamais été clientes.",
        f"Des investisseurs se demandent si le chiffre de {_money_fr(rng)} avancé par {co} n'était pas gonflé.",
    ]


def _incidental_en(rng: random.Random, co: str) -> list[str]:
    year = rng.choice(range(2012, 2024))
    return [
        f"{co} was founded in {year} by two former consultants.",
        f"The deal is expected to close on {rng.choice(_MONTHS_EN)} {rng.randint(1, 28)}.",
        f"The product launched in {rng.choice(_MONTHS_EN)} {year + 1} after a private beta.",
        f"The conference runs from {rng.choice(_MONTHS_EN)} {rng.randint(1, 20)} in San Francisco.",
        f"{rng.choice(_PEOPLE)}, who joined in {year}, now leads the research team.",
        "Two of the three co-founders still sit on the board.",
        f"A version 2.0 of the assistant is planned for later this year, {co} said.",
    ]


def _incidental_fr(rng: random.Random, co: str) -> list[str]:
    year = rng.choice(range(2012, 2024))
    return [
        f"{co} a été fondée en {year} par deux anciens consultants.",
        f"L'opération devrait être finalisée le {rng.randint(1, 28)} {rng.choice(_MONTHS_FR)}.",
        f"Le produit a été lancé en {rng.choice(_MONTHS_FR)} {year + 1} après une phase de test.",
        f"{rng.choice(_PEOPLE)}, dans l'entreprise depuis {year}, dirige désormais l'équipe de recherche.",
        "Deux des trois cofondateurs siègent toujours au conseil d'administration.",
    ]


_FILLER_EN_OPEN = ("The company", "Its chief executive", "A spokesperson", "The startup", "Analysts",
                   "Rivals", "Customers interviewed for this story", "Several investors",
                   "The founders", "People close to the company", "Industry observers")
_FILLER_EN_VERB = ("said", "argued", "insisted", "noted", "acknowledged", "told reporters",
                   "wrote in a blog post", "explained on a call")
_FILLER_EN_BODY = (
    "that the market for {topic} is still in its early days",
    "that the product had improved sharply since the last release",
    "that large enterprises remain cautious about handing sensitive data to a young vendor",
    "that the team would focus on reliability before adding new features",
    "that competition from the large cloud providers has made pricing harder",
    "that hiring senior engineers remains the main constraint on growth",
    "that the pilot programs had mostly turned into paying contracts",
    "that regulators in Europe were watching the sector closely",
    "that the new model handles {topic} with far fewer mistakes than before",
    "that it did not comment on rumors about a possible acquisition",
)
_FILLER_EN_PLAIN = (
    "The announcement comes at a time when investors are paying closer attention to revenue quality.",
    "Few of the claims could be independently verified.",
    "The company did not respond to a request for comment.",
    "It is not the first startup in the sector to face such questions.",
    "Some of the logos shown on its homepage were later removed.",
    "Employees described a culture of aggressive targets and frequent reorganizations.",
    "The funding will go toward hiring and international expansion, the founders said.",
    "The tool plugs into existing CRM and ticketing software.",
    "Its main competitors include larger and better funded rivals.",
    "Pricing is based on usage rather than on the number of seats.",
    "The move signals a shift in how buyers evaluate {topic} vendors.",
    "Several early customers said the product worked well for simple tasks but struggled with edge cases.",
)

_FILLER_FR_OPEN = ("L'entreprise", "Son directeur général", "Un porte-parole", "La start-up",
                   "Les analystes", "Ses concurrents", "Plusieurs investisseurs", "Les fondateurs",
                   "Des proches du dossier")
_FILLER_FR_VERB = ("estime", "affirme", "souligne", "reconnaît", "explique", "assure")
_FILLER_FR_VERB_PLURAL = ("estiment", "affirment", "soulignent", "reconnaissent", "expliquent", "assurent")
_LEADS_EN = ("", "", "", "In an interview this week, ", "Still, ", "At the same time, ", "For now, ",
             "Behind the scenes, ", "Meanwhile, ")
_TAILS_EN = ("", "", ", a view that several rivals dispute", ", even as the broader market for enterprise software slows",
             ", though it declined to share details about specific deployments",
             ", according to a person briefed on the matter", " and that the coming months would be decisive",
             ", pointing to a growing list of pilot projects with banks and insurers")
_LEADS_FR = ("", "", "", "Dans un entretien accordé cette semaine, ", "Pour autant, ", "En attendant, ",
             "Dans le même temps, ")
_TAILS_FR = ("", "", ", un avis que plusieurs concurrents contestent",
             ", sans donner de détails sur les déploiements en cours",
             ", selon une source proche du dossier", " et que les prochains mois seront décisifs",
             ", alors que le marché du logiciel d'entreprise ralentit")
_FILLER_FR_BODY = (
    "que le marché de {topic} n'en est qu'à ses débuts",
    "que le produit a nettement progressé depuis la dernière version",
    "que les grands groupes restent prudents face à un fournisseur aussi jeune",
    "que l'équipe veut d'abord améliorer la fiabilité du service",
    "que la concurrence des grands acteurs du cloud pèse sur les prix",
    "que le recrutement d'ingénieurs expérimentés reste le principal frein",
    "que les régulateurs européens suivent le secteur de près",
)
_FILLER_FR_PLAIN = (
    "L'annonce intervient alors que les investisseurs scrutent davantage la qualité des revenus.",
    "Peu de ces affirmations ont pu être vérifiées de manière indépendante.",
    "Contactée, l'entreprise n'a pas souhaité faire de commentaire.",
    "Ce n'est pas la première jeune pousse du secteur à faire face à ce type de questions.",
    "Certains logos affichés sur son site ont depuis été retirés.",
    "Les fonds serviront à recruter et à accélérer le développement à l'international.",
    "L'outil s'intègre aux logiciels de gestion de la relation client existants.",
    "La tarification dépend de l'usage et non du nombre d'utilisateurs.",
)


def _filler(rng: random.Random, fr: bool) -> str:
    topic = rng.choice(_TOPICS_FR if fr else _TOPICS_EN)
    plain = _FILLER_FR_PLAIN if fr else _FILLER_EN_PLAIN
    if rng.random() < 0.35:
        return rng.choice(plain).format(topic=topic)
    lead = rng.choice(_LEADS_FR if fr else _LEADS_EN)
    opener = rng.choice(_FILLER_FR_OPEN if fr else _FILLER_EN_OPEN)
    if fr:
        plural = opener.startswith(("Les ", "Ses ", "Plusieurs ", "Des "))
        verb = rng.choice(_FILLER_FR_VERB_PLURAL if plural else _FILLER_FR_VERB)
    else:
        verb = rng.choice(_FILLER_EN_VERB)
    body = rng.choice(_FILLER_FR_BODY if fr else _FILLER_EN_BODY).format(topic=topic)
    tail = rng.choice(_TAILS_FR if fr else _TAILS_EN)
    if lead:
        opener = opener[0].lower() + opener[1:]
    return f"{lead}{opener} {verb} {body}{tail}."


def _title(rng: random.Random, co: str, fr: bool) -> str:
    if fr:
        return rng.choice((f"{co} lève des fonds pour accélérer", f"Les chiffres de {co} interrogent",
                           f"{co} : la start-up revendique une forte croissance"))
    return rng.choice((f"{co} raises new funding as demand grows", f"Questions mount over {co}'s numbers",
                       f"{co} says revenue is surging", f"Inside the rise of {co}"))


def _article_text(rng: random.Random, co: str, fr: bool, claim_share: float, incidental_share: float) -> str:
    sentences = []
    for _ in range(rng.randint(12, 26)):
        draw = rng.random()
        subject = co if rng.random() < 0.8 else rng.choice(COMPANIES)
        if draw < claim_share:
            sentences.append(rng.choice(_claims_fr(rng, subject) if fr else _claims_en(rng, subject)))
        elif draw < claim_share + incidental_share:
            sentences.append(rng.choice(_incidental_fr(rng, subject) if fr else _incidental_en(rng, subject)))
        else:
            sentences.append(_filler(rng, fr))
    paragraphs, start = [], 0
    while start < len(sentences):
        size = rng.randint(2, 5)
        paragraphs.append(" ".join(sentences[start:start + size]))
        start += size
    return "\n\n".join(paragraphs)


def generate_articles(n: int, *, seed: int = 0, french_share: float = 0.3,
                      claim_share: float = 0.15, incidental_share: float = 0.12) -> list[Article]:
    """``n`` deterministic articles; ``french_share`` of them in French (0 for English only)."""
    rng = random.Random(seed)
    articles = []
    for index in range(n):
        fr = rng.random() < french_share
        co = rng.choice(COMPANIES)
        title = _title(rng, co, fr)
        text = _article_text(rng, co, fr, claim_share, incidental_share)
        lang = "fr" if fr else "en"
        url = f"https://news.example.com/{lang}/{seed}/{index}"
        articles.append(Article(
            article_id=article_id_for(url), url=url, title=title,
            source="Example Tech Wire" if not fr else "Exemple Tech Info",
            published_at=_EPOCH + timedelta(hours=3 * index), language=lang, text=text,
            summary=text[:200], text_origin="archive"))
    return articles


def word_count(articles: Iterable[Article]) -> int:
    """Whitespace-separated words in the articles' texts."""
    return sum(len(article.text.split()) for article in articles)


def write_jsonl(articles: Iterable[Article], path: str | os.PathLike) -> Path:
    """Write articles in the archive format ``claimwatch import`` reads."""
    out = Path(path)
    with out.open("w", encoding="utf-8") as handle:
        for article in articles:
            handle.write(json.dumps({
                "id": article.article_id, "url": article.url, "title": article.title,
                "published": article.published_at.isoformat() if article.published_at else None,
                "text": article.text, "source": article.source, "language": article.language,
            }, ensure_ascii=False) + "\n")
    return out


def load_real_feeds(folder: str | os.PathLike | None = None) -> tuple[list[Article], list[str]]:
    """Articles from every saved feed in ``shared/benchmarks/feeds`` and the files skipped (with why)."""
    root = Path(folder) if folder else shared_benchmarks_dir() / "feeds"
    if not root.is_dir():
        return [], [f"{root}: folder absent"]
    from claimwatch.errors import ClaimwatchError
    from claimwatch.ingest import parse_feed
    articles, skipped = [], []
    for path in sorted(root.glob("*.xml")):
        try:
            found, _warnings = parse_feed(path.read_bytes(), feed_name=path.stem,
                                          base_url=path.resolve().as_uri(), declared_language=None)
        except ClaimwatchError as exc:
            skipped.append(f"{path.name}: {exc}")
            continue
        articles += [a for a in found if a.text.strip()]
    return articles, skipped
