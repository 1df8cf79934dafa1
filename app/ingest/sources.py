"""Inputs into items: paths (files and folders, recursively, safe against symlink loops), URLs, feeds, uploads.

`iter_items` streams: one Item per document or per failed input, in order, holding one input in memory at a time.
"""

from __future__ import annotations

import errno
import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx

from app.config import Settings
from app.ingest.errors import IngestError
from app.ingest.feeds import parse_feed
from app.ingest.fetch import FEED_TYPES, fetch, make_client
from app.ingest.readers import JSONL_SUFFIXES, SUPPORTED_SUFFIXES, enrich, read_bytes, read_jsonl
from app.ingest.record import DocumentRecord

_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://")


@dataclass(frozen=True)
class Upload:
    """A file given as bytes (the web upload form, the API): its name decides the format."""

    name: str
    data: bytes
    url: str | None = None


@dataclass(frozen=True)
class Feed:
    """An RSS or Atom feed URL: each entry's link is ingested."""

    url: str


Source = str | Path | Upload | Feed


@dataclass
class Item:
    """One input's result: a record to store, an error, or a link already stored (`known`)."""

    source: str
    record: DocumentRecord | None = None
    error: IngestError | None = None
    known: bool = False


def iter_items(
    sources: Iterable[Source],
    *,
    settings: Settings,
    client: httpx.Client | None = None,
    known_url: Callable[[str], bool] | None = None,
    enriched: bool = True,
) -> Iterator[Item]:
    """Yield one Item per document found in the sources (or per failure), streaming.

    known_url(url) -> True skips fetching a feed link that is already stored. With enriched=False, records come
    without language and MinHash (app.ingest.readers.enrich adds them), so a caller can skip those costly steps
    for texts it already holds.
    """
    for item in _items(sources, settings=settings, client=client, known_url=known_url):
        if enriched and item.record is not None:
            enrich(item.record)
        yield item


def _items(
    sources: Iterable[Source],
    *,
    settings: Settings,
    client: httpx.Client | None,
    known_url: Callable[[str], bool] | None,
) -> Iterator[Item]:
    own_client = client is None
    http = client or make_client(settings)
    try:
        for source in sources:
            if isinstance(source, Upload):
                yield from _from_bytes(source.name, source.data, origin=source.name, url=source.url, settings=settings)
            elif isinstance(source, Feed):
                yield from _from_feed(source.url, settings=settings, client=http, known_url=known_url)
            elif isinstance(source, str) and _SCHEME.match(source):
                yield _from_url(source, settings=settings, client=http)
            else:
                yield from _from_path(Path(source), settings=settings)
    finally:
        if own_client:
            http.close()


def _from_bytes(name: str, data: bytes, *, origin: str, url: str | None, settings: Settings) -> Iterator[Item]:
    if len(data) > settings.max_file_bytes:
        cap = settings.max_file_bytes
        yield Item(origin, error=IngestError("too large", f"{len(data):,} bytes, above the {cap:,} byte cap"))
        return
    if name.lower().endswith(JSONL_SUFFIXES):
        for label, result in read_jsonl(data.splitlines(), origin=origin, max_line_bytes=settings.max_file_bytes):
            yield Item(label, error=result) if isinstance(result, IngestError) else Item(label, record=result)
        return
    try:
        yield Item(origin, record=read_bytes(data, name=name, origin=origin, url=url))
    except IngestError as exc:
        yield Item(origin, error=exc)


def _from_url(url: str, *, settings: Settings, client: httpx.Client, **fallback) -> Item:
    try:
        page = fetch(url, settings=settings, client=client)
        record = read_bytes(
            page.content,
            name=page.url,
            origin=url,
            url=page.url,
            media_type=page.media_type,
            charset=page.charset,
            **fallback,
        )
        return Item(url, record=record)
    except IngestError as exc:
        return Item(url, error=exc)


def _from_feed(
    url: str, *, settings: Settings, client: httpx.Client, known_url: Callable[[str], bool] | None
) -> Iterator[Item]:
    try:
        fetched = fetch(url, settings=settings, client=client, accept=(*FEED_TYPES, "text/html", "text/plain"))
        entries = parse_feed(fetched.content, origin=url)
    except IngestError as exc:
        yield Item(url, error=exc)
        return
    if not entries:
        yield Item(url, error=IngestError("bad feed", "the feed has no entries"))
        return
    for entry in entries:
        if not entry.link:
            yield Item(f"{url} (entry {entry.title or 'without title'})", error=IngestError("bad record", "no link"))
        elif known_url is not None and known_url(entry.link):
            yield Item(entry.link, known=True)
        else:
            yield _from_url(
                entry.link,
                settings=settings,
                client=client,
                fallback_date=entry.published_on,
                fallback_title=entry.title,
            )


