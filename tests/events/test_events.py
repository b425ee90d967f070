"""Event extraction beyond the examples of rules/events.yaml (tests/test_rule_examples.py runs
those)."""

import pytest
from checks.events import find, run

from timeline.events.extract import extract, noun_event
from timeline.events.lexicon import tokenize
from timeline.events.tagger import tag
from timeline.io.segment import sentences


def tag_of(text: str, word: str) -> str:
    """The tag the tagger gives the first token ``word`` of ``text``."""
    return next(t.tag for t in tag(tokenize(text)) if t.text == word)


def test_tokens_and_tags():
    tokens = tag(tokenize("Then Iraq’s coalition is set to hold talks."))
    assert [(t.text, t.tag) for t in tokens] == [
        ("Then", "ADV"),
        ("Iraq", "PROPN"),
        ("’s", "POSSM"),
        ("coalition", "N"),
        ("is", "BE"),
        ("set", "V"),
        ("to", "TO"),
        ("hold", "V"),
        ("talks", "N"),
        (".", "PUNCT"),
    ]


@pytest.mark.parametrize(
    "word, is_event",
    [
        ("meeting", True),
        ("negotiations", True),
        ("withdrawal", True),
        ("agreement", True),
        ("election", True),
        ("government", False),
        ("department", False),
        ("nation", False),
        ("morning", False),
        ("factions", False),
    ],
)
def test_event_nominals(word, is_event):
    assert noun_event(word)[0] is is_event


def test_events_in_text_order_with_offsets():
    text = "Troops withdrew. The talks failed."
    events = run(text)
    assert [e.trigger for e in events] == ["withdrew", "talks", "failed"]
    assert [e.sentence for e in events] == [0, 1, 1]
    assert all(text[e.trigger_start : e.trigger_end] == e.trigger for e in events)
    assert all(e.start <= e.trigger_start and e.trigger_end <= e.end for e in events)


def test_sentence_final_report_is_the_source():
    text = "Bombs exploded outside the embassy, witnesses said."
    events = run(text)
    said = find(text, events, "said")
    exploded = find(text, events, "exploded")
    assert exploded.source == events.index(said)
    assert said.newsworthy is False


# The seed article ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_events(seed_article):
    text = seed_article.text
    return text, extract(text, sentences(text))


def at(seed, phrase, word):
    text, events = seed
    start = text.index(phrase)
    hits = [
        e
        for e in events
        if e.trigger == word and start <= e.trigger_start and e.trigger_end <= start + len(phrase)
    ]
    assert hits, (phrase, word)
    return hits[0]


def test_seed_meeting_and_call_are_two_events(seed_events):
    hold = at(seed_events, "is set to hold", "hold")
    meeting = at(seed_events, "hold an emergency meeting", "meeting")
    call = at(seed_events, "phone call", "call")
    assert (hold.kind, hold.modality, hold.tense) == ("plan", "expected", "future")
    assert meeting.modality == "expected"
    assert (call.modality, call.tense) == ("asserted", "past")
    assert call.actors == ["Marco Rubio", "Mohammed Shia al-Sudani"]
    assert call.start > hold.end - len("to hold an emergency meeting") or call.start >= meeting.end


def test_seed_reported_speech(seed_events):
    _, events = seed_events
    revealed = at(seed_events, "Hussein revealed", "revealed")
    pressured = at(seed_events, "has pressured", "pressured")
    assert revealed.kind == "statement" and revealed.event_class == "REPORTING"
    assert events[pressured.source] is revealed
    assert (pressured.tense, pressured.aspect, pressured.actors) == (
        "present",
        "perfective",
        ["Washington"],
    )
    assert revealed.actors == ["Hussein"]


def test_seed_verb_groups(seed_events):
    announced = at(seed_events, "previously announced", "announced")
    assert (announced.tense, announced.aspect, announced.modality) == (
        "past",
        "perfective",
        "asserted",
    )
    convene = at(seed_events, "convene an emergency meeting", "convene")
    assert convene.modality == "expected" and convene.actors == [
        "Iraq’s ruling coalition"
    ]  # "the coalition", resolved
    ceased = at(seed_events, "have ceased", "ceased")
    assert (ceased.tense, ceased.aspect) == ("present", "perfective")
    signed = at(seed_events, "Trump signed", "signed")
    assert (signed.tense, signed.actors) == ("past", ["Trump"])


