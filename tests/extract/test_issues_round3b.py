"""Round 3b issue look-alikes and vocabulary (issues3b): troops at home, a country's diplomacy as its foreign
service, talks as the setting of another position, and Ukraine's or Europe's place in talks. Every sentence is
written for these tests."""

from __future__ import annotations

import pytest

from tests.extract.conftest import claims_found


def found(rules, text: str, on: str | None = "2025-03-01") -> set[tuple[str, str, str]]:
    return claims_found(rules, text, on)


def issues(rules, text: str) -> set[str]:
    return {issue for _, issue, _ in found(rules, text)}


@pytest.mark.parametrize(
    "text",
    [
        # a deployment on the alliance's own ground is no position on troops in Ukraine
        "The Romanian president said he wants more NATO troops on Romanian territory next year.",
        "Latvia called for a larger allied troop presence on the eastern flank.",
        "Slovakia's defence minister said NATO had deployed more forces in the eastern part of the alliance.",
        "Norway said it would welcome allied soldiers on Norwegian soil for the winter exercise.",
    ],
)
def test_troops_at_home_are_no_troops_in_ukraine(rules, text):
    assert "troops-in-ukraine" not in issues(rules, text)


@pytest.mark.parametrize(
    "text, claim",
    [
        (
            "France said it would send troops to Ukrainian soil after the war.",
            ("France", "troops-in-ukraine", "support"),
        ),
        (
            "Belgium said it was ready to send troops on the territory of Ukraine.",
            ("Belgium", "troops-in-ukraine", "support"),
        ),
    ],
)
def test_troops_in_ukraine_still_read(rules, text, claim):
    assert claim in found(rules, text)


def test_training_that_takes_place_in_ukraine(rules):
    text = "Denmark said part of the training should take place in Ukraine itself."
    assert ("Denmark", "troops-in-ukraine", "support") in found(rules, text)


@pytest.mark.parametrize(
    "text",
    [
        # a country's diplomacy is its foreign service
        "Sweden's prime minister said that Swedish diplomacy must concentrate on trade this year.",
        "The Italian prime minister said Italian diplomacy faces a difficult autumn.",
        "Spain's foreign minister, the head of Spanish diplomacy, said the budget would grow.",
    ],
)
def test_national_diplomacy_is_no_talks(rules, text):
    assert "negotiations" not in issues(rules, text)


def test_diplomacy_as_a_way_still_reads(rules):
    text = "Austria said diplomacy was the only way to end the war."
    assert ("Austria", "negotiations", "support") in found(rules, text)


@pytest.mark.parametrize(
    "text",
    [
        # talks as an event that happened, the basis of a judgement, or what a ceasefire is a precondition for
        "Portugal praised the useful talks that took place in Geneva last week.",
        "Greece said, based on recent bilateral talks, that the pipeline project was not worth pursuing.",
        "Ireland said a truce is a precondition for any meaningful negotiations.",
    ],
)
def test_talks_as_a_setting_are_no_position_on_talks(rules, text):
    assert "negotiations" not in issues(rules, text)


def test_a_precondition_keeps_the_condition(rules):
    text = "Ireland said a truce is a precondition for any meaningful negotiations."
    assert ("Ireland", "ceasefire", "support") in found(rules, text)


@pytest.mark.parametrize(
    "text, claim",
    [
        # Ukraine's or Europe's place in talks
        (
            "Estonia said that any negotiations must include Kyiv.",
            ("Estonia", "europe-in-negotiations", "support"),
        ),
        (
            "Portugal stressed Ukraine's representation in every round of talks.",
            ("Portugal", "europe-in-negotiations", "support"),
        ),
    ],
)
def test_ukraine_and_europe_in_talks(rules, text, claim):
    assert claim in found(rules, text)
    assert "negotiations" not in issues(rules, text)


@pytest.mark.parametrize(
    "text, kept, dropped",
    [
        # what a warned consequence of another issue names is no position of its own
        (
            "Austria opposes sanctions on Russian gas, warning they could derail any peace talks next year.",
            ("Austria", "sanctions", "oppose"),
            "negotiations",
        ),
        (
            "Malta rejected the reparations loan, warning that the scheme would saddle members with arms deliveries.",
            ("Malta", "frozen-assets", "oppose"),
            "military-aid",
        ),
    ],
)
def test_a_warned_consequence_is_no_position(rules, text, kept, dropped):
    claims = found(rules, text)
    assert kept in claims
    assert dropped not in {issue for _, issue, _ in claims}


