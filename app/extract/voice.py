"""Whose voice a text speaks in when no sentence names its speaker: joint statements and meeting readouts.

A joint statement names its signatories once, in its opening sentence ("Gathered in Vilnius, the President of X
and the Prime Ministers of Y and Z ..."), then speaks in the first person plural ("We call for ...", "We reaffirm
..."): every unattributed sentence of it outside quotation marks is a position of each signatory. Only a text
that opens by naming two or more leaders (or governments) and then speaks as "We" at least twice counts, so that a
news report quoting someone's "we" without quotation marks does not.

A readout names the two sides of a call or a meeting ("the Prime Minister spoke with the President of X") and then
reports what "they" or "the two leaders" did: the pair is a group for the pronoun, like "X and Y".
"""

from __future__ import annotations

import re

from app.extract.actors import Ref
from app.extract.segment import Sentence

# A sentence that speaks as "we" (not inside a quotation): "We call on ...", "We, the leaders of ..., ...".
_WE = re.compile(r"\s*[“\"‘']?(?:We|Our|Together,? we)\b")
_OPENING_SENTENCES = 2  # the signatories are named in the heading or the first sentence
_WE_SENTENCES = 2  # sentences spoken as "we" that make a text a statement
# The two sides of a call or a meeting: "X spoke with Y", "X met (with) Y", "X held talks with Y".
_MEETING = re.compile(
    r"\s*(?:,\s*)?(?:(?:also|today|on \w+day|yesterday)\s+)?"
    r"(?:spoke|speaks|talked|talks|met|meets|hosted|hosts|received|receives|welcomed"
    r"|held (?:talks|a (?:phone |telephone |video )?(?:call|conversation|meeting))"
    r"|had (?:talks|a (?:phone |telephone |video )?(?:call|conversation|meeting)))"
    r"(?:\s+(?:by phone|by telephone|virtually|today))?\s+(?:with\s+)?"
    r"(?:(?:the\s+)?[^,.;]{0,50},\s*)?(?:the\s+)?$",
    re.IGNORECASE,
)


def meeting_pairs(text: str, refs: list[Ref]) -> list[list[Ref]]:
    """Return the pair of people who met or spoke ("the Prime Minister, Mark Carney, spoke with the President of
    X, Jan Kowalski"), as a group that "they" and "the two leaders" can stand for."""
    people = [r for r in refs if r.type == "person" and not r.possessive]
    for k, first in enumerate(people[:-1]):
        if first.governed:
            continue
        second = people[k + 1]
        if _MEETING.fullmatch(text, first.end, second.start) and first.name != second.name:
            return [[first, second]]
    return []


def document_voice(
    text: str, sentences: list[Sentence], resolved: list[tuple[list[Ref], list]], quotes: list[tuple[int, int]]
) -> tuple[int, list[Ref]]:
    """Return (the index of the sentence that names them, the signatories) of a joint statement, else (-1, [])."""
    spoken = 0
    for sentence in sentences[_OPENING_SENTENCES:]:
        if _WE.match(sentence.text) and not _quoted(quotes, sentence.start):
            spoken += 1
            if spoken >= _WE_SENTENCES:
                break
    if spoken < _WE_SENTENCES:
        return -1, []
    for sentence in sentences[:_OPENING_SENTENCES]:
        refs = resolved[sentence.index][0]
        for kind in ("person", "government"):
            named: dict[str, Ref] = {}
            for ref in refs:
                if ref.type == kind and not (ref.possessive or ref.governed) and not _quoted(quotes, ref.start):
                    named.setdefault(ref.name, ref)
            if len(named) >= 2:
                return sentence.index, list(named.values())
    return -1, []


def _quoted(quotes: list[tuple[int, int]], offset: int) -> bool:
    return any(start <= offset < end for start, end in quotes)
