"""Round 4 issue vocabulary (vocab4a): how news English names talks, a ceasefire, troops in Ukraine, NATO and EU
membership, security guarantees, military aid and advanced weapons, in the codebook's terms, and look-alikes that
are none of them. Every sentence is written for these tests."""

from __future__ import annotations

import pytest

from tests.extract.conftest import claims_found


def found(rules, text: str) -> set[tuple[str, str, str]]:
    return claims_found(rules, text, "2025-03-01")


@pytest.mark.parametrize(
    "claim, text",
    [
        (
            ("Hungary", "negotiations", "support"),
            "Hungary said it was time to reopen channels of communication with Moscow.",
        ),
        (("France", "negotiations", "support"), "France said Europe should engage diplomatically with Russia."),
        (
            ("Hungary", "negotiations", "support"),
            "Hungary said it favoured talking with Moscow about an end to the war.",
        ),
        (("Slovakia", "negotiations", "support"), "Slovakia backed a peace treaty between Kyiv and Moscow."),
        (("Turkey", "negotiations", "support"), "Turkey offered to host a trilateral meeting of the three presidents."),
        (("France", "negotiations", "support"), "France called for a diplomatic push to end the war."),
        (("Austria", "negotiations", "support"), "Austria urged the EU to reach out to Moscow."),
        (
            ("Poland", "negotiations", "oppose"),
            "Poland rejected any engagement with Moscow while the bombing continues.",
        ),
        (("Estonia", "negotiations", "oppose"), "Estonia said a summit with the Russian leader would be a mistake."),
        (("Hungary", "negotiations", "support"), "Hungary said it would seek a diplomatic settlement of the war."),
        (("Germany", "negotiations", "support"), "Germany said it supported a diplomatic initiative to end the war."),
        (
            ("Hungary", "negotiations", "support"),
            "Hungary said the European Union should open a line of communication with the Kremlin.",
        ),
        (
            ("Turkey", "negotiations", "support"),
            "Turkey said it was ready to broker a deal between Russia and Ukraine.",
        ),
        (("Hungary", "negotiations", "support"), "Hungary said Europe should resume contact with Moscow."),
        (("Finland", "negotiations", "oppose"), "Finland said there was no point in negotiating with Putin."),
        (("Donald Trump", "negotiations", "support"), "Trump said he would meet the Russian president next month."),
        (("Donald Trump", "negotiations", "support"), "Trump said he had met Putin and found him ready for peace."),
        (("Brazil", "negotiations", "support"), "Brazil called for a negotiated end to the war."),
        (
            ("Hungary", "negotiations", "support"),
            "Hungary said its prime minister would travel to Moscow to discuss peace.",
        ),
        (("Turkey", "negotiations", "support"), "Turkey offered its good offices to both sides."),
        (
            ("Switzerland", "negotiations", "support"),
            "Switzerland offered to act as an intermediary between Moscow and Kyiv.",
        ),
        (("Germany", "negotiations", "support"), "Germany welcomed the peace roadmap presented by the mediators."),
        (
            ("Poland", "negotiations", "oppose"),
            "Poland dismissed the latest peace overtures from the Kremlin as a trick.",
        ),
        (("France", "negotiations", "support"), "France said it would hold a call with the Russian leader this week."),
        (("Hungary", "negotiations", "support"), "Hungary said Europe should make peace with Russia soon."),
        (("Slovakia", "negotiations", "support"), "Slovakia said the West must sit down with the Russians."),
        (("Germany", "negotiations", "support"), "Germany said the time had come for negotiation."),
        (("France", "negotiations", "support"), "France said it backed the peace efforts led by Washington."),
        (
            ("Italy", "negotiations", "support"),
            "Italy welcomed the resumption of direct contacts between Moscow and Kyiv.",
        ),
        (("Hungary", "negotiations", "support"), "Hungary praised the peacemaking efforts of the US president."),
    ],
)
def test_negotiations_phrasings(rules, claim, text):
    assert tuple(claim) in found(rules, text)


