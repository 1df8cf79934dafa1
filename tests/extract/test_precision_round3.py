"""Round 3, precision: actors that hold no position in a sentence. Every sentence is written for these tests."""

from __future__ import annotations

from tests.extract.conftest import claims_found


def found(rules, text: str, on: str | None = "2024-06-01") -> set[tuple[str, str, str]]:
    return claims_found(rules, text, on)


def actors(rules, text: str, on: str | None = "2024-06-01") -> set[str]:
    return {actor for actor, _, _ in found(rules, text, on)}


# --- a verb right after "which" belongs to the antecedent of "which" -------------------------------------------


def test_a_document_that_calls_for_a_ceasefire_is_not_its_readers_position(rules):
    text = "Rome and Madrid were politely interested in Brazil's peace memo, which calls for an immediate truce."
    assert not {"Italy", "Spain"} & actors(rules, text)


def test_a_relative_clause_after_an_actor_is_that_actors(rules):
    text = "Officials thanked Denmark and Norway, which decided to send more F-16 fighter jets to Ukraine."
    assert ("Norway", "advanced-weapons", "support") in found(rules, text)


def test_a_which_clause_naming_its_own_subject_is_left_to_that_subject(rules):
    text = "Kyiv asked for fighter jets, which Olaf Scholz has ruled out."
    assert ("Olaf Scholz", "advanced-weapons", "oppose") in found(rules, text, "2023-06-01")


# --- "X quoted / cited": the one quoted is the object right after the verb -------------------------------------


def test_quoting_an_unnamed_colleague_gives_nothing_to_an_organisation_named_later(rules):
    text = (
        '"We must all spend more on our armies," Ursula von der Leyen quoted a colleague from a recent NATO '
        "meeting on defence spending."
    )
    assert "NATO" not in actors(rules, text)


# --- a leader who reports his own government's act holds it ----------------------------------------------------


def test_a_closing_reporting_clause_gives_the_governments_act_to_its_leader(rules):
    text = "Spain has committed to sending more Leopard tanks to Ukraine, Pedro Sánchez said."
    assert found(rules, text) >= {("Pedro Sánchez", "advanced-weapons", "support")}
    assert "Spain" not in actors(rules, text)


def test_a_quoted_government_decision_is_the_speakers(rules):
    text = (
        '"The Dutch government has approved another package of military aid for Ukraine," said Prime Minister '
        "Mark Rutte."
    )
    assert ("Mark Rutte", "military-aid", "support") in found(rules, text, "2023-06-01")
    assert "Netherlands" not in actors(rules, text, "2023-06-01")


def test_a_government_reported_by_someone_of_another_country_keeps_the_position(rules):
    text = "Spain has committed to sending more Leopard tanks to Ukraine, Volodymyr Zelensky said."
    assert "Pedro Sánchez" not in actors(rules, text)


# --- hypotheticals inside a quotation ----------------------------------------------------------------------------


def test_an_if_clause_in_a_quotation_is_the_speakers_condition(rules):
    text = (
        'Mette Frederiksen spoke to reporters in Brussels.\n"If Russia breaks the deal we have agreed on, then the '
        'security guarantees must take effect at once," she said.'
    )
    assert "Russia" not in actors(rules, text)
    assert ("Mette Frederiksen", "security-guarantees", "support") in found(rules, text)


# --- a subordinate clause's verb does not frame the sentence when a reporting clause closes it -------------------


def test_a_closing_reporting_clause_wins_over_a_subordinate_clause(rules):
    text = "The Abrams tanks will be delivered within weeks as Ukraine seeks to hold the front line, Lloyd Austin said."
    assert "Ukraine" not in actors(rules, text, "2023-03-01")


def test_a_subordinate_clause_alone_still_holds_its_subjects_request(rules):
    text = "The Gripen jets have been discussed for months since Ukraine submitted a request to acquire them."
    assert "Ukraine" in actors(rules, text)


# --- "according to" is a source, not a verb that a later one is coordinated with -------------------------------


def test_a_coordinated_verb_after_a_source_shares_the_subject_of_its_own_clause(rules):
    text = (
        "According to the French government's press office, Emmanuel Macron condemned the strikes and urged Putin "
        "to withdraw all Russian troops from Ukraine."
    )
    assert ("Emmanuel Macron", "territorial-integrity", "support") in found(rules, text)
    assert "France" not in actors(rules, text)


