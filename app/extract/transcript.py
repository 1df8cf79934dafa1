"""Positions carried by the layout: transcript speaker labels and bulleted lists of actors.

In an interview transcript a line ending in a person's name and a colon ("Jens Stoltenberg:") labels what follows:
everything up to the next label is that person's speech, even without quotation marks or a verb of saying ("We
agree that Ukraine will join"). Only labels naming a known person count, so that "Note:" or "Update:" lines do not.

A lead ending in a colon and followed by bulleted items ("The following leaders ruled out such a step:" then one
actor per item) gives the lead's position to the actor named in each item.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable

from app.extract.actors import Ref
from app.extract.segment import Sentence

# A colon closing a line, then bulleted or numbered items, one per line.
_LIST_LEAD = re.compile(r":[ \t]*\n(?=\s*(?:[•·▪*–-]|\d{1,2}[.)])[ \t])")
_LIST_ITEM = re.compile(r"\s*(?:[•·▪*–-]|\d{1,2}[.)])[ \t]+([^\n]{1,200})")
_LABEL = re.compile(r"([A-Z][\w.’'-]+(?:[ \t]+[A-Z][\w.’'-]+){0,3}):[ \t]*$", re.MULTILINE)
_LINE_END_COLON = re.compile(r":[ \t]*$", re.MULTILINE)  # where a label can end: found fast, by its colon


def speaker_labels(
    text: str, sentences: list[Sentence], resolved: list[tuple[list[Ref], list]]
) -> list[tuple[int, int, Ref]]:
    """Return (start, end, speaker) of the stretches of a transcript that follow a speaker label."""
    if ":" not in text:
        return []
    starts = [s.start for s in sentences]
    found: list[tuple[int, Ref | None]] = []  # (where the label ends, who it names) in text order
    for colon in _LINE_END_COLON.finditer(text):
        # A label lies within one line (its words and spaces never cross a newline), so only the lines that end
        # in a colon are searched, from their start: the same labels as a search of the whole text, for less.
        m = _LABEL.search(text, text.rfind("\n", 0, colon.start()) + 1, colon.end())
        if m is None:
            continue
        i = bisect.bisect_right(starts, m.start(1)) - 1
        refs = resolved[i][0] if i >= 0 else []
        person = next((r for r in refs if r.type == "person" and m.start(1) <= r.start and r.end <= m.end(1)), None)
        found.append((m.end(), person))
    spans = []
    for k, (end, person) in enumerate(found):
        upper = found[k + 1][0] if k + 1 < len(found) else len(text)
        if person is not None:
            spans.append((end, upper, person))
    return spans


def labelled(spans: list[tuple[int, int, Ref]], offset: int) -> Ref | None:
    """Return the speaker whose labelled stretch holds an offset, or None."""
    i = bisect.bisect_right(spans, offset, key=lambda span: span[0]) - 1
    if i >= 0 and offset < spans[i][1]:
        return spans[i][2]
    return None


def list_holders(
    text: str,
    after: int,
    end: int,
    sentence_at: Callable[[int], int | None],
    resolved: list[tuple[list[Ref], list]],
) -> list[Ref]:
    """Return the actors named one per bulleted item after a lead's colon (between after and end), else []."""
    colon = text.find(":", after, end + 1)
    lead = _LIST_LEAD.match(text, colon) if colon >= 0 else None
    if lead is None:
        return []
    items = []
    position = lead.end()
    while (m := _LIST_ITEM.match(text, position)) is not None:
        items.append((m.start(1), m.end(1)))
        position = m.end()
    if not items:
        return []
    first, last = sentence_at(items[0][0]), sentence_at(items[-1][1] - 1)
    if first is None or last is None:
        return []
    refs = [r for k in range(first, last + 1) for r in resolved[k][0]]
    holders = []
    for start, stop in items:
        named = next((r for r in refs if start <= r.start and r.end <= stop and not r.possessive), None)
        if named is not None:
            holders.append(named)
    return holders
