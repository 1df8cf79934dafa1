"""View state from the query string: the validated ClaimFilter of a request, and links that keep it.

Every page and its JSON twin take `ViewDep`: the filter is parsed once (FilterError -> the 400 page), checked
against the database, and links are built from `filter.to_query()` so a shared URL reproduces the view exactly.
View-specific parameters (rows, sort, step...) that are not filters ride along as `extra`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import Depends, Query, Request
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.store import models as m
from app.store.filters import DEFAULT_REVIEW, PERIODS, ClaimFilter, FilterError
from app.web.deps import SessionDep

# Query parameters that belong to ClaimFilter; everything else a view reads is "extra" view state.
FILTER_PARAMS = frozenset({"country", "bloc", "actor", "issue", "stance", "period", "from", "to", "review", "dups"})
# Never carried into other links: paging cursors and output format belong to one response only.
TRANSIENT_PARAMS = frozenset({"cursor", "format", "before", "after"})
API_PREFIX = "/api/v1"
# Field names accepted by ClaimFilter.to_query overrides, so link() can tell filter changes from extras.
_FILTER_FIELDS = frozenset(
    {
        "countries",
        "bloc",
        "actors",
        "issues",
        "stances",
        "date_from",
        "date_to",
        "period",
        "review",
        "include_duplicates",
    }
)


def build_url(path: str, pairs: Iterable[tuple[str, str]]) -> str:
    """Return path with the query-string pairs appended (none: the bare path)."""
    query = urlencode(list(pairs))
    return f"{path}?{query}" if query else path


def filter_url(path: str, flt: ClaimFilter, *, extra: Mapping[str, Any] | None = None, **overrides: Any) -> str:
    """Return a link to path carrying the filter (with some fields replaced) and extra view parameters."""
    pairs = flt.to_query(**overrides)
    for key, value in (extra or {}).items():
        if value is None or value == "":
            continue
        if isinstance(value, (list, tuple)):
            pairs += [(key, str(v)) for v in value]
        else:
            pairs.append((key, str(value)))
    return build_url(path, pairs)


def review_choice(flt: ClaimFilter) -> str:
    """Return the review select's value for the filter: '' (default), 'reviewed', 'all' or one status."""
    review = tuple(flt.review)
    if review == DEFAULT_REVIEW:
        return ""
    if review == ("accepted", "edited"):
        return "reviewed"
    if review == m.REVIEW_STATUSES:
        return "all"
    return review[0] if len(review) == 1 else ",".join(review)


@dataclass(frozen=True)
class FilterOptions:
    """The choices the filter form offers."""

    countries: list[tuple[str, str]]  # (code, name), countries then blocs/institutions
    issues: list[tuple[str, str]]  # (id, label) in taxonomy order
    actors: list[tuple[str, str]]  # (slug, name)
    # The same countries grouped for the checkbox picker: (group label, [(code, name)]), non-empty groups only.
    country_groups: list[tuple[str, list[tuple[str, str]]]] = field(default_factory=list)


COUNTRY_GROUPS = ("NATO and EU", "NATO only", "EU only", "Neither", "Institutions and groups")


def country_group(kind: str, nato: bool, eu: bool) -> str:
    """Return the picker group of a country: its current NATO/EU membership, or institutions."""
    if kind != "country":
        return COUNTRY_GROUPS[4]
    return COUNTRY_GROUPS[0 if nato and eu else 1 if nato else 2 if eu else 3]


def load_filter_options(session: Session) -> FilterOptions:
    """Read the countries, issues and actors the filter form lists."""
    rows = session.execute(
        select(
            m.Country.code,
            m.Country.name,
            m.Country.kind,
            m.Country.nato_joined_on,
            m.Country.eu_joined_on,
            m.Country.eu_left_on,
        ).order_by(m.Country.kind != "country", m.Country.name)
    ).all()
    countries = [(r.code, r.name) for r in rows]
    grouped: dict[str, list[tuple[str, str]]] = {g: [] for g in COUNTRY_GROUPS}
    for r in rows:
        eu = r.eu_joined_on is not None and r.eu_left_on is None
        grouped[country_group(r.kind, r.nato_joined_on is not None, eu)].append((r.code, r.name))
    issues = [(i, label) for i, label in session.execute(select(m.Issue.id, m.Issue.label).order_by(m.Issue.position))]
    actors = [(s, n) for s, n in session.execute(select(m.Actor.slug, m.Actor.name).order_by(m.Actor.name))]
    groups = [(g, items) for g, items in grouped.items() if items]
    return FilterOptions(countries=countries, issues=issues, actors=actors, country_groups=groups)


