"""Who said it: the subject of a speech or position verb, quotations and their speakers, hearsay, collectives."""

from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass
from itertools import islice
from operator import attrgetter

from app.extract.actors import Discourse, Ref, governed_at
from app.extract.cues import SPEECH
from app.extract.matcher import Hit, lowercase

_COORDINATION = re.compile(
    r"^\s*(?:,|and|&|nor|,\s*and|,?\s*(?:as well as|along with|together with|alongside)\s*,?)\s*(?:the\s+)?"
    # Round 5: "Macron and his German counterpart Scholz", "Valtonen and Estonian counterpart Tsahkna".
    r"(?:(?:(?:his|her|their|its)\s+)?(?:[\w-]+\s+)?counterparts?,?\s+)?$",
    re.IGNORECASE,
)
# A list that goes on under a second plural head ("the presidents of X and Y, and the prime ministers of Z"; "the
# ministers of X and Y, as well as representatives from Z"): one group.
_LIST_HEAD = re.compile(
    r"\s*,?\s*(?:and|as well as)\s+(?:the\s+)?(?:presidents|prime ministers|leaders|(?:foreign\s+|defen[cs]e\s+)?"
    r"ministers|representatives|envoys|diplomats|heads\s+of\s+(?:state|government)|officials|delegations|"
    r"governments)\s+(?:of|from)\s+"
    r"(?:the\s+)?",
    re.IGNORECASE,
)
# Words that tie a named actor to a collective after it ("Scholz and other leaders", "among those leaders").
_MEMBERSHIP = re.compile(r"\b(?:among|other|such as|like|along with|including|joined|and)\b|,", re.IGNORECASE)
_AFTER_GAP = 30  # characters between an inverted verb and its subject ("said Zelensky", "according to X")
# Quotations stay within a paragraph; an unclosed quotation mark must not swallow the rest of the article.
_QUOTES = re.compile(
    r"“(?:[^“”\n]|“[^“”\n]{1,60}”){3,800}?”(?!\w)|“[^”\n]{3,800}?”|\"[^\"\n]{3,800}?\"|«[^»\n]{3,800}?»"
)  # one quotation may quote a term inside it ("... the model can only be “ours” and ...")
_INSERTION = re.compile(
    r",\s+(?:(?:who|whose|which)\b[^,]*(?:,[^,]*){0,3}|(?:a|an|the)\s[^,“”\"]{1,100}|\d{2}|"
    r"(?:speaking|standing|appearing|writing|flanked|accompanied)\b[^,“”\"]{1,100})"
    r"\s*,\s*(?!(?:and|but|or|while)\s)(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)  # "X, who ..., said", "Pavel, a former NATO general, had initiated", "Babiš, 71, announced", "X, speaking
# alongside Y, said"
# A prepositional insertion between a subject and its verb ("X and Y, after talks with Z, called for"): only
# lower-case words (adverbs, auxiliaries) may follow it, else it opens the sentence before its subject.
_PREP_INSERTION = re.compile(
    r",\s+(?:[Aa]fter|[Ff]ollowing|[Bb]efore|[Dd]uring|[Dd]espite|[Aa]head of)\s[^,“”\"]{1,120}\s*,\s*"
    r"(?!(?:and|but|or|while)\s)(?:[a-z]\w*\s+){0,2}$"
)
# What follows the comma that closes either insertion, up to the verb (a necessary condition for both).
_INSERTION_TAIL = re.compile(r"\s*(?:\w+\s+){0,2}")
_LIST_GOES_ON = re.compile(r"\s*,?\s*(?:and|or)\s", re.IGNORECASE)
_WHO = re.compile(r",?\s*\bwho\s+(?:[\w’'-]+\s+){0,2}$", re.IGNORECASE)
_WHICH_AFTER_COMMA = re.compile(r",\s*(which)\s+(?:[\w’'-]+\s+){0,2}$", re.IGNORECASE)  # "Denmark, which decided to"
# A verb right after "which" ("the paper, which calls for ..."): its subject is the relative pronoun's antecedent.
_WHICH = re.compile(r"\bwhich\s+(?:[a-z]+\s+){0,2}$")
_PARTICIPLE_SLOT = re.compile(r",\s*$")
_THE_TITLE = re.compile(r"\bthe\s+$", re.IGNORECASE)
# A plural noun right before a participle, no comma between: a reduced relative clause ("individuals backing X").
_REDUCED_RELATIVE = re.compile(r"\b([a-z]{4,}[^s\W]s)\s+$")
# Words in -s that are no plural noun before a participle ("continues backing", "its backing").
_NOT_NOUNS = frozenset(
    {
        "continues",
        "keeps",
        "starts",
        "stops",
        "begins",
        "avoids",
        "considers",
        "suggests",
        "recommends",
        "risks",
        "proposes",
        "means",
        "involves",
        "includes",
        "requires",
        "supports",
        "opposes",
        "favours",
        "favors",
        "rules",
        "resumes",
        "always",
        "perhaps",
        "towards",
        "afterwards",
        "besides",
        "unless",
        "whereas",
        "thus",
        "plus",
        "was",
        "has",
        "does",
        "this",
        "its",
        "his",
    }
)
_BY_BEFORE = re.compile(r"\bby\s+(?:\S+\s+){0,2}$", re.IGNORECASE)
_FIRST_PERSON = re.compile(r"\b(?:I|[Ww]e)\s+(?:[a-z’'-]+\s+){0,2}$")
_INVERSION_SLOT = re.compile(r"(?:^|[,”\"’]\s*)$")  # "...,” said X" / ", said X": a verb before its subject
_SHORT_GAP = re.compile(r"\s*(?:the\s+)?", re.IGNORECASE)
_FOR = re.compile(r"\s*(?:for\s+)?")
_WITH = re.compile(r"\bwith\s+(?:the\s+)?(?:[A-Z][\w.’'-]*\s+){0,3}$")
_GROUPS_BACK = 8  # "they" looks at the latest groups only, so that a long text stays linear
_PRONOUN_GAP = 12  # characters between "they" and its verb of saying ("they said", "they jointly said")
_INVERTING = ("according to", "statement from", "in a statement", "quoted", "cited")
_QUOTING = ("quoted", "cited")  # the one quoted or cited is the object right after the verb


# Named members after a collective ("several allies opposed it, in particular Germany and Spain").
_EXAMPLES = re.compile(
    r"[\s,:(–—-]*\b(?:in particular|particularly|notably|especially|for example|for instance|such as|including|"
    r"namely|among them|among others|chief among them|led by)\b[\s,:]*",
    re.IGNORECASE,
)
# Signatories, backers or donors of a letter, statement or fund, and the verb or colon that lists them.
_SIGNERS = re.compile(
    r"\b(?:signatories|co-signatories|signatory (?:countries|states)|signers|backers|supporters|sponsors|"
    r"co-sponsors|donors|main donors|contributors)\b[^.;]*?"
    r"(?:\b(?:include|included|includes|comprise|comprised|are|were)\b|:)"
    r"[\s,:]*(?:(?:countries|states|governments|nations)\s+(?:such as|like|including)?\s*)?",
    re.IGNORECASE,
)
# Words without which _SIGNERS cannot match (on lower-case text): one search in C.
_SIGNER_WORDS = re.compile("signator|signer|backers|supporters|sponsors|donors|contributors")
_START = attrgetter("start")
_SIGNED_BY = re.compile(
    r"\b(?:(signed|co-signed|co-sponsored)|(?:joint\s+)?(?:statement|letter|declaration|communiqu[eé]|appeal|"
    r"resolution|proposal))\s+(?:issued\s+)?by\s+"
    r"(?:the\s+)?(?:(?:[a-z-]+\s+){0,2}(?:ministers|leaders|heads of state|heads of government|presidents|"
    r"governments|representatives|ambassadors)\s+of\s+(?:the\s+)?)?",
    re.IGNORECASE,
)
# What every _SIGNED_BY match holds, in lower case: the last letters of its verb or noun (none of them an i or an s,
# which the case-blind regex also takes as a dotless ı or a long ſ), then "by" after at most one word ("issued").
_SIGNED_BY_END = re.compile(r"(?:ned|red|ent|ter|on|qu[eé]|al)\s+(?:\S+\s+)?by\s")
_ACCORDING_BEFORE = re.compile(r"\baccording\s+to\s+(?:a|an|the)\s+(?:\w+\s+)?$", re.IGNORECASE)
_LIST_GAP = re.compile(r"\s*(?:,|and|or|&|,\s*and|,\s*or)?\s*(?:the\s+)?", re.IGNORECASE)
# "All four support ...", "both leaders backed ...": a numbered group of the actors the sentence names.
_GROUP = (
    r"\s*(?:(?:all|the|all the)\s+(two|three|four|five|six|seven|eight|nine|ten)|(both))"
    r"(?:\s+(?:leaders|countries|governments|presidents|heads of (?:state|government)|sides|men|nations))?\s+"
)
_NUMBERED = re.compile(_GROUP, re.IGNORECASE)  # at the start of the sentence
_NUMBERED_INSIDE = re.compile(r"(?:[“\"]|\bthat\s+)" + _GROUP, re.IGNORECASE)  # a quotation or a reported clause
_NUMBER_WORD = re.compile(r"\b(?:both|two|three|four|five|six|seven|eight|nine|ten)\b")  # on lower-case text
_NUMBERS = {
    "both": 2,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}
# Partners of a signed agreement ("signed a security agreement with France", "a similar one with Germany").
_AGREEMENT = re.compile(r"\b(?:agreements?|accords?|pacts?|deals?|treaty|treaties|declaration|memorandum|one)\b")
_CLAUSE_END = re.compile(r"[;.]\s|;|,\s+(?:while|but|and)\s")
_WITH_BEFORE = re.compile(r"\bwith\s+(?:the\s+)?$", re.IGNORECASE)
_JOINED_IN = re.compile(r"\bjoin(?:ed|s|ing)?(\s)[^,;.]{1,60}?(\s)in\s+$", re.IGNORECASE)
_ATTACHED = frozenset(
    {"to", "on", "for", "against", "of", "over", "concerning", "regarding", "about", "that", "towards", "toward"}
)
_CLAUSE_WORDS = 25
_CLAUSE_CHARS = 200
_OWNER_PRONOUN = re.compile(r"\b(its|his|her)\s+(?:[a-z-]+\s+){0,2}?([a-z]+)\b")
_OWNER_WORD = re.compile("its|his|her")  # without which _OWNER_PRONOUN cannot match
_OBJECT_PRONOUN = re.compile(r"\s+(him|her|them)\b")


@dataclass
class Speaker:
    """The actors a cue is attributed to, and how they were found."""

    refs: list[Ref]
    cue: Hit
    rule: str  # subject | inverted | pronoun | quote


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Return the (start, end) offsets of quotations in a text."""
    return [(m.start(), m.end()) for m in _QUOTES.finditer(text)]


def _resolve_pronoun(pronoun: Hit, discourse: Discourse, cue: Hit) -> list[Ref]:
    """Resolve he/she to the last person named, they to the last pair or list of people named together.

    A list of governments or institutions is "they" only as the subject of a verb of saying ("In a joint
    statement, they said"), right before it: "they" doing something else more often means another, vaguer group.
    """
    if pronoun.phrase == "they":
        speech = cue.phrase in SPEECH and 0 <= cue.start - pronoun.end <= _PRONOUN_GAP
        people = next(
            (
                g
                for g in islice(reversed(discourse.groups), _GROUPS_BACK)
                if g[-1].end <= pronoun.start and (speech or all(r.type == "person" for r in g))
            ),
            [],
        )
    else:
        last = discourse.last_person(before=pronoun.start)
        people = [last] if last else []
    return [Ref(pronoun.start, pronoun.end, p.name, p.type, p.country, p.slug, "pronoun", role=p.role) for p in people]


def _joined(text: str, end: int, start: int) -> bool:
    """Return whether two actors are members of one list: "X and Y", "X, as well as Y", or a list that goes on
    under a second plural head ("the presidents of X and Y, and the prime ministers of Z")."""
    return _COORDINATION.match(text[end:start]) is not None or _LIST_HEAD.fullmatch(text, end, start) is not None


def coordinated(text: str, refs: list[Ref]) -> list[list[Ref]]:
    """Return the groups of two or more actors named together ("Scholz and Macron", "Britain, Germany and France")."""
    groups: list[list[Ref]] = []
    current: list[Ref] = []
    for ref in refs:
        if ref.governed:
            current = []
            continue
        if current and _joined(text, current[-1].end, ref.start):
            current.append(ref)
            if len(current) == 2:
                groups.append(current)
        else:
            current = [ref]
    return groups


def subject_of(
    text: str, cue: Hit, refs: list[Ref], others: list[Hit], discourse: Discourse, *, lower: int, upper: int
) -> Speaker | None:
    """Return the actors a cue attributes to, looking between lower and upper (sentence or quote context)."""
    # One pass over the other hits: the pronouns in context, and what may stand between a subject and its verb
    # (_blocked, which does not depend on their order).
    pronouns: list[Hit] = []
    blockers: list[Hit] = []
    for h in others:
        if h.start < lower:
            continue
        kind = h.payload.kind
        if kind == "pronoun":
            if h.end <= upper:
                pronouns.append(h)
        elif (
            kind == "collective"
            or kind == "nonactor"
            # "Presenting Lithuania's position, the head of state emphasised ...": a title that named nobody known
            # is the subject right before its verb; a government named earlier is not.
            or (
                kind == "title"
                and h.end <= cue.start
                and _words(text[h.end : cue.start]) <= 1
                and _THE_TITLE.search(text, max(lower, h.start - 5), h.start)
                and not governed_at(text, h.start)
            )
        ):
            blockers.append(h)
    # Someone named inside a quotation is not the subject of a verb outside it ("...are “serving Putin”, a
    # diplomat said").
    quoted_cue = discourse.quoted(cue.start)
    if not quoted_cue:
        refs, others = _unquoted(discourse, refs, others)
    lo = max(lower, cue.start - 40)
    relative = _WHO.search(text, lo, cue.start) if text.find("who", lo, cue.start) >= 0 else None
    if relative is None and text.find(", which", lo, cue.start) >= 0:
        relative = _WHICH_AFTER_COMMA.search(text, lo, cue.start)
    if relative is not None:
        # "... Viktor Orbán and Robert Fico, who oppose ...": the antecedent holds it, even as an object.
        antecedent = [r for r in refs if lower <= r.start and r.end <= relative.start()]
        if relative.re is _WHICH_AFTER_COMMA and antecedent and antecedent[-1].type == "person":
            antecedent = []  # "which" stands for a country or an institution ("Denmark, which decided to ...")
        if antecedent and not text[antecedent[-1].end : relative.start()].strip():
            group = [antecedent[-1]]
            for ref in reversed(antecedent[:-1]):
                if _joined(text, ref.end, group[-1].start):
                    group.append(ref)
                else:
                    break
            return Speaker(list(reversed(group)), cue, "subject")
    # A "which" clause not settled above (a person before it, no comma, or no actor right before it). The substring
    # test first: this runs for every cue, and most sentences have no "which".
    near = max(lower, cue.start - 30)
    which = _WHICH.search(text, near, cue.start) if text.find("which", near, cue.start) >= 0 else None
    if which is not None and not any(which.end() <= r.start < cue.start for r in refs):
        # "China's position paper, which calls for a ceasefire": the paper's, not the sentence subject's; "Germany,
        # which has opposed ..." is its antecedent's (a "which" clause naming its own subject is left as it is).
        antecedent = [r for r in refs if lower <= r.start and r.end <= which.start()]
        if antecedent and text[antecedent[-1].end : which.start()].strip() in ("", ","):
            return Speaker([antecedent[-1]], cue, "subject")
        return None
    reduced = (
        _REDUCED_RELATIVE.search(text, max(lower, cue.start - 30), cue.start) if cue.phrase.endswith("ing") else None
    )
    if reduced is not None and reduced.group(1).lower() not in _NOT_NOUNS:
        covered = any(r.start <= reduced.start(1) < r.end for r in refs)
        covered = covered or any(h.start <= reduced.start(1) < h.end for h in others)
        if not covered:
            return None  # "the assets of individuals backing the invasion": the participle's subject is the noun
    absolute = _with_subject(text, cue, refs, lower)
    if absolute:
        # "for committing": their own act, not something a reporter says they want ("Y said he thanked X for ...").
        doer = bool(text[absolute[-1].end : cue.start].strip())
        return Speaker(absolute, cue, "doer" if doer else "subject")
    if cue.phrase not in _INVERTING:
        # Both insertions close with a comma and at most two words before the verb, and no comma after it: most
        # verbs have no such comma before them in their sentence (a cheap test before two slow searches).
        comma = text.rfind(",", lower, cue.start)
        insertion = (
            (_INSERTION.search(text, lower, cue.start) or _PREP_INSERTION.search(text, lower, cue.start))
            if comma >= 0 and _INSERTION_TAIL.fullmatch(text, comma + 1, cue.start)
            else None
        )
        if insertion is not None:
            # "Scholz, who travelled with Macron and Draghi, said ...": skip the insertion to its head.
            inside = [r for r in refs if insertion.start() <= r.start < insertion.end()]
            body = lowercase(text[insertion.start() : insertion.end()].strip(" ,"))
            # "a statement from the presidential office, the Elysée, said": an insertion that only names an actor
            # renames the subject; a description ("a former NATO general") is skipped.
            renames = len(inside) == 1 and body.removeprefix("the ").startswith(
                text[inside[0].start : inside[0].end].lower().removeprefix("the ")
            )
            if not renames:
                refs = [r for r in refs if r not in inside]
                blockers = [h for h in blockers if not (insertion.start() <= h.start < insertion.end())]
        before = [r for r in refs if lower <= r.start and r.end <= cue.start and not r.possessive and not r.governed]
        pron = [p for p in pronouns if p.end <= cue.start] if pronouns else pronouns  # most sentences have none
        subject = before[-1] if before else None
        participle = cue.phrase.endswith("ing") and _PARTICIPLE_SLOT.search(text, max(lower, cue.start - 3), cue.start)
        if before and participle:
            # ", saying ...": the participle's subject is the main clause's, not the object before the comma.
            head = [before[0]]
            for ref in before[1:]:
                if not _COORDINATION.match(text[head[-1].end : ref.start]):
                    break
                head.append(ref)
            subject, before = head[-1], head  # the coordinated subjects of the main clause
        if pron and (subject is None or pron[-1].start > subject.end):
            resolved = _resolve_pronoun(pron[-1], discourse, cue)
            if resolved and not _blocked(text, resolved[0], cue, blockers):
                return Speaker(resolved, cue, "pronoun")
            subject = None
        if subject is not None:
            if _blocked(text, subject, cue, blockers):
                return None
            if quoted_cue and _FIRST_PERSON.search(text, max(subject.end, cue.start - 30), cue.start):
                return None  # "“Ukraine has done enough, I can say”": the speaker's own verb, not Ukraine's
            group = [subject]
            for ref in reversed(before[:-1]):
                if (
                    len(group) == 1
                    and text[ref.end : subject.start].strip() == ","
                    and not _LIST_GOES_ON.match(text, subject.end)
                ):
                    # "to meet her counterpart X, Meloni said": a list ends with "and", not a bare comma; but
                    # "X, Y and other countries doubt" is a list whose "and" comes after Y.
                    break
                if _joined(text, ref.end, group[-1].start) and not _apposition(text, ref, group[-1]):
                    group.append(ref)
                else:
                    break
            return Speaker(list(reversed(group)), cue, "subject")
    # Inverted order: "..., said Zelensky", "according to German government sources".
    inverting = cue.phrase in _INVERTING
    if not inverting and (
        cue.phrase not in SPEECH or not _INVERSION_SLOT.search(text, max(lower, cue.start - 4), cue.start)
    ):
        return None
    if inverting:
        # "according to him": the object form of the pronoun.
        m = _OBJECT_PRONOUN.match(text, cue.end)
        if m is not None:
            phrase = {"him": "he", "her": "she", "them": "they"}[m.group(1).lower()]
            resolved = _resolve_pronoun(Hit(m.start(1), m.end(1), phrase, None), discourse, cue)
            if resolved:
                return Speaker(resolved, cue, "pronoun")
    media = [h.start for h in others if h.payload.kind == "nonactor"]
    for ref in refs:
        gap = text[cue.end : ref.start]
        close = cue.end <= ref.start and ref.end <= upper and len(gap) <= _AFTER_GAP
        if close and any(0 <= at - ref.end <= 2 for at in media):
            return None  # "according to the German government news agency": the media, not the government
        if close and cue.phrase in _QUOTING and not _SHORT_GAP.fullmatch(gap):
            return None  # "X quoted a colleague from ...": the one quoted is the object right after the verb
        if close and (inverting or _SHORT_GAP.fullmatch(gap)):
            return Speaker([ref], cue, "inverted")
    for pron in pronouns:
        if cue.end <= pron.start <= cue.end + 3:
            resolved = _resolve_pronoun(pron, discourse, cue)
            if resolved:
                return Speaker(resolved, cue, "pronoun")
    return None


def _unquoted(discourse: Discourse, refs: list[Ref], others: list[Hit]) -> tuple[list[Ref], list[Hit]]:
    """Return the actors and other hits that do not start inside a quotation (Discourse.quoted)."""
    quotes = discourse.quotes
    if not quotes or not (refs or others):
        return refs, others
    starts = [*map(_START, refs), *map(_START, others)]
    low, high = min(starts), max(starts)
    # Quotations are sorted and do not overlap: the last one opening before the latest start ends latest of those.
    i = bisect.bisect_right(quotes, (high, math.inf)) - 1
    if i < 0 or quotes[i][1] <= low:
        return refs, others  # no quotation around any of them
    if i == 0 or quotes[i - 1][1] <= low:
        # The one quotation that can hold them (the usual case): compared inline, not a call for each.
        q_start, q_end = quotes[i]
        return [r for r in refs if not q_start < r.start < q_end], [h for h in others if not q_start < h.start < q_end]
    return [r for r in refs if not discourse.quoted(r.start)], [h for h in others if not discourse.quoted(h.start)]


def _with_subject(text: str, cue: Hit, refs: list[Ref], lower: int) -> list[Ref]:
    """Return the subjects of an absolute participle ("..., with Canada and Norway saying ...") or of a gerund
    after "for" ("grateful to Belgium and Norway for committing ..."), else []."""
    if not cue.phrase.endswith("ing"):
        return []
    group = [r for r in refs if lower <= r.start and r.end <= cue.start and _FOR.fullmatch(text[r.end : cue.start])]
    if not group:
        return []
    for ref in reversed([r for r in refs if lower <= r.start and r.end <= group[0].start]):
        if not _COORDINATION.match(text[ref.end : group[0].start]):
            break
        group.insert(0, ref)
    if text[group[-1].end : cue.start].strip():
        return group  # "for committing": what they are thanked or blamed for is their own act
    return group if _WITH.search(text, max(lower, group[0].start - 40), group[0].start) else []


def _blocked(text: str, subject: Ref, cue: Hit, blockers: list[Hit]) -> bool:
    """Return whether a collective, analyst or journalist stands between the subject and its verb."""
    for hit in blockers:
        if subject.end <= hit.start and hit.end <= cue.start:
            if hit.payload.kind == "collective" and governed_at(text, hit.start):
                continue  # "spoke with leaders in Kyiv": the collective is an object, not the subject
            if hit.payload.kind == "title" and subject.type == "person":
                continue  # "Putin had expressed it when the leader said ...": perhaps the same person again
            if hit.payload.kind == "nonactor" and _object_of(text, subject.end, hit, cue):
                continue  # "X, in an interview with the newspaper Y, said", "X took to social media to call for"
            if hit.payload.kind in ("nonactor", "title"):
                return True
            if not _MEMBERSHIP.search(text[subject.end : hit.start]):
                return True
    return False


# Round 5: a word that makes what follows it (with an article and up to two modifiers) an object: a preposition or a
# participle ("in an interview with the newspaper", "took to social media", "citing analysts", "asked by journalists").
_OBJECT_BEFORE = re.compile(
    r"\b(?:with|to|by|from|for|in|on|at|of|via|through|told|\w+ing)\s+(?:(?:the|a|an|its|his|her|their)\s+)?"
    r"(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)


def _object_of(text: str, lower: int, hit: Hit, cue: Hit) -> bool:
    """Return whether a non-actor between a subject and its verb is the object of a preposition or a participle in
    a phrase closed before the verb: by a comma ("X, citing analysts, called") or an infinitive ("X took to social
    media to call for"); "X spoke to analysts who called for" is the analysts' verb."""
    before = _OBJECT_BEFORE.search(text, max(lower, hit.start - 40), hit.start)
    if before is None or _SUBORDINATORS & set(before.group(0).lower().split()):
        return False
    between = text[hit.end : cue.start]
    closed = "," in between or between.endswith(" to ")
    return closed and not _RELATIVE_WORD.search(between)


_SUBORDINATORS = frozenset({"when", "while", "after", "before", "as", "because", "who", "which", "that", "where", "if"})
_RELATIVE_WORD = re.compile(r"\b(?:who|which|that|whom|when|while|after|as|because)\b", re.IGNORECASE)


def is_hearsay_context(text: str, subject: Ref, hearsay: list[Hit], says: list[Hit]) -> bool:
    """Return whether the subject sits inside someone's fear or guess ("they fear Macron will...")."""
    for h in hearsay:
        if h.end <= subject.start and not any(h.end <= s.start and s.end <= subject.start for s in says):
            return True
    return False


def _listed(text: str, position: int, upper: int, refs: list[Ref]) -> list[Ref]:
    """Return the actors listed one after the other from a position ("Germany, Czechia and Italy")."""
    found: list[Ref] = []
    for ref in refs:
        if ref.start < position or ref.end > upper:
            continue
        gap = text[(found[-1].end if found else position) : ref.start]
        if not (_LIST_GAP.fullmatch(gap) or (found and _LIST_HEAD.fullmatch(gap))) or (not found and len(gap) > 5):
            break
        if ref.possessive:
            break
        found.append(ref)
    return found


def named_members(
    text: str, start: int, end: int, refs: list[Ref], others: list[Hit], says: list[Hit], *, lowered: str
) -> list[Ref]:
    """Return the actors named as members of who holds a position: the examples after a collective ("several
    allies opposed the idea, in particular Germany and Spain"), the signatories, backers or donors listed after
    their verb ("signatories of the letter included Estonia, Finland and Sweden"), or after "signed by". lowered is
    text in lower case (where the words that announce a list are first looked for)."""
    m = _SIGNERS.search(text, start, end) if _SIGNER_WORDS.search(lowered, start, end) else None
    if m is not None:
        listed = _listed(text, m.end(), end, refs)
        if listed:
            return listed
    # Cheap tests first: " by ", then the end of a signing verb or a statement noun before it (_SIGNED_BY_END, in C
    # on lower-case text), as _SIGNED_BY is case-blind and tried at every word.
    by = lowered.find(" by ", start, end) >= 0 and _SIGNED_BY_END.search(lowered, start, end) is not None
    m = _SIGNED_BY.search(text, start, end) if by else None
    if m is not None:
        listed = _listed(text, m.end(), end, refs)
        # Signing states a position; a statement by someone must then say something ("... called for").
        # "..., according to a joint statement issued by X and Y": the source's authors hold what it reports.
        cited = _ACCORDING_BEFORE.search(text, max(start, m.start() - 30), m.start())
        if listed and (m.group(1) or cited or any(h.start >= listed[-1].end for h in says)):
            return listed
    if not says:
        return []  # members of a collective hold a position only with a verb after it (below)
    # "wants to see eight countries, including Turkey, as guarantors": the members of an object hold nothing;
    # "opposed by several allies, in particular ..." is the passive's agent.
    # Only the first such collective counts: the tests stop there.
    collective = next(
        (
            h
            for h in others
            if h.payload.kind == "collective"
            and start <= h.start < end
            and (not governed_at(text, h.start) or _BY_BEFORE.search(text, max(start, h.start - 30), h.start))
        ),
        None,
    )
    if collective is None or not any(h.start > collective.end for h in says):
        return []
    for m in _EXAMPLES.finditer(text, collective.end, end):
        listed = _listed(text, m.end(), end, refs)
        if listed:
            return listed
    return []


def numbered_group(
    text: str,
    start: int,
    issue_start: int,
    refs: list[Ref],
    discourse: Discourse,
    *,
    lowered: str,
    inside: bool = True,
) -> list[Ref]:
    """Return the actors a numbered subject before an issue stands for ("All four support ..., Macron told a
    press conference with Scholz, Draghi and Iohannis"): the sentence's actors when it names exactly that many,
    else the latest group of that size named together. lowered is text in lower case (where a number word is
    first looked for)."""
    if not _NUMBER_WORD.search(lowered, start, issue_start):
        return []
    m = _NUMBERED.match(text, start, issue_start)
    if m is None and inside:
        m = _NUMBERED_INSIDE.search(text, start, issue_start)
    if m is None or any(m.end() <= r.start < issue_start and not (r.possessive or r.governed) for r in refs):
        return []  # another subject in between ("all four said Macron ..."); "Ukraine's candidacy" is an object
    size = _NUMBERS[(m.group(1) or m.group(2)).lower()]
    named: dict[str, Ref] = {}
    for ref in refs:
        if not ref.possessive and ref.start >= m.end() and ref.name not in named:
            named[ref.name] = ref
    for kind in ("person", "government"):
        same = [r for r in named.values() if r.type == kind]
        if len(same) == size:
            return same
    for group in islice(reversed(discourse.groups), _GROUPS_BACK):
        if group[-1].end <= start and len({r.name for r in group}) == size:
            return group
    return []


def partners(text: str, cue: Hit, end: int, refs: list[Ref]) -> list[Ref]:
    """Return the other parties of an agreement the subject signed ("signed a security agreement with France"), or
    those the subject joined in a position ("Spain joined France in calling for ...")."""
    lo = max(0, cue.start - 80)
    joined = _JOINED_IN.search(text, lo, cue.start) if text.find("join", lo, cue.start) >= 0 else None
    if joined is not None:
        return [r for r in refs if joined.end(1) <= r.start and r.end <= joined.start(2)]
    if not cue.phrase.endswith("signed"):
        return []
    found = []
    for ref in refs:
        with_ = cue.end < ref.start < end and _WITH_BEFORE.search(text, max(cue.end, ref.start - 12), ref.start)
        if not with_ or _CLAUSE_END.search(text, cue.end, ref.start):
            continue  # "signed a pact with Spain; talks with Portugal continue": another clause
        # The agreement is named right before its partner ("an agreement with France", "a similar one with Germany").
        if _AGREEMENT.search(text, max(cue.end, ref.start - 40), ref.start):
            found.append(ref)
    return found


# Actors attached to the subject who share its act: "Along with Hungary, Bulgaria refused ...", "France, backed by
# the US, urged ...", "X signed the statement, together with Y and Z".
_FRONTED_WITH = re.compile(r"\s*(?:along|together)\s+with\s+", re.IGNORECASE)
_BACKED_BY = re.compile(r"[,—–]\s*(?:backed|supported|joined)\s+by\s+", re.IGNORECASE)
_INSERTION_CLOSE = re.compile(r"[,—–]")
_TOGETHER_WITH = re.compile(r",\s*(?:together|along)\s+with\s+", re.IGNORECASE)
# Between the listed companions: commas, "and", articles, possessives, nationalities and titles ("and the Dutch,").
_COMPANION_GAP = re.compile(r"(?:[\s,]|and\b|the\b|his\b|her\b|their\b|counterparts?\b|colleagues?\b|[A-Z][\w’'-]*)*")


def companions(text: str, start: int, end: int, speaker: Speaker, refs: list[Ref]) -> list[Ref]:
    """Return the actors attached to a subject who share its position: fronted "Along with X, ...", an insertion
    ", backed by X," between the subject and its verb, or ", together with X and Y" after the verb's object."""
    if not speaker.refs:
        return []  # a reported clause with its holder withheld (rules._reported_other): nobody to join
    first, cue = speaker.refs[0], speaker.cue
    if cue.start < first.end or (text.find("with", start, end) < 0 and text.find(" by ", first.end, cue.start) < 0):
        return []
    found: list[Ref] = []
    fronted = _FRONTED_WITH.match(text, start, first.start)
    if fronted is not None:
        comma = text.find(",", fronted.end(), first.start)
        if comma >= 0 and not text[comma + 1 : first.start].strip(" ,"):
            found += [r for r in refs if fronted.end() <= r.start and r.end <= comma and not r.possessive]
    last = speaker.refs[-1]
    backed = _BACKED_BY.search(text, last.end, cue.start)
    if backed is not None:
        close = _INSERTION_CLOSE.search(text, backed.end(), cue.start)
        upto = close.start() if close else cue.start
        found += [r for r in refs if backed.end() <= r.start and r.end <= upto and not r.possessive]
    together = _TOGETHER_WITH.search(text, cue.end, end)
    if together is not None and not _CLAUSE_END.search(text, cue.end, together.start()):
        at = together.end()
        for ref in refs:
            if ref.start < at:
                continue
            if not _COMPANION_GAP.fullmatch(text, at, ref.start):
                break
            if ref.type == first.type and not ref.possessive:
                found.append(ref)
            at = ref.end
    return found


def pronoun_owner(
    lowered: str, start: int, issue: Hit, refs: list[Ref], nouns: frozenset[str]
) -> tuple[Ref, int] | None:
    """Return the antecedent of "its/his/her" before a statement noun that names an issue ("persuade Hungary to lift
    its veto on military aid": Hungary's veto), and where the statement starts; else None."""
    lo = max(start, issue.start - _CLAUSE_CHARS)
    if _OWNER_WORD.search(lowered, lo, issue.start) is None:
        return None  # cheap check first: no "its", "his" or "her" before the issue
    m = None
    for found in _OWNER_PRONOUN.finditer(lowered, lo, issue.start):
        if found.group(2) in nouns:
            m = found
    if m is None:
        return None
    gap = lowered[m.end() : issue.start]
    # "his demands that allies ... raise their defence spending": a content clause carries the statement further.
    clause = gap.startswith(" that ") and "," not in gap
    if _words(gap) > (_CLAUSE_WORDS if clause else 4):
        return None
    wanted = ("person",) if m.group(1) in ("his", "her") else ("government", "organization")
    # "Trump's limits and his demands": a person named with a possessive is still "his".
    before = [
        r
        for r in refs
        if start <= r.start and r.end <= m.start() and r.type in wanted and (not r.possessive or wanted == ("person",))
    ]
    if not before or any(r.start > before[-1].end and r.end <= m.start() for r in refs):
        return None
    # "Hungary was accused of holding the EU hostage over its refusal": the subject, not an object, owns it; an
    # object that is the subject of an infinitive after it ("persuade Slovakia to lift its veto") owns it too.
    subjects = [r for r in before if not r.governed]
    control = lowered.startswith(" to ", before[-1].end)
    owner = subjects[-1] if subjects and before[-1].governed and not control else before[-1]
    at = m.start()
    if clause and _words(gap) > 4:
        # Its stance is read from the last of the clause's coordinated verbs ("... and increase their spending").
        at = max(at, lowered.rfind(" and ", m.end(), issue.start))
    return owner, at


def _words(text: str) -> int:
    return len(text.split())


def adjective_owner(
    text: str, start: int, issue: Hit, refs: list[Ref], others: list[Hit], nouns: frozenset[str]
) -> tuple[str, int, int] | None:
    """Return the country code and span of a national adjective before a statement noun that names an issue
    ("Hungarian objections to ...", "the German proposal to use frozen assets"); else None."""
    adjectives = [h for h in others if h.payload.kind == "adj" and start <= h.start and h.end <= issue.start]
    if not adjectives:
        return None
    adj = adjectives[-1]
    if issue.start - adj.end > 80 or any(adj.end <= r.start < issue.start for r in refs):
        return None
    words = text[adj.end : issue.start].lower().split()
    if not words or len(words) > 8 or words[0].strip(",.;:") not in nouns:
        return None
    if len(words) > 1 and words[1] not in _ATTACHED:
        return None  # "the French plan revives a proposed initiative to ...": the noun's clause moves on
    return adj.payload.value, adj.start, adj.end


def _apposition(text: str, first: Ref, second: Ref) -> bool:
    """Return whether two actors separated by a comma are one described twice ("the head of the Foreign Ministry
    of Norway, Espen Barth Eide, noted"): a government and a person of the same country."""
    if text[first.end : second.start].strip() != "," or first.country != second.country:
        return False
    return {first.type, second.type} == {"person", "government"}


# "The joint statement reads", "the ministers noted": a text several governments signed speaks for each of them.
_AUTHORED = re.compile(
    r"\bthe\s+(?:(joint)\s+)?(?:statement|declaration|communiqu[eé]|letter)\s+(?:also\s+|further\s+)?"
    r"(?:reads|read|says|said|states|stated|highlights|highlighted|stresses|stressed|underlines|underlined|notes|"
    r"noted|adds|added|calls|called|urges|urged|emphasi[sz]es|emphasi[sz]ed|insists|insisted)\b"
    r"|\b(?:reads|read|says|said|states|stated|adds|added)\s+the\s+(?:joint\s+)?(?:statement|declaration|"
    r"communiqu[eé]|letter)\b"
    r"|\bthe\s+(?:foreign\s+|defen[cs]e\s+)?(?:ministers|signatories)\s+(?:also\s+|further\s+)?"
    r"(?:said|say|stated|noted|added|stressed|wrote|emphasi[sz]ed|underlined|insisted)\b",
    re.IGNORECASE,
)
_JOINT = re.compile(r"\bjoint\s+(?:statement|declaration|communiqu[eé]|letter)\b", re.IGNORECASE)
_AUTHORS_BACK = 600
_CHAIN_STEPS = 3  # earlier mentions of the same statement followed back to the joint one
_QUOTE_CLOSE = re.compile(r"[\s,.]*")  # characters: the group of authors is named shortly before


def statement_authors(text: str, start: int, end: int, discourse: Discourse, quote_end: int | None = None) -> list[Ref]:
    """Return the actors a joint text speaks for ("..., the joint statement reads"; "The statement also highlights
    ..."; "the ministers noted"): the group named together nearest a mention of a joint text before ("X, Y and Z
    said in a joint statement"; "a joint statement ... Officials from X, Y and Z addressed ..."); else nothing.
    For a quotation (start to quote_end), the joint text must be named right after it."""
    authored = _AUTHORED.search(text, start if quote_end is None else quote_end, end)
    if authored is None or (quote_end is not None and not _QUOTE_CLOSE.fullmatch(text, quote_end, authored.start())):
        return []
    lo = max(0, start - 2 * _AUTHORS_BACK)
    mentions = list(_JOINT.finditer(text, lo, authored.start() + 1))
    for _ in range(_CHAIN_STEPS):
        if mentions or lo == 0:
            break
        # "..., says the statement" ... "..., reads the statement": each mention of the text refers back to the
        # one before it, up to the joint statement that named its authors.
        earlier = _AUTHORED.search(text, lo, authored.start())
        if earlier is None:
            break
        lo = max(0, earlier.start() - 2 * _AUTHORS_BACK)
        mentions = list(_JOINT.finditer(text, lo, earlier.start() + 1))
    if not mentions:
        return []
    first = mentions[0].start()
    lower = max(text.rfind(". ", 0, first), text.rfind("\n", 0, first), 0)
    best: list[Ref] = []
    distance = len(text)
    for group in islice(reversed(discourse.groups), _GROUPS_BACK):
        if group[0].start < lower or group[-1].end > start or discourse.quoted(group[0].start):
            continue  # not the authors: a group named after the text, or inside a quotation of it
        names: dict[str, Ref] = {}
        for ref in group:
            names.setdefault(ref.name, ref)
        kinds = {"person" if r.type == "person" else "state" for r in names.values()}
        latest = mentions[-1]  # the latest mention of the joint text names its authors nearest
        gap = min(abs(latest.start() - group[-1].end), abs(group[0].start - latest.end()))
        if len(names) >= 2 and len(kinds) == 1 and gap < distance:
            best, distance = list(names.values()), gap
    return best
