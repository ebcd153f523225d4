"""Lexicons for the quantity parser: currencies, units, hedges, months, stop words (en, fr)."""

from __future__ import annotations

import re

__all__ = [
    "CURRENCY_PREFIXES", "CURRENCY_WORDS", "CURRENCY_SUFFIX_SIGNS", "SUBUNITS", "ISO_CODES", "PERCENT_WORDS",
    "MEASURE_UNITS", "PER_UNITS", "HEDGES", "MONTHS", "STOP_WORDS", "BUSINESS_NOUNS",
    "alternation", "noun_lemma",
]

# Written before the number. Longest first when compiled.
CURRENCY_PREFIXES = {
    "US$": "USD", "US $": "USD", "U.S. $": "USD", "USD": "USD", "$US": "USD", "$": "USD",
    "HK $": "HKD", "C $": "CAD", "$C": "CAD", "$HK": "HKD", "C$": "CAD", "CA$": "CAD", "CAD": "CAD", "A$": "AUD", "AU$": "AUD", "AU $": "AUD",
    "$A": "AUD", "AUD": "AUD", "HK$": "HKD", "HKD": "HKD", "NZ$": "NZD", "NZ $": "NZD",
    "NZD": "NZD", "S$": "SGD", "S $": "SGD", "SGD": "SGD", "R$": "BRL", "BRL": "BRL",
    "€": "EUR", "EUR": "EUR", "£": "GBP", "GBP": "GBP", "¥": "JPY", "JPY": "JPY",
    "CNY": "CNY", "RMB": "CNY", "CHF": "CHF", "₹": "INR", "Rs.": "INR", "Rs": "INR",
    "INR": "INR", "₩": "KRW", "KRW": "KRW", "₪": "ILS", "ILS": "ILS", "RM": "MYR",
    "₡": "CRC", "₾": "GEL", "₭": "LAK", "₽": "RUB", "₺": "TRY", "₴": "UAH", "₫": "VND",
    "₱": "PHP", "₿": "BTC", "MX$": "MXN", "Mex$": "MXN",
    "MYR": "MYR", "Y=": "JPY", "PS": "GBP", "SEK": "SEK", "NOK": "NOK", "DKK": "DKK", "ZAR": "ZAR", "MXN": "MXN",
}
# Signs written after the number ("10 €", "10M€", "5 $" in French).
CURRENCY_SUFFIX_SIGNS = {"€": "EUR", "$": "USD", "£": "GBP", "¥": "JPY", "US$": "USD",
                         "$US": "USD", "$CA": "CAD", "CHF": "CHF", "₹": "INR", "元": "CNY",
                         "₡": "CRC", "₾": "GEL", "₭": "LAK", "₽": "RUB", "₺": "TRY",
                         "₴": "UAH", "₫": "VND", "₱": "PHP", "₿": "BTC"}
# Coins written after the number: hundredths of a currency ("63 cents", "164p", "18 sen").
SUBUNITS = {"cents": "USD", "cent": "USD", "pence": "GBP", "penny": "GBP", "p": "GBP", "sen": "MYR",
            "centimes": "EUR", "centime": "EUR"}
# ISO codes that may be glued to a number or to an "M" for millions ("115USD", "30 MUSD").
ISO_CODES = ("USD", "EUR", "GBP", "JPY", "CNY", "CHF", "CAD", "AUD", "INR", "HKD", "SGD",
             "NZD", "SEK", "NOK", "DKK", "BRL", "KRW", "MXN", "ZAR", "ILS", "MYR", "RUB",
             "TRY", "BTC", "ETH")
