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
from collections.abc import Iterable, Sequence
from operator import itemgetter
from typing import Any, NamedTuple

import ahocorasick

_WORD_TAIL = re.compile(r"[\w'’-]*")
_START, _END = itemgetter(0), itemgetter(1)  # a hit's start and end, as sort keys
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


# A named tuple's __new__ is a Python function; tuple.__new__ builds the same hit in C (a document makes hundreds).
_hit = tuple.__new__


def lowercase(text: str) -> str:
    """Return text in lower case with every character at its offset: "İ" is the one character whose lower case is
    two ("i" and a combining dot), which would shift every offset after it."""
    return text.replace("İ", "I").lower() if "İ" in text else text.lower()


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
        # Plain phrases by lower-case key: (phrase, wildcard, payload, the phrase when it must match its case).
        self._keys: dict[str, list[tuple[str, bool, Any, str | None]]] = {}
        # Gap and inner-wildcard phrases: (regex, phrase, payload), tried where their first word is found.
        self._patterns: list[tuple[re.Pattern, str, Any]] = []
        self._firsts: list[str] = []  # per pattern: its first word, the automaton key that triggers it
        self._needles: list[str] = []  # per pattern: a later word it cannot match without
        case_sensitive = frozenset(case_sensitive)
        for phrase, payload in entries:
            phrase = " ".join(phrase.split())
            if not phrase:
                continue
            words = phrase.split()
            if ".." in words or any(w.endswith("*") for w in words[:-1]):
                pattern = re.compile(_phrase_regex(phrase.lower()) + r"(?![\w])", re.IGNORECASE)
                self._patterns.append((pattern, phrase, payload))
                later = [w.rstrip("*") for w in phrase.lower().split()[1:] if w != ".."]
                self._needles.append(max(later, key=len) if later else "")
                self._firsts.append(words[0].rstrip("*").lower())
                continue
            wildcard = phrase.endswith("*")
            exact = phrase.rstrip("*") if phrase in case_sensitive else None
            self._keys.setdefault(phrase.rstrip("*").lower(), []).append((phrase, wildcard, payload, exact))
        # Built on the first own find: a dictionary matched only within PhraseMatchers never needs its own.
        self._compiled: _Automaton | None = None

    def find(self, text: str, lowered: str | None = None) -> list[Hit]:
        """Return every whole-word hit in text, sorted by start then longest first."""
        if self._compiled is None:
            self._compiled = _Automaton([self])
        return self._compiled.find(text, lowered)[0]


class PhraseMatchers:
    """Several phrase dictionaries matched in one pass over a text, each hit sorted out to its own dictionary."""

    # One automaton walk costs about as much as a pass over the text; an extractor with six dictionaries walks once.

    def __init__(self, matchers: Sequence[PhraseMatcher]) -> None:
        self._compiled = _Automaton(matchers)

    def find(self, text: str, lowered: str | None = None) -> list[list[Hit]]:
        """Return, per dictionary in the order given, what PhraseMatcher.find would return."""
        return self._compiled.find(text, lowered)


class _Automaton:
    """The Aho-Corasick automaton of one or more phrase dictionaries, and the walk that turns its output into hits."""

    def __init__(self, matchers: Sequence[PhraseMatcher]) -> None:
        self._automaton = ahocorasick.Automaton()
        self._size = len(matchers)
        self._patterns: list[tuple[re.Pattern, str, Any, int]] = []  # with the dictionary's index
        values: dict[str, list] = {}
        triggers: dict[str, dict[str, list[int]]] = {}  # first word -> needle -> patterns
        for index, matcher in enumerate(matchers):
            for key, entries in matcher._keys.items():
                values.setdefault(key, []).extend((*entry, index) for entry in entries)
            for (pattern, phrase, payload), first, needle in zip(
                matcher._patterns, matcher._firsts, matcher._needles, strict=True
            ):
                self._patterns.append((pattern, phrase, payload, index))
                triggers.setdefault(first, {}).setdefault(needle, []).append(len(self._patterns) - 1)
        for key in values.keys() | triggers.keys():
            # Per key, decided once here rather than per hit: whether a word character before or after the key
            # would put it inside a longer word. Patterns are grouped by needle: one look per needle, not per pattern.
            triggered = tuple((needle, tuple(at)) for needle, at in triggers.get(key, {}).items())
            # The key's length less one: a hit's start is the automaton's end index less it.
            entry = (len(key) - 1, _is_word(key[0]), _is_word(key[-1]), tuple(values.get(key, ())), triggered)
            self._automaton.add_word(key, entry)
        self._empty = not (values or triggers)
        if not self._empty:
            self._automaton.make_automaton()

    def find(self, text: str, lowered: str | None = None) -> list[list[Hit]]:
        """Return every whole-word hit in text per dictionary, each list sorted by start then longest first."""
        lowered = lowered if lowered is not None else lowercase(text)
        found: list[list[Hit]] = [[] for _ in range(self._size)]
        if self._empty:
            return found
        size = len(lowered)
        patterns = self._patterns
        for last, (back, word_start, word_end, values, triggered) in self._automaton.iter(lowered):
            start = last - back
            if word_start and start:
                before = lowered[start - 1]
                if before.isalnum() or before == "_":  # _is_word, inlined: this runs for every hit
                    continue  # inside a word
            if triggered:  # most keys trigger no pattern: skip the loop's set-up
                # The phrase's longest later word must follow within its reach before the regex is tried: "in" on
                # one slice of the reach per key, for all its needles, costs less than a str.find call per needle
                # (lowered.find(needle, start, start + _REACH) >= 0, the same test).
                reach = lowered[start : start + _REACH]
                for needle, indices in triggered:
                    if needle not in reach:
                        continue
                    for index in indices:
                        pattern, phrase, payload, out = patterns[index]
                        m = pattern.match(lowered, start)
                        if m:
                            found[out].append(_hit(Hit, (start, m.end(), phrase, payload)))
                if not values:
                    continue
            end = last + 1
            goes_on = word_end and end < size and (lowered[end].isalnum() or lowered[end] == "_")
            for phrase, wildcard, payload, exact, out in values:
                if wildcard:
                    stop = _WORD_TAIL.match(lowered, end).end()
                elif goes_on:
                    continue  # the word goes on
                else:
                    stop = end
                if exact is not None and not text.startswith(exact, start):
                    continue
                found[out].append(_hit(Hit, (start, stop, phrase, payload)))
        for hits in found:
            # By start, then longest first: two sorts on C-level keys (a stable sort keeps the first one's order
            # among equal starts), cheaper than one on a Python key.
            hits.sort(key=_END, reverse=True)
            hits.sort(key=_START)
        return found


def _is_word(char: str) -> bool:
    """Return whether a character is a word character (regular expressions' \\w)."""
    return char.isalnum() or char == "_"


def drop_overlaps(hits: list[Hit]) -> list[Hit]:
    """Keep the longest of overlapping hits (hits sorted by start, longest first)."""
    kept: list[Hit] = []
    for hit in hits:
        if kept:
            # The last kept hit, read once; its start is compared first (it settles most pairs without building
            # tuples).
            last = kept[-1]
            if hit.start == last.start and hit.end == last.end and hit.phrase == last.phrase:
                if getattr(hit.payload, "carried", False) and hit.payload != last.payload:
                    kept.append(hit)  # a reference standing for several things ("the initiative": a truce and talks)
                continue
            if hit.start < last.end:
                if hit.end - hit.start > last.end - last.start:
                    kept[-1] = hit
                continue
        kept.append(hit)
    return kept
