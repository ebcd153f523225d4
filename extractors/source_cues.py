"""Per-language tables of source cues: who a figure comes from.

Data, not code. Each table maps a language to a list of phrases (regular-expression
fragments matched case-insensitively, starting on a word boundary); adding a French verb is
one line in the French list. ``attribution`` compiles them (all languages together: an
English quote in a French article still counts).

- ``REPORTER_CUES``: the publication's own findings and third parties: documents, filings,
  audits, regulators, lawsuits, former employees, people familiar, investors, analysts,
  "reportedly", "selon des documents", "d'après", the French conditional of reported facts;
- ``COMPANY_CUES``: the company or its people asserting: said, announced, claims, has
  advertised, pitched to investors, told, according to the company, its website, a press
  release, "selon l'entreprise", "affirme", "revendique";
- ``CLAIMED_BEFORE`` / ``CLAIMED_AFTER``: a claim word fastened to the figure ("the
  advertised $10M", "les 10 millions revendiqués").
"""

from __future__ import annotations

__all__ = ["BELIEF_CUES", "CLAIMED_AFTER", "CLAIMED_BEFORE", "COMPANY_CUES", "REPORTER_CUES"]

_DETERMINERS = (r"(?:(?:several|multiple|two|three|four|five|\d+|some|anonymous|internal|the|a|an|"
                r"its|his|her|their|our|court|financial|people|former|current|)\s*)*")

REPORTER_CUES: dict[str, list[str]] = {
    "en": [
        rf"according to {_DETERMINERS}(?:sources?|people|persons?|documents?|filings?|records?|"
        r"employees?|staff(?:ers)?|workers|investors?|analysts?|an? investigation|investigation|"
        r"data|estimates|court|lawsuit|complaint|audit|auditors?|insiders?|emails?|messages|"
        r"customers|regulators?|prosecutors?|the (?:bank|lender|buyer|acquirer)['’]s)",
        r"sources (?:said|say|told|familiar|close)", r"people (?:familiar|close|with knowledge)",
        r"(?:people|persons|sources) close to",
        r"(?:documents|filings|records|emails|messages) (?:seen|reviewed|obtained|show|showed)",
        r"(?:seen|reviewed|obtained) by",
        r"former (?:employees?|staff(?:ers)?|executives?|workers)",
        r"(?:a |the |its |the company['’]s |the startup['’]s )?former (?:\w+ )?(?:cfo|ceo|cto|coo|"
        r"chief \w+ officer|executive|manager|engineer|director|salesperson|staffer|contractor)s?",
        r"(?:current and former|ex-)(?:employees|staff)", r"(?:an?|the|our) investigation",
        r"investigations?,? (?:however,? )?(?:have )?(?:found|exposed|revealed|showed)",
        r"analysts? (?:say|said|estimate|estimated|believe)", r"estimated by",
        r"(?:staff|employees) (?:said|say|told)", r"whistleblowers?", r"lawsuit",
        r"(?:the|a|its|his|her) complaint", r"(?:found|discovered|learned|revealed) that",
        r"in (?:reality|truth|fact)", r"clos(?:er|e) to", r"actually (?:had|has|was|were|received|got|"
        r"bought|acquired|found|delivered)",
        r"reportedly", r"allegedly", r"alleges?", r"(?:an? |the )?audit(?:ors)? (?:found|showed|"
        r"revealed)", r"(?:regulators?|prosecutors?|the sec|the ftc|the doj) (?:said|say|found|"
        r"alleged|alleges|charged)", r"(?:its|the|an?|their) (?:annual |quarterly |latest |"
        r"regulatory |sec )?(?:filings?|annual report|accounts)", r"filing (?:shows?|showed)",
        r"in an? (?:sec |regulatory )?filing", r"internal (?:presentation|documents?|data|memo|"
        r"deck|figures)", r"(?:data|figures|estimates) (?:from|by|suggests?|shows?|indicates?)",
        r"the revised figures", r"(?:was|were|had been) (?:cut|lowered|restated|revised)",
        r"when (?:it|they|the company|the startup) (?:actually |really |only )?(?:had|has|made)",
        r"the (?:real|actual|true) (?:number|figure|total|amount)", r"in reality",
    ],
    "fr": [
        r"selon (?:nos|des|plusieurs|d['’]anciens|les|un|une|deux|trois) (?:informations|"
        r"sources?|documents?|salariés|employés|anciens|personnes|enquête|analystes?|"
        r"estimations|données|proches|audits?|comptes|révélations)",
        r"d['’]après (?:nos|des|plusieurs|les|un|une|l['’]audit|l['’]enquête)",
        r"d['’]anciens (?:salariés|employés|collaborateurs)",
        r"(?:un |une |son |sa |l['’])?ancien(?:ne)? (?:directeur|directrice|salarié|salariée|"
        r"employé|employée|cadre|dirigeant|dirigeante|ingénieur|commercial)", r"notre enquête", r"une enquête",
        r"selon nos informations", r"ont confié", r"sous couvert d['’]anonymat",
        r"estim(?:e|ent|ait|é) par", r"analystes", r"comptes (?:déposés|annuels|publiés)",
        r"greffe", r"documents? internes?", r"données (?:de|du|d['’])",
        r"selon (?:un|une) (?:ancien|ancienne|source|proche|personne|document|analyste|"
        r"investisseur)", r"proches? du dossier", r"en réalité", r"plutôt proche",
        r"(?:a|ont) révélé", r"révèle", r"constate", r"a constaté",
        r"le (?:vrai|véritable|réel) (?:chiffre|nombre|montant)",
        r"alors qu['’](?:elle|il) n['’](?:avait|a|comptait|réalisait)",
        # the conditional of reported facts ("aurait perdu", "atteindrait"), not "devrait"
        r"(?:aurai(?:t|ent)|serai(?:t|ent))", r"(?!(?:dev|pour|voud|faud|sau)rai)\w{3,}"
        r"(?:e|i)rai(?:t|ent)",
    ],
}

