"""Issues from the taxonomy's lexicons, and the stance of an issue mention from cue words with negation scope.

The `lexicon` of an issue (app/taxonomy/data/issues.yaml) is a mapping:

    lexicon:
      terms: [ceasefire, truce]              # phrases naming the issue; the stance comes from cues around them
      support: [full withdrawal .. troops]   # phrases naming the issue that already mean support
      oppose: [territorial concessions]      # phrases naming the issue that mean oppose when welcomed
      not: [nuclear weapons]                 # look-alikes that are NOT the issue (they win over shorter terms)
      yields_to: [advanced-weapons]          # drop this issue in a sentence that names one of these
      requires: [ukrain*, kyiv]              # count this issue only where the sentence or the one before names one

Phrase syntax is app.extract.matcher's: whole words, "word*" for any ending, ".." for a gap of up to three words.
A phrase written with a capital letter matches only with that capitalisation ("Patriot*" is the missile system,
not "a patriot").
A cue that opposes an oppose-phrase gives support ("refuses territorial concessions"), and the other way round.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.extract import cues
from app.extract.matcher import Hit, PhraseMatcher, drop_overlaps, lowercase
from app.taxonomy import Taxonomy

# The vocabularies tested per cue, as sets.
_MODAL_NEGATIONS = frozenset(cues.MODAL_NEGATIONS)
_FORWARD_ONLY = frozenset(cues.FORWARD_ONLY)
_HARMED = frozenset(cues.HARMED)
_RULING_OUT = frozenset(cues.RULING_OUT)
_CALLS = frozenset(cues.CALLS)
_AMOUNTS = frozenset(cues.AMOUNTS)
_SELF_NEGATED = frozenset(cues.SELF_NEGATED)
_AFTER_EXCLUDED = _FORWARD_ONLY | _AMOUNTS  # no predicate of the issue before them
_LEXICON_KEYS = {"terms": +1, "support": +1, "oppose": -1, "not": 0, "weak": +1}
_WORD = re.compile(r"[\w'’-]+")
_NEGATION_WINDOW = 3  # words between a negator and the cue it turns around
_CUE_BEFORE = 150  # characters before an issue phrase in which its stance cue is looked for (a news sentence
# often puts a long object between the verb and the issue: "cautioned against giving weight to plans that seek ...")
_CUE_AFTER = 60
_COPULA = re.compile(
    # The phrase's head noun may follow it ("Storm Shadow missiles were", "the Taurus delivery is").
    r"[\s,]*(?:(?:" + "|".join(cues.HEAD_NOUNS) + r")\s+)?"
    r"(?:and\s+[\w-]+\s+)?(?:(?:[\w-]+ly|altogether|alone|now|also|too|itself|themselves)\s+)?"
    r"(?:would|will|could|might|is|are|was|were|remains?|cannot|can't|can|must|should|may)\b",
    re.IGNORECASE,
)
_PARENTHESIS = re.compile(
    r"\s*(?:[–—]\s[^–—]{1,80}\s[–—]|\([^)]{1,80}\)"
    # A short aside between commas that qualifies the subject (", “even if at the bilateral level,”").
    r"|,\s*[“\"]?(?:even if|even|if|including|especially|at least|in particular|for example|for instance)\b"
    r"[^,;.]{0,60},[”\"]?)",
    re.IGNORECASE,
)
# Russia as the object of "against": the target of sanctions or measures, not a position on them.
_TARGET = re.compile(
    r"\s+(?:the\s+)?(?:russia\b|russian\s+(?:federation|state|economy|government)\b|moscow\b|kremlin\b|putin\b)"
    # The country attacked ("aggression against Ukraine") and what is defended against ("a deterrent against
    # further aggression") are targets too.
    r"|\s+(?:ukraine|kyiv|kiev)\b"
    r"|\s+(?:[\w'’-]+\s+){0,3}?(?:aggression|attacks?|invasion|invaders?|occupiers?|occupation|targets?)\b"
)
# A measure named right before "against" ("measures against Russian oil"): what follows is its target.
_MEASURE = re.compile(
    r"\b(?:measures?|sanctions?|steps|actions?|restrictions?|bans?|embargo(?:es)?|tariffs?|penalties|package)\s*$"
)
# The war or the fighting as the subject of an ending verb ("the day the fighting stops"): a time, not a stance.
_WAR_ENDS = re.compile(r"\b(?:war|fighting|hostilities|conflict|bloodshed|killing)\s+(?:\w+\s+)?$")
_STOPPING = re.compile(r"(?:stop|stops|stopped|end|ends|ended|halt|halts|halted|ceases?|ceased)$")
_STOPPING_WORDS = ("stop", "end", "halt", "cease")
_ENDING = frozenset({"end the", "end its", "end all", "ending the", "ended the", "put an end to", "end to"})
_WAR = re.compile(
    r"\s+(?:(?:russian|russia's|this|that|the)\s+)?(?:[a-z-]+\s+){0,2}"
    r"(?:war|fighting|conflict|killing|hostilities|invasion|aggression|bloodshed)\b"
)
_JOINED = re.compile(r"[\s,]*(?:and|or)[\s,]*|\s*,\s*", re.IGNORECASE)
# An adjective describing the war itself ("its illegal invasion"): a description, not a stance on an issue.
_WAR_ADJECTIVES = frozenset({"illegal", "reckless", "unjustifiable", "unjustified"})
_WAR_NOUN = re.compile(r"\s+(?:(?:and\s+)?[a-z-]+\s+){0,2}?(?:war|invasion|aggression|annexation|occupation)\b")
# Condemning the war itself ("condemn Russia's war of aggression and call on Russia to agree to a ceasefire"): a
# judgement of Russia's acts, no stance on an issue, so it does not turn around a position named after it (round 5).
_CONDEMN = frozenset({"condemn*", "condemned", "condemns", "condemning"})
_CONDEMNED_ACT = re.compile(
    r"\s+(?:[a-z]+ly\s+)?[\"“‘']?(?:(?:russian|russia's|moscow's|putin's|the|this|its|their)\s+)?(?:[a-z-]+\s+){0,2}?"
    r"(?:war|invasion|aggression|annexation|occupation|atrocities|bombing|shelling|killing|bloodshed)\b"
)


class LexiconError(ValueError):
    """An issue's lexicon is malformed."""


