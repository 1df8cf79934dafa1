"""The issue page's map draws from the app's own topojson: no request leaves 127.0.0.1. Screenshots of main pages."""

from __future__ import annotations

import pytest

from tests.browser.conftest import screenshot, wait_for_chart
from tests.factories import make_claim, seed_dashboard

pytestmark = pytest.mark.browser


def test_issue_map_draws_offline(session, live_server, page):
    seed_dashboard(session)
    make_claim(session, actor="poland", issue_id="sanctions", stance="support")
    session.commit()
    page.goto(f"{live_server.url}/issues/sanctions")
    wait_for_chart(page, "#fig-map")
    # One shape per country with a value, drawn by Plotly from the served shapes.
    assert page.locator("#fig-map path.choroplethlocation").count() == 4
    shapes = page.eval_on_selector_all(
        "#fig-map path.choroplethlocation", "ps => ps.map(p => p.getAttribute('d') || '')"
    )
    assert all(len(d) > 100 for d in shapes)  # real outlines, not empty placeholders
    wait_for_chart(page, "#fig-points")
    wait_for_chart(page, "#fig-series")
    screenshot(page, "issue-sanctions")
    urls = page.request_log.urls
    assert any(u.endswith("/static/geo/world_50m.json") for u in urls)
    assert page.request_log.foreign() == []


def test_hover_text_is_inert(session, live_server, page):
    """Plotly pseudo-HTML in evidence shows as text in the hover, and no script runs."""
    make_claim(
        session,
        actor="germany",
        issue_id="sanctions",
        evidence='<img src=x onerror="window.pwned=1"> <a href="javascript:window.pwned=2">x</a> <b>bold</b>',
    )
    session.commit()
    page.goto(f"{live_server.url}/matrix")
    wait_for_chart(page, "#fig-matrix")
    box = page.evaluate(
        """() => {
          const gd = document.getElementById('fig-matrix');
          const r = gd.querySelector('.nsewdrag').getBoundingClientRect();
          return {x: r.left + gd._fullLayout.xaxis.d2p('Sanctions'), y: r.top + gd._fullLayout.yaxis.d2p('Germany')};
        }"""
    )
    page.mouse.move(box["x"], box["y"])
    page.wait_for_selector("#fig-matrix .hoverlayer .hovertext")
    hover = page.text_content("#fig-matrix .hoverlayer .hovertext")
    assert "<b>bold</b>" in hover and "<img" in hover
    assert page.locator("#fig-matrix .hoverlayer a").count() == 0
    assert page.evaluate("window.pwned") is None


MAIN_PAGES = [
    ("overview", "/", "#fig-matrix"),
    ("matrix-actors", "/matrix?rows=actor&sort=similarity&group=bloc", "#fig-matrix"),
    ("timeline", "/timeline?issue=sanctions&step=quarter", "#fig-points"),
    ("timeline-actor", "/timeline?actor=germany", "#fig-series"),
    ("issues", "/issues", None),
]


@pytest.mark.parametrize("name, path, chart", MAIN_PAGES, ids=[p[0] for p in MAIN_PAGES])
def test_main_pages_draw_and_fit_a_phone(session, live_server, browser, page, name, path, chart):
    seed_dashboard(session)
    page.goto(f"{live_server.url}{path}")
    if chart:
        wait_for_chart(page, chart)
    screenshot(page, name)
    assert page.request_log.foreign() == []
    phone = browser.new_context(viewport={"width": 375, "height": 800}, is_mobile=True)
    try:
        small = phone.new_page()
        small.goto(f"{live_server.url}{path}")
        if chart:
            wait_for_chart(small, chart)
        width = small.evaluate("document.documentElement.scrollWidth")
        assert width <= 376, f"{path} is {width}px wide at 375px"
        screenshot(small, f"{name}-375px")
    finally:
        phone.close()
