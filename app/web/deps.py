"""Request dependencies: one database session per request, the settings."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.orm import Session

from app.config import Settings


def get_session(request: Request) -> Iterator[Session]:
    """Yield a session for the request; commit if the handler succeeded, roll back otherwise."""
    session = request.app.state.db.sessions()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


def get_app_settings(request: Request) -> Settings:
    """Return the settings the app was built with."""
    return request.app.state.settings


# Commit before the response is sent, so a client that reads right after a write sees it and a failed commit
# is reported as an error instead of being lost after a 200.
SessionDep = Annotated[Session, Depends(get_session, scope="function")]
# For streaming responses, whose body is read from the session after the handler returns.
StreamSessionDep = Annotated[Session, Depends(get_session, scope="request")]
SettingsDep = Annotated[Settings, Depends(get_app_settings)]