@pytest.mark.parametrize(
    "claim, text",
    [
        (("France", "ceasefire", "support"), "France called for an end to hostilities."),
        (("Germany", "ceasefire", "support"), "Germany called for a halt to hostilities."),
        (("Italy", "ceasefire", "support"), "Italy called for an end to the killing."),
        (("Poland", "ceasefire", "oppose"), "Poland warned against freezing the current front line."),
        (("Lithuania", "ceasefire", "oppose"), "Lithuania rejected a freeze along the line of contact."),
        (("Slovakia", "ceasefire", "support"), "Slovakia urged a cessation of fighting."),
        (("Austria", "ceasefire", "support"), "Austria called for a pause in hostilities."),
        (("Germany", "ceasefire", "support"), "Germany backed a moratorium on attacks against energy facilities."),
        (("France", "ceasefire", "support"), "France called for a suspension of hostilities."),
        (("Turkey", "ceasefire", "support"), "Turkey called for a halt in the fighting."),
        (("Slovakia", "ceasefire", "support"), "Slovakia urged both sides to stop the bloodshed."),
        (("Lithuania", "ceasefire", "oppose"), "Lithuania warned against freezing the war along the current lines."),
        (("Hungary", "ceasefire", "support"), "Hungary called for local truces along the front."),
        (("Italy", "ceasefire", "support"), "Italy urged the two armies to cease firing."),
        (("Germany", "ceasefire", "oppose"), "Germany warned that freezing the fighting would reward aggression."),
        (("Austria", "ceasefire", "support"), "Austria called for a cessation of all hostilities."),
        (("Germany", "ceasefire", "support"), "Germany called for an immediate cessation of the attacks on civilians."),
        (("France", "ceasefire", "support"), "France backed a thirty-day pause in attacks."),
        (("Italy", "ceasefire", "support"), "Italy backed a pause in strikes on power plants."),
    ],
)
def test_ceasefire_phrasings(rules, claim, text):
    assert tuple(claim) in found(rules, text)


@pytest.mark.parametrize(
    "claim, text",
    [
        (("France", "troops-in-ukraine", "support"), "France said it was ready to dispatch troops after a peace deal."),
        (("United Kingdom", "troops-in-ukraine", "support"), "Britain said it would commit troops to a future force."),
        (("Germany", "troops-in-ukraine", "oppose"), "Germany ruled out any peace-keeping force."),
        (("Italy", "troops-in-ukraine", "oppose"), "Italy ruled out sending servicemen to Ukraine."),
        (("Poland", "troops-in-ukraine", "oppose"), "Poland said it would not put Polish soldiers on Ukrainian soil."),
        (("Denmark", "troops-in-ukraine", "support"), "Denmark said it was open to Western soldiers in Ukraine."),
        (("Estonia", "troops-in-ukraine", "support"), "Estonia said it would not rule out ground forces."),
        (("Belgium", "troops-in-ukraine", "support"), "Belgium said it would join a military mission in Ukraine."),
        (
            ("Netherlands", "troops-in-ukraine", "support"),
            "The Netherlands said it was ready to contribute to a European force in Ukraine.",
        ),
        (("Finland", "troops-in-ukraine", "support"), "Finland backed a reassurance mission for Ukraine."),
        (("Spain", "troops-in-ukraine", "oppose"), "Spain rejected deploying forces inside Ukraine."),
        (
            ("France", "troops-in-ukraine", "support"),
            "France said a European contingent could be deployed after the war.",
        ),
        (("Estonia", "troops-in-ukraine", "support"), "Estonia said it was ready to send instructors into Ukraine."),
        (
            ("United Kingdom", "troops-in-ukraine", "support"),
            "Britain said it would lead the Multinational Force Ukraine.",
        ),
        (("Lithuania", "troops-in-ukraine", "support"), "Lithuania said it would keep trainers in Ukraine."),
        (("Russia", "troops-in-ukraine", "oppose"), "Russia rejected any foreign military presence in Ukraine."),
        (("France", "troops-in-ukraine", "support"), "France said Western contingents could help secure a peace."),
        (
            ("United Kingdom", "troops-in-ukraine", "support"),
            "Britain said British troops could be deployed to Ukraine after a deal.",
        ),
    ],
)
def test_troops_in_ukraine_phrasings(rules, claim, text):
    assert tuple(claim) in found(rules, text)


