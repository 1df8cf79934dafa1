"""Interview transcripts: a line ending in a person's name and a colon ("Jens Stoltenberg:") labels what follows.

Everything after such a label, up to the next label, is that person's speech, even without quotation marks or a
verb of saying ("We agree that Ukraine will join"). Only labels naming a known person count, so that "Note:" or
"Update:" lines do not.
"""

from __future__ import annotations

import bisect
import re

from app.extract.actors import Ref
from app.extract.segment import Sentence

_LABEL = re.compile(r"([A-Z][\w.’'-]+(?:[ \t]+[A-Z][\w.’'-]+){0,3}):[ \t]*$", re.MULTILINE)


def speaker_labels(
    text: str, sentences: list[Sentence], resolved: list[tuple[list[Ref], list]]
) -> list[tuple[int, int, Ref]]:
    """Return (start, end, speaker) of the stretches of a transcript that follow a speaker label."""
    if ":" not in text:
        return []
    starts = [s.start for s in sentences]
    found: list[tuple[int, Ref | None]] = []  # (where the label ends, who it names) in text order
    for m in _LABEL.finditer(text):
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