@dataclass(frozen=True)
class IssueCue:
    """An issue phrase: which issue, and the polarity built into the phrase."""

    issue: str
    polarity: int
    carried: bool = False  # a back-reference ("the plan") standing for this issue of an earlier sentence
    weak: bool = False  # a generic phrase ("help Ukraine") that names the issue only when no other issue is named


@dataclass(frozen=True)
class Stance:
    """The stance found for an issue mention, and the cues that decided it."""

    stance: str  # support | oppose | neutral
    cue: str | None
    negated: bool


@dataclass(frozen=True)
class Lexicons:
    """The compiled issue lexicons: issue phrases, which issues yield to which, and context requirements."""

    matcher: PhraseMatcher
    yields: dict[str, tuple[str, ...]]
    requirements: PhraseMatcher  # payload: the issue id that needs this context phrase
    required: frozenset[str]  # issues that count only near one of their `requires` phrases


def compile_issues(taxonomy: Taxonomy) -> Lexicons:
    """Compile every issue lexicon into one matcher, with each issue's yields_to and requires lists."""
    entries = []
    yields: dict[str, tuple[str, ...]] = {}
    requirements: list[tuple[str, str]] = []
    for issue in taxonomy.issues.values():
        lexicon = issue.lexicon or {}
        unknown = set(lexicon) - {*_LEXICON_KEYS, "yields_to", "requires", "note"}
        if unknown:
            raise LexiconError(f"issue {issue.id}: unknown lexicon keys {sorted(unknown)}")
        for key, polarity in _LEXICON_KEYS.items():
            phrases = lexicon.get(key) or []
            if not isinstance(phrases, list) or not all(isinstance(p, str) for p in phrases):
                raise LexiconError(f"issue {issue.id}: lexicon.{key} must be a list of phrases")
            entries += [(p, IssueCue(issue.id, polarity, weak=key == "weak")) for p in phrases]
        yields[issue.id] = tuple(lexicon.get("yields_to") or ())
        needs = lexicon.get("requires") or []
        if not isinstance(needs, list) or not all(isinstance(p, str) for p in needs):
            raise LexiconError(f"issue {issue.id}: lexicon.requires must be a list of phrases")
        requirements += [(p, issue.id) for p in needs]
    capitalised = {phrase for phrase, _ in entries if any(ch.isupper() for ch in phrase)}
    return Lexicons(
        matcher=PhraseMatcher(entries, case_sensitive=capitalised),
        yields=yields,
        requirements=PhraseMatcher(requirements),
        required=frozenset(issue for _, issue in requirements),
    )


def compile_cues() -> tuple[PhraseMatcher, PhraseMatcher, PhraseMatcher]:
    """Compile the general vocabularies: attribution verbs, stance cues, negators."""
    attribution = PhraseMatcher([(p, "say") for p in cues.ATTRIBUTION] + [(p, "hearsay") for p in cues.HEARSAY])
    # Someone else's stance on the holder ("faced criticism") is matched too, so that it hides its words, and
    # then dropped (payload None) by drop_targets.
    stance = PhraseMatcher(
        [(p, value) for value, phrases in cues.STANCE.items() for p in phrases]
        + [(p, 1) for p in cues.AMOUNTS]
        + [(p, None) for p in cues.NOT_CUES]
    )
    negators = PhraseMatcher([(p, "not") for p in cues.NEGATORS])
    return attribution, stance, negators


# Quotation marks around a word or two of an issue phrase ("the “windfall” revenues", "a “peacekeeping” force")
# mark the words, not a phrase boundary: around such a short quotation the phrases are also looked for without them.
_SCARE_QUOTE = re.compile(r"[“\"][\w'’-]+(?: [\w'’-]+){0,2}[”\"]")
_AROUND = 60  # characters on either side of a short quotation in which a phrase through it is looked for


def find_issues(matcher: PhraseMatcher, text: str, lowered: str, hits: list[Hit] | None = None) -> list[Hit]:
    """Return the issue phrases of a text, also those with a short quotation inside them (at their places in the
    text with the marks); hits, when given, are what matcher.find has already found in the text."""
    hits = matcher.find(text, lowered) if hits is None else hits
    quotes = [q.span() for q in _SCARE_QUOTE.finditer(lowered)]
    if not quotes:
        return hits
    windows: list[list] = []  # [lower, upper, quotes]: overlapping windows are matched once
    for q in quotes:
        lower, upper = max(0, q[0] - _AROUND), min(len(lowered), q[1] + _AROUND)
        if windows and lower <= windows[-1][1]:
            windows[-1][1] = upper
            windows[-1][2].append(q)
        else:
            windows.append([lower, upper, [q]])
    seen = {(h.start, h.end, h.phrase) for h in hits}
    extra = []
    for lower, upper, inside in windows:
        # The window without its quotation marks, built from the slices between the marks (C-level copies rather
        # than a Python step per character); kept maps an offset in it back to the text.
        marks = sorted({m for q in inside for m in (q[0], q[1] - 1)})
        pieces = list(zip([lower, *(m + 1 for m in marks)], [*marks, upper], strict=True))
        kept: list[int] = []
        for a, b in pieces:
            kept.extend(range(a, b))
        for h in matcher.find("".join(text[a:b] for a, b in pieces), "".join(lowered[a:b] for a, b in pieces)):
            start, end = kept[h.start], kept[h.end - 1] + 1
            # Only a phrase through a quotation (it takes in the quoted words, and a mark fell inside it).
            through = end - start != h.end - h.start and any(start <= q[0] + 1 and end >= q[1] - 1 for q in inside)
            if through and (start, end, h.phrase) not in seen:
                seen.add((start, end, h.phrase))
                extra.append(Hit(start, end, h.phrase, h.payload))
    if not extra:
        return hits
    return sorted(hits + extra, key=lambda h: (h.start, h.start - h.end))


