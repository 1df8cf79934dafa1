"""Who holds a position, round 3 (attrib3): joint voices, readouts, passive agents with members, policy decisions,
documents, enumerations and proposals. Every sentence is written for these tests."""

from __future__ import annotations

from tests.extract.conftest import claims_found


def found(rules, text: str, on: str | None = "2025-03-01") -> set[tuple[str, str, str]]:
    return claims_found(rules, text, on)


def actors(rules, text: str, on: str | None = "2025-03-01") -> set[str]:
    return {actor for actor, _, _ in found(rules, text, on)}


# --- a joint statement speaks in the first person plural for its signatories -----------------------------------


JOINT = (
    "Meeting in Oslo, Prime Minister of Norway Jonas Gahr Støre and Prime Minister of Sweden Ulf Kristersson "
    "issued the following text.\n"
    "We stand with the people of Ukraine.\n"
    "We call on Russia to accept a ceasefire without delay.\n"
    "We reaffirm our support for security guarantees for Ukraine.\n"
)


def test_a_joint_statement_in_the_first_person_speaks_for_every_signatory(rules):
    claims = found(rules, JOINT)
    for leader in ("Jonas Gahr Støre", "Ulf Kristersson"):
        assert (leader, "ceasefire", "support") in claims
        assert (leader, "security-guarantees", "support") in claims


def test_one_sentence_in_the_first_person_does_not_make_a_statement(rules):
    text = (
        "Prime Minister of Norway Jonas Gahr Støre and Prime Minister of Sweden Ulf Kristersson met in Oslo.\n"
        "The weather was cold.\n"
        "We call on Russia to accept a ceasefire without delay.\n"
    )
    assert not actors(rules, text) & {"Jonas Gahr Støre", "Ulf Kristersson"}


def test_a_quoted_first_person_is_not_the_statement_voice(rules):
    text = (
        "Prime Minister of Norway Jonas Gahr Støre and Prime Minister of Sweden Ulf Kristersson met in Oslo.\n"
        "We arrived late.\n"
        "We left early.\n"
        "“Sanctions will not work,” an unnamed economist told a radio station.\n"
    )
    assert not actors(rules, text) & {"Jonas Gahr Støre", "Ulf Kristersson"}


def test_an_adjective_of_the_war_is_no_stance_cue(rules):
    text = "Mark Rutte called on Russia to end its illegal invasion and agree to a ceasefire."
    assert ("Mark Rutte", "ceasefire", "support") in found(rules, text)


# --- a readout: the two sides of a call are "they" ---------------------------------------------------------------


def test_they_after_a_call_between_two_leaders_is_both(rules):
    text = (
        "Today, the Prime Minister, Mark Carney, spoke with the President of Ukraine, Volodymyr Zelenskyy.\n"
        "They welcomed the prospect of peace negotiations.\n"
    )
    claims = found(rules, text)
    assert ("Mark Carney", "negotiations", "support") in claims
    assert ("Volodymyr Zelensky", "negotiations", "support") in claims


# --- a passive with agents: the members named after a collective, and later clauses ------------------------------


def test_members_named_after_a_collective_agent_and_a_negated_second_agent(rules):
    text = (
        "Deploying troops to Ukraine was rejected by several allies, including Spain and Italy, "
        "but not ruled out by Latvia."
    )
    claims = found(rules, text)
    assert ("Spain", "troops-in-ukraine", "oppose") in claims
    assert ("Italy", "troops-in-ukraine", "oppose") in claims
    assert ("Latvia", "troops-in-ukraine", "support") in claims


def test_an_agent_that_is_no_actor_is_passed_over(rules):
    text = "Sending tanks was welcomed by opposition parties and backed by Poland."
    claims = found(rules, text)
    assert ("Poland", "advanced-weapons", "support") in claims


# --- decisions announced as policy -------------------------------------------------------------------------------


