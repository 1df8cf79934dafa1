"""Read queries behind the dashboard: corpus figures, recent changes, the matrix, timelines, issue standings.

Counts come from the rollups when the filter's window falls on month bounds (filter.rollup_exact()): claim_monthly
when actors matter, else the country rollups, whole years by year (app/store/country_counts.py); from the indexed
claim table otherwise. Nothing here loads all claims: per-claim reads are capped (latest N) or
are one indexed lookup per cell/actor (a correlated "latest claim" subquery on the (key, issue_id, stated_on)
indexes), so the views stay fast at a million claims.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date

from sqlalchemy import and_, case, func, select, true
from sqlalchemy.orm import Session, aliased

from app.store import country_counts
from app.store import models as m
from app.store.aggregate_types import (
    STANCE_VALUE,
    CorpusFigures,
    Counts,
    Evidence,
    IssueStandings,
    IssueSummary,
    Matrix,
    MatrixRow,
    StanceChange,
    Standing,
    Timeline,
)
from app.store.datacache import cached_by_data_version
from app.store.filters import ClaimFilter
from app.store.rollup import UNDATED_MONTH
from app.store.similarity import similarity_order

MAX_MATRIX_ROWS = 60  # rows beyond this (the fewest claims) are left out, and the view says so
MAX_TIMELINE_POINTS = 2000
CHANGE_WINDOW = 2000  # recent claims scanned for stance changes on the overview
EVIDENCE_CHARS = 240


# -- building blocks -------------------------------------------------------------------------------------------


def _month_expr(session: Session, column):
    """Return the first day of column's month, in the session's SQL dialect."""
    if session.get_bind().dialect.name == "postgresql":
        return func.date_trunc("month", column)
    return func.strftime("%Y-%m-01", column)


def _as_date(value) -> date:
    if isinstance(value, date):
        return value if type(value) is date else value.date()
    return date.fromisoformat(str(value)[:10])


def _rollup_table(flt: ClaimFilter, keys: Sequence[str], skip: Iterable[str] = ()):
    """Return the smallest rollup that answers: the one without actors unless actors are filtered or grouped."""
    if "actor_id" in keys or (flt.actors and "actor" not in set(skip)):
        return m.ClaimMonthly
    return m.ClaimCountryMonthly


def grouped_counts(
    session: Session, flt: ClaimFilter, keys: Sequence[str], *, skip: Iterable[str] = ()
) -> list[tuple[tuple, str, int]]:
    """Return ((key values), stance, claims) grouped by keys ('country_code', 'actor_id', 'issue_id', 'month')."""
    skip = tuple(skip)
    t = _rollup_table(flt, keys, skip) if flt.rollup_exact() else m.Claim
    if t is m.ClaimCountryMonthly and "month" not in keys:
        stmt = country_counts.grouped_select(session, flt, keys, skip=skip)  # whole years by year
    else:
        if t is m.Claim:
            conds = flt.claim_conditions(session, skip=skip)
            n = func.count()
            cols = [_month_expr(session, t.stated_on) if k == "month" else getattr(t, k) for k in keys]
            if "month" in keys:
                conds.append(t.stated_on.is_not(None))
        else:
            conds = flt.rollup_conditions(session, skip=skip, table=t)
            n = func.sum(t.n)
            cols = [t.month_on if k == "month" else getattr(t, k) for k in keys]
            if "month" in keys:
                conds.append(t.month_on > UNDATED_MONTH)
        stmt = select(*cols, t.stance, n).where(*conds).group_by(*cols, t.stance)
    out = []
    for row in session.execute(stmt):
        key = tuple(_as_date(v) if k == "month" else v for k, v in zip(keys, row[: len(keys)], strict=True))
        out.append((key, row[-2], int(row[-1] or 0)))
    return out


def count_claims(session: Session, flt: ClaimFilter, *, dated_only: bool = False) -> int:
    """Return how many claims the filter selects (rollup sum when exact, an indexed count otherwise)."""
    if flt.rollup_exact() and _rollup_table(flt, ()) is m.ClaimCountryMonthly:
        value = session.scalar(country_counts.total_select(session, flt, dated_only=dated_only))
    elif flt.rollup_exact():
        t = m.ClaimMonthly
        conds = flt.rollup_conditions(session, table=t)
        if dated_only:
            conds.append(t.month_on > UNDATED_MONTH)
        value = session.scalar(select(func.sum(t.n)).where(*conds))
    else:
        conds = flt.claim_conditions(session)
        if dated_only:
            conds.append(m.Claim.stated_on.is_not(None))
        value = session.scalar(select(func.count()).select_from(m.Claim).where(*conds))
    return int(value or 0)


def _evidence_query():
    return (
        select(
            m.Claim.id,
            m.Actor.slug,
            m.Actor.name,
            m.Claim.country_code,
            m.Claim.issue_id,
            m.Claim.stance,
            m.Claim.stated_on,
            func.substr(m.Claim.evidence, 1, EVIDENCE_CHARS),
            m.Claim.document_id,
            m.Document.title,
            m.Document.source_name,
            m.Document.url,
        )
        .join(m.Actor, m.Actor.id == m.Claim.actor_id)
        .join(m.Document, m.Document.id == m.Claim.document_id)
    )


def _to_evidence(row) -> Evidence:
    return Evidence(
        claim_id=row[0],
        actor_slug=row[1],
        actor_name=row[2],
        country_code=row[3],
        issue_id=row[4],
        stance=row[5],
        stated_on=row[6],
        text=row[7] or "",
        document_id=row[8],
        document_title=row[9] or "",
        source_name=row[10],
        url=row[11],
    )


def evidence_for(session: Session, claim_ids: Iterable[int]) -> dict[int, Evidence]:
    """Return the evidence of some claims by id."""
    ids = sorted(set(claim_ids))
    out: dict[int, Evidence] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        for row in session.execute(_evidence_query().where(m.Claim.id.in_(chunk))):
            out[row[0]] = _to_evidence(row)
    return out


def _latest_claim_subquery(session: Session, flt: ClaimFilter, claim_key, outer_key, outer_issue, *, skip=()):
    """A correlated subquery: the latest dated claim for (outer_key, outer_issue) under the filter (index-backed)."""
    conds = flt.claim_conditions(session, skip=skip)
    return (
        select(m.Claim.id)
        .where(*conds, claim_key == outer_key, m.Claim.issue_id == outer_issue, m.Claim.stated_on.is_not(None))
        .order_by(m.Claim.stated_on.desc(), m.Claim.id.desc())
        .limit(1)
        .scalar_subquery()
    )


def bloc_label(country: m.Country, on: date) -> str:
    """Return a country's bloc on a date: 'NATO & EU', 'NATO', 'EU', 'Neither' or 'Institution'."""
    if country.kind != "country":
        return "Institution"
    nato = bool(country.nato_joined_on and country.nato_joined_on <= on)
    eu = bool(
        country.eu_joined_on and country.eu_joined_on <= on and not (country.eu_left_on and country.eu_left_on < on)
    )
    return {(True, True): "NATO & EU", (True, False): "NATO", (False, True): "EU"}.get((nato, eu), "Neither")


