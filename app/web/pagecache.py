"""Rendered dashboard pages and JSON twins cached per app, keyed by the data version: exact, never stale.

The middleware sits inside the session and auth middleware, so it sees who is asking and never handles cookies
itself. A GET of a dashboard view is answered from the cache when the same request (path, query, Accept, host,
user and role, today's date for relative periods) was answered since the data last changed; the data version
(app/store/datacache.py) is bumped by triggers in the same transaction as any change. The session's CSRF token is
the one per-visitor part of a page: it is cut out when a page is stored and the asking session's own token (created
as the page would have) is put back when it is served.
"""

from __future__ import annotations

import re
import secrets
import threading
from collections import OrderedDict
from dataclasses import dataclass
from datetime import date

import anyio
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.store.datacache import data_version

# The views whose content is a function of the data, the request and the user: the dashboard and the claims list.
CACHED_PATHS = re.compile(r"^(/|/matrix|/timeline|/issues(/[a-z0-9-]+)?|/claims)$")
API_PREFIX = "/api/v1"
MAX_ENTRIES = 128
MAX_BODY = 4 * 1024 * 1024
CACHED_TYPES = (b"text/html", b"application/json")
_PLACEHOLDER = b"\x00posture-csrf\x00"


@dataclass
class Entry:
    """A stored answer: status, headers (without length), body with the CSRF token cut out."""

    status: int
    headers: list[tuple[bytes, bytes]]
    body: bytes
    has_token: bool


class PageCache:
    """A thread-safe LRU of rendered answers."""

    def __init__(self, max_entries: int = MAX_ENTRIES):
        self.max_entries = max_entries
        self._data: OrderedDict[tuple, Entry] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    def get(self, key: tuple) -> Entry | None:
        """Return the entry for key, or None."""
        with self._lock:
            entry = self._data.get(key)
            if entry is not None:
                self._data.move_to_end(key)
                self.hits += 1
            else:
                self.misses += 1
            return entry

    def put(self, key: tuple, entry: Entry) -> None:
        """Store an entry, evicting the least recently used beyond the limit."""
        with self._lock:
            self._data[key] = entry
            self._data.move_to_end(key)
            while len(self._data) > self.max_entries:
                self._data.popitem(last=False)

    def __len__(self) -> int:
        return len(self._data)


def cacheable_path(path: str) -> bool:
    """Return whether a path is one of the cached views (page or JSON twin)."""
    if path.startswith(API_PREFIX + "/"):
        path = path[len(API_PREFIX) :]
        if path == "/overview":
            return True
    return CACHED_PATHS.match(path) is not None


def _current_version(db) -> tuple | None:
    with db.sessions() as session:
        return data_version(session)


class PageCacheMiddleware:
    """Serve repeated GETs of the dashboard views from a per-app cache until the data changes."""

    def __init__(self, app: ASGIApp, cache: PageCache | None = None):
        self.app = app
        self.cache = cache or PageCache()
        self._running: dict[tuple, anyio.Event] = {}  # keys being rendered now (one event loop per worker)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("method") not in ("GET", "HEAD") or not cacheable_path(scope["path"]):
            await self.app(scope, receive, send)
            return
        web = scope["app"]
        try:
            version = await anyio.to_thread.run_sync(_current_version, web.state.db)
        except Exception:  # the database is down: let the view answer (a clean 503) as it would uncached
            version = None
        if version is None:
            await self.app(scope, receive, send)
            return
        key = self._key(scope, version)
        session = scope.get("session")
        entry = self.cache.get(key)
        if entry is None and key in self._running:
            # Another request is rendering this very answer: wait for it rather than render it again in parallel.
            with anyio.move_on_after(60):
                await self._running[key].wait()
            entry = self.cache.get(key)
        if entry is not None:
            await self._replay(entry, session, send)
            return
        running = self._running.setdefault(key, anyio.Event())
        try:
            await self._fill(scope, receive, send, key, session)
        finally:
            if self._running.get(key) is running:
                del self._running[key]
            running.set()

    def _key(self, scope: Scope, version: tuple) -> tuple:
        headers = dict(scope.get("headers", []))
        user = (scope.get("state") or {}).get("user")
        who = (user.id, user.role) if user is not None else None
        return (
            version,
            date.today(),  # relative periods ("last 30 days") resolve against today
            scope["method"],
            scope["path"],
            scope.get("query_string", b""),
            headers.get(b"accept", b""),
            headers.get(b"host", b""),
            scope.get("scheme"),
            who,
        )

    async def _replay(self, entry: Entry, session: dict | None, send: Send) -> None:
        body = entry.body
        if entry.has_token:
            token = session.get("csrf") if session is not None else None
            if not isinstance(token, str) or len(token) < 20:
                token = secrets.token_urlsafe(32)  # as app.web.auth.csrf_token does on a first visit
                if session is not None:
                    session["csrf"] = token
            body = body.replace(_PLACEHOLDER, token.encode())
        headers = [*entry.headers, (b"content-length", str(len(body)).encode())]
        await send({"type": "http.response.start", "status": entry.status, "headers": headers})
        await send({"type": "http.response.body", "body": body})

    async def _fill(self, scope: Scope, receive: Receive, send: Send, key: tuple, session: dict | None) -> None:
        start: Message | None = None
        chunks: list[bytes] = []
        size = 0
        keep = True

        async def capture(message: Message) -> None:
            nonlocal start, size, keep
            if message["type"] == "http.response.start":
                start = message
                ctype = dict(message.get("headers", [])).get(b"content-type", b"")
                keep = message["status"] == 200 and ctype.startswith(CACHED_TYPES)
            elif message["type"] == "http.response.body" and keep:
                chunks.append(message.get("body", b""))
                size += len(chunks[-1])
                keep = size <= MAX_BODY
            await send(message)

        await self.app(scope, receive, capture)
        if not keep or start is None:
            return
        body = b"".join(chunks)
        token = session.get("csrf") if session is not None else None
        has_token = isinstance(token, str) and len(token) >= 20 and token.encode() in body
        if has_token:
            body = body.replace(token.encode(), _PLACEHOLDER)  # type: ignore[union-attr]
        headers = [(k, v) for k, v in start.get("headers", []) if k.lower() not in (b"content-length", b"set-cookie")]
        self.cache.put(key, Entry(status=start["status"], headers=headers, body=body, has_token=has_token))


def install_page_cache(app) -> None:
    """Add the page cache as the innermost middleware (call before the session and auth middleware are added)."""
    app.add_middleware(PageCacheMiddleware)
