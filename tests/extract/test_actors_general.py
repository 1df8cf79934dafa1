"""Who holds a position in unseen news: actors and attribution rules; every sentence is written for these tests."""

from __future__ import annotations

from tests.extract.conftest import claims_found


def found(rules, text: str, on: str | None = "2024-06-01") -> set[tuple[str, str, str]]:
    return claims_found(rules, text, on)


def actors(rules, text: str, on: str | None = "2024-06-01") -> set[str]:
    return {actor for actor, _, _ in found(rules, text, on)}


# --- who a noun phrase names ---------------------------------------------------------------------------------


def test_a_spokesperson_named_after_the_title_speaks_for_the_government(rules):
    text = "Pentagon spokesman Carl Jensen said the United States opposed sending tanks to Kyiv for now."
    assert actors(rules, text) == {"United States"}


def test_the_spokesperson_for_a_leaders_government_is_that_government(rules):
    text = "A spokeswoman for Vladimir Putin's government called new sanctions unacceptable."
    assert ("Russia", "sanctions", "oppose") in found(rules, text)


def test_a_leaders_government_is_the_government(rules):
    text = "Zelensky's government rejected a ceasefire that would freeze the front line."
    assert ("Ukraine", "ceasefire", "oppose") in found(rules, text)


def test_the_countrys_ministry_is_the_country_last_named(rules):
    text = "Sweden hosted the talks on Monday. The country's foreign ministry said it supported new sanctions."
    assert ("Sweden", "sanctions", "support") in found(rules, text)


def test_the_president_of_a_kingdom_is_its_prime_minister(rules):
    text = "The Spanish president said Madrid backed new sanctions on Moscow."
    assert actors(rules, text, "2024-06-01") == {"Pedro Sánchez"}


def test_an_object_of_a_verb_in_the_past_is_not_the_subject_of_the_next_verb(rules):
    text = "The European Parliament condemned Russia and Belarus and called for tougher sanctions."
    assert actors(rules, text) == {"European Parliament"}


def test_a_possessive_object_after_met_with_is_no_subject(rules):
    text = "Orbán met with the country's President Volodymyr Zelensky and suggested a ceasefire."
    claims = found(rules, text)
    assert ("Viktor Orbán", "ceasefire", "support") in claims
    assert not any(actor == "Volodymyr Zelensky" for actor, _, _ in claims)


# --- acts stated as policy ------------------------------------------------------------------------------------


def test_signing_a_security_agreement_is_a_position(rules):
    text = "Olaf Scholz signed a long-term security agreement with Kyiv on Friday."
    assert ("Olaf Scholz", "security-guarantees", "support") in found(rules, text)


def test_declining_to_act_opposes(rules):
    text = "The Italian leadership declined to send long-range missiles to Ukraine."
    assert ("Italy", "advanced-weapons", "oppose") in found(rules, text)


def test_declining_to_comment_is_no_position(rules):
    text = "Asked again, Scholz declined to comment on troop deployments to Ukraine."
    assert found(rules, text) == set()


def test_a_denied_confirmation_is_no_position(rules):
    text = "The Kremlin has not confirmed that a ceasefire will take effect on Sunday."
    assert found(rules, text) == set()


def test_authorising_a_delivery_is_a_position(rules):
    text = "Joe Biden has authorized Kyiv to fire long-range missiles into Russia."
    assert ("Joe Biden", "advanced-weapons", "support") in found(rules, text, "2024-11-20")


def test_opening_the_door_to_troops_supports(rules):
    text = "Sánchez opened the door to deploying troops in Ukraine."
    assert ("Pedro Sánchez", "troops-in-ukraine", "support") in found(rules, text)


# --- holders named as a group ---------------------------------------------------------------------------------


def test_members_named_after_a_collective_hold_its_position(rules):
    text = "Several allies have rejected new sanctions on Russian gas, in particular Hungary, Slovakia and Austria."
    claims = found(rules, text)
    for country in ("Hungary", "Slovakia", "Austria"):
        assert (country, "sanctions", "oppose") in claims


