"""Countries: membership of NATO and the EU over time, names, aliases, adjectives and seats."""

from __future__ import annotations

from datetime import date

import pytest

from app.taxonomy import Taxonomy

NATO_2026 = {"AL", "BE", "BG", "CA", "HR", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IS", "IT", "LV"}
NATO_2026 |= {"LT", "LU", "ME", "NL", "MK", "NO", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "TR", "GB", "US"}
EU_2026 = {"AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT"}
EU_2026 |= {"LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE"}


def _members(taxonomy: Taxonomy, on: date, club: str) -> set[str]:
    return {c.code for c in taxonomy.members(club.upper(), on=on)}


def test_members_knows_only_nato_and_the_eu(taxonomy):
    with pytest.raises(ValueError, match="NATO and EU"):
        taxonomy.members("G7", on=date(2024, 1, 1))


def test_nato_has_32_members_today(taxonomy):
    assert _members(taxonomy, date(2026, 11, 22), "nato") == NATO_2026


def test_eu_has_27_members_today(taxonomy):
    assert _members(taxonomy, date(2026, 11, 22), "eu") == EU_2026


def test_nato_members_on_new_year_2023_exclude_finland_and_sweden(taxonomy):
    members = _members(taxonomy, date(2023, 1, 1), "nato")
    assert members == NATO_2026 - {"FI", "SE"}


@pytest.mark.parametrize(
    ("code", "day_before", "joined"),
    [("FI", date(2023, 4, 3), date(2023, 4, 4)), ("SE", date(2024, 3, 6), date(2024, 3, 7))],
)
def test_nordic_accession_takes_effect_on_the_day(taxonomy, code, day_before, joined):
    country = taxonomy.countries[code]
    assert not country.in_nato(day_before)
    assert country.in_nato(joined)


def test_united_kingdom_leaves_the_eu_after_31_january_2020(taxonomy):
    uk = taxonomy.countries["GB"]
    assert uk.in_eu(date(1973, 1, 1))
    assert uk.in_eu(date(2020, 1, 31))
    assert not uk.in_eu(date(2020, 2, 1))
    assert "GB" not in _members(taxonomy, date(2022, 6, 1), "eu")
    assert "GB" in _members(taxonomy, date(2019, 6, 1), "eu")


@pytest.mark.parametrize(
    ("code", "nato", "eu"),
    [
        ("DE", date(1955, 5, 6), date(1958, 1, 1)),
        ("GR", date(1952, 2, 18), date(1981, 1, 1)),
        ("ES", date(1982, 5, 30), date(1986, 1, 1)),
        ("PL", date(1999, 3, 12), date(2004, 5, 1)),
        ("RO", date(2004, 3, 29), date(2007, 1, 1)),
        ("HR", date(2009, 4, 1), date(2013, 7, 1)),
        ("ME", date(2017, 6, 5), None),
        ("MK", date(2020, 3, 27), None),
        ("AT", None, date(1995, 1, 1)),
        ("US", date(1949, 8, 24), None),
    ],
)
def test_accession_dates(taxonomy, code, nato, eu):
    country = taxonomy.countries[code]
    assert (country.nato_joined_on, country.eu_joined_on) == (nato, eu)


def test_names_are_short_english_names(taxonomy):
    names = {c.code: c.name for c in taxonomy.countries.values()}
    assert names["GB"] == "United Kingdom"
    assert names["CZ"] == "Czechia"
    assert names["US"] == "United States"
    assert names["TR"] == "Turkey"
    assert names["MK"] == "North Macedonia"


@pytest.mark.parametrize(
    ("code", "word", "field"),
    [
        ("GB", "UK", "aliases"),
        ("GB", "Britain", "aliases"),
        ("US", "U.S.", "aliases"),
        ("US", "America", "aliases"),
        ("NL", "Holland", "aliases"),
        ("CZ", "Czech Republic", "aliases"),
        ("TR", "Türkiye", "aliases"),
        ("GB", "British", "adjectives"),
        ("US", "American", "adjectives"),
        ("NL", "Dutch", "adjectives"),
        ("HU", "Hungarian", "adjectives"),
        ("FR", "the Elysée", "seats"),
        ("FR", "the Elysee", "seats"),
        ("GB", "Downing Street", "seats"),
        ("US", "the White House", "seats"),
        ("RU", "the Kremlin", "seats"),
        ("UA", "Kyiv", "seats"),
        ("UA", "Kiev", "seats"),
        ("IT", "Palazzo Chigi", "seats"),
        ("ES", "Moncloa", "seats"),
        ("NL", "The Hague", "seats"),
    ],
)
def test_words_that_point_at_a_country(taxonomy, code, word, field):
    assert word in getattr(taxonomy.countries[code], field)


def test_brussels_is_nobodys_national_seat(taxonomy):
    assert all("Brussels" not in c.seats for c in taxonomy.countries.values())


def test_no_word_points_at_two_countries(taxonomy):
    seen: dict[str, str] = {}
    for country in taxonomy.countries.values():
        for word in {country.name, *country.aliases, *country.adjectives, *country.seats}:
            key = word.casefold()
            assert seen.setdefault(key, country.code) == country.code, f"{word!r}: {seen[key]} and {country.code}"


def test_institutions_keep_their_codes(taxonomy):
    institutions = {c.code for c in taxonomy.countries.values() if c.kind == "institution"}
    assert {"NATO", "EU"} <= institutions
    assert taxonomy.countries["EU"].name == "European Union"
    assert all(len(c.code) == 2 for c in taxonomy.countries.values() if c.kind == "country")


@pytest.mark.parametrize("code", ["UA", "RU", "BY", "MD", "GE", "RS", "CH", "CN", "JP", "KR", "AU", "NZ", "IN", "BR"])
def test_other_states_are_present_and_outside_both_clubs(taxonomy, code):
    country = taxonomy.countries[code]
    assert not country.in_nato(date(2026, 1, 1))
    assert not country.in_eu(date(2026, 1, 1))


def test_every_country_has_a_government_actor(taxonomy):
    for country in taxonomy.countries.values():
        government = taxonomy.government(country.code)
        assert government is not None, country.code
        assert government.name == country.name
    assert taxonomy.government("EU").type == "organization"


def test_renamed_country_keeps_its_government_slug(taxonomy):
    """Czechia's government keeps the slug it had as "Czech Republic", so stored claims and links still point at it."""
    government = taxonomy.government("CZ")
    assert (government.name, government.slug) == ("Czechia", "czech-republic")
    assert taxonomy.actor_by_name("Czechia") is government