@pytest.mark.parametrize(
    "claim, text",
    [
        (("Germany", "ukraine-nato-membership", "support"), "Germany said it supports Ukraine in NATO."),
        (("Hungary", "ukraine-nato-membership", "oppose"), "Hungary opposed Ukraine's membership of the alliance."),
        (("France", "ukraine-nato-membership", "support"), "France backed Ukraine's entry into NATO."),
        (("Poland", "ukraine-nato-membership", "support"), "Poland said Ukraine should accede to NATO soon."),
        (("Slovakia", "ukraine-nato-membership", "oppose"), "Slovakia said it would block Ukraine's NATO entry."),
        (("Lithuania", "ukraine-nato-membership", "support"), "Lithuania called for Ukraine's integration into NATO."),
        (("Latvia", "ukraine-nato-membership", "support"), "Latvia said allies should invite Kyiv at the summit."),
        (
            ("Germany", "ukraine-nato-membership", "oppose"),
            "Germany said alliance membership for Ukraine was not on the agenda.",
        ),
        (("Estonia", "ukraine-nato-membership", "support"), "Estonia supported the admission of Ukraine to NATO."),
        (("Poland", "ukraine-nato-membership", "support"), "Poland said Ukraine's NATO future was secure."),
        (
            ("Russia", "ukraine-nato-membership", "oppose"),
            "Russia demanded an end to the alliance's eastward expansion to Ukraine.",
        ),
        (("Estonia", "ukraine-nato-membership", "support"), "Estonia backed the accession of Ukraine to NATO."),
        (
            ("Hungary", "ukraine-nato-membership", "oppose"),
            "Hungary rejected Kyiv's bid to enter the North Atlantic Alliance.",
        ),
        (("Hungary", "ukraine-nato-membership", "oppose"), "Hungary rejected Kyiv's bid to enter NATO."),
    ],
)
def test_ukraine_nato_membership_phrasings(rules, claim, text):
    assert tuple(claim) in found(rules, text)


@pytest.mark.parametrize(
    "claim, text",
    [
        (("Hungary", "ukraine-eu-membership", "oppose"), "Hungary opposed Ukraine's membership of the European Union."),
        (("Poland", "ukraine-eu-membership", "support"), "Poland backed Ukraine's entry into the EU."),
        (("France", "ukraine-eu-membership", "support"), "France said Ukraine should accede to the EU."),
        (("Germany", "ukraine-eu-membership", "support"), "Germany supports Ukraine's European Union membership."),
        (
            ("Hungary", "ukraine-eu-membership", "oppose"),
            "Hungary said it would not let Ukraine join the 27-nation bloc.",
        ),
        (("Lithuania", "ukraine-eu-membership", "support"), "Lithuania said Ukraine's European path was irreversible."),
        (("Austria", "ukraine-eu-membership", "support"), "Austria backed Ukraine's admission to the EU."),
        (("Slovakia", "ukraine-eu-membership", "oppose"), "Slovakia said it opposed Ukraine in the EU."),
        (("Czechia", "ukraine-eu-membership", "support"), "The Czech Republic backed Ukraine's accession bid."),
        (("Austria", "ukraine-eu-membership", "support"), "Austria backed the accession of Ukraine to the EU."),
        (("Poland", "ukraine-eu-membership", "support"), "Poland supports European Union accession for Ukraine."),
        (("Germany", "ukraine-eu-membership", "support"), "Germany said it shared Kyiv's EU hopes."),
        (
            ("Hungary", "ukraine-eu-membership", "oppose"),
            "Hungary said it would veto the opening of negotiation chapters with Kyiv.",
        ),
        (
            ("Slovakia", "ukraine-eu-membership", "oppose"),
            "Slovakia said it would block the opening of negotiating chapters with Kyiv.",
        ),
    ],
)
def test_ukraine_eu_membership_phrasings(rules, claim, text):
    assert tuple(claim) in found(rules, text)


