"""Normalise what a language model names (actors, countries, issues, stances) against the taxonomy."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from app.taxonomy import Actor, Taxonomy

ACTOR_TYPES = ("person", "government", "organization")
STANCES = ("support", "oppose", "neutral")
_STANCE_WORDS = {
    "support": "support",
    "supports": "support",
    "supportive": "support",
    "favour": "support",
    "favor": "support",
    "for": "support",
    "pro": "support",
    "in favour": "support",
    "in favor": "support",
    "oppose": "oppose",
    "opposes": "oppose",
    "opposed": "oppose",
    "against": "oppose",
    "reject": "oppose",
    "rejects": "oppose",
    "neutral": "neutral",
    "undecided": "neutral",
    "mixed": "neutral",
    "conditional": "neutral",
}
_TYPE_WORDS = {
    "person": "person",
    "people": "person",
    "individual": "person",
    "government": "government",
    "country": "government",
    "state": "government",
    "organization": "organization",
    "organisation": "organization",
    "institution": "organization",
}
# Words that turn a country phrase into its government ("the German government", "French officials").
_GOVERNMENT_SUFFIX = re.compile(r"\s+(?:government|officials?|authorities|administration|spokes(?:wo)?man)$")
# Titles a model may leave in front of a name ("President Macron", "Prime Minister Tusk").
_TITLE = re.compile(
    r"^(?:(?:prime|foreign|defen[cs]e|deputy|vice|finance|interior|former|chief)\s+)*"
    r"(?:president|chancellor|minister|premier|secretary(?:[- ]general)?|mr|mrs|ms|dr|sir|senator|speaker|"
    r"spokes(?:wo)?man|ambassador|king|queen|general|pm)\.?\s+(?=\S)",
    re.I,
)


def fold(text: str) -> str:
    """Return a name in comparable form: no accents, case-folded, single spaces, no leading 'the'."""
    stripped = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    folded = " ".join(stripped.replace("’", "'").casefold().split())
    return folded.removeprefix("the ")


@dataclass(frozen=True)
class Resolved:
    """The canonical form of an actor a model named."""

    name: str
    actor_type: str
    country: str
    slug: str | None = None
    rule: str = "unknown"  # how it was resolved: name | alias | surname | country | unknown


class NameIndex:
    """Look-ups from the names a model may use to the taxonomy's actors, countries and issues."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        self.taxonomy = taxonomy
        self._names: dict[str, Actor | None] = {}
        self._surnames: dict[str, list[Actor]] = {}
        self._countries: dict[str, str] = {}
        self._adjectives: dict[str, str] = {}
        for actor in taxonomy.actors.values():
            if actor.type == "government":
                continue  # governments are found through their country's names
            for name, rule in [(actor.name, "name"), *((alias, "alias") for alias in actor.aliases)]:
                key = fold(name)
                if key in self._names and self._names[key] is not actor and rule == "alias":
                    self._names[key] = None  # an alias two actors share names neither
                else:
                    self._names.setdefault(key, actor)
            if actor.type == "person":
                self._surnames.setdefault(fold(actor.name).split()[-1], []).append(actor)
        for country in taxonomy.countries.values():
            for name in (country.name, country.code, *country.aliases, *country.seats):
                self._countries.setdefault(fold(name), country.code)
            for adjective in country.adjectives:
                self._adjectives.setdefault(fold(adjective), country.code)
        self._issues: dict[str, str] = {}
        for issue in taxonomy.issues.values():
            for key in (issue.id, issue.label, issue.id.replace("-", " "), issue.id.replace("-", "_")):
                self._issues.setdefault(fold(key), issue.id)

    def issue(self, value: str) -> str | None:
        """Return the taxonomy's issue id for an id or label the model gave, or None when unknown."""
        key = fold(value).replace("_", "-")
        return self._issues.get(key) or self._issues.get(key.replace("-", " "))

    @staticmethod
    def stance(value: str) -> str | None:
        """Return support, oppose or neutral for the model's stance word, or None when unknown."""
        return _STANCE_WORDS.get(fold(value).strip(" ."))

    @staticmethod
    def actor_type(value: str | None) -> str | None:
        """Return person, government or organization for the model's type word, or None when unknown."""
        return _TYPE_WORDS.get(fold(value or "person"))

    def country(self, value: str | None) -> str | None:
        """Return a known country or institution code for a code or name, or None when unknown."""
        if not value:
            return None
        raw = value.strip()
        if raw.upper() in self.taxonomy.countries:
            return raw.upper()
        return self._countries.get(fold(raw))

    def resolve(self, name: str, *, actor_type: str, country: str | None, on: date | None) -> Resolved | None:
        """Return the canonical actor for a model's name, type and country; None when it cannot be placed."""
        key = fold(name)
        if not key:
            return None
        if actor_type == "person":
            key = _TITLE.sub("", key)
        known = self._names.get(key)
        if known is not None:
            rule = "name" if fold(known.name) == key else "alias"
            return self._from_actor(known, on=on, rule=rule)
        code = self._country_phrase(key)
        if code and (actor_type != "person" or key == fold(self.taxonomy.countries[code].name)):
            government = self.taxonomy.government(code)
            if government is not None:
                return Resolved(government.name, government.type, government.country, government.slug, "country")
        stated = self.country(country)
        if actor_type == "person":
            match = self._by_surname(key, stated, on)
            if match is not None:
                return self._from_actor(match, on=on, rule="surname")
        if stated is None:
            return None  # an actor we cannot place in any country is not a claim the dashboard can show
        if actor_type == "government":
            government = self.taxonomy.government(stated)
            if government is None:
                return None
            return Resolved(government.name, government.type, government.country, government.slug, "country")
        shown = " ".join(name.split())
        if actor_type == "person":
            shown = _TITLE.sub("", shown)  # "President Jan Kowalski" is stored as "Jan Kowalski"
        return Resolved(shown, actor_type, stated)

    def _country_phrase(self, key: str) -> str | None:
        code = self._countries.get(key)
        if code:
            return code
        bare = _GOVERNMENT_SUFFIX.sub("", key)
        if bare != key:
            return self._countries.get(bare) or self._adjectives.get(bare)
        return None

    def _by_surname(self, key: str, country: str | None, on: date | None) -> Actor | None:
        candidates = self._surnames.get(key.split()[-1], [])
        if len(key.split()) > 1:
            # A full name that is not in the registry is another person, unless the first names differ only in form.
            candidates = [a for a in candidates if _same_first_name(key.split()[0], fold(a.name).split()[0])]
        if country:
            candidates = [
                a for a in candidates if country in {a.country_on(on), a.country, *(o.country for o in a.offices)}
            ]
        return candidates[0] if len(candidates) == 1 else None

    @staticmethod
    def _from_actor(actor: Actor, *, on: date | None, rule: str) -> Resolved:
        return Resolved(actor.name, actor.type, actor.country_on(on), actor.slug, rule)


def _same_first_name(given: str, known: str) -> bool:
    # "A." for "Anna", and transliterations one letter apart ("Dmitri" / "Dmitry", "Sergei" / "Sergey").
    given = given.rstrip(".")
    if len(given) == 1:
        return known.startswith(given)
    if given == known:
        return True
    if abs(len(given) - len(known)) > 1 or min(len(given), len(known)) < 4:
        return False
    if len(given) == len(known):
        return sum(a != b for a, b in zip(given, known, strict=True)) == 1
    short, long = sorted((given, known), key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))
