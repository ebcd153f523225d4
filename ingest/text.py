"""HTML fragments to plain text: paragraphs kept as blank lines, entities unescaped."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

__all__ = ["html_to_text", "plain_title", "word_count"]

_BLOCK_TAGS = frozenset({
    "p", "div", "section", "article", "header", "footer", "aside", "main", "nav",
    "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd",
    "blockquote", "pre", "table", "tr", "figure", "figcaption", "hr", "address", "details",
    "summary", "form", "fieldset",
})
_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "math", "iframe", "object",
                        "head", "title"})
_PARAGRAPH = "\x00"  # marker for a paragraph break while collecting text
_ENTITY = re.compile(r"&(#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_TAG = re.compile(r"</?(?:p|div|br|a|span|strong|em|b|i|u|img|ul|ol|li|h[1-6]|blockquote|figure)\b[^<>]*>",
                  re.IGNORECASE)


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_depth = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in _SKIP_TAGS:
            self.skip_depth += 1
        elif tag == "br":
            self.parts.append("\n")
        elif tag in _BLOCK_TAGS:
            self.parts.append(_PARAGRAPH)

    def handle_startendtag(self, tag: str, attrs) -> None:
        if tag == "br":
            self.parts.append("\n")
        elif tag in _BLOCK_TAGS:
            self.parts.append(_PARAGRAPH)

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self.skip_depth = max(0, self.skip_depth - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append(_PARAGRAPH)

    def handle_data(self, data: str) -> None:
        if not self.skip_depth:
            self.parts.append(data)


def _tidy(raw: str) -> str:
    paragraphs = []
    # A blank line inside a text node also separates paragraphs (plain-text summaries).
    for block in re.split(r"\x00|\n[ \t\r\f\v]*\n", raw):
        lines = [" ".join(line.split()) for line in block.split("\n")]
        text = "\n".join(line for line in lines if line)
        if text:
            paragraphs.append(text)
    return "\n\n".join(paragraphs)


def html_to_text(fragment: str | None, _again: bool = True) -> str:
    """Plain text of an HTML fragment: scripts and styles dropped, block elements become
    paragraphs separated by a blank line, ``<br>`` a newline, entities unescaped."""
    if not fragment:
        return ""
    fragment = fragment.replace("\x00", "")
    collector = _TextCollector()
    try:
        collector.feed(fragment)
        collector.close()
    except Exception:  # HTMLParser is lenient; this is a last-resort fallback
        return _tidy(html.unescape(re.sub(r"<[^>]*>", " ", fragment)))
    text = _tidy("".join(collector.parts))
    # Content escaped twice ("&amp;amp;", "&lt;p&gt;") is common in feeds.
    if _again and "&lt;" in fragment and _TAG.search(text):
        return html_to_text(text, _again=False)
    return text


def plain_title(title: str | None, is_html: bool = False) -> str:
    """A title as one line of plain text (tags removed, entities unescaped once more if
    the feed escaped them twice)."""
    if not title:
        return ""
    text = html_to_text(title) if is_html or _TAG.search(title) else title
    if _ENTITY.search(text):
        text = html.unescape(text)
    return " ".join(text.split())


def word_count(text: str) -> int:
    return len(text.split())
