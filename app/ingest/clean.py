"""Plain-text dumps: strip site furniture (breadcrumbs, share and comment lines, ad-blocker notices) and pull out
the metadata lines they carry (a leading date marker, "Publish date :", "Source link :"), leaving the body alone."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from app.ingest.dates import labelled_date, parse_date

# Whole lines that are site furniture, compared lower-cased without trailing punctuation.
_FURNITURE_LINES = {
    "you may also like",
    "you might also like",
    "leave a comment",
    "leave a reply",
    "comments are closed",
    "comments",
    "related",
    "related posts",
    "related articles",
    "related stories",
    "read more",
    "read next",
    "share",
    "share this",
    "share this article",
    "share this story",
    "share on facebook",
    "share on twitter",
    "share on x",
    "share on linkedin",
    "share via email",
    "tweet",
    "print",
    "email",
    "advertisement",
    "sponsored",
    "adblock detected",
    "ad blocker detected",
    "subscribe",
    "subscribe to our newsletter",
    "sign up for our newsletter",
    "skip to content",
    "skip to main content",
}
_FURNITURE_PATTERNS = [
    re.compile(p, re.I)
    for p in (
        r"^this site uses akismet to reduce spam",
        r"^please support us by disabling your ad ?blocker",
        r"^(?:it looks like|we noticed) you(?:'re| are) using an ad ?blocker",
        r"^your email address will not be published",
        r"^copyright for syndicated content",
        r"^click to (?:share|email|print)",
        r"^(?:follow|like) us on\b",
        r"^\d+\s+comments?$",
        r"^(?:share|tweet|email|print|facebook|twitter|linkedin|whatsapp|reddit|telegram|pinterest)"
        r"(?:\s*[|·•,/]?\s*(?:share|tweet|email|print|facebook|twitter|linkedin|whatsapp|reddit|telegram|pinterest))+$",
        r"^(?:writer|author|written by)\s*:\s*\S.{0,80}$",
        r"^[“\"'`]*`+[a-z]*$",  # a stray code fence left by a converter
        r"^[^<>]{0,80}\">$",  # the tail of a broken HTML attribute
        r"^<[^>]{0,200}>$",  # a lone tag
    )
]
_BREADCRUMB = re.compile(r"^(?:home|start|accueil|inicio|startseite)\s*[»›>|/]\s*\S", re.I)
_BYLINE = re.compile(r"^by\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,5}(?:\s*[–—|-]\s*[\w ]{1,40})?$")
# Sentences that end an article by asking for comments or shares: trimmed off the end of their paragraph.
_CALL_TO_ACTION = re.compile(
    r"\s*(?:share your thoughts in the comments(?: below)?|let us know (?:what you think )?in the comments(?: below)?"
    r"|leave your comments? below|don't forget to share this (?:article|post))[.!]*\s*$",
    re.I,
)
# The sections that close a page: once one of these starts the last part of a text, the rest is furniture.
_TAIL_MARKERS = {
    "you may also like",
    "you might also like",
    "related posts",
    "related articles",
    "leave a comment",
    "leave a reply",
    "comments are closed",
    "adblock detected",
    "read next",
}
_LEADING_DATE = re.compile(r"^\s*date\s*:?\s*((?:19|20)\d{2}-\d{2}-\d{2})\b[ \t]*", re.I)
_SOURCE_LINK = re.compile(r"^\s*source(?: link)?\s*:\s*(https?://\S+)\s*$", re.I)


@dataclass
class CleanText:
    """A cleaned text and the metadata its marker lines gave."""

    text: str
    published_on: date | None = None
    url: str | None = None


def _key(line: str) -> str:
    return re.sub(r"[\s:.!…]+$", "", line.strip().lower())


def is_furniture(line: str) -> bool:
    """Return whether a whole line is site furniture rather than article text."""
    stripped = line.strip()
    if not stripped:
        return False
    if _key(stripped) in _FURNITURE_LINES:
        return True
    if len(stripped) <= 200 and (_BREADCRUMB.match(stripped) or stripped.count(" » ") >= 2):
        return True
    if len(stripped) <= 80 and _BYLINE.match(stripped):
        return True
    return any(p.search(stripped) for p in _FURNITURE_PATTERNS)


def clean_text(raw: str) -> CleanText:
    """Strip site furniture and metadata lines from a plain-text dump, keeping the article body as it is."""
    text = unicodedata.normalize("NFC", raw.replace("\r\n", "\n").replace("\r", "\n"))
    text = text.replace("\x00", "").replace("\ufeff", "")
    result = CleanText(text="")
    marker = _LEADING_DATE.match(text)
    if marker:
        result.published_on = parse_date(marker[1])
        text = text[marker.end() :]
    lines = text.split("\n")
    lines = _cut_tail(lines)
    kept: list[str] = []
    for line in lines:
        link = _SOURCE_LINK.match(line)
        if link:
            result.url = result.url or link[1]
            continue
        when = labelled_date(line) if len(line) < 80 else None
        if when:
            result.published_on = result.published_on or when
            continue
        if is_furniture(line):
            continue
        kept.append(_CALL_TO_ACTION.sub("", line).rstrip())
    body = "\n".join(kept)
    body = re.sub(r"\n{3,}", "\n\n", body).strip()
    result.text = body
    return result


def _cut_tail(lines: list[str]) -> list[str]:
    """Drop everything from a closing section marker that starts the last part of the text."""
    total = sum(len(line) + 1 for line in lines)
    seen = 0
    for i, line in enumerate(lines):
        if _key(line) in _TAIL_MARKERS and seen > total * 0.5 and total - seen < 3000:
            return lines[:i]
        seen += len(line) + 1
    return lines


def guess_title(text: str) -> str:
    """Return the first line as the title when it reads like a headline, else an empty string."""
    for line in text.split("\n"):
        stripped = line.strip().lstrip("#").strip()
        if not stripped:
            continue
        if len(stripped) <= 200 and not stripped.endswith((".", ",", ";")) and len(stripped.split()) >= 2:
            return stripped
        return ""
    return ""
