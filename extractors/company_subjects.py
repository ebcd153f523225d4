"""Company names found by their position, and organisations cited as sources.

Small models miss many unseen names (fr_core_news_sm tags "Écho Labs" as a person, misses
"Sablier" altogether). These rules find a name by where it sits, in English and French:

- ``subject_spans`` — a capitalised name (accents, digits, ".ai", "Labs", "IA" allowed)
  in subject position before a business verb: "Écho Labs a réalisé", "Quillstack booked";
- ``descriptor_spans`` — a name after a company noun and its adjectives: "la jeune pousse
  nantaise Sablier", "L'éditeur Parchemin", "Analytics firm Sensor Tower";
- ``genitive_spans`` — a name after a metric noun: "le chiffre d'affaires de Cerfeuil",
  "la valorisation d'Épure", "l'application de Tandem Santé", or a use verb ("use Acme");
- ``trim_place`` — "Zurich-based Alpenflow", "Berlin's Kranich Labs": the name, not the place;
- ``is_source_org`` — organisations cited as a source, investor or customer;
- ``split_after_source`` — "According to Crunchbase, Pelagic AI" is two names.
"""

from __future__ import annotations

import re

__all__ = ["NAME", "UPPER", "descriptor_spans", "genitive_spans", "is_source_org",
           "split_after_source", "subject_spans", "trim_place"]

UPPER = "A-ZÀ-ÖØ-Þ"
_TOKEN = rf"[{UPPER}0-9][\w.&'’-]*"
# one to three capitalised tokens; the last must not end in a possessive
NAME = rf"(?:{_TOKEN}\s+){{0,2}}[{UPPER}0-9][\w.&-]*"

_BUSINESS_VERBS = (
    r"(?:has|had|raised|raises|employs|employed|serves|served|counts|reported|reports|posted|"
    r"generated|generates|grew|lost|booked|books|signed|processed|shipped|sold|sells|hit|"
    r"reached|claims|claimed|touts|secured|closed|cut|hired|expects|plans|aims|"
    r"is valued|was valued|turned|made|earned|burned|burns|crossed|surpassed|topped|"
    r"a\s+(?:levé|réalisé|enregistré|bouclé|traité|atteint|perdu|dépassé|signé|généré|"
    r"réduit|vu|embauché|licencié|recruté|vendu|livré|doublé|triplé|annoncé|affiché|"
    r"conclu|finalisé|gagné|franchi|séduit|convaincu)|lève|compte|comptait|emploie|"
    r"employait|revendique|revendiquait|affiche|affichait|réalise|atteint|annonce|vise|"
    r"prévoit|sert|dépasse|génère|pèse|aurait|serait|"
    r"est\s+valoris[ée]+|a\s+été\s+valoris[ée]+|\w+rait)")
_SUBJECT = re.compile(
    rf"(?:^|[.;:!?]\s+|,\s+|\b(?:and|but|while|et|mais|alors que)\s+)({NAME})"
    rf"(?:\s+\((?:[^()]{{1,40}})\))?\s+(?:now\s+|also\s+|still\s+|désormais\s+|déjà\s+|"
    rf"n['’]\s*)?{_BUSINESS_VERBS}\b")
_NOT_NAMES = frozenset(
    "The A An This That It Its Le La Les Un Une Ce Cette Il Elle Ils Elles In On At Selon "
    "According Last Since En Au Aux Du Des De Sa Son Ses Leur Leurs Mais Et But And However "
    "Yet So Then Now Today Also Still Investors Analysts Customers Employees Staff Revenue "
    "Sales Documents Data People Sources Nous On We They He She I You Après Avant Depuis "
    "Pour Avec Sans Chez Dans Sur Former Several Many Some Most Our Fondée Founded Based "
    "Which Who Whose Qui Que Dont Où Lorsque Quand When While If Si Toutefois Cependant "
    "Pourtant Ainsi Enfin Aujourd Hier Demain L D Ces Cet Tout Tous Toutes Chaque Each Every "
    "Both Either One Two Three Deux Trois Moins Plus Près Environ About Nearly More Less "
    "Up Entre Between Jusqu Au-delà Over Under Almost".split())

_COMPANY_NOUNS = (  # lower case: "Nasdaq Biotech ETF" is no descriptor
    r"(?:start-?up|startup|scale-?up|jeune pousse|pépite|licorne|fintech|healthtech|"
    r"medtech|edtech|proptech|insurtech|legaltech|biotech|foodtech|deeptech|éditeur|"
    r"plateforme|place de marché|marketplace|groupe|société|entreprise|spécialiste|"
    r"fabricant|constructeur|distributeur|opérateur|application|appli|[Ff]rançais|[Ff]rançaise|"
    r"américain|américaine|britannique|allemand|allemande)")  # English: companies._APPOSITIVE