# Words or codes written after the number (optionally after "of"/"de"/"d'").
CURRENCY_WORDS = {
    "us dollars": "USD", "us dollar": "USD", "u.s. dollars": "USD", "american dollars": "USD",
    "dollars américains": "USD", "dollars us": "USD", "dollars": "USD", "dollar": "USD",
    "australian dollars": "AUD", "australian dollar": "AUD", "dollars australiens": "AUD",
    "canadian dollars": "CAD", "canadian dollar": "CAD", "dollars canadiens": "CAD",
    "new zealand dollars": "NZD", "hong kong dollars": "HKD", "singapore dollars": "SGD",
    "euros": "EUR", "euro": "EUR", "pounds sterling": "GBP", "pound sterling": "GBP",
    "pounds": "GBP", "livres sterling": "GBP", "livres": "GBP", "sterling": "GBP",
    "yen": "JPY", "yens": "JPY", "yuan": "CNY", "yuans": "CNY", "renminbi": "CNY",
    "chinese yuan": "CNY", "danish crowns": "DKK", "danish kroner": "DKK",
    "swedish crowns": "SEK", "swedish kronor": "SEK", "norwegian crowns": "NOK",
    "norwegian kroner": "NOK", "couronnes danoises": "DKK", "rupees": "INR", "roupies": "INR", "ringgit": "MYR", "shekels": "ILS",
    "swiss francs": "CHF", "francs suisses": "CHF", "pesos": "MXN", "reais": "BRL",
    "francs": "CHF", "swiss franc": "CHF", "guilders": "NLG", "dutch guilders": "NLG",
    "pesetas": "ESP", "lira": "TRY", "turkish lira": "TRY", "rupee": "INR", "rmb": "CNY",
    "kronor": "SEK", "bitcoins": "BTC", "bitcoin": "BTC", "btc": "BTC", "ether": "ETH",
    "eth": "ETH",
    "usd": "USD", "eur": "EUR", "gbp": "GBP", "jpy": "JPY", "cny": "CNY", "chf": "CHF",
    "cad": "CAD", "aud": "AUD", "inr": "INR", "hkd": "HKD", "sgd": "SGD", "nzd": "NZD",
}
PERCENT_WORDS = ["%", "percent", "per cent", "pour cent", "pour-cent", "pct", "pc"]

# Measured units: surface (lower-case) -> canonical lower-case symbol.
_U = {
    "km": ["km", "kms", "kilometre", "kilometres", "kilometer", "kilometers", "kilomètre",
           "kilomètres"],
    "m": ["metre", "metres", "meter", "meters", "mètre", "mètres"],
    "cm": ["cm", "centimetre", "centimetres", "centimeter", "centimeters", "centimètres"],
    "mm": ["mm", "millimetre", "millimetres", "millimeter", "millimeters", "millimètres"],
    "mile": ["mile", "miles", "mi"], "yard": ["yard", "yards", "yd", "yds"],
    "ft": ["ft", "foot", "feet"], "inch": ["inch", "inches", "pouces", "pouce"],
    "kg": ["kg", "kgs", "kilogram", "kilograms", "kilogramme", "kilogrammes", "kilo", "kilos"],
    "g": ["gram", "grams", "gramme", "grammes"], "lb": ["lb", "lbs"],
    "oz": ["oz", "ounce", "ounces", "once", "onces"],
    "t": ["tonne", "tonnes", "ton", "tons", "metric tons"],
    "l": ["litre", "litres", "liter", "liters"], "ml": ["ml", "millilitre", "millilitres"],
    "gallon": ["gallon", "gallons"], "barrel": ["barrel", "barrels", "barils"],
    "b": ["bytes", "octets"], "kb": ["kb", "ko"], "mb": ["mb", "mo", "megabytes"],
    "gb": ["gb", "go", "gigabyte", "gigabytes", "gigaoctets"],
    "tb": ["tb", "to", "terabyte", "terabytes", "téraoctets"], "pb": ["pb", "petabytes"],
    "gbps": ["gbps", "gb/s"], "mbps": ["mbps", "mb/s"],
    "hz": ["hz", "hertz"], "khz": ["khz"], "mhz": ["mhz"], "ghz": ["ghz"],
    "w": ["watt", "watts"], "kw": ["kw", "kilowatt", "kilowatts"],
    "mw": ["mw", "megawatt", "megawatts", "mégawatts"], "gw": ["gw", "gigawatt", "gigawatts"],
    "kwh": ["kwh"], "mwh": ["mwh"], "gwh": ["gwh"], "twh": ["twh"], "mah": ["mah"],
    "v": ["volt", "volts"], "mph": ["mph", "m.p.h.", "miles per hour"], "mpg": ["mpg", "miles per gallon"], "km/h": ["km/h", "kph", "kmh"],
    "rpm": ["rpm", "tr/min"], "lb-ft": ["lb-ft", "pound-feet", "pound-foot", "lb ft"],
    "nm": ["nm", "newton-metres", "newton metres"], "gt": ["gigatonnes", "gigatons", "gt"], "hp": ["hp", "horsepower", "bhp", "ch", "chevaux"],
    "°c": ["°c", "degrees celsius", "celsius", "degrés celsius"],
    "°f": ["°f", "degrees fahrenheit", "fahrenheit"], "degree": ["degrees", "degree", "degrés"],
    "year": ["year", "years", "yrs", "an", "ans", "année", "années"],
    "years old": ["years old", "year old", "year-old", "years-old", "-year-old"],
    "month": ["month", "months", "mois"], "week": ["week", "weeks", "semaine", "semaines"],
    "day": ["day", "days", "jour", "jours"], "hour": ["hour", "hours", "hrs", "heure", "heures"],
    "minute": ["minute", "minutes", "mins", "min"], "second": ["second", "seconds", "secs", "secondes"],
    "percentage point": ["percentage points", "percentage point", "points de pourcentage",
                         "point de pourcentage"],
    "basis point": ["basis points", "basis point", "bps", "points de base"],
    "point": ["points", "point", "pts"],
    "sq ft": ["square feet", "square foot", "sq ft"],
    "m2": ["square metres", "square meters", "sq m", "m2", "m²", "mètres carrés"],
    "acre": ["acres", "acre"], "hectare": ["hectares", "ha"],
    "x": ["times", "fois"],
    "μm": ["μm", "µm", "micrometre", "micrometres", "micrometer", "micrometers", "microns"],
    "ppm": ["ppm", "parts per million"], "ppb": ["ppb", "parts per billion"],
    "kpa": ["kpa"], "mpa": ["mpa"], "gpa": ["gpa"], "ksi": ["ksi"], "psi": ["psi"],
    "point/game": ["ppg"], "rebound/game": ["rpg"], "assist/game": ["apg"],
    "kv": ["kv", "kilovolts"], "mg": ["mg", "milligram", "milligrams", "milligrammes"],
}
MEASURE_UNITS = {s: canon for canon, surfaces in _U.items() for s in surfaces}
# Case-sensitive short units that would be ambiguous lower-cased ("to", "mo", "ch", "an").
CASE_SENSITIVE_UNITS = {"To": "tb", "Mo": "mb", "Go": "gb", "Ko": "kb", "ch": "hp", "an": "year",
                        "ha": "hectare", "t": "t", "g": "g", "l": "l", "W": "w", "V": "v"}