def drop_weak(text: str, hits: list[Hit]) -> list[Hit]:
    """Drop the generic phrases of an issue ("send troops to help Ukraine") from a clause that names another issue
    in its own words: there they state the purpose of that other issue, not a position of their own. A colon, dash,
    semicolon or quotation mark between the two ("Asked about guarantees — X said: “help Ukraine”") separates them."""
    if not any(h.payload.weak for h in hits):
        return hits
    named = [h for h in drop_overlaps(hits) if h.payload.polarity != 0 and not h.payload.weak]
    if not named:
        return hits
    return [h for h in hits if not h.payload.weak or not any(_same_clause(text, h, o) for o in named)]


# A place on the alliance's own ground right after a phrase ("NATO troops on Polish territory", "troop presence on
# the eastern flank", "in the eastern part of the alliance"): a deployment there, not in Ukraine. Ukraine's and
# Russia's ground, and a possessive (whose owner may be Ukraine: "troops on its territory"), are not such places.
_OWN_GROUND = re.compile(
    r"\s+(?:on|in|along|across)\s+(?:the\s+)?(?:(?!ukrain|russia|occupied|its\b|our\b|their\b|his\b|her\b)"
    r"[\w'’-]+\s+){1,2}(?:territory|soil|flank)\b(?!\s+of\b)"
    r"|\s+(?:on|in|along)\s+(?:the\s+)?(?:alliance's\s+|nato's\s+)?(?:eastern|northern|southern)\s+flank\b"
    r"|\s+in\s+the\s+(?:eastern|northern|southern)\s+part\s+of\s+(?:the\s+alliance|nato|europe)\b"
)


def drop_elsewhere(lowered: str, hits: list[Hit]) -> list[Hit]:
    """Drop an issue phrase that a place on the alliance's own ground follows ("strengthen the presence of NATO
    troops on Polish territory"): a deployment at home is no position on sending troops into Ukraine. The whole
    mention is dropped, every phrase that ends where the place begins ("presence of NATO troops", "NATO troops")."""
    ends = {h.end for h in hits if h.payload.polarity != 0 and _OWN_GROUND.match(lowered, h.end)}
    if not ends:
        return hits
    return _without(hits, [h for h in hits if h.end in ends])


def _without(hits: list[Hit], dropped: list[Hit] | set[Hit]) -> list[Hit]:
    """Return hits without the dropped ones and the shorter phrases inside them ("talks" in "peace talks")."""
    if not dropped:
        return hits
    spans = [(h.start, h.end) for h in dropped]
    return [h for h in hits if not any(start <= h.start and h.end <= end for start, end in spans)]


# A warned consequence of what was just named ("opposes the plan, warning it could undermine the talks"): the
# talks are what the plan would harm, not a position of their own.
_WARNED = re.compile(
    r"\bwarn(?:s|ed|ing)?\s+(?:that\s+)?(?:it|this|they|the\s+[\w-]+|such\s+(?:an?\s+)?[\w-]+)\s+"
    r"(?:could|would|might|may|will)\s+(?:[^.;:!?\s]+\s+){0,15}$"
)


def drop_consequences(lowered: str, hits: list[Hit]) -> list[Hit]:
    """Drop the phrases of an issue that stand in a warned consequence of another issue named before them in the
    sentence ("Budapest opposes EU membership for Ukraine, warning it could burden taxpayers with military aid")."""
    if len(hits) < 2:
        return hits
    named = [h for h in resolve_overlaps(hits) if h.payload.polarity != 0]
    if len(named) < 2:
        return hits
    dropped = set()
    for h in named:
        earlier = [o for o in named if o.end <= h.start and o.payload.issue != h.payload.issue]
        if earlier and _WARNED.search(lowered, earlier[0].end, h.start):
            dropped.add(h)
    return _without(hits, dropped)


# Another issue's phrase as the predicate of the first ("NATO membership is the only security guarantee", "the
# reassurance force would be a credible security arrangement"): it describes the first, and names no issue of its own.
_NAMES = re.compile(
    r"\s*[“”\"'‘’]?\s*(?:(?:would|will|could|might|may|must|should)\s+)?(?:be|is|are|was|were|remains?)\s+"
    r"(?:[\w-]+ly\s+)?[“\"'‘]?(?:the|a|an)\s+[“\"'‘]?(?:(?!(?:to|towards?|for|of|in|on|with|into|from)\b)[\w-]+\s+){0,3}"
)


def drop_predicates(lowered: str, hits: list[Hit]) -> list[Hit]:
    """Drop an issue phrase that is the predicate of another issue's phrase right before it ("NATO membership is the
    only security guarantee"): the guarantee is what membership is said to be, not a position on guarantees."""
    if len(hits) < 2:
        return hits
    named = [h for h in resolve_overlaps(hits) if h.payload.polarity != 0]
    dropped = {
        h
        for h in named
        for o in named
        if o.end < h.start < o.end + 80
        and o.payload.issue != h.payload.issue
        and _NAMES.fullmatch(lowered, o.end, h.start)
    }
    return _without(hits, dropped)


def _same_clause(text: str, weak: Hit, other: Hit) -> bool:
    if other.payload.issue == weak.payload.issue:
        return False
    lower, upper = (other.end, weak.start) if other.end <= weak.start else (weak.end, other.start)
    return _SEPARATOR.search(text, lower, upper) is None if lower <= upper else False


