"""Walking inputs: folders recursively, hidden files skipped, progress totals."""

from __future__ import annotations

from app.config import Settings
from app.ingest import Feed, Upload, iter_items
from app.ingest.sources import count_documents
from tests.ingest.factories import make_article


def test_folders_are_walked_recursively_in_order_skipping_hidden_and_other_files(tmp_path):
    (tmp_path / "b" / "deep").mkdir(parents=True)
    (tmp_path / ".git").mkdir()
    (tmp_path / "a.txt").write_text(make_article(1))
    (tmp_path / "b" / "deep" / "c.md").write_text(make_article(2))
    (tmp_path / "b" / "d.htm").write_text(f"<html><body><article><p>{make_article(3)}</p></article></body></html>")
    (tmp_path / ".git" / "e.txt").write_text(make_article(4))
    (tmp_path / ".hidden.txt").write_text(make_article(5))
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    items = list(iter_items([tmp_path], settings=Settings(_env_file=None)))
    names = [item.source.rsplit("/", 1)[-1] for item in items]
    assert names == ["a.txt", "d.htm", "c.md"]  # sorted by name within each folder: b/d.htm before b/deep
    assert all(item.record and item.record.minhash and item.record.language == "en" for item in items)
    assert count_documents([tmp_path]) == 3
    assert count_documents([tmp_path, str(tmp_path / "a.txt")]) == 4
    assert count_documents(["https://example.org/"]) is None
    assert count_documents([Feed("https://example.org/feed")]) is None
    assert count_documents([Upload("x.txt", b"")]) is None