def test_members_given_as_examples_without_a_comma(rules):
    text = "Some governments are ready to send tanks to Ukraine, for example Poland Finland and Norway."
    claims = found(rules, text)
    for country in ("Poland", "Finland", "Norway"):
        assert (country, "advanced-weapons", "support") in claims


def test_a_collective_without_named_members_is_not_coded(rules):
    text = "Several allies have rejected new sanctions on Russian gas."
    assert found(rules, text) == set()


def test_signatories_listed_after_their_verb_hold_the_letters_position(rules):
    text = "Signatories of the appeal calling for a ceasefire were Ireland, Malta, and Austria."
    claims = found(rules, text)
    for country in ("Ireland", "Malta", "Austria"):
        assert (country, "ceasefire", "support") in claims


def test_a_statement_signed_by_a_list(rules):
    text = "A statement demanding tougher sanctions was signed by Estonia, Latvia and Lithuania."
    claims = found(rules, text)
    for country in ("Estonia", "Latvia", "Lithuania"):
        assert (country, "sanctions", "support") in claims


def test_donors_listed_as_countries_such_as(rules):
    text = (
        "The main donors of the ammunition fund for Ukraine's military aid have included countries such as "
        "Canada and Norway."
    )
    claims = found(rules, text)
    assert ("Canada", "military-aid", "support") in claims
    assert ("Norway", "military-aid", "support") in claims


def test_a_numbered_subject_stands_for_the_people_the_sentence_names(rules):
    text = "All three want tougher sanctions on Russia, Olaf Scholz said after meeting Emmanuel Macron and Donald Tusk."
    claims = found(rules, text)
    for person in ("Olaf Scholz", "Emmanuel Macron", "Donald Tusk"):
        assert (person, "sanctions", "support") in claims


def test_both_stands_for_the_pair_named_before(rules):
    text = "Emmanuel Macron and Olaf Scholz met in Berlin on Monday. Both leaders called for a ceasefire."
    claims = found(rules, text)
    assert ("Emmanuel Macron", "ceasefire", "support") in claims
    assert ("Olaf Scholz", "ceasefire", "support") in claims


def test_the_partners_of_a_signed_security_agreement_hold_it_too(rules):
    text = "Zelensky has signed a security pact with Italy, following an earlier agreement with Canada."
    claims = found(rules, text)
    for actor in ("Volodymyr Zelensky", "Italy", "Canada"):
        assert (actor, "security-guarantees", "support") in claims


def test_according_to_her_is_the_last_person(rules):
    text = "Kaja Kallas spoke in Brussels. According to her, the sanctions must stay until Russia withdraws."
    assert ("Kaja Kallas", "sanctions", "support") in found(rules, text)


# --- more names and frames ------------------------------------------------------------------------------------


def test_a_title_before_a_variant_spelling_of_a_known_name_is_that_person(rules):
    text = "Orbán sat down with the country's President Vladimir Zelensky and proposed a ceasefire."
    assert ("Viktor Orbán", "ceasefire", "support") in found(rules, text)


def test_a_proposal_rejected_by_an_agent_in_a_later_clause(rules):
    text = "Moscow floated a neutral status for Ukraine, but the proposal was rejected by Zelensky's government."
    assert ("Ukraine", "ukraine-neutrality", "oppose") in found(rules, text)


def test_a_closing_according_to_wins_over_a_phrase_before_it(rules):
    text = (
        "A deal on frozen Russian assets in favor of Ukraine is close, according to Italian Prime Minister "
        "Giorgia Meloni."
    )
    assert ("Giorgia Meloni", "frozen-assets", "support") in found(rules, text)


def test_the_pentagon_without_an_article_is_the_united_states(rules):
    text = "Pentagon has rejected sending F-16 fighter jets to Ukraine this year."
    assert ("United States", "advanced-weapons", "oppose") in found(rules, text)


def test_meps_are_the_european_parliament(rules):
    text = "MEPs called for tougher sanctions against Russia."
    assert ("European Parliament", "sanctions", "support") in found(rules, text)


def test_the_president_of_the_commission_is_its_office_holder(rules):
    text = "Later, the President of the European Commission called for new sanctions on Russian banks."
    assert ("Ursula von der Leyen", "sanctions", "support") in found(rules, text)