@pytest.mark.parametrize(
    "phrase, word",
    [
        ("maintains around", "maintains"),
        ("are underway", "underway"),
        ("is currently not a top priority", "priority"),
    ],
)
def test_seed_states(seed_events, phrase, word):
    assert at(seed_events, phrase, word).kind == "state"


def test_seed_potential_sanctions(seed_events):
    assert at(seed_events, "potential US sanctions", "sanctions").modality == "potential"
    assert at(seed_events, "avoiding potential sanctions", "sanctions").modality == "potential"


@pytest.mark.parametrize(
    "phrase, word, actor",
    [
        ("He expected", "expected", "Uday al-Khadran"),
        ("He also stressed", "stressed", "Trump"),
        ("He highlighted", "highlighted", "Fuad Hussein"),
        ("He also noted", "noted", "Hussein"),
        ("Tammy Bruce confirmed", "confirmed", "Tammy Bruce"),
        ("the US State Department released", "released", "US State Department"),
    ],
)
def test_seed_actors_and_pronouns(seed_events, phrase, word, actor):
    assert at(seed_events, phrase, word).actors == [actor]


@pytest.mark.parametrize(
    "word", ["stated", "confirmed", "remarked", "reiterated", "revealed", "noted"]
)
def test_seed_statements(seed_events, word):
    event = at(seed_events, word, word)
    assert (event.kind, event.modality, event.tense) == ("statement", "asserted", "past")


def test_seed_nominal_actors_and_statement_kind(seed_events):
    statement = at(seed_events, "released a statement", "statement")
    assert (statement.kind, statement.actors) == ("statement", ["US State Department"])
    assert at(seed_events, "attacks by armed factions", "attacks").actors == ["armed factions"]
    assert at(seed_events, "Rubio’s remarks", "remarks").actors == ["Rubio"]


def test_a_day_owning_an_event_is_not_its_actor():
    text = (
        "The council met over Tuesday's phone call between Jane Doe and Sam Roe, and Acme's offer."
    )
    events = {e.trigger: e for e in extract(text, sentences(text))}
    assert events["call"].actors == ["Jane Doe", "Sam Roe"]
    assert events["offer"].actors == ["Acme"]
    assert events["met"].actors == ["council"]


def test_a_between_phrase_belongs_to_the_nearest_noun():
    text = (
        "They held a meeting over the phone call between Jane Doe and Sam Roe. "
        "Talks between Acme and Zenith ended."
    )
    events = {e.trigger: e for e in extract(text, sentences(text))}
    assert events["call"].actors == ["Jane Doe", "Sam Roe"]
    assert events["meeting"].actors == []  # held by "They": no name
    assert events["Talks"].actors == ["Acme", "Zenith"]


def test_seed_adverbial_participle_belongs_to_the_speaker(seed_events):
    _, events = seed_events
    noted = at(seed_events, "He also noted", "noted")
    acknowledging = at(seed_events, "while acknowledging", "acknowledging")
    remains = at(seed_events, "remains a complex challenge", "remains")
    assert acknowledging.actors == ["Hussein"] and acknowledging.source is None
    assert events[remains.source] is acknowledging
    assert events[at(seed_events, "have ceased", "ceased").source] is noted


def test_newsworthy_flags_generic_events():
    text = "Officials said the plant is expected to close. It has two units."
    events = run(text)
    flags = {e.trigger: e.newsworthy for e in events}
    assert flags["said"] is False and flags["expected"] is False and flags["has"] is False
    assert flags["close"] is True


def test_seed_suggest_reports_its_clause(seed_events):
    _, events = seed_events
    suggest = at(seed_events, "sources in Baghdad suggest", "suggest")
    perceive = at(seed_events, "perceive Rubio", "perceive")
    assert suggest.kind == "statement" and events[perceive.source] is suggest
    assert perceive.actors == ["leaders within the Coordination Framework"]


@pytest.mark.parametrize(
    "phrase, word, actors",
    [
        ("“limit Iran", "limit", ["Iraq"]),
        ("and ensure its", "ensure", ["Iraq"]),
        ("and strategize", "strategize", ["Iraq’s ruling coalition"]),
        ("and consider additional", "consider", ["Baghdad"]),
    ],
)
def test_seed_infinitives_and_their_conjuncts_are_expected(seed_events, phrase, word, actors):
    event = at(seed_events, phrase, word)
    assert (event.modality, event.kind, event.actors) == ("expected", "plan", actors)


