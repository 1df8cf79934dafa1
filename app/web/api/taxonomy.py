"""Taxonomy editing: add an issue with its lexicon or an actor with aliases and offices (JSON or a file), re-extract."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, BackgroundTasks, File, HTTPException, Request, UploadFile
from pydantic import BaseModel, ConfigDict, Field

from app.store import taxonomy_edit
from app.store.taxonomy_edit import TaxonomyEditError
from app.web.auth import EditorDep, error_responses
from app.web.deps import SessionDep

router = APIRouter(prefix="/api/v1/taxonomy", tags=["taxonomy"])
MAX_TAXONOMY_FILE = 2 * 1024 * 1024
ERRORS = error_responses(400, 401, 403, 409, 413, 422, 429)
# No NUL characters: PostgreSQL text cannot hold them.
Short = Annotated[str, Field(min_length=1, max_length=200, pattern=r"^[^\x00]+$")]
Long = Annotated[str, Field(max_length=5000, pattern=r"^[^\x00]*$")]


class IssueNew(BaseModel):
    """A new issue: as an entry of issues.yaml (the lexicon format is the rule-based extractor's)."""

    model_config = ConfigDict(extra="forbid")

    id: Annotated[str, Field(min_length=1, max_length=64, pattern=r"^[a-z0-9][a-z0-9-]*$")]
    label: Short
    description: Long
    support: Long = Field(description="What a supporting position means")
    oppose: Long = Field(description="What an opposing position means")
    lexicon: dict[str, Any] = Field(
        default_factory=dict, description="e.g. {'terms': ['grain deal', 'grain corridor']}"
    )


class OfficeNew(BaseModel):
    """An office an actor held."""

    model_config = ConfigDict(extra="forbid")

    title: Short
    role: Annotated[str, Field(min_length=1, max_length=40)]
    country: Annotated[str, Field(max_length=8, pattern=r"^([A-Z]{2}|NATO|EU)$")] | None = None
    start_on: Annotated[date, Field(ge=date(1900, 1, 2), le=date(2999, 12, 31))]
    end_on: Annotated[date, Field(ge=date(1900, 1, 2), le=date(2999, 12, 31))] | None = None


class ActorNew(BaseModel):
    """A new actor: as an entry of actors.yaml."""

    model_config = ConfigDict(extra="forbid")

    name: Short
    slug: Annotated[str, Field(max_length=120, pattern=r"^[a-z0-9][a-z0-9-]*$")] | None = None
    type: Literal["person", "government", "organization"] = "person"
    country: Annotated[str, Field(max_length=8, pattern=r"^([A-Z]{2}|NATO|EU)$")]
    aliases: Annotated[list[Short], Field(max_length=50)] = []
    offices: Annotated[list[OfficeNew], Field(max_length=50)] = []


class Added(BaseModel):
    """What was added."""

    kind: Literal["issue", "actor"]
    id: str
    label: str


class FileAdded(BaseModel):
    """How many entries of each kind a file added."""

    added: dict[str, int]


class Queued(BaseModel):
    """Documents queued for extraction again."""

    queued: int
    note: str


def _http(exc: TaxonomyEditError) -> HTTPException:
    return HTTPException(exc.status, [{"param": "taxonomy", "problem": str(exc), "line": exc.line}])


@router.post("/issues", response_model=Added, status_code=201, summary="Add an issue", responses=ERRORS)
def add_issue(session: SessionDep, user: EditorDep, body: IssueNew) -> Added:
    """Add an issue with its lexicon; re-extract to find claims on it."""
    try:
        issue = taxonomy_edit.add_issue(session, data=body.model_dump())
    except TaxonomyEditError as exc:
        raise _http(exc) from None
    session.commit()  # before answering: the session dependency would commit only after the response
    return Added(kind="issue", id=issue.id, label=issue.label)


@router.post("/actors", response_model=Added, status_code=201, summary="Add an actor", responses=ERRORS)
def add_actor(session: SessionDep, user: EditorDep, body: ActorNew) -> Added:
    """Add an actor with aliases and offices; re-extract to find their claims."""
    try:
        actor = taxonomy_edit.add_actor(session, data=body.model_dump(exclude_none=True))
    except TaxonomyEditError as exc:
        raise _http(exc) from None
    session.commit()
    return Added(kind="actor", id=actor.slug, label=actor.name)


@router.post(
    "/files",
    response_model=FileAdded,
    status_code=201,
    summary="Add issues or actors from a YAML/JSON file",
    responses=ERRORS,
    max_body_size=MAX_TAXONOMY_FILE + 64 * 1024,
)
async def add_file(
    session: SessionDep,
    user: EditorDep,
    file: Annotated[UploadFile, File(description="issues*.yaml or actors*.yaml (or .json), as the shipped files")],
) -> FileAdded:
    """Add every entry of a taxonomy file (all or nothing; errors name the line)."""
    from fastapi.concurrency import run_in_threadpool

    from app.web.api.ingest import safe_name

    data = await file.read(MAX_TAXONOMY_FILE + 1)
    if len(data) > MAX_TAXONOMY_FILE:
        raise HTTPException(413, f"a taxonomy file has at most {MAX_TAXONOMY_FILE:,} bytes")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise HTTPException(422, [{"param": "file", "problem": "not UTF-8 text"}]) from None
    name = safe_name(file.filename)
    return await run_in_threadpool(add_file_text, session, name, text)


def add_file_text(session, name: str, text: str) -> FileAdded:
    """Add a taxonomy file's entries and commit."""
    try:
        added = taxonomy_edit.add_from_file(session, name=name, text=text)
    except TaxonomyEditError as exc:
        raise _http(exc) from None
    session.commit()
    return FileAdded(added=added)


def reextract_all(db, settings) -> str:
    """Run the extractor over every queued document (reviewed claims are kept)."""
    from app.pipeline.ingest import run_extraction

    return run_extraction(db, settings=settings)


@router.post(
    "/reextract", response_model=Queued, status_code=202, summary="Re-extract every document", responses=ERRORS
)
def reextract(request: Request, session: SessionDep, user: EditorDep, background: BackgroundTasks) -> Queued:
    """Queue every document for extraction with the current taxonomy; runs after the answer is sent."""
    n = taxonomy_edit.mark_for_reextraction(session)
    session.commit()
    background.add_task(reextract_all, request.app.state.db, request.app.state.settings)
    return Queued(queued=n, note="automatic claims are replaced; accepted, edited and rejected claims stay")
