"""Which events an entity takes part in: :func:`filter_entity`.

An event takes part when one of its ``actors`` is headed by a name of the
entity, or when a mention of the entity (from :mod:`timeline.coref`) is its
subject or object. :mod:`timeline.entities` writes the selected events as a
SemEval-2015 Task 4 timeline.
"""

from __future__ import annotations

import re

import pandas as pd

from timeline import settings
from timeline.io import segment
from timeline.model import Tense

from .coref import EntityError, Names, extensions, mentions, names, rules
from .dates import light_verb_objects

_OF = re.compile(r"(?i)\b(?:of|for|to|with|by|from|in|on|at)\s+(?:\S+\s+)*$")
#: Punctuation between a trigger and a mention after it breaks the object reading.
_GAP_BREAK = re.compile(r"[,;:\"()\[\]]")
#: Capitalized title words right before a name ("Acme Inc. CEO" in "said Acme Inc. CEO Jane Doe").
_TITLES = re.compile(r"(?:\s+(?:[A-Z][\w.&-]*|of))+\s*$")
_REPORT_CLASSES = ("REPORTING", "I_STATE", "PERCEPTION")


def _article_spans(group: pd.DataFrame, text=None) -> list[tuple[int, int, int, str]]:
    """The pieces of an article mentions are searched in: its sentences when its text is known
    (``segment.sentences``, numbered as the frame numbers them), else the clause spans of its events."""
    if text is not None:
        return [(s, e, n, text[s:e]) for n, (s, e) in enumerate(segment.sentences(text))]
    return [
        (int(s), int(e), int(n), str(t))
        for s, e, n, t in zip(group["start"], group["end"], group["sentence"], group["text"])
    ]


def _actor_matches(actors, spec: Names) -> bool:
    """Whether an actor is the entity: a name of it heads the actor ("Acme", "rival Acme Corp",
    "Zed's Acme"), not a modifier of it ("versions of Acme", "Acme customers")."""
    for actor in actors if isinstance(actors, (list, tuple)) else []:
        actor = str(actor).rstrip(" .,;:")
        for pattern in spec.strong + spec.weak:
            for match in re.finditer(pattern, actor):
                if match.end() == len(actor) and not _OF.search(actor[: match.start()]):
                    return True
    return False


def _coverage(group: pd.DataFrame, text=None) -> dict[int, str]:
    """The article characters the clause spans of a group cover (all of them when the text is known), by offset."""
    if text is not None:
        return dict(enumerate(text))
    covered: dict[int, str] = {}
    for start, text in zip(group["start"], group["text"]):
        for offset, char in enumerate(str(text)):
            covered.setdefault(int(start) + offset, char)
    return covered


def _relative_trigger(text_of, m_end: int, after):
    """The verb of a relative clause on a mention ("the ZapPod player, which is built by", "Doe, who founded").

    The mention may be followed by up to three more words of its noun phrase,
    then ", which", "that" or "who" and at most an auxiliary and an adverb
    (``relative`` of ``rules/entities.yaml``).
    """
    pattern = rules()["relative"]
    for event in sorted(after, key=lambda e: e[3]):
        gap = text_of(m_end, event[3], loose=True)
        if gap is None or len(gap) > 80:
            return None
        if re.fullmatch(pattern, gap):
            return event
    return None