def test_leading_participle_takes_the_main_subject(seed_events):
    assert at(seed_events, "Speaking at the Erbil Forum", "Speaking").actors == ["Schenker"]


@pytest.mark.parametrize(
    "text, word, expected",
    [
        (
            "Administration officials say the talks failed.",
            "say",
            "V",
        ),  # plural subject + verb of a class
        ("The treaty, which fell apart, was signed.", "fell", "V"),  # relative pronoun + past verb
        (
            "In Harbor Exchange composite trading, bonds fell.",
            "composite",
            "ADJ",
        ),  # no plain verb after a name
        ("Danish exiles insist on a vote.", "exiles", "N"),  # plural noun before a plural verb
        ("Arab troops at the border waited.", "troops", "N"),  # plural noun closing a noun phrase
        ("Most of the oil comes from there.", "comes", "V"),  # frequent verb after its subject
        ("The company adopted a rights plan.", "plan", "N"),  # a compound after "a"
        # a compound subject before its auxiliary: the head is a noun
        ("A rate cut in March is possible.", "cut", "N"),
        ("Analysts said a final rate cut this year will be possible.", "cut", "N"),
        ("The bank cut rates in March.", "cut", "V"),
        ("Heavy rains forecast for the coming weeks are expected.", "forecast", "V"),
    ],
)
def test_tagger_settles_noun_verb_homographs(text, word, expected):
    assert tag_of(text, word) == expected


@pytest.mark.parametrize(
    "text, word, expected",
    [
        ("The oil and gas properties were sold.", "gas", "N"),
        ("A Texas oil and gas concern said so.", "gas", "N"),
        ("They must meet and talk peace.", "talk", "V"),
        ("Officials met and discussed trade.", "discussed", "V"),
    ],
)
def test_coordinated_nouns_before_their_head_stay_nouns(text, word, expected):
    assert tag_of(text, word) == expected


@pytest.mark.parametrize(
    "text, word, expected",
    [
        # a reporting verb's clause without "that" has a finite verb of its own
        ("A spokesman said the company stands to gain.", "stands", "V"),
        ("Mayor Ruiz said the new rule serves no one.", "serves", "V"),
        ("Analysts believe the firm plans a sale.", "plans", "V"),
        # not when a phrase follows the verb: its nouns are no clause's subject
        ("Lind said in a talk at his farm offices that it failed.", "offices", "N"),
        # nor after "tell", whose object is a noun phrase
        ("The chief told the sales staff that it would grow.", "staff", "N"),
    ],
)
def test_reported_clause_without_that_has_its_own_finite_verb(text, word, expected):
    assert tag_of(text, word) == expected


def test_postposed_report_after_a_prepositional_phrase_is_finite_past():
    text = "Zedland and Ruritania swapped 150 prisoners on Thursday, officials in Kyiv said."
    events = {e.trigger: e for e in extract(text, sentences(text))}
    assert (events["said"].tense, events["said"].actors) == ("past", ["officials in Kyiv"])
    # a name no dictionary knows opens the sentence as a name, and both names of the pair act
    assert events["swapped"].actors == ["Zedland", "Ruritania"]


def test_inverted_report_after_a_quote_is_past_and_names_its_speaker():
    text = '"We are not there yet," said Jane Doe after the talks. "No," said Sam Roe.'
    said = [e for e in extract(text, sentences(text)) if e.trigger == "said"]
    assert [(e.tense, e.actors) for e in said] == [("past", ["Jane Doe"]), ("past", ["Sam Roe"])]


def test_a_verb_after_but_shares_the_subject_of_the_finite_verb_before_it():
    text = "Forecasters expect the rain to ease by Friday, but warned that rivers could rise."
    events = {e.trigger: e for e in extract(text, sentences(text))}
    assert events["warned"].actors == ["Forecasters"]
    assert events["ease"].actors == ["rain"]


