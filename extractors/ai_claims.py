"""What an AI startup's figure measures beyond the money metrics, and what an ``other`` figure counts.

``classify(sentence, q, metric)`` refines the metric that :func:`metrics.metric_for` chose:

- the AI metrics (names in :data:`claimwatch.records.AI_METRICS`): ``automation_rate`` (share of
  tasks done with no person: "handles 90% of calls without a human"), ``human_involvement``
  (share of tasks a person handled, "60% of tickets needed an agent", or the count of people
  doing the work sold as AI, "400 contractors behind the assistant"), ``accuracy`` (detection,
  success, precision rates), ``error_rate`` (error, miss, false-alarm rates), ``bot_share``
  (share of fake or bot accounts), ``ai_built_share`` (share of a product built by the AI);
- metric confusions: a share *of* orders, tasks or users is not a count of customers, users or
  employees; pre-orders and reservations are ``other``; units sold, shipped or delivered stay
  ``units`` (with their kind: "scooters sold"); "reservations worth $1B" is
  not a valuation; a product's price is ``other`` with kind "price" (or dropped, see
  :data:`DROP_PRODUCT_PRICES`); "raised X ... valued at Y" binds each figure to its own verb;
- ``other_kind``: a short lower-case descriptor of what the figure counts ("orders",
  "units sold", "reservations", "acquisition price"), derived from the counted noun.

The rules read the figure's clause (the sentence cut at ";", ", but", "while", "mais", "alors
que"...), so "said 90% ran on its own, but 60% needed a person" gives each figure its own
metric. Pure regex, English and French.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimwatch.extractors.metrics import count_metric_by_verb
from claimwatch.extractors.models import Quantity
from claimwatch.extractors.word_figures import clause_bounds, word_metric

__all__ = ["DROP_PRODUCT_PRICES", "Figure", "classify", "clause_of", "other_kind_for"]

# The gold of the real-story sets records a product's price ("the device cost $99") as an `other`
# figure; issue 12 calls it no company figure at all. False keeps it as other/"price" (never as
# revenue or valuation); True drops it.
DROP_PRODUCT_PRICES = False

_I = re.IGNORECASE


@dataclass(frozen=True, slots=True)
class Figure:
    """The refined metric of one figure. ``keep``: True makes it a claim even where the generic
    filter would not (an AI share, units sold), False drops it, None lets the filter decide."""

    metric: str
    other_kind: str | None = None
    keep: bool | None = None


# ---------------------------------------------------------------------------- clauses
_CLAUSE_CUT = re.compile(
    r";|—|\s–\s|,\s*(?:but|while|whereas|yet|although|though|however|mais|alors que|tandis que|"
    r"pourtant|cependant|quand|when)\b|\b(?:but|whereas|mais|alors que|tandis que)\b", _I)


def clause_of(sentence: str, start: int, end: int) -> tuple[int, int]:
    """(start, end) of the clause holding ``sentence[start:end]``."""
    return clause_bounds(sentence, start, end, _CLAUSE_CUT)


# ---------------------------------------------------------------------------- word tables
_TASK_NOUNS = (r"orders?|tasks?|sales|ventes|requests?|calls?|conversations?|queries|query|interactions?|"
               r"transactions?|tickets?|chats?|messages?|deliveries|deliveries|"
               r"jobs|rides|trips|drives|miles|shipments|purchases|checkouts?|reviews?|"
               r"commandes?|tâches?|demandes?|appels?|requêtes?|conversations?|dossiers?|"
               r"trajets?|livraisons?|achats?|opérations?")
_HUMAN = (r"humans?|human (?:agents?|operators?|staff|workers?|employees?|reviewers?|help|"
          r"intervention|involvement|input|assistance|oversight)|people|persons?|staff(?:ers)?|"
          r"employees?|workers?|agents?|operators?|contractors?|reviewers?|moderators?|"
          r"drivers?|cashiers?|annotators?|someone|a person|humains?|personnes?|salariés?|"
          r"employés?|opérateurs?|opératrices?|agents?|travailleurs?|intervention humaine|"
          r"modérateurs?|chauffeurs?|conducteurs?")
_HUMAN_RE = re.compile(rf"\b(?:{_HUMAN})\b", _I)
# "without a human", "with no need for restaurant staff", "needing no human agent", "sans
# intervention humaine", "entirely on its own", "autonomously"
_NO_HUMAN_RE = re.compile(
    rf"\b(?:without|with no|with zero|no need for|needing no|requiring no|need no|needs no|"
    rf"needed no|required no|free of|zero|no)\s+(?:any\s+|the\s+|a\s+)?(?:[\w-]+\s+){{0,2}}?"
    rf"(?:{_HUMAN}|intervention|involvement|help|assistance|hands)\b"
    r"|\b(?:entirely|completely|fully|wholly|all) (?:on (?:its|their) own|by (?:itself|themselves|"
    r"the AI|AI|its AI|machines?|software))\b|\bon (?:its|their) own\b|\bautonomous(?:ly)?\b|"
    r"\bunassisted\b|\bhands[- ]free\b|\balone\b|\bby (?:itself|themselves)\b|"
    r"\bà (?:elle|lui) seule?\b|\btout(?:e)? seule?\b|(?<!un )(?<!une )(?<!le )(?<!la )\bseule?s?\b|"
    r"\bpar (?:elle|lui)-même\b|\bautomatically\b|\bfully automated\b|\bautomated\b|"
    r"\bby (?:the |its )?(?:AI|software|machines?|bots?|algorithms?)\b(?! (?:and|or) (?:humans|people))"
    r"|\bsans (?:aucune? |la moindre |l['’]|d['’]|une? )?(?:intervention|aide|assistance|"
    r"humains?|personnel|opérateurs?|agents?|main)\b|\bsans (?:aucun |le moindre )?(?:humain|"
    r"opérateur|agent|salarié|employé)\b|\b(?:de (?:manière|façon) )?autonome(?:ment)?\b|"
    r"\bautomatiquement\b|\bentièrement automatisé\w*|\bpar (?:l['’]|une )?(?:IA|intelligence "
    r"artificielle|machine|logiciel|algorithme)\b", _I)
_HUMAN_NEED = re.compile(r"\b(?:need\w*|requir\w+|intervene\w*|intervention|step(?:s|ped)? in|"
                         r"help|handled by|handle|assist\w*|review\w*|nécessit\w+|besoin|"
                         r"interv\w+|traité\w* par|gérée?s? par|pass\w* par|go(?:es)? through|"
                         r"went through|taken over by|repris\w* par)\b", _I)
_AUTOMATION_WORD = re.compile(r"\bautomation rate\b|\btaux d['’]automatisation\b|"
                              r"\bautomat(?:ed|es|ically)\b|\bautomatis\w+", _I)
_AI_WORD = re.compile(r"\bAI\b|\bA\.I\.|artificial intelligence|\bIA\b|intelligence artificielle|"
                      r"machine learning|\bchatbots?\b|\bbots?\b|\bautomat\w+|\balgorithm\w*|"
                      r"\bGPT\b|\bLLM\b|\bneural\b|\bvoice assistant\b|\bassistant\b|\brobots?\b", _I)

_DETECT = (r"detect(?:s|ed|ing|ion)?|identif(?:y|ies|ied|ying|ication)|(?<!the )catch(?:es|ing)?|caught|"
           r"(?<!the )(?<!a )flag(?:s|ged|ging)?|recogni[sz](?:e|es|ed|ing|ition)|spot(?:s|ted|ting)?|"
           r"accura(?:cy|te|tely)|precision|success rate|hit rate|correct(?:ly)?|right|"
           r"détect\w*|identifi\w*|repér\w*|reconna\w+|précision|fiabilité|taux de (?:réussite|"
           r"succès|détection)|exactitude")
_DETECT_RE = re.compile(rf"\b(?:{_DETECT})\b", _I)
_ERROR_RE = re.compile(
    r"\bmiss(?:ed|es|ing)?\b|\bbounc(?:e|ed|es|ing)\b|\bfalse (?:alarms?|positives?|negatives?|alerts?)\b|"
    r"\berrors?(?: rates?)?\b|\berror-prone\b|\bfail(?:ed|s|ing)? to (?:detect|catch|identify|spot|"
    r"flag|find|recogni[sz]e)\b|\bwrong(?:ly)?\b|\bincorrect(?:ly)?\b|\bmistakes?\b|"
    r"\bhallucinat\w+|\bundetected\b|\bslipped (?:through|past)\b|\bgot through\b|"
    r"\bmanqu\w+|\braté\w*|\bfaux (?:positifs|négatifs)\b|\bfausses? alertes?\b|"
    r"\btaux d['’]erreur\b|\berreurs?\b|\béchapp\w+|\bpassé\w* (?:inaperçu|entre les mailles)\w*", _I)
_REDUCTION = re.compile(r"\b(?:reduc\w+|cut(?:s|ting)? (?:\w+ ){0,3}?(?:time|costs?|cycles?)|"
                        r"sav(?:e|es|ed|ing)|faster|cheaper|quicker|less time|shorter|"
                        r"réduction|rédui\w+|économ\w+|plus rapides?|moins cher\w*|gain de temps|"
                        r"accélér\w+)\b", _I)
_POSSESSIVE_SHARE = re.compile(r"^\s*(?:of (?:its|their|(?:[\w.-]+\s+){0,2}[\w.-]+['’]s?)|"
                               r"de (?:ses|leurs))\s", _I)
_DISCOUNT = re.compile(r"\b(?:discount\w*|off|coupon|promo\w*|deals?|sale|code|remise|soldes?|"
                       r"immédiate|bon plan|prix|price|réduction de prix|offre)\b", _I)
_OVERSTATED = re.compile(r"\b(?:overstat\w+|inflat(?:ed|ing)|exaggerat\w+|pump(?:ed|ing) up|"
                         r"padd(?:ed|ing)|gonfl\w+|surévalu\w+|exagér\w+|surestim\w+)\b", _I)
_RATE_NOUN = re.compile(r"accura|precision|\brates?\b|false|error rate|taux|précision|fiabilité|"
                        r"faux|fausse|exactitude|hallucinat", _I)
_BOT_RE = re.compile(
    r"\b(?:fake|bots?|fraudulent|fictitious|non-?existent|phony|phoney|inauthentic|spam|sham|"
    r"made-up|automated)\s+(?:\w+\s+)?(?:users?|accounts?|followers|profiles|sign-?ups|"
    r"customers|listeners|streams|visitors|traffic|members)\b|"
    r"\b(?:users?|accounts?|followers|profiles|sign-?ups|members)\s+(?:\w+\s+){0,3}?(?:were|are|"
    r"was|is|turned out to be|proved to be)\s+(?:\w+\s+)?(?:fake|bots?|fraudulent|fictitious|"
    r"automated)\b|"
    r"\bfaux (?:comptes|profils|utilisateurs|abonnés|clients)\b|\b(?:comptes|profils|"
    r"utilisateurs|abonnés|clients)\s+(?:\w+\s+)?(?:fictifs|factices|bidons|robots|"
    r"automatisés|inexistants)\b|\bbots\b|\brobots\b(?= (?:sur|parmi))", _I)
_BUILT_RE = re.compile(
    r"\b(?:built|written|generated|coded|produced|created|assembled|developed|designed|made|"
    r"authored|done)\s+(?:\w+\s+){0,3}?by\s+(?:the |its |an? |our )?(?:AI|A\.I\.|artificial "
    r"intelligence|machines?|algorithms?|software|platform|bots?|automation|models?|LLMs?|"
    r"[\w.-]+\s+AI)\b|\b(?:AI|machine)[- ](?:built|generated|written|coded|produced)\b|"
    r"\b(?:construit|bâti|écrit|généré|produit|développé|conçu|codé|réalisé|fait)e?s?\s+"
    r"(?:[^.;,]{0,20}?\s)?par\s+(?:l['’]|une |la |le |son |sa )?(?:IA|intelligence artificielle|"
    r"machine|algorithme|plateforme|logiciel|robot)\b", _I)
_BUILD_VERB_RE = re.compile(
    r"\b(?:build|builds|built|building|produce|produces|produced|write|writes|wrote|written|"
    r"generate|generates|generated|code|codes|coded|assemble|assembles|assembled|automate|"
    r"automates|automated|construit|construire|bâti\w*|génère|générer|généré\w*|écrit\w*|"
    r"produit|produire|automatis\w+)\b", _I)
_PRODUCT_NOUNS = (r"apps?|applications?|code(?:base)?|software|products?|platform|websites?|"
                  r"sites?|programs?|features?|plateforme|logiciels?|produits?|programmes?|"
                  r"fonctionnalités?")

# people doing the work sold as AI: "300 engineers behind the app", "reposait sur 500 développeurs"
_PEOPLE_NOUN = re.compile(
    r"^(?:[\w-]+\s+){0,2}?(?:engineers?|developers?|programmers?|coders?|people|workers?|humans?|"
    r"contractors?|freelancers?|operators?|agents?|annotators?|moderators?|staff(?:ers)?|"
    r"employees?|reviewers?|transcribers?|ingénieurs?|développeurs?|programmeurs?|personnes?|"
    r"travailleurs?|opérateurs?|sous-traitants?|salariés?|employés?|modérateurs?|annotateurs?|"
    r"conseillers?|téléconseillers?|advisers?|advisors?|analysts?|analystes?)\b",
    _I)
_BEHIND_AI = re.compile(
    r"\bbehind\b|\bpos(?:e|ed|ing) as\b|\bpretend\w*\b|\bpassing (?:themselves )?off\b|"
    r"\bpassed (?:themselves )?off\b|\bmasquerad\w+|\bby hand\b|\bmanually\b|\bin reality\b|"
    r"\bactually\b|\bsecretly\b|\breally\b|\bdoing the work\b|\bdid the work\b|\bdo the work\b|"
    r"\bwriting (?:the )?code\b|\bwrote (?:the )?code\b|\btranscrib\w+|\blistening\b|"
    r"\breviewing\b|\bhuman-powered\b|\binstead of\b|\brelied on\b|\brelies on\b|\breliant on\b|"
    r"\bdepend\w* on\b|"
    r"\bderrière\b|\bà la main\b|\bmanuellement\b|\ben réalité\b|\ben fait\b|\breposai?t sur\b|"
    r"\brepose sur\b|\bse faisai\w+ passer\b|\bfaisaient le travail\b|\bdans l['’]ombre\b|"
    r"\ben coulisses\b|\bà la place de\b", _I)
# "does the work of 700 agents", "l'équivalent de 700 conseillers": the AI replaces them
_REPLACED_BEFORE = re.compile(r"\b(?:(?:the )?work of|equivalent of|replac\w+|instead of|"
                              r"l['’]équivalent de|remplac\w+|le travail de)\s+(?:\w+\s+){0,2}?$", _I)
_CONTRACT_PEOPLE = re.compile(r"^(?:[\w-]+\s+){0,1}?(?:contract|freelance|independent|outside|"
                              r"external|indépendants?|freelances?)\s+[\w-]+", _I)

# units sold, reservations, pre-orders: "other" with the noun as its kind
_UNIT_NOUN = re.compile(
    r"^(?:[\w-]+\s+){0,2}?(units?|unités|reservations?|réservations?|pre-?orders?|pré-?commandes?|"
    r"précommandes?|orders|commandes|shipments|deliveries|livraisons|downloads|téléchargements|"
    r"vehicles|véhicules|cars|voitures|trucks|camions|robots|devices|appareils|copies|exemplaires|"
    r"scooters|bikes|vélos|drones|headsets|phones|smartphones|chargers|batteries|features|"
    r"fonctionnalités|updates|mises à jour|stations|schools|écoles|restaurants|stores|magasins|"
    r"hospitals|hôpitaux|locations|deployments|déploiements)\b", _I)
_SOLD = re.compile(r"\b(?:sold|sell|sells|selling|vendu\w*|vend\w*|écoulé\w*|bought|purchased|"
                   r"achet\w+)\b", _I)
_SHIPPED = re.compile(r"\b(?:shipped|ships|delivered|livr\w+|expédi\w+)\b", _I)

# a share of something: "70% of orders", "10 % des utilisateurs", "80% of an app"
_SHARE_OF = re.compile(
    r"^\s*(?:of|des|du|de la|de l['’]|de|d['’])\s*(?:(?:the|its|their|his|her|all|our|those|these|"
    r"an?|ses|leurs?|ces|son|sa|la|les|l['’])\s*)?(?:(?:[\w’'-]+)\s+){0,2}?"
    r"(?P<noun>orders?|tasks?|requests?|calls?|conversations?|queries|interactions?|transactions?|"
    r"tickets?|cases|chats?|messages?|e-?mails?|deliveries|jobs|rides|trips|purchases|users?|"
    r"customers?|clients?|buyers?|owners?|subscribers?|accounts?|members?|followers|people|"
    r"students?|patients?|visitors?|downloads?|sign-?ups?|installs?|employees?|staff|workers?|"
    r"engineers?|apps?|applications?|code(?:base)?|software|products?|platform|features?|"
    r"weapons?|threats?|knives|guns?|firearms?|objects?|items?|images?|photos?|faces?|"
    r"fraud|errors?|cancers?|tumou?rs?|diseases?|those who|those|them|"
    r"commandes?|tâches?|demandes?|appels?|requêtes?|utilisateurs?|clients?|acheteurs?|"
    r"abonnés?|comptes?|membres?|étudiants?|patients?|salariés?|employés?|applications?|"
    r"logiciels?|produits?|plateforme|fonctionnalités?|armes?|couteaux?|menaces?|objets?|"
    r"images?|visages?|fraudes?|erreurs?|ceux qui|celles qui|time|cases|answers?|responses?|"
    r"questions?|predictions?|diagnos[ei]s|outputs?|réponses?|prédictions?|cas)\b", _I)
_LAYOFF = re.compile(r"\blay(?:s|ing)? off\b|\blaid off\b|\blayoffs?\b|\bcut(?:s|ting)?\b|"
                     r"\bslash\w*|\beliminat\w+|\bjob cuts\b|\blicenci\w+|\bsupprim\w+|"
                     r"\bsuppression\w*|\bplan social\b|\bréduire\b|\bréduit\b", _I)
_STAFF = re.compile(r"employees?|staff|workers?|engineers?|workforce|salariés?|employés?|"
                    r"effectifs?|personnel", _I)
_COUNT_METRIC_NAMES = frozenset({"customers", "users", "employees", "units", "churn"})

# money that is not a company figure of the named kinds
_PRICE = re.compile(
    r"\b(?:price[ds]?|pricing|priced at|retails?|retailing|sells? for|selling for|"
    r"sold for|apiece|a piece|each(?! (?:year|month|quarter|week|day))|per (?:unit|device|truck|"
    r"car|vehicle|seat|user)|list price|sticker|MSRP|prix|tarif\w*|"
    r"vendu\w* (?:à|au prix)|l['’]unité|pièce)\b", _I)
# "the pin costs $249", "coûte 249 euros" (not "cut its costs by $2M")
_COSTS_BEFORE = re.compile(r"\b(?:costs|cost|costing|coûte\w*|coûtait)\s+(?:(?:just|only|about|around|"
                           r"roughly|seulement|environ|près de)\s+)?$", _I)
_SHARE_PRICE = re.compile(r"\bshares?\b[^.;]{0,60}\b(?:apiece|closed?|trad\w+|price)|\bshare price\b|"
                          r"\bstock price\b|\bcours de (?:l['’]action|bourse)\b|\baction\b[^.;]{0,40}"
                          r"\b(?:cotée?|clôtur\w+)", _I)
_ROUND = re.compile(r"\b(?:round|valuation|funding|IPO|investors|tour de table|levée|"
                    r"valorisation|introduction en bourse)\b", _I)
_COMPANY_MONEY_CUE = re.compile(
    r"\b(?:revenues?|sales|ARR|turnover|valu\w+|valoris\w+|rais\w+|funding|round|profit|loss|"
    r"chiffre d['’]affaires|levée|levé|financement|bénéfice|perte|market cap\w*)\b", _I)
_RESERVATION_VALUE = re.compile(
    r"\b(?:reservations?|pre-?orders?|orders?|order book|backlog|contracts?|deals?|bookings?|"
    r"réservations?|précommandes?|commandes?|contrats?)\b[^.;]{0,50}\b(?:worth|valued|value|"
    r"totall?ing|represent\w*|d['’]une valeur|valant|représent\w+)\b|"
    r"\b(?:worth|value|valeur)\s+(?:of\s+|de\s+)?(?:the\s+|its\s+|les\s+|des\s+)?(?:\w+\s+)?"
    r"(?:reservations?|pre-?orders?|orders?|contracts?|commandes?|réservations?)\b", _I)
# "raised X", "a obtenu X", "valued at X", "valorisée à X": the verb right before the figure
_RAISED_BEFORE = re.compile(
    r"\b(?:rais(?:ed|es|ing|e)|secur(?:ed|es|ing)|clos(?:ed|es|ing)|land(?:ed|s)|bagg?(?:ed|s)|"
    r"drew|drawn|collect(?:ed|s)|pull(?:ed|s) in|a (?:obtenu|levé|réuni|récolté|collecté|bouclé|"
    r"sécurisé)|avait (?:obtenu|levé|réuni|récolté|collecté|bouclé)|obtient|obtenu|lève|levé\w*|"
    r"récolt\w+|réuni\w*|boucl\w+|injecté|investi|misé)\s+(?:\w+\s+){0,4}?(?:(?:about|around|"
    r"nearly|almost|more than|over|some|près de|environ|plus de|quelque)\s+)?$", _I)
_VALUED_BEFORE = re.compile(
    r"\b(?:valu(?:ed|es|ing)|valoris\w+|worth|une valeur|market cap\w*)\b[^,;.\d]{0,40}?"
    r"\b(?:at|à|de|of|d['’])\s*(?:(?:about|around|nearly|almost|more than|over|some|près de|"
    r"environ|plus de|quelque|aux alentours de)\s+)?$", _I)
_REVENUE_AFTER = re.compile(r"^\s*(?:in|of|en|de)\s+(?:\w+\s+)?(?:revenues?|sales|chiffre d['’]"
                            r"affaires|recettes|ventes|revenus)\b", _I)
_PITCHED_INVESTORS = re.compile(r"\b(?:pitched|promised|told|assured|showed|presented|promis|"
                                r"annoncé|présenté|vanté)\w*\s+(?:\w+\s+){0,2}?(?:to\s+|à\s+)?"
                                r"(?:its\s+|ses\s+|the\s+|les\s+|potential\s+)?(?:investors|"
                                r"investisseurs|backers)\b", _I)
_ACQUISITION = re.compile(r"\b(?:acquir\w+|acquisition|bought|buy|buying|purchas\w+|takeover|"
                          r"rach\w+|acquis\w*|achet\w+|reprise)\b", _I)
# money taken from, frozen at or owed by the company is none of its business figures: "a lender
# seized $12M from it", "regulators froze $8M", "it owes $5M", "la banque a saisi 3 millions"
_MOVED_BEFORE = re.compile(
    r"\b(?:(?P<seized>seiz(?:ed|es|ing)|froze|frozen|freez(?:es|ing)|"
    r"withdr[eaw]w?n?|swept|clawed back|confiscat\w+|garnish\w+|(?:a|ont|avait|avaient) (?:saisi|gelé|"
    r"ponctionné|prélevé|confisqué)|saisi[es]?|gel(?:é|ée|és|ées)|ponctionn\w+|confisqu\w+)|"
    r"(?P<debt>owe[sd]?|owing|doit|devait|devaient)|"
    r"(?P<fine>fined|(?:ordered|agreed|required|forced) to (?:pay|repay|refund)|"
    r"condamn\w+ à (?:payer|verser|rembourser)|(?:accepté|contraint\w*|obligé\w*) de (?:payer|verser|rembourser)))"
    r"\s+(?:(?!revenue|sales|in\b)[\w'’-]+\s+){0,3}?(?:(?:about|around|nearly|almost|some|close to|"
    r"more than|over|roughly|environ|près de|plus de|quelque)\s+)?$", _I)
# people written to, surveyed or called are a sample or a list, not the customer base: "a
# mailing sent to 50,000 customers", "a sondé 2 000 clients", "contacted 300 users"
_CONTACTED_BEFORE = re.compile(
    r"\b(?:sent|send|sends|sending|e-?mailed|e-?mailing|mailed|messaged|texted|contacted|"
    r"surveyed|polled|interviewed|reached out to|wrote to|envoy\w+|adress\w+|contact\w+|"
    r"sond\w+|interrog\w+|écrit)\s+(?:[\w'’-]+\s+){0,4}?(?:(?:about|some|nearly|around|over|"
    r"more than|environ|près de|plus de|quelque)\s+)?$", _I)
# an order backlog or order book is orders not yet delivered, not bookings earned
_BACKLOG = re.compile(r"\b(?:order[- ]?)?backlogs?\b|\border ?books?\b|\bcarnets? de commandes\b|"
                      r"\bcommandes en (?:carnet|attente)\b", _I)
# "a lender took $12M from it": took right before the figure ("took in" is revenue, "taking
# total funding to" is funding)
_TOOK_BEFORE = re.compile(r"\b(?:took|taken)\s+(?:back\s+)?(?:(?:about|around|nearly|almost|some|"
                          r"close to|roughly)\s+)?$", _I)
_MONEY_KINDS = [
    (re.compile(r"\bdeposits?\b|\bdépôts?\b(?! de bilan)|\bacomptes?\b", _I), "deposits"),
    (re.compile(r"\bfines?d?\b|\bpenalt\w+|\bamendes?\b|\bsanction\w*", _I), "fine"),
    (re.compile(r"\bsettle\w*|\btransaction judiciaire\b", _I), "settlement"),
    (re.compile(r"\bdebts?\b|\bloans?\b|\bcredit line\b|\blender\b|\bcreditor\b|\bdettes?\b|"
                r"\bprêts?\b|\bcréancier\b", _I), "debt"),
    (re.compile(r"\bcash\b|\btrésorerie\b|\bliquidités\b", _I), "cash"),
    (re.compile(r"\bdamages\b|\bdommages\b", _I), "damages"),
    (re.compile(r"\bsalar\w+|\bcompensation\b|\bbonus\w*|\bpay package\b|\brémunération\b", _I),
     "compensation"),
    (re.compile(r"\bcontracts?\b|\bcontrats?\b", _I), "contracts"),
    (re.compile(r"\bgrants?\b|\bsubventions?\b|\bsubsid\w+", _I), "grant"),
    (re.compile(r"\bspen[dt]\w*|\bpaid\b|\bpaying\b|\bdépens\w+|\bpayé\w*|\bversé\w*", _I),
     "spending"),
]
_KIND_NOT_NOUN = frozenset("""first second third fourth last next previous past fiscal current
    early late this that which what their dollars euros pounds total premier première dernier
    dernière prochain prochaine cette euros dollars""".split())
_KIND_STOP = frozenset("""the a an its their his her our this that these those of in on at for
    to by with and or le la les l un une des de du d ses son sa leur leurs ce cette ces more than
    over about around nearly some new total""".split())


# ---------------------------------------------------------------------------- helpers
def _share_noun(sentence: str, end: int) -> str | None:
    m = _SHARE_OF.match(sentence[end:end + 70])
    return _kind_text(m.group("noun")) if m else None


def _owned_share(sentence: str, end: int) -> bool:
    """A share of a company's own people or things: "of its buyers", "des acheteurs de Acme"."""
    if _POSSESSIVE_SHARE.match(sentence[end:end + 50]):
        return True
    m = _SHARE_OF.match(sentence[end:end + 70])
    return bool(m) and bool(re.match(r"\s+(?:de|d['’]|of|chez)\s*[A-Z]",
                                     sentence[end + m.end():end + m.end() + 12]))


