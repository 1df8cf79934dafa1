"""The plain document record that every reader produces."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass
class DocumentRecord:
    """One clean document, ready to store: text plus what is known about it and how."""

    text: str
    origin: str  # the path, URL or feed it came from
    title: str = ""
    url: str | None = None
    published_on: date | None = None
    date_source: str = "unknown"  # explicit | inferred | user | unknown
    source_name: str | None = None
    language: str | None = None
    content_hash: str = ""
    minhash: bytes | None = None