# One verb of a sentence: its tense and its actors (the subject noun phrase, names only).
VERB_CASES = [
    # the main verb after a relative clause is finite and takes the clause's antecedent
    ("Officials who met on Monday agreed on a plan.", "agreed", "past", ["Officials"]),
    ("The minister, who met Sam Roe on Monday, agreed to talks.", "agreed", "past", ["minister"]),
    ("The man who was arrested on Friday appeared in court.", "appeared", "past", ["man"]),
    ("A new round proposed by the mediators never took place.", "took", "past", ["new round"]),
    ("The rally held in Baghdad also drew thousands.", "drew", "past", ["rally"]),
    # ... also when the relative clause has a complement of its own
    ("Officials who said prices rose agreed.", "agreed", "past", ["Officials"]),
    ("Analysts who expect rates to fall bought bonds.", "bought", "past", ["Analysts"]),
    ("Analysts who expect rates to fall bought bonds.", "expect", "present", ["Analysts"]),
    # a fronted date stays out of the subject and leaves the verb finite
    ("Last month the commission twice delayed the results.", "delayed", "past", ["commission"]),
    ("On Monday the board approved it.", "approved", "past", ["board"]),
    ("Two years ago the company sold its port.", "sold", "past", ["company"]),
    # a passive's subject undergoes the event; the agent after "by" is its actor
    ("Three civilians were killed on Friday.", "killed", "past", []),
    ("The plan was approved by the cabinet on Monday.", "approved", "past", ["cabinet"]),
    # ... also after the participle's complement, a preposition and a short noun phrase
    ("Ruiz was put on the injured reserve list by the Hawks.", "put", "past", ["Hawks"]),
    # ... within its clause: a coordinated verb's agent is not the first verb's
    ("Ruiz was released on Monday and stopped by the police on Friday.", "released", "past", []),
    (
        "Acme was founded by Jane Doe and Sam Roe in 1976, and launched a store in 2003.",
        "launched",
        "past",
        ["Acme"],
    ),
    # ... and so does a date inside the subject
    (
        "A federal appeals court on Friday blocked the plan.",
        "blocked",
        "past",
        ["federal appeals court"],
    ),
    # a pronoun is its whole noun phrase; an adverb between subject and verb is neither
    # "it" stands for the last organisation or place named (timeline.events.actors.Referents)
    ("Israel must leave five positions it still holds.", "holds", "present", ["Israel"]),
    ("Wang last visited Russia in April.", "visited", "past", ["Wang"]),
    ("The Commission first presented the plan.", "presented", "past", ["Commission"]),
    # a past form before an adjective and a noun has its object: it is finite
    ("Militants in Gaza launched new attacks.", "launched", "past", ["Militants in Gaza"]),
    # a past form with no other verb around it is the main verb, not a participle
    ("The talks on Monday ended.", "ended", "past", ["talks"]),
    ("Officials in Kyiv said so.", "said", "past", ["Officials in Kyiv"]),
    ("The army will withdraw, a spokesperson said on Saturday.", "said", "past", ["spokesperson"]),
    # "by" and a noun phrase is an agent; "by" and an amount or a gerund is not
    ("A fire started by arsonists destroyed the mill.", "destroyed", "past", ["fire"]),
    # the subject of an intransitive change undergoes it (PropBank Arg1): no actor
    ("Sales dropped by a third, and profits rose.", "dropped", "past", []),
    ("Jobs started by hinting at it.", "started", "past", ["Jobs"]),
    # a plan adjective before "to" ("is due to", "is likely to") is a cue, not the subject
    (
        "President Jane Doe, who is due to meet ministers next week, called for aid.",
        "called",
        "past",
        ["Jane Doe"],
    ),
    ("The bank is likely to cut rates.", "cut", "future", ["bank"]),
    # adverbs that are also adjectives, before a verb; a verb before "back"; a name ending in "+"
    ("China first formally claimed the islands.", "claimed", "past", ["China"]),
    ("The cuts, which were first announced in May, surprised traders.", "announced", "past", []),
    ("The feud over the border dates back to 1972.", "dates", "present", ["feud over the border"]),
    ("Prices rose after OPEC+ agreed to extend the cuts.", "agreed", "past", ["OPEC+"]),
    # "that" after a date opens the reported clause; "so far" is an adverb; "and the" in a pair
    # of names
    (
        "The agency reported in May that Iran had accelerated production.",
        "accelerated",
        "past",
        ["Iran"],
    ),
    (
        "A campaign that started last week has so far reached 40,000 people.",
        "reached",
        "present",
        ["campaign"],
    ),
    ("Iran and the United States will hold talks.", "hold", "future", ["Iran", "United States"]),
    # a verb with no past form after a noun and before "for" is a participle: the main verb follows
    (
        "Heavy rains forecast for the coming weeks could spread the disease.",
        "spread",
        "none",
        ["Heavy rains"],
    ),
    # a bare verb in a "that" clause of a demand is asked for, not done; an aspectual verb
    # before its gerund
    ("He demanded that the army withdraw from the city.", "withdraw", "none", ["army"]),
    ("The Commission proposed that the Union stop importing gas.", "stop", "none", ["Union"]),
    # an acronym is a name even when it spells a pronoun
    ("The WHO warned that rains could spread the disease.", "warned", "past", ["WHO"]),
    # a title with no name after it is the actor
    ("The Prime Minister will make a statement on Monday.", "make", "future", ["Prime Minister"]),
    # the past form after the subject of a clause reported without "that" is that clause's verb;
    # a past form that a finite verb of the clause follows describes the noun before it
    ("The agency said the main tremor struck at noon.", "struck", "past", ["main tremor"]),
    ("Police said the driver fled the scene on foot.", "fled", "past", ["driver"]),
    ("Officials said the report issued in May was wrong.", "issued", "none", []),
    ("Officials said the plan approved in May will cost more.", "approved", "none", []),
    ("The firm said the bus appeared to have been speeding.", "appeared", "past", ["bus"]),
    # a common noun phrase joined by "and" after a dateline's dash or a colon opens its clause
    (
        "LEEDS (Wire) - Ship owners and union leaders ended the talks.",
        "ended",
        "past",
        ["Ship owners", "union leaders"],
    ),
    (
        "Update: port owners and dock unions signed a deal.",
        "signed",
        "past",
        ["port owners", "dock unions"],
    ),
    # a verb joined after a copula with auxiliaries takes the subject before the first of them
    (
        "Volta should have been ahead at the break but wasted many chances.",
        "wasted",
        "past",
        ["Volta"],
    ),
    # a name's description with its own relative clause, between the name and the verb
    (
        "Dana Ruiz, an aide who was on the bus, said the van tipped over.",
        "said",
        "past",
        ["Dana Ruiz"],
    ),
    # "have" with an object is a state in the tense of its form
    ("The ferry had two engines.", "had", "past", ["ferry"]),
    ("The firm has two plants.", "has", "present", ["firm"]),
    # a news outlet named after "reported" that follows its clause and a comma is the source
    (
        "Riders heard a bang, reported Radio Leeds, a local station.",
        "reported",
        "past",
        ["Radio Leeds"],
    ),
    # a participle opening a parenthetical between the subject and its verb is not the clause's
    # finite verb: the verb after the parenthetical is
    ("Six coaches, bound for York, derailed near the town.", "derailed", "past", ["Six coaches"]),
    (
        "Two cars of the Express 9, bound for York, tipped over.",
        "tipped",
        "past",
        ["Two cars of the Express 9"],
    ),
    ("Ruiz, born in Leeds on May 3, 1960, has built the firm.", "built", "present", ["Ruiz"]),
    # a one-word name set off after a description says who, as a full name does
    ("The team's coach, Lind, said the side played well.", "said", "past", ["Lind"]),
    ("The firm's rival, Volta, said it would cut prices.", "said", "past", ["Volta"]),
    # "how" and "why" open a clause, as "where" and "when" do: no part of its subject
    ("Witnesses described how fans ran onto the pitch.", "ran", "past", ["fans"]),
    ("Nobody knows why the driver left the road.", "left", "past", ["driver"]),
    # a participle after a comma is done by the subject of the finite verb, not of an infinitive
    (
        "A court blocked the plan to end the program, handing a setback to the minister.",
        "handing",
        "none",
        ["court"],
    ),
]