def test_the_blocs_leaders_are_the_organisation_named_last(rules):
    text = (
        "NATO met in Washington this week. The bloc's leaders said Ukraine's future membership of NATO is irreversible."
    )
    assert ("NATO", "ukraine-nato-membership", "support") in found(rules, text)


def test_some_of_an_organisations_leaders_are_not_the_organisation(rules):
    text = "Twelve EU leaders called for new sanctions on Russian banks."
    assert found(rules, text) == set()


def test_an_issue_in_an_opening_adverbial_is_the_scene_not_the_position(rules):
    text = "Amid a push for peace talks, Emmanuel Macron told reporters he would fly to Kyiv."
    assert found(rules, text) == set()


def test_an_apposition_between_subject_and_verb_is_skipped(rules):
    text = "Jansen, a former NATO commander, had championed the ammunition initiative for Ukraine's army."
    claims = found(rules, text)
    assert not any(actor == "NATO" for actor, _, _ in claims)


def test_an_apposition_naming_the_subject_again_keeps_it(rules):
    text = "A statement from the German government, the Chancellery, said new sanctions were needed."
    assert ("Germany", "sanctions", "support") in found(rules, text)


def test_a_known_person_with_an_apposition_keeps_the_position(rules):
    text = "Petr Pavel, a former general, initiated a drive to buy artillery ammunition for Ukraine."
    assert ("Petr Pavel", "military-aid", "support") in found(rules, text)


def test_stopping_short_of_a_step_is_undecided(rules):
    text = "Berlin stopped short of approving the delivery of Leopard tanks to Ukraine."
    assert ("Germany", "advanced-weapons", "neutral") in found(rules, text)


def test_a_subordinate_clause_with_its_own_subject_is_not_the_speakers(rules):
    text = (
        "Meloni called for unity, since many governments had been caught off guard by plans for peace talks "
        "with Moscow."
    )
    assert not any(actor == "Giorgia Meloni" for actor, _, _ in found(rules, text))


def test_its_veto_belongs_to_the_government_named_before(rules):
    text = "The Commission hopes to persuade Slovakia to lift its veto on new sanctions against Russia."
    assert ("Slovakia", "sanctions", "oppose") in found(rules, text)


def test_its_stance_alone_gives_no_direction(rules):
    text = "The minister said that Paris had not changed its stance on strikes inside Russia."
    assert not any(actor == "France" for actor, _, _ in found(rules, text))


def test_expecting_another_actor_to_act_is_a_demand(rules):
    text = "Lavrov said the Kremlin expects Kyiv to agree to a ceasefire soon."
    assert ("Sergey Lavrov", "ceasefire", "support") in found(rules, text)


def test_an_expectation_about_events_stays_a_guess(rules):
    text = "Analysts said the talks are expected to deliver a ceasefire by spring."
    assert found(rules, text) == set()


def test_a_government_news_agency_is_the_media(rules):
    text = "A ceasefire is near, according to the French government news agency."
    assert not any(actor == "France" for actor, _, _ in found(rules, text))


# --- coordination and passives --------------------------------------------------------------------------------


def test_along_with_adds_a_subject(rules):
    text = "Austria and Ireland, along with Malta, called for a ceasefire."
    assert {"Austria", "Ireland", "Malta"} <= actors(rules, text)


def test_neither_nor_coordinates_both(rules):
    text = "Neither Spain nor Portugal supports sending troops to Ukraine."
    claims = found(rules, text)
    assert ("Spain", "troops-in-ukraine", "oppose") in claims
    assert ("Portugal", "troops-in-ukraine", "oppose") in claims


def test_the_countries_that_opposed_is_a_relative_clause(rules):
    text = "Greece and Cyprus were among the countries that opposed new sanctions."
    claims = found(rules, text)
    assert ("Greece", "sanctions", "oppose") in claims
    assert ("Cyprus", "sanctions", "oppose") in claims


def test_two_passive_agents_with_their_own_verbs(rules):
    text = "The plan to use frozen Russian assets was backed by Finland and opposed by Luxembourg."
    claims = found(rules, text)
    assert ("Finland", "frozen-assets", "support") in claims
    assert ("Luxembourg", "frozen-assets", "oppose") in claims


