"""Exact hashes ignore case and spacing; MinHash LSH bands find syndicated copies and not different stories."""

from __future__ import annotations

from app.ingest.hashing import (
    band_keys,
    content_hash,
    jaccard,
    minhash,
    shingles,
    signature_bytes,
    signature_from_bytes,
)
from tests.ingest.factories import make_article


def test_content_hash_normalises_case_spacing_and_quotes():
    assert content_hash("He said “no”  to\nthe plan.") == content_hash('he said "no" to the plan.')
    assert content_hash("a b c") != content_hash("a b d")


def test_syndicated_copy_shares_bands_and_a_high_jaccard():
    original = make_article(11)
    copy = "Republished from a partner site\n\n" + original.replace("The chancellor", "The Chancellor") + "\nTags: x"
    assert jaccard(shingles(original), shingles(copy)) >= 0.8
    assert set(band_keys(minhash(original))) & set(band_keys(minhash(copy)))


def test_different_articles_share_no_or_few_bands():
    overlaps = [
        len(set(band_keys(minhash(make_article(i)))) & set(band_keys(minhash(make_article(i + 1)))))
        for i in range(100, 140)
    ]
    assert sum(1 for n in overlaps if n) <= 2


def test_signature_bytes_round_trip():
    sig = minhash(make_article(3))
    again = signature_from_bytes(signature_bytes(sig))
    assert again.jaccard(sig) == 1.0
    assert band_keys(signature_bytes(sig)) == band_keys(sig)
