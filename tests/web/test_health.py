"""The health check and the styled error pages."""

from __future__ import annotations

from app.store import migrate


def test_healthz_reports_schema_version(client):
    r = client.get("/healthz")
    assert r.status_code == 200
    body = r.json()
    assert body["status"] == "ok"
    assert body["schema_version"] == migrate.head_revision()


def test_unknown_page_is_styled_404(client):
    r = client.get("/no/such/page")
    assert r.status_code == 404
    assert "text/html" in r.headers["content-type"]
    assert "Page not found" in r.text and 'class="site-header"' in r.text


def test_unknown_api_path_is_json_404(client):
    r = client.get("/api/v1/no-such-thing")
    assert r.status_code == 404
    assert r.json()["status"] == 404


def test_plotly_served_locally(client):
    r = client.get("/vendor/plotly.min.js")
    assert r.status_code == 200 and len(r.content) > 1_000_000
