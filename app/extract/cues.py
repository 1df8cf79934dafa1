"""General vocabularies of the rule-based extractor: speech and position verbs, stance cues, negators, titles.

These are English function vocabularies, not issue knowledge: what a topic is about lives in each issue's
`lexicon` (app/taxonomy/data/issues.yaml). A trailing "*" on an entry matches any word ending ("urg*").
"""

from __future__ import annotations

# fmt: off

# Verbs and phrases that attribute what follows (or precedes) to their subject: speech, writing, position.
ATTRIBUTION = (
    "said", "says", "say", "saying", "told", "tells", "tell", "stated", "declared", "declares", "announced",
    "announces", "added", "adds", "noted", "notes", "stressed", "stresses", "emphasized", "emphasised", "emphasizes",
    "emphasises", "emphasizing", "emphasising", "underlined", "underlines", "underscored", "insisted", "insists",
    "insisting", "warned", "warns", "warning", "urged", "urges", "urging", "called for", "calls for", "calling for",
    "called on", "calls on", "call for", "demanded", "demands", "asked", "asks", "argued", "argues", "arguing",
    "claimed", "claims", "explained", "explains", "wrote", "writes", "posted", "tweeted", "confirmed", "confirms",
    "reiterated", "reiterates", "repeated", "repeats", "pledged", "pledges", "promised", "promises", "vowed", "vows",
    "proposed", "proposes", "suggested", "suggests", "signalled", "signaled", "signals", "indicated", "indicates",
    "expressed", "expresses", "voiced", "voices", "acknowledged", "admitted", "conceded", "concluded", "clarified",
    "assured", "assures", "believes", "believed", "thinks", "considers", "sees", "described", "describes",
    "characterized", "characterised", "called", "calls", "labelled", "labeled", "hailed", "praised", "criticized",
    "criticised", "condemned", "complained", "cautioned", "responded", "replied", "answered", "agreed", "agrees",
    "accepted", "accepts", "approved", "approves", "endorsed", "endorses", "supported", "supports", "backed", "backs",
    "favours", "favors", "favoured", "favored", "welcomed", "welcomes", "opposed", "opposes", "oppose", "rejected",
    "rejects", "reject", "refused", "refuses", "ruled out", "rules out", "rule out", "dismissed", "dismisses",
    "vetoed", "vetoes", "veto", "vetoing", "blocked", "blocks", "block", "blocking",
    "stalled", "stalls", "paused", "pauses", "resumed", "resumes",
    "defended", "defends", "advocated", "advocates", "pushed for",
    "pushes for", "pushing for", "requested", "requests", "sought", "seeks", "wants", "wanted", "prefers",
    "preferred", "intends", "decided", "decides", "committed", "commits", "committing", "offered", "offers",
    "highlighted", "specified", "highlights", "echoed", "echoes", "reaffirmed", "reaffirms", "raised", "announcing",
    "according to", "in a statement", "statement from", "quoted", "cited", "doubt", "doubts", "doubted", "skeptical",
    "sceptical", "wary", "open to", "ready to", "willing to", "prepared to", "opposed to", "in favour of",
    "in favor of", "reluctant", "put forward", "puts forward", "putting forward", "floated", "floats", "aims to",
    "aim to", "aimed to", "aiming to", "intend to", "intends to", "expressing", "objected to", "objects to",
    "object to", "unconvinced", "not convinced", "made the case", "make the case", "makes the case", "making the case",
    "made the argument", "make the argument", "makes the argument",
    # Decisions announced as policy, and positions described as a stance (codebook).
    "signed", "signs", "authorized", "authorised", "authorizes", "authorises", "allowed", "allows", "permitted",
    "declined to", "declines to", "hesitant", "pleaded", "pleading", "pleads", "appealed", "appeals", "affirmed",
    "affirms", "views", "viewed", "regards", "regarded", "recognized", "recognised", "opened the door",
    "opens the door", "has opened the door", "opened the doors", "opens the doors", "closed the door",
    "closes the door", "ordered", "directed", "turned down", "turns down", "spoke", "spoken", "speaks",
    "held up", "holds up", "applauded", "applauds", "rebuffed", "rebuffs", "slammed", "blasted", "denounced",
    "decried", "deplored", "scrapped", "shelved", "withheld", "championed", "lobbied for", "pressed for", "spurned",
    "balked at", "torpedoed", "obstructed", "stopped short", "stops short", "abstained", "abstains",
)

