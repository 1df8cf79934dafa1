"""The matrix in real Chromium: filters through the UI, the URL is the view, shared links reproduce it, cells open."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from tests.browser.conftest import screenshot, wait_for_chart
from tests.factories import seed_dashboard

pytestmark = pytest.mark.browser


def _state(page) -> dict:
    """Return what the matrix page shows: its description, row labels and selected filters."""
    return {
        "description": page.inner_text("[data-description]"),
        "rows": page.locator(".matrix-table tbody th[scope=row]").all_inner_texts(),
        "countries": page.eval_on_selector_all("input[name=country]:checked", "boxes => boxes.map(b => b.value)"),
        "rows_kind": page.get_attribute(".view-options a[aria-current=true][data-rows]", "data-rows"),
    }


def test_filters_url_reload_and_shared_link(session, live_server, page, browser):
    seed_dashboard(session)
    page.goto(f"{live_server.url}/matrix")
    wait_for_chart(page, "#fig-matrix")
    assert page.locator(".matrix-table tbody tr").count() == 4
    screenshot(page, "matrix")

    # Change filters through the form: two countries, and a date; submitting is a GET, so the URL changes.
    page.click("[data-picker=country] summary")
    page.fill("[data-picker=country] [data-picker-search]", "ger")  # the search box narrows the list
    assert page.is_hidden("input[name=country][value=FR]")
    page.check("input[name=country][value=DE]")
    page.fill("[data-picker=country] [data-picker-search]", "")
    page.check("input[name=country][value=FR]")
    assert page.inner_text("[data-picker=country] [data-picker-summary]") == "France, Germany"  # list order
    page.fill("input[name=from]", "2023-01-01")
    with page.expect_navigation():
        page.click("form[data-filter-form] button[type=submit]")
    query = parse_qs(urlsplit(page.url).query)
    assert query == {"country": ["FR", "DE"], "from": ["2023-01-01"]} or query == {
        "country": ["DE", "FR"],
        "from": ["2023-01-01"],
    }
    wait_for_chart(page, "#fig-matrix")
    assert page.locator(".matrix-table tbody tr").count() == 2

    # The row toggle is a link that keeps the filters.
    with page.expect_navigation():
        page.click('.view-options a[data-rows="actor"]')
    assert parse_qs(urlsplit(page.url).query)["rows"] == ["actor"]
    wait_for_chart(page, "#fig-matrix")
    before = _state(page)
    assert before["countries"] == ["FR", "DE"] or sorted(before["countries"]) == ["DE", "FR"]
    assert before["rows_kind"] == "actor" and "France and Germany" in before["description"]

    page.reload()
    wait_for_chart(page, "#fig-matrix")
    assert _state(page) == before

    shared = page.get_attribute("[data-copy-link]", "data-copy-link")
    assert shared == page.url
    fresh = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        other = fresh.new_page()
        other.goto(shared)
        wait_for_chart(other, "#fig-matrix")
        assert _state(other) == before
    finally:
        fresh.close()


def test_copy_link_button_copies_the_view(session, live_server, browser):
    seed_dashboard(session)
    ctx = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    try:
        page = ctx.new_page()
        page.goto(f"{live_server.url}/matrix?bloc=nato&sort=similarity")
        page.click("[data-copy-link]")
        page.wait_for_function("document.querySelector('[data-copy-link]').textContent !== 'Copy link'")
        copied = page.evaluate("navigator.clipboard.readText()")
        assert copied == f"{live_server.url}/matrix?bloc=nato&sort=similarity"
    finally:
        ctx.close()


def test_clicking_a_cell_opens_its_claims(session, live_server, page):
    seed_dashboard(session)
    page.goto(f"{live_server.url}/matrix?from=2023-01-01")
    wait_for_chart(page, "#fig-matrix")

    # Click the heatmap cell Germany x Sanctions at the pixel Plotly drew it.
    point = page.evaluate(
        """() => {
          const gd = document.getElementById('fig-matrix');
          const xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis;
          const box = gd.querySelector('.nsewdrag').getBoundingClientRect();
          const x = xa.d2p('Sanctions'), y = ya.d2p('Germany');
          return {x: box.left + x, y: box.top + y};
        }"""
    )
    with page.expect_navigation():
        page.mouse.click(point["x"], point["y"])
    url = urlsplit(page.url)
    assert url.path == "/claims"
    assert parse_qs(url.query) == {"country": ["DE"], "issue": ["sanctions"], "from": ["2023-01-01"]}
    assert page.locator("main").count() == 1
    screenshot(page, "matrix-cell-claims")
    text = page.inner_text("main")
    assert "Germany" in text

    # The same cell in the accessible table, by keyboard.
    page.go_back()
    link = page.locator('td[data-row="DE"][data-issue="sanctions"] a')
    link.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert parse_qs(urlsplit(page.url).query)["issue"] == ["sanctions"]


def test_bad_filter_in_the_browser_shows_the_400_page(live_server, page):
    response = page.goto(f"{live_server.url}/matrix?country=XX")
    assert response.status == 400
    assert "country" in page.inner_text(".problems")
