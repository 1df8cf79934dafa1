"""Content hashes for exact duplicates, MinHash signatures and LSH band keys for near-duplicates (datasketch)."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 128
# Word 3-gram shingles and a Jaccard of 0.5 catch syndicated copies with other furniture and light re-spins, while
# two different articles on the same story stay far below it.
SHINGLE_WORDS = 3
NEAR_DUPLICATE_JACCARD = 0.5
_SEED = 1
_WORD = re.compile(r"\w+", re.UNICODE)
_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00a0": " "})


def normalise(text: str) -> str:
    """Return the text in the form two copies of one article share: NFKC, case-folded, quotes and spaces unified."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold()
    return " ".join(text.split())


def content_hash(text: str) -> str:
    """Return the SHA-256 of the normalised text (64 hex digits)."""
    return hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()


def shingles(text: str) -> set[bytes]:
    """Return the set of word 3-grams of the normalised text."""
    words = _WORD.findall(normalise(text))
    if len(words) < SHINGLE_WORDS:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i : i + SHINGLE_WORDS]).encode("utf-8") for i in range(len(words) - SHINGLE_WORDS + 1)}


def jaccard(a: set[bytes], b: set[bytes]) -> float:
    """Return the exact Jaccard similarity of two shingle sets."""
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


@lru_cache(maxsize=1)
def _lsh() -> MinHashLSH:
    # Only for its banding (b bands of r rows, chosen by datasketch for the threshold); nothing is inserted.
    return MinHashLSH(threshold=NEAR_DUPLICATE_JACCARD, num_perm=NUM_PERM)


@lru_cache(maxsize=1)
def _template() -> MinHash:
    # Building the permutations is the slow part of a MinHash; copies share them.
    return MinHash(num_perm=NUM_PERM, seed=_SEED)


def minhash(text: str) -> MinHash:
    """Return the MinHash of the text's shingles."""
    sig = _template().copy()
    sig.update_batch(list(shingles(text)))
    return sig


def signature_bytes(sig: MinHash) -> bytes:
    """Return a MinHash's hash values as bytes for document.minhash (uint32, little-endian)."""
    return np.asarray(sig.hashvalues, dtype="<u4").tobytes()


def signature_from_bytes(data: bytes) -> MinHash:
    """Rebuild a MinHash from document.minhash bytes."""
    values = np.frombuffer(data, dtype="<u4").astype(_template().hashvalues.dtype)
    return MinHash(num_perm=len(values), seed=_SEED, hashvalues=values, scheme=_template().scheme)


def band_keys(sig: MinHash | bytes) -> list[str]:
    """Return the LSH band keys of a signature (or its bytes): documents sharing one are near-duplicate candidates."""
    if isinstance(sig, bytes):
        values = np.frombuffer(sig, dtype="<u4")
    else:
        values = np.asarray(sig.hashvalues, dtype="<u4")
    keys = []
    for i, (start, end) in enumerate(_lsh().hashranges):
        digest = hashlib.blake2b(values[start:end].tobytes(), digest_size=8).hexdigest()
        keys.append(f"{i:02d}{digest}")
    return keys
