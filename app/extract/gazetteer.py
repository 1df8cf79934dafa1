"""The actor dictionary built from the taxonomy: names, aliases, surnames, countries, seats, adjectives, titles."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from app.extract import cues
from app.extract.matcher import Hit, PhraseMatcher
from app.taxonomy import Actor, Taxonomy

# Surnames this common are not safe to use on their own.
_SHORT_SURNAME = 3
# NATO or the EU named by a common noun: the one the document named last ("the bloc's leaders said").
_BLOCS = ("the bloc", "the alliance", "the military alliance", "the defence alliance", "the defense alliance")


@dataclass(frozen=True)
class Entry:
    """What a dictionary phrase stands for: kind is person|org|country|seat|adj|title|voice|collective|nonactor."""

    kind: str
    value: str  # actor slug, country code, role, or the phrase itself


class Gazetteer:
    """Every actor-like phrase of a taxonomy in one compiled matcher."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        self.taxonomy = taxonomy
        entries: list[tuple[str, Entry]] = []
        proper: set[str] = set()
        surnames = Counter(a.name.split()[-1] for a in taxonomy.actors.values() if a.type == "person")
        for actor in taxonomy.actors.values():
            if actor.type == "government":
                continue  # governments are found through their country's names below
            kind = "person" if actor.type == "person" else "org"
            names = {actor.name, *actor.aliases}
            last = actor.name.split()[-1]
            if kind == "person" and surnames[last] == 1 and len(last) > _SHORT_SURNAME and " of " not in actor.name:
                names.add(last)
            for name in names:
                entries.append((name, Entry(kind, actor.slug)))
                proper.add(name)
        for country in taxonomy.countries.values():
            if country.kind == "country":
                for name in (country.name, *country.aliases):
                    entries.append((name, Entry("country", country.code)))
                    proper.add(name)
                for seat in country.seats:
                    entries.append((seat, Entry("seat", country.code)))
                    proper.add(seat)
            for adjective in country.adjectives:
                entries.append((adjective, Entry("adj", country.code)))
                proper.add(adjective)
            if country.kind == "institution" and country.code in ("NATO", "EU"):
                entries.append((country.code, Entry("adj", country.code)))
                proper.add(country.code)
        for title, role in cues.TITLES.items():
            entries.append((title, Entry("title", role)))
        # "The French leader said": a country's leader is whoever leads its government (actors._LEADS).
        entries.append(("leader", Entry("title", "leader")))
        for voice in cues.GOVERNMENT_VOICES:
            entries.append((voice, Entry("voice", voice)))
        for word in cues.COLLECTIVES:
            entries.append((word, Entry("collective", word)))
        for word in cues.NON_ACTORS:
            entries.append((word, Entry("nonactor", word)))
        for word in cues.PRONOUNS:
            entries.append((word, Entry("pronoun", word)))
        for word in _BLOCS:
            entries.append((word, Entry("bloc", word)))
        # Short all-capital names ("US", "EU", "PM") must match their case; longer ones need a capital letter.
        self._exact = {p for p in proper if len(p) <= 4 and p.isupper()} | {"Nato"}
        self._proper = {p.lower() for p in proper}
        self._matcher = PhraseMatcher(entries, case_sensitive=self._exact)
        self._governments = {code: taxonomy.government(code) for code in taxonomy.countries}

    @property
    def matcher(self) -> PhraseMatcher:
        """The phrase dictionary of actor-like phrases; its hits go through proper (the extractor matches it in one
        pass with its other dictionaries)."""
        return self._matcher

    def proper(self, text: str, found: list[Hit]) -> list[Hit]:
        """Return the hits of this gazetteer's matcher that are actors: proper names only where written with a
        capital."""
        hits = []
        for hit in found:
            if hit.payload.kind in ("person", "org", "country", "seat", "adj"):
                surface = text[hit.start : hit.end]
                # Cheap check first: most names start with their capital.
                if not surface[:1].isupper() and not any(ch.isupper() for ch in surface):
                    continue
            hits.append(hit)
        return hits

    def actor(self, slug: str) -> Actor:
        """Return the registry actor for a slug."""
        return self.taxonomy.actors[slug]

    def government(self, code: str) -> Actor | None:
        """Return the government (or organisation) actor of a country or institution."""
        return self._governments.get(code)
