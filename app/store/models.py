"""The relational schema: reference data, documents, claims and their audit trail, users."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

STANCES = ("support", "oppose", "neutral")
REVIEW_STATUSES = ("automatic", "accepted", "edited", "rejected")
DATE_SOURCES = ("explicit", "inferred", "user", "unknown")
EXTRACTION_STATUSES = ("pending", "running", "done", "skipped", "failed")
ROLES = ("admin", "editor", "viewer")


def utcnow() -> datetime:
    """Return the current time, timezone-aware in UTC."""
    return datetime.now(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Country(Base):
    __tablename__ = "country"

    code: Mapped[str] = mapped_column(String(8), primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(16), default="country")
    nato_joined_on: Mapped[date | None] = mapped_column(Date)
    eu_joined_on: Mapped[date | None] = mapped_column(Date)
    eu_left_on: Mapped[date | None] = mapped_column(Date)  # last day of membership (GB: 2020-01-31)
    adjectives: Mapped[list] = mapped_column(JSON, default=list)
    aliases: Mapped[list] = mapped_column(JSON, default=list)
    seats: Mapped[list] = mapped_column(JSON, default=list)


class Actor(Base):
    __tablename__ = "actor"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    slug: Mapped[str] = mapped_column(String(120), unique=True)
    name: Mapped[str] = mapped_column(String(200), index=True)
    type: Mapped[str] = mapped_column(String(16))  # person | government | organization
    country_code: Mapped[str] = mapped_column(ForeignKey("country.code"), index=True)
    aliases: Mapped[list] = mapped_column(JSON, default=list)
    # Shipped reference data vs. added by a user or found by the extractor.
    origin: Mapped[str] = mapped_column(String(16), default="reference")

    offices: Mapped[list[Office]] = relationship(
        back_populates="actor", cascade="all, delete-orphan", order_by="Office.start_on"
    )
    country: Mapped[Country] = relationship()


class Office(Base):
    __tablename__ = "office"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    actor_id: Mapped[int] = mapped_column(ForeignKey("actor.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(40))
    country_code: Mapped[str] = mapped_column(ForeignKey("country.code"))
    start_on: Mapped[date] = mapped_column(Date)
    end_on: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str | None] = mapped_column(Text)

    actor: Mapped[Actor] = relationship(back_populates="offices")

    __table_args__ = (Index("ix_office_country_role", "country_code", "role", "start_on"),)


class Issue(Base):
    __tablename__ = "issue"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    label: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text)
    support_means: Mapped[str] = mapped_column(Text)
    oppose_means: Mapped[str] = mapped_column(Text)
    lexicon: Mapped[dict] = mapped_column(JSON, default=dict)
    position: Mapped[int] = mapped_column(Integer, default=0)
    origin: Mapped[str] = mapped_column(String(16), default="reference")


class Document(Base):
    __tablename__ = "document"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    url: Mapped[str | None] = mapped_column(Text, index=True)
    origin: Mapped[str | None] = mapped_column(Text)  # the path, URL or feed it was ingested from
    title: Mapped[str] = mapped_column(Text, default="")
    text: Mapped[str] = mapped_column(Text)
    published_on: Mapped[date | None] = mapped_column(Date, index=True)
    date_source: Mapped[str] = mapped_column(String(16), default="unknown")  # explicit|inferred|user|unknown
    source_name: Mapped[str | None] = mapped_column(String(200))
    language: Mapped[str | None] = mapped_column(String(8))
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    minhash: Mapped[bytes | None] = mapped_column(LargeBinary)
    duplicate_of_id: Mapped[int | None] = mapped_column(ForeignKey("document.id", ondelete="SET NULL"), index=True)
    extraction_status: Mapped[str] = mapped_column(String(16), default="pending", index=True)
    extracted_with: Mapped[str | None] = mapped_column(String(80))  # "rules@1.0"
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)

    claims: Mapped[list[Claim]] = relationship(back_populates="document", cascade="all, delete-orphan")
    duplicate_of: Mapped[Document | None] = relationship(remote_side="Document.id")


class DocumentBand(Base):
    """MinHash LSH band keys of a document: documents that share a key are near-duplicate candidates."""

    __tablename__ = "document_band"

    band_key: Mapped[str] = mapped_column(String(24), primary_key=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("document.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class Claim(Base):
    __tablename__ = "claim"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id", ondelete="CASCADE"))
    actor_id: Mapped[int] = mapped_column(ForeignKey("actor.id"))
    # Denormalised from the actor (as of stated_on) and the document, so filters need no joins.
    country_code: Mapped[str] = mapped_column(ForeignKey("country.code"))
    issue_id: Mapped[str] = mapped_column(ForeignKey("issue.id"))
    stance: Mapped[str] = mapped_column(String(8))
    stated_on: Mapped[date | None] = mapped_column(Date)
    evidence: Mapped[str] = mapped_column(Text)
    evidence_start: Mapped[int | None] = mapped_column(Integer)
    evidence_end: Mapped[int | None] = mapped_column(Integer)
    extractor: Mapped[str] = mapped_column(String(40))  # "rules", "llm", "manual"
    extractor_version: Mapped[str] = mapped_column(String(40))
    confidence: Mapped[float] = mapped_column(Float, default=1.0)
    explanation: Mapped[list] = mapped_column(JSON, default=list)  # the rules that fired
    review_status: Mapped[str] = mapped_column(String(16), default="automatic")
    is_duplicate: Mapped[bool] = mapped_column(Boolean, default=False)  # its document is a near-duplicate
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)

    document: Mapped[Document] = relationship(back_populates="claims")
    actor: Mapped[Actor] = relationship()
    issue: Mapped[Issue] = relationship()
    revisions: Mapped[list[ClaimRevision]] = relationship(
        back_populates="claim", cascade="all, delete-orphan", order_by="ClaimRevision.changed_at"
    )

    __table_args__ = (
        Index("ix_claim_country_issue_date", "country_code", "issue_id", "stated_on"),
        Index("ix_claim_actor_issue_date", "actor_id", "issue_id", "stated_on"),
        Index("ix_claim_issue_date", "issue_id", "stated_on"),
        Index("ix_claim_stated_on_id", "stated_on", "id"),
        Index("ix_claim_document", "document_id"),
        Index("ix_claim_review_confidence", "review_status", "confidence"),
        # Keyset orders of the claims table (sort key, id): confidence, country, issue, and a country's newest first.
        Index("ix_claim_confidence_id", "confidence", "id"),
        Index("ix_claim_country_id", "country_code", "id"),
        Index("ix_claim_issue_id_id", "issue_id", "id"),
        Index("ix_claim_country_date_id", "country_code", "stated_on", "id"),
        Index("ix_claim_actor_date_id", "actor_id", "stated_on", "id"),  # an actor's claims, newest first
    )


class ClaimRevision(Base):
    __tablename__ = "claim_revision"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claim.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    changed_by: Mapped[str] = mapped_column(String(120))
    changed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    action: Mapped[str] = mapped_column(String(16))  # create | accept | edit | reject | reextract
    before: Mapped[dict | None] = mapped_column(JSON)
    after: Mapped[dict | None] = mapped_column(JSON)

    claim: Mapped[Claim] = relationship(back_populates="revisions")


class UserAccount(Base):
    __tablename__ = "user_account"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(120), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(16), default="viewer")
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class ApiToken(Base):
    __tablename__ = "api_token"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(120))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    last_used_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class LoginAttempt(Base):
    """Failed logins, for rate limiting that holds across workers."""

    __tablename__ = "login_attempt"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(200), index=True)  # username or client address
    attempted_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)


class ClaimMonthly(Base):
    """Claim counts by (month, actor, country, issue, stance, review, duplicate): the dashboard's rollup."""

    __tablename__ = "claim_monthly"

    month_on: Mapped[date] = mapped_column(Date, primary_key=True)  # first day of the month; 1900-01-01 = undated
    actor_id: Mapped[int] = mapped_column(ForeignKey("actor.id", ondelete="CASCADE"), primary_key=True)
    country_code: Mapped[str] = mapped_column(String(8), primary_key=True)
    issue_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    stance: Mapped[str] = mapped_column(String(8), primary_key=True)
    review_status: Mapped[str] = mapped_column(String(16), primary_key=True)
    is_duplicate: Mapped[bool] = mapped_column(Boolean, primary_key=True)
    n: Mapped[int] = mapped_column(Integer, default=0)

    __table_args__ = (
        Index("ix_claim_monthly_issue_month", "issue_id", "month_on"),
        Index("ix_claim_monthly_country_month", "country_code", "month_on"),
    )