def test_a_warning_about_the_issue_itself_still_reads(rules):
    text = "Austria warned that sending tanks would escalate the war."
    assert ("Austria", "advanced-weapons", "oppose") in found(rules, text)


def test_the_people_at_a_meeting_table_are_no_place_in_talks(rules):
    text = "Greece said the countries at the table agreed to meet again in June."
    assert "europe-in-negotiations" not in issues(rules, text)


@pytest.mark.parametrize(
    "text",
    [
        "Greece said European leaders at the table must have a say in any deal.",
        "Greece said Europe must be at the table when the war ends.",
    ],
)
def test_europe_at_the_table_still_reads(rules, text):
    assert ("Greece", "europe-in-negotiations", "support") in found(rules, text)


def test_the_nearest_mention_of_a_head_is_the_antecedent(rules):
    # "peace mission" (talks) is older; the sentence before names troops and says "mission" anew.
    text = (
        "Hungary's prime minister said he was on a peace mission to Moscow. "
        "A Czech spokesman said no Czech soldiers should be sent to Ukraine, neither in a rescue mission nor in "
        "a combat mission. "
        "Slovakia said that any such mission would be a grave mistake."
    )
    claims = found(rules, text, "2024-07-10")
    assert ("Slovakia", "troops-in-ukraine", "oppose") in claims
    assert ("Slovakia", "negotiations", "oppose") not in claims


def test_a_plain_back_reference_keeps_the_older_head(rules):
    # "the force" in the sentence before refers back itself; the reassurance force is meant.
    text = (
        "Italy said it would not join a reassurance force for Ukraine. "
        "Malta said the force must depend on a ceasefire. "
        "Cyprus said that it had doubts about the force."
    )
    claims = found(rules, text)
    assert ("Cyprus", "troops-in-ukraine", "oppose") in claims
    assert ("Cyprus", "ceasefire", "oppose") not in claims


@pytest.mark.parametrize(
    "text, kept, dropped",
    [
        # another issue's phrase as the predicate of the first describes it
        (
            "Latvia said that NATO membership is the only real security guarantee for Ukraine.",
            ("Latvia", "ukraine-nato-membership", "support"),
            "security-guarantees",
        ),
        (
            "Britain said the reassurance force would be a “robust security arrangement” for Kyiv.",
            ("United Kingdom", "troops-in-ukraine", "support"),
            "security-guarantees",
        ),
    ],
)
def test_a_predicate_names_the_first_issue(rules, text, kept, dropped):
    claims = found(rules, text)
    assert kept in claims
    assert dropped not in {issue for _, issue, _ in claims}


def test_a_step_towards_another_issue_is_no_predicate(rules):
    text = "Latvia said a ceasefire would be a first step towards peace talks."
    assert "negotiations" in issues(rules, text)


def test_ammunition_for_a_system_is_aid_not_the_system(rules):
    text = "Norway said it would pay for F-16 ammunition and tank shells for Ukraine."
    claims = found(rules, text)
    assert ("Norway", "military-aid", "support") in claims
    assert "advanced-weapons" not in {issue for _, issue, _ in claims}


@pytest.mark.parametrize(
    "text, claim",
    [
        # the periodic renewal of the EU's restrictions on Russia is sanctions
        ("Slovakia refused to back the renewal of economic restrictions.", ("Slovakia", "sanctions", "oppose")),
        ("Finland welcomed the rollover agreed in Brussels on Friday.", ("Finland", "sanctions", "support")),
    ],
)
def test_renewing_restrictions_is_sanctions(rules, text, claim):
    assert claim in found(rules, text)


@pytest.mark.parametrize(
    "text, claim",
    [
        # guarantees given to Russia and trade with Russia are relations with Russia
        (
            "Portugal said Europe should one day offer guarantees to Russia as well.",
            ("Portugal", "russia-relations", "support"),
        ),
        ("Serbia said it wants to expand its trade with Russia next year.", ("Serbia", "russia-relations", "support")),
    ],
)
def test_guarantees_to_russia_and_trade_are_relations(rules, text, claim):
    claims = found(rules, text)
    assert claim in claims
    assert "security-guarantees" not in {issue for _, issue, _ in claims}