def _kind_text(noun: str) -> str:
    noun = noun.lower().strip()
    return {"those who": "people", "ceux qui": "people", "celles qui": "people", "them": "",
            "those": ""}.get(noun, noun)


def _near(pattern: re.Pattern, text: str, start: int, end: int, width: int) -> re.Match | None:
    """The match of ``pattern`` nearest ``text[start:end]`` within ``width`` characters."""
    best, best_d = None, width + 1
    for m in pattern.finditer(text, max(0, start - width), min(len(text), end + width)):
        d = start - m.end() if m.end() <= start else (m.start() - end if m.start() >= end else 0)
        if d < best_d:
            best, best_d = m, d
    return best


def _distance(m: re.Match | None, start: int, end: int) -> int:
    if m is None:
        return 10 ** 6
    return start - m.end() if m.end() <= start else (m.start() - end if m.start() >= end else 0)


def other_kind_for(sentence: str, q: Quantity) -> str | None:
    """A short lower-case descriptor of what the figure counts, or None."""
    if q.unit == "count" and q.noun:
        words = [w for w in re.findall(r"[\w'’-]+", q.noun.lower()) if w not in _KIND_STOP]
        if not words:
            return None
        kind = " ".join(words[:2])
        around = sentence[max(0, q.start - 30):q.start] + " " + sentence[q.end:q.end + 60]
        sold = _SOLD.search(around)
        if sold and not kind.endswith(("sold", "vendus")):
            kind += " vendus" if re.match(r"vend|écoul|achet", sold.group(0), _I) else " sold"
        elif _SHIPPED.search(around) and not kind.endswith(("shipped", "delivered")):
            verb = _SHIPPED.search(around).group(0).lower()
            kind += {"livr": " livrés", "expé": " expédiés", "deli": " delivered"}.get(
                verb[:4], " shipped")
        return kind
    if q.unit == "percent":
        return _share_noun(sentence, q.end) or None
    # money
    lo, hi = clause_of(sentence, q.start, q.end)
    clause = sentence[lo:hi]
    s, e = q.start - lo, q.end - lo
    if _SHARE_PRICE.search(clause):
        return "share price"
    if _RESERVATION_VALUE.search(clause):
        m = re.search(r"reservations?|pre-?orders?|orders?|order book|backlog|contracts?|"
                      r"réservations?|précommandes?|commandes?|contrats?", clause, _I)
        return f"{m.group(0).lower()} value" if m else "orders value"
    if _near(_ACQUISITION, clause, s, e, 50):
        return "acquisition price"
    for pattern, kind in _MONEY_KINDS:
        if _near(pattern, clause, s, e, 15):
            return kind  # "a $1,500 deposit each": the noun at the figure first
    if _near(_PRICE, clause, s, e, 40):
        return "price"
    for pattern, kind in _MONEY_KINDS:
        if _near(pattern, clause, s, e, 60):
            return kind
    m = re.match(r"^\s*(?:in|of|en|de|d['’])\s*(?:(?:the|its|their|a|an|les|des|la|le|ses|son|sa)\s+|"
                 r"l['’])?([a-zà-ÿ-]{4,})\b", sentence[q.end:], _I)
    if m and m.group(1).lower() not in _KIND_STOP and m.group(1).lower() not in _KIND_NOT_NOUN:
        return m.group(1).lower()
    return None


