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

import bisect
import re

from app.extract.actors import Ref
from app.extract.segment import Sentence

# A sentence that speaks as "we" (not inside a quotation): "We call on ...", "We, the leaders of ..., ...".
_WE = re.compile(r"\s*(We|Our|I|Together,? we)\b")  # a sentence opening with a quotation mark is someone's quote
_DELIVERED_BY = re.compile(
    r"\b(?:press conference|remarks|statement|speech|address|doorstep|press point|keynote|opening remarks|"
    r"video address)\s+(?:\w+\s+){0,4}?by\b",
    re.IGNORECASE,
)
_WE_INITIALS = frozenset("WOIT")  # the first letters _WE can match
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
    if len(refs) < 2:
        return []
    people = [r for r in refs if r.type == "person" and not r.possessive]
    if len(people) < 2:
        return []
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
    """Return (the index of the sentence that names them, the signatories or the speaker) of a joint statement or of
    one speaker's transcript ("Press conference by X"), else (-1, [])."""
    if len(sentences) <= _OPENING_SENTENCES or text.count("We ") + text.count("I ") + text.count("Our ") < 2:
        return -1, []  # a quick test: too few sentences to speak as "we" or "I"
    we = spoken = 0
    for sentence in sentences[_OPENING_SENTENCES:]:
        if sentence.text[:1] not in _WE_INITIALS and not sentence.text[:1].isspace():
            continue
        m = _WE.match(sentence.text)
        if m is not None and not _quoted(quotes, sentence.start):
            spoken += 1
            we += m.group(1) != "I"
            if we >= _WE_SENTENCES:
                break
    if spoken < _WE_SENTENCES:
        return -1, []
    opening = sentences[:_OPENING_SENTENCES]
    by = _DELIVERED_BY.search(text, 0, opening[-1].end)
    if by is not None:
        # "Press conference by the Secretary General X", "Remarks by President X": one speaker's transcript, in
        # which "I" counts too.
        refs = [r for s in opening for r in resolved[s.index][0]]
        person = next((r for r in refs if r.type == "person" and by.end() <= r.start <= by.end() + 60), None)
        if person is not None:
            return opening[-1].index, [person]
    if we < _WE_SENTENCES:
        return -1, []
    for sentence in opening:
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
    """Return whether an offset lies inside one of the quotations (sorted, not overlapping)."""
    i = bisect.bisect_right(quotes, (offset, float("inf"))) - 1
    return i >= 0 and quotes[i][0] <= offset < quotes[i][1]


# Documents that carry a government's position (codebook: "reported from documents"): "Moscow's demands include
# ...", "Among Russia's key demands ... is ...", "the Russian memorandum", and later "according to the document".
_DOCUMENT = (
    r"(?:(?:other|key|main|latest|recent|new|own|official|draft|peace|written|formal)\s+){0,2}"
    r"(?:demands|demand|proposals|proposal|memorandum|draft|conditions|terms|ultimatum|document|roadmap|statements|"
    r"statement)\b"
)
_OWNED = re.compile(r"['’]s\s+" + _DOCUMENT, re.IGNORECASE)  # right after a government's name
# A person's or a government's plan named for later reference ("Zelensky's so-called ten-point peace plan").
_NAMED_PLAN = re.compile(
    r"['’]s\s+(?:[\w-]+\s+){0,3}?(?:plan|proposal|memorandum|roadmap|formula|framework|draft)\b", re.IGNORECASE
)
# A sentence that reports a document named before ("This proposal includes calls for ...").
_BACK_DOCUMENT = re.compile(
    r"\s*(?:the|this|that|such a|the same)\s+(?:[\w-]+\s+)?(?:proposal|plan|document|memorandum|draft|roadmap|"
    r"framework|text|formula)\s+(?:also\s+)?(?:includes|included|calls for|called for|demands|demanded|envisages|"
    r"envisaged|stipulates|stipulated|proposes|proposed|requires|required|foresees|provides for)\b",
    re.IGNORECASE,
)
_NATIONAL = re.compile(r"\s+" + _DOCUMENT, re.IGNORECASE)  # right after a national adjective
# "according to the document", "according to the Ukrainian proposal": a document named as the source.
# What follows a document's name and gives its content ("... demands include", "Among Russia's demands ... is").
_CONTENT = re.compile(
    r"\s*,?\s*(?:(?:also|further)\s+)?(?:include|includes|included|including|call for|calls for|called for|"
    r"envisage|envisages|envisaged|stipulate|stipulates|stipulated|demand|demands|demanded|propose|proposes|proposed|"
    r"would|is|are|was|were|that|to|for|confirming|calling for|demanding|rejecting|announcing|saying)\b|:",
    re.IGNORECASE,
)
_AMONG = re.compile(r"\bamong\s+$", re.IGNORECASE)
_ACCORDING = re.compile(
    r"\baccording to (?:the|this|that|its|their)\s+(?:([A-Z][\w-]+)\s+)?(?:(?:draft|peace|written|leaked)\s+)?"
    r"(?:document|draft|memorandum|text|proposal|plan|roadmap|paper)\b",
    re.IGNORECASE,
)
_DOCUMENT_REACH = 2000  # characters back to the document that "the document" refers to


