"""The whole database as one file (gzip JSON Lines) and back: documents, claims, reviews, audit trail, users, taxonomy.

Line 1 is a header ({"format": "posture-dump", "version": 1, "schema": <alembic revision>, "counts": {...}}); each
further line is {"t": <table>, "r": <row>} with every column, ids included, so references survive. Dates are ISO
strings, bytes base64. The rollups (claim_monthly, the country rollups) and data_version are not written: the
database's triggers rebuild them as claims are loaded. Failed-login counters are transient and stay behind.
"""

from __future__ import annotations

import base64
import gzip
import json
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import IO, Any

from alembic.runtime.migration import MigrationContext
from sqlalchemy import Date, DateTime, LargeBinary, Table, func, insert, select, text, update
from sqlalchemy.orm import Session

from app.store import models as m

FORMAT = "posture-dump"
VERSION = 1
BATCH = 1000
# Parents before children, so foreign keys hold at every insert.
TABLES: tuple[type[m.Base], ...] = (
    m.Setting,
    m.Country,
    m.Issue,
    m.Actor,
    m.Office,
    m.UserAccount,
    m.ApiToken,
    m.Document,
    m.DocumentBand,
    m.Claim,
    m.ClaimRevision,
)
# Rollups the database's triggers keep: never dumped, emptied before a load (the triggers refill them).
ROLLUPS: tuple[type[m.Base], ...] = (m.ClaimMonthly, m.ClaimCountryMonthly, m.ClaimCountryYearly)
# Tables whose presence means the target holds work that an import would overwrite.
WORK_TABLES = (m.Document, m.Claim, m.UserAccount)


class DumpError(ValueError):
    """A dump file that cannot be read or imported; says why (and the line, when it is one line's fault)."""


def _table(model: type[m.Base]) -> Table:
    return model.__table__  # type: ignore[return-value]


def _encode(value: Any) -> Any:
    if isinstance(value, datetime):
        # SQLite hands back naive datetimes; every stored time is UTC, so say so, and both backends agree.
        return (value if value.tzinfo else value.replace(tzinfo=UTC)).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bytes | memoryview):
        return base64.b64encode(bytes(value)).decode("ascii")
    return value


def _decoders(table: Table) -> dict[str, Callable[[Any], Any]]:
    out: dict[str, Callable[[Any], Any]] = {}
    for column in table.columns:
        if isinstance(column.type, DateTime):
            out[column.name] = datetime.fromisoformat
        elif isinstance(column.type, Date):
            out[column.name] = date.fromisoformat
        elif isinstance(column.type, LargeBinary):
            out[column.name] = base64.b64decode
    return out


def _schema_revision(session: Session) -> str | None:
    # Read through the session's own connection, so a REPEATABLE READ export sees one snapshot.
    heads = MigrationContext.configure(session.connection()).get_current_heads()
    return ",".join(sorted(heads)) or None


def iter_dump(session: Session) -> Iterator[dict[str, Any]]:
    """Yield the header and then every row of every dumped table, in load order."""
    counts = {_table(t).name: session.scalar(select(func.count()).select_from(_table(t))) for t in TABLES}
    yield {
        "format": FORMAT,
        "version": VERSION,
        "schema": _schema_revision(session),
        "created_at": datetime.now(UTC).isoformat(),
        "counts": counts,
    }
    for model in TABLES:
        table = _table(model)
        pk = list(table.primary_key.columns)
        names = [c.name for c in table.columns]
        query = select(*table.columns).order_by(*pk)
        for row in session.execute(query.execution_options(yield_per=BATCH)):
            yield {"t": table.name, "r": {n: _encode(v) for n, v in zip(names, row, strict=True)}}


def export_database(session: Session, path: Path | str) -> dict[str, int]:
    """Write the whole database to a gzip JSON Lines file; return the row count per table."""
    path = Path(path)
    counts: dict[str, int] = {}
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=6) as out:
        for item in iter_dump(session):
            if "t" in item:
                counts[item["t"]] = counts.get(item["t"], 0) + 1
            out.write(json.dumps(item, ensure_ascii=False, separators=(",", ":")) + "\n")
    return counts