@pytest.mark.parametrize(
    "text, verb, tense, actors", VERB_CASES, ids=[f"{c[1]}:{c[0][:40]}" for c in VERB_CASES]
)
def test_the_tense_and_actors_of_a_verb(text, verb, tense, actors):
    event = next(e for e in extract(text, sentences(text)) if e.trigger == verb)
    assert (event.tense, event.actors) == (tense, actors)


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The ceasefire, which took effect on November 2, has largely held.",
            {"took": ("past", ["ceasefire"]), "held": ("present", ["ceasefire"])},
        ),
        (
            "An official said the ceasefire, which took effect on May 2, had held.",
            {"took": ("past", ["ceasefire"]), "held": ("past", ["ceasefire"])},
        ),
        (
            "Hungary and Slovakia, which still receive Russian gas, have objected to the plan.",
            {
                "receive": ("present", ["Hungary", "Slovakia"]),
                "objected": ("present", ["Hungary", "Slovakia"]),
            },
        ),
        # a noun phrase with its complement opening the clause: the relative's verb takes the
        # nearest noun, the main verb after the relative clause the whole phrase
        (
            "A spokesman for Zentek, which cut 100 jobs, said it would hire.",
            {"cut": ("past", ["Zentek"]), "said": ("past", ["spokesman for Zentek"])},
        ),
        # after an object the pronoun may take the whole clause: no antecedent is guessed
        ("The company cut 500 jobs, which angered the unions.", {"angered": ("past", ["company"])}),
    ],
)
def test_which_after_a_subject_and_a_comma_opens_that_nouns_relative_clause(text, expected):
    events = {e.trigger: e for e in extract(text, sentences(text))}
    assert {word: (events[word].tense, events[word].actors) for word in expected} == expected


