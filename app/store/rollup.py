"""The claim_monthly rollup: counts kept current by database triggers on every write path.

Triggers (not application code) maintain it, so ingestion, extraction, review, import and raw SQL all keep it
right. Undated claims count under UNDATED_MONTH.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import text
from sqlalchemy.orm import Session

UNDATED_MONTH = date(1900, 1, 1)
_KEY = ("month_on", "actor_id", "country_code", "issue_id", "stance", "review_status", "is_duplicate")

_SQLITE_OLD_ROW = """
       month_on = COALESCE(date(OLD.stated_on, 'start of month'), '1900-01-01') AND actor_id = OLD.actor_id
         AND country_code = OLD.country_code AND issue_id = OLD.issue_id AND stance = OLD.stance
         AND review_status = OLD.review_status AND is_duplicate = OLD.is_duplicate"""
_SQLITE_ADD = """
      INSERT INTO claim_monthly (month_on, actor_id, country_code, issue_id, stance, review_status, is_duplicate, n)
      VALUES (COALESCE(date(NEW.stated_on, 'start of month'), '1900-01-01'), NEW.actor_id, NEW.country_code,
              NEW.issue_id, NEW.stance, NEW.review_status, NEW.is_duplicate, 1)
      ON CONFLICT (month_on, actor_id, country_code, issue_id, stance, review_status, is_duplicate)
      DO UPDATE SET n = n + 1;"""
# The DELETE names the row as well: "WHERE n <= 0" alone would scan the whole table on every update and delete.
_SQLITE_REMOVE = f"""
      UPDATE claim_monthly SET n = n - 1 WHERE {_SQLITE_OLD_ROW};
      DELETE FROM claim_monthly WHERE n <= 0 AND {_SQLITE_OLD_ROW};"""

SQLITE_TRIGGERS = [
    f"CREATE TRIGGER trg_claim_monthly_insert AFTER INSERT ON claim BEGIN {_SQLITE_ADD}\n    END",
    f"CREATE TRIGGER trg_claim_monthly_delete AFTER DELETE ON claim BEGIN {_SQLITE_REMOVE}\n    END",
    f"""
    CREATE TRIGGER trg_claim_monthly_update
    AFTER UPDATE OF stated_on, actor_id, country_code, issue_id, stance, review_status, is_duplicate ON claim BEGIN
      {_SQLITE_REMOVE}{_SQLITE_ADD}
    END
    """,
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS trg_claim_monthly_insert",
    "DROP TRIGGER IF EXISTS trg_claim_monthly_delete",
    "DROP TRIGGER IF EXISTS trg_claim_monthly_update",
]

POSTGRES_TRIGGERS = [
    """
    CREATE OR REPLACE FUNCTION claim_monthly_apply() RETURNS trigger AS $$
    BEGIN
      IF TG_OP IN ('DELETE', 'UPDATE') THEN
        UPDATE claim_monthly SET n = n - 1
         WHERE month_on = COALESCE(date_trunc('month', OLD.stated_on)::date, DATE '1900-01-01')
           AND actor_id = OLD.actor_id AND country_code = OLD.country_code AND issue_id = OLD.issue_id
           AND stance = OLD.stance AND review_status = OLD.review_status AND is_duplicate = OLD.is_duplicate;
        DELETE FROM claim_monthly
         WHERE n <= 0 AND month_on = COALESCE(date_trunc('month', OLD.stated_on)::date, DATE '1900-01-01')
           AND actor_id = OLD.actor_id AND country_code = OLD.country_code AND issue_id = OLD.issue_id
           AND stance = OLD.stance AND review_status = OLD.review_status AND is_duplicate = OLD.is_duplicate;
      END IF;
      IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO claim_monthly (month_on, actor_id, country_code, issue_id, stance, review_status, is_duplicate, n)
        VALUES (COALESCE(date_trunc('month', NEW.stated_on)::date, DATE '1900-01-01'), NEW.actor_id,
                NEW.country_code, NEW.issue_id, NEW.stance, NEW.review_status, NEW.is_duplicate, 1)
        ON CONFLICT (month_on, actor_id, country_code, issue_id, stance, review_status, is_duplicate)
        DO UPDATE SET n = claim_monthly.n + 1;
      END IF;
      RETURN NULL;
    END;
    $$ LANGUAGE plpgsql
    """,
    """
    CREATE TRIGGER trg_claim_monthly AFTER INSERT OR DELETE OR UPDATE OF stated_on, actor_id, country_code,
      issue_id, stance, review_status, is_duplicate ON claim FOR EACH ROW EXECUTE FUNCTION claim_monthly_apply()
    """,
]
POSTGRES_DROP = ["DROP TRIGGER IF EXISTS trg_claim_monthly ON claim", "DROP FUNCTION IF EXISTS claim_monthly_apply()"]


def trigger_ddl(dialect: str) -> list[str]:
    """Return the statements that create the rollup triggers for a dialect."""
    return POSTGRES_TRIGGERS if dialect == "postgresql" else SQLITE_TRIGGERS


def drop_trigger_ddl(dialect: str) -> list[str]:
    """Return the statements that drop the rollup triggers for a dialect."""
    return POSTGRES_DROP if dialect == "postgresql" else SQLITE_DROP


def rebuild_claim_monthly(session: Session) -> int:
    """Recompute the whole rollup from the claim table (after a bulk load with triggers off); return its rows."""
    dialect = session.get_bind().dialect.name
    month = (
        "COALESCE(date_trunc('month', stated_on)::date, DATE '1900-01-01')"
        if dialect == "postgresql"
        else "COALESCE(date(stated_on, 'start of month'), '1900-01-01')"
    )
    session.execute(text("DELETE FROM claim_monthly"))
    session.execute(
        text(
            f"INSERT INTO claim_monthly ({', '.join(_KEY)}, n) "
            f"SELECT {month}, actor_id, country_code, issue_id, stance, review_status, is_duplicate, count(*) "
            f"FROM claim GROUP BY 1, 2, 3, 4, 5, 6, 7"
        )
    )
    return session.execute(text("SELECT count(*) FROM claim_monthly")).scalar_one()