def _lines(stream: IO[str]) -> Iterator[tuple[int, dict[str, Any]]]:
    for number, line in enumerate(stream, 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise DumpError(f"line {number}: not JSON ({exc.msg})") from None
        if not isinstance(item, dict):
            raise DumpError(f"line {number}: expected a JSON object")
        yield number, item


def _is_gzip(path: Path) -> bool:
    try:
        with path.open("rb") as probe:
            return probe.read(2) == b"\x1f\x8b"
    except OSError as exc:
        raise DumpError(f"cannot read {path}: {exc.strerror or exc}") from None


def _open_text(path: Path, compressed: bool) -> IO[str]:
    # A plain (uncompressed) .jsonl dump is accepted too.
    return gzip.open(path, "rt", encoding="utf-8") if compressed else path.open("r", encoding="utf-8")


def has_work(session: Session) -> bool:
    """Return whether the database holds documents, claims or users (an import would overwrite them)."""
    return any(session.scalar(select(func.count()).select_from(_table(t))) for t in WORK_TABLES)


def import_database(session: Session, path: Path | str, *, replace: bool = False) -> dict[str, int]:
    """Load a dump into this (migrated) database, replacing its reference data; return rows loaded per table.

    Refuses a database that already holds documents, claims or users unless replace=True.
    """
    path = Path(path)
    compressed = _is_gzip(path)
    if has_work(session) and not replace:
        raise DumpError("the database already holds documents, claims or users; import into a fresh one (or replace)")
    tables = {_table(t).name: _table(t) for t in TABLES}
    decoders = {name: _decoders(table) for name, table in tables.items()}
    counts = dict.fromkeys(tables, 0)
    try:
        with _open_text(path, compressed) as stream:
            lines = _lines(stream)
            first = next(lines, None)
            if first is None:
                raise DumpError("the file is empty")
            number, header = first
            if header.get("format") != FORMAT:
                raise DumpError("line 1: not a Posture dump (no format header)")
            if header.get("version") != VERSION:
                raise DumpError(f"line 1: dump version {header.get('version')!r}; this Posture reads {VERSION}")
            _clear(session)
            pending: list[dict[str, Any]] = []
            current: str | None = None
            duplicates: list[tuple[int, int, datetime | None]] = []
            for number, item in lines:
                name, row = item.get("t"), item.get("r")
                if name not in tables or not isinstance(row, dict):
                    raise DumpError(f"line {number}: expected {{'t': <table>, 'r': {{...}}}} with a known table")
                if name != current:
                    _flush(session, tables, current, pending)
                    pending, current = [], name
                unknown = set(row) - set(tables[name].columns.keys())
                if unknown:
                    raise DumpError(f"line {number}: unknown column(s) {', '.join(sorted(unknown))} in {name}")
                try:
                    row = {
                        k: (decoders[name][k](v) if v is not None and k in decoders[name] else v)
                        for k, v in row.items()
                    }
                except (ValueError, TypeError) as exc:
                    raise DumpError(f"line {number}: bad value in {name}: {exc}") from None
                if name == "document" and row.get("duplicate_of_id") is not None:
                    # Set after every document is in, so a forward reference cannot fail.
                    duplicates.append((row["id"], row["duplicate_of_id"], row.get("updated_at")))
                    row["duplicate_of_id"] = None
                pending.append(row)
                counts[name] += 1
                if len(pending) >= BATCH:
                    _flush(session, tables, current, pending)
                    pending = []
            _flush(session, tables, current, pending)
            docs = tables["document"]
            for doc_id, dup_of, updated_at in duplicates:
                # updated_at given explicitly, or the column's onupdate would stamp the import time on it.
                values = {"duplicate_of_id": dup_of} | ({"updated_at": updated_at} if updated_at else {})
                session.execute(update(docs).where(docs.c.id == doc_id).values(**values))
    except (OSError, EOFError, gzip.BadGzipFile, UnicodeDecodeError) as exc:
        raise DumpError(f"cannot read {path}: {exc}") from None
    expected = header.get("counts") or {}
    short = {t: (n, counts.get(t, 0)) for t, n in expected.items() if t in counts and counts[t] != n}
    if short:
        detail = ", ".join(f"{t}: {got} of {n}" for t, (n, got) in short.items())
        raise DumpError(f"the dump is incomplete ({detail}); was the file cut short?")
    _reset_sequences(session)
    session.flush()
    return counts


def _flush(session: Session, tables: dict[str, Table], name: str | None, rows: list[dict[str, Any]]) -> None:
    if name is None or not rows:
        return
    session.execute(insert(tables[name]), rows)


def _clear(session: Session) -> None:
    """Empty the dumped tables (children first), the rollup and the counters."""
    session.execute(m.LoginAttempt.__table__.delete())
    session.execute(update(_table(m.Document)).values(duplicate_of_id=None))
    for model in reversed(TABLES):
        session.execute(_table(model).delete())
    for rollup in ROLLUPS:  # last: deleting claims ran the rollup triggers
        session.execute(_table(rollup).delete())


def _reset_sequences(session: Session) -> None:
    """On PostgreSQL, move each id sequence past the loaded ids (SQLite needs nothing)."""
    if session.get_bind().dialect.name != "postgresql":
        return
    for model in TABLES:
        table = _table(model)
        if "id" in table.columns and isinstance(table.c.id.type, type(m.Claim.__table__.c.id.type)):
            session.execute(
                text(
                    f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                    f"COALESCE((SELECT MAX(id) FROM {table.name}), 1), "
                    f"(SELECT MAX(id) FROM {table.name}) IS NOT NULL)"
                )
            )


def read_header(path: Path | str) -> dict[str, Any]:
    """Return a dump's header line."""
    with gzip.open(path, "rt", encoding="utf-8") as stream:
        line = stream.readline()
    try:
        header = json.loads(line)
    except json.JSONDecodeError:
        raise DumpError("line 1: not JSON") from None
    return header


__all__ = ["DumpError", "export_database", "has_work", "import_database", "iter_dump", "read_header"]
