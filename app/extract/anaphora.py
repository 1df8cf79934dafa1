"""Issue anaphora: "the plan", "such a deployment", "the mission" take the issue of an earlier sentence.

A sentence that names no issue but refers back with a definite noun phrase of a generic head ("remains
unconvinced by the plan", "ruled out taking part in the mission") is about the issue of the nearest earlier
sentence that named one. The reference becomes an issue hit of that issue, so that attribution and stance
are read in the referring sentence as for any other issue phrase.
"""

from __future__ import annotations

import re
from dataclasses import replace

from app.extract.matcher import Hit
from app.extract.segment import Sentence
from app.extract.stance import IssueCue

# Determiners that point back, and generic heads that stand for a proposal, an operation or a weapon.
_ANAPHOR = re.compile(
    # Heads that name a proposal, an operation or a weapon refer back after any definite determiner.
    r"\b(?:the|this|that|such an?|these|those|such)\s+"
    r"(?:(?:proposed|planned|suggested|same|whole|entire|bilateral|similar|new)\s+)?"
    # A nationality before the head ("the Russian demand", "the French proposal").
    r"(?:(?:russian|ukrainian|american|european|french|german|british|polish|hungarian|eu|us|kremlin's)\s+)?"
    r"(?:plan|plans|idea|ideas|proposal|proposals|mission|deployment|initiative|scheme|force|missiles|jets"
    r"|demand|demands|project|programme|program|venture|package)\b"
    # Abstract heads ("approach", "option", "step") only after a pointing determiner: "the approach pursued by
    # Washington" is a description, "such an approach" a reference.
    r"|\b(?:this|that|such an?|such)\s+(?:approach|option|move|step|operation|opportunity|possibility|scenario"
    r"|issue|matter|call|conversation|meeting|visit|agreement|deal)\b",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(r", (?:while|whereas|but|and|however)\b|;| but ")
_LOOK_BACK = 2  # sentences: a reference further back is too loosely tied to be read as the same issue


def carry_issues(text: str, sentences: list[Sentence], buckets: list[list[Hit]]) -> list[list[Hit]]:
    """Return issue hits with the back-references of issue-less sentences added, one per sentence."""
    carried = list(buckets)
    last: tuple[int, list[IssueCue]] | None = None  # (sentence index, cues) of the latest sentence naming issues
    for sentence in sentences:
        i = sentence.index
        own = [h for h in buckets[i] if h.payload.polarity != 0]
        if own:
            # A later clause of the same sentence may refer back too ("X called the force unacceptable, while
            # Y described such a deployment as ...").
            latest = max(own, key=lambda h: h.end)
            m = _ANAPHOR.search(text, latest.end, sentence.end)
            if m is not None and _CLAUSE_BREAK.search(text, latest.end, m.start()):
                carried[i] = [*buckets[i], Hit(m.start(), m.end(), m.group(0).lower(), latest.payload)]
            # A proposal of several things ("a ceasefire and talks") is referred to as a whole: every issue of
            # the sentence is carried, each with the polarity of its last phrase.
            cues = {h.payload.issue: h.payload for h in sorted(own, key=lambda h: h.end)}
            last = (i, list(cues.values()))
            continue
        if last is None or i - last[0] > _LOOK_BACK:
            continue
        m = _ANAPHOR.search(text, sentence.start, sentence.end)
        if m is None:
            continue
        # The earlier phrase's polarity is kept: "the idea" after "territorial concessions" still means them.
        refs = [Hit(m.start(), m.end(), m.group(0).lower(), replace(cue, carried=True)) for cue in last[1]]
        carried[i] = [*buckets[i], *refs]
        # A reference keeps the topic alive: "the project" said again three sentences on still means it.
        last = (i, last[1])
    return carried
