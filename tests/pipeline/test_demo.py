"""`posture demo` builds the demo database once through the real pipeline and reuses it."""

from __future__ import annotations

from app.pipeline.demo import build_demo, corpus_files


def test_build_demo_then_reuse(db, settings):
    first = build_demo(db, settings=settings)
    assert first.built
    assert first.documents == len(corpus_files()) >= 40
    assert first.claims > 100
    again = build_demo(db, settings=settings)
    assert not again.built
    assert (again.documents, again.claims) == (first.documents, first.claims)
