"""Keyset pagination: pages ordered by (sort key, id) that continue from a cursor, never OFFSET.

A nullable key (a date) is paged in two segments: rows with a key first, in key order, then rows without one
(undated last in either direction), each segment served by an index on (key, id) or the primary key.
The cursor is an opaque, URL-safe token; a malformed or tampered one raises FilterError (a 400 naming it).
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Select, tuple_
from sqlalchemy.orm import Session

from app.store.filters import FilterError

MAX_ID = 2**31  # ids are INTEGER columns (PostgreSQL int4): larger ones cannot exist


@dataclass(frozen=True)
class SortKey:
    """One sort option: the column, its direction, whether it can be NULL and how its values look."""

    name: str  # as in the query string, e.g. "-date"
    column: Any
    id_column: Any
    descending: bool
    nullable: bool = False
    kind: str = "str"  # str | date | int | float


@dataclass(frozen=True)
class Cursor:
    """A position in a keyset ordering: after (or before) the row with this key and id."""

    sort: str
    segment: int  # 0: rows with a key, 1: rows without (nullable keys only)
    value: Any
    id: int
    backward: bool = False

    def encode(self) -> str:
        """Return the cursor as an opaque URL-safe token."""
        value = self.value.isoformat() if isinstance(self.value, date) else self.value
        raw = json.dumps([self.sort, self.segment, value, self.id, 1 if self.backward else 0], separators=(",", ":"))
        return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(token: str, key: SortKey, *, param: str = "cursor") -> Cursor:
    """Parse a cursor token for this sort; raise FilterError when it is malformed or for another sort."""
    shown = token[:60]
    if len(token) > 600:
        raise FilterError(param, shown + "…", "cursor too long")
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        data = json.loads(raw.decode())
    except (binascii.Error, ValueError, UnicodeDecodeError):
        raise FilterError(param, shown, "not a valid page cursor (use the Next/Previous links)") from None
    if not (isinstance(data, list) and len(data) == 5):
        raise FilterError(param, shown, "not a valid page cursor (use the Next/Previous links)")
    sort, segment, value, row_id, backward = data
    if sort != key.name:
        raise FilterError(param, shown, f"this cursor belongs to another sort order ({str(sort)[:20]!r})")
    if segment not in (0, 1) or (segment == 1 and not key.nullable) or backward not in (0, 1):
        raise FilterError(param, shown, "not a valid page cursor")
    if not isinstance(row_id, int) or isinstance(row_id, bool) or not 0 <= row_id < MAX_ID:
        raise FilterError(param, shown, "cursor holds an invalid id")
    if segment == 1:
        if value is not None:
            raise FilterError(param, shown, "not a valid page cursor")
    else:
        value = _parse_value(value, key.kind, param, shown)
    return Cursor(sort=sort, segment=segment, value=value, id=row_id, backward=bool(backward))


def _parse_value(value: object, kind: str, param: str, shown: str) -> Any:
    if kind == "date":
        if isinstance(value, str):
            try:
                return date.fromisoformat(value)
            except ValueError:
                pass
    elif kind == "int":
        if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < MAX_ID:
            return value
    elif kind == "float":
        if isinstance(value, (int, float)) and not isinstance(value, bool) and -1e9 < value < 1e9:
            return float(value)
    elif isinstance(value, str) and len(value) <= 300:
        return value
    raise FilterError(param, shown, "cursor holds a value of the wrong type")


@dataclass
class Page:
    """One page of rows, with the cursors that continue it (None at either end)."""

    rows: list
    next: Cursor | None
    previous: Cursor | None


def keyset_page(
    session: Session,
    base: Select,
    *,
    key: SortKey,
    cursor: Cursor | None,
    limit: int,
    key_of: Callable[[Any], tuple[Any, int]],
) -> Page:
    """Return the page of `base` (filtered, unordered) after or before the cursor, in the key's order."""
    if cursor is not None and cursor.backward:
        rows, more_before = _walk(session, base, key, cursor, limit, backward=True)
        if len(rows) < limit:
            # Walked back past the start: show the true first page rather than a short one.
            return keyset_page(session, base, key=key, cursor=None, limit=limit, key_of=key_of)
        rows.reverse()
        return Page(
            rows=rows,
            next=_cursor_at(key, rows[-1], key_of, backward=False),
            previous=_cursor_at(key, rows[0], key_of, backward=True) if more_before else None,
        )
    rows, more_after = _walk(session, base, key, cursor, limit, backward=False)
    return Page(
        rows=rows,
        next=_cursor_at(key, rows[-1], key_of, backward=False) if (more_after and rows) else None,
        previous=_cursor_at(key, rows[0], key_of, backward=True) if (cursor is not None and rows) else None,
    )


def _cursor_at(key: SortKey, row: Any, key_of: Callable[[Any], tuple[Any, int]], *, backward: bool) -> Cursor:
    value, row_id = key_of(row)
    segment = 1 if (key.nullable and value is None) else 0
    return Cursor(sort=key.name, segment=segment, value=value, id=row_id, backward=backward)


def _walk(
    session: Session, base: Select, key: SortKey, cursor: Cursor | None, limit: int, *, backward: bool
) -> tuple[list, bool]:
    """Collect up to `limit` rows across segments; also say whether more rows lie beyond them."""
    want = limit + 1
    segments: Sequence[int] = (0, 1) if key.nullable else (0,)
    if backward:
        segments = tuple(reversed(segments))
    start = cursor.segment if cursor is not None else segments[0]
    rows: list = []
    for seg in segments[segments.index(start) :]:
        at = cursor if (cursor is not None and seg == cursor.segment) else None
        rows += session.execute(_segment_query(base, key, seg, at, want - len(rows), backward=backward)).all()
        if len(rows) >= want:
            break
    return rows[:limit], len(rows) > limit


def _segment_query(base: Select, key: SortKey, segment: int, at: Cursor | None, n: int, *, backward: bool) -> Select:
    # Walking backward flips the direction of the order and of the comparison.
    desc = key.descending != backward
    q = base
    if segment == 0:
        if key.nullable:
            q = q.where(key.column.is_not(None))
        if at is not None:
            pair, there = tuple_(key.column, key.id_column), tuple_(at.value, at.id)
            q = q.where(pair < there if desc else pair > there)
        order = (key.column.desc(), key.id_column.desc()) if desc else (key.column.asc(), key.id_column.asc())
    else:
        q = q.where(key.column.is_(None))
        if at is not None:
            q = q.where(key.id_column < at.id if desc else key.id_column > at.id)
        order = (key.id_column.desc(),) if desc else (key.id_column.asc(),)
    return q.order_by(*order).limit(n)
