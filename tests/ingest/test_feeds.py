"""Feeds: parsed from bytes, entries listed with links and dates, entity declarations refused."""

from __future__ import annotations

from datetime import date

import pytest

from app.ingest.errors import IngestError
from app.ingest.feeds import parse_feed

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Example Wire</title><link>https://example.org/</link>
<item><title>First story</title><link>https://example.org/a</link>
<pubDate>Tue, 19 Mar 2024 08:00:00 GMT</pubDate></item>
<item><title>Second story</title><link>https://example.org/b</link></item>
<item><title>No link</title></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom wire</title>
<entry><title>Atom story</title><link href="https://example.org/c"/><updated>2023-01-24T10:00:00Z</updated></entry>
</feed>"""


def test_rss_and_atom_entries():
    entries = parse_feed(RSS.encode(), origin="rss")
    assert [(e.link, e.title, e.published_on) for e in entries] == [
        ("https://example.org/a", "First story", date(2024, 3, 19)),
        ("https://example.org/b", "Second story", None),
        (None, "No link", None),
    ]
    (atom,) = parse_feed(ATOM.encode(), origin="atom")
    assert (atom.link, atom.published_on) == ("https://example.org/c", date(2023, 1, 24))


def test_entity_declarations_are_refused(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE")
    xxe = f"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://{secret}">]>
<rss version="2.0"><channel><title>&xxe;</title>
<item><title>&xxe;</title><link>https://example.org/x</link></item></channel></rss>"""
    with pytest.raises(IngestError) as err:
        parse_feed(xxe.encode(), origin="evil")
    assert err.value.reason == "bad feed" and "entities" in err.value.detail
    laughs = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><rss/>'
    with pytest.raises(IngestError):
        parse_feed(laughs.encode(), origin="laughs")


def test_not_a_feed():
    with pytest.raises(IngestError) as err:
        parse_feed(b"<html><body>hello</body></html>", origin="page")
    assert err.value.reason == "bad feed"