# More acts that state a position as policy (codebook: signing an agreement, authorising a delivery, declining to act).
ATTRIBUTION += (
    "co-signed", "pleaded for", "pleads for", "pleading for", "appealed for", "appeals for", "opened the door to",
    "opens the door to", "initiated", "spearheaded", "stopped short of", "stops short of", "demand", "urge",
    "efforts to", "effort to", "in a bid to", "in an attempt to", "submitted", "submits", "applied for", "applies for",
    "pledge", "pledging", "backing", "opposing", "rejecting",
    # Round 3: taking back an earlier position ("dropped its objections", "lifted its veto", "withdrew from").
    "dropped", "drops", "dropping", "lifted", "lifts", "withdrew", "withdraws", "pulled out of", "excluded", "excludes",
)

# A delivery announced as policy, in the present or the future ("Germany is sending tanks", "will supply"); a past
# delivery is background (round 3).
ATTRIBUTION += (
    "is sending", "are sending", "will send", "is supplying", "are supplying", "will supply", "is providing",
    "are providing", "will provide", "is delivering", "are delivering", "will deliver", "is donating",
    "are donating", "will donate", "to donate", "will dispatch", "is dispatching", "will offer", "is offering",
    "to warn", "warn of", "warned of", "warns of", "remarked", "summarized", "summarised", "reminded", "observed",
    "commented",
    "issued a decree", "issues a decree", "signed a decree", "signs a decree",
    "pointed out", "points out", "pointing out", "made it clear", "makes it clear", "made clear", "making it clear",
)

# Round 5: a stance described by a noun of its holder ("X is a staunch opponent of Y", "X, a supporter of Y,"); a
# cue only as a predicate or an apposition of the holder (frames.is_modifier), never as an object ("met a critic of").
ROLE_NOUNS = (
    "supporter of", "advocate of", "advocate for", "proponent of", "champion of", "opponent of", "critic of",
)
ATTRIBUTION += ROLE_NOUNS
# Round 5: verbs of saying the lists above lacked ("maintained" only before "that": "maintained sanctions" is an act).
ATTRIBUTION += (
    "asserted", "asserts", "asserting", "contended", "contends", "maintained that", "maintains that",
)

# Round 5: a base-form position verb after a modal of will ("Poland will support ...", "Berlin would back ...");
# the bare forms are nouns too often ("support for", "back to").
ATTRIBUTION += tuple(
    f"{modal} {verb}"
    for modal in ("will", "would", "'ll", "will not", "would not", "won't", "wouldn't")
    for verb in ("support", "back", "endorse", "accept", "approve", "favour", "favor", "welcome", "push for", "seek")
)

# Attribution cues that report someone's fear, guess or expectation about ANOTHER actor: not a position.
HEARSAY = (
    "fear*", "feared", "worr*", "suspect*", "speculat*", "guess*", "expect*", "predict*", "hope that", "accus*",
    "alleged", "allegedly", "anxiety", "anxious",
    # Doubting that another will do something is no report of what he wants (round 3).
    "doubt that", "doubts that", "doubted that", "doubting that",
)

