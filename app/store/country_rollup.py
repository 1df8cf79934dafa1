"""The country rollups: claim counts without the actor, by month and by year, kept by triggers.

claim_monthly has an actor dimension, so at a million claims it holds about half as many rows as claim itself;
dropping the actor leaves about a third of that (claim_country_monthly), and counting by year instead of month
leaves about a quarter of that again (claim_country_yearly). Both primary keys are in the matrix's GROUP BY order
(country, issue, stance), so SQLite aggregates straight from them. Views that neither filter nor group by actor
read them (app/store/country_counts.py); the same triggers-in-the-same-transaction rule as claim_monthly keeps
them exact. Each grain's table, triggers and rebuild come from the one builder below.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.orm import Session

_WATCHED = "stated_on, country_code, issue_id, stance, review_status, is_duplicate"


@dataclass(frozen=True)
class Grain:
    """One time grain of the country rollup: its table, its date column and how a date is cut down to it."""

    table: str
    column: str  # the first day of the period; 1900-01-01 counts the undated claims
    unit: str  # 'month' or 'year': SQLite's 'start of <unit>' and PostgreSQL's date_trunc('<unit>', ...)

    @property
    def key(self) -> tuple[str, ...]:
        """Return the primary key columns, in the matrix's GROUP BY order."""
        return ("country_code", "issue_id", "stance", self.column, "review_status", "is_duplicate")

    def bucket(self, dialect: str, value: str) -> str:
        """Return the SQL for the period of a date expression (1900-01-01 when it is NULL)."""
        if dialect == "postgresql":
            return f"COALESCE(date_trunc('{self.unit}', {value})::date, DATE '1900-01-01')"
        return f"COALESCE(date({value}, 'start of {self.unit}'), '1900-01-01')"


MONTHLY = Grain("claim_country_monthly", "month_on", "month")
YEARLY = Grain("claim_country_yearly", "year_on", "year")
GRAINS = (MONTHLY, YEARLY)


def _match(grain: Grain, dialect: str, row: str) -> str:
    period = grain.bucket(dialect, f"{row}.stated_on")
    return " AND ".join(f"{c} = {period if c == grain.column else f'{row}.{c}'}" for c in grain.key)


def _upsert(grain: Grain, dialect: str, row: str) -> str:
    cols = ", ".join(grain.key)
    period = grain.bucket(dialect, f"{row}.stated_on")
    values = ", ".join(period if c == grain.column else f"{row}.{c}" for c in grain.key)
    n = "n" if dialect == "sqlite" else f"{grain.table}.n"
    return f"INSERT INTO {grain.table} ({cols}, n) VALUES ({values}, 1) ON CONFLICT ({cols}) DO UPDATE SET n = {n} + 1;"


def _sqlite_triggers(grain: Grain) -> list[str]:
    add = _upsert(grain, "sqlite", "NEW")
    old = _match(grain, "sqlite", "OLD")
    # The DELETE names the row as well: "WHERE n <= 0" alone would scan the whole table on every write.
    remove = f"UPDATE {grain.table} SET n = n - 1 WHERE {old}; DELETE FROM {grain.table} WHERE n <= 0 AND {old};"
    name = f"trg_{grain.table}"
    return [
        f"CREATE TRIGGER {name}_insert AFTER INSERT ON claim BEGIN {add} END",
        f"CREATE TRIGGER {name}_delete AFTER DELETE ON claim BEGIN {remove} END",
        f"CREATE TRIGGER {name}_update AFTER UPDATE OF {_WATCHED} ON claim BEGIN {remove} {add} END",
    ]


def _postgres_triggers(grain: Grain) -> list[str]:
    old = _match(grain, "postgresql", "OLD")
    return [
        f"""
        CREATE OR REPLACE FUNCTION {grain.table}_apply() RETURNS trigger AS $$
        BEGIN
          IF TG_OP IN ('DELETE', 'UPDATE') THEN
            UPDATE {grain.table} SET n = n - 1 WHERE {old};
            DELETE FROM {grain.table} WHERE n <= 0 AND {old};
          END IF;
          IF TG_OP IN ('INSERT', 'UPDATE') THEN
            {_upsert(grain, "postgresql", "NEW")}
          END IF;
          RETURN NULL;
        END;
        $$ LANGUAGE plpgsql
        """,
        f"CREATE TRIGGER trg_{grain.table} AFTER INSERT OR DELETE OR UPDATE OF {_WATCHED} ON claim "
        f"FOR EACH ROW EXECUTE FUNCTION {grain.table}_apply()",
    ]


def trigger_ddl(dialect: str, grain: Grain) -> list[str]:
    """Return the statements that create one grain's triggers for a dialect."""
    return _postgres_triggers(grain) if dialect == "postgresql" else _sqlite_triggers(grain)


def drop_trigger_ddl(dialect: str, grain: Grain) -> list[str]:
    """Return the statements that drop one grain's triggers for a dialect."""
    if dialect == "postgresql":
        return [f"DROP TRIGGER IF EXISTS trg_{grain.table} ON claim", f"DROP FUNCTION IF EXISTS {grain.table}_apply()"]
    return [f"DROP TRIGGER IF EXISTS trg_{grain.table}_{op}" for op in ("insert", "delete", "update")]


def rebuild_sql(dialect: str, grain: Grain) -> list[str]:
    """Return the statements that recompute one grain's table from the claims."""
    cols = ", ".join(grain.key)
    select_cols = ", ".join(grain.bucket(dialect, "stated_on") if c == grain.column else c for c in grain.key)
    return [
        f"DELETE FROM {grain.table}",
        f"INSERT INTO {grain.table} ({cols}, n) SELECT {select_cols}, count(*) FROM claim GROUP BY 1, 2, 3, 4, 5, 6",
    ]


def rebuild_country_rollups(session: Session) -> dict[str, int]:
    """Recompute every grain from the claims (after a bulk load with triggers off); return rows per table."""
    dialect = session.get_bind().dialect.name
    out = {}
    for grain in GRAINS:
        for statement in rebuild_sql(dialect, grain):
            session.execute(text(statement))
        out[grain.table] = session.execute(text(f"SELECT count(*) FROM {grain.table}")).scalar_one()
    return out
