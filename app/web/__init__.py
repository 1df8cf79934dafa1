"""The web app: server-rendered pages and the JSON API over one store."""

from __future__ import annotations

from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

import app as posture
from app.config import Settings, get_settings
from app.web.auth import install_auth
from app.web.errors import install_error_handlers
from app.web.pagecache import install_page_cache
from app.web.paths import STATIC_DIR
from app.web.routes import include_routers


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the FastAPI app with its own engine and session factory on app.state."""
    from app.pipeline import open_database

    settings = settings or get_settings()
    db = open_database(settings)

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        yield
        db.dispose()

    web = FastAPI(
        title="Posture API",
        version=posture.__version__,
        description="Positions of NATO and EU governments and leaders on Russia's war against Ukraine.",
        lifespan=lifespan,
        docs_url="/api/docs",
        redoc_url=None,
        openapi_url="/api/v1/openapi.json",
    )
    web.state.settings = settings
    web.state.db = db
    web.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    install_error_handlers(web)
    install_page_cache(web)  # innermost: inside the session and auth middleware added next
    install_auth(web, settings)
    include_routers(web)
    return web