def test_joining_someone_in_a_call_gives_both_the_position(rules):
    text = "Portugal joined Ireland in calling for a ceasefire."
    assert {"Portugal", "Ireland"} <= actors(rules, text)


def test_they_after_a_verb_of_saying_is_its_subject(rules):
    text = "Officials in Rome said they opposed sending long-range missiles to Ukraine."
    assert ("Italy", "advanced-weapons", "oppose") in found(rules, text)


def test_the_eus_foreign_policy_chief_is_the_high_representative(rules):
    text = "The EU's foreign policy chief said frozen Russian assets should be used for Ukraine."
    assert ("Josep Borrell", "frozen-assets", "support") in found(rules, text)


def test_a_last_clause_refusing_without_an_object_refuses_the_earlier_issue(rules):
    text = "Warsaw has long asked for more Patriot systems, but Madrid has so far declined."
    claims = found(rules, text)
    assert ("Spain", "military-aid", "oppose") in claims
    assert ("Poland", "military-aid", "support") in claims


def test_a_minister_of_an_office_keeps_the_minister_title_and_the_name(rules):
    text = "Poland's Minister of the Prime Minister's Office Jan Nowacki said Warsaw backed new sanctions."
    assert ("Jan Nowacki", "sanctions", "support") in found(rules, text)


def test_efforts_to_reach_an_issue_are_the_subjects(rules):
    text = "Erdogan has hosted both sides in Istanbul as part of efforts to broker a ceasefire."
    assert ("Recep Tayyip Erdoğan", "ceasefire", "support") in found(rules, text)


def test_a_present_tense_demand_of_a_plural_subject(rules):
    text = "MEPs demand tougher sanctions on Russian oil."
    assert ("European Parliament", "sanctions", "support") in found(rules, text)


def test_submitting_a_request_is_a_position(rules):
    text = "Kyiv submitted a request for Taurus missiles last spring."
    assert ("Ukraine", "advanced-weapons", "support") in found(rules, text)


def test_a_national_adjective_owns_a_statement_noun(rules):
    text = "The summit stalled over Slovak objections to new sanctions on Russian gas."
    assert ("Slovakia", "sanctions", "oppose") in found(rules, text)


def test_a_national_proposal_is_that_governments(rules):
    text = "Talks focused on the Estonian proposal to use frozen Russian assets for Ukraine."
    assert ("Estonia", "frozen-assets", "support") in found(rules, text)


def test_two_national_adjectives_share_a_government_voice(rules):
    text = "Dutch and Danish officials said they opposed new sanctions on Russian gas."
    claims = found(rules, text)
    assert ("Netherlands", "sanctions", "oppose") in claims
    assert ("Denmark", "sanctions", "oppose") in claims


def test_a_joint_statement_by_a_list_that_calls_for_something(rules):
    text = "A joint statement by Croatia and Slovenia called for a ceasefire."
    assert {"Croatia", "Slovenia"} <= actors(rules, text)


def test_a_headline_naming_a_statement_without_a_verb_codes_nobody(rules):
    text = "New joint statement by Croatia and Slovenia on a ceasefire"
    assert not {"Croatia", "Slovenia"} & actors(rules, text)


def test_a_letter_signed_by_ministers_of_countries(rules):
    text = "A letter signed by the foreign ministers of Latvia and Lithuania called for new sanctions."
    assert {"Latvia", "Lithuania"} <= actors(rules, text)


def test_supporters_listed_after_include(rules):
    text = "Supporters of the plan to use frozen Russian assets include Poland and Sweden."
    assert {"Poland", "Sweden"} <= actors(rules, text)


def test_a_leaders_office_is_the_government(rules):
    text = "Macron's office said France would send more tanks to Ukraine."
    assert ("France", "advanced-weapons", "support") in found(rules, text)


def test_two_adjectives_and_governments(rules):
    text = "The Finnish and Swedish governments both backed new sanctions."
    assert {"Finland", "Sweden"} <= actors(rules, text)


