"""Response models shared by the dashboard's JSON twins (overview, matrix, timeline, issues)."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, Field

from app.store.aggregates import Counts, Evidence, StanceChange
from app.web.viewstate import View

ERRORS = {
    400: {"description": "Invalid filter or view parameter; the body names the parameter and the value"},
    503: {"description": "Database unavailable"},
}
CSV_OK = {"content": {"text/csv": {}}, "description": "The view's data; CSV with format=csv"}


class Links(BaseModel):
    """Links that reproduce this answer as a page, JSON or CSV."""

    self: str
    html: str
    csv: str
    claims: str = Field(description="The claims behind this view")


class CountsOut(BaseModel):
    """Claims by stance and the net stance (support - oppose) / claims."""

    support: int
    oppose: int
    neutral: int
    total: int
    net: float | None

    @classmethod
    def of(cls, c: Counts | None) -> CountsOut:
        """Convert aggregate counts."""
        c = c or Counts()
        return cls(support=c.support, oppose=c.oppose, neutral=c.neutral, total=c.total, net=c.net)


class EvidenceOut(BaseModel):
    """A claim shown as evidence."""

    claim_id: int
    actor: str = Field(description="Actor slug")
    actor_name: str
    country: str
    issue: str
    stance: str
    stated_on: date | None
    evidence: str = Field(description="The evidence sentence (first 240 characters)")
    document_id: int
    document_title: str
    source_name: str | None
    url: str | None = Field(description="The original article")
    document_link: str

    @classmethod
    def of(cls, e: Evidence) -> EvidenceOut:
        """Convert aggregate evidence."""
        return cls(
            claim_id=e.claim_id,
            actor=e.actor_slug,
            actor_name=e.actor_name,
            country=e.country_code,
            issue=e.issue_id,
            stance=e.stance,
            stated_on=e.stated_on,
            evidence=e.text,
            document_id=e.document_id,
            document_title=e.document_title,
            source_name=e.source_name,
            url=e.url,
            document_link=document_link(e),
        )


class ChangeOut(BaseModel):
    """An actor's consecutive claims on an issue that switch stance."""

    actor: str
    actor_name: str
    country: str
    issue: str
    issue_label: str
    before: str
    after: str
    before_on: date
    after_on: date
    claim_id: int
    before_claim_id: int

    @classmethod
    def of(cls, c: StanceChange) -> ChangeOut:
        """Convert a stance change."""
        return cls(
            actor=c.actor_slug,
            actor_name=c.actor_name,
            country=c.country_code,
            issue=c.issue_id,
            issue_label=c.issue_label,
            before=c.before,
            after=c.after,
            before_on=c.before_on,
            after_on=c.after_on,
            claim_id=c.claim_id,
            before_claim_id=c.before_claim_id,
        )


def document_link(e: Evidence) -> str:
    """Return the document page of a claim, anchored at its evidence."""
    return f"/documents/{e.document_id}#claim-{e.claim_id}"


def links(view: View, html_path: str, api_path: str) -> Links:
    """Return the self/html/csv/claims links of a view."""
    return Links(
        self=view.link(api_path),
        html=view.link(html_path),
        csv=view.link(api_path, extra={"format": "csv"}),
        claims=view.filter_link("/claims"),
    )