_DESCRIPTOR = re.compile(
    rf"(?:^|[.;:!?,]\s+|\b(?:[Ll]a|[Ll]e|[Ll]['’]|[Tt]he|[Aa]n?|[Uu]ne?|[Dd]e|[Dd]['’]|"
    rf"[Pp]ar|[Cc]hez)\s*|[\w-]+\s+)"
    rf"{_COMPANY_NOUNS}"
    r"((?:\s+(?:d['’][a-zé][\w-]*|de\s+l['’]\w+|[a-zàâçéèêëîïôûù][\w-]*)){0,3}?)"
    rf"\s+({NAME})(?=[\s,.;:!?)]|$)")
_GENITIVE = re.compile(
    r"\b(?:chiffre d['’]affaires|valorisation|clients?|abonnés|utilisateurs|revenus|"
    r"salariés|effectifs|carnet de commandes|taux de [\w-]+|nombre de [\w-]+|application|"
    r"plateforme|solution(?: de [\w-]+)?|logiciel|outil|perte(?: nette)?|bénéfices?|"
    r"croissance|financement|ventes|volume d['’]affaires|résultat(?: net)?|dette|"
    r"levée de fonds|fondateur|fondatrice|dirigeants?|PDG|patron)"
    rf"\s+(?:de|d['’]|du)\s*({NAME})(?=[\s,.;:!?)]|$)")
_LOWER_ADJ_STOP = frozenset(
    "qui que dont a est et en pour dans avec sur par des les du au aux le la un une ses son sa "
    "se ce of and that which with for in on at by to is was has".split())


def _name_end(text: str, start: int, end: int) -> int:
    """Cut a name at a lower-case word or a possessive: keep capitalised tokens only."""
    words, pos, out = text[start:end].split(" "), start, start
    for w in words:
        if not w or not (w[0].isupper() or w[0].isdigit()):
            break
        out = pos + len(w)
        if re.search(r"['’]s?$", w):
            out = pos + len(re.sub(r"['’]s?$", "", w))
            break
        pos += len(w) + 1
    return out


def _ok(name: str) -> bool:
    head = re.split(r"[\s'’]", name)[0]
    return bool(name) and head not in _NOT_NAMES and not head.isdigit() and not re.fullmatch(
        r"\d[\d.,]*", head)


def subject_spans(text: str) -> list[tuple[int, int]]:
    """Names in subject position before a business verb ("Écho Labs a réalisé ...")."""
    out = []
    for m in _SUBJECT.finditer(text):
        start, end = m.span(1)
        name = text[start:end]
        words = name.split()
        while words and words[0] in _NOT_NAMES:  # "Selon Mistigri" never; "Et Acme" -> Acme
            start += len(words[0]) + 1
            words = words[1:]
        if words and _ok(" ".join(words)):
            out.append((start, end))
    return out


def descriptor_spans(text: str) -> list[tuple[int, int]]:
    """Names after a company noun and its adjectives ("la fintech lyonnaise Pivot")."""
    out = []
    for m in _DESCRIPTOR.finditer(text):
        adjectives = (m.group(1) or "").split()
        if any(a.lower() in _LOWER_ADJ_STOP for a in adjectives):
            continue
        start = m.start(2)
        end = _name_end(text, start, m.end(2))
        if end > start and _ok(text[start:end]):
            out.append((start, end))
    return out


# "people use Kettle Notes", "paient pour Ondine": the product or company used
_USED = re.compile(rf"\b(?:use|uses|used|using|pay for|pays for|paid for|subscribe to|rely on|"
                   rf"utilisent|utilisaient|paient pour|s['’]abonnent à)\s+({NAME})(?=[\s,.;:!?)]|$)")


def genitive_spans(text: str) -> list[tuple[int, int]]:
    """Names after a metric noun and "de" ("la valorisation d'Épure") or a use verb
    ("people use Kettle Notes")."""
    out = []
    for m in [*_GENITIVE.finditer(text), *_USED.finditer(text)]:
        start = m.start(1)
        end = _name_end(text, start, m.end(1))
        if end > start and _ok(text[start:end]):
            out.append((start, end))
    return out


