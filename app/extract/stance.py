"""Issues from the taxonomy's lexicons, and the stance of an issue mention from cue words with negation scope.

The `lexicon` of an issue (app/taxonomy/data/issues.yaml) is a mapping:

    lexicon:
      terms: [ceasefire, truce]              # phrases naming the issue; the stance comes from cues around them
      support: [full withdrawal .. troops]   # phrases naming the issue that already mean support
      oppose: [territorial concessions]      # phrases naming the issue that mean oppose when welcomed
      not: [nuclear weapons]                 # look-alikes that are NOT the issue (they win over shorter terms)
      yields_to: [advanced-weapons]          # drop this issue in a sentence that names one of these

Phrase syntax is app.extract.matcher's: whole words, "word*" for any ending, ".." for a gap of up to three words.
A cue that opposes an oppose-phrase gives support ("refuses territorial concessions"), and the other way round.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.extract import cues
from app.extract.matcher import Hit, PhraseMatcher, drop_overlaps
from app.taxonomy import Taxonomy

_LEXICON_KEYS = {"terms": +1, "support": +1, "oppose": -1, "not": 0}
_WORD = re.compile(r"[\w'’-]+")
_NEGATION_WINDOW = 3  # words between a negator and the cue it turns around
_CUE_BEFORE = 90  # characters before an issue phrase in which its stance cue is looked for
_CUE_AFTER = 60


class LexiconError(ValueError):
    """An issue's lexicon is malformed."""


@dataclass(frozen=True)
class IssueCue:
    """An issue phrase: which issue, and the polarity built into the phrase."""

    issue: str
    polarity: int


@dataclass(frozen=True)
class Stance:
    """The stance found for an issue mention, and the cues that decided it."""

    stance: str  # support | oppose | neutral
    cue: str | None
    negated: bool


def compile_issues(taxonomy: Taxonomy) -> tuple[PhraseMatcher, dict[str, tuple[str, ...]]]:
    """Compile every issue lexicon into one matcher; return it and each issue's yields_to list."""
    entries = []
    yields: dict[str, tuple[str, ...]] = {}
    for issue in taxonomy.issues.values():
        lexicon = issue.lexicon or {}
        unknown = set(lexicon) - {*_LEXICON_KEYS, "yields_to", "note"}
        if unknown:
            raise LexiconError(f"issue {issue.id}: unknown lexicon keys {sorted(unknown)}")
        for key, polarity in _LEXICON_KEYS.items():
            phrases = lexicon.get(key) or []
            if not isinstance(phrases, list) or not all(isinstance(p, str) for p in phrases):
                raise LexiconError(f"issue {issue.id}: lexicon.{key} must be a list of phrases")
            entries += [(p, IssueCue(issue.id, polarity)) for p in phrases]
        yields[issue.id] = tuple(lexicon.get("yields_to") or ())
    return PhraseMatcher(entries), yields


def compile_cues() -> tuple[PhraseMatcher, PhraseMatcher, PhraseMatcher]:
    """Compile the general vocabularies: attribution verbs, stance cues, negators."""
    attribution = PhraseMatcher([(p, "say") for p in cues.ATTRIBUTION] + [(p, "hearsay") for p in cues.HEARSAY])
    stance = PhraseMatcher([(p, value) for value, phrases in cues.STANCE.items() for p in phrases])
    negators = PhraseMatcher([(p, "not") for p in cues.NEGATORS])
    return attribution, stance, negators


def issue_hits(hits: list[Hit], yields: dict[str, tuple[str, ...]]) -> list[Hit]:
    """Keep the longest of overlapping issue phrases, then drop issues that yield to another one present."""
    kept = [h for h in drop_overlaps(hits) if h.payload.polarity != 0]
    present = {h.payload.issue for h in kept}
    return [h for h in kept if not (set(yields.get(h.payload.issue, ())) & present)]


def _words_between(text: str, start: int, end: int) -> int:
    return len(_WORD.findall(text[start:end]))


def decide_stance(text: str, issue: Hit, stance_hits: list[Hit], negator_hits: list[Hit]) -> Stance:
    """Return the stance of an issue mention from the nearest cue, negation and the phrase's polarity."""
    polarity = issue.payload.polarity
    before = [h for h in stance_hits if h.end <= issue.start and issue.start - h.end <= _CUE_BEFORE]
    after = [h for h in stance_hits if h.start >= issue.end and h.start - issue.end <= _CUE_AFTER]
    cue = before[-1] if before else (after[0] if after else None)
    # A specific cue beats a general one: a negative or undecided cue right before a general positive one wins.
    if before and cue is before[-1] and cue.payload > 0 and len(before) > 1:
        prev = before[-2]
        if prev.payload <= 0 and _words_between(text, prev.end, cue.start) <= 2:
            cue = prev
    negated = False
    value = 1
    if cue is not None:
        value = cue.payload
        if cue.phrase not in cues.SELF_NEGATED and value != 0:
            for neg in negator_hits:
                if neg.end <= cue.start and _words_between(text, neg.end, cue.start) <= _NEGATION_WINDOW - 1:
                    negated = True
            if negated:
                value = -value
    # A negator right on the issue phrase ("no German troops", "not send tanks") with no cue in between.
    for neg in negator_hits:
        if neg.end <= issue.start and _words_between(text, neg.end, issue.start) <= 1:
            if cue is None or cue.end <= neg.start:
                value = -value if value else value
                negated = not negated
            break
    if value == 0:
        return Stance("neutral", cue.phrase if cue else None, negated)
    return Stance("support" if value * polarity > 0 else "oppose", cue.phrase if cue else None, negated)