def resolve_overlaps(hits: list[Hit]) -> list[Hit]:
    """Keep the longest of overlapping issue phrases (look-alikes included, which then hide the terms inside them),
    and another issue's phrase inside the gap of a phrase ("Russia immediately cease hostilities, withdraw")."""
    kept = drop_overlaps(hits)
    gaps = [k for k in kept if ".." in k.phrase]
    if gaps:
        # A cheap test first: a phrase in a gap starts and ends inside it.
        inner = [
            h
            for h in hits
            if any(
                g.start <= h.start and h.end < g.end and g.payload.issue != h.payload.issue and _in_gap(h, g)
                for g in gaps
            )
        ]
        kept = sorted(kept + drop_overlaps(inner), key=lambda h: (h.start, -(h.end - h.start)))
    return kept


def _in_gap(h: Hit, g: Hit) -> bool:
    """Return whether phrase h stands in the gap of phrase g: strictly inside it, or from its first word into the gap
    and ending before its last words ("join the EU and NATO": "join the EU" inside "join .. NATO"; but "send ..
    military" does not stand in the gap of "send .. military aid")."""
    if g.start < h.start and h.end < g.end:
        return True
    if h.start != g.start:
        return False
    first, last = g.phrase.split("..", 1)[0].strip(), g.phrase.rsplit("..", 1)[1].strip()
    if "*" in first or "*" in last:
        return False  # the words' lengths in the text are unknown
    return g.start + len(first) < h.end < g.end - len(last)


def issue_hits(hits: list[Hit], lexicons: Lexicons, context: set[str] | None = None) -> list[Hit]:
    """Keep the longest of overlapping issue phrases, drop issues that yield to another one present, and issues
    whose required context (e.g. Ukraine named nearby) is missing; context holds the issues whose is present."""
    if not hits:
        return []  # most sentences name no issue
    kept = [h for h in resolve_overlaps(hits) if h.payload.polarity != 0]
    present = {h.payload.issue for h in kept}
    context = context or set()
    return [
        h
        for h in kept
        if present.isdisjoint(lexicons.yields.get(h.payload.issue, ()))
        and (h.payload.issue not in lexicons.required or h.payload.issue in context)
    ]


def drop_targets(lowered: str, hits: list[Hit]) -> list[Hit]:
    """Drop cue words that are no stance here: "against" naming the target of a measure ("sanctions against
    Moscow", "measures against Russian oil"), ending the war itself ("to end the war, ..."), a goal rather than
    opposition, condemning the war itself, and someone else's stance on the holder ("faced criticism")."""
    return [
        h
        for h in hits
        if h.payload is not None
        and not (
            h.phrase == "against"
            and (_TARGET.match(lowered, h.end) or _MEASURE.search(lowered, max(0, h.start - 20), h.start))
        )
        and not (h.phrase in _ENDING and _WAR.match(lowered, h.end))
        and not (h.phrase in _WAR_ADJECTIVES and _WAR_NOUN.match(lowered, h.end))
        and not (h.phrase in _CONDEMN and _CONDEMNED_ACT.match(lowered, h.end))
        and not (
            lowered.startswith(_STOPPING_WORDS, h.start, h.end)  # a cheap test first: few cues are these verbs
            and _STOPPING.match(lowered[h.start : h.end])
            and _WAR_ENDS.search(lowered, max(0, h.start - 30), h.start)
        )
    ]


def _modal_negations(lowered: str, kept: list[Hit]) -> list[Hit]:
    """Drop a negated modal right before another cue ("cannot be ruled out", "would not exclude"): its negator
    turns that cue around instead."""
    return [
        h
        for i, h in enumerate(kept)
        if not (
            h.phrase in _MODAL_NEGATIONS
            and i + 1 < len(kept)
            and kept[i + 1].start >= h.end
            and _words_between(lowered, h.end, kept[i + 1].start) <= _NEGATION_WINDOW - 1
        )
    ]


def drop_named(lowered: str, stance_hits: list[Hit], issues: list[Hit]) -> list[Hit]:
    """Drop the cue words inside an issue phrase that names the thing ("restrictions on Russian imports", "a halt to
    the fighting"): they are part of its name, no stance on a later phrase ("restrictions on Russian LNG and the
    shadow fleet"). A phrase that is a cue as a whole ("freeze the conflict") stays a cue. Then a negated modal
    right before a remaining cue ("cannot be ruled out") gives way to that cue, which its negator turns around."""
    names = [h for h in issues if h.payload.polarity > 0 and not h.payload.carried]
    if names:
        stance_hits = [
            h
            for h in stance_hits
            if not any(n.start <= h.start and h.end <= n.end and (h.start, h.end) != (n.start, n.end) for n in names)
        ]
    return _modal_negations(lowered, stance_hits)


