"""RSS and Atom feeds: bytes fetched with httpx (feedparser has no timeout), parsed with feedparser, never with
XML entities resolved."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

import feedparser

from app.ingest.dates import valid_date
from app.ingest.errors import IngestError

# A DOCTYPE that declares entities is how XXE and "billion laughs" payloads arrive; a real feed never needs one.
_ENTITY_DECLARATION = re.compile(rb"<!ENTITY", re.I)
_DOCTYPE = re.compile(rb"<!DOCTYPE[^>\[]*(\[.*?\])?\s*>", re.I | re.S)


@dataclass
class FeedEntry:
    """One feed entry: its link, title and date."""

    link: str | None
    title: str
    published_on: date | None


def parse_feed(data: bytes, *, origin: str) -> list[FeedEntry]:
    """Parse feed bytes into entries, or raise IngestError (bad feed) for entity declarations or non-feeds."""
    head = data[:65536]
    if _ENTITY_DECLARATION.search(head):
        raise IngestError("bad feed", f"{origin} declares XML entities (a possible XXE payload); it was not parsed")
    # Without entity declarations a DOCTYPE carries nothing useful, and dropping it keeps any parser from
    # fetching an external DTD.
    data = _DOCTYPE.sub(b"", data, count=1)
    parsed = feedparser.parse(data, resolve_relative_uris=False, sanitize_html=True)
    if not parsed.entries:
        if parsed.get("bozo"):
            problem = parsed.get("bozo_exception")
            raise IngestError("bad feed", f"{origin} is not a readable RSS or Atom feed ({problem})")
        if not parsed.get("version"):
            raise IngestError("bad feed", f"{origin} is not an RSS or Atom feed")
        return []
    entries = []
    for entry in parsed.entries:
        when = entry.get("published_parsed") or entry.get("updated_parsed")
        published = valid_date(when.tm_year, when.tm_mon, when.tm_mday) if when else None
        link = entry.get("link") or None
        entries.append(FeedEntry(link=link, title=(entry.get("title") or "").strip(), published_on=published))
    return entries
