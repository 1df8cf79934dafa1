"""Health check: the database answers and its schema is at head."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from sqlalchemy import text

from app.store import migrate

router = APIRouter()


@router.get(
    "/healthz",
    tags=["meta"],
    summary="Database reachable and schema at head",
    responses={503: {"description": "Database unreachable or schema behind the code"}},
)
def healthz(request: Request) -> JSONResponse:
    """Report whether the database is reachable and migrated to the code's head revision."""
    engine = request.app.state.db.engine
    head = migrate.head_revision()
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        current = migrate.current_revision(engine)
    except Exception as exc:
        return JSONResponse(
            {"status": "unavailable", "database": "unreachable", "error": type(exc).__name__, "schema_head": head},
            status_code=503,
        )
    ok = current == head
    return JSONResponse(
        {
            "status": "ok" if ok else "outdated",
            "database": engine.dialect.name,
            "schema_version": current,
            "schema_head": head,
        },
        status_code=200 if ok else 503,
    )