# ---------------------------------------------------------------------------- percent rules
def _percent_ai(sentence: str, q: Quantity, metric: str) -> Figure | None:
    lo, hi = clause_of(sentence, q.start, q.end)
    clause = sentence[lo:hi]
    s, e = q.start - lo, q.end - lo
    noun = _share_noun(sentence, q.end) or (q.noun.lower() if q.noun else None)
    tasks = re.search(rf"\b(?:{_TASK_NOUNS})\b", clause, _I)
    # share of a product built by the AI
    if re.match(r"\s*(?:automated|automatic|autonomous|hands-off|AI-(?:run|driven|powered|handled)|"
                r"automatisée?s?|automatiques?|autonomes?)\b", sentence[q.end:q.end + 25], _I) or \
            re.search(r"\b(?:automatisée?s?|autonomes?)\s+à\s+(?:(?:plus de|près de|environ)\s+)?$",
                      sentence[max(0, q.start - 40):q.start], _I):
        return Figure("automation_rate", noun, True)  # "the process is 90% automated"
    if _BUILT_RE.search(clause) or (
            noun and re.fullmatch(_PRODUCT_NOUNS, noun, _I) and _BUILD_VERB_RE.search(clause)
            and _AI_WORD.search(sentence)):
        return Figure("ai_built_share", noun, True)
    if _OVERSTATED.search(clause):
        return Figure("other", "overstatement", True)  # "revenue overstated by 300%"
    if _BOT_RE.search(clause):
        return Figure("bot_share", noun or "accounts", True)
    # automation: a task share with or without a person
    no_human = _NO_HUMAN_RE.search(clause)
    human = _HUMAN_RE.search(clause)
    task_share = bool(tasks) or (noun and re.fullmatch(_TASK_NOUNS, noun, _I))
    if task_share and (no_human or (human and (_AI_WORD.search(sentence)
                                              or _HUMAN_NEED.search(clause)))):
        if no_human:
            return Figure("automation_rate", noun or _kind_text(tasks.group(0)) if tasks else noun,
                          True)
        return Figure("human_involvement", noun or _kind_text(tasks.group(0)), True)
    if _AUTOMATION_WORD.search(clause) and re.search(r"\brate\b|\btaux\b|\bshare\b|\bpart\b",
                                                     clause, _I):
        return Figure("automation_rate", noun, True)
    # detection and error rates, nearest cue wins
    err = _near(_ERROR_RE, clause, s, e, 60)
    det = _near(_DETECT_RE, clause, s, e, 60)
    if not (noun or _SHARE_OF.match(sentence[q.end:q.end + 70])):
        # a verb ("missed", "detects") needs what it counts ("of knives", "of them"); a rate does not
        err = err if err and _RATE_NOUN.search(err.group(0)) else None
        det = det if det and _RATE_NOUN.search(det.group(0)) else None
    if err or det:
        named_rate = min((_distance(c, s, e) for c in (err, det)
                          if c is not None and _RATE_NOUN.search(c.group(0))), default=99)
        if metric in ("revenue", "arr", "profit", "growth", "churn") and not noun and named_rate > 30:
            return None  # "revenue rose 20%, helped by fewer errors": not a rate of the AI
        if _distance(err, s, e) <= _distance(det, s, e):
            return Figure("error_rate", noun, True)
        return Figure("accuracy", noun, True)
    return None


