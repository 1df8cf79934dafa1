"""Issue recognition and stance on unseen news: the general vocabulary of each issue, stance idioms and mentions
that are no position. Every sentence is written for these tests."""

from __future__ import annotations

import pytest

from tests.extract.conftest import claims_found


def found(rules, text: str, on: str | None = "2025-03-01") -> set[tuple[str, str, str]]:
    return claims_found(rules, text, on)


def issues(rules, text: str) -> set[str]:
    return {issue for _, issue, _ in found(rules, text)}


# --- the vocabulary of each issue ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, claim",
    [
        # EU accession in its procedural words
        ("Austria said it backs Ukraine's candidacy.", ("Austria", "ukraine-eu-membership", "support")),
        (
            "Ireland called for adopting the negotiating framework for Ukraine this month.",
            ("Ireland", "ukraine-eu-membership", "support"),
        ),
        (
            "Croatia supports negotiations with Ukraine and Moldova before the summer.",
            ("Croatia", "ukraine-eu-membership", "support"),
        ),
        ("Belgium said Ukraine's future lies in the EU.", ("Belgium", "ukraine-eu-membership", "support")),
        (
            "Greece wants an intergovernmental conference with Ukraine to open in June.",
            ("Greece", "ukraine-eu-membership", "support"),
        ),
        # NATO membership as enlargement or a place in the alliance
        ("Norway said the future of Ukraine is in NATO.", ("Norway", "ukraine-nato-membership", "support")),
        ("Russia opposes NATO expansion to Ukraine.", ("Russia", "ukraine-nato-membership", "oppose")),
        # deployments in the passive and as bases
        (
            "Belgium said 300 soldiers could be deployed to guard Ukrainian cities.",
            ("Belgium", "troops-in-ukraine", "support"),
        ),
        (
            "Denmark announced it would help set up military hubs across Ukraine.",
            ("Denmark", "troops-in-ukraine", "support"),
        ),
        # a withdrawal demanded without naming whose troops
        ("Finland urged Moscow to withdraw its troops.", ("Finland", "territorial-integrity", "support")),
        # an end to hostilities
        ("Portugal called on both sides to cease hostilities.", ("Portugal", "ceasefire", "support")),
        # talks named by what they are for
        ("Slovakia said it wants a peaceful resolution of the war.", ("Slovakia", "negotiations", "support")),
        # security guarantees named as protocols or a pact
        ("Italy said it supports the new security protocols.", ("Italy", "security-guarantees", "support")),
        # strikes on Russia in other words
        (
            "Sweden backs strikes on the territory of Russia.",
            ("Sweden", "advanced-weapons", "support"),
        ),
        # funding of defence
        ("Latvia called for more defence funding.", ("Latvia", "defense-spending", "support")),
        ("Lithuania said the munitions programme would continue.", ("Lithuania", "military-aid", "support")),
    ],
)
def test_issue_vocabulary(rules, text, claim):
    assert claim in found(rules, text)


def test_a_ceasefire_as_a_point_in_time_is_no_position_on_it(rules):
    text = "Norway said it could send engineers to Ukraine after a ceasefire."
    assert "ceasefire" not in issues(rules, text)


def test_talks_as_an_event_are_no_position(rules):
    assert "negotiations" not in issues(rules, "Turkey confirmed talks to be held in Istanbul next week.")
    assert "negotiations" not in issues(rules, "Poland noted that recent talks had produced little.")


def test_domestic_talks_are_not_talks_with_russia(rules):
    text = "Spain's prime minister announced a round of talks with the opposition on the budget."
    assert "negotiations" not in issues(rules, text)


# --- stance idioms ------------------------------------------------------------------------------------------


def test_opening_the_door_supports(rules):
    text = "Belgium has opened the door to sending troops to Ukraine."
    assert ("Belgium", "troops-in-ukraine", "support") in found(rules, text)


def test_no_point_in_opposes(rules):
    text = "Estonia said there was no point in negotiations with the Kremlin."
    assert ("Estonia", "negotiations", "oppose") in found(rules, text)


def test_declining_to_follow_opposes(rules):
    text = "Berlin declined to send long-range missiles."
    assert ("Germany", "advanced-weapons", "oppose") in found(rules, text)


def test_an_unsatisfactory_plan_is_opposed(rules):
    text = "Slovakia said the plan to ban Russian gas entirely is unsatisfactory."
    assert ("Slovakia", "sanctions", "oppose") in found(rules, text)


def test_restrictions_and_lifting_them(rules):
    assert ("Norway", "advanced-weapons", "support") in found(
        rules, "Norway said Kyiv should not face restrictions on strikes inside Russia."
    )
    assert ("Finland", "advanced-weapons", "support") in found(
        rules, "Finland backed the lifting of restrictions on strikes inside Russia."
    )


