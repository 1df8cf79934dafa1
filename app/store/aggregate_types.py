"""The dashboard aggregates' result types: counts by stance, evidence, matrix, timeline, standings."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from app.store import models as m

STANCE_VALUE = {"support": 1, "oppose": -1, "neutral": 0}


@dataclass(frozen=True)
class Counts:
    """Claims by stance, with the net stance (support - oppose) / claims."""

    support: int = 0
    oppose: int = 0
    neutral: int = 0

    @property
    def total(self) -> int:
        """Return all claims counted."""
        return self.support + self.oppose + self.neutral

    @property
    def net(self) -> float | None:
        """Return (support - oppose) / claims, or None without claims."""
        return (self.support - self.oppose) / self.total if self.total else None

    def add(self, stance: str, n: int) -> Counts:
        """Return these counts with n more claims of a stance."""
        return replace(self, **{stance: getattr(self, stance) + int(n)}) if stance in STANCE_VALUE else self


@dataclass(frozen=True)
class Evidence:
    """One claim shown as evidence (hover text, lists)."""

    claim_id: int
    actor_slug: str
    actor_name: str
    country_code: str
    issue_id: str
    stance: str
    stated_on: date | None
    text: str
    document_id: int
    document_title: str
    source_name: str | None
    url: str | None


@dataclass
class MatrixRow:
    """One matrix row (a country or an actor) with its cells by issue id."""

    key: str  # country code or actor slug
    label: str
    country_code: str
    bloc: str
    cells: dict[str, Counts] = field(default_factory=dict)

    @property
    def total(self) -> int:
        """Return the row's claims."""
        return sum(c.total for c in self.cells.values())


@dataclass
class Matrix:
    """Rows by issues of net stances, with the latest evidence per cell."""

    rows_kind: str
    issues: list[tuple[str, str]]
    rows: list[MatrixRow]
    total: int
    hidden_rows: int
    evidence: dict[tuple[str, str], Evidence]
    source: str  # "rollup" or "claim": which table answered


@dataclass(frozen=True)
class StanceChange:
    """An actor's consecutive claims on an issue that switch stance."""

    actor_slug: str
    actor_name: str
    country_code: str
    issue_id: str
    issue_label: str
    before: str
    after: str
    before_on: date
    after_on: date
    claim_id: int
    before_claim_id: int


@dataclass
class Timeline:
    """Claims as points, net stance per series per period, and stance changes."""

    points: list[Evidence]
    total: int
    capped: bool
    step: str
    series_by: str  # "country" or "issue"
    series: dict[str, list[tuple[date, Counts]]]
    series_labels: dict[str, str]
    changes: list[StanceChange]


@dataclass
class CorpusFigures:
    """Headline figures of the store and of the filtered claims."""

    documents: int
    undated_documents: int
    claims: int
    filtered_claims: int
    first_on: date | None
    last_on: date | None


@dataclass
class Standing:
    """An actor's latest stance on an issue in the window."""

    evidence: Evidence
    claims: int


@dataclass
class IssueStandings:
    """Who supports and who opposes an issue now, and each country's current net stance."""

    issue: m.Issue
    actors: list[Standing]
    countries: dict[str, Counts]  # latest stance of each of its actors, counted
    country_names: dict[str, str]
    total: int


@dataclass(frozen=True)
class IssueSummary:
    """An issue with its claim counts under the filter."""

    id: str
    label: str
    description: str
    counts: Counts
