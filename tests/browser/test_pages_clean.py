"""Every public page in real Chromium: no console error, no failed request (a missing icon or script shows here)."""

from __future__ import annotations

import pytest

from tests.factories import seed_dashboard
from tests.web.review_helpers import PASSWORD, make_claims, make_user

pytestmark = pytest.mark.browser

PAGES = [
    "/",
    "/matrix",
    "/timeline",
    "/issues",
    "/issues/sanctions",
    "/actors",
    "/actors/germany",
    "/countries",
    "/countries/DE",
    "/claims",
    "/documents",
    "/login",
]


EDITOR_PAGES = [
    "/review",
    "/review/documents/{document}",
    "/ingest",
    "/taxonomy/edit",
    "/documents/{document}",
    "/claims/{claim}",
    "/claims/{claim}/history",
]


def _watch(page) -> tuple[list[str], list[str]]:
    """Collect the page's console errors and failed requests from now on."""
    errors: list[str] = []
    failed: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    # A request cut short by the next navigation (net::ERR_ABORTED, often the icon) is not a failure of the page.
    page.on(
        "requestfailed",
        lambda request: failed.append(request.url) if "ERR_ABORTED" not in (request.failure or "") else None,
    )
    page.on("response", lambda response: failed.append(response.url) if response.status >= 400 else None)
    return errors, failed


def test_pages_load_without_errors(session, live_server, page):
    seed_dashboard(session)
    errors, failed = _watch(page)
    for path in PAGES:
        page.goto(f"{live_server.url}{path}")
        page.wait_for_load_state("networkidle")
        assert not errors, (path, errors)
        assert not failed, (path, failed)
    assert page.request_log.foreign() == []


def test_editor_pages_load_without_errors(live_server, page, db):
    ids = make_claims(db)
    make_user(db, "ed", "editor")
    page.goto(f"{live_server.url}/login")
    page.fill('input[name="username"]', "ed")
    page.fill('input[name="password"]', PASSWORD)
    page.click('button[type="submit"]')
    page.wait_for_url(f"{live_server.url}/")
    errors, failed = _watch(page)
    for path in EDITOR_PAGES:
        page.goto(live_server.url + path.format(document=ids["document"], claim=ids["de"]))
        page.wait_for_load_state("networkidle")
        assert not errors, (path, errors)
        assert not failed, (path, failed)