# An issue named as the topic of a talk or a stance ("spoke about the guarantees issue", "its stance on strikes").
_TOPIC_AFTER = re.compile(r"\s+(?:issue|question|topic|dossier|file|matter)\b")
_TOPIC_DETERMINER = re.compile(r"\bthe\s+(?:[\w'’-]+\s+){0,2}$")
_STANCE_ON = re.compile(
    r"\b(?:stance|position|policy|views?|details)\s+(?:on|about|regarding|concerning|towards?)\s+"
    r"(?:the\s+)?(?:[\w'’-]+\s+){0,2}[\"'‘“]?$"  # the topic may be in quotation marks
)
# A denied implication ("this does not mean we are considering X"): what follows is no position.
_DENIED = re.compile(
    r"\b(?:does|do|did)\s*(?:not|n't)\s+mean\b|\bnot\s+mean\s+that\b"
    r"|\b(?:declined|declines|refused|refuses|would not|did not|does not)\s+(?:to\s+)?"
    r"(?:comment|elaborate|provide details|give details|go into details|name|identify|say which|disclose)\b"
)
# What someone is confronted with or pressed into ("was faced with calls for a ceasefire"): not their position.
_RECEIVED = re.compile(
    r"\b(?:confronted|faced|presented|bombarded|flooded)\s+with\s+(?:[\w'’-]+\s+){0,5}$"
    r"|\b(?:(?:is|are|was|were|been|being)\s+(?:pressed|pressured|pressurised|pressurized)|under\s+pressure)"
    r"\s+(?:in)?to\s+(?:[\w'’-]+\s+){0,3}$"
    # What someone is criticised or blamed for ("has been criticised for blocking arms supplies"): others' view.
    r"|\b(?:been|being|was|were|is|are)\s+(?:criticised|criticized|blamed|condemned|attacked|accused)\s+for\s+"
    r"(?:[\w'’-]+\s+){0,5}$"
)
# A sentence opening with the circumstances ("Amid efforts to start talks, X said ..."): background to what follows.
_BACKDROP = re.compile(
    r"(?:amid|ahead of|in the wake of|against the backdrop of|against the background of)\b[^,]{0,120},",
    re.IGNORECASE,
)
# A second phrase of the same issue as the predicate of the first ("a truce would only freeze the conflict").
_PREDICATE = re.compile(
    r"\s*,?\s*(?:(?:that|which)\s+)?(?:would|will|could|might|may|is|are|was|were|can|means?)?\s*"
    r"(?:only|just|merely|simply|effectively)?\s*(?:be\s+)?(?:to\s+)?"
)
_ENDS_IN_PREPOSITION = re.compile(r"\b(?:of|on|for|over|from|against|into|to|with)$")
# Two phrases of one issue joined by a preposition name one thing ("the confiscation of Russian assets").
_CHAINED = re.compile(r"\s+(?:of|on|for|over|from|against|into)\s+(?:the\s+|its\s+|their\s+)?")
# The state of something described ("negotiations are frozen", "the talks stalled"): a report, not a position.
_STATE = re.compile(
    r"\s+(?:between\s+[\w\s'’-]{1,40}?\s+)?(?:are|is|were|was|have been|has been|remain|remained|remains)?\s*"
    r"(?:(?:currently|now|still|effectively)\s+)?"
    r"(?:frozen|stalled|deadlocked|at a standstill|collapsed|broke down|broken down|underway|"
    r"ongoing|in progress|taking place|took place|under way)\b"
)
# A purpose after another issue's phrase ("send troops to help Ukraine"): the other issue's reason, not an issue.
_PRECONDITION = re.compile(r"\b(?:until|unless|till)\s", re.IGNORECASE)
_IF = re.compile(r"\bif\b", re.IGNORECASE)
_SEPARATOR = re.compile(r"[:;“”\"—–]|\s-\s")
_PURPOSE = re.compile(r"\s+(?:in order\s+)?to\s+$")


def in_backdrop(text: str, sentence_start: int) -> int:
    """Return where the circumstances a sentence opens with end ("Amid efforts to start talks, "), else its start."""
    lead = _BACKDROP.match(text, sentence_start)
    return lead.end() if lead is not None else sentence_start


def is_background(
    lowered: str, sentence_start: int, issue: Hit, others: list[Hit], stance_hits: list[Hit] = ()
) -> bool:
    """Return whether an issue phrase is no position of anyone in its sentence: the topic of a talk or of a stance
    ("spoke to X over the security guarantees issue", "has not changed its stance on strikes"), an implication
    denied ("this does not mean we are considering sending troops"), the circumstances a sentence opens with
    ("Amid efforts to start peace talks, X said ..."), or the purpose of another issue ("troops to help Ukraine")."""
    before = lowered[max(sentence_start, issue.start - 60) : issue.start]
    if _TOPIC_AFTER.match(lowered, issue.end) and _TOPIC_DETERMINER.search(before):
        return True
    if _STATE.match(lowered, issue.end):
        return True
    if (
        ("stance" in before or "position" in before or "policy" in before or "view" in before or "details" in before)
        and _STANCE_ON.search(before)
        and not any(sentence_start <= h.start and h.end <= issue.start for h in stance_hits)
    ):
        return True  # "had not changed its stance on strikes"; but "hesitant about its position on strikes" is one
    # The clause after the last comma or semicolon in reach, sliced once.
    lo = max(sentence_start, issue.start - 120)
    cut = max(lowered.rfind(",", lo, issue.start), lowered.rfind(";", lo, issue.start))
    clause = lowered[cut + 1 if cut >= 0 else lo : issue.start]
    # Cheap tests first, words that each pattern needs: most clauses have none.
    if ("mean" in clause or "declin" in clause or "refus" in clause or " not" in clause) and _DENIED.search(clause):
        return True
    if ("press" in clause or ("ed" in clause and ("with" in clause or "for" in clause))) and _RECEIVED.search(clause):
        return True
    if issue.end <= in_backdrop(lowered, sentence_start):
        return True
    for o in others:
        if (
            o.end <= issue.start <= o.end + 3
            and o.payload.issue == issue.payload.issue
            and not lowered[o.end : issue.start].strip()
            and not _ENDS_IN_PREPOSITION.search(lowered, o.start, o.end)
        ):
            return True  # "no return to normal relations with Russia": one mention, read at its first phrase
        if (
            o.start >= issue.end
            and o.payload.issue == issue.payload.issue
            and _CHAINED.fullmatch(lowered, issue.end, o.start)
        ):
            return True  # "the confiscation of Russian assets": one mention, read at its last phrase
        if o.end > issue.start or o.end + 40 < issue.start:
            continue
        if o.payload.issue != issue.payload.issue and _PURPOSE.fullmatch(lowered, o.end, issue.start):
            return True
        if o.payload.issue == issue.payload.issue and _PREDICATE.fullmatch(lowered, o.end, issue.start):
            return o.end < issue.start and lowered[o.end : issue.start].strip(" ,") != ""
    return False


def _any_of(words: list[str]) -> str:
    """Return a regex for any of the words, factored by their common beginnings ("(?:a(?:nd|s)|but)"): a scan then
    follows one branch per character instead of trying every word at every space."""
    tree: dict = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here

    def branches(node: dict) -> str:
        alternatives = [re.escape(ch) + branches(rest) if ch else "" for ch, rest in sorted(node.items())]
        return alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"

    return branches(tree)