@dataclass
class View:
    """One request's view state: its filter, the extra view parameters, and link helpers for templates."""

    request: Request
    session: Session
    filter: ClaimFilter
    extra: dict[str, list[str]] = field(default_factory=dict)
    _names: dict[str, str] | None = None
    _options: FilterOptions | None = None

    @property
    def path(self) -> str:
        """Return the page's path (without the API prefix for JSON twins)."""
        path = self.request.url.path
        return path[len(API_PREFIX) :] or "/" if path.startswith(API_PREFIX + "/") else path

    def param(self, name: str, default: str | None = None, *, choices: Iterable[str] | None = None) -> str | None:
        """Return one extra view parameter, checked against choices (FilterError naming it otherwise)."""
        values = self.extra.get(name) or []
        if len(values) > 1:
            raise FilterError(name, ",".join(values), "give one value")
        value = values[0] if values and values[0] != "" else default
        if choices is not None and value is not None:
            allowed = tuple(choices)
            if value not in allowed:
                raise FilterError(name, value, f"expected one of {', '.join(allowed)}")
        return value

    def link(self, path: str | None = None, *, extra: Mapping[str, Any] | None = None, **changes: Any) -> str:
        """Return a link to path (default: this page) with the current filter and extras, some values changed.

        Keyword arguments naming ClaimFilter fields (countries=..., issues=...) change the filter; any other
        keyword, and the `extra` mapping, set view parameters (None drops one).
        """
        filter_changes = {k: v for k, v in changes.items() if k in _FILTER_FIELDS}
        merged: dict[str, Any] = {k: v for k, v in self.extra.items()}
        merged.update({k: v for k, v in changes.items() if k not in _FILTER_FIELDS})
        merged.update(extra or {})
        for key, value in filter_changes.items():
            if isinstance(value, list):
                filter_changes[key] = tuple(value)
        return filter_url(path or self.path, self.filter, extra=merged, **filter_changes)

    def filter_link(self, path: str, **changes: Any) -> str:
        """Return a link to another view with this filter only (no view-specific parameters)."""
        for key, value in changes.items():
            if isinstance(value, list):
                changes[key] = tuple(value)
        return filter_url(path, self.filter, **changes)

    @property
    def here(self) -> str:
        """Return the canonical link to this view (relative)."""
        return self.link()

    @property
    def absolute(self) -> str:
        """Return the canonical absolute link to this view, for the Copy link button."""
        return str(self.request.base_url).rstrip("/") + self.link(self.path)

    def api_link(self, path: str | None = None, **extra: Any) -> str:
        """Return the JSON twin of a view (default: this page)."""
        page = path or self.path
        api_path = API_PREFIX + ("/overview" if page == "/" else page)
        return self.link(api_path, extra=extra or None)

    def csv_link(self, path: str | None = None) -> str:
        """Return the CSV download of a view's data: its JSON twin with format=csv."""
        return self.api_link(path, format="csv")

    def names(self) -> dict[str, str]:
        """Return display names for the countries, actors and issues the filter names (for describe())."""
        if self._names is None:
            f = self.filter
            names: dict[str, str] = {}
            for values, key, label in (
                (f.countries, m.Country.code, m.Country.name),
                (f.actors, m.Actor.slug, m.Actor.name),
                (f.issues, m.Issue.id, m.Issue.label),
            ):
                if values:
                    names.update((k, v) for k, v in self.session.execute(select(key, label).where(key.in_(values))))
            self._names = names
        return self._names

    def describe(self, *, count: int | None = None, noun: str = "Claims") -> str:
        """Say in words what this view shows."""
        return self.filter.describe(names=self.names(), count=count, noun=noun)

    def options(self) -> FilterOptions:
        """Return the filter form's choices (read once per request, only when a form is drawn)."""
        if self._options is None:
            self._options = load_filter_options(self.session)
        return self._options

    def review_choice(self) -> str:
        """Return the review select's current value."""
        return review_choice(self.filter)

    def with_filter(self, flt: ClaimFilter) -> View:
        """Return a copy of this view with another filter (e.g. an issue page that pins issue=...)."""
        return replace(self, filter=flt, _names=None)


def _extras(request: Request) -> dict[str, list[str]]:
    extra: dict[str, list[str]] = {}
    for key, value in request.query_params.multi_items():
        if key in FILTER_PARAMS or key in TRANSIENT_PARAMS:
            continue
        if len(value) > 200:
            raise FilterError(key, value[:40] + "…", "value too long")
        extra.setdefault(key, []).append(value)
    return extra


def get_filter(request: Request, session: SessionDep) -> ClaimFilter:
    """Parse and validate the request's ClaimFilter (FilterError -> 400 naming the value)."""
    return ClaimFilter.from_query(request.query_params).validate(session)


def get_view(
    request: Request,
    session: SessionDep,
    # Declared for the OpenAPI schema only; ClaimFilter parses the raw query so its errors name the value.
    country: Annotated[list[str] | None, Query(description="ISO alpha-2 country codes, repeated")] = None,
    bloc: Annotated[str | None, Query(description="nato, eu, both, either or neither")] = None,
    actor: Annotated[list[str] | None, Query(description="Actor slugs")] = None,
    issue: Annotated[list[str] | None, Query(description="Issue ids")] = None,
    stance: Annotated[list[str] | None, Query(description="support, oppose or neutral")] = None,
    period: Annotated[str | None, Query(description="Preset window: " + ", ".join(PERIODS))] = None,
    date_from: Annotated[str | None, Query(alias="from", description="First day, YYYY-MM-DD")] = None,
    date_to: Annotated[str | None, Query(alias="to", description="Last day, YYYY-MM-DD")] = None,
    review: Annotated[
        list[str] | None, Query(description="Review statuses, 'reviewed' (accepted+edited) or 'all'")
    ] = None,
    dups: Annotated[str | None, Query(description="1 to include claims from near-duplicate documents")] = None,
) -> View:
    """Return the request's view state: validated filter, extra parameters, link helpers."""
    flt = ClaimFilter.from_query(request.query_params).validate(session)
    return View(request=request, session=session, filter=flt, extra=_extras(request))


FilterDep = Annotated[ClaimFilter, Depends(get_filter)]
ViewDep = Annotated[View, Depends(get_view)]

__all__ = [
    "API_PREFIX",
    "FILTER_PARAMS",
    "FilterDep",
    "FilterOptions",
    "View",
    "ViewDep",
    "build_url",
    "filter_url",
    "get_filter",
    "get_view",
    "load_filter_options",
    "review_choice",
]
