"""Split a text into sentences that keep their character offsets, in one linear regex pass."""

from __future__ import annotations

import re
from dataclasses import dataclass

# A sentence ends at . ! ? (optionally followed by closing quotes or brackets), then space and a capital,
# a digit or an opening quote; or at a line break. Abbreviations that end in a dot are checked afterwards.
# The regex starts with one class of every character a boundary starts with, so that the engine skips to those
# characters rather than trying the regex at each one (a tenth of the cost); a lookbehind then tells a line break
# from a stop. (The same as [.!?…]+["'”’)\]]*(?=\s+["'“‘(\[]?[A-Z0-9•])|\n+ .)
_BOUNDARY = re.compile(r"""[.!?…\n](?:(?<=\n)\n*|(?<=[.!?…])[.!?…]*["'”’)\]]*(?=\s+["'“‘(\[]?[A-Z0-9•]))""")
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "gen",
        "lt",
        "col",
        "sgt",
        "st",
        "jr",
        "sr",
        "inc",
        "ltd",
        "co",
        "corp",
        "vs",
        "etc",
        "no",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "u.s",
        "u.k",
        "e.u",
        "u.n",
        "a.m",
        "p.m",
        "i.e",
        "e.g",
        "approx",
        "dept",
        "gov",
        "sen",
        "rep",
    ]
)
MAX_SENTENCE = 600  # characters
_LAST_WORD = re.compile(r"([\w.]+)\.$")


@dataclass(frozen=True)
class Sentence:
    """A sentence and where it sits in the document (text == document[start:end])."""

    index: int
    start: int
    end: int
    text: str


def _is_abbreviation(text: str, end: int) -> bool:
    if text[end - 1] != ".":
        return False  # a closing quote or bracket after the stop: "... the end.”"
    before = text[end - 8 : end - 1]
    if len(before) == 7 and before.isalnum():
        return False  # a word of seven letters or more: longer than any abbreviation (and no initial)
    match = _LAST_WORD.search(text, max(0, end - 12), end)
    if not match:
        return False
    word = match.group(1).lower()
    # Single capital initials ("Joe R. Biden") and known abbreviations do not end a sentence.
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def split_sentences(text: str) -> list[Sentence]:
    """Return the sentences of a text with their offsets, whitespace trimmed."""
    sentences: list[Sentence] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        end = match.end()
        stop = match.group()
        if stop[0] == "." and stop[:2] != ".." and _is_abbreviation(text, end):
            continue
        _append(sentences, text, start, end)
        start = end
    _append(sentences, text, start, len(text))
    return sentences


def _append(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    # Run-on "sentences" (tables, lists, text without stops) are cut at a comma or a space: the rules look at
    # pairs of phrases within a sentence, so an unbounded sentence would make them quadratic.
    while end - start > MAX_SENTENCE:
        cut = max(text.rfind(", ", start, start + MAX_SENTENCE), text.rfind("; ", start, start + MAX_SENTENCE))
        if cut <= start + MAX_SENTENCE // 2:
            cut = text.rfind(" ", start, start + MAX_SENTENCE)
        if cut <= start:
            cut = start + MAX_SENTENCE
        else:
            cut += 1
        _append_one(sentences, text, start, cut)
        start = cut
    _append_one(sentences, text, start, end)


def _append_one(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    # str.strip drops what str.isspace calls space: one C call instead of a Python loop per character.
    piece = text[start:end]
    body = piece.lstrip()
    start += len(piece) - len(body)
    body = body.rstrip()
    if len(body) >= 2:
        sentences.append(Sentence(index=len(sentences), start=start, end=start + len(body), text=body))