# Clause breaks, found in one regex scan: those looking back reversed (the last to end is the first found in the
# reversed text), those looking forward with the conditions that end an issue's clause.
_BREAKS_REVERSED = re.compile(_any_of([mark[::-1] for mark in cues.CLAUSE_BREAKS + cues.SPEECH_CLAUSES]))
_BREAKS_AHEAD = re.compile(
    _any_of([mark for mark in cues.CLAUSE_BREAKS + cues.CONDITIONS + cues.SPEECH_CLAUSES if mark != " and that "])
)
_LONGEST_BREAK = max(len(mark) for mark in cues.CLAUSE_BREAKS + cues.CONDITIONS + cues.SPEECH_CLAUSES)


def _words_between(text: str, start: int, end: int) -> int:
    return len(_WORD.findall(text[start:end]))


def _clause_start(text: str, lower: int, position: int, reach: int) -> int:
    """Return where the clause holding position starts (after the last clause break since lower), but no further
    back than reach characters before position."""
    # Only a break that ends within reach counts, so the window starts with the longest break ending there. The
    # break that ends last is the first one found in the reversed window: one regex scan, not a search per break.
    window = lowercase(text[max(lower, position - reach - _LONGEST_BREAK) : position])
    last = _BREAKS_REVERSED.search(window[::-1])
    return max(position - last.start() if last else lower, position - reach)


def _skip_parenthesis(text: str, position: int, upper: int) -> int:
    """Return the position after a parenthesis opening at position (" – which ... –"), else position."""
    m = _PARENTHESIS.match(text, position, upper)
    return m.end() if m else position


def _clause_end(text: str, position: int, upper: int, reach: int) -> int:
    """Return where the clause from position ends looking forward, but no further than reach characters on."""
    # A later "and that" clause still speaks of the issue ("jets were a long-term question and that no decision
    # had been taken"), so it does not end the clause looking forward.
    # Only a break that starts within reach counts, so the window ends with the longest break starting there.
    window = lowercase(text[position : min(upper, position + reach + _LONGEST_BREAK)])
    # A condition after the issue is its own clause ("would impose sanctions if Russia did not agree").
    first = _BREAKS_AHEAD.search(window)
    return min(position + first.start() if first else upper, position + reach)


def cue_value(text: str, cue: Hit, negator_hits: list[Hit]) -> tuple[int, bool]:
    """Return a cue's value, turned around by a negator a few words before it ("has not dismissed")."""
    value = cue.payload
    if cue.phrase in _SELF_NEGATED or value == 0:
        return value, False
    for neg in negator_hits:
        if neg.end <= cue.start and _words_between(text, neg.end, cue.start) <= _NEGATION_WINDOW - 1:
            return -value, True
    return value, False


def combine_cues(text: str, chain: list[Hit], negator_hits: list[Hit]) -> tuple[int, bool]:
    """Multiply the values of a chain of cues ("opposed the plan to transfer"), neutral if any is undecided.

    Negative cues joined by "and", "or" or a comma say the same thing twice ("premature and not the right
    time") and count once.
    """
    value, negated = 1, False
    previous: tuple[int, int] | None = None  # (end, value) of the previous cue
    # A negator inside a cue ("not plan") belongs to that cue; it does not turn the next one around too.
    negator_hits = [n for n in negator_hits if not any(c.start <= n.start < c.end for c in chain)]
    # Each negator turns around one cue: the last one within its reach, so that "nothing should be ruled out"
    # negates "ruled out", not also "should".
    owners: dict[int, list[Hit]] = {}
    for neg in negator_hits:
        reach = [
            c for c in chain if neg.end <= c.start and _words_between(text, neg.end, c.start) <= _NEGATION_WINDOW - 1
        ]
        if reach:
            owners.setdefault(id(reach[-1]), []).append(neg)
    called = False  # a call on others to consider ("urged allies to consider whether") is a call, not indecision
    for cue in chain:
        v, n = cue_value(text, cue, owners.get(id(cue), []))
        negated = negated or n
        if v == 0 and called:
            continue
        if v == 0:
            return 0, negated
        called = called or (v > 0 and cue.phrase in _CALLS)
        if v < 0 and previous is not None and previous[1] < 0 and _JOINED.fullmatch(text[previous[0] : cue.start]):
            previous = (cue.end, v)
            continue
        value *= v
        previous = (cue.end, v)
    return value, negated