def _coordinated(group: pd.DataFrame, subjects: set, text_of) -> set:
    """Verbs that share the entity as subject with a verb before them ("Doe fought a rival and took leave").

    A trigger whose text since the previous subject-selected trigger of its
    sentence ends in a coordinator and at most auxiliaries and adverbs
    (``coordination`` of ``rules/entities.yaml``), with no sentence break, no
    quote and no other finite verb with a subject of its own in between.
    """
    pattern = rules()["coordination"]
    tenses = group["tense"] if "tense" in group else pd.Series("none", index=group.index)
    rows = sorted(
        zip(group["trigger_start"], group["trigger_end"], group.index, group["sentence"], tenses)
    )
    shared: set = set()
    for i, (start, end, index, sentence, _) in enumerate(rows):
        if index not in subjects and index not in shared:
            continue
        verbs_between = False
        for next_start, _, next_index, next_sentence, tense in rows[i + 1 :]:
            if next_sentence != sentence:
                break
            gap = text_of(int(end), int(next_start), loose=True)
            if gap is None or re.search(r'["“”]', gap):
                break
            coordinated = re.search(pattern, gap)
            # past another verb ("said that Acme will cut jobs and close plants") only a comma
            # coordinates with the first verb ("has not said what prompted it, but said")
            if coordinated and (not verbs_between or coordinated.group(0).lstrip().startswith(",")):
                shared.add(next_index)
                break
            verbs_between = verbs_between or tense not in (Tense.NONE, "")
    return shared - subjects


def _opening_participles(group: pd.DataFrame, subjects: dict, text_of) -> set:
    """A participle opening a sentence takes the subject of its main clause
    ("While introducing the phone, at the fair, Doe showed ..." -> Doe introduced it).

    The participle is an untensed ``-ing`` trigger with at most a subordinator
    before it in its clause (``opening_participle`` of ``rules/entities.yaml``);
    the entity must be the subject of a later event of the sentence, named after
    the participle's comma.
    """
    pattern = rules()["opening_participle"]
    tenses = group["tense"] if "tense" in group else pd.Series("none", index=group.index)
    found = set()
    for index, start, trigger, sentence, clause_start, clause, tense in zip(
        group.index,
        group["trigger_start"],
        group["trigger"],
        group["sentence"],
        group["start"],
        group["text"],
        tenses,
    ):
        if tense not in (Tense.NONE, "") or not str(trigger).lower().endswith("ing"):
            continue
        opening = text_of(int(clause_start), int(start))
        if opening is None or not re.fullmatch(pattern, opening):
            continue
        cut = str(clause).find(",", int(start) - int(clause_start))
        if cut < 0:
            continue
        if any(
            mention > int(clause_start) + cut
            and group.at[other, "sentence"] == sentence
            and other != index
            for other, mention in subjects.items()
        ):
            found.add(index)
    return found


def _rows(group: pd.DataFrame) -> list[tuple]:
    """(trigger_start, trigger_end, index, sentence, tense) of a group, in text order."""
    tenses = group["tense"] if "tense" in group else pd.Series("none", index=group.index)
    return sorted(
        zip(group["trigger_start"], group["trigger_end"], group.index, group["sentence"], tenses)
    )


def _trailing_participles(group: pd.DataFrame, verbs: set, text_of) -> set:
    """Untensed ``-ing`` triggers after a comma that closes the clause of a verb the entity is
    the subject of ("Doe took six months off, later revealing ...": Doe revealed); the nearest
    earlier tensed trigger of the sentence must be that verb (``trailing_participle``)."""
    pattern = rules()["trailing_participle"]
    rows = _rows(group)
    triggers = dict(zip(group.index, group["trigger"]))
    found = set()
    for k, (start, _, index, sentence, tense) in enumerate(rows):
        if tense not in (Tense.NONE, "") or not str(triggers[index]).lower().endswith("ing"):
            continue
        earlier = [r for r in rows[:k] if r[3] == sentence and r[4] not in (Tense.NONE, "")]
        if not earlier or earlier[-1][2] not in verbs:
            continue
        before = text_of(
            max(int(earlier[-1][1]), int(start) - settings.TRAILING_PARTICIPLE_CHARS),
            int(start),
            loose=True,
        )
        if before is not None and re.search(pattern, before):
            found.add(index)
    return found


def is_report(group: pd.DataFrame) -> list[bool]:
    kinds = group["kind"] if "kind" in group else pd.Series("", index=group.index)
    classes = group["event_class"] if "event_class" in group else pd.Series("", index=group.index)
    return [k == "statement" or c in _REPORT_CLASSES for k, c in zip(kinds, classes)]