def test_a_reduced_relative_names_its_noun_as_undergoer_and_its_parties_as_actors():
    text = "Zentek broke a pact signed between the two firms."
    events = {e.trigger: e for e in extract(text, sentences(text))}
    assert (events["signed"].actors, events["signed"].undergoers) == (["two firms"], ["pact"])


def test_a_participle_inside_a_verbs_object_describes_the_noun():
    text = (
        "The EU will stop importing Russian liquefied natural gas. "
        "Officials said Russia launched new attacks."
    )
    events = {e.trigger: e for e in extract(text, sentences(text))}
    assert "liquefied" not in events
    assert (events["launched"].tense, events["launched"].actors) == (
        "past",
        ["Russia"],
    )  # a said clause's verb


def test_a_surname_that_comes_first_resolves_he():
    text = (
        "Foreign Minister Wang Yi will travel to Moscow. Putin met him. "
        "Wang last visited Russia in April, when he met Putin."
    )
    met = [e for e in extract(text, sentences(text)) if e.trigger == "met"]
    assert met[-1].actors == ["Wang"]


def test_a_relative_verb_taking_a_clause_keeps_its_complement():
    text = "Officials who said prices rose agreed."
    events = {e.trigger: e for e in extract(text, sentences(text))}
    assert (events["rose"].tense, events["rose"].actors) == ("past", [])
    assert events["rose"].undergoers == ["prices"]  # prices undergo the rise


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "A rally held in Baghdad drew thousands.",
            {"held": ("none", []), "drew": ("past", ["rally"])},
        ),
        (
            "Ruiz quoted from a memo signed by Jane Doe.",
            {"quoted": ("past", ["Ruiz"]), "signed": ("none", ["Jane Doe"])},
        ),
        ("Bush held out the prospect of aid.", {"held": ("past", ["Bush"])}),
        (
            "The statement issued in Kyiv said nothing.",
            {"issued": ("none", []), "said": ("past", ["statement"])},
        ),
        (
            "A memo released in May said sales rose.",
            {"released": ("none", []), "said": ("past", ["memo"])},
        ),
    ],
)
def test_a_reduced_relative_before_the_main_verb(text, expected):
    events = {e.trigger: e for e in extract(text, sentences(text))}
    assert {word: (events[word].tense, events[word].actors) for word in expected} == expected


def test_a_sentence_in_capitals_still_has_its_events():
    text = "ZEDLAND AND RURITANIA SWAPPED 150 PRISONERS ON THURSDAY, OFFICIALS SAID."
    events = {e.trigger: e for e in extract(text, sentences(text))}
    assert (events["SWAPPED"].tense, events["SWAPPED"].actors) == ("past", ["ZEDLAND", "RURITANIA"])
    assert events["SAID"].tense == "past"


def test_a_main_verb_group_opening_with_an_auxiliary_after_a_relative():
    text = "Farmers say that aid promised in mid-January has still not arrived."
    events = {e.trigger: e for e in extract(text, sentences(text))}
    assert (events["arrived"].tense, events["arrived"].aspect, events["arrived"].actors) == (
        "present",
        "perfective",
        ["aid"],
    )


def test_a_gerund_subject_before_its_auxiliary_is_the_subject():
    text = "Moscow rejected the plan, and fighting has continued along the front line."
    events = {e.trigger: e for e in extract(text, sentences(text))}
    assert (events["continued"].tense, events["continued"].actors) == ("present", ["fighting"])
    assert events["fighting"].role == "nominal"


