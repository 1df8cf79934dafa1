"""Readers per format: plain text and Markdown dumps, HTML pages (trafilatura), JSON Lines in the codebook's format.

Each returns DocumentRecords with text, title, date and how it was found; `finish` adds language and hashes.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from datetime import date

from app.ingest.clean import clean_text, guess_title
from app.ingest.dates import find_dateline, html_dates, parse_date
from app.ingest.decode import decode_bytes
from app.ingest.errors import IngestError
from app.ingest.hashing import content_hash, minhash, signature_bytes
from app.ingest.metadata import detect_language, source_name
from app.ingest.record import DocumentRecord

TEXT_SUFFIXES = (".txt", ".text", ".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
SUPPORTED_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES
_MD_HEADING = re.compile(r"^#{1,6}[ \t]+(.+?)[ \t#]*$", re.M)
MIN_WORDS = 25  # below this a text is a snippet or a page of furniture, not an article
_META_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_.:-]+)""", re.I)
_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.S)


def finish(record: DocumentRecord) -> DocumentRecord:
    """Check the text is an article, then add the title fallback, source name and content hash (cheap steps)."""
    words = len(record.text.split())
    if words < MIN_WORDS:
        what = "no text" if not words else f"only {words} words"
        raise IngestError("not an article", f"{what} after cleaning (at least {MIN_WORDS} needed)")
    record.title = (record.title or guess_title(record.text)).strip()[:1000]
    record.source_name = record.source_name or source_name(record.url)
    record.content_hash = content_hash(record.text)
    return record


def enrich(record: DocumentRecord) -> DocumentRecord:
    """Add the language and the MinHash signature: the costly steps, skipped for texts already stored."""
    if record.minhash is None:
        record.language = detect_language(record.text)
        record.minhash = signature_bytes(minhash(record.text))
    return record


def read_text(text: str, *, origin: str, url: str | None = None, markdown: bool = False) -> DocumentRecord:
    """Read a plain-text or Markdown dump: strip furniture, take the date from its markers or dateline."""
    meta: dict[str, str] = {}
    if markdown:
        front = _FRONT_MATTER.match(text.replace("\r\n", "\n"))
        if front:
            for line in front[1].split("\n"):
                key, _, value = line.partition(":")
                meta[key.strip().lower()] = value.strip().strip("\"'")
            text = text.replace("\r\n", "\n")[front.end() :]
    cleaned = clean_text(text)
    body = cleaned.text
    if markdown:
        # Headings stay as lines of the text (they can carry a position), without their "#" markers, so evidence
        # quoted from them reads as prose.
        heading = _MD_HEADING.search(body)
        if heading and not meta.get("title"):
            meta["title"] = heading[1].strip()
        body = _MD_HEADING.sub(r"\1", body)
    record = DocumentRecord(text=body, origin=origin, url=url or meta.get("url") or cleaned.url)
    marked = parse_date(meta.get("date", "")) or cleaned.published_on
    if marked:
        record.published_on, record.date_source = marked, "explicit"
    else:
        found = find_dateline(cleaned.text.split("\n"))
        if found:
            record.published_on, record.date_source = found, "inferred"
    record.title = meta.get("title", "")
    return record


def read_html(html: str, *, origin: str, url: str | None = None) -> DocumentRecord:
    """Read an HTML page: main text with trafilatura, date with htmldate, title and site from its metadata."""
    import trafilatura

    try:
        extracted = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=True, include_images=False
        )
    except Exception as exc:  # trafilatura raises on some malformed trees; the user gets a reason, not a crash
        raise IngestError("not an article", f"the HTML could not be parsed ({type(exc).__name__})") from None
    body = (extracted.text or "") if extracted is not None else ""
    if not body.strip():
        raise IngestError("not an article", "no main text found in the HTML (only scripts, navigation or boilerplate)")
    cleaned = clean_text(body)
    record = DocumentRecord(text=cleaned.text, origin=origin, url=url or getattr(extracted, "url", None) or None)
    record.title = (getattr(extracted, "title", None) or "").strip()
    sitename = (getattr(extracted, "sitename", None) or "").strip()[:200]
    # trafilatura falls back to the URL's host (with its port); our own host name is the cleaner form of that.
    record.source_name = source_name(url) if not sitename or (url and sitename.lower() in url.lower()) else sitename
    record.published_on, record.date_source = html_dates(html, url=url)
    if record.published_on is None and cleaned.published_on:
        record.published_on, record.date_source = cleaned.published_on, "explicit"
    return record