@pytest.mark.parametrize(
    "claim, text",
    [
        (
            ("France", "security-guarantees", "support"),
            "France said it would act as a guarantor of Ukraine's security.",
        ),
        (("Germany", "security-guarantees", "support"), "Germany said it was guaranteeing Ukraine's security."),
        (("United Kingdom", "security-guarantees", "support"), "Britain called for safety guarantees for Kyiv."),
        (("Poland", "security-guarantees", "support"), "Poland said a security treaty with Ukraine was needed."),
        (("Italy", "security-guarantees", "support"), "Italy proposed an Article 5-like protection for Ukraine."),
        (
            ("United States", "security-guarantees", "oppose"),
            "The United States refused to give Kyiv a defence guarantee.",
        ),
        (
            ("France", "security-guarantees", "support"),
            "France said it would come to Ukraine's defence if Russia attacked again.",
        ),
        (("Norway", "security-guarantees", "support"), "Norway signed a security cooperation agreement with Ukraine."),
        (
            ("Germany", "security-guarantees", "support"),
            "Germany said it would help ensure Ukraine's long-term security.",
        ),
        (
            ("United States", "security-guarantees", "oppose"),
            "The United States ruled out any American security guarantee.",
        ),
        (
            ("Finland", "security-guarantees", "support"),
            "Finland said it would help ensure Ukraine's long-term security.",
        ),
    ],
)
def test_security_guarantees_phrasings(rules, claim, text):
    assert tuple(claim) in found(rules, text)


@pytest.mark.parametrize(
    "claim, text",
    [
        (("Germany", "military-aid", "support"), "Germany pledged more military hardware for Ukraine."),
        (("Poland", "military-aid", "support"), "Poland said it would keep arming Kyiv."),
        (("Netherlands", "military-aid", "support"), "The Netherlands pledged military supplies to Kyiv."),
        (("Sweden", "military-aid", "support"), "Sweden said it would buy American weapons for Kyiv through PURL."),
        (("Norway", "military-aid", "support"), "Norway pledged more defence equipment for Kyiv."),
        (("Hungary", "military-aid", "oppose"), "Hungary refused to send ammo to Kyiv."),
        (("Denmark", "military-aid", "support"), "Denmark said it would keep equipping Ukraine."),
        (("Canada", "military-aid", "support"), "Canada announced new armaments for Kyiv."),
        (("Hungary", "military-aid", "oppose"), "Hungary called for a halt to weapons deliveries."),
        (("Germany", "military-aid", "support"), "Germany said it would step up military backing for Kyiv."),
        (("United States", "military-aid", "oppose"), "The United States paused the transfer of arms to Kyiv."),
        (("Germany", "military-aid", "support"), "Germany promised more defence assistance to Kyiv."),
        (("United States", "military-aid", "support"), "The United States approved lethal assistance to Kyiv."),
        (("Poland", "military-aid", "support"), "Poland said it would keep arming the Ukrainians."),
        (("Netherlands", "military-aid", "support"), "The Netherlands pledged more aid to Kyiv."),
        (("Hungary", "military-aid", "oppose"), "Hungary called for cutting off aid to Kyiv."),
        (("Czechia", "military-aid", "support"), "The Czech government pledged more military-technical assistance."),
        (("United States", "military-aid", "oppose"), "The United States decided to halt military aid to Kyiv."),
        (("United Kingdom", "military-aid", "support"), "Britain pledged more military kit for Kyiv."),
        (("Germany", "military-aid", "support"), "Germany pledged funds for the PURL initiative."),
        (("Sweden", "military-aid", "support"), "Sweden pledged more interceptor missiles for Kyiv."),
        (("Germany", "military-aid", "support"), "Germany pledged new weapon systems for Kyiv."),
        (("United States", "military-aid", "support"), "Washington announced a new drawdown package for Kyiv."),
        (("Canada", "military-aid", "support"), "Canada said it would keep weapon shipments flowing to Kyiv."),
        (("Germany", "military-aid", "support"), "Germany said it would finance more air-defence systems for Kyiv."),
        (
            ("Norway", "military-aid", "support"),
            "Norway said it would fund the production of artillery rounds for Ukraine.",
        ),
        (("Hungary", "military-aid", "oppose"), "Hungary refused to let weapons for Ukraine cross its territory."),
        (("Sweden", "military-aid", "support"), "Sweden pledged a new package for the Ukrainian armed forces."),
    ],
)
def test_military_aid_phrasings(rules, claim, text):
    assert tuple(claim) in found(rules, text)


