"""Actors from grammar and coreference beyond the ``actors`` examples of rules/events.yaml
(which tests/test_rule_examples.py runs): the pronoun and description resolution of
:class:`timeline.events.actors.Referents`."""

import pytest

from timeline.events.actors import SPEAKER, Referents, quote_spans
from timeline.events.extract import extract
from timeline.io.segment import sentences


def run(text):
    return extract(text, sentences(text))


def test_a_passive_subject_is_an_undergoer_never_an_actor():
    (closed,) = [e for e in run("The plant was closed in May.") if e.trigger == "closed"]
    assert (closed.actors, closed.undergoers) == ([], ["plant"])


def test_an_unresolved_pronoun_is_no_actor():
    (said,) = [e for e in run("It said prices would rise.") if e.trigger == "said"]
    assert said.actors == []
    # nor an object pronoun inside a subject ("Two of them")
    (tipped,) = [
        e for e in run("All nine vans crashed. Two of them tipped over.") if e.trigger == "tipped"
    ]
    assert tipped.actors == []


def test_he_is_the_last_person_not_a_bare_title():
    text = "Zentek chief Dana Ruiz spoke. The CEO said more. She left."
    left = [e for e in run(text) if e.trigger == "left"][0]
    assert left.actors == ["Dana Ruiz"]


def test_group_pronouns_skip_people():
    refs = Referents()
    refs.add("General Motors", False)
    refs.add("Mary Barra", True)
    assert (refs.resolve("they"), refs.resolve("she")) == ("General Motors", "Mary Barra")
    assert refs.resolve("you") is None


CONTINENTAL = (
    "Continental said sales fell. Revenue in the period rose, and next year it expects more."
)


@pytest.mark.parametrize(
    "text, word, actors",
    [
        # a plural common noun opening a sentence is no organisation's name: "it" is not it
        (
            "Aid workers in Leeds cleared the road. The damage is heavy as it flooded.",
            "flooded",
            [],
        ),
        ("Rescue teams dug on Friday. The loss is large since it came at night.", "came", []),
        # nor a description whose capitalized common noun only opens the sentence
        (
            "Volta posted a profit. Revenue in the quarter rose. Next year, it expects a loss.",
            "expects",
            ["Volta"],
        ),
        # a description in lower case is left as it was: "the ministry" stays itself
        ("The health ministry denied it. The ministry will hire nurses.", "hire", ["ministry"]),
        # a capitalized word alone opening a sentence may still be a name
        (
            CONTINENTAL,
            "said",
            ["Continental"],
        ),
        (
            CONTINENTAL,
            "expects",
            ["Continental"],
        ),
        # ... while "they" may be
        ("Aid workers in Leeds cleared the road, and they left.", "left", ["Aid workers in Leeds"]),
    ],
)
def test_it_never_stands_for_a_plural_or_a_description(text, word, actors):
    (event,) = [e for e in run(text) if e.trigger == word]
    assert event.actors == actors


def test_a_possessive_determiner_names_an_event_nouns_actor():
    text = "Zentek Inc. announced it has settled its patent dispute."
    dispute = [e for e in run(text) if e.trigger == "dispute"][0]
    assert dispute.actors == ["Zentek Inc"]


@pytest.mark.parametrize(
    "phrase, word, actors",
    [
        ("Concerns are also rising", "rising", []),  # nobody rises: no actor, not "Concerns"
        ("remains a complex challenge", "remains", []),  # a gerund's clause is the subject
        ("troops from allied nations stationed", "stationed", []),  # the troops undergo it
        ("preventing Iran from exploiting", "exploiting", ["Iran"]),
        ("to convene an emergency meeting", "convene", ["Iraq’s ruling coalition"]),
        ("The US maintains", "maintains", ["US"]),
    ],
)
def test_the_seeds_actors(seed_timeline, phrase, word, actors):
    rows = seed_timeline[seed_timeline.trigger == word]
    hits = [row for row in rows.itertuples() if phrase in row.text]
    assert hits, (phrase, word)
    assert list(hits[0].actors) == actors, phrase


def test_quotations_in_tokenized_text_and_over_a_line_break():
    text = "`` I will go , '' Ruiz said .\n\"We left\nThen"
    assert [text[a:b] for a, b in quote_spans(text)] == [" I will go , ", "We left"]


def test_a_quoted_sentence_of_its_own_keeps_the_last_speaker_and_you_is_not_the_speaker():
    text = 'Dana Ruiz said the deal was off. "I have sold my shares. You know why."'
    events = {e.trigger: e for e in run(text)}
    assert events["sold"].actors == ["Dana Ruiz"]
    assert events["know"].actors == []  # "you": whom the speaker addresses


def test_a_first_person_word_with_no_speaker_is_dropped_not_kept_as_a_placeholder():
    events = run('"I will go."')
    assert [e.actors for e in events if e.trigger == "go"] == [[]]
    assert all(SPEAKER not in e.actors + e.undergoers for e in events)


def test_a_description_names_the_head_of_a_name_not_its_last_word():
    text = "Police in the port arrested two men. The port will hold a vote."
    (hold,) = [e for e in run(text) if e.trigger == "hold"]
    assert hold.actors == ["port"]
    text = "Police in the port arrested two men. The police will charge them."
    (charge,) = [e for e in run(text) if e.trigger == "charge"]
    assert charge.actors == ["Police in the port"]


@pytest.mark.parametrize(
    "text, word, actors, tense",
    [
        (
            "The election body (the EBC) said on Monday it would appeal.",
            "said",
            ["election body"],
            "past",
        ),
        (
            "No candidate won outright, the election body (the EBC) said.",
            "said",
            ["election body"],
            "past",
        ),
        (
            "The rebels (about 200 of them) attacked the town on Monday.",
            "attacked",
            ["rebels"],
            "past",
        ),
        (
            "The Safety Board (NSB) released a report on Monday.",
            "released",
            ["Safety Board"],
            "past",
        ),
    ],
)
def test_a_verbless_parenthesis_after_the_subjects_noun_is_no_part_of_it(text, word, actors, tense):
    (event,) = [e for e in run(text) if e.trigger == word]
    assert (event.actors, event.tense) == (actors, tense)


def test_an_infinitive_after_an_event_nouns_agent_is_that_nouns_aim():
    events = run("The regulator rejected a bid by the carmaker to avoid a recall.")
    (avoid,) = [e for e in events if e.trigger == "avoid"]
    assert avoid.actors == ["carmaker"]