for _k in ("to", "mo", "go", "ko", "ch", "an", "ha", "once", "onces", "pouce", "pouces",
           "ton", "pc"):
    MEASURE_UNITS.pop(_k, None)

# "$58 per barrel", "$20 a month" -> unit "USD/barrel", "USD/month".
PER_UNITS = {
    "share": "share", "action": "share", "barrel": "barrel", "baril": "barrel",
    "month": "month", "mois": "month", "year": "year", "an": "year", "année": "year",
    "week": "week", "semaine": "week",
    "day": "day", "jour": "day", "hour": "hour", "heure": "hour", "ounce": "oz",
    "gallon": "gallon", "gram": "g", "square foot": "sq ft", "sq ft": "sq ft",
    "sq m": "m2", "square metre": "m2", "square meter": "m2", "user": "user",
    "utilisateur": "user", "seat": "seat", "employee": "employee", "head": "head",
    "tonne": "t", "ton": "t", "kwh": "kwh", "mmbtu": "mmbtu", "second": "second",
    "seconde": "second", "minute": "minute", "game": "game", "match": "game",
}

# Hedge phrases written before a quantity -> hedge name. See quantities.py for the bounds.
HEDGES = {
    "en": {
        "nearly": "nearly", "almost": "nearly", "close to": "nearly", "just under": "nearly",
        "just shy of": "nearly", "approaching": "nearly",
        "about": "about", "around": "about", "roughly": "about", "approximately": "about",
        "approx.": "about", "some": "about", "an estimated": "about", "estimated": "about",
        "circa": "about", "~": "about", "nearly about": "about",
        "more than": "more_than", "over": "more_than", "above": "more_than",
        "in excess of": "more_than", "upwards of": "more_than", "just over": "more_than",
        "north of": "more_than", "greater than": "more_than", "exceeding": "more_than",
        "at least": "at_least", "no less than": "at_least", "no fewer than": "at_least",
        "a minimum of": "at_least",
        "up to": "up_to", "as much as": "up_to", "as many as": "up_to", "as high as": "up_to",
        "at most": "up_to", "no more than": "up_to", "a maximum of": "up_to",
        "less than": "less_than", "fewer than": "less_than", "under": "less_than",
        "below": "less_than",
    },
    "fr": {
        "près de": "nearly", "presque": "nearly", "pas loin de": "nearly",
        "quasiment": "nearly", "frôlé": "nearly",
        "environ": "about", "quelque": "about", "autour de": "about", "à peu près": "about",
        "approximativement": "about", "aux alentours de": "about", "de l'ordre de": "about",
        "plus de": "more_than", "au-delà de": "more_than", "au delà de": "more_than",
        "de plus de": "more_than", "supérieur à": "more_than", "supérieure à": "more_than",
        "au moins": "at_least", "pas moins de": "at_least", "au minimum": "at_least",
        "jusqu'à": "up_to", "jusqu’à": "up_to", "au plus": "up_to", "au maximum": "up_to",
        "moins de": "less_than", "inférieur à": "less_than", "inférieure à": "less_than",
    },
}