BLOC_ORDER = {"NATO & EU": 0, "NATO": 1, "EU": 2, "Neither": 3, "Institution": 4}


# -- matrix ----------------------------------------------------------------------------------------------------


@cached_by_data_version("claim_matrix")
def claim_matrix(
    session: Session,
    flt: ClaimFilter,
    *,
    rows: str = "country",
    sort: str = "name",
    group_by_bloc: bool = False,
    with_evidence: bool = True,
    max_rows: int = MAX_MATRIX_ROWS,
) -> Matrix:
    """Return the rows (countries or actors) by issues matrix of net stances under the filter."""
    key = "country_code" if rows == "country" else "actor_id"
    issues = [(i, label) for i, label in session.execute(_issues_query(flt))]
    issue_ids = {i for i, _ in issues}
    by_row: dict[object, dict[str, Counts]] = defaultdict(dict)
    for (row_key, issue_id), stance, n in grouped_counts(session, flt, [key, "issue_id"]):
        if issue_id in issue_ids:
            cells = by_row[row_key]
            cells[issue_id] = cells.get(issue_id, Counts()).add(stance, n)
    total = sum(c.total for cells in by_row.values() for c in cells.values())
    # Keep the rows with most claims when there are too many to draw.
    ranked = sorted(by_row, key=lambda k: -sum(c.total for c in by_row[k].values()))
    kept, hidden = ranked[:max_rows], max(0, len(ranked) - max_rows)
    on = flt.window()[1] or flt.today
    countries = {c.code: c for c in session.scalars(select(m.Country))}
    matrix_rows: list[MatrixRow] = []
    if rows == "country":
        for code in kept:
            c = countries.get(code)
            matrix_rows.append(
                MatrixRow(
                    key=code,
                    label=c.name if c else code,
                    country_code=code,
                    bloc=bloc_label(c, on) if c else "Neither",
                    cells=by_row[code],
                )
            )
    else:
        actors = {a.id: a for a in session.scalars(select(m.Actor).where(m.Actor.id.in_(kept)))} if kept else {}
        for actor_id in kept:
            a = actors[actor_id]
            c = countries.get(a.country_code)
            matrix_rows.append(
                MatrixRow(
                    key=a.slug,
                    label=a.name,
                    country_code=a.country_code,
                    bloc=bloc_label(c, on) if c else "Neither",
                    cells=by_row[actor_id],
                )
            )
    matrix_rows = order_rows(matrix_rows, [i for i, _ in issues], sort=sort, group_by_bloc=group_by_bloc)
    evidence = _matrix_evidence(session, flt, rows, kept, issue_ids) if with_evidence and kept else {}
    return Matrix(
        rows_kind=rows,
        issues=issues,
        rows=matrix_rows,
        total=total,
        hidden_rows=hidden,
        evidence=evidence,
        source="rollup" if flt.rollup_exact() else "claim",
    )