def test_an_abbreviated_company_name_is_the_subject_and_last_spring_is_a_time():
    text = "Zentek Corp. agreed to buy Volta. The companies held talks last spring."
    events = {e.trigger: e for e in extract(text, sentences(text))}
    assert events["agreed"].actors == ["Zentek Corp"]
    assert (events["held"].event_class, events["held"].kind) == ("OCCURRENCE", "action")


def test_a_demanded_act_is_expected_not_done():
    text = "He demanded that the army withdraw from the city. The army withdrew."
    withdraw, withdrew = (e for e in extract(text, sentences(text)) if e.lemma == "withdraw")
    assert (withdraw.tense, withdraw.modality) == ("none", "expected")
    assert (withdrew.tense, withdrew.modality) == ("past", "asserted")


def test_a_name_of_digits_and_letters_is_no_number():
    # "76ers", "49ers": a number joined to letters that are no number's suffix is a name; a
    # number keeps its suffix ("1990s", "3rd", "5pm", "10km")
    from timeline.events.tagger import tag, tokenize

    tags = {t.text: t.tag for t in tag(tokenize("The 76ers beat the 49ers on Monday."))}
    assert (tags["76ers"], tags["49ers"], tags["beat"]) == ("PROPN", "PROPN", "V")
    text = "In the 1990s, the 3rd race ran 10km at 5pm with 2,500 people."
    tags = {t.text: t.tag for t in tag(tokenize(text))}
    assert [tags[w] for w in ("1990s", "3rd", "10km", "5pm", "2,500")] == ["NUM"] * 5
    text = "The Philadelphia 76ers beat the Knicks on Monday."
    beat = find(text, run(text), "beat")
    assert (beat.trigger_start, beat.actors) == (23, ["Philadelphia 76ers"])


@pytest.mark.parametrize(
    ("text", "trigger", "tense"),
    [
        # a verb with no passive is finite after a noun phrase, even with a later finite verb
        (
            "Talks between the two sides collapsed on Thursday, a day after envoys failed.",
            "collapsed",
            "past",
        ),
        ("Prices in the three cities tumbled in May, after demand slowed.", "tumbled", "past"),
        # a verb that has one may be a reduced relative's participle there
        ("The men in the two cars arrested on Friday were charged.", "arrested", "none"),
    ],
)
def test_a_verb_without_passive_is_no_reduced_relative(text, trigger, tense):
    events = run(text)
    event = find(text, events, trigger)
    assert (text[event.trigger_start : event.trigger_end], event.tense) == (trigger, tense)


@pytest.mark.parametrize(
    ("text", "trigger", "tense", "actors"),
    [
        # "after"/"since"/"until" before a noun phrase and a finite verb open a clause
        ("Villages flooded after the river burst its banks.", "flooded", "past", ["Villages"]),
        ("Crowds cheered after the rocket blasted off.", "blasted", "past", ["rocket"]),
        # a passive's agent or a later finite verb keeps the reduced relative
        ("Troops withdrew after the attacks carried out by rebels.", "carried", "none", ["rebels"]),
        ("Police came after the bomb planted in the car exploded.", "planted", "none", []),
    ],
)
def test_a_clause_preposition_before_a_subject_and_verb_opens_a_clause(
    text, trigger, tense, actors
):
    events = run(text)
    event = find(text, events, trigger)
    assert (text[event.trigger_start : event.trigger_end], event.tense, event.actors) == (
        trigger,
        tense,
        actors,
    )


@pytest.mark.parametrize(
    "text, reported, report",
    [
        ("The firm said Thursday that it alerted all clients.", "alerted", "said"),
        ("The board announced on Monday it would close the plant.", "close", "announced"),
        ("The mayor said on Tuesday that crews cleared the roads.", "cleared", "said"),
    ],
)
def test_a_day_after_the_reporting_verb_leaves_its_clause_reported(text, reported, report):
    found = extract(text, sentences(text))
    event = next(e for e in found if e.trigger == reported)
    assert event.source is not None and found[event.source].trigger == report
    assert text[event.trigger_start : event.trigger_end] == reported


def test_a_day_after_the_reporting_verb_needs_a_clause_after_it():
    text = "The firm said Thursday's vote was close."
    found = extract(text, sentences(text))
    assert all(found[e.source].trigger == "said" for e in found if e.source is not None)