MONTHS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre", "janv", "févr", "avr",
    "juil",
}

# Words that are never the noun of a count ("3 of the", "five in", "2 and").
STOP_WORDS = {
    "the", "a", "an", "of", "in", "on", "at", "to", "for", "from", "by", "with", "and", "or",
    "but", "as", "is", "are", "was", "were", "be", "been", "has", "have", "had", "that",
    "this", "these", "those", "which", "who", "whom", "than", "then", "it", "its", "their",
    "his", "her", "our", "your", "my", "they", "we", "he", "she", "you", "i", "up", "down",
    "out", "into", "over", "under", "per", "each", "more", "less", "about", "after",
    "before", "during", "since", "until", "while", "when", "where", "if", "so", "not", "no",
    "will", "would", "can", "could", "may", "might", "should", "do", "does", "did", "also",
    "said", "says", "vs", "versus", "other", "others", "among", "such", "there", "here",
    "le", "la", "les", "l", "un", "une", "des", "de", "du", "d", "et", "ou", "en", "dans",
    "sur", "pour", "par", "avec", "sans", "que", "qui", "à", "au", "aux", "est", "sont",
    "ont", "a", "ce", "cette", "ces", "son", "sa", "ses", "leur", "leurs", "il", "elle",
    "ils", "elles", "on", "nous", "vous", "ne", "pas", "plus", "moins", "selon", "contre",
    "entre", "depuis", "après", "avant", "chez", "vers", "fois", "lors", "dont", "mais",
    "ago", "later", "earlier", "straight", "consecutive", "previously", "yet", "all",
    "both", "what", "how", "just", "only", "even", "still", "too", "very", "off", "onto",
    "s", "t", "am", "pm", "th", "st", "nd", "rd", "across", "through", "against", "behind",
    "without", "within", "like", "near", "around", "below", "above", "toward", "towards",
    "respectively", "apiece", "annually", "alone", "ahead", "back", "away",
}

# Plural nouns of business counts; a number before them is a count even if it looks like a year.
BUSINESS_NOUNS = {
    "customers", "clients", "users", "employees", "staff", "workers", "people", "subscribers",
    "members", "developers", "engineers", "companies", "businesses", "enterprises", "brands",
    "accounts", "downloads", "installs", "stores", "jobs", "layoffs", "salariés", "employés",
    "collaborateurs", "utilisateurs", "abonnés", "entreprises", "emplois", "postes", "personnes",
    "startups", "partners", "partenaires", "investors", "investisseurs", "seats", "licenses",
    "customer", "client", "user", "employee", "salarié", "utilisateur",
}


def alternation(words, flags_words: bool = True) -> str:
    """A regex alternation of ``words``, longest first, escaped."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


_IRREGULAR = {"children": "child", "men": "man", "women": "woman", "people": "person",
              "persons": "person", "feet": "foot", "mice": "mouse", "teeth": "tooth"}


def noun_lemma(word: str) -> str:
    """A crude singular of an English or French plural noun ("companies" -> "company")."""
    w = word.lower()
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 4 and w.endswith(("sses", "ches", "shes", "xes", "uses")):
        return w[:-2]
    if len(w) > 3 and w.endswith(("s", "x")) and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w