def _issues_query(flt: ClaimFilter):
    stmt = select(m.Issue.id, m.Issue.label).order_by(m.Issue.position, m.Issue.id)
    return stmt.where(m.Issue.id.in_(flt.issues)) if flt.issues else stmt


def _matrix_evidence(session, flt, rows, kept, issue_ids) -> dict[tuple[str, str], Evidence]:
    """Return the latest claim per visible cell: one indexed lookup per cell, in one round trip."""
    issue = aliased(m.Issue)
    if rows == "country":
        outer = aliased(m.Country)
        outer_key, claim_key, label_key = outer.code, m.Claim.country_code, outer.code
    else:
        outer = aliased(m.Actor)
        outer_key, claim_key, label_key = outer.id, m.Claim.actor_id, outer.slug
    latest = _latest_claim_subquery(session, flt, claim_key, outer_key, issue.id).correlate(outer, issue)
    # A deliberate cross product of the visible rows and issues: one cell each.
    stmt = (
        select(label_key, issue.id, latest)
        .select_from(outer)
        .join(issue, true())
        .where(outer_key.in_(list(kept)), issue.id.in_(sorted(issue_ids)))
    )
    cells = {(k, i): cid for k, i, cid in session.execute(stmt) if cid is not None}
    found = evidence_for(session, cells.values())
    return {cell: found[cid] for cell, cid in cells.items() if cid in found}


def order_rows(
    rows: list[MatrixRow], issue_ids: Sequence[str], *, sort: str = "name", group_by_bloc: bool = False
) -> list[MatrixRow]:
    """Order rows by name or by similarity of positions (average-linkage clustering), optionally within blocs."""
    groups: dict[str, list[MatrixRow]] = defaultdict(list)
    for r in rows:
        groups[r.bloc if group_by_bloc else ""].append(r)
    out: list[MatrixRow] = []
    for name in sorted(groups, key=lambda g: BLOC_ORDER.get(g, 9)):
        members = sorted(groups[name], key=lambda r: r.label.casefold())
        if sort == "similarity" and len(members) > 2:
            vectors = [[_net_or_zero(r.cells.get(i)) for i in issue_ids] for r in members]
            members = [members[i] for i in similarity_order(vectors)]
        out += members
    return out


def _net_or_zero(c: Counts | None) -> float:
    return (c.net or 0.0) if c else 0.0


# -- timeline --------------------------------------------------------------------------------------------------


def latest_claims(session: Session, flt: ClaimFilter, *, limit: int, skip: Iterable[str] = ()) -> list[Evidence]:
    """Return the latest dated claims under the filter, newest first (stated_on, id index)."""
    conds = flt.claim_conditions(session, skip=skip)
    stmt = (
        _evidence_query()
        .where(*conds, m.Claim.stated_on.is_not(None))
        .order_by(m.Claim.stated_on.desc(), m.Claim.id.desc())
        .limit(limit)
    )
    return [_to_evidence(r) for r in session.execute(stmt)]


