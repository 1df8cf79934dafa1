"""Who said it: the subject of a speech or position verb, quotations and their speakers, hearsay, collectives."""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.extract.actors import Discourse, Ref
from app.extract.matcher import Hit

_COORDINATION = re.compile(r"^\s*(?:,|and|&|as well as|,\s*and|along with|together with)\s*$", re.IGNORECASE)
# Words that tie a named actor to a collective after it ("Scholz and other leaders", "among those leaders").
_MEMBERSHIP = re.compile(r"\b(?:among|other|such as|like|along with|including|joined)\b", re.IGNORECASE)
_AFTER_GAP = 30  # characters between an inverted verb and its subject ("said Zelensky", "according to X")
_QUOTES = re.compile(r"“[^”]{3,}?”|\"[^\"\n]{3,}?\"|«[^»]{3,}?»")
_INVERTING = ("according to", "statement from", "in a statement", "quoted", "cited")


@dataclass
class Speaker:
    """The actors a cue is attributed to, and how they were found."""

    refs: list[Ref]
    cue: Hit
    rule: str  # subject | inverted | pronoun | quote


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Return the (start, end) offsets of quotations in a text."""
    return [(m.start(), m.end()) for m in _QUOTES.finditer(text)]


def _resolve_pronoun(pronoun: Hit, discourse: Discourse) -> Ref | None:
    last = discourse.last_person(before=pronoun.start)
    if last is None:
        return None
    return Ref(pronoun.start, pronoun.end, last.name, "person", last.country, last.slug, "pronoun", role=last.role)


def subject_of(
    text: str, cue: Hit, refs: list[Ref], others: list[Hit], discourse: Discourse, *, lower: int, upper: int
) -> Speaker | None:
    """Return the actors a cue attributes to, looking between lower and upper (sentence or quote context)."""
    pronouns = [h for h in others if h.payload.kind == "pronoun" and lower <= h.start and h.end <= upper]
    blockers = [h for h in others if h.payload.kind in ("collective", "nonactor") and lower <= h.start]
    if cue.phrase not in _INVERTING:
        before = [r for r in refs if lower <= r.start and r.end <= cue.start and not r.possessive and not r.governed]
        pron = [p for p in pronouns if p.end <= cue.start]
        subject = before[-1] if before else None
        if pron and (subject is None or pron[-1].start > subject.end):
            ref = _resolve_pronoun(pron[-1], discourse)
            if ref is not None and not _blocked(text, ref, cue, blockers):
                return Speaker([ref], cue, "pronoun")
            subject = None
        if subject is not None:
            if _blocked(text, subject, cue, blockers):
                return None
            group = [subject]
            for ref in reversed(before[:-1]):
                if _COORDINATION.match(text[ref.end : group[-1].start]):
                    group.append(ref)
                else:
                    break
            return Speaker(list(reversed(group)), cue, "subject")
    # Inverted order: "said Zelensky", "according to German government sources".
    for ref in refs:
        if cue.end <= ref.start <= cue.end + _AFTER_GAP and ref.end <= upper:
            return Speaker([ref], cue, "inverted")
    for pron in pronouns:
        if cue.end <= pron.start <= cue.end + 3:
            ref = _resolve_pronoun(pron, discourse)
            if ref is not None:
                return Speaker([ref], cue, "pronoun")
    return None


def _blocked(text: str, subject: Ref, cue: Hit, blockers: list[Hit]) -> bool:
    """Return whether a collective, analyst or journalist stands between the subject and its verb."""
    for hit in blockers:
        if subject.end <= hit.start and hit.end <= cue.start:
            if hit.payload.kind == "nonactor":
                return True
            if not _MEMBERSHIP.search(text[subject.end : hit.start]):
                return True
    return False


def is_hearsay_context(text: str, subject: Ref, hearsay: list[Hit], says: list[Hit]) -> bool:
    """Return whether the subject sits inside someone's fear or guess ("they fear Macron will...")."""
    for h in hearsay:
        if h.end <= subject.start:
            if not any(h.end <= s.start and s.end <= subject.start for s in says):
                return True
    return False