_PLACE_PREFIX = re.compile(rf"^[{UPPER}][\w.-]*(?:[\s-][{UPPER}][\w.-]*)?(?:-based\s+|['’]s\s+)"
                           rf"(?=[{UPPER}0-9])")


def trim_place(text: str, start: int, end: int,
               places: list[tuple[int, int]] = ()) -> tuple[int, int]:
    """Drop a place prefix: "Zurich-based Alpenflow" -> "Alpenflow"; "Berlin's Kranich
    Labs" -> "Kranich Labs" when "Berlin" is a place (``places``) or two words follow."""
    m = _PLACE_PREFIX.match(text, start, end)
    if not m or m.end() >= end:
        return start, end
    if "-based" in m.group(0):
        return m.end(), end
    head_end = start + len(re.split(r"['’]s\s", text[start:end])[0])
    if any(s <= start and head_end <= e for s, e in places) or len(text[m.end():end].split()) >= 2:
        return m.end(), end
    return start, end


# Organisations quoted as a source or an investor: not the claimant unless they are the
# subject of their own sentence ("Northline Ventures raised a $500M fund").
_SOURCE_NAME = re.compile(r"\b(?:Ventures|Capital|Partners|Research|Investments|Invest|"
                          r"Securities|Advisors|Advisers|Associates|Consulting|Insights|"
                          r"Intelligence|Ratings|Fund|Funds|Management)$")
_SOURCE_BEFORE = re.compile(
    r"(?:analysts?|researchers?|economists?|estimates?|data|report|survey|study|research|"
    r"figures|numbers|investors?|fund|funds) (?:at|from|by|of)\s+(?:the\s+)?$|"
    r"(?:led|co-led|backed|funded|compiled|published|seen|reviewed|obtained|estimated|"
    r"conducted|menée?|conduite?|réalisée?|consultés?|publiée?|compilées?) (?:by|par)\s+"
    r"(?:the\s+)?$|"
    r"(?:(?:an?|the) )?(?:spokes(?:person|woman|man)|representative|executive|analyst|"
    r"porte-parole|représentant|analyste)s? (?:for|at|of|from|de|chez)\s+$|"
    r"(?:told|according to|selon|d['’]après|auprès de|une enquête de|l['’]enquête de)\s+"
    r"(?:les?\s+|la\s+|l['’]|the\s+)?$|"
    r"(?:customers?|clients?|clientes?|logos?|partners?|users?) (?:such as|like|including|"
    r"comme|dont|tels? que|telles? que|of|de)\s+$|"
    r"(?:from|including|with|alongside|auprès de|avec|dont|et)\s+(?:investors?\s+|"
    r"investisseurs?\s+)?(?:such as\s+)?$", re.IGNORECASE)
# "three MIT graduates", "Sensor Tower estimates", "LinkedIn data suggest": the name is
# a source or a background detail, not the company the figures are about
_SOURCE_AFTER = re.compile(
    r"^(?:['’]s)?\s+(?:graduates|alumni|dropouts|researchers|professors|students|veterans|"
    r"estimates?|estimated|data\b|figures\b|numbers\b|filings?\b|analysts?\b|"
    r"(?:data|figures)\s+(?:suggests?|shows?|indicates?)|suggests?\b|"
    r"diplômés|anciens\b|estime|estiment|données\b)", re.IGNORECASE)


def is_source_org(sentence: str, start: int, end: int) -> bool:
    """True when the organisation at ``sentence[start:end]`` is cited as a source, investor
    or customer ("analysts at X", "led by X", "a spokesperson for X", "customers such as
    X", "X Ventures", "Sensor Tower estimates") rather than as the company a figure is
    about. A sentence-initial subject is a source only when a source word follows it."""
    if _SOURCE_AFTER.match(sentence[end:end + 40]):
        return True
    before = sentence[max(0, start - 45):start]
    if not before.strip(" \"“«'(") and start < 3:
        return False
    if _SOURCE_BEFORE.search(before):
        return True
    return bool(_SOURCE_NAME.search(sentence[start:end]))


_SOURCE_LEAD = re.compile(r"\b(?:according to|selon|d['’]après)\s+(?:les?\s+|la\s+|l['’]|the\s+)?$",
                          re.IGNORECASE)


def split_after_source(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """"According to Crunchbase, Pelagic AI": an entity run over the comma that closes a
    source phrase is two names; any other span is returned whole."""
    comma = text.find(", ", start, end)
    if comma < 0 or not _SOURCE_LEAD.search(text[max(0, start - 20):start]):
        return [(start, end)]
    return [(start, comma), (comma + 2, end)]
