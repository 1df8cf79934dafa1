"""claim_country_monthly: claim counts without the actor, for the matrix and timelines by country, kept by triggers.

claim_monthly has an actor dimension, so at a million claims it holds about half as many rows as claim itself;
dropping the actor leaves about a third of that, and its primary key is in the matrix's GROUP BY order (country,
issue, stance), so SQLite aggregates it straight from the index. Views that neither filter nor group by actor read
it (app/store/aggregates.py); the same triggers-in-the-same-transaction rule as claim_monthly keeps it exact.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session

TABLE = "claim_country_monthly"
KEY = ("country_code", "issue_id", "stance", "month_on", "review_status", "is_duplicate")
_COLS = ", ".join(KEY)
_SQLITE_MONTH = "COALESCE(date({row}.stated_on, 'start of month'), '1900-01-01')"
_PG_MONTH = "COALESCE(date_trunc('month', {row}.stated_on)::date, DATE '1900-01-01')"
_WATCHED = "stated_on, country_code, issue_id, stance, review_status, is_duplicate"


def _match(row: str, month: str) -> str:
    return (
        f"country_code = {row}.country_code AND issue_id = {row}.issue_id AND stance = {row}.stance "
        f"AND month_on = {month.format(row=row)} AND review_status = {row}.review_status "
        f"AND is_duplicate = {row}.is_duplicate"
    )


def _values(row: str, month: str) -> str:
    return (
        f"{row}.country_code, {row}.issue_id, {row}.stance, {month.format(row=row)}, {row}.review_status, "
        f"{row}.is_duplicate, 1"
    )


def sqlite_trigger_ddl() -> list[str]:
    """Return the SQLite triggers that keep claim_country_monthly current."""
    m = _SQLITE_MONTH
    add = (
        f"INSERT INTO {TABLE} ({_COLS}, n) VALUES ({_values('NEW', m)}) ON CONFLICT ({_COLS}) DO UPDATE SET n = n + 1;"
    )
    remove = f"UPDATE {TABLE} SET n = n - 1 WHERE {_match('OLD', m)}; DELETE FROM {TABLE} WHERE n <= 0;"
    return [
        f"CREATE TRIGGER trg_claim_country_monthly_insert AFTER INSERT ON claim BEGIN {add} END",
        f"CREATE TRIGGER trg_claim_country_monthly_delete AFTER DELETE ON claim BEGIN {remove} END",
        f"CREATE TRIGGER trg_claim_country_monthly_update AFTER UPDATE OF {_WATCHED} ON claim BEGIN {remove} {add} END",
    ]


def postgres_trigger_ddl() -> list[str]:
    """Return the PostgreSQL function and trigger that keep claim_country_monthly current."""
    m = _PG_MONTH
    return [
        f"""
        CREATE OR REPLACE FUNCTION claim_country_monthly_apply() RETURNS trigger AS $$
        BEGIN
          IF TG_OP IN ('DELETE', 'UPDATE') THEN
            UPDATE {TABLE} SET n = n - 1 WHERE {_match("OLD", m)};
            DELETE FROM {TABLE} WHERE n <= 0 AND {_match("OLD", m)};
          END IF;
          IF TG_OP IN ('INSERT', 'UPDATE') THEN
            INSERT INTO {TABLE} ({_COLS}, n) VALUES ({_values("NEW", m)})
            ON CONFLICT ({_COLS}) DO UPDATE SET n = {TABLE}.n + 1;
          END IF;
          RETURN NULL;
        END;
        $$ LANGUAGE plpgsql
        """,
        f"CREATE TRIGGER trg_claim_country_monthly AFTER INSERT OR DELETE OR UPDATE OF {_WATCHED} ON claim "
        "FOR EACH ROW EXECUTE FUNCTION claim_country_monthly_apply()",
    ]


def trigger_ddl(dialect: str) -> list[str]:
    """Return the statements that create the triggers for a dialect."""
    return postgres_trigger_ddl() if dialect == "postgresql" else sqlite_trigger_ddl()


def drop_trigger_ddl(dialect: str) -> list[str]:
    """Return the statements that drop the triggers for a dialect."""
    if dialect == "postgresql":
        return [
            "DROP TRIGGER IF EXISTS trg_claim_country_monthly ON claim",
            "DROP FUNCTION IF EXISTS claim_country_monthly_apply()",
        ]
    return [f"DROP TRIGGER IF EXISTS trg_claim_country_monthly_{op}" for op in ("insert", "delete", "update")]


def rebuild_sql() -> list[str]:
    """Return the statements that recompute the table from claim_monthly (which must be current)."""
    return [
        f"DELETE FROM {TABLE}",
        f"INSERT INTO {TABLE} ({_COLS}, n) SELECT {_COLS}, sum(n) FROM claim_monthly "
        f"GROUP BY {_COLS} HAVING sum(n) > 0",
    ]


def rebuild_claim_country_monthly(session: Session) -> int:
    """Recompute claim_country_monthly from claim_monthly (after a bulk load with triggers off); return its rows."""
    for statement in rebuild_sql():
        session.execute(text(statement))
    return session.execute(text(f"SELECT count(*) FROM {TABLE}")).scalar_one()