# Stance cues: +1 leans support, -1 leans oppose, 0 marks an explicitly undecided position.
STANCE = {
    +1: (
        "lift restrictions", "lifting restrictions", "lift the restrictions", "lifted restrictions", "lift the ban",
        "lifting the ban", "remove restrictions", "ease restrictions", "imagine",
        "support*", "back", "backs", "backed", "backing", "favour*", "favor*", "welcom*", "call for", "called for",
        "calls for", "calling for", "call on", "called on", "calls on", "urg*", "demand*", "insist*", "push for",
        "pushed for", "pushing for", "advocat*", "endors*", "approv*", "agree*", "ready to", "ready for",
        "prepared for", "prepared to", "willing to", "open to", "pledg*", "promis*", "vow*", "commit*", "must",
        "should", "need*", "necess*", "essential", "priority", "want*", "seek*", "sought", "request*", "propos*",
        "plan to", "plans to", "plans for", "planning to", "planned to",
        "intend*", "continue", "continued", "continuing", "increase*", "more",
        "boost*", "step up", "accelerat*", "maximi*", "deliver*", "provid*", "send", "sending", "supply", "supplying",
        "transfer*", "allow*", "permit", "permits", "permitted", "permitting", "permission", "authorise",
        "authorised", "authorises", "authorising", "authorize", "authorized", "authorizes",
        "authorizing", "authorisation", "authorization", "green light", "sign", "signs", "signed", "signing",
        "kept", "keeps", "keeping",
        "keep", "maintain*", "extend*", "hail*",
        "praise*", "defend*", "in favour", "in favor", "contribut*", "strengthen*", "possible", "thinkable",
        "not unthinkable", "ruled in", "willingness to", "willing to consider", "willingness to consider",
        "ready to consider", "open to considering", "prepared to consider", "put forward", "puts forward",
        "putting forward", "floated", "aims to", "aim to", "aiming to", "case for",
        # Opening a door, unblocking, lifting restrictions: letting something happen.
        "opened the door to", "opens the door to", "open the door to", "opening the door to", "door open",
        "opened the doors", "opens the doors",
        "unblock*", "lifting of restrictions", "lifting of the restrictions", "removal of restrictions",
        "easing of restrictions", "loosen*", "lift* .. restrictions", "remov* .. restrictions",
        "applaud*", "champion*", "spearhead*", "lobby for", "lobbied for", "lobbying for", "press for", "pressed for",
        "pressing for", "argued for", "argues for", "campaign* for", "stand ready", "stands ready", "go-ahead",
        "greenlit", "unlock*", "crucial", "vital", "indispensable", "interested in", "right to",
        "efforts to", "effort to", "in a bid to", "in an attempt to",
        # Taking up again what was paused.
        "resum*", "restor*",
        # Round 3: what works, what is on the table, who argues for it, threatening to act (an intention).
        "effective", "works", "worked", "working", "reason to", "on the table", "proponent*",
        "threatened to", "threatens to",
        "threatening to", "threaten to",
        "it's time", "it is time", "high time", "time has come", "no alternative to", "only way", "openness to",
        "open-minded about", "irreversible", "good idea",
        "remain in place", "remains in place", "stay in place",
    ),
    -1: (
        # Ending, cancelling or forbidding what the issue names, and alarm about it.
        "end the", "end its", "end all", "ending the", "ended the", "put an end to", "cancel*", "terminat*",
        "suspend*", "prohibit*", "forbid*", "object to", "objected to", "objects to", "objecting to",
        "cause for concern",
        "unrealistic", "not realistic", "illusory", "illusion", "unconvinced", "not convinced", "not consider",
        "not considering", "unjustifiable", "not justifiable", "not justified",
        "oppos*", "reject*", "rule out", "rules out", "ruled out", "ruling out", "rule it out", "rules it out",
        "ruled it out", "ruling it out", "refus*", "dismiss*", "veto*",
        "block*", "against", "criticis*", "criticiz*", "condemn*", "warn against", "warned against", "warns against",
        "cautioned against", "drop", "abandon*", "give up", "giving up", "pointless", "counterproductive",
        "compromise on", "concessions on", "ridiculous", "absurd", "unacceptable", "unthinkable", "impossible",
        "premature", "not the right time", "not on the agenda", "no plans", "no intention", "skeptic*", "sceptic*",
        "doubt*", "resist", "resists", "resisted", "resisting", "halt*", "stop*", "end to", "cut*", "reduc*",
        "limit*", "lift", "lifting", "lifted",
        "lifts", "ease",
        "easing", "delay*", "hesitates", "reluctan*", "violation", "theft", "stealing", "illegal", "mistake",
        "bad idea", "reckless", "irresponsible", "wrong", "hurt*", "harm*", "damag*", "backfir*", "not working",
        "fail*", "negative consequences", "escalat*", "provocat*", "threat", "inflame", "fuel*", "at war",
        "would risk", "inevitable", "red line", "spiral", "fuel to the fire", "no part in", "not take part",
        "rather than", "instead of", "mere",
        "legitimate target*", "deepen the conflict", "prolong*", "not part of", "would not", "will not", "won't",
        "cannot", "can't", "never", "does not plan", "do not plan", "not plan", "not send",
        # Futility, refusal, restriction and harm in other words.
        "turned down", "turn down", "turns down", "turning down", "no point", "no sense", "unsatisfactory",
        "closed the door", "close the door", "closes the door",
        "shut the door", "declined to", "declines to", "declining to", "pandora's box", "restrictions",
        "unrelated to", "not related to", "raise* .. concerns", "serious concerns", "expressed concern",
        "concerned that", "threatens", "threatened", "threatening", "jeopardi*", "undermin*", "endanger*",
        "only on ukrainian territory", "only for use on", "only within ukraine", "only inside ukraine",
        "intended only for", "only for defensive",
        "rebuff*", "spurn*", "balk", "balks", "balked", "balking", "baulk*", "obstruct*", "torpedo*", "scrap*",
        "shelve*", "scuttl*",
        "water down", "watered down", "watering down", "withhold*", "withheld", "non-starter", "out of the question",
        "off the table", "not an option", "dangerous", "naive", "unwise", "folly", "capitulation", "surrender",
        "appeasement", "appeas*", "reward* aggression", "reward* putin", "slammed", "blasted", "lambast*",
        "denounc*", "decried", "deplor*", "hold up", "held up", "holding up",
        # Holding back in other words: stalling, pausing, renouncing, reservations.
        "stall*", "pause*", "renounc*", "avoid a decision", "avoid any decision", "reservations about",
        "reservations over", "reservations regarding",
        # Freezing the conflict is what a ceasefire is rejected as ("a truce would only freeze the conflict").
        "freeze the conflict", "freezing the conflict", "frozen conflict", "freeze the war", "freeze the front",
        "freezing the front",
        # Round 3: excluding, futility, doubting the other side is serious, dissuading, wariness, tension.
        "exclud*", "meaningless", "futile", "useless", "senseless", "waste of time", "irrelevant", "not relevant",
        "no indication", "no sign", "no signs", "no evidence", "no real interest", "dissuad*", "wary", "beware*",
        "increase in tension*", "increase tension*", "increases tension*", "increased tension*", "heighten* tension*",
        "rais* tension*", "stok* tension*", "escalation of tension*", "ineffective", "consequences of",
        "objection*", "dropped", "drops", "dropping", "too early", "too soon", "not the time", "critic of",
        "critics of", "opponent*", "play* into .. hands", "gift to putin", "gift to moscow", "gift to the kremlin",
        "gift to russia", "benefit* russia", "benefit* putin", "benefit* moscow", "benefit* the kremlin",
        "reward* russia", "reward* moscow", "reward* the aggressor", "stand in the way", "stands in the way",
        "standing in the way", "stood in the way", "dead on arrival", "no interest",
        "hold off", "holds off", "held off", "holding off", "withdrew its", "withdraws its", "withdrawn its",
        "withdrawing its", "withdraw its", "withdrew their", "withdrew from", "withdraws from", "withdrawing from",
        "pulled out of", "pulls out of", "ban on", "banning", "walk away from", "walked away from",
        "walks away from", "walking away from", "mean war", "means war", "meant war", "world war", "nuclear war",
        "direct conflict", "direct confrontation", "retaliat*", "will respond", "would respond", "not serious",
        "isn't serious", "not sincere",
        "insincere", "not genuine", "playing for time", "buying time", "one-sided", "unbalanced", "cold water",
        "played down", "plays down", "playing down", "downplay*",
        # One warning, not two cues that would cancel out ("dangerous" + "consequences of").
        "dangerous consequences of", "serious consequences of", "grave consequences of", "severe consequences of",
        "negative consequences of", "dire consequences of",
    ),
    0: (
        "no decision has", "no decision had", "no decision yet", "no decision was", "no decision taken",
        "not decided", "undecided", "yet to decide", "not yet decided", "not made a decision",
        "has not made", "weigh", "weighs", "weighed", "weighing", "examin*", "consider", "considers", "considered",
        "considering", "consideration", "not rush", "not be rushed",
        "wait and see",
        "did not specify", "open question", "stopped short", "under discussion", "whether",
        "studied", "studying", "being reviewed", "reviewing", "assessing", "assessed", "to assess", "evaluating",
        "to evaluate",
        "looking into", "hesitant", "hesitated", "hesitating", "hesitation", "abstain*",
        # Asking for assurances before agreeing is a conditional position without a direction yet.
        "sought assurances", "seek assurances", "seeks assurances", "seeking assurances", "sought guarantees that",
        "seek guarantees that", "seeks guarantees that",
        # Round 3: no common position reached yet.
        "no consensus", "no agreement yet", "no agreement was", "no agreement has", "no agreement had",
        "no agreement reached", "no agreement officially", "no unanimity", "no common position", "under consideration",
        "being considered",
    ),
}