def test_a_delivery_in_the_present_or_future_is_a_position(rules):
    assert ("Portugal", "advanced-weapons", "support") in found(rules, "Portugal is sending three tanks to Kyiv.")
    assert ("Belgium", "advanced-weapons", "support") in found(rules, "Belgium will supply fighter jets next year.")


def test_a_country_with_which_decided_is_the_subject(rules):
    text = "The minister thanked Norway and Belgium, which decided to buy fighter jets for Ukraine."
    claims = found(rules, text)
    assert ("Norway", "advanced-weapons", "support") in claims
    assert ("Belgium", "advanced-weapons", "support") in claims


def test_and_before_a_country_with_its_own_verb_opens_a_clause(rules):
    text = "Canada said it will send more tanks to Ukraine, and Finland announced it will dispatch two tanks."
    assert ("Finland", "advanced-weapons", "support") in found(rules, text)


def test_a_council_named_by_possessive_falls_back_to_the_closing_speaker(rules):
    text = "Greece's national council decided to donate an air defence system to Ukraine, the Greek government said."
    assert ("Greece", "military-aid", "support") in found(rules, text)


def test_a_ministry_abbreviation_speaks_for_its_government(rules):
    text = "Croatia's MoD has announced the delivery of ten fighter jets to Ukraine."
    assert ("Croatia", "advanced-weapons", "support") in found(rules, text)


def test_made_it_clear_reports_a_position(rules):
    text = "Austria made it clear that it would not send soldiers to Ukraine."
    assert ("Austria", "troops-in-ukraine", "oppose") in found(rules, text)


# --- reported clauses --------------------------------------------------------------------------------------------


def test_a_reported_clause_with_an_unnamed_subject_is_the_speakers(rules):
    text = "Slovak Prime Minister Robert Fico said the country was not ready to send weapons to Ukraine."
    assert ("Robert Fico", "military-aid", "oppose") in found(rules, text)


def test_a_second_that_clause_has_its_own_subject(rules):
    text = (
        "Dutch officials insisted that the Ukrainian government alone will decide on talks, "
        "and that the Netherlands will continue to supply weapons to Kyiv."
    )
    assert ("Netherlands", "military-aid", "support") in found(rules, text)


def test_an_inserted_after_phrase_does_not_hide_the_subject(rules):
    text = (
        "The foreign ministers of Denmark and Poland, after talks with the Ukrainian foreign minister, "
        "called for new sanctions on Russia."
    )
    claims = found(rules, text)
    assert ("Denmark", "sanctions", "support") in claims
    assert ("Poland", "sanctions", "support") in claims


# --- documents ---------------------------------------------------------------------------------------------------


def test_a_governments_demands_followed_by_their_content(rules):
    text = "Moscow's main demands include that Ukraine abandons its bid to join NATO."
    assert ("Russia", "ukraine-nato-membership", "oppose") in found(rules, text)


def test_according_to_the_document_is_the_latest_documents_owner(rules):
    text = (
        "The Russian memorandum was published on Monday.\n"
        "Moscow's demands include a neutral status for Ukraine.\n"
        "Western troops may not be deployed in Ukraine, according to the document.\n"
    )
    assert ("Russia", "troops-in-ukraine", "oppose") in found(rules, text)


def test_according_to_a_national_proposal_is_that_government(rules):
    text = "According to the Ukrainian proposal, Kyiv would keep its right to join NATO."
    assert ("Ukraine", "ukraine-nato-membership", "support") in found(rules, text)


def test_a_document_that_only_circulates_states_nothing(rules):
    text = "The Russian memorandum circulated after the talks, where no ceasefire was reached."
    assert "Russia" not in actors(rules, text)


# --- enumerations and proposals -------------------------------------------------------------------------------------


def test_enumerated_items_after_a_lead_with_a_colon_are_the_speakers(rules):
    text = (
        "Estonian President Alar Karis said that two conditions must be met:\n"
        "First — Ukraine must keep its territorial integrity.\n"
        "Second — Ukraine needs security guarantees.\n"
    )
    claims = found(rules, text)
    assert ("Alar Karis", "territorial-integrity", "support") in claims
    assert ("Alar Karis", "security-guarantees", "support") in claims


