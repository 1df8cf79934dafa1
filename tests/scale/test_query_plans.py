"""The main pages' queries use indexes: no full scan of the claim table (SQLite EXPLAIN QUERY PLAN, PostgreSQL EXPLAIN).

Every SQL statement a page runs is captured from the app's own engine while the page renders, then explained with
the same parameters. A scan of claim is allowed only in index order under a LIMIT (a keyset page stops early).
On PostgreSQL sequential scans are disabled for the EXPLAIN, so the check is that an index plan exists at all: with
a handful of test rows the planner would otherwise rightly prefer reading the whole (tiny) table.
"""

from __future__ import annotations

import json
import re

import pytest
from sqlalchemy import event, text

from app.store.datacache import RESULTS
from tests.factories import seed_dashboard

PAGES = (
    "/",
    "/api/v1/overview",
    "/matrix",
    "/matrix?from=2023-01-01&to=2023-12-31",
    "/matrix?bloc=eu",
    "/api/v1/matrix?bloc=nato&rows=actor",
    "/matrix?from=2023-01-15&to=2024-03-20",  # not on month bounds: answered from the claim table
    "/timeline?issue=sanctions&step=month",
    "/api/v1/timeline?issue=sanctions",
    "/issues/sanctions",
    "/claims",
    "/claims?country=DE&issue=military-aid",
    "/api/v1/claims?country=DE&issue=sanctions&limit=50",
    "/api/v1/claims?issue=sanctions&sort=confidence",
    "/claims?actor=germany&from=2023-02-01",
)
_TOUCHES_CLAIM = re.compile(r"\bFROM\s+claim\b|\bJOIN\s+claim\b", re.I)


@pytest.fixture
def captured(app, session):
    seed_dashboard(session)
    RESULTS.clear()
    statements: list[tuple[str, object]] = []

    def capture(conn, cursor, statement, parameters, context, executemany):
        if statement.lstrip().upper().startswith(("SELECT", "WITH")) and _TOUCHES_CLAIM.search(statement):
            statements.append((statement, parameters))

    engine = app.state.db.engine
    event.listen(engine, "before_cursor_execute", capture)
    yield statements
    event.remove(engine, "before_cursor_execute", capture)


def _sqlite_problems(conn, statement: str, params) -> list[str]:
    rows = conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, params).all()
    details = [r[-1] for r in rows]
    limited = re.search(r"\bLIMIT\b", statement, re.I) is not None
    bad = []
    for d in details:
        if re.match(r"SCAN claim\b", d) and ("USING" not in d or not limited):
            bad.append(d)
    return bad


def _postgres_problems(conn, statement: str, params) -> list[str]:
    conn.exec_driver_sql("SET LOCAL enable_seqscan = off")
    plan = conn.exec_driver_sql("EXPLAIN (FORMAT JSON) " + statement, params).scalar_one()
    plan = json.loads(plan) if isinstance(plan, str) else plan
    bad: list[str] = []

    def walk(node: dict) -> None:
        if node.get("Node Type") == "Seq Scan" and node.get("Relation Name") == "claim":
            bad.append(f"Seq Scan on claim (filter: {node.get('Filter', '-')})")
        for child in node.get("Plans", []):
            walk(child)

    walk(plan[0]["Plan"])
    return bad


@pytest.mark.parametrize("path", PAGES)
def test_page_queries_do_not_scan_claim(client, db, captured, path):
    r = client.get(path)
    if r.status_code == 404 and "nothing at" in r.text.lower():
        pytest.skip(f"{path} is not built yet")
    assert r.status_code == 200, (path, r.status_code, r.text[:300])
    assert captured, f"{path} ran no query on claim (cached or rollup only) - nothing to check"
    problems = []
    with db.engine.connect() as conn:
        for statement, params in captured:
            check = _postgres_problems if conn.dialect.name == "postgresql" else _sqlite_problems
            with conn.begin():
                bad = check(conn, statement, params)
            if bad:
                problems.append((bad, " ".join(statement.split())[:400]))
    assert not problems, f"{path}: full scans of claim:\n" + "\n".join(f"{b}\n  in: {s}" for b, s in problems)


def test_the_claim_indexes_exist(db):
    with db.engine.connect() as conn:
        if conn.dialect.name == "postgresql":
            names = set(conn.execute(text("SELECT indexname FROM pg_indexes WHERE tablename = 'claim'")).scalars())
        else:
            names = set(
                conn.execute(text("SELECT name FROM sqlite_master WHERE type='index' AND tbl_name='claim'")).scalars()
            )
    for name in (
        "ix_claim_country_issue_date",
        "ix_claim_actor_issue_date",
        "ix_claim_issue_date",
        "ix_claim_stated_on_id",
    ):
        assert name in names


@pytest.mark.sqlite_only
def test_upgrade_refreshes_stale_sqlite_statistics(db, session):
    from app.store.migrate import refresh_sqlite_statistics

    seed_dashboard(session)
    with db.engine.begin() as conn:
        conn.exec_driver_sql("ANALYZE")  # statistics as bench/make_synthetic.py leaves them...
        conn.exec_driver_sql("CREATE INDEX ix_claim_late ON claim (actor_id, stated_on)")  # ...then a migration
        refresh_sqlite_statistics(conn)
        names = {r[0] for r in conn.exec_driver_sql("SELECT idx FROM sqlite_stat1 WHERE tbl = 'claim'")}
    assert "ix_claim_late" in names


@pytest.mark.sqlite_only
def test_a_never_analyzed_database_is_left_alone(db):
    from app.store.migrate import refresh_sqlite_statistics

    with db.engine.begin() as conn:
        refresh_sqlite_statistics(conn)
        assert conn.exec_driver_sql("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").first() is None


@pytest.mark.sqlite_only
def test_upgrade_keeps_the_statistics_it_has(db, session):
    from app.store.migrate import refresh_sqlite_statistics

    seed_dashboard(session)
    with db.engine.begin() as conn:
        conn.exec_driver_sql("ANALYZE")
        # Statistics as a full ANALYZE of a million claims left them; a sampled re-analysis would replace them.
        conn.exec_driver_sql("UPDATE sqlite_stat1 SET stat = '1000000 17858 1' WHERE idx = 'ix_claim_country_id'")
        refresh_sqlite_statistics(conn)
        stat = conn.exec_driver_sql("SELECT stat FROM sqlite_stat1 WHERE idx = 'ix_claim_country_id'").scalar_one()
    assert stat == "1000000 17858 1"