def test_a_use_confined_to_ukraine_opposes_strikes_beyond(rules):
    text = "Portugal said its jets are intended only for use on Ukrainian territory."
    assert ("Portugal", "advanced-weapons", "oppose") in found(rules, text)


def test_aid_unrelated_to_weapons_opposes_weapons(rules):
    text = "Austria said it is ready to fund demining unrelated to the supply of weapons."
    assert ("Austria", "military-aid", "oppose") in found(rules, text)


def test_hesitancy_and_study_are_undecided(rules):
    assert ("Spain", "advanced-weapons", "neutral") in found(rules, "Spain was hesitant about sending tanks.")
    assert ("Ukraine", "ukraine-neutrality", "neutral") in found(rules, "Kyiv said neutrality was being studied.")


def test_an_attack_or_the_country_attacked_is_a_target_not_a_stance(rules):
    text = "Sweden said security guarantees are the best shield against renewed aggression against Ukraine."
    assert ("Sweden", "security-guarantees", "support") in found(rules, text)


def test_the_fighting_stopping_is_a_time_not_a_stance(rules):
    text = "Hungary said that once the fighting stops, diplomacy must resume."
    assert ("Hungary", "negotiations", "support") in found(rules, text)


def test_a_predicate_after_an_adverb_still_evaluates(rules):
    text = "Cyprus said a ban on Russian gas altogether is unacceptable."
    assert ("Cyprus", "sanctions", "oppose") in found(rules, text)


# --- mentions that are no position --------------------------------------------------------------------------


def test_the_topic_of_a_conversation_is_no_position(rules):
    text = "Macron said he had spoken to the Polish president about the security guarantees issue."
    assert "security-guarantees" not in issues(rules, text)


def test_a_stance_on_something_names_a_topic(rules):
    text = "The Dutch foreign minister said The Hague had not changed its stance on tanks."
    assert "advanced-weapons" not in issues(rules, text)


def test_a_denied_implication_is_no_position(rules):
    text = "Austria's chancellor said that this does not mean Vienna is considering sending troops."
    assert "troops-in-ukraine" not in issues(rules, text)


def test_declining_to_give_details_is_no_position(rules):
    text = "Scholz declined to say which countries were weighing sending troops."
    assert "troops-in-ukraine" not in issues(rules, text)


def test_the_circumstances_a_sentence_opens_with_are_background(rules):
    text = "Amid a push for peace talks in Geneva, Meloni said Italy would host a donor conference."
    assert "negotiations" not in issues(rules, text)


def test_the_purpose_of_another_issue_is_not_an_issue(rules):
    text = "Sweden does not rule out sending troops to help Ukraine."
    assert ("Sweden", "troops-in-ukraine", "support") in found(rules, text)
    assert "military-aid" not in issues(rules, text)


def test_a_denied_statement_reports_nothing(rules):
    text = "The Elysée has not confirmed the delivery of tanks."
    assert "advanced-weapons" not in issues(rules, text)


# --- back-references ----------------------------------------------------------------------------------------


def test_a_repeated_reference_keeps_the_topic_alive(rules):
    text = (
        "Estonia runs an ammunition initiative for Ukraine. The project has delivered a great deal. "
        "Officials praised the project. Auditors visited in May. "
        "Finland has criticised the project."
    )
    assert ("Finland", "military-aid", "oppose") in found(rules, text)


def test_a_call_refers_back_to_talks(rules):
    text = "The phone call between the chancellor and Putin lasted an hour. Poland said this call was a mistake."
    assert ("Poland", "negotiations", "oppose") in found(rules, text)


def test_a_reference_with_a_nationality_refers_back(rules):
    text = "Moscow again asked Kyiv to accept neutrality. Zelensky said the Russian demand was being examined."
    assert ("Volodymyr Zelensky", "ukraine-neutrality", "neutral") in found(rules, text)


def test_a_reference_to_a_proposal_of_several_things_carries_each(rules):
    text = "Turkey proposed a truce and talks with Moscow. Kyiv turned down the proposal."
    claims = found(rules, text)
    assert ("Ukraine", "ceasefire", "oppose") in claims
    assert ("Ukraine", "negotiations", "oppose") in claims


# --- more vocabulary ----------------------------------------------------------------------------------------


def test_a_truce_that_would_freeze_the_conflict_is_rejected(rules):
    assert ("Volodymyr Zelensky", "ceasefire", "oppose") in found(
        rules, "Zelensky said a truce would merely freeze the conflict."
    )
    assert ("Viktor Orbán", "ceasefire", "support") in found(rules, "Orban called for freezing the conflict.")


def test_pressure_on_russia_and_bolstering_nato(rules):
    assert ("Denmark", "sanctions", "support") in found(rules, "Denmark wants to increase pressure on Russia.")
    assert ("Norway", "defense-spending", "support") in found(rules, "Norway pledged to strengthen NATO.")