def test_a_subordinate_clause_that_closed_before_the_issue_keeps_the_speaker(rules):
    text = "Macron said, as he arrived in Brussels, that new sanctions were needed."
    assert ("Emmanuel Macron", "sanctions", "support") in found(rules, text)


def test_both_sides_in_a_reported_demand_stays_the_speakers(rules):
    text = "Russia and Ukraine met in Istanbul. Zelensky said that both sides must respect a ceasefire."
    claims = found(rules, text)
    assert ("Volodymyr Zelensky", "ceasefire", "support") in claims
    assert ("Russia", "ceasefire", "support") not in claims


def test_indeed_before_a_subject_does_not_make_it_an_object(rules):
    text = "And indeed Macron backed new sanctions on Monday."
    assert ("Emmanuel Macron", "sanctions", "support") in found(rules, text)


def test_the_first_country_to_pledge(rules):
    text = "Norway was the first country to pledge F-16 jets to Ukraine."
    assert ("Norway", "advanced-weapons", "support") in found(rules, text)


def test_among_the_countries_backing(rules):
    text = "Ireland is among the countries backing new sanctions."
    assert ("Ireland", "sanctions", "support") in found(rules, text)


def test_a_verb_after_but_reports_its_own_clause(rules):
    text = "Spain sends artillery shells to Ukraine but Sánchez remains reluctant in public."
    assert not any(actor == "Pedro Sánchez" for actor, _, _ in found(rules, text))


def test_a_governments_position_followed_by_another_verb_is_not_its_position(rules):
    text = "Medvedev recalled Russia's position on Monday, after Lavrov said new sanctions were theft."
    assert ("Russia", "sanctions", "support") not in found(rules, text)


def test_a_long_apposition_is_skipped_too(rules):
    text = (
        "Erik Lund, an adviser who once worked at NATO headquarters in Brussels, said a land-for-peace deal "
        "was possible."
    )
    assert not any(actor == "NATO" for actor, _, _ in found(rules, text))


def test_a_reported_meeting_of_a_mixed_group_is_not_the_spokespersons_position(rules):
    text = "Dmitry Peskov said on Friday that Putin and Erdogan would meet for peace talks soon."
    assert not any(actor == "Russia" for actor, _, _ in found(rules, text))


def test_a_numbered_subject_with_a_possessive_object_before_the_issue(rules):
    text = (
        "All three want Ukraine's request for new sanctions granted, Olaf Scholz said after meeting "
        "Emmanuel Macron and Donald Tusk."
    )
    assert {"Olaf Scholz", "Emmanuel Macron", "Donald Tusk"} <= actors(rules, text)


def test_a_quotation_continuing_the_sentence_of_the_actor_before_it(rules):
    text = (
        "Envoy Keith Kellogg said on Monday that Donald Trump “fully backs new sanctions on Russia” and would "
        "sign them."
    )
    claims = found(rules, text, "2025-06-01")
    assert ("Donald Trump", "sanctions", "support") in claims
    assert ("Keith Kellogg", "sanctions", "support") in claims


def test_an_office_and_its_holder_separated_by_a_comma_are_one_speaker(rules):
    text = "The head of Denmark's foreign ministry, Lars Lokke Rasmussen, said new sanctions were needed."
    assert "Denmark" not in actors(rules, text)


def test_a_numbered_group_in_a_reported_clause_needs_a_speaker(rules):
    text = (
        "Spain and Italy signed a pact on Monday. The minister also stated that the two countries would send "
        "more weapons to Ukraine."
    )
    assert not {"Spain", "Italy"} & {a for a, i, _ in found(rules, text) if i == "military-aid"}


def test_a_partner_in_a_later_clause_did_not_sign(rules):
    text = "Kyiv signed a security pact with Norway; talks with Iceland continue."
    claims = found(rules, text)
    assert ("Norway", "security-guarantees", "support") in claims
    assert ("Iceland", "security-guarantees", "support") not in claims


def test_a_collective_after_a_preposition_does_not_block_the_subject(rules):
    text = "Erdogan has met with leaders in Kyiv and Moscow in a bid to broker a ceasefire."
    assert ("Recep Tayyip Erdoğan", "ceasefire", "support") in found(rules, text)
