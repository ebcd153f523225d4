"""Articles in, companies, claims and disputes out.

Conventions:

- The title is sentence 0; body sentences are numbered from 1 in reading order (an
  article without a title still starts its body at 1).
- Offsets (``Claim.char_start``, ``quantities_for``) are in ``article.text``. A figure in
  the title gets a negative offset: its position in ``title + TITLE_SEPARATOR + text``
  minus ``len(title) + len(TITLE_SEPARATOR)``, so ``combined_text(article)`` indexed at
  ``char_start + title_offset(article)`` is always the figure.
- Speed: sentences are split by rules; spaCy's statistical NER (its other components
  excluded) only parses the title and the sentences holding a digit, a number word or a
  dispute cue, batched through ``nlp.pipe``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace

from claimwatch.config import CompaniesConfig, ExtractConfig
from claimwatch.errors import ModelNotFoundError
from claimwatch.extractors.ai_claims import classify
from claimwatch.extractors.attribution import claimed_by, is_forecast
from claimwatch.extractors.claim_rules import (
    carried_currency, conversions, elliptical_parent, is_business,
    is_distractor_count, is_year, partial_figure,
    merge_headline_repeats, metric_from_before, own_metric, refers_back,
)
from claimwatch.extractors.claimant import (
    claimant, executives, find_dispute, title_executive, is_counterparty, is_source_count, speakers,
)
from claimwatch.extractors.companies import (
    CompanyRegistry, OrgSpan, add_gazetteer, find_reference, is_ai_context, normalize_company,
)
from claimwatch.extractors.company_document import document_spans
from claimwatch.extractors.language import detect_language
from claimwatch.extractors.metrics import COUNT_METRICS, metric_for, period_for
from claimwatch.extractors.models import Quantity
from claimwatch.extractors.sentences import is_candidate, split_sentences
from claimwatch.extractors.subject import subject_company
from claimwatch.extractors.word_figures import with_word_figures
from claimwatch.records import Article, Claim, CompanyMention, Extraction

__all__ = [
    "EXTRACTOR_VERSION", "TITLE_SEPARATOR", "Extractor", "combined_text", "quantities_for",
    "title_offset",
]

EXTRACTOR_VERSION = "2026.12.14-2"
TITLE_SEPARATOR = "\n\n"
_KEEP = ("ner", "claimwatch_gazetteer")
_UNNEEDED = ("tagger", "morphologizer", "parser", "attribute_ruler", "lemmatizer", "senter",
             "trainable_lemmatizer", "textcat", "entity_linker", "sentencizer")


def title_offset(article: Article) -> int:
    """Where the body starts in ``combined_text(article)``."""
    return len(article.title) + len(TITLE_SEPARATOR)


def combined_text(article: Article) -> str:
    return article.title + TITLE_SEPARATOR + article.text


def _find_quantities(text: str, language: str) -> list[Quantity]:
    from claimwatch.extractors.quantities import find_quantities  # H1's parser
    return find_quantities(text, language=language)


def quantities_for(article: Article) -> list[Quantity]:
    """Quantities of title and body, language-aware, offsets in ``article.text``
    (negative for the title, see the module docstring)."""
    language = detect_language(f"{article.title}\n{article.text}", article.language)
    shift = title_offset(article)
    found = [_shift(q, -shift) for q in _find_quantities(article.title, language)]
    found += _find_quantities(article.text, language)
    return found


def _shift(q: Quantity, by: int) -> Quantity:
    return Quantity(q.text, q.start + by, q.end + by, q.value, q.value_low, q.value_high,
                    q.unit, q.hedge, q.noun)


@dataclass(slots=True)
class _Sentence:
    index: int
    start: int  # in article.text (negative for the title)
    text: str
    candidate: bool
    doc: object = None


@dataclass(slots=True)
class _Prepared:
    article: Article
    language: str
    sentences: list[_Sentence] = field(default_factory=list)


class Extractor:
    """Extract companies, claims and disputes from articles (English and French)."""

    def __init__(self, extract: ExtractConfig = ExtractConfig(),
                 companies: CompaniesConfig = CompaniesConfig(),
                 known_companies: Iterable[str] = ()):
        self.config = extract
        self.registry = CompanyRegistry(companies.watchlist, companies.aliases, known_companies)
        self._nlp: dict[str, object] = {}

    # -- models -------------------------------------------------------------------------
    def nlp(self, language: str):
        """The spaCy pipeline for ``language``, loaded once (NER + gazetteer only)."""
        if language not in self._nlp:
            from claimwatch.extractors.spacy_loading import load_pipeline

            name = self.config.model_fr if language == "fr" else self.config.model_en
            try:
                base = load_pipeline(name, _UNNEEDED)
            except OSError:
                raise ModelNotFoundError(
                    f"spaCy model '{name}' for language '{language}' is not installed; "
                    f"install it with `pip install {name.replace('_', '-')}` (or "
                    f"`python -m spacy download {name}`), or set [extract] "
                    f"model_{language} to an installed model") from None
            disabled = [p for p in base.pipe_names if p not in _KEEP and p != "tok2vec"]
            for pipe in disabled:
                base.remove_pipe(pipe)
            if "tok2vec" in base.pipe_names and not _ner_listens(base):
                base.remove_pipe("tok2vec")
            if self.registry.gazetteer:
                add_gazetteer(base, self.registry.gazetteer)
            self._nlp[language] = base
        return self._nlp[language]

    # -- extraction ---------------------------------------------------------------------
    def extract(self, article: Article) -> Extraction:
        return next(self.extract_many([article]))

    def extract_many(self, articles: Iterable[Article],
                     batch_size: int | None = None) -> Iterator[Extraction]:
        """Extractions in input order; articles are parsed ``batch_size`` at a time."""
        size = batch_size or self.config.batch_size
        chunk: list[Article] = []
        for article in articles:
            chunk.append(article)
            if len(chunk) >= size:
                yield from self._run(chunk, size)
                chunk = []
        if chunk:
            yield from self._run(chunk, size)

    def _run(self, articles: list[Article], batch_size: int) -> list[Extraction]:
        prepared = [_prepare(a) for a in articles]
        for language in {p.language for p in prepared}:
            todo = [s for p in prepared if p.language == language for s in p.sentences
                    if s.candidate]
            if not todo:
                continue
            nlp = self.nlp(language)
            for sentence, doc in zip(todo, nlp.pipe((s.text for s in todo),
                                                    batch_size=batch_size)):
                sentence.doc = doc
        return [self._assemble(p) for p in prepared]

    def _assemble(self, prepared: _Prepared) -> Extraction:
        article, language = prepared.article, prepared.language
        # each sentence, then article-level fixes: a name found anywhere counts everywhere
        parsed = [s for s in prepared.sentences if s.doc is not None]
        spans: dict[int, list[OrgSpan]] = {
            s.index: [o for o in found if not o.is_outlet]
            for s, found in zip(parsed, document_spans([s.doc for s in parsed], self.registry,
                                                        [s.text for s in parsed]))}
        surfaces: dict[str, str] = {}
        for s in parsed:
            for o in spans[s.index]:
                surfaces.setdefault(o.key, o.text)
        subject = subject_company([(s.index, s.text) for s in prepared.sentences], spans,
                                  language)
        texts = [s.text for s in prepared.sentences]
        companies = [CompanyMention(self.registry.canonical(surface), surface,
                                    is_ai_context(surface, texts))
                     for key, surface in surfaces.items()]
        result = Extraction(article.article_id, language, companies)
        main_surface = subject[1] if subject else None
        # s.text is s.doc.text (the tokenizer keeps every character), without rebuilding it
        # from the tokens; each doc's entities are built once
        persons = [(e, s.text) for s in parsed for e in s.doc.ents if e.label_ in ("PERSON", "PER")]
        people = executives([(e.text, text[max(0, e.start_char - 50):e.end_char + 50])
                             for e, text in persons])
        people |= title_executive(article.title, [e.text for e, _ in persons])
        for s in prepared.sentences:
            if s.doc is None:
                continue
            result.claims.extend(self._claims(article, language, s, spans[s.index],
                                              main_surface, result.claims, people))
            dispute = find_dispute(article.article_id, language, s.text, s.index, spans[s.index],
                                   main_surface, self.registry)
            if dispute:
                result.disputes.append(dispute)
        result.claims = merge_headline_repeats(result.claims)
        return result

    def _claims(self, article: Article, language: str, s: _Sentence, orgs: list[OrgSpan],
                main_surface: str | None, previous: list[Claim] = (),
                people: set[str] = frozenset()) -> list[Claim]:
        """Claims of sentence ``s``; ``previous`` are the article's claims so far; ``people``
        the names of the company's executives (they speak for it)."""
        claims: list[Claim] = []
        quantities, alternatives = conversions(
            s.text, with_word_figures(_find_quantities(s.text, language), s.text, language))
        if not quantities:  # no figure: nothing below would be used
            return claims
        main_key = self.registry.key(main_surface) if main_surface else None
        published = article.published_at.date() if article.published_at else None
        period, as_of = period_for(s.text, published)
        reference = find_reference(s.text, language)
        spoken: list[list[tuple[int, int]]] = []

        def said_by() -> list[tuple[int, int]]:  # the same for every figure of the sentence
            if not spoken:
                spoken.append(speakers(orgs, s.text, people, main_key))
            return spoken[0]
        for q in quantities:
            if _overlaps_org(q, orgs) or is_year(q) or is_source_count(s.text, q) or \
                    is_distractor_count(s.text, q):
                continue
            currency = carried_currency(s.text, q, [c.unit for c in previous] + [
                c.unit for c in claims] + [o.unit for o in quantities if o.end <= q.start])
            if currency:  # "les 80 millions déjà levés" after "20 millions d'euros"
                q = replace(q, unit=currency, noun=None)
            parent = elliptical_parent(s.text, q, claims, s.start)
            if parent is not None:  # "1,500 customers, up from 600": unit and metric carry over
                q = replace(q, unit=parent.unit, noun=None)
                metric = own_metric(s.text, q, parent)
            else:
                metric = metric_for(s.text, q.start, q.end, q.unit, q.noun)
            if metric == "other" or (q.unit == "count" and metric not in COUNT_METRICS):
                metric = metric_from_before(s.text, q, previous, metric)
            if sum(ch.isdigit() for ch in s.text) > 4:  # a period per figure when the sentence
                period, as_of = period_for(s.text, published, q.start, q.end)  # names several
            figure = classify(s.text, q, metric)  # AI metrics, other_kind, metric confusions
            if figure.keep is False or (figure.keep is None and not is_business(q, figure.metric, s.text)):
                continue
            metric, other_kind = figure.metric, figure.other_kind
            part = partial_figure(s.text, q, metric)
            if part is not None:  # revenue from one customer, the recipients of an email
                metric, other_kind = "other", part
            company = claimant(orgs, q.start, q.end, s.text, main_surface, self.registry,
                               language)
            if company is not None and main_surface and _extends(company.key, main_surface):
                mention, name = company.text, main_surface  # "Acme R2", "Acme Motor Company"
            elif company is None and parent is not None:
                mention, name = parent.company_mention, parent.company
            elif company is None:
                # a counterparty named ("X invested $5M", "sued X") points at the article's
                # company as much as "the company" does
                if main_surface is None or (reference is None and metric == "other"
                                            and not figure.keep and not refers_back(s.text)
                                            and not any(is_counterparty(s.text, o.start, o.end,
                                                                        language) for o in orgs)):
                    continue
                mention = s.text[reference[0]:reference[1]] if reference else None
                name = main_surface
            else:
                mention, name = company.text, company.text
            claims.append(Claim(
                article_id=article.article_id, company=self.registry.canonical(name),
                metric=metric, value=q.value, value_low=q.value_low, value_high=q.value_high,
                unit=q.unit, claimed_by=claimed_by(
                    s.text, q.start, said_by(), q.end,
                    (company.start, company.end) if company is not None else None),
                sentence=s.text,
                quantity_text=q.text, sentence_index=s.index, char_start=s.start + q.start,
                is_forecast=is_forecast(s.text, q.start), hedge=q.hedge,
                period=period, as_of=as_of,
                company_mention=mention, language=language, other_kind=other_kind,
                alt_value=alternatives[q.start].value if q.start in alternatives else None,
                alt_unit=alternatives[q.start].unit if q.start in alternatives else None))
        return claims