# Consequences that make an if-clause a warning against what it names.
HARM = (
    "inevitable", "escalat*", "at war", "would risk", "red line", "spiral", "fuel to the fire", "threat",
    "legitimate target*", "deepen the conflict", "provocat*", "negative consequences", "mistake", "fuel*",
    "inflame", "backfir*", "damag*", "harm*", "increase in tension*", "increase tension*", "increases tension*",
    "increased tension*", "heighten* tension*", "rais* tension*", "stok* tension*", "escalation of tension*",
    "mean war", "means war", "meant war", "world war", "nuclear war", "direct conflict", "direct confrontation",
    "retaliat*", "will respond", "would respond",
)

# Harms that, foreseen for the issue as their object ("would damage the talks"), show the holder values it.
HARMED = (
    "damag*", "harm*", "hurt*", "undermin*", "jeopardi*", "endanger*", "threatens", "threatened", "threatening",
)

# Words that turn the next cue around ("has not dismissed", "nothing should be ruled out").
NEGATORS = (
    "not", "no", "never", "nothing", "n't", "neither", "nor", "without", "hardly", "cannot", "can't", "nobody",
    "no one",
    # Contractions are one word to the matcher, so each is listed (a curly apostrophe is read as a straight one).
    "don't", "doesn't", "didn't", "won't", "wouldn't", "isn't", "aren't", "wasn't", "weren't", "hasn't", "haven't",
    "hadn't", "shouldn't", "couldn't", "mustn't",
)