def owned_documents(refs: list[Ref], others: list, text: str, government_ref) -> list[tuple[int, int, Ref, bool]]:
    """Return (where the document is named, where its name ends, its owner, whether its content follows) for each
    document a government owns in a sentence ("Russia's key demands include", "the Ukrainian proposal"), and for a
    plan a person owns ("Zelensky's peace plan", for a later "This proposal includes")."""
    found = []
    for ref in refs:
        if not ref.possessive:
            continue
        m = _OWNED.match(text, ref.end) if ref.type != "person" else None
        if m is not None and _gives_content(text, ref.start, m.end()):
            found.append((ref.start, m.end(), ref, True))
            continue
        m = _NAMED_PLAN.match(text, ref.end)
        if m is not None:
            found.append((ref.start, m.end(), ref, False))
    for hit in others:
        if hit.payload.kind == "adj":
            m = _NATIONAL.match(text, hit.end)
            content = m is not None and _gives_content(text, hit.start, m.end())
            owner = content and government_ref(hit.payload.value, hit.start, hit.end, "adjective")
            if owner:
                found.append((hit.start, m.end(), owner, True))
    return sorted(found, key=lambda f: f[0])


def cites_document(lowered: str, start: int, end: int) -> bool:
    """Return whether a sentence cites a document ("according to the document", "This proposal includes")."""
    return lowered.find("according to", start, end) >= 0 or _BACK_DOCUMENT.match(lowered, start, end) is not None


def document_source(
    text: str, start: int, end: int, documents: list[tuple[int, int, Ref, bool]], others: list, government_ref
) -> tuple[int, Ref] | None:
    """Return (where it is named, the owner) of the document a sentence cites ("according to the document"):
    the nation named in the citation ("according to the Ukrainian proposal"), else the owner of the latest document
    named before it."""
    m = _ACCORDING.search(text, start, end) or _BACK_DOCUMENT.match(text, start, end)
    if m is None:
        return None
    if m.re is _ACCORDING and m.group(1):
        adjective = next((h for h in others if h.payload.kind == "adj" and h.start == m.start(1)), None)
        owner = adjective is not None and government_ref(adjective.payload.value, m.start(1), m.end(1), "adjective")
        return (m.start(), owner) if owner else None
    earlier = [d for d in documents if d[1] <= m.start() and m.start() - d[1] <= _DOCUMENT_REACH]
    return (m.start(), earlier[-1][2]) if earlier else None


