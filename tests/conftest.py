"""Fixtures: a fresh, migrated database per test on SQLite or PostgreSQL, an app, a client.

The backend is chosen by POSTURE_TEST_DATABASE_URL: unset means SQLite; a postgresql URL names a server
(and an existing database to connect through) on which each run creates its own template database, and
each test its own copy of it, dropped afterwards.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from app.config import Settings
from app.pipeline import Database, open_database, upgrade_database
from app.store.engine import normalise_url

SHARED = Path(__file__).resolve().parents[2] / "shared"
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
PG_URL = os.environ.get("POSTURE_TEST_DATABASE_URL", "")
BACKEND = "postgresql" if PG_URL.startswith("postgres") else "sqlite"


def pytest_report_header(config) -> str:
    return f"posture test backend: {BACKEND}"


def pytest_collection_modifyitems(config, items) -> None:
    for item in items:
        if BACKEND == "sqlite" and item.get_closest_marker("postgres_only"):
            item.add_marker(pytest.mark.skip(reason="PostgreSQL-only test; set POSTURE_TEST_DATABASE_URL"))
        if BACKEND == "postgresql" and item.get_closest_marker("sqlite_only"):
            item.add_marker(pytest.mark.skip(reason="SQLite-only test"))


def _test_settings(url: str, tmp: Path) -> Settings:
    return Settings(database_url=url, allow_private_urls=True, secret_key="test-secret", _env_file=None)


class _Postgres:
    """One template database per run, one copy of it per test."""

    def __init__(self, url: str):
        self.server = make_url(normalise_url(url))
        self.admin = create_engine(self.server, isolation_level="AUTOCOMMIT", pool_pre_ping=True)
        self.template = f"posture_tmpl_{uuid.uuid4().hex[:10]}"

    def url_for(self, name: str) -> str:
        return self.server.set(database=name).render_as_string(hide_password=False)

    def create(self, name: str, template: str | None = None) -> str:
        with self.admin.connect() as conn:
            clause = f' TEMPLATE "{template}"' if template else ""
            conn.execute(text(f'CREATE DATABASE "{name}"{clause}'))
        return self.url_for(name)

    def drop(self, name: str) -> None:
        with self.admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@pytest.fixture(scope="session")
def _template(tmp_path_factory) -> Iterator[tuple[str, object]]:
    """Migrate an empty database once per run; tests copy it."""
    tmp = tmp_path_factory.mktemp("template")
    if BACKEND == "sqlite":
        path = tmp / "template.db"
        settings = _test_settings(f"sqlite:///{path}", tmp)
        db = open_database(settings)
        upgrade_database(db, settings)
        with db.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        db.dispose()
        yield str(path), None
        return
    pg = _Postgres(PG_URL)
    try:
        url = pg.create(pg.template)
    except Exception as exc:  # server down
        if IN_CI:
            raise
        pytest.skip(f"PostgreSQL not reachable at {PG_URL}: {exc}")
    settings = _test_settings(url, tmp)
    db = open_database(settings)
    upgrade_database(db, settings)
    db.dispose()
    yield pg.template, pg
    pg.drop(pg.template)
    pg.admin.dispose()


@pytest.fixture
def database_url(_template, tmp_path) -> Iterator[str]:
    """Return the URL of a fresh migrated database with the reference data, for this test only."""
    template, pg = _template
    if pg is None:
        path = tmp_path / "posture.db"
        shutil.copyfile(template, path)
        yield f"sqlite:///{path}"
        return
    name = f"posture_t_{uuid.uuid4().hex[:12]}"
    url = pg.create(name, template=template)
    yield url
    pg.drop(name)


@pytest.fixture
def settings(database_url, tmp_path) -> Settings:
    """Return settings for the test's database (private URLs allowed for the local test servers)."""
    return _test_settings(database_url, tmp_path)


@pytest.fixture
def db(settings) -> Iterator[Database]:
    """Return the test database's engine and session factory."""
    database = open_database(settings)
    yield database
    database.dispose()


@pytest.fixture
def session(db):
    """Yield a session on the test database; the test commits what it wants kept."""
    s = db.sessions()
    yield s
    s.rollback()
    s.close()


@pytest.fixture
def app(settings):
    """Return the web app built on the test database."""
    from app.web import create_app

    web = create_app(settings)
    yield web
    web.state.db.dispose()


@pytest.fixture
def client(app):
    """Return an HTTP client for the app (in-process)."""
    from fastapi.testclient import TestClient

    with TestClient(app) as c:
        yield c


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """Return ../shared (gold set, seeds, scorer), skipping when it is absent."""
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} not found")
    return SHARED