@pytest.mark.parametrize(
    "claim, text",
    [
        (("Germany", "advanced-weapons", "oppose"), "Germany ruled out long range missiles for Kyiv."),
        (
            ("United States", "advanced-weapons", "support"),
            "The United States approved longer-range missiles for Kyiv.",
        ),
        (("France", "advanced-weapons", "support"), "France said it would deliver Rafale jets."),
        (
            ("United Kingdom", "advanced-weapons", "support"),
            "Britain said Ukraine should be allowed to hit targets within Russia.",
        ),
        (("United States", "advanced-weapons", "support"), "Washington approved JASSM missiles for Kyiv."),
        (("Germany", "advanced-weapons", "oppose"), "Germany rejected lifting restrictions on the use of its weapons."),
        (
            ("United Kingdom", "advanced-weapons", "support"),
            "Britain said Ukraine should be free to carry out cross-border strikes.",
        ),
        (
            ("Norway", "advanced-weapons", "support"),
            "Norway said Kyiv should not face restrictions on the use of its weapons.",
        ),
        (("Germany", "advanced-weapons", "oppose"), "Germany insisted on restrictions on the use of its weapons."),
        (
            ("Finland", "advanced-weapons", "support"),
            "Finland backed the lifting of restrictions on the use of Western weapons.",
        ),
        (
            ("Poland", "advanced-weapons", "support"),
            "Poland said there should be no restrictions on using Western weapons.",
        ),
        (("Denmark", "advanced-weapons", "support"), "Denmark said it would join the jet coalition."),
        (("United States", "advanced-weapons", "support"), "The United States approved GLSDB bombs for Kyiv."),
        (("Poland", "advanced-weapons", "support"), "Poland said it would give Kyiv combat planes."),
        (("Germany", "advanced-weapons", "oppose"), "Germany refused to deliver the cruise missile."),
        (("Poland", "advanced-weapons", "support"), "Poland said it would hand over its MiG fighters."),
        (("France", "advanced-weapons", "support"), "France said it would send light tanks."),
    ],
)
def test_advanced_weapons_phrasings(rules, claim, text):
    assert tuple(claim) in found(rules, text)


@pytest.mark.parametrize(
    "issue, text",
    [
        ("troops-in-ukraine", "Poland said it wanted more French troops in Estonia."),
        ("troops-in-ukraine", "Ukraine said its ground forces had repelled the attack."),
        ("advanced-weapons", "Poland said Russian ballistic missiles had hit Kyiv overnight."),
        ("advanced-weapons", "Germany condemned the attack with Russian cruise missiles on Kyiv."),
        ("troops-in-ukraine", "Estonia welcomed the NATO military presence in the Baltic states."),
        ("military-aid", "Poland said the purl of the river was loud."),
        ("ceasefire", "Germany said the reconstruction conference would meet after the end of hostilities."),
        ("troops-in-ukraine", "Poland said Russian ground forces had suffered heavy losses near the river."),
        ("ukraine-nato-membership", "Croatia said it had backed the admission of Finland and Sweden into NATO."),
        ("advanced-weapons", "Latvia said Iranian ballistic missiles were being shipped to Russia."),
        ("advanced-weapons", "Finland said the United States had a longer range of options than Europe."),
        ("security-guarantees", "Spain said the goal was a just and lasting peace and security for Ukraine."),
        ("negotiations", "Estonia said the negotiating table at the hotel was too small for the delegations."),
        ("military-aid", "Poland said the drawdown of American troops from Europe worried it."),
        ("advanced-weapons", "Lithuania said a Russian cruise missile had crossed into Polish airspace."),
    ],
)
def test_look_alikes_name_no_issue(rules, issue, text):
    assert issue not in {i for _, i, _ in found(rules, text)}
