"""Claim counts from the country rollups: whole years from claim_country_yearly, the months around them by month.

A month-bounded window (ClaimFilter.rollup_exact()) splits into the whole years inside it, read from the yearly
table (about a quarter of the monthly rows), and the leading and trailing months, read from the monthly table; the
parts are one UNION ALL grouped outside, so the answer is the monthly table's to the row. The yearly table files
undated claims under 1900, as the monthly one files them under January 1900, so a window open at the start reads
the rest of 1900 by month, and only when an index probe finds claims dated then.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Select, func, select, union_all
from sqlalchemy.orm import Session

from app.store import models as m
from app.store.filters import ClaimFilter
from app.store.rollup import UNDATED_MONTH

FIRST_WHOLE_YEAR = 1901  # 1900 shares its yearly row with the undated claims
UNDATED_1900_REST = (date(1900, 2, 1), date(1900, 12, 1))  # the months of 1900 the monthly table counts as dated


@dataclass(frozen=True)
class Part:
    """One read of the split: a rollup table and the inclusive bounds on its date column (None: unbounded)."""

    table: type[m.Base]
    lo: date | None = None
    hi: date | None = None


def split_window(start: date | None, end: date | None, *, dated: bool) -> list[Part]:
    """Return the reads that cover a month-bounded window: whole years by year, the months around them by month."""
    if not dated:
        return [Part(m.ClaimCountryYearly)]  # every claim, the undated ones too
    first = FIRST_WHOLE_YEAR if start is None else max(FIRST_WHOLE_YEAR, start.year + (start.month != 1))
    last = None if end is None else end.year - (end.month != 12)
    if last is not None and last < first:
        return [Part(m.ClaimCountryMonthly, start, end)]
    parts = [Part(m.ClaimCountryYearly, date(first, 1, 1), None if last is None else date(last, 1, 1))]
    if start is None:
        # The monthly table counts claims from February 1900 as dated; the yearly one cannot tell them apart.
        parts.append(Part(m.ClaimCountryMonthly, UNDATED_1900_REST[0], UNDATED_1900_REST[1]))
    elif start < date(first, 1, 1):
        parts.append(Part(m.ClaimCountryMonthly, start, date(first - 1, 12, 1)))
    if last is not None and end is not None and end.year > last:
        parts.append(Part(m.ClaimCountryMonthly, date(last + 1, 1, 1), end))
    return parts


def _read(session: Session, flt: ClaimFilter, part: Part, keys: Sequence[str], skip: tuple[str, ...]):
    """Return (table, key columns, stance, count, conditions) of one part under the filter, the part's window."""
    t = part.table
    conds = flt.rollup_conditions(session, skip=(*skip, "date"), table=t)
    day = t.year_on if t is m.ClaimCountryYearly else t.month_on
    if part.lo is not None or part.hi is not None:
        conds.append(day > UNDATED_MONTH)
    if part.lo is not None:
        conds.append(day >= part.lo)
    if part.hi is not None:
        conds.append(day <= part.hi)
    return t, [getattr(t, k) for k in keys], t.stance, t.n, conds


def _parts(session: Session, flt: ClaimFilter, skip: tuple[str, ...], dated_only: bool) -> list[Part]:
    start, end = (None, None) if "date" in skip else flt.window()
    parts = split_window(start, end, dated=dated_only or start is not None or end is not None)
    rest = Part(m.ClaimCountryMonthly, *UNDATED_1900_REST)
    if rest in parts and not _dated_in_1900(session):
        parts.remove(rest)  # the usual case: nothing to read there, and the monthly table has no index to skip it
    return parts


def _dated_in_1900(session: Session) -> bool:
    """Return whether any claim is dated February to December 1900 (one probe of the stated_on index)."""
    stated = m.Claim.stated_on
    probe = select(m.Claim.id).where(stated >= UNDATED_1900_REST[0], stated < date(1901, 1, 1)).limit(1)
    return session.scalar(probe) is not None


def grouped_select(session: Session, flt: ClaimFilter, keys: Sequence[str], *, skip: tuple[str, ...] = ()) -> Select:
    """Return SELECT (keys..., stance, claims) grouped by keys and stance (keys: columns of the country rollup)."""
    reads = [_read(session, flt, p, keys, skip) for p in _parts(session, flt, skip, False)]
    if len(reads) == 1:
        # One table: aggregate it directly, in its primary key order.
        _t, cols, stance, n, conds = reads[0]
        return select(*cols, stance, func.sum(n)).where(*conds).group_by(*cols, stance)
    union = union_all(
        *(
            select(*(c.label(f"k{i}") for i, c in enumerate(cols)), stance.label("stance"), n.label("n"))
            .select_from(t)
            .where(*conds)
            for t, cols, stance, n, conds in reads
        )
    ).subquery()
    cols = [union.c[f"k{i}"] for i in range(len(keys))]
    return select(*cols, union.c.stance, func.sum(union.c.n)).group_by(*cols, union.c.stance)


def total_select(session: Session, flt: ClaimFilter, *, dated_only: bool = False) -> Select:
    """Return SELECT sum of the claims the filter selects (dated_only: leave the undated ones out)."""
    reads = [_read(session, flt, p, (), ()) for p in _parts(session, flt, (), dated_only)]
    if len(reads) == 1:
        _t, _cols, _stance, n, conds = reads[0]
        return select(func.sum(n)).where(*conds)
    union = union_all(*(select(n.label("n")).select_from(t).where(*conds) for t, _c, _s, n, conds in reads))
    return select(func.sum(union.subquery().c.n))
