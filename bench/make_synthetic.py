"""Generate N synthetic claims (default 1,000,000) into a Posture database, fast and reproducibly.

    .venv/bin/python bench/make_synthetic.py --url sqlite:////tmp/posture-1m.db --claims 1000000 --seed 7
    .venv/bin/python bench/make_synthetic.py --url postgresql+psycopg://postgres@127.0.0.1:5432/posture_1m

The database is migrated and loaded with the reference data first (the app's own upgrade path). Then: a few
synthetic speakers per country, one document per ~4 claims, 4 years of dates (2022-2025) with bursts around
events, a handful of countries and issues dominating (Zipf-like), stances that differ by country and issue and
drift over time, review states and near-duplicates in realistic proportions. Rows go in through the models'
tables in bulk (Core executemany on SQLite, COPY on PostgreSQL) with the rollup and data-version triggers
dropped; the rollup is rebuilt and the data version bumped at the end and the triggers restored, so the database
behaves exactly like one filled by the app.
The texts are generated placeholders, not real quotes.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

import numpy as np
from sqlalchemy import JSON, Connection, insert, select, text

from app.config import Settings
from app.pipeline import open_database, upgrade_database
from app.store import country_rollup, datacache
from app.store import models as m
from app.store.engine import session_scope
from app.store.rollup import drop_trigger_ddl, rebuild_claim_monthly, trigger_ddl

START, DAYS = date(2022, 1, 1), 4 * 365 + 1
# Countries and issues in rough order of how much they are talked about; the rest follow at Zipf weights.
PROMINENT_COUNTRIES = ("US", "DE", "FR", "GB", "UA", "PL", "RU", "IT", "HU", "TR", "NL", "EE", "FI", "SK", "ES")
PROMINENT_ISSUES = ("military-aid", "sanctions", "negotiations", "ceasefire", "ukraine-nato-membership")
EVENTS = (  # bursts of coverage around (roughly) these days
    "2022-02-24", "2022-04-03", "2022-09-30", "2022-11-15", "2023-01-25", "2023-06-06", "2023-07-11",
    "2024-02-26", "2024-06-15", "2024-07-09", "2024-11-06", "2025-02-28", "2025-03-11", "2025-08-15",
    "2025-11-20",
)  # fmt: skip
SPEAKERS_PER_COUNTRY = 8
CHUNK_DOCS = 25_000
STANCE_WORDS = {"support": "backs", "oppose": "rejects", "neutral": "keeps an open mind on"}


@dataclass
class Plan:
    """Every random choice of a run, drawn up front so the rows are a pure function of (seed, claims)."""

    doc_day: np.ndarray  # day offset from START, -1 = undated
    doc_dup: np.ndarray  # near-duplicate document
    claim_doc: np.ndarray  # index of the claim's document
    claim_country: np.ndarray
    claim_actor: np.ndarray
    claim_issue: np.ndarray
    claim_stance: np.ndarray  # 0 support, 1 oppose, 2 neutral
    claim_review: np.ndarray
    claim_conf: np.ndarray


def zipf_weights(n: int, s: float) -> np.ndarray:
    """Return normalised weights 1/rank^s for n ranks."""
    w = 1.0 / np.arange(1, n + 1) ** s
    return w / w.sum()


def ranked(all_ids: Sequence[str], prominent: Sequence[str], rng: np.random.Generator) -> list[str]:
    """Order ids with the prominent ones first (in their order) and the rest shuffled by the seed."""
    head = [i for i in prominent if i in all_ids]
    rest = [i for i in all_ids if i not in head]
    rng.shuffle(rest)
    return head + rest


def make_plan(
    n_claims: int, *, seed: int, countries: list[str], issues: list[str], actors_by_country: dict[str, list[int]]
) -> Plan:
    """Draw the shape of the data set: documents, dates, who says what on which issue."""
    rng = np.random.default_rng(seed)
    per_doc = 1 + rng.poisson(3.0, size=n_claims // 3 + 10)  # about 4 claims per document
    ends = np.cumsum(per_doc)
    n_docs = int(np.searchsorted(ends, n_claims) + 1)
    claim_doc = np.repeat(np.arange(n_docs), per_doc[:n_docs])[:n_claims]

    # Dates: 60% spread over the four years (coverage growing a little), 40% in bursts after events.
    base = (rng.power(1.3, size=n_docs) * DAYS).astype(np.int64)
    events = np.array([(date.fromisoformat(e) - START).days for e in EVENTS])
    burst = events[rng.integers(0, len(events), size=n_docs)] + rng.exponential(5.0, size=n_docs).astype(np.int64)
    doc_day = np.where(rng.random(n_docs) < 0.4, burst, base).clip(0, DAYS - 1)
    doc_day[rng.random(n_docs) < 0.015] = -1
    doc_dup = rng.random(n_docs) < 0.03

    country_order = ranked(countries, PROMINENT_COUNTRIES, rng)
    issue_order = ranked(issues, PROMINENT_ISSUES, rng)
    c_idx = np.array([countries.index(c) for c in country_order])
    i_idx = np.array([issues.index(i) for i in issue_order])
    # A document is mostly about one country; 30% of its claims quote someone else.
    doc_country = c_idx[rng.choice(len(c_idx), size=n_docs, p=zipf_weights(len(c_idx), 1.1))]
    other = c_idx[rng.choice(len(c_idx), size=n_claims, p=zipf_weights(len(c_idx), 1.1))]
    claim_country = np.where(rng.random(n_claims) < 0.7, doc_country[claim_doc], other)
    claim_issue = i_idx[rng.choice(len(i_idx), size=n_claims, p=zipf_weights(len(i_idx), 0.9))]

    claim_actor = np.empty(n_claims, dtype=np.int64)
    for ci, code in enumerate(countries):
        mask = claim_country == ci
        pool = np.array(actors_by_country[code])
        # The government speaks most; named speakers follow at Zipf weights.
        claim_actor[mask] = pool[rng.choice(len(pool), size=int(mask.sum()), p=zipf_weights(len(pool), 1.0))]

    # Stance: each (country, issue) has a leaning that drifts over the four years.
    lean0 = rng.uniform(-0.9, 0.9, size=(len(countries), len(issues)))
    drift = rng.normal(0.0, 0.5, size=(len(countries), len(issues)))
    days = doc_day[claim_doc]
    t = np.where(days < 0, 0.5, days / DAYS)
    lean = np.clip(lean0[claim_country, claim_issue] + drift[claim_country, claim_issue] * t, -0.95, 0.95)
    u = rng.random(n_claims)
    neutral = u < 0.15
    support = ~neutral & (rng.random(n_claims) < (1 + lean) / 2)
    claim_stance = np.where(neutral, 2, np.where(support, 0, 1))

    claim_review = rng.choice(4, size=n_claims, p=[0.90, 0.06, 0.02, 0.02])  # automatic/accepted/edited/rejected
    claim_conf = np.round(rng.beta(6, 2, size=n_claims), 3)
    return Plan(doc_day, doc_dup, claim_doc, claim_country, claim_actor, claim_issue, claim_stance, claim_review,
                claim_conf)  # fmt: skip


def ensure_speakers(conn: Connection, countries: list[str]) -> dict[str, list[int]]:
    """Add synthetic speakers per country (idempotent); return actor ids per country, government first."""
    have = {slug for (slug,) in conn.execute(select(m.Actor.slug).where(m.Actor.origin == "synthetic"))}
    rows = [
        {
            "slug": f"synthetic-{code.lower()}-{k}",
            "name": f"Speaker {k} of {code}",
            "type": "person",
            "country_code": code,
            "aliases": [],
            "origin": "synthetic",
        }
        for code in countries
        for k in range(1, SPEAKERS_PER_COUNTRY + 1)
        if f"synthetic-{code.lower()}-{k}" not in have
    ]
    if rows:
        conn.execute(insert(m.Actor.__table__), rows)
    out: dict[str, list[int]] = {c: [] for c in countries}
    for actor_id, code, kind in conn.execute(
        select(m.Actor.id, m.Actor.country_code, m.Actor.type).order_by(m.Actor.id)
    ):
        if code in out:
            if kind == "government":
                out[code].insert(0, actor_id)
            else:
                out[code].append(actor_id)
    return out


def build_rows(
    plan: Plan, lo: int, hi: int, *, doc_id0: int, claim_id0: int, tag: str, names: dict, issues: list[str], cl: tuple
) -> tuple[list[tuple], list[tuple]]:
    """Return the document and claim rows for documents lo..hi-1 (claims cl = (start, end) index range)."""
    countries, actor_names = names["countries"], names["actors"]
    stances, reviews = m.STANCES, ("automatic", "accepted", "edited", "rejected")
    docs: list[tuple] = []
    claims: list[tuple] = []
    c0, c1 = cl
    j = c0
    for d in range(lo, hi):
        day = int(plan.doc_day[d])
        published = START + timedelta(days=day) if day >= 0 else None
        stamp = datetime(2026, 1, 1, tzinfo=UTC) if published is None else datetime(
            published.year, published.month, published.day, 9, tzinfo=UTC
        )  # fmt: skip
        doc_id = doc_id0 + d
        dup = bool(plan.doc_dup[d])
        parts: list[str] = []
        pos = 0
        while j < c1 and plan.claim_doc[j] == d:
            actor = actor_names[int(plan.claim_actor[j])]
            stance = stances[int(plan.claim_stance[j])]
            issue = issues[int(plan.claim_issue[j])]
            sentence = f"{actor} {STANCE_WORDS[stance]} {issue.replace('-', ' ')}."
            review = reviews[int(plan.claim_review[j])]
            claims.append((
                claim_id0 + j, doc_id, int(plan.claim_actor[j]), countries[int(plan.claim_country[j])], issue,
                stance, published, sentence, pos, pos + len(sentence), "synthetic", "1", float(plan.claim_conf[j]),
                [], review, dup, stamp, stamp,
            ))  # fmt: skip
            parts.append(sentence)
            pos += len(sentence) + 1
            j += 1
        body = " ".join(parts)
        digest = hashlib.sha256(f"{tag}:{doc_id}".encode()).hexdigest()
        docs.append((
            doc_id, f"https://example.org/synthetic/{doc_id}", "synthetic", f"Synthetic report {doc_id}", body,
            published, "explicit" if published else "unknown", "Synthetic Wire", "en", digest, None,
            doc_id - 1 if dup and d > 0 else None, "done", "synthetic@1", stamp, stamp,
        ))  # fmt: skip
    return docs, claims


DOC_COLS = (
    "id", "url", "origin", "title", "text", "published_on", "date_source", "source_name", "language",
    "content_hash", "minhash", "duplicate_of_id", "extraction_status", "extracted_with", "created_at", "updated_at",
)  # fmt: skip
CLAIM_COLS = (
    "id", "document_id", "actor_id", "country_code", "issue_id", "stance", "stated_on", "evidence",
    "evidence_start", "evidence_end", "extractor", "extractor_version", "confidence", "explanation",
    "review_status", "is_duplicate", "created_at", "updated_at",
)  # fmt: skip


def write_rows(conn: Connection, table, cols: Sequence[str], rows: list[tuple]) -> None:
    """Bulk-insert rows: COPY on PostgreSQL, Core executemany elsewhere."""
    if not rows:
        return
    if conn.dialect.name == "postgresql":
        raw = conn.connection.driver_connection
        json_at = [k for k, c in enumerate(cols) if isinstance(table.c[c].type, JSON)]
        if json_at:  # COPY takes the JSON text, not a Python list
            rows = [tuple(json.dumps(v) if k in json_at else v for k, v in enumerate(r)) for r in rows]
        with raw.cursor() as cur, cur.copy(f"COPY {table.name} ({', '.join(cols)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        return
    conn.execute(insert(table), [dict(zip(cols, r, strict=True)) for r in rows])


def chunks(plan: Plan) -> Iterator[tuple[int, int, int, int]]:
    """Yield (doc lo, doc hi, claim lo, claim hi) ranges of CHUNK_DOCS documents."""
    n_docs = len(plan.doc_day)
    bounds = np.searchsorted(plan.claim_doc, np.arange(0, n_docs + CHUNK_DOCS, CHUNK_DOCS).clip(0, n_docs))
    for k in range(len(bounds) - 1):
        lo = k * CHUNK_DOCS
        if lo >= n_docs:
            break
        yield lo, min(lo + CHUNK_DOCS, n_docs), int(bounds[k]), int(bounds[k + 1])


def generate(url: str, *, n_claims: int, seed: int, log=print) -> dict[str, float]:
    """Fill the database at url with n_claims synthetic claims; return timings and counts."""
    t0 = time.perf_counter()
    settings = Settings(database_url=url, _env_file=None)
    db = open_database(settings)
    upgrade_database(db, settings)
    dialect = db.engine.dialect.name
    with db.engine.begin() as conn:
        countries = [
            c for (c,) in conn.execute(select(m.Country.code).where(m.Country.kind == "country").order_by("code"))
        ]
        issues = [i for (i,) in conn.execute(select(m.Issue.id).order_by(m.Issue.position))]
        by_country = ensure_speakers(conn, countries)
        actor_names = dict(conn.execute(select(m.Actor.id, m.Actor.name)).all())
        doc_id0 = (conn.execute(text("SELECT coalesce(max(id), 0) FROM document")).scalar_one()) + 1
        claim_id0 = (conn.execute(text("SELECT coalesce(max(id), 0) FROM claim")).scalar_one()) + 1
    plan = make_plan(n_claims, seed=seed, countries=countries, issues=issues, actors_by_country=by_country)
    t_plan = time.perf_counter()
    log(f"plan: {len(plan.doc_day):,} documents, {n_claims:,} claims ({t_plan - t0:.1f} s incl. migrate)")

    names = {"countries": countries, "actors": actor_names}
    tag = f"seed{seed}-n{n_claims}-from{doc_id0}"
    with db.engine.begin() as conn:
        if dialect == "sqlite":
            conn.exec_driver_sql("PRAGMA cache_size=-262144")  # 256 MB page cache for the index inserts
            conn.exec_driver_sql("PRAGMA synchronous=OFF")  # one transaction; durability comes from its commit
        dropped = [
            *drop_trigger_ddl(dialect),
            *(stmt for grain in country_rollup.GRAINS for stmt in country_rollup.drop_trigger_ddl(dialect, grain)),
            *datacache.drop_trigger_ddl(dialect),
        ]
        for stmt in dropped:
            conn.exec_driver_sql(stmt)
        try:
            done = 0
            for lo, hi, c0, c1 in chunks(plan):
                doc_rows, claim_rows = build_rows(
                    plan, lo, hi, doc_id0=doc_id0, claim_id0=claim_id0, tag=tag, names=names, issues=issues,
                    cl=(c0, c1),
                )  # fmt: skip
                write_rows(conn, m.Document.__table__, DOC_COLS, doc_rows)
                write_rows(conn, m.Claim.__table__, CLAIM_COLS, claim_rows)
                done += len(claim_rows)
                log(f"  {done:>10,} claims  {time.perf_counter() - t_plan:6.1f} s")
        finally:
            restored = [
                *trigger_ddl(dialect),
                *(stmt for grain in country_rollup.GRAINS for stmt in country_rollup.trigger_ddl(dialect, grain)),
                *datacache.trigger_ddl(dialect),
            ]
            for stmt in restored:
                conn.exec_driver_sql(stmt)
    t_load = time.perf_counter()
    with session_scope(db.sessions) as session:
        rollup_rows = rebuild_claim_monthly(session)
        country_rollup.rebuild_country_rollups(session)
        datacache.bump_data_version(session)  # the triggers were off: tell every cache the data changed
    t_rollup = time.perf_counter()
    with db.engine.begin() as conn:
        if dialect == "postgresql":
            for table in ("document", "claim", "actor"):
                conn.exec_driver_sql(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))"
                )
    # Planner statistics: without them SQLite and PostgreSQL guess, and guess badly at this size.
    with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.exec_driver_sql("ANALYZE")
        if dialect == "sqlite":
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    t_end = time.perf_counter()
    db.dispose()
    figures = {
        "claims": n_claims,
        "documents": len(plan.doc_day),
        "rollup_rows": rollup_rows,
        "plan_s": t_plan - t0,
        "load_s": t_load - t_plan,
        "rollup_s": t_rollup - t_load,
        "analyze_s": t_end - t_rollup,
        "total_s": t_end - t0,
    }
    log(
        f"done: {n_claims:,} claims, {len(plan.doc_day):,} documents, {rollup_rows:,} rollup rows; "
        f"load {figures['load_s']:.1f} s, rollup {figures['rollup_s']:.1f} s, analyze {figures['analyze_s']:.1f} s, "
        f"total {figures['total_s']:.1f} s ({n_claims / figures['total_s']:,.0f} claims/s)"
    )
    return figures


def main(argv: Sequence[str] | None = None) -> int:
    """Parse arguments and generate; exit 2 with a message on bad input."""
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--url", required=True, help="database URL (sqlite:////tmp/x.db or postgresql+psycopg://...)")
    p.add_argument("--claims", type=int, default=1_000_000, help="number of claims (default 1,000,000)")
    p.add_argument("--seed", type=int, default=7, help="random seed (same seed and size = same data)")
    args = p.parse_args(argv)
    if args.claims < 1 or args.claims > 50_000_000:
        p.error("--claims must be between 1 and 50,000,000")
    try:
        generate(args.url, n_claims=args.claims, seed=args.seed)
    except Exception as exc:  # a bad URL, a server that is down, a full disk: say so, no traceback
        print(f"error: {type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
