"""ClaimFilter: every view's filters, parsed once from the query string, applied to claims or the rollup.

The same object serves a page and its JSON twin, renders back to a query string (shareable links) and describes
itself in words ("Claims by France and Germany on sanctions, 1 Jan 2024 - 31 Dec 2024").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from sqlalchemy import ColumnElement, and_, or_, select
from sqlalchemy.orm import Session

from app.store import models as m
from app.store.rollup import UNDATED_MONTH

BLOCS = ("nato", "eu", "both", "either", "neither")
PERIODS = ("all", "last-30-days", "last-90-days", "last-12-months", "this-year", "last-year")
STANCES = m.STANCES
REVIEW = m.REVIEW_STATUSES
DEFAULT_REVIEW = ("automatic", "accepted", "edited")  # rejected claims are hidden unless asked for
_BLOC_WORDS = {
    "nato": "in NATO members",
    "eu": "in EU members",
    "both": "in members of both NATO and the EU",
    "either": "in members of NATO or the EU",
    "neither": "outside NATO and the EU",
}
_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,119}$")
_CODE = re.compile(r"^([A-Z]{2}|NATO|EU)$")


class FilterError(ValueError):
    """A query-string value that cannot be used; names the parameter and why."""

    def __init__(self, param: str, value: object, reason: str):
        self.param, self.value, self.reason = param, value, reason
        super().__init__(f"{param}={value!r}: {reason}")


@dataclass(frozen=True)
class ClaimFilter:
    """Which claims a view shows. Empty tuples mean 'any'."""

    countries: tuple[str, ...] = ()
    bloc: str | None = None
    actors: tuple[str, ...] = ()  # actor slugs
    issues: tuple[str, ...] = ()
    stances: tuple[str, ...] = ()
    date_from: date | None = None
    date_to: date | None = None
    period: str | None = None  # a relative preset, resolved against today when the query runs
    review: tuple[str, ...] = DEFAULT_REVIEW
    include_duplicates: bool = False
    today: date = field(default_factory=date.today, compare=False, repr=False)

    # -- parsing -------------------------------------------------------------------------------------------

    @classmethod
    def from_query(cls, params: Mapping[str, object], *, today: date | None = None) -> ClaimFilter:
        """Parse query parameters (repeated or comma-separated values); raise FilterError on bad input."""
        get = _getter(params)
        countries = tuple(dict.fromkeys(v.upper() for v in get("country")))
        for c in countries:
            if not _CODE.match(c):
                raise FilterError("country", c, "not an ISO 3166-1 alpha-2 code (or NATO / EU)")
        actors = tuple(dict.fromkeys(v.lower() for v in get("actor")))
        for a in actors:
            if not _SLUG.match(a):
                raise FilterError("actor", a, "not an actor slug (lower-case letters, digits and dashes)")
        issues = tuple(dict.fromkeys(v.lower() for v in get("issue")))
        for i in issues:
            if not _SLUG.match(i):
                raise FilterError("issue", i, "not an issue id")
        stances = tuple(dict.fromkeys(v.lower() for v in get("stance")))
        for s in stances:
            if s not in STANCES:
                raise FilterError("stance", s, f"expected one of {', '.join(STANCES)}")
        bloc = _one(get("bloc"), "bloc")
        if bloc is not None:
            bloc = bloc.lower()
            if bloc in ("", "any", "all"):
                bloc = None
            elif bloc not in BLOCS:
                raise FilterError("bloc", bloc, f"expected one of {', '.join(BLOCS)}")
        period = _one(get("period"), "period")
        if period in ("", "all"):
            period = None
        if period is not None and period not in PERIODS:
            raise FilterError("period", period, f"expected one of {', '.join(PERIODS)}")
        date_from = _date(_one(get("from"), "from"), "from")
        date_to = _date(_one(get("to"), "to"), "to")
        if date_from and date_to and date_from > date_to:
            raise FilterError("to", date_to.isoformat(), "ends before 'from'")
        review: tuple[str, ...] = DEFAULT_REVIEW
        raw_review = tuple(v.lower() for v in get("review"))
        if raw_review:
            expanded: list[str] = []
            for r in raw_review:
                if r == "reviewed":
                    expanded += ["accepted", "edited"]
                elif r == "all":
                    expanded += list(REVIEW)
                elif r in REVIEW:
                    expanded.append(r)
                else:
                    raise FilterError("review", r, f"expected one of {', '.join((*REVIEW, 'reviewed', 'all'))}")
            review = tuple(s for s in REVIEW if s in expanded)
        dups = _one(get("dups"), "dups")
        if dups not in (None, "", "0", "1", "true", "false", "yes", "no", "on", "off"):
            raise FilterError("dups", dups, "expected 1 or 0")
        return cls(
            countries=countries,
            bloc=bloc,
            actors=actors,
            issues=issues,
            stances=stances,
            date_from=date_from,
            date_to=date_to,
            period=period,
            review=review,
            include_duplicates=dups in ("1", "true", "yes", "on"),
            today=today or date.today(),
        )

    def validate(self, session: Session) -> ClaimFilter:
        """Check that named countries, actors and issues exist; raise FilterError naming the first that does not."""
        for param, model, column, values in (
            ("country", m.Country, m.Country.code, self.countries),
            ("issue", m.Issue, m.Issue.id, self.issues),
            ("actor", m.Actor, m.Actor.slug, self.actors),
        ):
            if values:
                known = set(session.scalars(select(column).where(column.in_(values))))
                for v in values:
                    if v not in known:
                        raise FilterError(param, v, f"no such {model.__tablename__}")
        return self

    # -- rendering -----------------------------------------------------------------------------------------

    def to_query(self, **overrides: object) -> list[tuple[str, str]]:
        """Return the filter as query-string pairs (defaults omitted), with some fields replaced."""
        f = replace(self, **overrides) if overrides else self
        pairs: list[tuple[str, str]] = []
        pairs += [("country", c) for c in f.countries]
        if f.bloc:
            pairs.append(("bloc", f.bloc))
        pairs += [("actor", a) for a in f.actors]
        pairs += [("issue", i) for i in f.issues]
        pairs += [("stance", s) for s in f.stances]
        if f.period:
            pairs.append(("period", f.period))
        if f.date_from:
            pairs.append(("from", f.date_from.isoformat()))
        if f.date_to:
            pairs.append(("to", f.date_to.isoformat()))
        if tuple(f.review) != DEFAULT_REVIEW:
            pairs += [("review", r) for r in f.review]
        if f.include_duplicates:
            pairs.append(("dups", "1"))
        return pairs

    def as_dict(self) -> dict:
        """Return the filter as JSON-ready data (for the API's echo of what it answered)."""
        start, end = self.window()
        return {
            "country": list(self.countries),
            "bloc": self.bloc,
            "actor": list(self.actors),
            "issue": list(self.issues),
            "stance": list(self.stances),
            "from": start.isoformat() if start else None,
            "to": end.isoformat() if end else None,
            "period": self.period,
            "review": list(self.review),
            "dups": self.include_duplicates,
        }

    def describe(
        self, *, names: Mapping[str, str] | None = None, count: int | None = None, noun: str = "Claims"
    ) -> str:
        """Say in words what the filter selects; names maps codes, slugs and issue ids to display names."""
        names = names or {}

        def label(v: str) -> str:
            return names.get(v, v)

        head = [noun]
        if self.stances:
            head.append("(" + _join(list(self.stances)) + ")")
        who = [label(c) for c in self.countries] + [label(a) for a in self.actors]
        if who:
            head.append("by " + _join(who))
        if self.bloc:
            head.append(_BLOC_WORDS[self.bloc])
        if self.issues:
            head.append("on " + _join([label(i) for i in self.issues]))
        tail = []
        start, end = self.window()
        if start and end:
            tail.append(f"{_fmt(start)} – {_fmt(end)}")
        elif start:
            tail.append(f"since {_fmt(start)}")
        elif end:
            tail.append(f"until {_fmt(end)}")
        else:
            tail.append("all dates")
        if tuple(self.review) == ("accepted", "edited"):
            tail.append("reviewed only")
        elif "rejected" in self.review:
            tail.append("including rejected")
        if self.include_duplicates:
            tail.append("including near-duplicate sources")
        if count is not None:
            tail.append(f"{count:,} claim{'s' if count != 1 else ''}")
        if len(head) == 1:
            head = [f"All {noun.lower()}"]  # nothing narrows the selection: say so
        return ", ".join([" ".join(head), *tail])

    # -- applying ------------------------------------------------------------------------------------------

    def window(self) -> tuple[date | None, date | None]:
        """Return the effective date window (explicit dates win over the period preset)."""
        start, end = self.date_from, self.date_to
        if self.period and not (start or end):
            t = self.today
            start, end = {
                "last-30-days": (t - timedelta(days=29), t),
                "last-90-days": (t - timedelta(days=89), t),
                "last-12-months": (_add_months(t, -12) + timedelta(days=1), t),
                "this-year": (date(t.year, 1, 1), t),
                "last-year": (date(t.year - 1, 1, 1), date(t.year - 1, 12, 31)),
            }[self.period]
        return start, end

    def bloc_countries(self, session: Session) -> list[str] | None:
        """Return the country codes of the bloc filter (membership at the window's end, or today), or None."""
        if not self.bloc:
            return None
        on = self.window()[1] or self.today
        rows = session.execute(
            select(m.Country.code, m.Country.nato_joined_on, m.Country.eu_joined_on, m.Country.eu_left_on)
        ).all()
        out = []
        for code, nato_on, eu_on, eu_left in rows:
            nato = bool(nato_on and nato_on <= on)
            eu = bool(eu_on and eu_on <= on and (eu_left is None or on <= eu_left))
            keep = {"nato": nato, "eu": eu, "both": nato and eu, "either": nato or eu, "neither": not nato and not eu}[
                self.bloc
            ]
            if keep:
                out.append(code)
        return sorted(out)

    def claim_conditions(self, session: Session, *, skip: Iterable[str] = ()) -> list[ColumnElement[bool]]:
        """Return WHERE conditions on the claim table (skip: filter names a view varies itself, e.g. 'issue')."""
        return self._conditions(session, m.Claim, m.Claim.stated_on, set(skip), rollup=False)

    def rollup_conditions(
        self, session: Session, *, skip: Iterable[str] = (), table: type | None = None
    ) -> list[ColumnElement[bool]]:
        """Return WHERE conditions on claim_monthly or a country rollup; exact when rollup_exact() is true.

        The yearly table has no month column: its callers skip 'date' and bound it by whole years themselves.
        """
        t = table or m.ClaimMonthly
        return self._conditions(session, t, getattr(t, "month_on", None), set(skip), rollup=True)

    def rollup_exact(self) -> bool:
        """Return whether the month-grained rollup answers this filter exactly (window on month bounds)."""
        start, end = self.window()
        if start and start.day != 1:
            return False
        return not (end and (end + timedelta(days=1)).day != 1)

    def _conditions(self, session: Session, table, date_col, skip: set[str], *, rollup: bool) -> list:
        conds: list = []
        countries = list(self.countries)
        if countries and "country" not in skip:
            conds.append(table.country_code.in_(countries))
        bloc = self.bloc_countries(session) if "bloc" not in skip else None
        if bloc is not None:
            conds.append(table.country_code.in_(bloc))
        if self.actors and "actor" not in skip:
            ids = select(m.Actor.id).where(m.Actor.slug.in_(self.actors)).scalar_subquery()
            conds.append(table.actor_id.in_(ids))
        if self.issues and "issue" not in skip:
            conds.append(table.issue_id.in_(self.issues))
        if self.stances and "stance" not in skip:
            conds.append(table.stance.in_(self.stances))
        start, end = self.window()
        if "date" not in skip and (start or end):
            if date_col is None:
                raise ValueError(f"{table.__tablename__} cannot answer a date window by itself")
            if rollup:
                # Month-grained: a window starting mid-month includes that whole month; rollup_exact() says when.
                conds.append(date_col > UNDATED_MONTH)
                if start:
                    conds.append(date_col >= start.replace(day=1))
                if end:
                    conds.append(date_col <= end)
            else:
                if start:
                    conds.append(date_col >= start)
                if end:
                    conds.append(date_col <= end)
        if "review" not in skip and tuple(self.review) != REVIEW:
            conds.append(table.review_status.in_(self.review))
        if not self.include_duplicates and "dups" not in skip:
            conds.append(table.is_duplicate.is_(False))
        return conds


def _getter(params: Mapping[str, object]):
    def get(name: str) -> list[str]:
        if hasattr(params, "getlist"):
            raw = params.getlist(name)  # type: ignore[attr-defined]
        else:
            value = params.get(name)
            raw = [] if value is None else (list(value) if isinstance(value, (list, tuple)) else [value])
        out: list[str] = []
        for item in raw:
            if not isinstance(item, str):
                item = str(item)
            if len(item) > 2000:
                raise FilterError(name, item[:40] + "…", "value too long")
            out += [p.strip() for p in item.split(",") if p.strip()]
        if len(out) > 200:
            raise FilterError(name, len(out), "too many values (at most 200)")
        return out

    return get


def _one(values: list[str], name: str) -> str | None:
    if len(values) > 1:
        raise FilterError(name, ",".join(values), "give one value")
    return values[0] if values else None


def _date(value: str | None, name: str) -> date | None:
    if value is None or value == "":
        return None
    try:
        d = date.fromisoformat(value)
    except ValueError:
        raise FilterError(name, value, "expected a date as YYYY-MM-DD") from None
    if not date(1900, 1, 2) <= d <= date(2999, 12, 31):
        raise FilterError(name, value, "date out of range")
    return d


def _add_months(d: date, months: int) -> date:
    y, mo = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, mo + 1
    last = [31, 29 if year % 4 == 0 and (year % 100 or year % 400 == 0) else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    return date(year, month, min(d.day, last[month - 1]))


def _fmt(d: date) -> str:
    return f"{d.day} {d.strftime('%b %Y')}"


def _join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def combine(conds: list[ColumnElement[bool]]) -> ColumnElement[bool]:
    """AND a list of conditions (true when empty)."""
    return and_(True, *conds) if conds else and_(True)


__all__ = ["BLOCS", "PERIODS", "ClaimFilter", "FilterError", "combine", "or_"]
