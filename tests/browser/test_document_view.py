"""In real Chromium: a document shows its evidence highlighted, and the claims table leads to it."""

from __future__ import annotations

import pytest

from tests.browser.conftest import screenshot
from tests.web.records_data import seed_records

SANCTIONS_EVIDENCE = "his government would keep every sanction in force until the last soldier has left"


@pytest.fixture
def data(session):
    return seed_records(session)


def test_document_evidence_is_highlighted(page, live_server, data):
    page.goto(f"{live_server.url}/documents/{data['doc_a']}")
    c1 = data["claims"][0]
    mark = page.locator(f'#document-text mark[data-claim-id="{c1}"]')
    mark.wait_for(state="visible")
    assert mark.inner_text() == SANCTIONS_EVIDENCE
    # Highlighted: the mark's background is not transparent, and its label is drawn after it.
    background = mark.evaluate("el => getComputedStyle(el).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")
    label = mark.evaluate("el => getComputedStyle(el, '::after').content")
    assert "Olaf Scholz · Sanctions · ▲ support" in label
    # The container's text (what a selection measures) is the document text, labels excluded.
    text = page.locator("#document-text").evaluate("el => el.textContent")
    assert SANCTIONS_EVIDENCE in text and "Olaf Scholz ·" not in text
    assert not page.request_log.foreign()
    screenshot(page, "document")


def test_claims_table_click_through_to_the_evidence(page, live_server, data):
    page.goto(f"{live_server.url}/claims?issue=sanctions")
    rows = page.locator("table.claims-table tbody tr")
    assert rows.count() == 2
    screenshot(page, "claims")
    c1 = data["claims"][0]
    page.locator(f'tr[data-claim-id="{c1}"] a[data-evidence-link]').click()
    page.wait_for_url(f"**/documents/{data['doc_a']}#claim-{c1}")
    mark = page.locator(f'mark[data-claim-id="{c1}"]')
    mark.wait_for(state="visible")
    assert mark.inner_text() == SANCTIONS_EVIDENCE
    assert mark.is_visible()
    # The anchor scrolled the evidence into the viewport.
    in_view = mark.evaluate("el => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight; }")
    assert in_view


def test_keyboard_and_phone_width(browser, live_server, data):
    ctx = browser.new_context(viewport={"width": 375, "height": 800})
    try:
        page = ctx.new_page()
        page.goto(f"{live_server.url}/claims")
        # Nothing but the table's own scroller is wider than the phone.
        assert page.evaluate("document.documentElement.scrollWidth") <= 375
        # Keyboard: tab to the first evidence link and follow it with Enter.
        first = page.locator("table.claims-table a[data-evidence-link]").first
        href = first.get_attribute("href")
        for _ in range(200):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement && document.activeElement.getAttribute('href')") == href:
                break
        else:
            pytest.fail("the evidence link is not reachable with Tab")
        page.keyboard.press("Enter")
        page.wait_for_url(f"**{href}")
        assert page.locator("#document-text mark").first.is_visible()
        assert page.evaluate("document.documentElement.scrollWidth") <= 375
        screenshot(page, "document-phone")
    finally:
        ctx.close()


def test_actor_and_country_pages_render(page, live_server, data):
    for path, name in (("/actors/olaf-scholz", "actor"), ("/countries/DE", "country"), ("/documents", "documents")):
        page.goto(live_server.url + path)
        page.locator("h1").wait_for(state="visible")
        assert page.locator("[data-describe]").is_visible()
        screenshot(page, name)
    assert not page.request_log.foreign()