# ---------------------------------------------------------------------------- main entry
def classify(sentence: str, q: Quantity, metric: str) -> Figure:
    """Refine ``metric`` (from :func:`metrics.metric_for`) for the quantity ``q`` of ``sentence``."""
    if not any(ch.isdigit() for ch in q.text):
        word = word_metric(q.text)
        if word is not None:
            kind = _kind_text(q.noun) if q.noun else None
            if word == "count":  # "none had been sold": the sentence's count metric
                if metric in ("customers", "users", "employees", "units"):
                    return Figure(metric, other_kind_for(sentence, q) if metric == "units" else None,
                                  True)
                return Figure("other", other_kind_for(sentence, q), True)
            return Figure(word, kind, True)
    if q.unit == "percent":
        ai = _percent_ai(sentence, q, metric)
        if ai is not None:
            return ai
        noun = _share_noun(sentence, q.end)
        if metric in ("customers", "users", "units") or (
                metric == "employees" and noun and not _STAFF.fullmatch(noun)
                and not _LAYOFF.search(sentence)):  # "10% of its users existed": a share
            return Figure("other", noun or metric, True)
        if metric == "other":
            lo, hi = clause_of(sentence, q.start, q.end)
            if _REDUCTION.search(sentence[lo:hi]) and not _DISCOUNT.search(sentence) \
                    and q.value > 0:
                return Figure("other", "reduction", True)  # "cuts review time by 60%"
            if noun and _owned_share(sentence, q.end):
                return Figure("other", noun, True)  # "8% of its buyers still open the app"
        return Figure(metric, noun if metric == "other" else None)
    if q.unit == "count":
        return _count(sentence, q, metric)
    if not re.fullmatch(r"[A-Z]{3}", q.unit):
        return Figure(metric)  # a measure ("5 months") or a price per unit ("USD/month")
    return _money(sentence, q, metric)