def test_items_without_a_lead_are_nobodys(rules):
    text = "The weather was cold.\nFirst — Ukraine needs security guarantees.\n"
    assert not found(rules, text)


def test_a_proposal_by_named_authors_is_theirs(rules):
    text = "Hungary rejected the proposal by Poland and Lithuania to send troops to Ukraine."
    claims = found(rules, text)
    assert ("Poland", "troops-in-ukraine", "support") in claims
    assert ("Lithuania", "troops-in-ukraine", "support") in claims


def test_a_country_named_before_proposal_owns_it(rules):
    text = "Kyiv said it would study the Turkish and the US proposal for an immediate ceasefire."
    assert ("United States", "ceasefire", "support") in found(rules, text)


def test_as_demanded_by_names_the_author(rules):
    text = "Allies agreed to raise defence spending, as demanded by Poland."
    assert ("Poland", "defense-spending", "support") in found(rules, text)


def test_this_proposal_refers_to_the_plan_a_person_owns(rules):
    text = (
        "Diplomats have discussed Zelensky's twelve-point peace plan for weeks.\n"
        "This proposal includes calls for a full withdrawal of Russian troops from Ukraine.\n"
    )
    assert ("Volodymyr Zelensky", "territorial-integrity", "support") in found(rules, text)


# --- a statement that goes on without quotation marks in the first person ------------------------------------------


def test_first_person_sentences_after_a_quoted_statement_continue_it(rules):
    text = (
        "“Our sanctions are working and the pressure keeps rising every single week,” Ursula von der Leyen said "
        "in a statement.\n"
        "Europe stands united.\n"
        "Together with our partners, we will use the frozen assets to rebuild Ukraine.\n"
    )
    assert ("Ursula von der Leyen", "frozen-assets", "support") in found(rules, text)


def test_first_person_after_another_speaker_took_over_is_not_continued(rules):
    text = (
        "“Our sanctions are working and the pressure keeps rising every single week,” Ursula von der Leyen said "
        "in a statement.\n"
        "A reporter said the mood in the room was tense.\n"
        "Together with our partners, we will use the frozen assets to rebuild Ukraine.\n"
    )
    assert ("Ursula von der Leyen", "frozen-assets", "support") not in found(rules, text)


def test_the_readiness_of_a_country_to_act_is_its_position(rules):
    text = "Diplomats praised the readiness of Canada to provide security guarantees to Ukraine."
    assert ("Canada", "security-guarantees", "support") in found(rules, text)
    text = "Diplomats regretted the refusal of Austria to send weapons to Ukraine."
    assert ("Austria", "military-aid", "oppose") in found(rules, text)


def test_a_passive_agent_after_an_inserted_comparison(rules):
    text = "The idea to jointly buy ammunition for Ukraine, as was done for medicines, was put forward by Poland."
    assert ("Poland", "military-aid", "support") in found(rules, text)


def test_a_decree_is_a_decision_of_policy(rules):
    text = "The president of Ukraine, Volodymyr Zelensky, issued a decree forbidding negotiations with Moscow."
    assert ("Volodymyr Zelensky", "negotiations", "oppose") in found(rules, text)


def test_an_opening_prepositional_phrase_does_not_swallow_the_subject(rules):
    text = (
        "According to the Spanish government, during the meeting, Pedro Sánchez condemned the attacks and urged "
        "Russia to withdraw its troops from Ukraine."
    )
    assert ("Pedro Sánchez", "territorial-integrity", "support") in found(rules, text)


# --- a person reporting his government's act holds the position --------------------------------------------------


def test_a_government_act_reported_by_its_leader_in_a_closing_clause(rules):
    text = "Norway has committed to sending two fighter jets to Ukraine, Jonas Gahr Støre said."
    claims = found(rules, text)
    assert ("Jonas Gahr Støre", "advanced-weapons", "support") in claims
    assert ("Norway", "advanced-weapons", "support") not in claims


