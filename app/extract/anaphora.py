"""Issue anaphora: "the plan", "such a deployment", "the mission" take the issue of an earlier sentence.

A sentence that names no issue but refers back with a definite noun phrase of a generic head ("remains
unconvinced by the plan", "ruled out taking part in the mission") is about the issue of the nearest earlier
sentence that named one. The reference becomes an issue hit of that issue, so that attribution and stance
are read in the referring sentence as for any other issue phrase.
"""

from __future__ import annotations

import re
from dataclasses import replace
from operator import attrgetter

from app.extract.matcher import Hit, lowercase
from app.extract.segment import Sentence
from app.extract.stance import IssueCue, in_backdrop, resolve_overlaps

# Determiners that point back, and generic heads that stand for a proposal, an operation or a weapon.
_ANAPHOR = re.compile(
    # Heads that name a proposal, an operation or a weapon refer back after any definite determiner.
    r"\b(?:the|this|that|such an?|these|those|such)\s+"
    r"(?:(?:proposed|planned|suggested|same|whole|entire|bilateral|similar|new)\s+)?"
    # A nationality before the head ("the Russian demand", "the French proposal").
    r"(?:(?:russian|ukrainian|american|european|french|german|british|polish|hungarian|eu|us|kremlin's)\s+)?"
    r"(?:plan|plans|idea|ideas|proposal|proposals|mission|deployment|initiative|scheme|force|missiles|jets"
    r"|demand|demands|project|programme|program|venture|package|agreement|agreements|pact|accord"
    r"|transfer|delivery|deliveries|shipment|shipments)\b"
    # Abstract heads ("approach", "option", "step") only after a pointing determiner: "the approach pursued by
    # Washington" is a description, "such an approach" a reference.
    r"|\b(?:this|that|such an?|such)\s+(?:(?:bilateral|similar|new|phone)\s+)?"
    r"(?:approach|option|move|step|operation|opportunity|possibility|scenario"
    r"|issue|matter|call|conversation|meeting|visit|agreement|deal|fund|mechanism|instrument|loan)\b"
    # "a similar agreement", "a similar one": the same kind of thing as before.
    r"|\ba\s+similar\s+(?:agreement|deal|pact|accord|one|step|move|plan)\b",
)  # matched against the lower-cased text
# A head that an indefinite complement describes ("the idea of a trilateral summit") names a new thing.
_NEW_THING = re.compile(r"\s+(?:of|for)\s+(?:a|an)\s")
_CLAUSE_BREAK = re.compile(r", (?:while|whereas|but|and|however)\b|;| but ")
_WORDS = re.compile(r"[a-z]+")
_HEAD_LOOK_BACK = 5  # sentences: the same head noun ("agreement") ties a reference to a phrase from further back
_LOOK_BACK = 2  # sentences: a reference further back is too loosely tied to be read as the same issue


_END = attrgetter("end")  # a hit's end, as a key read in C rather than by a lambda
_DEFINITE = frozenset({"the", "its", "their", "his", "her", "any"})


def _said_anew(lowered: str, sentence: Sentence) -> set[str]:
    """Return the words of a sentence (plural s dropped) that are not after a definite determiner ("a rescue
    mission" says "mission" anew; "the force" refers back to a force said before)."""
    words = _WORDS.findall(lowered, sentence.start, sentence.end)
    return {w.rstrip("s") for before, w in zip(["", *words], words, strict=False) if before not in _DEFINITE}


def carry_issues(text: str, sentences: list[Sentence], buckets: list[list[Hit]]) -> list[list[Hit]]:
    """Return issue hits with the back-references of issue-less sentences added, one per sentence."""
    lowered = lowercase(text)
    carried = list(buckets)
    last: tuple[int, list[IssueCue]] | None = None  # (sentence index, cues) of the latest sentence naming issues
    # (sentence index, sentence, cues) of recent issue sentences; the words each says anew are read when needed
    said: list[tuple[int, Sentence, list[IssueCue]]] = []
    named: list[tuple[int, str, IssueCue]] = []  # (sentence index, words, cue) of recent issue phrases
    for sentence in sentences:
        i = sentence.index
        # The phrases that stand, as issue_hits reads them: not "reassurance" inside "reassurance force", nor the
        # ceasefire of a look-alike ("after a ceasefire"). (The backdrop is only looked for where there are phrases.)
        own = []
        if buckets[i]:
            backdrop = in_backdrop(lowered, sentence.start)
            own = [h for h in resolve_overlaps(buckets[i]) if h.payload.polarity != 0 and h.start >= backdrop]
        if own:
            # A later clause of the same sentence may refer back too ("X called the force unacceptable, while
            # Y described such a deployment as ...").
            latest = max(own, key=_END)
            m = _ANAPHOR.search(lowered, latest.end, sentence.end)
            # "a similar one", "such an agreement" name a second instance even without a clause break.
            second = m is not None and m.group(0).startswith(("a similar", "such"))
            if m is not None and _NEW_THING.match(lowered, m.end()):
                m = None
            if m is not None and (second or _CLAUSE_BREAK.search(text, latest.end, m.start())):
                carried[i] = [*buckets[i], Hit(m.start(), m.end(), m.group(0).lower(), latest.payload)]
            # A proposal of several things ("a ceasefire and talks") is referred to as a whole: every issue of
            # the sentence is carried, each with the polarity of its last phrase.
            cues = {h.payload.issue: h.payload for h in sorted(own, key=_END)}
            last = (i, list(cues.values()))
            said = [x for x in said if i - x[0] <= _HEAD_LOOK_BACK]
            said.append((i, sentence, last[1]))
            named = [n for n in named if i - n[0] <= _HEAD_LOOK_BACK]
            # The phrase and the word after it ("bilateral security" agreement).
            named += [(i, lowered[h.start : h.end + 15], h.payload) for h in own]
            continue
        if last is None:
            continue
        m = _ANAPHOR.search(lowered, sentence.start, sentence.end)
        if m is None or _NEW_THING.match(lowered, m.end()):
            continue
        # A head noun said before in an issue phrase points to that phrase ("such an agreement" after "a security
        # agreement", even with another issue in between); otherwise the latest sentence's issues are meant.
        head = m.group(0).lower().split()[-1].rstrip("s")  # "agreements" and "agreement" are the same head
        same = [
            n for n in named if i - n[0] <= _HEAD_LOOK_BACK and head in {w.rstrip("s") for w in _WORDS.findall(n[1])}
        ]
        # The nearest mention of the head is meant: a later issue sentence that says the head noun outside its issue
        # phrases ("no soldiers ... a rescue mission or a combat mission") wins over an older phrase ("peace mission"),
        # and such a sentence further back than the latest one is meant too ("plans to create a new fund ... using
        # frozen assets" ... "such a fund").
        anew = [x for x in said if i - x[0] <= _HEAD_LOOK_BACK and head in _said_anew(lowered, x[1])]
        if anew and (not same or same[-1][0] < anew[-1][0]):
            targets = anew[-1][2]
        elif same:
            targets = [same[-1][2]]
        elif i - last[0] > _LOOK_BACK:
            continue
        else:
            targets = last[1]
        # The earlier phrase's polarity is kept: "the idea" after "territorial concessions" still means them.
        refs = [Hit(m.start(), m.end(), m.group(0).lower(), replace(cue, carried=True)) for cue in targets]
        carried[i] = [*buckets[i], *refs]
        # A reference keeps the topic alive: "the project" said again three sentences on still means it.
        last = (i, targets)
        named += [(i, head, cue) for cue in targets]
    return carried
