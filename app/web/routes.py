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
    _include_dashboard_routers(app)


def _include_review_routers(app: FastAPI) -> None:
    """Attach accounts, review, exports, ingest and taxonomy editing (issue #6)."""
    from app.web.api import exports as exports_api
    from app.web.api import ingest as ingest_api
    from app.web.api import review as review_api
    from app.web.api import taxonomy as taxonomy_api
    from app.web.pages import auth as auth_pages
    from app.web.pages import ingest_form, taxonomy_edit
    from app.web.pages import review as review_pages

    modules = (auth_pages, review_api, review_pages, exports_api, ingest_api, ingest_form, taxonomy_api, taxonomy_edit)
    for module in modules:
        app.include_router(module.router)


def _include_records_routers(app: FastAPI) -> None:
    """Attach the claims table, documents, actor and country pages and their JSON twins (issue #5, records)."""
    from app.web.api import actors as actors_api
    from app.web.api import claims as claims_api
    from app.web.api import countries as countries_api
    from app.web.api import documents as documents_api
    from app.web.pages import actors as actors_pages
    from app.web.pages import claims as claims_pages
    from app.web.pages import countries as countries_pages
    from app.web.pages import documents as documents_pages

    for module in (
        claims_api,
        claims_pages,
        documents_api,
        documents_pages,
        actors_api,
        actors_pages,
        countries_api,
        countries_pages,
    ):
        app.include_router(module.router)


def _include_dashboard_routers(app: FastAPI) -> None:
    """Attach the overview, matrix, timeline and issue pages and their JSON twins (issue #5, core)."""
    from app.web.api import issues as issues_api
    from app.web.api import matrix as matrix_api
    from app.web.api import overview as overview_api
    from app.web.api import timeline as timeline_api
    from app.web.pages import issues as issues_pages
    from app.web.pages import matrix as matrix_pages
    from app.web.pages import overview as overview_pages
    from app.web.pages import timeline as timeline_pages

    modules = (overview_api, overview_pages, matrix_api, matrix_pages, timeline_api, timeline_pages)
    for module in (*modules, issues_api, issues_pages):
        app.include_router(module.router)