# --- objects are not subjects ------------------------------------------------------------------------------------


def test_the_object_of_an_infinitive_does_not_hold_a_later_participle(rules):
    text = (
        "Pedro Sánchez flew to Warsaw on Monday to meet Polish President Andrzej Duda, a day after pledging "
        "more military aid for Ukraine."
    )
    assert "Andrzej Duda" not in actors(rules, text)


def test_a_bare_comma_does_not_join_an_object_to_the_subject(rules):
    text = (
        "Arriving in Rome to see her Italian counterpart Giorgia Meloni, Mette Frederiksen said Denmark would keep "
        "sending weapons to Ukraine."
    )
    assert "Giorgia Meloni" not in actors(rules, text)
    assert "Mette Frederiksen" in actors(rules, text)


def test_a_list_ending_with_and_is_still_a_group_of_subjects(rules):
    text = "Germany, France and Italy said they would keep sending weapons to Ukraine."
    assert {"Germany", "France", "Italy"} <= actors(rules, text)


# --- registry additions ------------------------------------------------------------------------------------------


def test_office_holders_added_to_the_registry_are_recognised_by_name(rules):
    assert "Chrystia Freeland" in actors(rules, "Chrystia Freeland said Canada would send more weapons to Ukraine.")
    assert "Jarosław Kaczyński" in actors(
        rules, "Jaroslaw Kaczynski called for a peacekeeping mission in Ukraine.", "2022-03-20"
    )


# --- "the Prime Minister" is not a president who also heads his government ---------------------------------------


def test_the_prime_minister_is_not_the_president_named_after_him(rules):
    text = (
        "Keir Starmer arrived in Washington, where President Donald Trump spoke to reporters on Monday.\n"
        "The Prime Minister insisted that Ukraine must take part in any peace negotiations."
    )
    assert "Keir Starmer" in actors(rules, text, "2025-06-01")
    assert "Donald Trump" not in actors(rules, text, "2025-06-01")


# --- an unknown title right before the verb is its subject -------------------------------------------------------


def test_a_title_naming_nobody_known_is_the_subject_not_the_country_before_it(rules):
    text = "Summing up Finland's stance, the head of state stressed that Ukraine needs more air defence systems."
    assert "Finland" not in actors(rules, text, None)


def test_a_leader_named_again_by_title_keeps_the_earlier_person(rules):
    text = (
        "Emmanuel Macron spoke in Paris on Monday, where the leader said that sending troops to Ukraine could not "
        "be ruled out."
    )
    assert "Emmanuel Macron" in actors(rules, text)


# --- "I" or "we" right before a verb inside a quotation is the speaker ---------------------------------------------


def test_a_first_person_verb_in_a_quotation_is_not_the_country_named_before_it(rules):
    text = (
        "“Ukraine has done its share, and I can say that peace talks with Moscow are needed now,” Alexander Stubb said."
    )
    assert "Ukraine" not in actors(rules, text)
    assert "Alexander Stubb" in actors(rules, text)


# --- the object of "allow / enable / urge / ask" is not the next "she" --------------------------------------------


def test_the_object_of_allow_is_not_the_antecedent_of_she(rules):
    text = (
        "Ursula von der Leyen presented a plan that would allow Germany's foreign minister to approve new funds.\n"
        "“We must use the frozen Russian assets for Ukraine,” she said."
    )
    assert ("Ursula von der Leyen", "frozen-assets", "support") in found(rules, text)
    assert "Annalena Baerbock" not in actors(rules, text)


def test_a_commissioner_is_known_by_her_short_surname(rules):
    text = "Kos said that Ukraine is ready to open the first cluster of accession negotiations."
    assert "Marta Kos" in actors(rules, text, "2025-04-01")


# --- the members of a collective that is an object hold nothing --------------------------------------------------


def test_members_of_a_collective_object_are_not_holders(rules):
    text = (
        "Kyiv wants to see several countries, including Norway and Spain, as guarantors, according to sources close "
        "to the peace negotiations."
    )
    assert not {"Norway", "Spain"} & actors(rules, text)


