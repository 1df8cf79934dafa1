"""Turn actor-like phrases of a sentence into actor references: titles by date, metonyms, possessives, coreference.

Noun phrases are composed from adjacent dictionary hits:
- "German Chancellor Olaf Scholz", "Germany's Chancellor Olaf Scholz", "NATO chief Jens Stoltenberg": the name;
- "the German chancellor", "Germany's foreign minister", "NATO chief": the holder of the office on the
  document's date, else the person of that country and role already named in the document;
- "Polish Defence Minister Jan Kowalski" where the name is unknown: a new person of that country;
- "a French official", "Kremlin spokesman X", "the German government", "Downing Street", "Berlin": the government;
- "he", "she", "the chancellor": the last fitting person (resolved by the caller, which knows the discourse).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from operator import attrgetter

from app.extract import cues
from app.extract.gazetteer import Entry, Gazetteer
from app.extract.matcher import Hit

# What may stand between two parts of one noun phrase: spaces, a possessive, "of (the)", hyphens.
# Matched with fullmatch over a span of the text (no slice to copy).
_GLUE = re.compile(r"\s*|\s*['’]s\s+|\s+of\s+(?:the\s+)?|\s*-\s*|\s+for\s+(?:the\s+)?", re.IGNORECASE)
_OFFICE_TAIL = re.compile(r"(?:['’]s)?\s+Office\b")  # "Minister of the Prime Minister's Office Jan Nowak"
_PLURAL_VOICES = frozenset({"governments"})
# The kinds of hits that may follow a phrase's first part; places too after "of", "for" or "in".
_HEADS = frozenset({"person", "title", "voice", "org"})
_PLACES = frozenset({"country", "seat", "adj"})
_HEADS_OR_PLACES = _HEADS | _PLACES
_AND_ADJ = re.compile(r"\s*(?:,|and|,\s*and)\s*")
_IN = re.compile(r"\s+in\s+")
_ALONG_WITH = re.compile(r",\s*(?:(?:along|together)\s+with|alongside)\s+(?:the\s+)?$", re.IGNORECASE)
_FIRST_NAME = re.compile(r"\s+[A-Z][a-zà-ÿ’'-]+\s+")
_POSSESSIVE = re.compile(r"^['’]s\b")
_NAME = re.compile(
    r"\s+((?:[A-Z][\w’'-]+|[A-Z]\.)(?:\s+(?:[A-Z][\w’'-]+|de|De|von|van|der|den|da|di|le|[A-Z]\.)){1,3})"
)
_NOT_NAME_WORDS = frozenset(
    [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "On",
        "In",
        "At",
        "The",
        "This",
        "That",
        "He",
        "She",
        "It",
        "We",
        "They",
        "And",
        "But",
        "Said",
    ]
)
_GOVERNED = re.compile(
    r"\b(?:" + "|".join(re.escape(p) for p in cues.PREPOSITIONS) + r")\s+"
    r"(?:the\s+|a\s+|an\s+|his\s+|her\s+|its\s+|their\s+|the\s+country['’]s\s+)?$",
    re.IGNORECASE,
)
# The object of a verb in the past ("recognized Russia and Belarus as ...", "urged Germany"): a lower-case word in
# -ed right before the actor, itself not after an article ("the embattled Zelensky" is an adjective).
_PREPOSITIONS = frozenset(cues.PREPOSITIONS)
_ARTICLES = frozenset({"the", "a", "an", "his", "her", "its", "their"})
_NOT_VERBS = frozenset({"indeed", "need", "hundred", "united"})
_OPENING = "“\"‘'("
_QUANTIFIERS = frozenset(
    {
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "several",
        "some",
        "many",
        "few",
        "all",
        "both",
        "other",
        "dozens",
        "numerous",
    }
)
# Words after "to" that are no verb taking the actor as its object ("to both Germany and France").
_NOT_INFINITIVES = frozenset({"be", "both", "all", "each", "either", "neither", "other", "our", "your", "my"})
# The last words of the prepositions of two or three words ("met with", "on behalf of").
_PREP_TAILS = frozenset(p.rsplit(" ", 1)[-1] for p in _PREPOSITIONS if " " in p)


_COUNTRYS = ("country's", "country’s")
_COUNTERPARTS = ("counterpart", "counterparts")
# One-word prepositions that no step of _governed before its test for a preposition pops or treats otherwise
# (no verb in -ed, article, number or quantifier): last before an actor, they make it an object at once.
_PLAIN_PREPOSITIONS = frozenset(
    p
    for p in _PREPOSITIONS
    if " " not in p
    and not (p.endswith("ed") and len(p) >= 5)
    and p not in _QUANTIFIERS
    and p not in _ARTICLES
    and p not in _COUNTERPARTS
    and p not in _COUNTRYS
    and not p.isdigit()
    and p[0] not in _OPENING
)
# The last words _governed's steps look for: a word not among them (nor a number, a verb in -ed, a word after "to"
# or an opening quotation mark) leaves the actor a subject.
_SPECIAL_LAST = _QUANTIFIERS | _ARTICLES | _PREPOSITIONS | _PREP_TAILS | frozenset(_COUNTERPARTS + _COUNTRYS)


def _governed(text: str, start: int) -> bool:
    """Return whether an actor starting at an offset is the object of a preposition or verb: "talks with Russia",
    "met with the country's president", or a lower-case verb in -ed right before it ("recognized Russia and
    Belarus as ...", but not "the embattled Zelensky")."""
    lo = start - 30 if start > 30 else 0
    if start == lo or not text[start - 1].isspace():
        return False
    # Lower-cased once: lower() keeps the words (no letter lower-cases to a space, nor a space to a letter).
    words = text[lo:start].lower().split()
    if lo and words and not text[lo - 1].isspace():
        del words[0]  # a word cut by the window
    if not words:
        return False
    last = words[-1]
    if last in _PLAIN_PREPOSITIONS:
        return True  # cheap check first: the steps below leave such a word last, and find it a preposition
    if (
        last not in _SPECIAL_LAST
        and last[0] not in _OPENING
        and not last.isdigit()
        and not (last.endswith("ed") and len(last) >= 5)
        and (len(words) < 2 or (words[-2] != "to" and words[-2][0] not in _OPENING))
    ):
        return False  # cheap check first: no word that a step below looks for (most actors are subjects)
    if last.endswith("ed") and len(last) >= 5:
        # A verb in -ed must be written in lower case: the same word as written ("United" is no verb).
        written = text[lo:start].split()[-1]
        if written.isalpha() and written.islower() and written.endswith("ed") and written not in _NOT_VERBS:
            return len(words) < 2 or words[-2] not in ("the", "a", "an")
    if len(words) > 5:
        del words[:-5]
    if last[0] in _OPENING or (len(words) > 1 and words[-2][0] in _OPENING):
        words = [w.lstrip(_OPENING) for w in words]  # "“holding the EU hostage”"
        last = words[-1]
    if last in _COUNTERPARTS:
        return _object_counterpart(words[:-1])
    if last in _QUANTIFIERS or last.isdigit():
        words.pop()  # "to see eight countries", "with several allies": the object after its number
        if not words:
            return False
        last = words[-1]
    if last in _ARTICLES:
        words.pop()
    elif last in _COUNTRYS and len(words) >= 2 and words[-2] == "the":
        del words[-2:]
    n = len(words)
    if n == 0:
        return False
    last = words[-1]
    if last in _PREPOSITIONS:
        return True
    if n >= 2 and words[-2] == "to" and last.isalpha() and last not in _NOT_INFINITIVES:
        return True  # "arrived to meet Zelensky", "plans to visit Poland": the object of an infinitive
    if last not in _PREP_TAILS:
        return False  # cheap check first: a preposition of two or three words ends in one of a few words
    return (n >= 2 and f"{words[-2]} {last}" in _PREPOSITIONS) or (n >= 3 and " ".join(words[-3:]) in _PREPOSITIONS)


def _object_counterpart(words: list[str]) -> bool:
    """Return whether "(his German) counterpart" before a name is an object: after a preposition or a verb ("met his
    German counterpart Olaf Scholz", "talks with her counterpart"); "Macron and his counterpart X" is a subject."""
    if words and words[-1] not in _ARTICLES:
        words = words[:-1]  # the counterpart's nationality ("German")
    if words and words[-1] in _ARTICLES:
        words = words[:-1]
    if not words:
        return False
    last = words[-1]
    verb = last.isalpha() and last not in _NOT_VERBS and (last.endswith("ed") or last in _MEETING)
    return last in _PREPOSITIONS or verb


_MEETING = frozenset({"met", "meets", "meet", "meeting", "hosts", "hosting", "told", "phoned", "thanked"})

governed_at = _governed  # for attribution: a collective after a preposition is an object too


def _tail(text: str, lo: int, hi: int, n: int) -> str:
    """Return the last n characters of text[lo:hi] without its trailing spaces, lower-cased: a cheap necessary
    condition before a case-insensitive search anchored at hi, which tries every position of the window (slow)."""
    # None of the letters tested on it matches another character case-insensitively (re's \s is str.isspace).
    return text[lo:hi].rstrip()[-n:].lower()


# "the country's Foreign Ministry": the country last named.
_THE_COUNTRYS = re.compile(r"\bthe\s+country['’]s\s+$", re.IGNORECASE)
# Bodies of a government named by its leader's possessive ("Zelensky's government", "Orban's spokesman").
_GOVERNMENT_HEADS = frozenset(
    {
        "government",
        "administration",
        "cabinet",
        "leadership",
        "presidency",
        "presidential office",
        "office",
        "ministry",
        "foreign ministry",
        "defence ministry",
        "defense ministry",
        "authorities",
        "official",
        "officials",
    }
)
_OF_FOR = re.compile(r"\b(?:of|for)\b", re.IGNORECASE)
_COORDINATED = re.compile(r"\s*,?\s*(?:and|or)\s+", re.IGNORECASE)  # a comma alone may close a clause
# "and his Ukrainian counterpart", "and its ruler,": another actor named by a possessive title after a coordinator.
_COORDINATED_TITLE = re.compile(
    r"\s*,?\s*(?:and|or)\s+(?:his|her|its|their)\s+(?:[\w’'-]+\s+){0,3}?[a-z][\w’'-]*(?:,\s*|\s+)"
)
# A verb right after an actor: the actor is the subject of a new clause ("..., and Germany announced ...").
_NEW_CLAUSE = re.compile(
    r"\s+(?:(?:has|have|had|is|are|was|were|will|would|also|then|now|later|quickly)\s+)*"
    r"(?:said|says|announced|announces|pledged|pledges|decided|decides|agreed|agrees|stated|confirmed|sent|sends|"
    r"sending|will|has|is)\b"
)
# "Firstname Lastname, a/an/the ..." at a word boundary: a new person described by an apposition.
# (Written to start with its capital, the lookbehind after it: the regex engine then skips to the next capital
# instead of testing the lookbehind at every character; the same matches as (?<![\w’'])(?:[A-Z]...\s){1,2}.)
_APPOSED = re.compile(
    r"([A-Z](?<![\w’'][A-Z])[a-zà-ÿ’'-]+\s(?:[A-Z][a-zà-ÿ’'-]+\s)?[A-Z][a-zà-ÿ’'-]+),\s+(?:(?:a|an|the)\s)?"
)
_HEAD_OF = re.compile(
    r"\b(?:(?:leaders?|government|officials?|authorities|leadership|presidents?|prime minister|ministers|"
    r"heads of (?:state|government))\s+of|"
    r"(?:leaders|officials|diplomats|ministers|representatives|delegations|envoys|negotiators)\s+from)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_BLOC_MEMBERS = frozenset({"leaders"})
# Countries whose president, not a prime minister, is "the country's leader" in the news.
_PRESIDENTIAL = frozenset(
    {"US", "FR", "RU", "UA", "BY", "TR", "CN", "FI", "BR", "KZ", "AZ", "KR", "LT", "RO", "CY", "IR", "MX", "AR", "ZA"}
)
_HIS_HER = re.compile(r"\b(?:his|her)\s+$", re.IGNORECASE)
# "twelve EU leaders", "some NATO leaders": a part of the organisation, not the organisation.
_QUANTIFIED = re.compile(
    r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|some|several|many|most|few|other|all)\s+$",
    re.IGNORECASE,
)
_MONARCHS = frozenset({"King", "Queen", "Grand", "Prince", "Emperor", "Monarch"})
_SPOKES = frozenset({"spokesman", "spokeswoman", "spokesperson", "spokespeople", "press secretary"})


@dataclass
class Ref:
    """A reference to an actor in a sentence (document offsets) and how it was resolved."""

    start: int
    end: int
    name: str
    type: str  # person | government | organization
    country: str
    slug: str | None
    rule: str  # name | title | title+date | metonym | adjective+voice | extracted | ...
    role: str | None = None
    possessive: bool = False
    governed: bool = False  # the object of a preposition or verb ("talks with Russia"): never a subject


@dataclass
class Discourse:
    """What the document has said so far: people named, by surname and role, for coreference."""

    published_on: date | None
    guessed_on: date | None = None  # for undated texts: mid-year of the latest year the text mentions
    quotes: list[tuple[int, int]] = field(default_factory=list)  # quotation spans, sorted
    persons: list[Ref] = field(default_factory=list)
    extracted: dict[str, Ref] = field(default_factory=dict)  # surname -> a person found by title only
    countries: list[tuple[int, str]] = field(default_factory=list)  # (offset, code) of governments named
    blocs: list[tuple[int, str]] = field(default_factory=list)  # (offset, code) of NATO and the EU named
    groups: list[list[Ref]] = field(default_factory=list)  # people named together, for "they"
    _starts: list[int] = field(default_factory=list)  # persons' start offsets, sorted

    def last_group(self, *, before: int) -> list[Ref] | None:
        """Return the last group of people named together before an offset."""
        i = bisect.bisect_right([g[-1].end for g in self.groups[-_LOOKBACK:]], before)
        recent = self.groups[-_LOOKBACK:][:i]
        return recent[-1] if recent else None

    def remember(self, ref: Ref) -> None:
        """Record a person reference as the latest one, unless a quotation mentions it (not the narrator's)."""
        # A spokesperson stands for their government but is still "he" or "she" in the next sentence.
        if (ref.type == "person" or ref.rule == "spokesperson") and not self.quoted(ref.start):
            i = bisect.bisect_right(self._starts, ref.start)
            self._starts.insert(i, ref.start)
            self.persons.insert(i, ref)

    def last_country(self, *, before: int) -> str | None:
        """Return the code of the last country named before an offset ("the country's foreign ministry")."""
        for offset, code in reversed(self.countries[-_LOOKBACK:]):
            if offset < before:
                return code
        return None

    def last_bloc(self, *, before: int) -> str | None:
        """Return NATO or EU, whichever the document named last before an offset ("the bloc")."""
        for offset, code in reversed(self.blocs[-_LOOKBACK:]):
            if offset < before:
                return code
        return None

    def quoted(self, offset: int) -> bool:
        """Return whether an offset lies inside a quotation."""
        i = bisect.bisect_right(self.quotes, (offset, _INF)) - 1
        return i >= 0 and self.quotes[i][0] < offset < self.quotes[i][1]

    def last_person(
        self,
        *,
        country: str | None = None,
        role: str | None = None,
        before: int | None = None,
        fits: Callable[[Ref], bool] | None = None,
    ) -> Ref | None:
        """Return the latest person named (before an offset), optionally of a country and role.

        People named as subjects win over people named as objects ("Scholz called on Putin. He said..." is Scholz).
        """
        fallback = None
        stop = len(self.persons) if before is None else bisect.bisect_left(self._starts, before)
        # Only the recent discourse: coreference reaches back a bounded number of mentions (linear time).
        for ref in reversed(self.persons[max(0, stop - _LOOKBACK) : stop]):
            if (country is None or ref.country == country) and (role is None or ref.role == role):
                if fits is not None and not fits(ref):
                    continue
                if not ref.governed:
                    return ref
                fallback = fallback or ref
        return fallback


class _Group(list):
    """Hits that cover one span, with their payloads by kind (looked up many times, so built once)."""

    # No __init__ of its own: list's, in C, builds a group (a document makes hundreds); _group sets kinds.
    __slots__ = ("kinds",)
    kinds: dict[str, Entry]


def _group(hits: list[Hit]) -> list[_Group]:
    """Group hits that cover the same longest span; shorter hits inside a longer one are dropped."""
    groups: list[_Group] = []
    group: _Group | None = None
    head_start = head_end = 0  # the span of the current group (its first hit's), kept in locals
    for hit in hits:
        start, end, _, payload = hit  # a hit unpacked once, in C
        if group is not None:
            if start == head_start and end == head_end:
                group.append(hit)
                group.kinds[payload.kind] = payload  # the last hit of a kind wins
                continue
            if start < head_end:
                continue
        group = _Group((hit,))
        group.kinds = {payload.kind: payload}
        groups.append(group)
        head_start, head_end = start, end
    return groups


# Offices named after an institution ("the European Commission president", "European Council President").
_ORG_ROLES = {
    ("European Commission", "president"): "commission_president",
    ("European Council", "president"): "council_president",
    ("European Parliament", "president"): "parliament_president",
    ("NATO", "secretary general"): "secretary_general",
    ("NATO", "secretary-general"): "secretary_general",
    ("NATO", "chief"): "secretary_general",
    ("NATO", "head"): "secretary_general",
}


def _title_of(text: str, phrase: list[list[Hit]]) -> str:
    """Return the lower-cased title right after an institution's name in a phrase, if any."""
    return text[phrase[1][0].start : phrase[1][0].end].lower() if len(phrase) > 1 else ""


_START_ON = attrgetter("start_on")  # an office's first day, as a sort key
_INF = float("inf")  # a quotation's end no offset reaches, for bisecting (start, end) pairs by start
_LOOKBACK = 200  # mentions coreference may reach back over
_PREMIER = re.compile(r"prime minister|premier|chancellor", re.IGNORECASE)
_YEAR = re.compile(r"\b(199\d|20[0-4]\d)\b")


def guess_date(text: str, *, today: date | None = None) -> date | None:
    """Return mid-year of the latest plausible year a text mentions, for resolving titles in undated texts."""
    this_year = (today or date.today()).year
    years = [y for y in map(int, _YEAR.findall(text)) if y <= this_year]  # each year read as a number once
    return date(max(years), 7, 1) if years else None


class ActorResolver:
    """Compose dictionary hits of one sentence into actor references."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gaz = gazetteer

    def _premier(self, ref: Ref, on: date | None) -> bool:
        """Return whether a person heads a government under another title than "President" (on a day, if known)."""
        if ref.slug is None:
            return True
        offices = [o for o in self.gaz.actor(ref.slug).offices if o.role == "head_of_government"]
        held = [o for o in offices if on is not None and o.held_on(on)] or offices
        return any(o.title.casefold() != "president" for o in held)

    def person_ref(self, slug: str, start: int, end: int, *, on: date | None, country: str | None, rule: str) -> Ref:
        """Return a reference to a registry person, with the country of the office held on that day."""
        actor = self.gaz.actor(slug)
        role = None
        held = list(actor.offices) if on is None else [o for o in actor.offices if o.held_on(on)]
        if country is None:
            if on and held:
                # What actor.country_on(on) returns, from the offices held that day found above (not found again).
                country = max(held, key=_START_ON).country
            else:
                country = actor.country_on(on) if on else (held[-1].country if held else actor.country)
        for office in held:
            if office.country == country:
                role = office.role
        if role == "spokesperson" or (role is None and held and all(o.role == "spokesperson" for o in held)):
            # A spokesperson speaks for the government (codebook), even when named.
            government = self.government_ref(country, start, end, "spokesperson")
            if government is not None:
                return government
        return Ref(start, end, actor.name, actor.type, country, slug, rule, role=role)

    def government_ref(self, code: str, start: int, end: int, rule: str) -> Ref | None:
        """Return a reference to a country's government (or NATO / the EU as organisations)."""
        actor = self.gaz.government(code)
        if actor is None:
            return None
        return Ref(start, end, actor.name, actor.type, code, actor.slug, rule)

    def resolve(self, text: str, hits: list[Hit], discourse: Discourse) -> tuple[list[Ref], list[Hit]]:
        """Return the actor references of a sentence, and the leftover hits (pronouns, collectives...)."""
        if not hits:
            return [], []  # cheap check first: a fifth of the sentences name no one
        on = discourse.published_on
        groups = _group(hits)
        refs: list[Ref] = []
        others: list[Hit] = []
        i = 0
        n = len(groups)  # the list is not changed below
        while i < n:
            phrase = [groups[i]]
            j = i + 1
            while j < n and (
                _GLUE.fullmatch(text, groups[j - 1][0].end, groups[j][0].start)
                or (
                    # "officials in Berlin", "diplomats in Kyiv": the voices of that capital's government.
                    "voice" in groups[j - 1].kinds
                    and {"seat", "country"} & groups[j].kinds.keys()
                    and _IN.fullmatch(text, groups[j - 1][0].end, groups[j][0].start)
                )
                or (
                    # "President Vladimir Zelensky": a title, a first name spelt otherwise, a known surname.
                    "title" in groups[j - 1].kinds
                    and "person" in groups[j].kinds
                    and _FIRST_NAME.fullmatch(text, groups[j - 1][0].end, groups[j][0].start)
                )
            ):
                kinds = groups[j].kinds
                glue = text[groups[j - 1][0].end : groups[j][0].start]
                # "spokesperson for the Polish government", "prime minister of Hungary": the country comes later.
                heads = _HEADS
                if (_OF_FOR.search(glue) or _IN.fullmatch(glue)) and _PLACES.isdisjoint(phrase[0].kinds):
                    heads = _HEADS_OR_PLACES
                plural = kinds.get("collective") and kinds["collective"].value in _PLURAL_VOICES
                if (heads.isdisjoint(kinds) and not plural) or "pronoun" in kinds:
                    break
                phrase.append(groups[j])
                j += 1
                if "person" in kinds:
                    break
            ref, used = self._compose(text, phrase, discourse, on)
            if ref is None and "voice" in phrase[0].kinds:  # "Her government": needs a voice (cheap check first)
                ref, used = self._pronoun_government(text, phrase[0], discourse), 1
            if ref is None:
                others.extend(phrase[0])
                i += 1
                continue
            if ref.rule == "title+new-name":
                # "President Vladimir Zelensky": a spelling of a known person's name, whose surname was found.
                inside = [g for g in groups[i + used :] if g[0].end <= ref.end]
                known = next((h for g in inside for h in g if h.payload.kind == "person"), None)
                if known is not None:
                    person = self.person_ref(
                        known.payload.value, ref.start, ref.end, on=on, country=None, rule="title+name"
                    )
                    if person.country == ref.country:
                        discourse.extracted.pop(ref.name.split()[-1], None)
                        ref = person
                used += len(inside)
            end = ref.end
            # cheap check first: most references are no possessive
            ref.possessive = text.startswith(("'s", "’s"), end) and bool(_POSSESSIVE.match(text[end : end + 3]))
            ref.governed = _governed(text, ref.start)
            if ref.governed and _ALONG_WITH.search(text, max(0, ref.start - 20), ref.start):
                ref.governed = False  # "Germany and France, along with Italy, called for": one more subject
            if (
                ref.governed
                and _tail(text, max(0, ref.start - 30), ref.start, 4).endswith(("of", "from", "the"))
                and _HEAD_OF.search(text, max(0, ref.start - 30), ref.start)
            ):
                ref.governed = False  # "leaders of the United Kingdom": the country's own voice
            if refs and refs[-1].governed and _COORDINATED.fullmatch(text, refs[-1].end, ref.start):
                # "talks with Germany and France": both are objects; but ", and Germany announced" opens a clause.
                ref.governed = not (text.find(",", refs[-1].end, ref.start) >= 0 and _NEW_CLAUSE.match(text, ref.end))
            elif refs and refs[-1].governed and _COORDINATED_TITLE.fullmatch(text, refs[-1].end, ref.start):
                # "talks with Lavrov and his Ukrainian counterpart Kuleba", "to Russia and its ruler, Putin": one
                # more object, named by a possessive title.
                ref.governed = not _NEW_CLAUSE.match(text, ref.end)
            nxt = groups[i + used] if i + used < n else None
            voice = nxt.kinds.get("voice") if nxt else None
            if ref.possessive and voice and voice.value in _SPOKES | _GOVERNMENT_HEADS:
                # "Orban's press secretary", "Zelensky's government" speak for that leader's government.
                government = self.government_ref(ref.country, ref.start, nxt[0].end, "spokesperson")
                if government is not None:
                    ref, used = government, used + 1
            shared = others[-1] if others and ref.rule == "voice" and ref.type == "government" else None
            if shared and shared.payload.kind == "adj" and _AND_ADJ.fullmatch(text, shared.end, ref.start):
                # "French and German officials": both governments speak.
                first = self.government_ref(shared.payload.value, shared.start, shared.end, "voice")
                if first is not None and first.country != ref.country:
                    first.governed = ref.governed
                    others.pop()
                    refs.append(first)
            refs.append(ref)
            discourse.remember(ref)
            if ref.type == "government":
                discourse.countries.append((ref.start, ref.country))
            elif ref.country in ("NATO", "EU") and ref.slug == getattr(self.gaz.government(ref.country), "slug", None):
                discourse.blocs.append((ref.start, ref.country))
                nxt = groups[i + used] if i + used < n else None
                member = nxt.kinds.get("collective") if nxt else None
                if (
                    member
                    and member.value in _BLOC_MEMBERS
                    and not _QUANTIFIED.search(text, max(0, ref.start - 20), ref.start)
                    # (a reference that reaches past the next group has nothing between them: glue too)
                    and (ref.end >= nxt[0].start or _GLUE.fullmatch(text, ref.end, nxt[0].start))
                ):
                    # "NATO leaders said", "the bloc's leaders said": the organisation speaking as such.
                    ref.end, ref.possessive, used = nxt[0].end, False, used + 1
            i += used
        return refs, others

    def _pronoun_government(self, text: str, group: list[Hit], discourse: Discourse) -> Ref | None:
        """Return the government of the person "his" or "her" stands for ("Her government agreed to ...")."""
        voice = next((h for h in group if h.payload.kind == "voice"), None)
        if voice is None or voice.payload.value not in _GOVERNMENT_HEADS:
            return None
        if not _HIS_HER.search(text, max(0, voice.start - 5), voice.start):
            return None
        person = discourse.last_person(before=voice.start)
        if person is None or person.type != "person" or person.country is None:
            return None
        return self.government_ref(person.country, voice.start, voice.end, "pronoun+government")

    def _compose(self, text: str, phrase: list[list[Hit]], discourse: Discourse, on: date | None):
        """Resolve the longest sensible prefix of a phrase; return (ref or None, groups used)."""
        first = phrase[0].kinds
        start = phrase[0][0].start
        country: str | None = None
        role: str | None = None
        voice: str | None = None
        fixed_role = False
        k = 0
        for k, group in enumerate(phrase):
            kinds = group.kinds
            end = group[0].end
            if "person" in kinds:
                if voice in _SPOKES:
                    # "Pentagon spokesman John Kirby", "the spokesperson for Vladimir Putin's government".
                    code = country or self.gaz.actor(kinds["person"].value).country_on(on)
                    government = self.government_ref(code, start, end, "spokesperson") if code else None
                    if government is not None:
                        return government, k + 1
                return self.person_ref(
                    kinds["person"].value, start, end, on=on, country=country, rule="title+name" if role else "name"
                ), k + 1
            if country is None and ("country" in kinds or "seat" in kinds or "adj" in kinds):
                entry = kinds.get("country") or kinds.get("seat") or kinds["adj"]
                country = entry.value
                continue
            if "title" in kinds:
                if role and _OF_FOR.search(text, phrase[k - 1][0].end, group[0].start):
                    # "Minister of the Prime Minister's Office": the office names where the minister serves.
                    fixed_role = True
                role = role if fixed_role else kinds["title"].value
                continue
            if "voice" in kinds:
                voice = kinds["voice"].value
                continue
            if "collective" in kinds and kinds["collective"].value in _PLURAL_VOICES and country:
                voice = "government"  # "the Finnish and Swedish governments"
                continue
            if "org" in kinds and k > 0 and role and country is None:
                # "the President of the European Commission", "the Secretary General of NATO".
                title = next(text[g[0].start : g[0].end].lower() for g in phrase[:k] if "title" in g.kinds)
                institution_role = _ORG_ROLES.get((self.gaz.actor(kinds["org"].value).name, title))
                if institution_role:
                    country, role = self.gaz.actor(kinds["org"].value).country, institution_role
                    break
            if "org" in kinds and k == 0:
                nxt = phrase[1].kinds if len(phrase) > 1 else {}
                institution_role = _ORG_ROLES.get((self.gaz.actor(kinds["org"].value).name, _title_of(text, phrase)))
                if institution_role and "title" in nxt:
                    # "the European Commission president": the holder of that institution's office.
                    country, role = self.gaz.actor(kinds["org"].value).country, institution_role
                    first, fixed_role = {}, True
                    continue
                code = self.gaz.actor(kinds["org"].value).country
                if "title" in nxt and code in ("EU", "NATO") and self.gaz.government(code).slug == kinds["org"].value:
                    # "the EU's foreign policy chief", "NATO's secretary general": the union or alliance's office.
                    country, first = code, {}
                    continue
                break
        end = phrase[k][0].end if phrase else start
        if (
            country is None
            and (voice or role)
            and _tail(text, max(0, start - 20), start, 9)[:7] == "country"
            and _THE_COUNTRYS.search(text, max(0, start - 20), start)
        ):
            country = discourse.last_country(before=start)  # "the country's Foreign Ministry"
        # Which groups were consumed: all of them up to k (the loop only continues on parts of the phrase).
        used = k + 1
        if voice and country:
            name = _NAME.match(text, end)  # matched once, for the test and the span
            if voice in _SPOKES or voice not in ("ministry", "office") or not name:
                # A spokesperson or an official speaks for the government, even when named (codebook).
                stop = name.end() if name and voice in _SPOKES else end
                return self.government_ref(country, start, stop, "voice"), used
        if role and (country or "title" in first):
            office = _OFFICE_TAIL.match(text, end)
            name = _NAME.match(text, office.end() if office else end)
            if name and not set(name.group(1).split()) & _NOT_NAME_WORDS:
                known = self._known_person(name.group(1), discourse)
                if known:
                    return known, used
                if country:
                    return self._extracted(name.group(1), start, name.end(), country, role, discourse), used
            if country and role == "leader":
                # "the French leader": the president where the president leads, else the head of government.
                if country in ("EU", "NATO") or not text[max(0, start - 4) : start].lower().endswith("the "):
                    return None, 1
                role = "head_of_state" if country in _PRESIDENTIAL else "head_of_government"
            if country:
                if role == "head_of_state" and "president" in text[start:end].lower() and self._monarchy(country, on):
                    role = "head_of_government"  # "the Spanish president": a kingdom's president is its premier
                return self._office_holder(country, role, start, end, discourse, on), used
            # A bare title ("the chancellor"): the last person named with that role, and a premier's title for
            # a premier ("the Prime Minister" is not a president who also heads the government).
            premier = role == "head_of_government" and bool(_PREMIER.search(text, start, end))
            last = discourse.last_person(role=role, fits=(lambda ref: self._premier(ref, on)) if premier else None)
            if last and text[max(0, start - 4) : start].lower().endswith("the "):
                return Ref(start, end, last.name, "person", last.country, last.slug, "coreference", role=role), used
            return None, 1
        if "bloc" in first and role is None:
            code = discourse.last_bloc(before=start) or ("NATO" if "alliance" in first["bloc"].value else None)
            ref = self.government_ref(code, start, phrase[0][0].end, "bloc") if code else None
            return ref, 1
        if "org" in first and role is None:
            slug = first["org"].value
            actor = self.gaz.actor(slug)
            return Ref(start, phrase[0][0].end, actor.name, actor.type, actor.country_on(on), slug, "name"), 1
        if "country" in first or "seat" in first:
            entry = first.get("country") or first["seat"]
            rule = "country" if "country" in first else "metonym"
            return self.government_ref(entry.value, start, phrase[0][0].end, rule), 1
        return None, 1

    def appositions(self, text: str, start: int, end: int, hits: list[Hit], refs: list[Ref], discourse: Discourse):
        """Return people introduced by an apposition ("Jan Kowalski, a Polish presidential adviser, said") in the
        sentence from start to end, whose hits are given."""
        found: list[Ref] = []
        # An apposition needs its comma and a title or voice after it (below): cheap checks first, and the comma
        # first of all (half the sentences have none). The hits are the sentence's, so they start before its end.
        comma = text.find(",", start, end)
        if comma < 0 or not any(h.start > comma and h.payload.kind in ("title", "voice") for h in hits):
            return found
        for m in _APPOSED.finditer(text, start, end):
            name = m.group(1)
            n_start, n_end = m.start(1), m.end(1)
            if set(name.split()) & _NOT_NAME_WORDS or any(r.start < n_end and n_start < r.end for r in refs):
                continue
            if any(n_start <= h.start < n_end for h in hits):
                continue  # a country, title or known name inside: not a new person's name
            window = [h for h in hits if m.end() <= h.start < min(end, m.end() + 60)]
            kinds = [h.payload.kind for h in window]
            if not ({"title", "voice"} & set(kinds)):
                continue
            if not m.group().rstrip().endswith((" a", " an", " the")) and window[0].start - m.end() > 25:
                continue  # without an article the title must come first ("Max Blain, spokesman for ...")
            country = self._apposition_country(window, refs, m.end(), min(end, m.end() + 60))
            if country is None:
                continue
            voices = {h.payload.value for h in window if h.payload.kind == "voice"}
            if voices & _SPOKES:
                ref = self.government_ref(country, n_start, n_end, "apposition+spokesperson")
            else:
                ref = Ref(n_start, n_end, name, "person", country, None, "apposition+new-name", role="official")
                discourse.extracted[name.split()[-1]] = ref
            if ref is not None:
                ref.governed = bool(_GOVERNED.search(text, max(0, n_start - 20), n_start))
                found.append(ref)
                discourse.remember(ref)
        return found

    def _apposition_country(self, window: list[Hit], refs: list[Ref], lo: int, hi: int) -> str | None:
        """Return the country an apposition names: an adjective, a country, an institution, or a person's."""
        for hit in window:
            entry = hit.payload
            if entry.kind in ("adj", "country", "seat"):
                return entry.value
            if entry.kind == "org":
                return self.gaz.actor(entry.value).country
        for ref in refs:
            if lo <= ref.start < hi:
                return ref.country
        return None

    def _known_person(self, name: str, discourse: Discourse) -> Ref | None:
        surname = name.split()[-1]
        return discourse.extracted.get(surname)

    def _extracted(self, name: str, start: int, end: int, country: str, role: str, discourse: Discourse) -> Ref:
        ref = Ref(start, end, name, "person", country, None, "title+new-name", role=role)
        discourse.extracted[name.split()[-1]] = ref
        return ref

    def _monarchy(self, country: str, on: date | None) -> bool:
        """Return whether a country's head of state on a day is a monarch."""
        if on is None:
            return False
        holder = self.gaz.taxonomy.holder(country=country, on=on, role="head_of_state")
        if holder is None:
            return False
        return any(o.title.split()[0] in _MONARCHS for o in holder.offices if o.role == "head_of_state")

    def _office_holder(self, country: str, role: str, start: int, end: int, discourse: Discourse, on: date | None):
        holder = self.gaz.taxonomy.holder(country=country, on=on, role=role) if on else None
        if holder is not None:
            return Ref(start, end, holder.name, "person", country, holder.slug, "title+date", role=role)
        last = discourse.last_person(country=country, role=role)
        if last is not None:
            return Ref(start, end, last.name, "person", country, last.slug, "title+coreference", role=role)
        if on is None and discourse.guessed_on is not None:
            # An undated text: the latest year it mentions stands in for its date (lower confidence).
            holder = self.gaz.taxonomy.holder(country=country, on=discourse.guessed_on, role=role)
            if holder is not None:
                return Ref(start, end, holder.name, "person", country, holder.slug, "title+guessed-date", role=role)
        return None