class ClaimCountryMonthly(Base):
    """Claim counts without the actor (app/store/country_rollup.py): the matrix and timelines by country."""

    __tablename__ = "claim_country_monthly"

    # Primary key in the matrix's GROUP BY order, so SQLite aggregates straight from it.
    country_code: Mapped[str] = mapped_column(String(8), primary_key=True)
    issue_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    stance: Mapped[str] = mapped_column(String(8), primary_key=True)
    month_on: Mapped[date] = mapped_column(Date, primary_key=True)  # first day of the month; 1900-01-01 = undated
    review_status: Mapped[str] = mapped_column(String(16), primary_key=True)
    is_duplicate: Mapped[bool] = mapped_column(Boolean, primary_key=True)
    n: Mapped[int] = mapped_column(Integer, default=0)

    __table_args__ = (Index("ix_claim_country_monthly_issue_month", "issue_id", "month_on"),)


class ClaimCountryYearly(Base):
    """Claim counts by year without the actor (app/store/country_rollup.py): the matrix over whole years."""

    __tablename__ = "claim_country_yearly"

    country_code: Mapped[str] = mapped_column(String(8), primary_key=True)
    issue_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    stance: Mapped[str] = mapped_column(String(8), primary_key=True)
    year_on: Mapped[date] = mapped_column(Date, primary_key=True)  # 1 January of the year; 1900-01-01 = undated
    review_status: Mapped[str] = mapped_column(String(16), primary_key=True)
    is_duplicate: Mapped[bool] = mapped_column(Boolean, primary_key=True)
    n: Mapped[int] = mapped_column(Integer, default=0)

    # Without a rowid SQLite stores n in the primary key's b-tree, so the GROUP BY reads one b-tree in key order.
    __table_args__ = {"sqlite_with_rowid": False}


class Setting(Base):
    """Small key-value facts about the database (reference data checksum, demo flag)."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class DataVersion(Base):
    """One row bumped by triggers on every write to the data the dashboard aggregates (app/store/datacache.py)."""

    __tablename__ = "data_version"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version: Mapped[int] = mapped_column(Integer, default=0)
    changed_at: Mapped[str] = mapped_column(String(40), default="")


__all__ = [
    "Actor",
    "ApiToken",
    "Base",
    "Claim",
    "ClaimCountryMonthly",
    "ClaimCountryYearly",
    "ClaimMonthly",
    "ClaimRevision",
    "Country",
    "DataVersion",
    "Document",
    "DocumentBand",
    "Issue",
    "LoginAttempt",
    "Office",
    "Setting",
    "UserAccount",
]
