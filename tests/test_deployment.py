"""docker-compose.yml, the Dockerfile and CI scripts stay correct (no Docker engine runs here)."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def compose() -> dict:
    """Return the parsed docker-compose.yml."""
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def test_compose_services_and_order():
    services = compose()["services"]
    assert set(services) == {"postgres", "migrate", "web"}
    pg = services["postgres"]
    assert pg["image"].startswith("postgres:")
    assert "pg_isready" in " ".join(pg["healthcheck"]["test"])
    assert services["migrate"]["command"] == ["posture", "db", "upgrade"]
    assert services["migrate"]["depends_on"]["postgres"]["condition"] == "service_healthy"
    web = services["web"]
    assert web["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
    assert web["command"][:2] == ["posture", "serve"]
    assert any(p.endswith(":8000") for p in web["ports"])


def test_compose_database_urls_match_postgres_credentials():
    services = compose()["services"]
    env = services["postgres"]["environment"]
    expected = (
        f"postgresql+psycopg://{env['POSTGRES_USER']}:{env['POSTGRES_PASSWORD']}@postgres:5432/{env['POSTGRES_DB']}"
    )
    for name in ("migrate", "web"):
        assert services[name]["environment"]["POSTURE_DATABASE_URL"] == expected


def test_dockerfile_copies_what_the_app_needs():
    text = (ROOT / "Dockerfile").read_text()
    for folder in ("app", "migrations", "templates", "static"):
        assert re.search(rf"^COPY {folder} ", text, re.M), folder


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text()
    ci = (ROOT / ".ci" / "run").read_text()
    assert "make test" in readme and "make demo" in readme
    assert re.search(r"^make test$", ci, re.M)