def detect_changes(claims: Iterable[Evidence], issue_labels: dict[str, str] | None = None) -> list[StanceChange]:
    """Return the stance changes among claims: an actor's consecutive claims on an issue with different stances."""
    issue_labels = issue_labels or {}
    last: dict[tuple[str, str], Evidence] = {}
    changes: list[StanceChange] = []
    for c in sorted(claims, key=lambda c: (c.stated_on or date.min, c.claim_id)):
        key = (c.actor_slug, c.issue_id)
        prev = last.get(key)
        if prev is not None and prev.stance != c.stance and prev.stated_on and c.stated_on:
            changes.append(
                StanceChange(
                    actor_slug=c.actor_slug,
                    actor_name=c.actor_name,
                    country_code=c.country_code,
                    issue_id=c.issue_id,
                    issue_label=issue_labels.get(c.issue_id, c.issue_id),
                    before=prev.stance,
                    after=c.stance,
                    before_on=prev.stated_on,
                    after_on=c.stated_on,
                    claim_id=c.claim_id,
                    before_claim_id=prev.claim_id,
                )
            )
        last[key] = c
    return changes


def _period(d: date, step: str) -> date:
    return date(d.year, 3 * ((d.month - 1) // 3) + 1, 1) if step == "quarter" else date(d.year, d.month, 1)


@cached_by_data_version("timeline")
def timeline(session: Session, flt: ClaimFilter, *, step: str = "month", max_points: int | None = None) -> Timeline:
    """Return the timeline under the filter: latest claims as points, net stance per period, stance changes."""
    points = latest_claims(session, flt, limit=max_points or MAX_TIMELINE_POINTS)
    points.reverse()  # oldest first, for drawing
    # An actor's timeline compares issues; an issue's (or the whole corpus's) compares countries.
    series_by = "issue" if flt.actors and not flt.issues else "country"
    key = "issue_id" if series_by == "issue" else "country_code"
    acc: dict[str, dict[date, Counts]] = defaultdict(dict)
    for (k, month), stance, n in grouped_counts(session, flt, [key, "month"]):
        period = _period(month, step)
        acc[k][period] = acc[k].get(period, Counts()).add(stance, n)
    series = {k: sorted(v.items()) for k, v in acc.items()}
    # The series count every dated claim under the filter, so their sum is the total (no extra COUNT).
    total = max(sum(c.total for v in acc.values() for c in v.values()), len(points))
    if series_by == "issue":
        labels = dict(session.execute(select(m.Issue.id, m.Issue.label).where(m.Issue.id.in_(list(series)))).all())
    else:
        labels = dict(
            session.execute(select(m.Country.code, m.Country.name).where(m.Country.code.in_(list(series)))).all()
        )
    issue_labels = dict(session.execute(select(m.Issue.id, m.Issue.label)).all())
    return Timeline(
        points=points,
        total=total,
        capped=total > len(points),
        step=step,
        series_by=series_by,
        series=series,
        series_labels={k: labels.get(k, k) for k in series},
        changes=detect_changes(points, issue_labels),
    )


# -- overview --------------------------------------------------------------------------------------------------


def has_documents(session: Session) -> bool:
    """Return whether any document has been ingested (empty states differ)."""
    return session.scalar(select(m.Document.id).limit(1)) is not None


@cached_by_data_version("corpus_figures")
def corpus_figures(session: Session, flt: ClaimFilter) -> CorpusFigures:
    """Return document and claim counts, the claims' date range and the undated documents to fix."""
    documents, undated = session.execute(
        select(func.count(), func.count(case((m.Document.published_on.is_(None), 1))))
    ).one()
    if flt.rollup_exact():
        # All claims and the filtered ones in one pass over the rollup.
        t = m.ClaimMonthly
        claims, filtered = session.execute(
            select(func.sum(t.n), func.sum(case((and_(True, *flt.rollup_conditions(session)), t.n), else_=0)))
        ).one()
    else:
        claims = session.scalar(select(func.sum(m.ClaimMonthly.n)))
        filtered = count_claims(session, flt)
    conds = flt.claim_conditions(session)
    first_on = session.scalar(
        select(m.Claim.stated_on).where(*conds, m.Claim.stated_on.is_not(None)).order_by(m.Claim.stated_on).limit(1)
    )
    last_on = session.scalar(
        select(m.Claim.stated_on)
        .where(*conds, m.Claim.stated_on.is_not(None))
        .order_by(m.Claim.stated_on.desc())
        .limit(1)
    )
    return CorpusFigures(
        documents=int(documents or 0),
        undated_documents=int(undated or 0),
        claims=int(claims or 0),
        filtered_claims=int(filtered or 0),
        first_on=first_on,
        last_on=last_on,
    )


@cached_by_data_version("recent_changes")
def recent_changes(
    session: Session, flt: ClaimFilter, *, limit: int = 10, window: int = CHANGE_WINDOW
) -> tuple[list[Evidence], list[StanceChange]]:
    """Return the newest claims and the newest stance changes among the latest `window` claims under the filter."""
    recent = latest_claims(session, flt, limit=window)
    issue_labels = dict(session.execute(select(m.Issue.id, m.Issue.label)).all())
    changes = detect_changes(recent, issue_labels)
    changes.sort(key=lambda c: (c.after_on, c.claim_id), reverse=True)
    return recent[:limit], changes[:limit]


# -- issues ----------------------------------------------------------------------------------------------------


@cached_by_data_version("issue_summaries")
def issue_summaries(session: Session, flt: ClaimFilter) -> list[IssueSummary]:
    """Return every issue (or the filtered ones) with its claim counts by stance."""
    counts: dict[str, Counts] = defaultdict(Counts)
    for (issue_id,), stance, n in grouped_counts(session, flt, ["issue_id"]):
        counts[issue_id] = counts[issue_id].add(stance, n)
    stmt = select(m.Issue).order_by(m.Issue.position, m.Issue.id)
    if flt.issues:
        stmt = stmt.where(m.Issue.id.in_(flt.issues))
    return [
        IssueSummary(id=i.id, label=i.label, description=i.description, counts=counts.get(i.id, Counts()))
        for i in session.scalars(stmt)
    ]


def issue_standings(session: Session, flt: ClaimFilter, issue_id: str) -> IssueStandings | None:
    """Return each actor's latest stance on an issue in the window, and per country the count of those stances."""
    issue = session.get(m.Issue, issue_id)
    if issue is None:
        return None
    # "Who stands where now" is the latest claim whatever its stance, so a stance filter does not apply here.
    flt = replace(flt, issues=(issue_id,), stances=())
    claims_by_actor: dict[int, int] = defaultdict(int)
    for (actor_id,), _stance, n in grouped_counts(session, flt, ["actor_id"]):
        claims_by_actor[actor_id] += n
    standings: list[Standing] = []
    if claims_by_actor:
        outer = aliased(m.Actor)
        latest = _latest_claim_subquery(session, flt, m.Claim.actor_id, outer.id, issue_id).correlate(outer)
        ids = list(claims_by_actor)
        found: dict[int, int] = {}
        for start in range(0, len(ids), 500):
            stmt = select(outer.id, latest).where(outer.id.in_(ids[start : start + 500]))
            found.update({a: cid for a, cid in session.execute(stmt) if cid is not None})
        evidence = evidence_for(session, found.values())
        for actor_id, cid in found.items():
            if cid in evidence:
                standings.append(Standing(evidence=evidence[cid], claims=claims_by_actor[actor_id]))
    standings.sort(key=lambda s: (-STANCE_VALUE[s.evidence.stance], s.evidence.actor_name.casefold()))
    countries: dict[str, Counts] = defaultdict(Counts)
    for s in standings:
        countries[s.evidence.country_code] = countries[s.evidence.country_code].add(s.evidence.stance, 1)
    names = dict(session.execute(select(m.Country.code, m.Country.name)).all())
    return IssueStandings(
        issue=issue,
        actors=standings,
        countries=dict(countries),
        country_names=names,
        total=sum(claims_by_actor.values()),
    )


__all__ = [
    "CorpusFigures",
    "Counts",
    "Evidence",
    "IssueStandings",
    "IssueSummary",
    "Matrix",
    "MatrixRow",
    "StanceChange",
    "Standing",
    "Timeline",
    "bloc_label",
    "claim_matrix",
    "corpus_figures",
    "count_claims",
    "detect_changes",
    "evidence_for",
    "grouped_counts",
    "has_documents",
    "issue_standings",
    "issue_summaries",
    "latest_claims",
    "order_rows",
    "recent_changes",
    "similarity_order",
    "timeline",
]