COMPANY_CUES: dict[str, list[str]] = {
    "en": [
        r"(?:the (?:[\w-]+ ){0,2}(?:company|startup|start-up|firm|business|group)|it) "
        r"(?:has |had |now )*(?:\w+ly )?(?:said|says|claims?|claimed|announced|reported|told|"
        r"touted|advertised|stated|states|disclosed|confirmed|boasted|expects|projected|"
        r"admitted|acknowledged|concedes|conceded|clarified|explained|noted|added|insists|"
        r"insisted)",
        r"according to (?:the company|the startup|the firm|a (?:company )?spokes(?:person|woman|"
        r"man)|its (?:ceo|founder|cofounder|co-founder|website|press release|announcement)|"
        r"(?:a|the|today['’]s|its|a recent) (?:press release|statement|announcement|website))",
        r"(?:ceo|chief executive|founder|co-?founder|cofounder|spokes(?:person|woman|man)|"
        r"president|cfo|cto|chief \w+ officer)\b[^.]{0,60}\b(?:said|says|told|claimed|claims|"
        r"stated|wrote|posted|boasted|added|noted|bragged|acknowledged|admitted|conceded|"
        r"called|argued|arguing|insisted)",
        r"(?:said|says|told|claimed|wrote)\s+(?:\w+\s+){0,3}(?:ceo|chief executive|founder|"
        r"co-?founder|cofounder|spokes\w+)",
        r"in a (?:statement|press release|blog post|post|announcement|letter|pitch deck)",
        r"claim(?:s|ed|ing)?", r"announc(?:es|ed|ing)", r"touts?", r"touted", r"touting",
        r"advertis(?:es|ed|ing)", r"boast(?:s|ed|ing)?", r"bragged", r"brags",
        r"told (?:customers|investors|prospective|clients|employees|staff)",
        r"markets? itself", r"pitch(?:es|ed)", r"(?:had )?pitched to investors",
        r"said (?:on|in) (?:its|a)", r"(?:its|the company['’]s|the firm['’]s) (?:website|site)",
        r"(?:its|the) (?:web)?site (?:now )?(?:said|says|claimed|claims|stated|states)",
        r"promised (?:to )?(?:its )?(?:investors|customers|clients|shareholders)",
        r"(?:has|have) (?:now )?(?:\w+ly )?admitted",
        # a target or a forecast is the company's own statement ("Acme expects", "it aims")
        r"expects", r"aims", r"plans", r"targets", r"projects", r"forecasts", r"hopes",
        r"(?:had |has )?(?:promised|pledged|vowed|committed) to",
        r"(?:and|but) (?:says|said|claims|claimed) (?:it|that|they)", r"(?:publicly )?cited",
    ],
    "fr": [
        r"selon (?:l['’]entreprise|la (?:société|start-up|startup|jeune pousse)|son (?:pdg|"
        r"fondateur|patron|dirigeant|cofondateur|co-fondateur)|un communiqué|le communiqué|"
        r"la direction|son site)",
        r"affirme", r"affirmait", r"a affirmé", r"annonce", r"a annoncé", r"revendique",
        r"revendiquait", r"assure", r"assurait", r"a assuré", r"indique", r"a indiqué",
        r"déclare", r"a déclaré", r"se targue", r"se vante", r"vante", r"vantait",
        r"communique", r"a communiqué", r"précise", r"a précisé", r"dans un communiqué",
        r"(?:avait|a) promis (?:à|aux) (?:ses )?(?:investisseurs|clients|actionnaires)",
        r"(?:fait|faisait|a fait|avait fait) miroiter", r"mis(?:es)? en avant",
        r"sur son site",
        r"vise", r"visait", r"prévoit", r"prévoyait", r"ambitionne", r"table sur", r"espère",
        r"compte (?:atteindre|réaliser|lever|doubler|tripler|dépasser|recruter|embaucher)",
        r"(?:avait |a )?promis de", r"s['’](?:est|était) engagée? à",
        r"compte (?:en |y )?\w+er", r"dit (?:compter|avoir|réaliser|employer|servir|atteindre)",
        r"en annonçant", r"annonçant", r"revendiquant", r"affirmant",
        r"soutenant qu[e'’]",
    ],
}

