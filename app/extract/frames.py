"""Sentence frames that change who holds a position, or whether one is held at all.

A participle used as a modifier ("a proposed initiative") attributes nothing; a sentence dated years before the
document ("in May 1997 ...") is background; a leader's act reported by his own officials is the leader's; the
agent of a passive position verb after an issue holds it ("a truce accepted by Ukraine").
"""

from __future__ import annotations

import re
from datetime import date

from app.extract.actors import Ref
from app.extract.attribution import Speaker
from app.extract.cues import ROLE_NOUNS, SPEECH
from app.extract.matcher import Hit
from app.extract.stance import Stance, combine_cues

_SETTING = re.compile(
    r"\s*(?:Amid|Ahead of|In the run-up to|During|Despite|In the wake of|On the sidelines of|Against the backdrop of)"
    r"\b[^,;:“\"]{0,160}?(,)"
)
# A subordinate clause after a comma: time, cause or concession ("..., after many leaders were blindsided").
_SUBORDINATE = re.compile(r",\s+(?:after|before|when|while|since|because|although|though|as|even as|whereas)\s+", re.I)
_SUBJECTS = frozenset({"collective", "nonactor", "pronoun"})
_ROLE_NOUNS = frozenset(ROLE_NOUNS)
# A noun of a stance after a copula or a comma, with its article and up to three modifiers ("has long been a vocal").
_PREDICATE_NOUN = re.compile(
    r"(?:\b(?:is|was|been|remains|remained|became|becomes|becoming)|\w,)\s+(?:a|an|the|one)\s+(?:[\w-]+\s+){0,3}$"
)
_EXPECT_OF = re.compile(r"\s+(?:the\s+)?(?:[A-Z][\w’'-]+\s+){1,3}to\s+(?!be\b)")
_AND = re.compile(r"\s*(?:,|and|,\s*and)\s*(?:the\s+)?", re.IGNORECASE)
# A later passive clause of the same subject with its own agent ("..., and sharply criticised by Y, but not
# dismissed by Z"); a negation before the verb turns it around.
_NEXT_AGENT = re.compile(
    r"\s*,?\s*(?:and|but|while|yet|whereas)\s+(?:(?:was|were|is|are|has been|have been)\s+)?"
    r"(?:(?:not|never)\s+)?(?:(?:also|only|\w+ly)\s+)?(accepted|backed|supported|endorsed|welcomed|rejected|"
    r"opposed|vetoed|blocked|dismissed|refused|criticised|criticized|condemned|ruled out|favou?red|championed)"
    r"\s+by\s+(?:the\s+)?",
    re.IGNORECASE,
)
# A collective agent with named members ("rejected by other allies, including X, Y and Z").
_AGENT_MEMBERS = re.compile(
    r"[^,;.:]{0,40}?,?\s*\b(?:including|such as|notably|in particular|particularly|especially|among them|"
    r"led by)\s+(?:the\s+)?",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(r"[;:]|\.\s")
_BUT = re.compile(r",?\s+(?:but|while|whereas|yet)\s+(?:the\s+)?$", re.IGNORECASE)
# Words without which _REFUSED_END cannot match: one search in C.
_REFUSAL_WORDS = re.compile("refused|declined|balked|resisted|demurred|said no| it")
_REFUSED_END = re.compile(
    r"\s+(?:has\s+|have\s+|had\s+)?(?:(?:so far|thus far|until now|still|\w+ly)\s+)*"
    r"(refused|declined|balked|resisted|demurred|said no|rejected it|opposed it|ruled it out)"
    r"(?:\s+to do so)?(?:\s+(?:so far|thus far|until now|for now))?\s*[.;!]?[”\"]?\s*$",
    re.IGNORECASE,
)
_NON_ANSWER = re.compile(
    r"\s+(?:comment|provide|give|say|elaborate|specify|confirm|discuss|answer|reveal|disclose|name|identify|"
    r"detail|respond|speculate|go into)\b"
)
_NOT_BEFORE = re.compile(r"\b(?:not|n't|never)\s+(?:yet\s+|publicly\s+|officially\s+)?$")
_RELATIVE_HEADS = frozenset({"countries", "states", "governments", "nations", "leaders", "allies", "members", "ones"})
_PREPOSITIONS = frozenset(
    {"about", "over", "of", "on", "against", "for", "to", "by", "the", "an", "a", "its", "his", "her"}
)
_NOUN_AFTER_ARTICLE = re.compile(r"(?:^|[\s(“\"])(?:the|a|an)\s+$")
_NOUN_AFTER_OWNER = re.compile(r"\b(?:his|its|their|our|my)\s+$")
_DETERMINERS = frozenset({"a", "an", "the", "its", "their", "his", "her", "this", "that"})
_HISTORY_YEARS = 8
# A year as the date of an event ("in 1997", "in May 1997", "the 2003 invasion"), not part of a name ("1991 borders").
_PAST_DATE = re.compile(
    r"\b(?:in|since|during|the)\s+(?:(?:early|late|mid-?)\s*)?(?:(?:january|february|march|april|may|june|july|"
    r"august|september|october|november|december)\s+)?((?:19|20)\d\d)\b(?!\s+borders)",
    re.IGNORECASE,
)
# A passive participle of a position verb and its agent after an issue phrase ("the truce accepted by Kyiv").
_BY_AGENT = re.compile(
    r"(?:\s+(?:to|in|into|for)\s+(?:ukraine|kyiv|kiev)\b)?"  # "sending troops to Ukraine was rejected by"
    r"(?:\s+(?:force|forces|plan|deal|package|mission|proposal|initiative))?\s*,?\s*"
    r"(?:(?:as|like|which|who)\s[^,;:“”\"]{1,80},\s*)?"  # "the plan, as the EU did for vaccines, was put forward by"
    r"(?:(?:which\s+|that\s+)?(?:was|were|is|are|has been|have been|had been)\s+)?"
    r"(?:(?:already|first|jointly|also|earlier)\s+)?"
    r"(accepted|backed|supported|endorsed|proposed|put forward|floated|championed|advocated|favou?red|welcomed|"
    r"demanded|requested|sought|rejected|opposed|vetoed|blocked|ruled out|dismissed|condemned)"
    r"\s+by\s+(?:the\s+)?"
)


# A later clause whose subject points back at a proposal and whose passive verb names its agent ("..., however,
# the proposal was rejected by Zelensky's government").
_BACK_PASSIVE = re.compile(
    r"\b(?:the|this|that|such an?|the same)\s+(?:proposal|plan|idea|initiative|offer|demand|request|option|"
    r"suggestion|model|deal|package)\s+(?:was|were|is|are|has been|have been|had been)\s+"
    r"(?:(?:already|quickly|swiftly|flatly|firmly|immediately|also|then|later)\s+)?"
    r"(accepted|backed|supported|endorsed|welcomed|rejected|opposed|vetoed|blocked|dismissed|refused)"
    r"\s+by\s+(?:the\s+)?",
    re.IGNORECASE,
)


def is_setting(text: str, start: int, issue: Hit, cue: Hit) -> bool:
    """Return whether an issue sits in an opening adverbial that sets the scene for a later verb ("Amid efforts to
    start peace talks, Zelensky told ...", "Ahead of the summit on aid, X said")."""
    m = _SETTING.match(text, start)
    return m is not None and issue.end <= m.start(1) and m.end(1) <= cue.start


def in_other_clause(text: str, cue: Hit, issue: Hit, refs: list[Ref], others: list[Hit]) -> bool:
    """Return whether an issue after a verb sits in a subordinate clause with a subject of its own ("Tusk warned
    against X, after many leaders were blindsided by Y's plan for talks"): that clause is not the verb's."""
    if text.find(",", cue.end, issue.start) < 0:
        return False  # a cheap test first: the clause opens with a comma, and most verbs have none after them
    m = max(_SUBORDINATE.finditer(text, cue.end, issue.start), key=lambda found: found.start(), default=None)
    if m is None or "," in text[m.end() : issue.start]:
        return False  # no subordinate clause, or it closed before the issue ("X said, as he arrived, that ...")
    named = [r.start for r in refs if m.end() <= r.start < issue.start and not r.possessive]
    named += [h.start for h in others if m.end() <= h.start < issue.start and h.payload.kind in _SUBJECTS]
    return any(_words(text[m.end() : at]) <= 2 for at in named)


def as_demand(text: str, cue: Hit) -> Hit:
    """Return an expectation of a named actor ("Moscow expected Kiev to accept ...") as a demand, a position of
    the one who expects; an expectation about events ("expected to meet", "expects talks") stays a guess."""
    if cue.payload == "hearsay" and cue.phrase.startswith("expect") and _EXPECT_OF.match(text, cue.end):
        return Hit(cue.start, cue.end, cue.phrase, "say")
    return cue


def is_non_answer(lowered: str, cue: Hit) -> bool:
    """Return whether a verb cue reports that nothing was said: "has not confirmed", "did not say", "declined to
    comment" or "declined to provide details" state no position."""
    if cue.phrase in ("declined to", "declines to"):
        return bool(_NON_ANSWER.match(lowered, cue.end))
    if cue.phrase not in SPEECH:
        return False
    return bool(_NOT_BEFORE.search(lowered, max(0, cue.start - 16), cue.start))


def is_modifier(lowered: str, cue: Hit) -> bool:
    """Return whether a verb cue is used as a modifier: "a proposed initiative", "the so-called coalition"."""
    if lowered.endswith("so-", 0, cue.start):
        return True
    if cue.phrase in _ROLE_NOUNS:
        # "X is a staunch opponent of Y", "X, a supporter of Y,": the holder's predicate or apposition.
        return not _PREDICATE_NOUN.search(lowered, max(0, cue.start - 50), cue.start)
    plural = lowered.endswith("s", cue.start, cue.end)
    if plural and _NOUN_AFTER_OWNER.search(lowered, max(0, cue.start - 7), cue.start):
        return True  # "his demands that ...", "their calls for ...": a noun, its owner is found by the possessive
    if _NOUN_AFTER_ARTICLE.search(lowered, max(0, cue.start - 5), cue.start):
        return True  # "the doubt about ...", "a demand for ...": a noun, no verb of the sentence's subject
    if not cue.phrase.endswith("ed"):
        return False
    before = lowered[max(0, cue.start - 30) : cue.start].split()
    if len(before) > 1 and before[-1] == "that" and before[-2].rstrip(",") in _RELATIVE_HEADS:
        return False  # "the countries that opposed ...": a relative clause, not "that proposed plan"
    return bool(before) and before[-1] in _DETERMINERS


def is_history(sentence: str, day: date | None) -> bool:
    """Return whether a sentence tells of events dated years before the document ("in May 1997", "the 2003 ...")."""
    if day is None or ("19" not in sentence and "20" not in sentence):
        return False  # a cheap test first: most sentences name no year
    return any(int(m.group(1)) <= day.year - _HISTORY_YEARS for m in _PAST_DATE.finditer(sentence))


def doer(refs: list[Ref], speaker: Speaker, issue: Hit) -> Speaker | None:
    """Return the person a government's own officials report on ("Biden has authorized ..., US officials said").

    The officials only relay their leader's act, so the act is the leader's position.
    """
    if not speaker.refs or any(r.type != "government" for r in speaker.refs):
        return None
    first = refs[0] if refs else None
    if first is None or first.type != "person" or first.governed or first.possessive or first.end > issue.start:
        return None
    if first.country not in {r.country for r in speaker.refs}:
        return None
    return Speaker([first], speaker.cue, "subject")


def by_agent(
    text: str, lowered: str, end: int, refs: list[Ref], issue: Hit, stance_hits: list[Hit], negators: list[Hit]
) -> list[tuple[Speaker, Stance]]:
    """Return the agents of a passive right after an issue ("a truce accepted by Kyiv", "a plan backed by Rome")."""
    lead = _BY_AGENT.match(lowered, issue.end, end)
    if lead is None and lowered.find(" by ", issue.end, end) >= 0:  # (no slice)
        lead = _BACK_PASSIVE.search(lowered, issue.end, end)
    found: list[tuple[Speaker, Stance]] = []
    while lead is not None:
        # "proposed by the United States": some names begin with their article.
        agents = [r for r in refs if r.start == lead.end() or (r.start < lead.end() and r.end > lead.end())]
        members = _AGENT_MEMBERS.match(text, lead.end(), end) if not agents else None
        if members is not None:
            # "rejected by other allies, including Germany and Spain": the members named.
            agents = [r for r in refs if r.start == members.end() and not r.possessive]
        if agents:
            for ref in refs:  # "backed by Germany and France"
                if ref.start > agents[-1].end and _AND.fullmatch(text, agents[-1].end, ref.start):
                    agents.append(ref)
            cue = Hit(lead.start(1), lead.end(1), lead.group(1), "say")
            values = [h for h in stance_hits if lead.start(1) <= h.start and h.end <= lead.end(1)]
            value, negated = combine_cues(text, values, negators) if values else (1, False)
            polarity = issue.payload.polarity * value
            label = "support" if polarity > 0 else "oppose" if polarity < 0 else "neutral"
            found.append((Speaker(agents, cue, "relative"), Stance(label, lead.group(1), negated)))
        # "backed by Germany and opposed by Belgium": a later verb with its own agent, after any agent that is
        # no actor ("criticised by opposition parties").
        after = agents[-1].end if agents else lead.end()
        later = _NEXT_AGENT.finditer(lowered, after, end)
        lead = next((m for m in later if not _CLAUSE_BREAK.search(lowered, after, m.start())), None)
    return found


def _words(text: str) -> int:
    return len(text.split())


def elliptical_refusal(
    text: str, end: int, refs: list[Ref], issue: Hit, *, lowered: str
) -> list[tuple[Speaker, Stance]]:
    """Return who refuses what an earlier clause named, in a last clause without an object of its own ("Kyiv asked
    for Taurus missiles, but Berlin has so far refused"). lowered is text in lower case."""
    # The words are plain letters: searched in place in the lower-cased text, no slice to lower-case.
    tail = _REFUSAL_WORDS.search(lowered, max(issue.end, end - 50), end)
    if tail is None:
        return []
    for ref in refs:
        if ref.start < issue.end or not _BUT.search(text, issue.end, ref.start):
            continue
        m = _REFUSED_END.match(text, ref.end, end)
        if m is not None:
            label = "oppose" if issue.payload.polarity > 0 else "support"
            cue = Hit(m.start(1), m.end(1), m.group(1), "say")
            return [(Speaker([ref], cue, "relative"), Stance(label, m.group(1), False))]
    return []


# Round 5: a question put to someone and his bare yes or no ("Asked whether ..., X replied: “No.”").
_ASKED = re.compile(r"[“\"‘']?\s*(?:when\s+)?asked\s+(?:whether|if)\s+", re.IGNORECASE)
_ANSWER = re.compile(
    r"\s+(?:\w+ly\s+)?(?:replied|said|answered|responded|says|replies|answers)(?:\s+\w+ly)?\s*[,:]?\s*[“\"‘']?\s*"
    r"(?P<answer>not at all|absolutely not|of course not|certainly not|definitely not|by no means|no|never|"
    r"yes|absolutely|of course|certainly|definitely)\s*[.,!;”\"’]",
    re.IGNORECASE,
)
_NEGATIVE_ANSWERS = frozenset(
    {"not at all", "absolutely not", "of course not", "certainly not", "definitely not", "by no means", "no", "never"}
)


def answered(
    text: str, sentence_start: int, sentence_end: int, issue: Hit, refs: list[Ref]
) -> tuple[Ref, int, int] | None:
    """Return who answers a question that opens the sentence with a bare yes or no, whether the answer is yes (+1)
    or no (-1), and where the question's words begin ("Asked whether Ukraine should cede land, X replied: “No.”");
    None when the sentence is not so built. The question's own stance, times the answer, is the answerer's."""
    asked = _ASKED.match(text, sentence_start, issue.start)
    comma = text.find(",", issue.end, sentence_end)
    if asked is None or comma < 0:
        return None
    for ref in refs:
        if comma < ref.start and _WORD_GAP.fullmatch(text, comma + 1, ref.start) and not ref.possessive:
            answer = _ANSWER.match(text, ref.end, sentence_end)
            if answer is None:
                return None
            sign = -1 if answer.group("answer").lower() in _NEGATIVE_ANSWERS else 1
            return ref, sign, asked.end()
    return None


_WORD_GAP = re.compile(r"\s*(?:the\s+)?(?:[\w.’'-]+\s+){0,4}")  # a title before the name of the one answering