def decide_stance(
    text: str,
    issue: Hit,
    stance_hits: list[Hit],
    negator_hits: list[Hit],
    *,
    lower: int,
    upper: int,
    issues: list[Hit] = (),
) -> Stance:
    """Return the stance of an issue mention from the cues of its clause, negation and the phrase's polarity.

    lower is where the holder's verb ends (or the sentence starts); cues between it and the issue phrase are
    multiplied. With none, the first cue after the phrase in its clause decides ("tanks, which he ruled out").
    Inside an if-clause, the consequence decides ("if NATO sends troops, a conflict would be inevitable").
    """
    polarity = issue.payload.polarity
    start = _clause_start(text, lower, issue.start, _CUE_BEFORE)
    # A precondition ("no deal is possible until Russian troops leave"): what the holder insists on; only the cues
    # inside the until-clause count, not the refusal it conditions.
    window = lowercase(text[start : issue.start])  # for cheap tests before the slower regexes
    precondition = None
    # Cheap tests first, for until, unless and till (also with a dotless ı): most clauses have none.
    if "unt" in window or "unle" in window or "till" in window or "t\u0131ll" in window:
        precondition = max(_PRECONDITION.finditer(text, start, issue.start), key=lambda m: m.start(), default=None)
    if precondition is not None:
        start = precondition.end()
        negator_hits = [n for n in negator_hits if n.start >= start]
        window = lowercase(text[start : issue.start])
    # "Without more air defence, Ukraine will lose": what is needed to avert a loss is demanded, no negation.
    if text.find("ithout", start, issue.start) >= 0:
        negator_hits = [
            n
            for n in negator_hits
            if not (
                n.phrase == "without"
                and start <= n.start
                and n.end <= issue.start
                and _words_between(text, n.end, issue.start) <= _NEGATION_WINDOW
                and _needed(text, n, issue, stance_hits, negator_hits, upper)
            )
        ]
    chain = [h for h in stance_hits if start <= h.start and h.end <= issue.start]
    amounts = [h for h in chain if h.phrase in _AMOUNTS]
    if amounts:
        # "does not have enough air defence": asking for more; the negation is part of the amount.
        negator_hits = [
            n
            for n in negator_hits
            if not any(n.end <= a.start and _words_between(text, n.end, a.start) <= 2 for a in amounts)
        ]
    # A harm foreseen for the issue ("would damage the talks", "could undermine relations"): the holder values it.
    if any(h.phrase in _HARMED for h in chain):
        chain = [
            h._replace(payload=1)
            if h.phrase in _HARMED and _CONSEQUENCE.search(text, max(0, h.start - 40), h.start)
            else h
            for h in chain
        ]
    # "if" in any case, also with a dotless ı (which the case-blind regex takes for an i).
    conditional = _IF.search(text[start : issue.start]) if "if" in window or "\u0131f" in window else None
    if conditional:
        # The consequence decides: after the if-clause, or before it ("a war would be inevitable if troops...").
        chain = [h for h in stance_hits if h.start >= issue.end and h.end <= upper]
        if not chain:
            if_at = start + conditional.start()
            chain = [h for h in stance_hits if lower <= h.start and h.end <= if_at]
    elif not chain and precondition is None:
        end = _clause_end(text, issue.end, upper, _CUE_AFTER)
        # "rather than" and "instead of" look forward only: "talks rather than war" does not reject the talks.
        chain = _predicate(
            text,
            [h for h in stance_hits if h.start >= issue.end and h.end <= end and h.phrase not in _AFTER_EXCLUDED],
        )
    elif chain:
        # The issue as the subject of an evaluation ("sending tanks would be a mistake") adds that predicate,
        # past a parenthesis between dashes ("sending tanks – which X ruled out – and jets would add fuel").
        after = _skip_parenthesis(text, issue.end, upper)
        end = _clause_end(text, after, upper, _CUE_AFTER)
        later = _predicate(
            text, [h for h in stance_hits if h.start >= after and h.end <= end and h.phrase not in _AFTER_EXCLUDED]
        )
        if later and _COPULA.match(text, after, later[0].start):
            chain = chain + later
    if conditional:
        # Only a harmful consequence opposes ("a war would be inevitable"); otherwise the condition is what the
        # holder asks for ("ready to talk if Kyiv receives guarantees").
        harmful = any(h.phrase in cues.HARM for h in chain)
        # An undecided holder before the condition ("sought assurances that ... if the funds") stays undecided.
        undecided = any(h.payload == 0 and lower <= h.start and h.end <= issue.start for h in stance_hits)
        chain = [h for h in chain if h.phrase in cues.HARM]
        value, negated = (-1, False) if harmful else (0, False) if undecided else (1, False)
    else:
        value, negated = combine_cues(text, chain, negator_hits) if chain else (1, False)
        if _warned_about(text, issue, start, upper):
            value = -1  # "warned that the loan would strip Russia of a bargaining chip": the consequence is feared
        kept_open = _kept_open(text, issue, stance_hits, negator_hits, issues, upper)
        if kept_open is not None:
            # "there was no consensus on sending troops, but nothing was excluded": the last word is not ruling out.
            return Stance("support" if polarity > 0 else "oppose", kept_open.phrase, True)
    # A negator right on the issue phrase ("no German troops", "not send tanks") with no cue in between.
    turned = False
    for neg in negator_hits:
        if neg.end <= issue.start and _words_between(text, neg.end, issue.start) <= 2:
            if _RELATIVE_NEGATION.search(text, max(0, neg.start - 12), neg.start):
                continue  # "members who don't meet the spending target": a description of others, not a refusal
            if _is_cue_part(neg, chain):
                continue  # counted in its cue ("cannot win without missiles": the "without" still turns around)
            # "no decision without Europe", "cannot take place without Kyiv": two negations cancel out.
            # A negation already counted in a cue ("would not accept ... without guarantees") is not a second one.
            double = neg.phrase == "without" and any(
                start <= other.start < neg.start and other.phrase != "without" and not _is_cue_part(other, chain)
                for other in negator_hits
            )
            free = not any(neg.end <= h.start and h.end <= issue.start for h in chain) and not _is_cue_part(neg, chain)
            if free and not double:
                value, negated, turned = -value, True, True
            break
    if not turned and _excepted(text, issue, negator_hits, chain, start, upper):
        value, negated = -value, True
    label = " + ".join([h.phrase for h in chain]) or None
    if value == 0:
        return Stance("neutral", label, negated)
    return Stance("support" if value * polarity > 0 else "oppose", label, negated)


_EPITHET = re.compile(r"\s+(?:(?:a|an|the|very|highly|extremely|most|so|too|truly)\s+)?", re.IGNORECASE)
_ADJACENT = re.compile(r"\s+(?:[\w'’-]+\s+){0,2}")


def _predicate(text: str, after: list[Hit]) -> list[Hit]:
    """Return the first cue after an issue phrase with the cues that continue it word by word ("sanctions should be
    lifted": should + lifted; "must not be ruled out")."""
    chain = after[:1]
    for h in after[1:]:
        if not _ADJACENT.fullmatch(text, chain[-1].end, h.start):
            break
        if h.payload < 0 and chain[-1].payload < 0 and _EPITHET.fullmatch(text, chain[-1].end, h.start):
            continue  # "a dangerous escalation": an adjective and its noun say one thing
        chain.append(h)
    return chain