def test_members_of_a_passive_agent_still_hold_the_position(rules):
    text = "The ceasefire plan was rejected by several allies, in particular Poland and Estonia, officials said."
    assert {"Poland", "Estonia"} <= actors(rules, text)


# --- a leader speaking of his own government's proposal holds it himself ----------------------------------------


def test_a_leader_speaking_of_his_governments_proposal_holds_it(rules):
    text = "Pedro Sánchez said Madrid would press Berlin to answer the Spanish proposal to send tanks to Ukraine."
    assert ("Pedro Sánchez", "advanced-weapons", "support") in found(rules, text)
    assert "Spain" not in actors(rules, text)


def test_another_countrys_proposal_stays_that_governments(rules):
    text = "Volodymyr Zelensky said he hoped Berlin would soon answer the Spanish proposal to send tanks to Ukraine."
    assert ("Spain", "advanced-weapons", "support") in found(rules, text)


# --- a participle right after a plural noun belongs to that noun ---------------------------------------------------


def test_a_participle_after_a_plural_noun_is_a_reduced_relative_clause(rules):
    text = (
        "Norway and its partners created a task force as part of an effort to seize the assets of oligarchs backing "
        "the Kremlin."
    )
    assert "Norway" not in actors(rules, text)


# --- conditions other than "if" -----------------------------------------------------------------------------------


def test_the_subject_of_a_provided_that_clause_holds_nothing(rules):
    text = "The mission could start soon, provided that Zelensky approves the deployment of troops."
    assert "Volodymyr Zelensky" not in actors(rules, text)


def test_the_subject_of_an_in_case_clause_holds_nothing(rules):
    text = "In case the United States backs a ceasefire, Kyiv will have to follow, commentators said."
    assert "United States" not in actors(rules, text)


def test_the_subject_of_an_if_clause_before_a_quotation_holds_nothing(rules):
    text = "Maia Sandu spoke on Monday. If Berlin “agrees to it, that will show its readiness to negotiate,” she said."
    assert "Germany" not in actors(rules, text)


def test_a_possessive_owner_in_an_if_clause_holds_nothing(rules):
    text = "If Moscow agrees, its readiness to negotiate will be tested within weeks, commentators said."
    assert "Russia" not in actors(rules, text)


# --- "appears / seems open to": the writer's inference -------------------------------------------------------------


def test_an_actor_that_appears_open_to_something_states_nothing(rules):
    text = "Sweden's government appears open to sending fighter jets to Ukraine."
    assert "Sweden" not in actors(rules, text)


def test_a_speaker_after_seemed_still_holds_what_he_said(rules):
    text = "The idea seemed to please Ulf Kristersson, who said that Sweden would send fighter jets to Ukraine."
    assert "Ulf Kristersson" in actors(rules, text)


# --- "its" after an object refers to the subject -------------------------------------------------------------------


def test_its_refusal_after_an_object_belongs_to_the_subject(rules):
    text = "Slovakia was blamed for “holding the EU hostage” over its refusal to back new sanctions on Russia."
    assert "European Union" not in actors(rules, text)


def test_its_veto_of_a_persuaded_object_still_belongs_to_that_object(rules):
    text = "Officials in Rome tried to persuade Hungary to lift its veto on new sanctions against Russia."
    assert "Hungary" in actors(rules, text)


# --- a participial insertion between the subject and its verb is skipped ------------------------------------------


def test_a_person_named_in_a_participial_insertion_is_not_the_subject(rules):
    text = "Petr Fiala, speaking alongside Donald Tusk in Prague, ruled out sending troops to Ukraine."
    assert "Donald Tusk" not in actors(rules, text)
    assert ("Petr Fiala", "troops-in-ukraine", "oppose") in found(rules, text)


def test_a_leader_named_in_an_earlier_clause_is_not_the_closing_reporter(rules):
    text = (
        "Although Spain has backed Ukraine by sending tanks, Pedro Sánchez has not yet travelled to Kyiv, the agency "
        "noted."
    )
    assert "Pedro Sánchez" not in actors(rules, text)


def test_a_bare_comma_list_whose_and_comes_later_keeps_every_member(rules):
    text = (
        "Denmark, Norway and several other northern allies doubt that Moscow is serious about negotiating a settlement."
    )
    assert {"Denmark", "Norway"} <= actors(rules, text)