def _count(sentence: str, q: Quantity, metric: str) -> Figure:
    after = (q.noun or sentence[q.end:q.end + 40]).lstrip()
    lo, hi = clause_of(sentence, q.start, q.end)
    if _PEOPLE_NOUN.match(after) and metric in ("employees", "users", "customers", "other"):
        if _REPLACED_BEFORE.search(sentence[max(0, q.start - 40):q.start]):
            kind = other_kind_for(sentence, q)
            return Figure("other", f"{kind} replaced" if kind else "people replaced", True)
        if _CONTRACT_PEOPLE.match(after):
            return Figure("other", other_kind_for(sentence, q), True)
        if _BEHIND_AI.search(sentence[lo:hi]) and _AI_WORD.search(sentence):
            return Figure("human_involvement", other_kind_for(sentence, q), True)
    if re.match(r"\s*(?:[\w-]+\s+){0,1}?(?:fake|bots?|fraudulent|fictitious|phony|phoney|"
                r"non-?existent|inauthentic|spam|made-up|faux|fictifs|factices)\b",
                sentence[q.end:q.end + 40], _I) and _BOT_RE.search(sentence[q.end:q.end + 50]):
        return Figure("other", "fake accounts", True)  # "3 million fake accounts"
    reservation = re.match(r"^(?:[\w-]+\s+){0,2}?(?:reservations?|réservations?|pre-?orders?|"
                           r"pré-?commandes?|précommandes?|orders|commandes)\b", after, _I) or (
        not q.noun and re.search(r"\b(?:reservations?|réservations?|pre-?orders?|pré-?commandes?|"
                                 r"précommandes?)\b\W+(?:\w+\W+){0,2}$",
                                 sentence[max(0, q.start - 40):q.start], _I))
    if reservation and metric not in ("customers", "users", "employees"):
        return Figure("other", other_kind_for(sentence, q), True)  # orders are not units sold
    if metric == "units" and re.match(r"^(?:[\w-]+\s+){0,2}?(?:features?|updates?|versions?|"
                                      r"releases?|fonctionnalités?|mises à jour)\b", after, _I):
        return Figure("other", other_kind_for(sentence, q), True)  # "16 updates shipped": no units
    if metric in ("customers", "users", "employees") and _CONTACTED_BEFORE.search(
            sentence[max(0, q.start - 60):q.start]):
        noun = _kind_text(q.noun) if q.noun else metric
        return Figure("other", f"{noun} contacted", True)  # "emailed 50,000 customers": a sample
    if metric == "units":  # units sold, shipped, delivered: "units", with what they are
        return Figure("units", other_kind_for(sentence, q), True)
    if (metric not in ("customers", "users", "employees") or (
            metric == "users" and q.noun and not _PEOPLE_NOUN.match(q.noun)
            and not count_metric_by_verb(sentence, q.start, q.end))) and _UNIT_NOUN.match(after):
        return Figure("other", other_kind_for(sentence, q), True)
    if metric in ("customers", "users") and re.match(
            r"^\s*(?:[\w-]+\s+){0,2}?(?:who|qui)\s+(?:\w+\s+)?(?:bought|purchased|ordered|ont acheté|"
            r"ont commandé|achètent)\b", sentence[q.end:q.end + 60], _I):
        return Figure("units", "units sold", True)  # "the 80,000 people who bought the device"
    if metric == "other":
        return Figure(metric, other_kind_for(sentence, q))
    return Figure(metric)


