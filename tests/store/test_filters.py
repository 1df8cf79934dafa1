"""ClaimFilter: parsing, round trip to the query string, descriptions, validation."""

from __future__ import annotations

from datetime import date

import pytest
from starlette.datastructures import QueryParams

from app.store.filters import ClaimFilter, FilterError


def parse(qs: str, today=date(2025, 6, 15)) -> ClaimFilter:
    """Parse a query string as the web layer does."""
    return ClaimFilter.from_query(QueryParams(qs), today=today)


def test_round_trip_through_query_string():
    f = parse("country=fr,DE&issue=sanctions&from=2024-01-01&to=2024-12-31&stance=support&dups=1&review=reviewed")
    assert f.countries == ("FR", "DE")
    again = ClaimFilter.from_query(QueryParams(f.to_query()), today=f.today)
    assert again == f


def test_describe_in_words():
    f = parse("country=FR&country=DE&issue=sanctions&from=2024-01-01&to=2024-12-31")
    text = f.describe(names={"FR": "France", "DE": "Germany", "sanctions": "Sanctions"}, count=42)
    assert text == "Claims by France and Germany on Sanctions, 1 Jan 2024 – 31 Dec 2024, 42 claims"


def test_period_preset_resolves_against_today():
    f = parse("period=last-12-months")
    assert f.window() == (date(2024, 6, 16), date(2025, 6, 15))
    assert f.to_query() == [("period", "last-12-months")]


@pytest.mark.parametrize(
    ("qs", "param"),
    [
        ("country=Germany", "country"),
        ("from=2024-13-01", "from"),
        ("from=2024-05-01&to=2024-01-01", "to"),
        ("stance=maybe", "stance"),
        ("bloc=asean", "bloc"),
        ("period=forever", "period"),
        ("review=approved", "review"),
        ("issue=<script>", "issue"),
        ("dups=perhaps", "dups"),
        ("bloc=nato&bloc=eu", "bloc"),
    ],
)
def test_bad_values_name_the_parameter(qs, param):
    with pytest.raises(FilterError) as err:
        parse(qs)
    assert err.value.param == param


def test_validate_unknown_names(session):
    with pytest.raises(FilterError) as err:
        parse("issue=sanctions&issue=no-such-issue").validate(session)
    assert err.value.param == "issue" and err.value.value == "no-such-issue"
    parse("country=DE&issue=sanctions").validate(session)


def test_rollup_exactness():
    assert parse("from=2024-01-01&to=2024-12-31").rollup_exact()
    assert not parse("from=2024-01-15").rollup_exact()
    assert parse("").rollup_exact()


def test_bloc_membership_follows_dates(session):
    before_finland = parse("bloc=nato&to=2023-01-01").bloc_countries(session)
    assert "FI" not in before_finland and "SE" not in before_finland and "DE" in before_finland
    assert "FI" in parse("bloc=nato&to=2023-04-04").bloc_countries(session)
    assert "GB" in parse("bloc=eu&to=2019-12-31").bloc_countries(session)
    assert "GB" not in parse("bloc=eu&to=2020-02-01").bloc_countries(session)
    assert "GB" in parse("bloc=both&to=2019-12-31").bloc_countries(session)
    assert "GB" not in parse("bloc=both&to=2020-02-01").bloc_countries(session)


def test_describe_without_filters_says_all():
    assert parse("").describe(count=220) == "All claims, all dates, 220 claims"
