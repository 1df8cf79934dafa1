"""Aggregate results cached per process, keyed by the database's data version: exact, never stale.

Triggers on every table an aggregate reads (claim, document, actor, office, country, issue) bump the single
`data_version` row in the same transaction as the change, so a committed write is visible to readers together with
its new version. A cached result is used only while the version (counter and time of the last change) is unchanged;
a page view costs one primary-key read when nothing changed. The change stamp (time and a random tag) makes a
counter value that repeats (a rolled-back write, a restored backup) still miss the cache.
"""

from __future__ import annotations

import functools
import threading
from collections import OrderedDict
from collections.abc import Callable
from datetime import date
from typing import Any, ParamSpec, TypeVar

from sqlalchemy import text
from sqlalchemy.orm import Session

from app.store.filters import ClaimFilter

WATCHED_TABLES = ("claim", "document", "actor", "office", "country", "issue")
MAX_ENTRIES = 256
# The time of the change plus a random tag: a rolled-back or restored counter value never names other data.
_SQLITE_STAMP = "strftime('%Y-%m-%d %H:%M:%f', 'now') || '-' || lower(hex(randomblob(4)))"
_PG_STAMP = (
    "to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYYMMDDHH24MISSUS') || '-' || substr(md5(random()::text), 1, 8)"
)

P = ParamSpec("P")
R = TypeVar("R")


def sqlite_trigger_ddl() -> list[str]:
    """Return the SQLite triggers that bump the data version on every write to a watched table."""
    out = []
    for table in WATCHED_TABLES:
        for op in ("INSERT", "UPDATE", "DELETE"):
            out.append(
                f"CREATE TRIGGER trg_data_version_{table}_{op.lower()} AFTER {op} ON {table} BEGIN "
                "UPDATE data_version SET version = version + 1, "
                f"changed_at = {_SQLITE_STAMP} WHERE id = 1; END"
            )
    return out


def postgres_trigger_ddl() -> list[str]:
    """Return the PostgreSQL function and statement-level triggers that bump the data version."""
    out = [
        f"""
        CREATE OR REPLACE FUNCTION data_version_bump() RETURNS trigger AS $$
        BEGIN
          UPDATE data_version SET version = version + 1, changed_at = {_PG_STAMP} WHERE id = 1;
          RETURN NULL;
        END;
        $$ LANGUAGE plpgsql
        """
    ]
    for table in WATCHED_TABLES:
        out.append(
            f"CREATE TRIGGER trg_data_version_{table} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {table} "
            "FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump()"
        )
    return out


def trigger_ddl(dialect: str) -> list[str]:
    """Return the statements that create the data-version triggers for a dialect."""
    return postgres_trigger_ddl() if dialect == "postgresql" else sqlite_trigger_ddl()


def drop_trigger_ddl(dialect: str) -> list[str]:
    """Return the statements that drop the data-version triggers for a dialect."""
    if dialect == "postgresql":
        return [f"DROP TRIGGER IF EXISTS trg_data_version_{t} ON {t}" for t in WATCHED_TABLES] + [
            "DROP FUNCTION IF EXISTS data_version_bump()"
        ]
    return [
        f"DROP TRIGGER IF EXISTS trg_data_version_{t}_{op}"
        for t in WATCHED_TABLES
        for op in ("insert", "update", "delete")
    ]


def bump_data_version(session: Session) -> None:
    """Mark the data as changed (after a bulk load with the triggers dropped)."""
    now = _PG_STAMP if session.get_bind().dialect.name == "postgresql" else _SQLITE_STAMP
    session.execute(text(f"UPDATE data_version SET version = version + 1, changed_at = {now} WHERE id = 1"))


def data_version(session: Session) -> tuple[int, str] | None:
    """Return the current (counter, last change) of the data, or None when the database has no version row."""
    row = session.execute(text("SELECT version, changed_at FROM data_version WHERE id = 1")).first()
    return (int(row[0]), str(row[1])) if row else None


class ResultCache:
    """A small thread-safe LRU of aggregate results."""

    def __init__(self, max_entries: int = MAX_ENTRIES):
        self.max_entries = max_entries
        self._data: OrderedDict[tuple, Any] = OrderedDict()
        self._lock = threading.Lock()
        self._running: dict[tuple, threading.Event] = {}
        self.hits = self.misses = 0

    def get(self, key: tuple) -> tuple[bool, Any]:
        """Return (found, value) and mark the entry recently used."""
        with self._lock:
            if key in self._data:
                self._data.move_to_end(key)
                self.hits += 1
                return True, self._data[key]
            self.misses += 1
            return False, None

    def put(self, key: tuple, value: Any) -> None:
        """Store a value, evicting the least recently used entries beyond the limit."""
        with self._lock:
            self._data[key] = value
            self._data.move_to_end(key)
            while len(self._data) > self.max_entries:
                self._data.popitem(last=False)

    def clear(self) -> None:
        """Forget everything."""
        with self._lock:
            self._data.clear()

    def get_or_compute(self, key: tuple, compute: Callable[[], Any]) -> Any:
        """Return the cached value or compute it; concurrent misses of one key wait for a single computation."""
        with self._lock:
            if key in self._data:
                self._data.move_to_end(key)
                self.hits += 1
                return self._data[key]
            self.misses += 1
            running = self._running.get(key)
            if running is None:
                running = self._running[key] = threading.Event()
                leader = True
            else:
                leader = False
        if not leader:
            # A burst of requests right after a write would otherwise all run the same heavy query at once.
            running.wait(timeout=120)
            found, value = self.get(key)
            return value if found else compute()
        try:
            value = compute()
            self.put(key, value)
            return value
        finally:
            with self._lock:
                self._running.pop(key, None)
            running.set()


RESULTS = ResultCache()


def _freeze(value: Any) -> Any:
    """Return a hashable stand-in for an argument, or raise TypeError when there is none."""
    if isinstance(value, ClaimFilter):
        # The filter's equality ignores `today`, but relative periods and blocs resolve against it.
        return ("ClaimFilter", value, value.today)
    if isinstance(value, (str, int, float, bool, date, type(None))):
        return value
    if isinstance(value, (list, tuple)):
        return tuple(_freeze(v) for v in value)
    if isinstance(value, (set, frozenset)):
        return frozenset(_freeze(v) for v in value)
    if isinstance(value, dict):
        return tuple(sorted((k, _freeze(v)) for k, v in value.items()))
    hash(value)
    return value


def cached_by_data_version(name: str) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Cache a read function f(session, *args, **kwargs) until the data changes; results must not be mutated."""

    def decorate(fn: Callable[P, R]) -> Callable[P, R]:
        @functools.wraps(fn)
        def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
            session = args[0]
            try:
                key_args = (_freeze(args[1:]), _freeze(kwargs))
            except TypeError:
                return fn(*args, **kwargs)
            version = data_version(session)  # type: ignore[arg-type]
            if version is None:
                return fn(*args, **kwargs)
            bind = session.get_bind()  # type: ignore[attr-defined]
            key = (name, bind.url.render_as_string(hide_password=True), version, key_args)
            return RESULTS.get_or_compute(key, lambda: fn(*args, **kwargs))

        wrapper.uncached = fn  # type: ignore[attr-defined]
        return wrapper

    return decorate