def _money(sentence: str, q: Quantity, metric: str) -> Figure:
    before = sentence[max(0, q.start - 60):q.start]
    lo, hi = clause_of(sentence, q.start, q.end)
    clause = sentence[lo:hi]
    s, e = q.start - lo, q.end - lo
    if metric in ("funding", "valuation", "other") and _REVENUE_AFTER.match(sentence[q.end:q.end + 40]):
        return Figure("revenue")  # "brought in $50M in revenue"
    if metric in ("bookings", "revenue", "valuation", "other") and _near(_BACKLOG, clause, s, e, 30):
        return Figure("other", "order backlog", True)  # "a $2 billion order backlog": orders
    moved = _MOVED_BEFORE.search(before) or _TOOK_BEFORE.search(before)
    if moved and not _REVENUE_AFTER.match(sentence[q.end:q.end + 40]):
        kind = ("funds seized" if moved.re is _TOOK_BEFORE or moved.group("seized")
                else "debt" if moved.group("debt") else "fine")
        return Figure("other", kind, True)  # "a lender seized $12M from it": not revenue
    if metric in ("funding", "valuation", "revenue", "other"):
        if _VALUED_BEFORE.search(before):
            return Figure("valuation")
        if _RAISED_BEFORE.search(before) and not re.search(
                r"\bvalu\w+|\bvaloris\w+", sentence[max(0, q.start - 25):q.start], _I):
            return Figure("funding")
    if metric == "funding" and _PITCHED_INVESTORS.search(sentence[q.end:q.end + 50]) and not \
            re.search(r"\b(?:rais\w+|funding|round|lev\w+|financement)\b", clause, _I):
        # "brought in $50M in revenue, short of the $220M it had pitched to investors"
        if re.search(r"\b(?:revenues?|sales|chiffre d['’]affaires|revenus|ventes)\b", sentence, _I):
            return Figure("revenue")
        return Figure("other", other_kind_for(sentence, q))
    if metric in ("valuation", "revenue", "other") and _RESERVATION_VALUE.search(clause):
        return Figure("other", other_kind_for(sentence, q), True)
    if metric in ("valuation", "revenue", "funding", "other", "bookings") and (
            (_SHARE_PRICE.search(clause) and _near(_PRICE, clause, s, e, 60) is not None)
            or re.search(r"\bshares?\b[^.;]{0,40}\bapiece\b|\bprix par action\b", clause, _I)):
        return Figure("other", "share price", True)
    price = _near(_PRICE, clause, s, e, 35)
    if price is not None and price.group(0).lower().startswith("pric") and _ROUND.search(clause):
        price = None  # "the round priced the company at $600M": a valuation
    costs = _COSTS_BEFORE.search(before) is not None
    if (price is not None or costs) and metric in ("valuation", "revenue", "other", "funding"):
        cue = _near(_COMPANY_MONEY_CUE, clause, s, e, 35)
        if cue is None or costs or _distance(cue, s, e) > _distance(price, s, e):
            for pattern, kind in _MONEY_KINDS:
                if _near(pattern, clause, s, e, 15):
                    return Figure("other", kind, True)  # "a $1,500 deposit each"
            if DROP_PRODUCT_PRICES:
                return Figure("other", "price", False)
            return Figure("other", "price", True)
    if metric == "other":
        return Figure("other", other_kind_for(sentence, q))
    return Figure(metric)