def _gives_content(text: str, start: int, end: int) -> bool:
    """Return whether a document named between start and end is followed by its content ("demands include") or
    introduced as a list of them ("Among Russia's demands, ... is")."""
    return bool(_CONTENT.match(text, end)) or bool(_AMONG.search(text, max(0, start - 12), start))


# A proposal named with its authors ("the proposal by X and Y to deploy ...", "the US plan for a ceasefire"), and
# a demand's author named after it ("..., as demanded by X").
_PROPOSAL_NOUN = r"(?:proposal|proposals|plan|plans|initiative|idea|offer|call|calls|demand|demands|request|suggestion)"
_PROPOSAL_BY = re.compile(
    r"\b(?:" + _PROPOSAL_NOUN + r"\s+(?:by|from)|(?:willingness|readiness|openness|commitment|determination|"
    r"refusal|reluctance|decision|pledge|intention|offer|proposal|plan|call|demand|request)\s+of)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_PROPOSAL_AFTER = re.compile(r"\s+" + _PROPOSAL_NOUN + r"\b", re.IGNORECASE)
_PURPOSE = re.compile(r"\s+(?:to|for|that|on)\s+(?:[\w’'-]+\s+){0,5}$|\s+to\s+$", re.IGNORECASE)
_AS_BY = re.compile(
    r"[^;]{0,120}?,\s*as\s+(?:(?:first|long|previously|repeatedly)\s+)?(demanded|requested|proposed|sought|urged|"
    r"called for|advocated|pushed for|suggested)\s+by\s+(?:the\s+)?",
    re.IGNORECASE,
)
_NOUN_HINT = re.compile(
    r"\b(?:proposal|plan|initiative|idea|offer|call|demand|request|suggestion|willingness|readiness|openness|"
    r"commitment|determination|refusal|reluctance|decision|pledge|intention)"
)
_LIST_JOIN = re.compile(r"\s*(?:,|and|,\s*and)\s*(?:the\s+)?", re.IGNORECASE)


def proposal_at(lowered: str, start: int, end: int) -> int:
    """Return where a sentence first names a proposal, a demand or a readiness (for proposers), else -1."""
    m = _NOUN_HINT.search(lowered, start, end)
    return m.start() if m else -1


def proposers(
    text: str, lowered: str, noun_at: int, end: int, refs: list[Ref], issue
) -> list[tuple[list[Ref], int, int]]:
    """Return (the authors, start and end of the proposal's name) of a proposal that names an issue: "the proposal by
    X and Y to deploy troops", "the US proposal for a ceasefire", "a ceasefire, as demanded by X"."""
    found = []
    named = 0 <= noun_at < issue.start  # a proposal noun before the issue at all (proposal_at)
    for k, ref in enumerate(refs if named else ()):
        if ref.possessive or ref.end > issue.start:
            continue
        by = _PROPOSAL_BY.search(text, max(0, ref.start - 30), ref.start)
        after = None if by else _PROPOSAL_AFTER.match(text, ref.end)
        if by is None and (after is None or not text[max(0, ref.start - 5) : ref.start].lower().endswith("the ")):
            continue
        group = [ref]
        for other in refs[k + 1 :]:
            if by is None or not _LIST_JOIN.fullmatch(text, group[-1].end, other.start):
                break
            group.append(other)
        close = after.end() if after else group[-1].end
        if close <= issue.start and _PURPOSE.fullmatch(text, close, issue.start):
            found.append((group, (by.start() if by else ref.start), close))
            break
    m = _AS_BY.match(text, issue.end, end) if ", as " in lowered[issue.end : end] else None
    if m is not None:
        agents = [r for r in refs if r.start == m.end() or (r.start < m.end() < r.end)]
        for ref in refs:
            if agents and ref.start > agents[-1].end and _LIST_JOIN.fullmatch(text, agents[-1].end, ref.start):
                agents.append(ref)
        if agents:
            found.append((agents, m.start(1), m.end(1)))
    return found