# Cues that already contain their negation: a negator before them does not flip them twice.
SELF_NEGATED = (
    "not part of", "not convinced", "not consider", "not considering", "not justifiable", "not justified",
    "not unthinkable", "would not", "will not", "won't", "cannot", "can't", "never", "no plans", "no intention",
    "not on the agenda", "not the right time", "does not plan", "do not plan", "not plan", "not send",
    "no decision has", "no decision had", "no decision yet", "no decision was", "no decision taken",
    "not decided", "not yet decided", "not made a decision", "not rush", "not be rushed", "did not specify",
    "has not made", "no point", "no sense", "not related to", "not relevant", "not the time", "no indication",
    "no sign", "no signs", "no alternative to", "no interest", "not serious", "isn't serious",
    "not sincere", "not genuine",
    "no evidence", "no real interest",
)

# A negated modal ("cannot", "would not") right before another cue turns that cue around instead of being a cue of
# its own: "cannot be ruled out" and "would not exclude" support, "will not accept" opposes.
MODAL_NEGATIONS = (
    "would not", "will not", "won't", "cannot", "can't", "never",
)

# Ruling out: negated in a closing but-clause ("..., but nothing was excluded") it keeps the issue open.
RULING_OUT = (
    "rule out", "rules out", "ruled out", "ruling out", "exclud*", "off the table", "out of the question",
    "rule it out", "rules it out", "ruled it out", "ruling it out",
)

# Head nouns that may follow an issue phrase before its predicate ("Storm Shadow missiles were", "the Taurus
# delivery is still under consideration").
HEAD_NOUNS = (
    "missiles", "systems", "jets", "tanks", "delivery", "deliveries", "plan", "proposal", "idea", "scheme", "deal",
    "package", "mission", "deployment", "option", "talks", "initiative",
)

# A loss as the consequence of doing without something ("without air defence, Ukraine will lose"): then that
# something is demanded.
LOSS = (
    "lose", "loses", "losing", "lost", "collapse", "collapses", "fall", "falls", "defeat", "defeated", "unable",
    "perish", "run out",
)

# Calls on others: an undecided cue after them ("urged allies to consider whether ...", "it's time to examine")
# is what is called for, not the holder's indecision.
CALLS = (
    "urg*", "call for", "called for", "calls for", "calling for", "call on", "called on", "calls on", "it's time",
    "it is time", "high time", "time has come",
)

# Amounts: "not enough air defence", "is not doing enough on sanctions" ask for more of the issue; as a predicate
# after it ("the aid was not enough") they ask for more too, so they never oppose.
AMOUNTS = (
    "enough", "not enough", "sufficient", "insufficient", "too little", "too few",
)

# Cues that look forward only: "X rather than Y" rejects Y, never X.
FORWARD_ONLY = (
    "rather than", "instead of",
)

