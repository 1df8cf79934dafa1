"""Every router of the app, in one list, so create_app stays short."""

from __future__ import annotations

from fastapi import FastAPI


def include_routers(app: FastAPI) -> None:
    """Attach the page and API routers to the app."""
    from app.web.pages import assets, health

    for module in (health, assets):
        app.include_router(module.router)
    _include_review_routers(app)
    _include_records_routers(app)


def _include_review_routers(app: FastAPI) -> None:
    """Attach accounts, review, exports, ingest and taxonomy editing (issue #6)."""
    from app.web.api import exports as exports_api
    from app.web.api import review as review_api
    from app.web.pages import auth as auth_pages
    from app.web.pages import review as review_pages

    for module in (auth_pages, review_api, review_pages, exports_api):
        app.include_router(module.router)


def _include_records_routers(app: FastAPI) -> None:
    """Attach the claims table, documents, actor and country pages and their JSON twins (issue #5, records)."""
    from app.web.api import claims as claims_api
    from app.web.pages import claims as claims_pages

    for module in (claims_api, claims_pages):
        app.include_router(module.router)