def test_told_journalists_is_an_addressee_not_the_holder(rules):
    text = "Zelensky told journalists that Kyiv is considering neutrality."
    assert ("Volodymyr Zelensky", "ukraine-neutrality", "neutral") in found(rules, text)


# --- agreements signed --------------------------------------------------------------------------------------


def test_an_agreement_signed_with_someone_is_both_sides_position(rules):
    claims = found(rules, "Zelensky signed a ten-year security agreement with Norway on Monday.")
    assert ("Volodymyr Zelensky", "security-guarantees", "support") in claims
    assert ("Norway", "security-guarantees", "support") in claims


def test_a_party_met_after_another_clause_is_not_a_cosignatory(rules):
    claims = found(rules, "Ukraine signed a security pact with Spain; talks with Portugal continue.")
    assert ("Spain", "security-guarantees", "support") in claims
    assert ("Portugal", "security-guarantees", "support") not in claims


def test_a_repeated_head_noun_refers_to_its_phrase_further_back(rules):
    text = (
        "Kyiv signed a security agreement with Rome in May. The agreements were welcomed. "
        "The deal also brings more ammunition. Officials were pleased. Crowds gathered. "
        "Kyiv signed its second such agreement with Madrid."
    )
    claims = found(rules, text)
    assert ("Spain", "security-guarantees", "support") in claims
    assert ("Spain", "military-aid", "support") not in claims


def test_the_circumstances_of_a_sentence_are_no_antecedent(rules):
    text = "Amid talk of peace talks, Kyiv weighed a Russian call for neutrality. Zelensky said the demand was studied."
    claims = found(rules, text)
    assert ("Volodymyr Zelensky", "ukraine-neutrality", "neutral") in claims
    assert not any(issue == "negotiations" for _, issue, _ in claims)


@pytest.mark.parametrize(
    "text, claim",
    [
        ("Austria backs a negotiated peace.", ("Austria", "negotiations", "support")),
        ("Hungary wants a pause in the fighting.", ("Hungary", "ceasefire", "support")),
        ("Denmark offered military trainers on Ukrainian soil.", ("Denmark", "troops-in-ukraine", "support")),
        ("Kyiv asked for a membership action plan.", ("Ukraine", "ukraine-nato-membership", "support")),
        ("Ireland said an American backstop is essential for Ukraine.", ("Ireland", "security-guarantees", "support")),
        ("Canada pledged more howitzers for Ukraine.", ("Canada", "military-aid", "support")),
        ("Estonia called for sanctions on the shadow fleet.", ("Estonia", "sanctions", "support")),
        ("Poland rejected any de jure recognition of the occupation.", ("Poland", "territorial-integrity", "support")),
        ("Latvia backs the five percent spending target.", ("Latvia", "defense-spending", "support")),
        ("Finland insisted that Europe must have a say.", ("Finland", "europe-in-negotiations", "support")),
    ],
)
def test_more_issue_vocabulary(rules, text, claim):
    assert claim in found(rules, text)


def test_two_phrases_of_one_issue_joined_by_of_are_read_as_one(rules):
    text = "Lavrov warned that the seizure of frozen assets held in Belgium would be a grave mistake."
    claims = found(rules, text)
    assert ("Sergey Lavrov", "frozen-assets", "oppose") in claims
    assert ("Sergey Lavrov", "frozen-assets", "support") not in claims


def test_the_debate_over_something_is_a_topic(rules):
    text = "Kallas said the debate over long-range missiles had gone on too long."
    assert "advanced-weapons" not in issues(rules, text)


def test_restrictions_on_russia_are_sanctions_not_a_restriction_cue(rules):
    assert ("Sweden", "sanctions", "support") in found(rules, "Sweden called for new restrictions on Russian oil.")


def test_a_study_as_a_noun_is_no_undecided_position(rules):
    text = "Citing a study of arms needs, Norway said it would send more weapons to Ukraine."
    assert ("Norway", "military-aid", "support") in found(rules, text)


def test_another_applicants_nato_membership_is_not_ukraines(rules):
    text = "After the invasion of Ukraine, Stockholm said Finland and Sweden would now apply for NATO membership."
    assert "ukraine-nato-membership" not in issues(rules, text)
    assert ("Volodymyr Zelensky", "ukraine-nato-membership", "support") in found(
        rules, "Zelensky said Ukraine, like Finland, wants to join NATO."
    )


def test_speaking_attributes_a_position(rules):
    text = "Orban has spoken with leaders in Kyiv and Moscow as part of efforts to achieve a ceasefire."
    assert ("Viktor Orbán", "ceasefire", "support") in found(rules, text)


