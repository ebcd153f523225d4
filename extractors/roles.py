"""Per-language cue tables: who is a counterparty, who refers back to the article's company.

Data, not code: each table maps a language to a list of phrases (regular-expression
fragments, matched case-insensitively on word boundaries). Adding a French verb is one
line in the French list. ``compiled(table, language, ...)`` builds (once) the regex the
rules use.

- ``COUNTERPARTY_BEFORE`` — words right before an organisation that make it a counterparty
  of the figure (investor, lender, acquirer, customer, partner, auditor; a rival is none,
  its own figures are its own): "backed by
  X", "acquired by X", "a lender, X", "soutenue par X", "rachetée par X";
- ``COUNTERPARTY_AFTER`` — words right after an organisation that make it the counterparty:
  "X invested", "X paid ... to buy", "X, a lender,", "X avait investi", "X a injecté";
- ``PRODUCT_BEFORE`` / ``PRODUCT_AFTER`` — a name used as a product's ("its Acme Voice
  solution"): the figure belongs to its maker;
- ``REFERENCES`` — words that refer back to the company the article is about: "the
  company", "the startup", "it", "its", "la start-up", "l'entreprise", "elle", "son".
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["COUNTERPARTY_AFTER", "COUNTERPARTY_BEFORE", "PRODUCT_AFTER", "PRODUCT_BEFORE",
           "REFERENCES", "compiled"]

COUNTERPARTY_BEFORE: dict[str, list[str]] = {
    "en": [
        r"backed by", r"(?:co-)?led by", r"funded by", r"financed by", r"owned by",
        r"acquired by", r"bought by", r"purchased by", r"taken over by", r"sold to",
        r"(?:an? |the )?investments? (?:from|by)", r"(?:a |the )?stake (?:from|by)",
        r"(?:a |the )?(?:loan|credit|debt) (?:from|by)", r"(?:its |the )?lenders?,?",
        r"(?:its |the )?creditors?,?", r"(?:its |the )?(?:main |biggest |largest )?"
        r"(?:investors?|backers?|shareholders?),?", r"(?:investors?|backers?) (?:such as|like|"
        r"including)", r"backers that included", r"(?:that|which) included",
        r"(?:its |the )?(?:auditors?|partners?|customers?|clients?),?",
        r"(?:customers?|clients?|partners?) (?:such as|like|including)", r"partnered with",
        r"a partnership with", r"a deal with", r"sued", r"a (?:lawsuit|complaint) (?:by|from)",
        r"(?:a )?firm owned by", r"worked (?:at|for)", r"passed through", r"alumni of",
        r"defraud(?:ed|ing)?", r"dup(?:ed|ing)", r"misled", r"deceived", r"accused",
        # the publication or a third party whose finding it is
        r"(?:an? |the )?(?:review|investigation|analysis|report|audit|survey|study|estimate)s? "
        r"(?:by|from|of)", r"(?:reported|found|revealed|estimated|compiled) by",
    ],
    "fr": [
        r"soutenu(?:e|s|es)? par", r"men[ée](?:e|s|es)? par", r"co-men[ée](?:e|s|es)? par",
        r"financ[ée](?:e|s|es)? par", r"détenu(?:e|s|es)? par", r"rachet[ée](?:e|s|es)? par",
        r"acquis(?:e|es)? par", r"repris(?:e|es)? par", r"vendu(?:e|s|es)? à",
        r"(?:un |l['’])?investissement (?:de|d['’])", r"(?:son |le )?(?:principal )?"
        r"(?:créancier|prêteur|investisseur|actionnaire|client|partenaire|"
        r"auditeur),?", r"parmi lesquels", r"parmi lesquelles", r"auprès de",
        r"(?:clients?|partenaires?) (?:comme|tels? que|dont)", r"un partenariat avec",
        r"un accord avec", r"pass[ée]s? par", r"ancien(?:ne)?s? (?:de|d['’])",
        r"(?:a |avoir )?dupé", r"(?:a |avoir )?trompé", r"(?:a |avoir )?escroqué",
        r"(?:une |l['’])?(?:enquête|analyse|étude|estimation|audit|article)s? (?:du|de|d['’]|des)",
        r"(?:révélée?s?|publiée?s?|estimée?s?) par",
    ],
}

COUNTERPARTY_AFTER: dict[str, list[str]] = {
    "en": [
        r"(?:had |has |have )?(?:invested|injected|put|paid|spent|lent|loaned|wagered|bet)",
        r"(?:had |has )?(?:bought|acquired|agreed to (?:buy|acquire)|took over)",
        r"(?:had |has )?(?:led|co-led|joined|participated in) (?:the|its|a) (?:round|deal)",
        r",? an? (?:lender|creditor|investor|backer|shareholder|auditor|customer|"
        r"client|partner)", r"['’]s (?:investment|stake|acquisition|takeover|loan)",
        r"(?:invests|invest|pays|buys|acquires)",
        r"(?:now )?(?:accuses|accused|alleges|alleged|sues|sued|charges|charged|shuts|shut down|"
        r"fired|fires)",
    ],
    "fr": [
        r"(?:a|avait|ont|avaient)(?: déjà| aussi| notamment)? (?:investi|injecté|misé|placé|"
        r"payé|déboursé|prêté|mis)",
        r"(?:a|avait)(?: déjà)? (?:racheté|acquis|repris)", r"accuse", r"a accusé", r"poursuit",
        r"a porté plainte", r"investit", r"rachète", r"injecte",
        r",? (?:son |le |un )?(?:créancier|prêteur|investisseur|actionnaire|auditeur|"
        r"client|partenaire)", r"participe", r"a participé", r"(?:ne )?participe pas",
    ],
}

# a name used as a product's: "its Acme Voice solution", "the Acme One truck", "son
# application Acme"; the figure belongs to the maker (the article's company)
PRODUCT_BEFORE: dict[str, list[str]] = {
    "en": [r"its", r"their", r"the company['’]s", r"the startup['’]s", r"the firm['’]s"],
    "fr": [r"son", r"sa", r"ses", r"(?:son|sa) (?:application|appli|logiciel|produit|outil|"
           r"assistant|solution|plateforme|modèle|véhicule|camion|appareil)"],
}
PRODUCT_AFTER: dict[str, list[str]] = {
    "en": [r"(?:solution|product|app|application|device|gadget|software|tool|chatbot|assistant|"
           r"model|engine|system|truck|car|vehicle|phone|headset|service|platform)s?"],
    "fr": [r"(?:solution|produit|application|appli|appareil|logiciel|outil|assistant|modèle|"
           r"moteur|système|camion|véhicule|service|plateforme)s?"],
}

REFERENCES: dict[str, list[str]] = {
    "en": [
        r"the (?:company|startup|start-up|firm|business|unicorn|scale-?up|platform|group)",
        r"it", r"its",
    ],
    "fr": [
        r"la (?:start-?up|société|jeune pousse|pépite|licorne|firme|plateforme|scale-?up)",
        r"l['’]entreprise", r"le groupe", r"elle", r"son", r"sa", r"ses",
    ],
}


@lru_cache(maxsize=None)
def _compile(key: str, language: str, anchor: str) -> re.Pattern:
    table = {"before": COUNTERPARTY_BEFORE, "after": COUNTERPARTY_AFTER,
             "product_before": PRODUCT_BEFORE, "product_after": PRODUCT_AFTER,
             "references": REFERENCES}[key]
    phrases = table.get(language) or table["en"]
    body = "|".join(f"(?:{p})" for p in sorted(phrases, key=len, reverse=True))
    if anchor == "end":  # the phrase ends right before the name
        return re.compile(rf"\b(?:{body})\s+(?:the\s+|l['’]|la\s+|le\s+|les\s+)?$", re.IGNORECASE)
    if anchor == "start":  # the phrase starts right after the name
        return re.compile(rf"^\s*(?:(?:also|already|then|déjà|aussi|,\s*qui)\s+)?(?:{body})\b",
                          re.IGNORECASE)
    return re.compile(rf"\b(?:{body})\b" if key != "references" else
                      rf"(?<![\w'’-])(?:{body})(?![\w'’-])", re.IGNORECASE)


def compiled(key: str, language: str, anchor: str = "any") -> re.Pattern:
    """The regex of table ``key`` ("before", "after", "product_before", "product_after",
    "references") for ``language``;
    ``anchor`` "end" (the phrase ends the text), "start" (it begins it) or "any"."""
    return _compile(key, "fr" if language == "fr" else "en", anchor)