def _excepted(text: str, issue: Hit, negator_hits: list[Hit], chain: list[Hit], start: int, upper: int) -> bool:
    """Return whether a "without X" phrase is the exception of a negation ("there can be no deal about Ukraine
    without Ukraine", "Without Europe, there will be no lasting settlement"): then X is insisted on.

    The negation is free (not part of a cue, no cue between it and the phrase) in the phrase's clause before it, or,
    when the phrase opens its clause, a few words after it."""
    if not text[issue.start : issue.end].lower().startswith("without"):
        return False
    for neg in negator_hits:
        if (
            start <= neg.start
            and neg.end <= issue.start
            and not _is_cue_part(neg, chain)
            and not any(neg.end <= h.start and h.end <= issue.start for h in chain)
        ):
            return True
    if not _OPENS.search(text, max(0, issue.start - 40), issue.start) and _WORD.search(text, start, issue.start):
        return False
    end = _clause_end(text, issue.end, upper, 60)
    return any(issue.end <= n.start and n.end <= end and n.phrase != "without" for n in negator_hits)


# A modal right before a harm: a consequence foreseen ("would cause great damage to", "could undermine").
_CONSEQUENCE = re.compile(r"\b(?:would|could|will|might|may|can)\s+(?:[\w'’\"“-]+\s+){0,2}[\"“]?$", re.IGNORECASE)
# A warning whose reported clause opens with the issue as its subject ("cautioned that the proposed loan would").
_WARNING = re.compile(
    r"\b(?:warn(?:ed|s|ing)?|cautioned|cautions|cautioning)\s+(?:[\w'’-]+\s+){0,2}?that\s+"
    r"(?:(?!(?:would|could|will|might|must|should|may|can|if|which|who)\b)[\w'’“”\"-]+\s+){0,7}[\"“‘]?$",
    re.IGNORECASE,
)
_WARN_WORD = re.compile(r"warn|caution", re.IGNORECASE)
_SUBJECT_OF_MODAL = re.compile(
    r"(?:[”\"’']s?)?(?:\s+(?!(?:which|that|who)\b)[\w'’“”\"-]+){0,6}?,?\s+(?:would|could|will|might)\b", re.IGNORECASE
)


def _warned_about(text: str, issue: Hit, start: int, upper: int) -> bool:
    """Return whether the issue is the subject of a warned consequence ("warned that sending troops would ...")."""
    lower = max(start - 40, 0)
    window = lowercase(text[lower : issue.start])
    if ("warn" not in window and "caut" not in window) or _WARN_WORD.search(text, lower, issue.start) is None:
        return False  # cheap tests first: most issues have no warning before them
    return bool(
        _WARNING.search(text, lower, issue.start)
        and _SUBJECT_OF_MODAL.match(text, _skip_parenthesis(text, issue.end, upper), upper)
    )


_NO_OBJECT = re.compile(
    r"\s*(?:(?:it|this|that|anything|either)\s*)?(?:[.,;:!?”\"’)]|$|\s*(?:for now|yet|at this stage|entirely|"
    r"completely|altogether|in the future|in future|for the future|either)\b)",
    re.IGNORECASE,
)
_BUT = re.compile(r",?\s+but\s+(?:that\s+)?", re.IGNORECASE)


def _kept_open(
    text: str, issue: Hit, stance_hits: list[Hit], negator_hits: list[Hit], issues: list[Hit], upper: int
) -> Hit | None:
    """Return the negated ruling-out cue of a closing but-clause that names no issue of its own ("..., but that
    nothing was excluded", "but did not rule it out"), else None."""
    if text.find(" but ", issue.end, upper) < 0:
        return None
    but = _BUT.search(text, issue.end, upper)
    if but is None or _BUT.search(text, but.end(), upper) or any(but.end() <= h.start < upper for h in issues):
        return None
    if any(h.end <= but.start() and h.start >= issue.end for h in issues):
        return None  # another issue between the phrase and the but-clause: it is that one's
    for cue in stance_hits:
        if but.end() <= cue.start and cue.end <= upper and cue.phrase in _RULING_OUT:
            value, negated = cue_value(text, cue, [n for n in negator_hits if n.start >= but.start()])
            # Without an object of its own: "nothing was excluded", "did not rule it out", not "... rule out jets".
            return cue if negated and value > 0 and _NO_OBJECT.match(text, cue.end, upper) else None
    return None


_OPENS = re.compile(r"(?:^|[.;:!?\n])[\s\"“‘'(]*$")
_LEADS_CLAUSE = re.compile(r"(?:^|[.;:!?\n,]|\bthat)[\s\"“‘'(]*$", re.IGNORECASE)
_LOSS = re.compile(r"\b(?:" + "|".join(cues.LOSS) + r")\b", re.IGNORECASE)


def _needed(text: str, without: Hit, issue: Hit, stance_hits: list[Hit], negator_hits: list[Hit], upper: int) -> bool:
    """Return whether "without X" opens a clause whose consequence is a loss or a negation ("without more air
    defence, Ukraine will lose"; "without guarantees there will be no peace"): X is what the holder demands."""
    if not _LEADS_CLAUSE.search(text, max(0, without.start - 12), without.start):
        return False
    end = min(upper, issue.end + 100)
    return bool(
        any(issue.end <= n.start and n.end <= end for n in negator_hits)
        or any(issue.end <= h.start and h.end <= end and h.payload == -1 for h in stance_hits)
        or _LOSS.search(text, issue.end, end)
    )


_RELATIVE_NEGATION = re.compile(r"\b(?:who|which|that)\s+(?:(?:do|does|did)\s+)?$", re.IGNORECASE)


def _is_cue_part(neg: Hit, chain: list[Hit]) -> bool:
    return any(h.start <= neg.start < h.end for h in chain)


_DENIAL = re.compile(r"\b(?:not|never|n't)\s+(?:yet\s+|officially\s+|publicly\s+)?$")
_SPEECH_VERBS = frozenset(("confirmed", "confirm", "said", "say", "announced", "announce", "stated", "declared"))


def denied_speech(lowered: str, cue: Hit) -> bool:
    """Return whether a verb of saying is negated ("has not confirmed that ..."): nothing is reported as said."""
    return cue.phrase in _SPEECH_VERBS and bool(_DENIAL.search(lowered, max(0, cue.start - 20), cue.start))