@pytest.mark.parametrize(
    "text, claim",
    [
        ("Hungary held up the new sanctions package.", ("Hungary", "sanctions", "oppose")),
        ("Slovakia said sending fighter jets would be dangerous.", ("Slovakia", "advanced-weapons", "oppose")),
        ("Poland said talks with Putin now would be appeasement.", ("Poland", "negotiations", "oppose")),
        ("Austria rebuffed calls for a ceasefire.", ("Austria", "ceasefire", "oppose")),
        ("Lithuania applauded the new sanctions package.", ("Lithuania", "sanctions", "support")),
        ("Denmark said security guarantees are vital to deter Russia.", ("Denmark", "security-guarantees", "support")),
    ],
)
def test_more_stance_vocabulary(rules, text, claim):
    assert claim in found(rules, text)


def test_stopping_short_of_a_transfer_is_undecided(rules):
    text = "Spain is weighing a request for tanks from Kyiv. Madrid stopped short of approving the transfer."
    assert ("Spain", "advanced-weapons", "neutral") in found(rules, text)


def test_a_stance_on_something_with_a_cue_is_a_position(rules):
    text = "Tanks were discussed in Brussels. Portugal was hesitant about its position on this issue."
    assert ("Portugal", "advanced-weapons", "neutral") in found(rules, text)


@pytest.mark.parametrize(
    "text, issue",
    [
        ("Biden called Putin a war criminal over the attacks on Ukraine.", "negotiations"),
        ("Germany said US troops stationed in Germany defend Ukraine's neighbours.", "troops-in-ukraine"),
        ("Trump said his candidacy would end the war in Ukraine quickly.", "ukraine-eu-membership"),
        ("Scholz said that, from a European perspective, Ukraine needs more air defence.", "ukraine-eu-membership"),
        ("Congress said it must have a say on aid to Ukraine.", "europe-in-negotiations"),
    ],
)
def test_look_alikes_of_issue_words(rules, text, issue):
    assert issue not in issues(rules, text)


@pytest.mark.parametrize(
    "text, claim",
    [
        ("Greece backed opening accession talks with Kyiv.", ("Greece", "ukraine-eu-membership", "support")),
        (
            "Zelensky said Kyiv would never recognise the occupied regions as Russian.",
            ("Volodymyr Zelensky", "territorial-integrity", "support"),
        ),
        ("Spain said Europe must be at the negotiating table.", ("Spain", "europe-in-negotiations", "support")),
    ],
)
def test_accession_talks_recognition_and_a_place_at_the_table(rules, text, claim):
    assert claim in found(rules, text)


def test_another_countrys_own_neutrality_is_not_ukraines(rules):
    assert "ukraine-neutrality" not in issues(rules, "Vienna said Austria's neutrality helps Ukraine as a mediator.")


@pytest.mark.parametrize(
    "text, claim",
    [
        (
            "Starmer said any deal must not be struck over Ukraine's head.",
            ("Keir Starmer", "europe-in-negotiations", "support"),
        ),
        (
            "Stoltenberg said Ukraine has the right to strike military targets in Russia.",
            ("Jens Stoltenberg", "advanced-weapons", "support"),
        ),
        ("Lavrov said Moscow was not interested in a truce.", ("Sergey Lavrov", "ceasefire", "oppose")),
        (
            "Trump suggested Ukraine might have to give up some territory.",
            ("Donald Trump", "territorial-integrity", "oppose"),
        ),
    ],
)
def test_entitlements_necessities_and_interest(rules, text, claim):
    assert claim in found(rules, text)


@pytest.mark.parametrize(
    "text, claim",
    [
        (
            "Zelensky said Kyiv would not accept a truce without security guarantees.",
            ("Volodymyr Zelensky", "security-guarantees", "support"),
        ),
        (
            "Putin warned that Western peacekeepers would become legitimate targets.",
            ("Vladimir Putin", "troops-in-ukraine", "oppose"),
        ),
        ("Austria abstained on the new sanctions package.", ("Austria", "sanctions", "neutral")),
        (
            "Michel said talks cannot take place without Kyiv's participation.",
            ("Charles Michel", "europe-in-negotiations", "support"),
        ),
    ],
)
def test_without_after_a_negated_cue_and_more_cues(rules, text, claim):
    assert claim in found(rules, text)


def test_a_similar_one_in_the_same_sentence_is_a_second_instance(rules):
    text = "Kyiv signed a security agreement with Oslo a day after it signed a similar one with Copenhagen."
    assert ("Denmark", "security-guarantees", "support") in found(rules, text)


def test_the_state_of_talks_is_a_report_not_a_position(rules):
    assert "negotiations" not in issues(rules, "Peskov said negotiations between Moscow and Kyiv are frozen.")
    assert ("United States", "military-aid", "oppose") in found(
        rules, "Washington said it would suspend military aid to Ukraine."
    )