def filter_entity(
    df: pd.DataFrame, entity: str, mode: str = "nearest", texts=None, kind: str | None = None
) -> pd.DataFrame:
    """The events an entity takes part in, as actor or participant.

    An event is kept when one of its ``actors`` is headed by a name of the
    entity ("rival Acme", not "versions of Acme"; for a reported event, only
    when the entity is also named in its own clause), or when a mention of the
    entity (a name, a short name, or a pronoun or definite noun phrase that
    refers back to it; see :mod:`timeline.coref`) is its subject or object:
    inside the event's clause span, and either the nearest trigger after the
    mention, at most an auxiliary and an adverb away ("Acme cut", "Acme has
    also cut", "Acme's recall"), or, for a name (not a pronoun or noun
    phrase), the nearest trigger before it with at most a determiner or
    preposition in between ("sued Acme", "praised by Acme"). The widths are
    ``window.subject_gap`` and ``object_gap`` of ``rules/entities.yaml``. A
    statement or a reporting, perception or I_STATE event takes only its
    speaker ("Acme said", "said Acme"), never what the report is about.
    Mentions are searched in the clause texts of each article, so coreference
    works within an article, never across articles.

    Args:
        df: a timeline frame (``schema.TIMELINE`` columns; at least
            ``article_id, sentence, start, end, text, trigger_start,
            trigger_end, actors``).
        entity: the target entity's name, e.g. "Acme Corp" or "Jane Doe".
        mode: "nearest" (the subject/object reading above) or "clause"
            (every event whose clause holds a mention; higher recall, lower
            precision).
        texts: mapping article_id -> article text: mentions are searched in its
            sentences, and the words between a mention and a trigger read from
            it, also outside the events' clause spans ("On Monday, Acme cut").
            None reads the clause spans only.
        kind: "org", "person" or "thing": what the entity is, when its name's
            shape would mislead (two capitalized words look like a person:
            ``kind="org"`` for "Dow Jones"). None guesses it.

    Returns:
        The matching rows, in the frame's order, with the frame's columns.

    Examples:
        >>> from timeline.schema import TIMELINE, conform
        >>> text = "Acme Corp cut jobs. The firm closed plants. Rain fell all day."
        >>> rows = [dict(event_id=f"a-e{i}", article_id="a", sentence=i, start=s, end=e, text=text[s:e],
        ...              trigger=w, trigger_start=text.index(w), trigger_end=text.index(w) + len(w), actors=[],
        ...              kind="action", modality="asserted", precision="unknown", basis="none", rule="none",
        ...              order=i, event_class="OCCURRENCE", tense="past", aspect="none", newsworthy=True)
        ...         for i, (s, e, w) in enumerate([(0, 19, "cut"), (20, 43, "closed"), (44, 62, "fell")])]
        >>> filter_entity(conform(rows, TIMELINE), "Acme Corp")["trigger"].tolist()
        ['cut', 'closed']
    """
    if mode not in ("nearest", "clause"):
        raise EntityError(f"filter_entity: mode must be 'nearest' or 'clause', got {mode!r}")
    spec = names(entity, kind)
    gaps = rules()["window"]
    possessives = set(rules()["possessive_pronouns"])
    auxiliaries = rules()["auxiliaries"]
    blocking = rules()["subject_gap_breaks"]
    keep: set = set()

    # product names extended in any article ("Widget Pro") are other products in all of them
    def text_of_article(article_id):
        return texts.get(article_id) if texts is not None else None

    longer = set().union(
        *[
            extensions(_article_spans(g, text_of_article(a)), entity, kind)
            for a, g in df.groupby("article_id", sort=False)
        ]
    )
    for article_id, group in df.groupby("article_id", sort=False):
        article_text = text_of_article(article_id)
        people = [
            str(a)
            for actors in group["actors"]
            if isinstance(actors, (list, tuple))
            for a in actors
        ]
        found = mentions(_article_spans(group, article_text), entity, longer, people, kind)
        tensed = (
            [t not in (Tense.NONE, "") for t in group["tense"]]
            if "tense" in group
            else [False] * len(group)
        )
        events = list(
            zip(
                group.index,
                group["start"],
                group["end"],
                group["trigger_start"],
                group["trigger_end"],
                is_report(group),
                tensed,
            )
        )
        sources = group["source"] if "source" in group else pd.Series(None, index=group.index)
        for index, actors, source, start, end in zip(
            group.index, group["actors"], sources, group["start"], group["end"]
        ):
            # a reported event ("Doe said that anyone who had bought it ...") keeps an actor that
            # is the entity only when the entity is named in its own clause, not just as the speaker
            if _actor_matches(actors, spec) and (
                pd.isna(source) or any(int(start) <= m[0] < int(end) for m in found)
            ):
                keep.add(index)
        covered = _coverage(group, article_text)
        subjects: dict = {}  # event index -> start of the mention that is its subject

        def text_of(start, end, loose=False):
            chars = [covered.get(i) for i in range(start, end)]
            if loose and chars.count(None) <= 2:  # a comma or space between two clause spans
                chars = [" " if c is None else c for c in chars]
            return None if None in chars else "".join(chars)

        for m_start, m_end, _, m_text in found:
            named = any(re.fullmatch(p, m_text) for p in spec.strong + spec.weak)
            follows = text_of(m_end, m_end + 3) or ""
            # "Jones' place", "Jones's health": a possessor is neither the object nor the speaker
            possessor = named and re.match(r"['’]s?\b|['’](?:\s|$)", follows) is not None
            # "his company sold": a possessive pronoun takes only the event noun right after it
            determiner = m_text.lower() in possessives
            # a trigger inside a mention ("the MusicBox [store]") is part of the name, not its event
            holders = [
                e for e in events if e[1] <= m_start < e[2] and not (m_start <= e[3] < m_end)
            ]
            # the mention as subject: the nearest trigger after it; as object: the nearest before it
            # a trigger right after the mention whose clause starts later ("Acme's [recall]")
            close = [
                e
                for e in events
                if 0 <= e[3] - m_end <= settings.POSSESSIVE_CHARS and e not in holders
            ]
            after = [e for e in holders + close if e[3] >= m_end]
            before = [e for e in holders if e[4] <= m_start]
            chosen = None
            if after:
                nearest = min(after, key=lambda e: (e[3] - m_end, e[3]))
                gap = text_of(m_end, nearest[3], loose=True)
                close_enough = (
                    nearest[3] - m_end <= gaps["subject_gap"]
                    and not (gap and re.search(blocking, gap))
                ) or (gap is not None and re.fullmatch(auxiliaries, gap) is not None)
                if close_enough and not (determiner and nearest[6]):
                    chosen = nearest
            if chosen is None and not determiner:
                chosen = _relative_trigger(text_of, m_end, [e for e in events if e[3] >= m_end])
            if chosen is not None:
                keep.add(chosen[0])
                subjects.setdefault(chosen[0], m_start)
            # objects by name only: a pronoun or "the company" after a verb is seldom the entity
            if before and mode == "nearest" and named and not possessor:
                event = min(before, key=lambda e: (m_start - e[4], -e[3]))
                gap = text_of(event[4], m_start)
                # a report's object is what was said; only "said X" names its speaker. Titles
                # before the name do not count ("said Acme CEO Jane Doe", "praised by Acme CEO Doe")
                if gap is not None:
                    bare = _TITLES.sub("", gap)
                    if (
                        len(bare) <= gaps["object_gap"]
                        and not _GAP_BREAK.search(bare)
                        and not (event[5] and bare.strip())
                    ):
                        keep.add(event[0])
            if mode == "clause":
                keep.update(e[0] for e in holders if not e[5] or m_start < e[3])
        shared = _coordinated(group, set(subjects), text_of)
        keep.update(shared)
        keep.update(_opening_participles(group, subjects, text_of))
        verbs = set(subjects) | shared
        keep.update(
            noun for noun, verb in light_verb_objects(group, text_of).items() if verb in verbs
        )
        keep.update(_trailing_participles(group, verbs, text_of))
    return df.loc[[i for i in df.index if i in keep]]
