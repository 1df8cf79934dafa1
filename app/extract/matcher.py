"""A phrase dictionary compiled once into an Aho-Corasick automaton, matched in one pass over a text.

Phrase syntax (shared by the cue vocabularies and the issue lexicons):
- words match whole words, case-insensitively ("ground troops");
- a trailing "*" on the last word matches any ending ("negotiat*" matches "negotiations");
- "..", between words, allows a gap of up to three words ("send .. troops" matches "send Polish troops"), not
  ending inside a hyphenated compound and holding no negation ("not", "never", "no", "won't");
  such phrases, and those with "*" inside, become regular expressions that are only tried where the automaton
  found their first word, so a text is still scanned once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any, NamedTuple

import ahocorasick

_WORD_TAIL = re.compile(r"[\w'’-]*")
_REACH = 240  # characters: a gap phrase longer than this (three gap words of 60+ characters) is not looked for
# A gap ends before a whole word: "provide anti-aircraft" is no "provide .. aircraft" (a compound's tail is no word).
# It holds no negation: "troops should not be sent" is no "troops .. be sent" (the phrase would hide the "not").
_GAP = r"(?:\W+(?!(?:not|never|no)\b|[\w-]*n['’]t\b)[\w'’-]+){0,3}?\W+(?<!-)"


class Hit(NamedTuple):
    """One phrase found in a text: where, which phrase, and the payload it was registered with."""

    # A named tuple rather than a frozen dataclass: a document makes hundreds of hits, and a tuple is built in C.

    start: int
    end: int
    phrase: str
    payload: Any


def _phrase_regex(phrase: str) -> str:
    parts = []
    for word in phrase.split():
        if word == "..":
            parts.append(_GAP)
            continue
        if parts and parts[-1] != _GAP:
            parts.append(r"\s+")
        wildcard = word.endswith("*")
        core = re.escape(word.rstrip("*"))
        parts.append(core + (r"[\w'’-]*" if wildcard else ""))
    return "".join(parts)


class PhraseMatcher:
    """Match many phrases at once; each phrase carries a payload (an issue and polarity, a role...)."""

    def __init__(self, entries: Iterable[tuple[str, Any]], *, case_sensitive: Iterable[str] = ()) -> None:
        self._automaton = ahocorasick.Automaton()
        self._patterns: list[tuple[re.Pattern, str, Any]] = []
        self._needles: list[str] = []  # per pattern: a word it cannot match without
        keys: dict[str, list[tuple[str, bool, Any]]] = {}
        regex_parts: list[tuple[str, Any]] = []
        for phrase, payload in entries:
            phrase = " ".join(phrase.split())
            if not phrase:
                continue
            words = phrase.split()
            if ".." in words or any(w.endswith("*") for w in words[:-1]):
                regex_parts.append((phrase, payload))
                continue
            wildcard = phrase.endswith("*")
            key = phrase.rstrip("*").lower()
            keys.setdefault(key, []).append((phrase, wildcard, payload))
        triggers: dict[str, list[int]] = {}
        for phrase, payload in regex_parts:
            pattern = re.compile(_phrase_regex(phrase.lower()) + r"(?![\w])", re.IGNORECASE)
            self._patterns.append((pattern, phrase, payload))
            later = [w.rstrip("*") for w in phrase.lower().split()[1:] if w != ".."]
            self._needles.append(max(later, key=len) if later else "")
            first = phrase.split()[0].rstrip("*").lower()
            triggers.setdefault(first, []).append(len(self._patterns) - 1)
        case_sensitive = frozenset(case_sensitive)
        for key in keys.keys() | triggers.keys():
            # Per key, decided once here rather than per hit: whether a word character before or after the key
            # would put it inside a longer word, and which phrases must also match case-sensitively.
            values = tuple(
                (phrase, wildcard, payload, phrase.rstrip("*") if phrase in case_sensitive else None)
                for phrase, wildcard, payload in keys.get(key, [])
            )
            entry = (len(key), _is_word(key[0]), _is_word(key[-1]), values, tuple(triggers.get(key, [])))
            self._automaton.add_word(key, entry)
        self._empty = not (keys or triggers)
        if not self._empty:
            self._automaton.make_automaton()

    def find(self, text: str, lowered: str | None = None) -> list[Hit]:
        """Return every whole-word hit in text, sorted by start then longest first."""
        lowered = lowered if lowered is not None else text.lower()
        hits: list[Hit] = []
        if self._empty:
            return hits
        size = len(lowered)
        patterns, needles = self._patterns, self._needles
        for last, (length, word_start, word_end, values, triggered) in self._automaton.iter(lowered):
            start, end = last - length + 1, last + 1
            if word_start and start > 0:
                before = lowered[start - 1]
                if before.isalnum() or before == "_":  # _is_word, inlined: this runs for every hit
                    continue  # inside a word
            for index in triggered:
                # The phrase's longest later word must follow within its reach before the regex is tried.
                if lowered.find(needles[index], start, start + _REACH) < 0:
                    continue
                pattern, phrase, payload = patterns[index]
                m = pattern.match(lowered, start)
                if m:
                    hits.append(Hit(start, m.end(), phrase, payload))
            if not values:
                continue
            goes_on = word_end and end < size and (lowered[end].isalnum() or lowered[end] == "_")
            for phrase, wildcard, payload, exact in values:
                stop = end
                if wildcard:
                    stop = _WORD_TAIL.match(lowered, end).end()
                elif goes_on:
                    continue  # the word goes on
                if exact is not None and not text.startswith(exact, start):
                    continue
                hits.append(Hit(start, stop, phrase, payload))
        hits.sort(key=_order)
        return hits


def _is_word(char: str) -> bool:
    """Return whether a character is a word character (regular expressions' \\w)."""
    return char.isalnum() or char == "_"


def _order(hit: Hit) -> tuple[int, int]:
    return hit.start, hit.start - hit.end


def drop_overlaps(hits: list[Hit]) -> list[Hit]:
    """Keep the longest of overlapping hits (hits sorted by start, longest first)."""
    kept: list[Hit] = []
    for hit in hits:
        if kept and (hit.start, hit.end, hit.phrase) == (kept[-1].start, kept[-1].end, kept[-1].phrase):
            if getattr(hit.payload, "carried", False) and hit.payload != kept[-1].payload:
                kept.append(hit)  # a reference standing for several things ("the initiative": a truce and talks)
            continue
        if kept and hit.start < kept[-1].end:
            if hit.end - hit.start > kept[-1].end - kept[-1].start:
                kept[-1] = hit
            continue
        kept.append(hit)
    return kept