def test_a_government_act_inside_its_leaders_quotation_is_the_leaders(rules):
    text = (
        "“The Swedish government has approved new funding for ammunition for Ukraine this week,” Ulf Kristersson said."
    )
    claims = found(rules, text)
    assert ("Ulf Kristersson", "military-aid", "support") in claims
    assert ("Sweden", "military-aid", "support") not in claims


# --- bare titles and connectives ------------------------------------------------------------------------------------


def test_the_prime_minister_is_not_a_president_who_heads_a_government(rules):
    text = (
        "Today, the Prime Minister, Mark Carney, met European leaders.\n"
        "He welcomed President Trump's visit to Europe.\n"
        "The Prime Minister stressed the need for security guarantees for Ukraine.\n"
    )
    claims = found(rules, text, "2025-08-01")
    assert ("Mark Carney", "security-guarantees", "support") in claims
    assert ("Donald Trump", "security-guarantees", "support") not in claims


def test_a_connective_goes_on_with_the_speaker_of_the_sentence_before(rules):
    text = (
        "The Italian foreign minister, Antonio Tajani, stressed that Russia cannot be trusted. Therefore, Ukraine "
        "needs security guarantees."
    )
    assert ("Antonio Tajani", "security-guarantees", "support") in found(rules, text)


def test_a_connective_in_a_new_paragraph_is_not_continued(rules):
    text = (
        "The Italian foreign minister, Antonio Tajani, stressed that Russia cannot be trusted.\n"
        "Therefore, analysts expect new debates about security guarantees."
    )
    assert ("Antonio Tajani", "security-guarantees", "support") not in found(rules, text)


def test_first_person_sentences_in_single_quotation_marks_are_no_joint_statement(rules):
    text = (
        "Prime Minister of Norway Jonas Gahr Støre and Prime Minister of Sweden Ulf Kristersson met in Oslo.\n"
        "‘We must be careful,’ a Swedish economist said.\n"
        "‘We doubt that a ceasefire is near,’ the economist added.\n"
        "We call on Russia to accept a ceasefire.\n"
    )
    assert not actors(rules, text) & {"Jonas Gahr Støre", "Ulf Kristersson"}


def test_a_press_conference_by_one_speaker_is_that_speakers_voice(rules):
    text = (
        "Press conference\n"
        "by NATO Secretary General Mark Rutte after the meeting of defence ministers\n"
        "Good afternoon.\n"
        "We had a good meeting today.\n"
        "I thank the ministers for their work.\n"
        "Allies must keep raising defence spending.\n"
    )
    assert ("Mark Rutte", "defense-spending", "support") in found(rules, text)


def test_a_statement_to_warn_of_consequences_opposes(rules):
    text = "The Belarusian foreign ministry issued a statement to warn of dangerous consequences of sending tanks."
    assert ("Belarus", "advanced-weapons", "oppose") in found(rules, text)


def test_a_quotation_that_quotes_a_term_inside_it_continues_its_speaker(rules):
    text = (
        "“We will not give up any land at all,” Dmytro Kuleba said.\n"
        "“Any settlement can only be “ours” and only with legally binding security guarantees for Ukraine.”"
    )
    assert ("Dmytro Kuleba", "security-guarantees", "support") in found(rules, text)


def test_remarked_and_summarised_report_speech(rules):
    text = "“Sanctions on Russian oil must be tightened again this year,” remarked Gitanas Nausėda."
    assert ("Gitanas Nausėda", "sanctions", "support") in found(rules, text)


def test_a_plain_and_does_not_continue_the_speaker(rules):
    text = (
        "The Italian foreign minister, Antonio Tajani, stressed that Russia cannot be trusted. And security "
        "guarantees for Ukraine are discussed in Brussels."
    )
    assert ("Antonio Tajani", "security-guarantees", "support") not in found(rules, text)