@pytest.mark.parametrize(
    "text, claim",
    [
        # freezing Russia's money or tapping it is the frozen-assets issue
        ("The Kremlin condemned the Western decision to freeze its assets.", ("Russia", "frozen-assets", "oppose")),
        ("Denmark urged the EU to tap the frozen reserves for Ukraine.", ("Denmark", "frozen-assets", "support")),
    ],
)
def test_freezing_or_tapping_funds_is_frozen_assets(rules, text, claim):
    assert claim in found(rules, text)


def test_peace_and_security_in_general_is_no_guarantee(rules):
    text = "Portugal said the goal is a just and lasting peace and security for Ukraine."
    assert "security-guarantees" not in issues(rules, text)


@pytest.mark.parametrize(
    "text, absent",
    [
        # bargaining with the EU's institutions or with allies is no talks with Russia
        ("Hungary said its negotiations with the European Commission were over.", "negotiations"),
        ("Bulgaria will continue negotiations with the allies on buying a new radar.", "negotiations"),
        # gains made on the battlefield are a report of the war
        ("Croatia's president said Russia had made small territorial gains this month.", "territorial-integrity"),
    ],
)
def test_bargaining_and_battlefield_gains_are_no_issue(rules, text, absent):
    assert absent not in issues(rules, text)


def test_accepting_gains_still_reads(rules):
    text = "Hungary said Ukraine should accept Russia's territorial gains."
    assert ("Hungary", "territorial-integrity", "oppose") in found(rules, text)


def test_a_head_described_anew_is_no_back_reference(rules):
    text = (
        "Norway said it would send more air defence to Ukraine. "
        "Belgium said that the idea of a regional conference was premature."
    )
    assert not any(actor == "Belgium" for actor, _, _ in found(rules, text))


def test_a_bare_head_still_refers_back(rules):
    text = "Norway proposed sending air defence to Ukraine. Belgium said the plan was premature."
    assert ("Belgium", "military-aid", "oppose") in found(rules, text)


@pytest.mark.parametrize(
    "text, claim",
    [
        # a word of a phrase in quotation marks still belongs to the phrase
        (
            "Canada endorsed the plan to use the “windfall” revenues for Ukraine.",
            ("Canada", "frozen-assets", "support"),
        ),
        (
            'Spain said it was ready to join a "reassurance" force in Ukraine.',
            ("Spain", "troops-in-ukraine", "support"),
        ),
    ],
)
def test_a_quoted_word_inside_a_phrase(rules, text, claim):
    assert claim in found(rules, text)


def test_a_phrase_does_not_run_out_of_a_quotation(rules):
    text = "“We will never accept a ceasefire,” Greece said. “Talks are needed.”"
    assert ("Greece", "ceasefire", "oppose") in found(rules, text)


@pytest.mark.parametrize(
    "text, claims",
    [
        # a phrase from the first word of a gap phrase into its gap is a second issue ("join the EU and NATO")
        (
            "Moldova said Ukraine should be allowed to join the EU and NATO.",
            {("Moldova", "ukraine-eu-membership", "support"), ("Moldova", "ukraine-nato-membership", "support")},
        ),
        (
            "Portugal said it would send weapons and troops to Ukraine.",
            {("Portugal", "military-aid", "support"), ("Portugal", "troops-in-ukraine", "support")},
        ),
        # but not a phrase that ends on the gap phrase's own last words
        ("Portugal said it would send military aid to Ukraine.", {("Portugal", "military-aid", "support")}),
    ],
)
def test_a_phrase_from_the_start_into_a_gap(rules, text, claims):
    assert found(rules, text) == claims


def test_membership_in_the_eu_or_nato_is_both(rules):
    text = "Latvia said Russia should not have a veto over Ukraine's membership in the EU or NATO."
    claims = found(rules, text)
    assert ("Latvia", "ukraine-eu-membership", "support") in claims
    assert ("Latvia", "ukraine-nato-membership", "support") in claims


def test_a_head_said_anew_further_back_is_the_antecedent(rules):
    text = (
        "The G7 plans to create a new fund for Ukraine, using the proceeds of frozen Russian assets. "
        "The money would be paid out as grants. "
        "Officials expect the first tranche in autumn. "
        "Portugal said it hoped all members would agree to such a fund."
    )
    assert ("Portugal", "frozen-assets", "support") in found(rules, text)


def test_talks_that_must_include_russia_are_no_place_for_europe(rules):
    text = "Hungary said that any peace talks must include Russia."
    assert "europe-in-negotiations" not in issues(rules, text)