def _from_path(path: Path, *, settings: Settings) -> Iterator[Item]:
    label = str(path)
    try:
        info = path.stat()
    except OSError as exc:
        yield Item(label, error=_os_error(path, exc))
        return
    if path.is_dir():
        yield from _walk(path, settings=settings, seen=set())
    else:
        yield from _read_file(path, size=info.st_size, settings=settings, explicit=True)


def _walk(folder: Path, *, settings: Settings, seen: set[tuple[int, int]]) -> Iterator[Item]:
    info = folder.stat()
    key = (info.st_dev, info.st_ino)
    if key in seen:
        yield Item(str(folder), error=IngestError("symlink loop", "a symlink loop: this folder was already read"))
        return
    seen.add(key)
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        yield Item(str(folder), error=_os_error(folder, exc))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue  # hidden files and folders: editor backups, .git, .DS_Store
        path = Path(entry.path)
        try:
            child = path.stat()
        except OSError as exc:
            yield Item(str(path), error=_os_error(path, exc))
            continue
        if path.is_dir():
            yield from _walk(path, settings=settings, seen=seen)
        elif entry.name.lower().endswith(SUPPORTED_SUFFIXES):
            yield from _read_file(path, size=child.st_size, settings=settings, explicit=False)


def _read_file(path: Path, *, size: int, settings: Settings, explicit: bool) -> Iterator[Item]:
    label = str(path)
    name = path.name.lower()
    if not path.is_file():  # a FIFO or a device would block or never end
        yield Item(label, error=IngestError("unsupported", "not a regular file (a pipe, socket or device)"))
        return
    if not name.endswith(SUPPORTED_SUFFIXES):
        yield Item(label, error=IngestError("unsupported", f"{path.name} is not .txt, .md, .html or .jsonl"))
        return
    try:
        if name.endswith(JSONL_SUFFIXES):
            with path.open("rb") as handle:
                for line_label, result in read_jsonl(handle, origin=label, max_line_bytes=settings.max_file_bytes):
                    is_error = isinstance(result, IngestError)
                    yield Item(line_label, error=result) if is_error else Item(line_label, record=result)
            return
        if size > settings.max_file_bytes:
            raise IngestError("too large", f"{size:,} bytes, above the {settings.max_file_bytes:,} byte cap")
        with path.open("rb") as handle:
            data = handle.read(settings.max_file_bytes + 1)
        if len(data) > settings.max_file_bytes:
            raise IngestError("too large", f"more than the {settings.max_file_bytes:,} byte cap")
        yield Item(label, record=read_bytes(data, name=path.name, origin=label))
    except IngestError as exc:
        yield Item(label, error=exc)
    except OSError as exc:
        yield Item(label, error=_os_error(path, exc))


def _os_error(path: Path, exc: OSError) -> IngestError:
    if exc.errno == errno.ELOOP:
        return IngestError("symlink loop", "a symlink loop: the link points back at itself")
    if exc.errno == errno.ENOENT:
        return IngestError("not found", "no such file or folder" + (" (a broken symlink)" if path.is_symlink() else ""))
    if exc.errno in (errno.EACCES, errno.EPERM):
        return IngestError("not found", "permission denied")
    return IngestError("not found", f"cannot read it ({exc.strerror})")


def count_documents(sources: Iterable[Source], *, limit: int = 1_000_000) -> int | None:
    """Return how many documents local files and folders will give (for a progress total), or None when unknown.

    Unknown when a source is a URL, a feed, an upload or a JSON Lines file (one document per line), or past limit.
    """
    total = 0
    for source in sources:
        if not isinstance(source, str | Path) or (isinstance(source, str) and _SCHEME.match(source)):
            return None
        path = Path(source)
        if path.is_dir():
            for _root, dirs, files in os.walk(path):
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                for name in files:
                    lower = name.lower()
                    if lower.endswith(JSONL_SUFFIXES):
                        return None
                    if not name.startswith(".") and lower.endswith(SUPPORTED_SUFFIXES):
                        total += 1
                if total > limit:
                    return None
        elif path.name.lower().endswith(JSONL_SUFFIXES):
            return None
        else:
            total += 1
    return total