def _ner_listens(nlp) -> bool:
    """True when "ner" reads the shared tok2vec (then tok2vec must stay)."""
    try:
        from spacy.pipeline.tok2vec import Tok2VecListener
        ner = nlp.get_pipe("ner")
        return any(isinstance(node, Tok2VecListener) for node in ner.model.walk())
    except (KeyError, ImportError):
        return True


def _prepare(article: Article) -> _Prepared:
    language = detect_language(f"{article.title}\n{article.text}", article.language)
    prepared = _Prepared(article, language)
    shift = title_offset(article)
    if article.title.strip():
        title = article.title.strip()
        prepared.sentences.append(_Sentence(0, article.title.find(title) - shift, title, True))
    for i, (start, end) in enumerate(split_sentences(article.text), start=1):
        text = article.text[start:end]
        prepared.sentences.append(_Sentence(i, start, text, i == 1 or is_candidate(text)))
    return prepared


def _extends(key: str, main_surface: str) -> bool:
    """True when the company key ``key`` extends the article company's name ("acme r2")."""
    main = normalize_company(main_surface)
    return key != main and key.startswith(main + " ")


def _overlaps_org(q: Quantity, orgs: list[OrgSpan]) -> bool:
    return any(q.start < o.end and o.start < q.end for o in orgs)
