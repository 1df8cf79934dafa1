"""Typed reference data: countries, issues, actors and the offices they hold."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

ROLES = (
    "head_of_state",
    "head_of_government",
    "deputy_head_of_government",
    "foreign_minister",
    "defence_minister",
    "finance_minister",
    "minister",
    "spokesperson",
    "national_security_adviser",
    "chief_of_staff",
    "envoy",
    "secretary_general",
    "deputy_secretary_general",
    "commission_president",
    "council_president",
    "high_representative",
    "parliament_president",
    "commissioner",
    "official",
)


@dataclass(frozen=True)
class Country:
    """A state (ISO 3166-1 alpha-2 code) or an institution (NATO, EU, G7, UN) whose officials hold positions."""

    code: str
    name: str
    kind: str = "country"  # country | institution
    nato_joined_on: date | None = None
    eu_joined_on: date | None = None
    eu_left_on: date | None = None  # last day of membership (the United Kingdom: 2020-01-31)
    adjectives: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    seats: tuple[str, ...] = ()  # capitals and seats of government used as metonyms ("the Elysée")

    def in_nato(self, on: date) -> bool:
        """Return whether the country was a NATO member on that day."""
        return self.nato_joined_on is not None and self.nato_joined_on <= on

    def in_eu(self, on: date) -> bool:
        """Return whether the country was an EU member on that day."""
        if self.eu_joined_on is None or on < self.eu_joined_on:
            return False
        return self.eu_left_on is None or on <= self.eu_left_on


@dataclass(frozen=True)
class Office:
    """A post an actor held for a country or institution between two dates (end None: still in office)."""

    title: str
    role: str
    country: str
    start_on: date
    end_on: date | None = None
    note: str | None = None

    def held_on(self, on: date) -> bool:
        """Return whether the office was held on that day (end date exclusive: the successor's first day)."""
        return self.start_on <= on and (self.end_on is None or on < self.end_on)


@dataclass(frozen=True)
class Actor:
    """A person, government or organisation that can take a position."""

    slug: str
    name: str
    type: str  # person | government | organization
    country: str
    aliases: tuple[str, ...] = ()
    offices: tuple[Office, ...] = ()

    def country_on(self, on: date | None) -> str:
        """Return the country or institution the actor speaks for on that day (Rutte: NL, then NATO)."""
        if on is None:
            return self.country
        held = [o for o in self.offices if o.held_on(on)]
        if held:
            # Several posts at once (Lecornu as minister and prime minister) normally share a country;
            # otherwise the most recently taken one wins.
            return max(held, key=lambda o: o.start_on).country
        # Between two posts, or after the last one, a person still speaks as what they last were
        # (Rutte between leaving The Hague and joining NATO).
        ended = [o for o in self.offices if o.end_on is not None and o.end_on <= on]
        if ended:
            return max(ended, key=lambda o: o.end_on).country
        return self.country


@dataclass(frozen=True)
class Issue:
    """One issue of the taxonomy, with what support and oppose mean and the extractor's lexicon."""

    id: str
    label: str
    description: str
    support: str
    oppose: str
    lexicon: dict = field(default_factory=dict, compare=False, hash=False)


@dataclass
class Taxonomy:
    """The whole reference data set, with look-ups by code, slug, name and office."""

    countries: dict[str, Country]
    issues: dict[str, Issue]
    actors: dict[str, Actor]

    def __post_init__(self) -> None:
        self._by_name: dict[str, Actor] = {}
        # Office holders are looked up per title met in a text: index the actors by their offices' countries.
        self._by_office_country: dict[str, list[Actor]] = {}
        for actor in self.actors.values():
            self._by_name.setdefault(actor.name.casefold(), actor)
            for code in dict.fromkeys(office.country for office in actor.offices):
                self._by_office_country.setdefault(code, []).append(actor)

    def members(self, club: str, *, on: date) -> list[Country]:
        """Return the member states of NATO or the EU on a day, by code."""
        if club not in ("NATO", "EU"):
            raise ValueError(f"membership is known for NATO and EU, not {club!r}")
        test = Country.in_nato if club == "NATO" else Country.in_eu
        return sorted((c for c in self.countries.values() if test(c, on)), key=lambda c: c.code)

    def actor_by_name(self, name: str) -> Actor | None:
        """Return the actor with this canonical name (case-insensitive), if any."""
        return self._by_name.get(name.casefold())

    def government(self, country: str) -> Actor | None:
        """Return the government actor of a country (or the organisation for NATO, EU and other institutions)."""
        place = self.countries.get(country)
        if place is None:
            return None
        # The EU has several organisation actors (Commission, Council...); the one named after it speaks for it.
        named = self._by_name.get(place.name.casefold())
        if named is not None and named.country == country and named.type in ("government", "organization"):
            return named
        for actor in self.actors.values():
            if actor.country != country or actor.offices:
                continue
            if actor.type == "government" or (actor.type == "organization" and place.kind == "institution"):
                return actor
        return None

    def holders(self, *, country: str, on: date, role: str | None = None, title: str | None = None) -> list[Actor]:
        """Return the actors holding an office (by role or title) for a country on a day."""
        wanted_title = title.casefold() if title else None
        found = []
        for actor in self._by_office_country.get(country, ()):
            for office in actor.offices:
                if office.country != country or not office.held_on(on):
                    continue
                if role and office.role != role:
                    continue
                if wanted_title and office.title.casefold() != wanted_title:
                    continue
                found.append(actor)
                break
        return found

    def holder(self, *, country: str, on: date, role: str | None = None, title: str | None = None) -> Actor | None:
        """Return the single holder of an office on a day, or None when none or several match."""
        found = self.holders(country=country, on=on, role=role, title=title)
        return found[0] if len(found) == 1 else None