# Phrases that are no cue of the holder's although they contain one: someone else's stance on the holder ("faced
# criticism", "despite warnings").
NOT_CUES = (
    "faced criticism", "faces criticism", "facing criticism", "drew criticism", "draws criticism",
    "drawn criticism", "came under criticism", "come under criticism", "under fire", "despite warnings",
    "despite criticism", "despite opposition", "despite objections", "despite concerns",
)

# Collectives that are never coded as such (codebook: vague collectives).
COLLECTIVES = (
    "leaders", "allies", "countries", "nations", "states", "governments", "partners", "members", "member states",
    "officials", "diplomats", "politicians", "lawmakers", "europeans", "the west", "western capitals", "capitals",
    "observers", "critics", "many", "some", "others", "several",
)

# People whose own views are out of scope (journalists, analysts, think tanks, experts).
NON_ACTORS = (
    "analyst*", "expert*", "journalist*", "reporter*", "correspondent*", "columnist*", "commentator*", "think tank*",
    "think-tank*", "researcher*", "professor*", "scholar*", "pollster*", "economist*", "historian*", "editorial*",
    "respondents", "poll", "survey", "newspaper", "the publication", "media", "author", "authors", "blogger*",
    "interlocutor*", "retired", "former", "news agency", "broadcaster*", "state media", "state television",
    "wire service",
)

# Titles of office, mapped to the taxonomy's role; longer phrases win over shorter ones.
TITLES = {
    "president": "head_of_state",
    "head of state": "head_of_state",
    "king": "head_of_state",
    "prime minister": "head_of_government",
    "premier": "head_of_government",
    "pm": "head_of_government",
    "chancellor": "head_of_government",
    "taoiseach": "head_of_government",
    "head of government": "head_of_government",
    "deputy prime minister": "deputy_head_of_government",
    "vice president": "deputy_head_of_government",
    "vice-president": "deputy_head_of_government",
    "foreign minister": "foreign_minister",
    "minister of foreign affairs": "foreign_minister",
    "foreign secretary": "foreign_minister",
    "secretary of state": "foreign_minister",
    "top diplomat": "foreign_minister",
    "defence minister": "defence_minister",
    "defense minister": "defence_minister",
    "minister of defence": "defence_minister",
    "minister of defense": "defence_minister",
    "defence secretary": "defence_minister",
    "defense secretary": "defence_minister",
    "secretary of defense": "defence_minister",
    "finance minister": "finance_minister",
    "minister of finance": "finance_minister",
    "chancellor of the exchequer": "finance_minister",
    "treasury secretary": "finance_minister",
    "minister": "minister",
    "deputy minister": "minister",
    "deputy foreign minister": "minister",
    "deputy defence minister": "minister",
    "deputy defense minister": "minister",
    "vice minister": "minister",
    "state secretary": "minister",
    "secretary of state for": "minister",
    "secretary general": "secretary_general",
    "secretary-general": "secretary_general",
    "chief": "secretary_general",
    "head": "secretary_general",
    "commission president": "commission_president",
    "high representative": "high_representative",
    "foreign policy chief": "high_representative",
    "head of european diplomacy": "high_representative",
    "council president": "council_president",
    "envoy": "envoy",
    "special envoy": "envoy",
    "national security adviser": "national_security_adviser",
    "national security advisor": "national_security_adviser",
    "chief of staff": "chief_of_staff",
    "head of the presidential office": "chief_of_staff",
    "adviser": "adviser",
    "advisor": "adviser",
    "presidential adviser": "adviser",
    "presidential advisor": "adviser",
}

# Titles of people who speak FOR a government (codebook: coded as the government itself).
GOVERNMENT_VOICES = (
    "position", "stance", "view",
    "spokesman", "spokeswoman", "spokesperson", "spokespeople", "press secretary", "official", "officials",
    "government", "ministry", "foreign ministry", "defence ministry", "defense ministry", "ministry of defense",
    "ministry of defence", "ministry of foreign affairs", "administration", "cabinet", "presidential office",
    "presidency", "diplomat", "diplomats", "embassy", "authorities", "sources", "government sources", "readout",
    "statement", "leadership", "delegation", "delegations", "office",
    # Institutions that decide for a government (round 3).
    "MoD", "MoFA", "defence council", "defense council", "security council", "national security council",
)

PRONOUNS = (
    "he", "she", "they",
)

