"""Round 5 (prune5): rules narrowed where they misfired on both samples. Every sentence is written for these tests."""

from __future__ import annotations

import pytest

from tests.extract.conftest import found


@pytest.mark.parametrize(
    "text, claim, not_claim",
    [
        # Condemning the war itself is a judgement of Russia's acts: it does not turn around the issue named after it.
        (
            "The prime ministers of Denmark and Norway signed a joint letter. “We firmly condemn Russia’s unprovoked"
            " war of aggression and call on Russia to agree to a ceasefire without delay,” the letter says.",
            ("Denmark", "ceasefire", "support"),
            ("Denmark", "ceasefire", "oppose"),
        ),
        (
            "Spain and Italy issued a joint statement. “We strongly condemn the illegal invasion and call on Russia to"
            " accept an immediate truce,” the statement reads.",
            ("Italy", "ceasefire", "support"),
            ("Italy", "ceasefire", "oppose"),
        ),
    ],
)
def test_condemning_the_war_is_no_stance(rules, text, claim, not_claim):
    claims = found(rules, text)
    assert claim in claims
    assert not_claim not in claims


def test_condemning_an_issue_still_opposes(rules):
    # The condemnation's object is the issue itself: it opposes it.
    assert ("Hungary", "frozen-assets", "oppose") in found(
        rules, "Hungary condemned the plan to use frozen Russian assets for Ukraine."
    )