# what a buyer or investor was led to believe: the company's representation, for the figures
# after the cue only ("paid $90M on the understanding that 2 million people used it")
BELIEF_CUES: dict[str, list[str]] = {
    "en": [r"(?:what|which) (?:it|they|he|she|investors|the (?:bank|buyer|acquirer|investors?|fund)) "
           r"(?:thought|believed|assumed|was told) (?:it was|was|were|it had)",
           r"on the (?:understanding|belief|assumption|premise) that",
           r"believing (?:it|they) (?:was|were) (?:buying|acquiring|getting|investing in)"],
    "fr": [r"(?:croyant|pensant) (?:acheter|acquérir|racheter|investir dans|obtenir)",
           r"ce qu['’](?:elle|il|ils|elles|on) (?:croyai(?:en)?t|pensai(?:en)?t) (?:être|acheter|acquérir)",
           r"en (?:croyant|pensant) que"],
}

CLAIMED_BEFORE: dict[str, list[str]] = {
    "en": [r"claimed", r"advertised", r"touted", r"announced", r"stated", r"purported",
           r"so-called", r"self-reported", r"reported", r"promised", r"earlier", r"previous",
           r"initial", r"original", r"pitched", r"reporting", r"claiming", r"touting",
           r"advertising", r"promising", r"announcing",
           r"(?:cut|lowered|reduced|revised|restated|slashed|trimmed|downgraded) (?:down )?from"],
    "fr": [r"revendiqués?", r"revendiquées?", r"annoncés?", r"annoncées?", r"affichés?",
           r"affichées?", r"promis", r"(?:ramené|abaissé|révisé|réduit)(?:e|s|es)? "
           r"(?:à la baisse )?de"],
}

CLAIMED_AFTER: dict[str, list[str]] = {
    "en": [r"claimed", r"claims", r"advertised", r"touted", r"announced", r"promised",
           r"(?:had |has )?pitched", r"(?:had |has )?(?:claimed|advertised|promised|touted)"],
    "fr": [r"revendiqués?", r"revendiquées?", r"annoncés?", r"annoncées?", r"affichés?",
           r"affichées?", r"mis en avant", r"promis",
           r"(?:qui|qu['’]elle|qu['’]il) (?:avait|avaient|a|ont) (?:été )?(?:annoncés?|annoncées?|"
           r"promis|revendiqués?|revendiquées?|affichés?|affichées?|mis en avant)"],
}

# verbs of a speaker asserting something ("Acme said", "its founder acknowledged")
SPEECH_VERBS: dict[str, list[str]] = {
    "en": [r"said", r"says", r"told", r"announced", r"announces", r"reported", r"reports",
           r"disclosed", r"confirmed", r"stated", r"states", r"claims", r"claimed",
           r"acknowledged", r"admitted", r"conceded", r"bragged", r"boasted", r"called",
           r"argued", r"arguing", r"insisted", r"wrote", r"posted", r"touted", r"explained"],
    "fr": [r"a (?:annoncé|déclaré|indiqué|affirmé|précisé|reconnu|admis|expliqué|assuré|"
           r"confié|écrit)", r"affirme", r"annonce", r"indique", r"déclare", r"revendique",
           r"reconnaît", r"explique", r"assure", r"se félicite", r"se vante"],
}

# titles that make a named person speak for the company ("Ana Ruiz, Acme's founder")
EXECUTIVE_TITLES: dict[str, list[str]] = {
    "en": [r"founder", r"co-?founder", r"cofounder", r"ceo", r"chief executive(?: officer)?",
           r"president", r"chairman", r"chairwoman", r"cfo", r"cto", r"coo",
           r"chief \w+ officer", r"spokes(?:person|woman|man)", r"managing director"],
    "fr": [r"fondat(?:eur|rice)", r"cofondat(?:eur|rice)", r"co-fondat(?:eur|rice)", r"pdg",
           r"président(?:e)?", r"directeur général", r"directrice générale", r"dirigeant(?:e)?",
           r"patron(?:ne)?", r"porte-parole"],
}