# Phrases that make the issue after them the topic of a question put to someone, not their position.
QUESTION_TOPIC = (
    "asked about", "asked whether", "asked if", "when asked", "pressed on", "pressed about", "questioned about",
    "asked on", "pressed as to whether",
    # A meeting's agenda names a topic, not what anyone holds on it.
    "discussion about", "discussion on", "discussions about", "discussions on", "debate about", "debate on",
    "talk about", "talks about", "debate surrounding", "debate over", "debates over", "debate around",
    "discussion surrounding", "discussion over", "discussions over", "discussion around",
)

# Auxiliaries that make a following participle passive ("has been criticised for"): its subject is the target.
PASSIVE = (
    "been", "being", "is", "are", "was", "were", "be", "get", "got",
)

# Clause breaks: stance cues are read within the issue's own clause.
CLAUSE_BREAKS = (
    " though ", " and that ", ";", " but ", " while ", " whereas ", " although ", " however", ", and ", " — ", " – ",
    ": ",
)

# A verb of saying that opens a new clause after a first one ("condemned the move, saying that ..."): the cues of
# the first clause are about its own object, not about what the new clause reports.
SPEECH_CLAUSES = (
    ", saying ", ", stating ", ", adding ", ", noting ", ", arguing ", ", warning ", ", insisting ", ", stressing ",
    ", explaining ", ", claiming ", ", recalling ", ", emphasizing ", ", emphasising ", ", underlining ", ", telling ",
    ", pointing out ",
)

# Conditions that end the clause of an issue looking forward ("would impose sanctions if Russia did not agree").
CONDITIONS = (
    " if ", " unless ", " as long as ", " provided that ", " on condition that ",
)

# Verbs of saying proper: their subject is the one who holds what the reported clause says ("Lavrov said Moscow
# wanted talks" is Lavrov's position).
SPEECH = frozenset({
    "according to", "acknowledged", "added", "admitted", "announced", "argued", "claimed", "confirmed", "declared",
    "emphasised", "emphasized", "explained", "in a statement", "insisted", "noted", "reiterated", "said", "say",
    "saying", "says", "stated", "stressed", "tells", "told", "underlined", "warned", "wrote", "pointed out",
    "remarked", "summarized", "summarised", "reminded", "observed", "commented",
})

# Modal words that make a reported clause the speaker's own demand ("X said Ukraine must get missiles").
PRESCRIPTIVE = (
    "should", "must", "need to", "needs to", "ought to", "has to", "have to", "deserves", "deserve",
    "has the right to", "have the right to", "has every right to", "might have to", "may have to", "would have to",
    "will have to",
)

# Doubts about the other side's seriousness that make a reported clause about another country the speaker's own
# view ("X said Russia is not serious about talks": X opposes talks now, codebook).
DOUBTS = (
    "not serious", "isn't serious", "not sincere", "insincere", "not genuine", "not genuinely", "no indication",
    "no sign", "no signs", "no evidence", "no interest", "no real interest", "not interested",
)

# Attribution cues that describe a state of mind rather than an act of saying: a closing reporting clause
# (", Zelensky said") takes precedence over them.
STATES_OF_MIND = frozenset({
    "doubt", "doubted", "doubts", "hesitant", "in favor of", "in favour of", "open to", "opposed to", "prepared to",
    "ready to", "reluctant", "sceptical", "skeptical", "wary", "willing to", "unconvinced", "not convinced",
})

# Words before an actor that make it the object of a preposition, not the subject of a verb.
PREPOSITIONS = (
    "of", "to", "from", "with", "in", "against", "on", "for", "by", "at", "into", "toward", "towards", "between",
    "about", "over", "than", "like", "urging", "urged", "asked", "on behalf of", "called on", "calls on",
    "told", "tells", "met", "meets", "met with", "joined", "joins", "thanked", "congratulated", "invited",
    "hosted", "welcomed", "phoned", "accused", "criticised", "criticized", "visited", "push", "pushed",
    "pushing", "pressure", "pressured", "force", "forced", "persuade", "convince", "provided", "provide",
    "supplied", "supply", "supplying", "give", "gave", "giving", "sent", "arm", "arming", "help", "helped",
    "helping", "invade", "invaded", "attack", "attacked", "lend", "lent", "let",
    "urge", "urges", "ask", "asks", "allow", "allows", "allowing", "enable", "enables", "enabling", "holding",
    "alongside",
)

# fmt: on