def read_jsonl(
    lines: Iterable[bytes], *, origin: str, max_line_bytes: int
) -> Iterator[tuple[str, DocumentRecord | IngestError]]:
    """Read JSON Lines in the codebook's format (doc_id, url, date, title, text), one outcome per line."""
    for number, raw in enumerate(lines, start=1):
        label = f"{origin}:{number}"
        if not raw.strip():
            continue
        if len(raw) > max_line_bytes:
            yield label, IngestError("too large", f"line {number} holds {len(raw):,} bytes, above the cap")
            continue
        try:
            yield label, finish(_jsonl_record(raw, origin=label))
        except IngestError as exc:
            yield label, exc


def _jsonl_record(raw: bytes, *, origin: str) -> DocumentRecord:
    try:
        data = json.loads(decode_bytes(raw))
    except json.JSONDecodeError as exc:
        raise IngestError("bad record", f"not valid JSON ({exc.msg} at column {exc.colno})") from None
    if not isinstance(data, dict):
        raise IngestError("bad record", "a line must hold a JSON object")
    text = data.get("text")
    if not isinstance(text, str) or not text.strip():
        raise IngestError("empty", 'the record has no "text"')
    url = data.get("url") if isinstance(data.get("url"), str) and data.get("url") else None
    record = read_text(text, origin=origin, url=url)
    given = data.get("date")
    if isinstance(given, str) and given.strip():
        parsed = parse_date(given)
        if parsed is None:
            raise IngestError("bad record", f'"date" {given!r} is not a date like 2024-03-19')
        record.published_on, record.date_source = parsed, "explicit"
    if isinstance(data.get("title"), str) and data["title"].strip():
        record.title = data["title"].strip()
    return record


def read_bytes(
    data: bytes,
    *,
    name: str,
    origin: str,
    url: str | None = None,
    media_type: str | None = None,
    charset: str | None = None,
    fallback_date: date | None = None,
    fallback_title: str = "",
) -> DocumentRecord:
    """Read one document (text, Markdown or HTML, by file name or media type) from bytes and finish it."""
    kind = _kind(name, media_type, data)
    if kind == "unsupported":
        raise IngestError("unsupported", f"{name} is not .txt, .md, .html or .jsonl")
    if kind == "html" and not charset:
        meta = _META_CHARSET.search(data[:4096])
        charset = meta[1].decode("ascii") if meta else None
    text = decode_bytes(data, declared=charset)
    if kind == "html":
        record = read_html(text, origin=origin, url=url)
    else:
        record = read_text(text, origin=origin, url=url, markdown=kind == "markdown")
    if record.published_on is None and fallback_date:
        record.published_on, record.date_source = fallback_date, "explicit"
    record.title = record.title or fallback_title
    return finish(record)


def _kind(name: str, media_type: str | None, data: bytes) -> str:
    lower = name.lower()
    if media_type in ("text/html", "application/xhtml+xml") or lower.endswith(HTML_SUFFIXES):
        return "html"
    if media_type == "text/markdown" or lower.endswith((".md", ".markdown")):
        return "markdown"
    if media_type == "text/plain" or lower.endswith((".txt", ".text")):
        return "text"
    if media_type is not None:
        # A URL without a known type: sniff, since servers often send no or generic types.
        return "html" if data.lstrip()[:1] == b"<" else "text"
    return "unsupported"
