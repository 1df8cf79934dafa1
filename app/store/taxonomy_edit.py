"""User additions to the taxonomy: an issue with its lexicon, an actor with aliases and offices, or a whole file,
validated by app.taxonomy.loader's own models; and marking documents for re-extraction afterwards."""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from app.store import models as m
from app.taxonomy import loader
from app.taxonomy.loader import ActorIn, IssueIn, TaxonomyError

USER = "user"


class TaxonomyEditError(ValueError):
    """An addition that cannot be made; status 409 for a name taken, 422 for invalid input."""

    def __init__(self, message: str, *, status: int = 422, line: int | None = None):
        self.status, self.line = status, line
        super().__init__(message)


def _problem(exc: ValidationError) -> str:
    err = exc.errors()[0]
    where = ".".join(str(p) for p in err["loc"])
    return f"{where}: {err['msg']}" if where else err["msg"]


def _no_nul(value: object) -> None:
    """Refuse NUL characters anywhere (PostgreSQL text cannot hold them)."""
    if isinstance(value, str):
        if "\x00" in value:
            raise TaxonomyEditError("NUL characters are not allowed")
    elif isinstance(value, dict):
        for k, v in value.items():
            _no_nul(k)
            _no_nul(v)
    elif isinstance(value, list | tuple):
        for v in value:
            _no_nul(v)


def add_issue(session: Session, *, data: dict) -> m.Issue:
    """Add an issue (id, label, description, support, oppose, lexicon) after the loader's validation."""
    _no_nul(data)
    try:
        entry = IssueIn.model_validate(data)
    except ValidationError as exc:
        raise TaxonomyEditError(_problem(exc)) from None
    if session.get(m.Issue, entry.id) is not None:
        raise TaxonomyEditError(f"issue {entry.id!r} exists already", status=409)
    position = (session.scalar(select(func.max(m.Issue.position))) or 0) + 1
    issue = m.Issue(
        id=entry.id,
        label=entry.label,
        description=entry.description,
        support_means=entry.support,
        oppose_means=entry.oppose,
        lexicon=entry.lexicon,
        position=position,
        origin=USER,
    )
    session.add(issue)
    session.flush()
    return issue


def add_actor(session: Session, *, data: dict) -> m.Actor:
    """Add an actor (name, type, country, aliases, offices) after the loader's validation."""
    _no_nul(data)
    try:
        entry = ActorIn.model_validate(data)
    except ValidationError as exc:
        raise TaxonomyEditError(_problem(exc)) from None
    slug = entry.slug or loader.slugify(entry.name)
    if not slug:
        raise TaxonomyEditError("name: gives an empty slug; add letters or a slug")
    if session.scalar(select(m.Actor.id).where(m.Actor.slug == slug)) is not None:
        raise TaxonomyEditError(f"actor {slug!r} exists already", status=409)
    for code in {entry.country, *(o.country for o in entry.offices if o.country)}:
        if session.get(m.Country, code) is None:
            raise TaxonomyEditError(f"country: unknown country {code!r}")
    actor = m.Actor(
        slug=slug,
        name=entry.name,
        type=entry.type,
        country_code=entry.country,
        aliases=list(entry.aliases),
        origin=USER,
    )
    actor.offices = [
        m.Office(
            title=o.title,
            role=o.role,
            country_code=o.country or entry.country,
            start_on=o.start_on,
            end_on=o.end_on,
            note=o.note,
        )
        for o in entry.offices
    ]
    session.add(actor)
    session.flush()
    return actor


def add_from_file(session: Session, *, name: str, text: str) -> dict[str, int]:
    """Add every issue or actor of a YAML/JSON file named issues*.yaml or actors*.yaml; all or nothing."""
    path = Path(name)
    kind = loader._kind_of(path)  # the loader's own rules for file names and formats
    if kind not in ("issues", "actors"):
        raise TaxonomyEditError("the file name must start with 'issues' or 'actors' and end in .yaml, .yml or .json")
    try:
        entries = loader._parse_file(kind, path, text)
    except TaxonomyError as exc:
        raise TaxonomyEditError(str(exc), line=exc.line) from None
    added = 0
    with session.begin_nested():  # a bad entry halfway leaves nothing behind
        for entry, source in entries:
            data = entry.model_dump(exclude_none=True)
            try:
                (add_issue if kind == "issues" else add_actor)(session, data=data)
            except TaxonomyEditError as exc:
                where = f"{name}:{source.line}" if source.line else name
                raise TaxonomyEditError(f"{where}: {exc}", status=exc.status, line=source.line) from None
            added += 1
    return {kind: added}


def mark_for_reextraction(session: Session) -> int:
    """Queue every extracted (or failed) document for extraction again; return how many.

    The extractor replaces only automatic claims: reviewed ones stay.
    """
    result = session.execute(
        update(m.Document)
        .where(m.Document.extraction_status.in_(("done", "failed", "skipped")))
        .values(extraction_status="pending", extracted_with=None)
        .execution_options(synchronize_session=False)
    )
    return result.rowcount or 0


def user_additions(session: Session) -> dict[str, list]:
    """Return the issues and actors users added."""
    return {
        "issues": list(session.scalars(select(m.Issue).where(m.Issue.origin == USER).order_by(m.Issue.id))),
        "actors": list(session.scalars(select(m.Actor).where(m.Actor.origin == USER).order_by(m.Actor.slug))),
    }
