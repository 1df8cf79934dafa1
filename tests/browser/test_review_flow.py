"""The analyst's review in real Chromium: log in, edit / reject / accept with the keyboard, add a claim by
selecting text in the document view; the matrix and each claim's audit trail show every change."""

from __future__ import annotations

from sqlalchemy import select

from app.store import models as m
from tests.browser.conftest import screenshot
from tests.web.review_helpers import DOC_TEXT, PASSWORD, make_claims, make_user

SELECT_TEXT = """([needle]) => {
  // Select the needle inside the document text the way a mouse drag would: a DOM Range over its text nodes.
  const container = document.querySelector('#document-text, [data-document-text]');
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
  const nodes = [];
  let total = 0;
  while (walker.nextNode()) { nodes.push([walker.currentNode, total]); total += walker.currentNode.length; }
  const start = container.textContent.indexOf(needle), end = start + needle.length;
  const at = (offset) => {
    for (const [node, base] of nodes) if (offset <= base + node.length) return [node, offset - base];
  };
  const range = document.createRange();
  range.setStart(...at(start));
  range.setEnd(...at(end));
  const selection = window.getSelection();
  selection.removeAllRanges();
  selection.addRange(range);
  container.dispatchEvent(new MouseEvent('mouseup', {bubbles: true}));
  return start;
}"""


def test_editor_reviews_claims_in_the_browser(live_server, page, db):
    ids = make_claims(db)
    make_user(db, "ed", "editor")
    base = live_server.url

    page.goto(base + "/login")
    page.fill('input[name="username"]', "ed")
    page.fill('input[name="password"]', PASSWORD)
    page.click('button[type="submit"]')
    page.wait_for_url(base + "/")
    assert "ed" in page.inner_text(".nav-user")

    # The queue: lowest confidence first (France 0.4, Hungary 0.6, Germany 0.9); j/k move the selection.
    page.goto(base + "/review")
    items = page.locator("[data-review-item]")
    assert [items.nth(i).get_attribute("data-claim-id") for i in range(3)] == [str(ids[k]) for k in ("fr", "hu", "de")]
    page.keyboard.press("j")
    assert "selected" in (items.nth(1).get_attribute("class") or "")
    page.keyboard.press("k")
    assert "selected" in (items.nth(0).get_attribute("class") or "")

    # e: edit France's claim (stance support -> neutral) and save.
    page.keyboard.press("e")
    edit = items.nth(0).locator("details[data-action=edit] form")
    edit.locator('select[name="stance"]').select_option("neutral")
    with page.expect_navigation():
        edit.locator('button[type="submit"]').click()
    assert page.locator("[data-review-item]").first.get_attribute("data-claim-id") == str(ids["hu"])

    # r: reject Hungary's claim; a: accept Germany's.
    page.keyboard.press("r")
    page.wait_for_function(f"!document.querySelector('[data-claim-id=\"{ids['hu']}\"]')")
    page.keyboard.press("a")
    page.wait_for_selector(".empty-state")
    screenshot(page, "review-queue-done")

    # Add a claim by selecting its evidence in the document view.
    page.goto(f"{base}/documents/{ids['document']}")
    needle = "In Paris, the French president told reporters"
    start = page.evaluate(SELECT_TEXT, [needle])
    assert start == DOC_TEXT.index(needle)
    form = page.locator("[data-add-claim]")
    assert form.locator('input[name="start"]').input_value() == str(start)
    assert form.locator('input[name="end"]').input_value() == str(start + len(needle))
    assert form.locator("[data-selection-quote]").inner_text() == needle
    form.locator('input[name="actor"]').fill("france")
    form.locator('select[name="issue"]').select_option("negotiations")
    form.locator('select[name="stance"]').select_option("support")
    with page.expect_navigation():
        form.locator('button[type="submit"]').click()
    assert page.url == f"{base}/documents/{ids['document']}"
    with db.sessions() as s:
        added = s.scalar(select(m.Claim).where(m.Claim.extractor == "manual"))
        assert (added.evidence, added.issue_id, added.country_code) == (needle, "negotiations", "FR")
    assert page.locator(f'li[data-claim-id="{added.id}"]').count() == 1

    # The matrix: Hungary's rejected claim is gone, France's stance changed, the new claim has its cell.
    page.goto(base + "/matrix")
    assert page.locator('td[data-row="HU"][data-issue="sanctions"]').count() == 0
    fr_troops = page.locator('td[data-row="FR"][data-issue="troops-in-ukraine"] a').get_attribute("title")
    assert "1 neutral" in fr_troops and "0 support" in fr_troops
    assert page.locator('td[data-row="FR"][data-issue="negotiations"]').count() == 1
    page.goto(base + "/matrix?review=reviewed")
    assert page.locator('td[data-row="DE"][data-issue="sanctions"]').count() == 1
    screenshot(page, "review-matrix")

    # The audit trail of each claim.
    for claim_id, action, text in (
        (ids["fr"], "edit", "neutral"),
        (ids["hu"], "reject", "rejected"),
        (ids["de"], "accept", "accepted"),
        (added.id, "create", "negotiations"),
    ):
        page.goto(f"{base}/claims/{claim_id}/history")
        row = page.locator(f'tr[data-action="{action}"]')
        assert row.count() == 1, (claim_id, action)
        assert "ed" in row.inner_text() and text in row.inner_text()
    assert page.request_log.foreign() == []
