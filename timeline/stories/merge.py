"""Several articles: linking mentions of the same real event, and reporting conflicts.

After each article's rows exist, :func:`link` proposes links between mentions in DIFFERENT
articles that tell the same real event: the same act (:func:`base_lemma`: "signed", "signing",
"signature" are ``sign``), shared actors or clause words, the same modality family, bounds that
overlap -- or explicit dates a few days apart with stronger evidence: then the conflict goes
into both rows' ``warning``. The tests and their thresholds are data: ``rules/merge.yaml``.

A merge is a proposal: every row keeps its own bounds, ``same_as`` names the group's
representative (the tightest explicit date, ties by article order then position),
``merge_evidence`` says why; :func:`merged_events` collapses a frame to one row per real
event, leaving out the links the user rejects.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import lemminflect
import pandas as pd

from timeline.errors import RuleError, TimelineError
from timeline.events.lexicon import lexicon
from timeline.rules.loader import read

RULES = Path(__file__).resolve().parent / "rules" / "merge.yaml"
_TABLES = (
    "derivations",
    "modality_families",
    "skip_kinds",
    "skip_triggers",
    "skip_classes",
    "skip_tense_aspect",
    "min_shared",
    "topic_share",
    "topic_min_articles",
    "conflict_min_shared",
    "conflict_max_gap_days",
    "stopwords",
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019-]+")
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'\u2019-]+|\d+")
_QUOTED = re.compile(
    r'["\u201c][^"\u201d]*(?:["\u201d]|$)'
)  # quoted words: what was said, not the event


@functools.cache
def rules() -> dict:
    """The tables of ``rules/merge.yaml`` (derivations as variant -> base). Examples:
    >>> rules()["variants"]["signature"]
    'sign'
    """
    data = read(RULES)
    for key in _TABLES:
        if key not in data:
            raise RuleError(f"{RULES.name}: missing table {key!r}")
    variants = {}
    for row in data["derivations"]:
        if not isinstance(row, dict) or not {"id", "base", "variants"} <= set(row):
            raise RuleError(
                f"{RULES.name}: derivations: each row needs id, base and variants, got {row!r}"
            )
        for word in [row["base"], *row["variants"]]:
            if variants.setdefault(str(word).lower(), row["base"]) != row["base"]:
                raise RuleError(
                    f"{RULES.name}: derivation {row['id']!r}: {word!r} already belongs to {variants[word]!r}"
                )
    return dict(
        data, variants=variants, stopwords=frozenset(str(w).lower() for w in data["stopwords"])
    )


@functools.lru_cache(maxsize=4096)
def base_lemma(word: str) -> str:
    """The act a lemma (or a word form) names: the derivation table, else its verb lemma. Examples:
    >>> [base_lemma(w) for w in ("signed", "signing", "signature", "met", "meeting", "design")]
    ['sign', 'sign', 'sign', 'meet', 'meet', 'design']
    """
    lower = word.lower()
    variants = rules()["variants"]
    if lower in variants:
        return variants[lower]
    verb = lemminflect.getAllLemmas(lower).get("VERB")
    if verb and verb[0] != lower and verb[0] in variants:
        return variants[verb[0]]
    return verb[0] if verb else lower


def _norm(word: str) -> str:
    """Lower case, no possessive, a crude singular ('tariffs' meets 'tariff')."""
    word = word.lower().rstrip("'\u2019").removesuffix("'s").removesuffix("\u2019s")
    return word[:-1] if len(word) > 4 and word.endswith("s") and not word.endswith("ss") else word


def _tokens(text: str, stop: frozenset) -> set[str]:
    return {_norm(w) for w in _WORD.findall(text or "") if w.lower() not in stop}


def _runs(text: str, stop: frozenset) -> dict[str, int]:
    """Content words outside quotations, each with the index of its run: adjacent capitalised
    words (and a number after them) are one name, 'San Francisco', 'iPhone 4': they count as one
    shared item, and the whole name is an item too (a rarer one than its words)."""
    words, run, capital, names, last = {}, 0, False, {}, 0
    text = _QUOTED.sub(" ", text or "")
    for match in _TOKEN.finditer(text):
        word = match.group()
        upper = (
            word[:1].isupper() or word[1:2].isupper()
        ) and word.lower() not in stop  # 'iPhone', not 'In'
        number = word.isdigit()
        if (
            not ((upper or number) and capital) or text[last : match.start()].strip()
        ):  # punctuation ends a name
            run += 1
        capital, last = upper or (number and capital), match.end()
        if capital:
            names.setdefault(run, []).append(word.lower())
        if not number and word.lower() not in stop:
            words.setdefault(_norm(word), run)
    for k, parts in names.items():
        if len(parts) > 1:
            words.setdefault(" ".join(parts), k)
    return words


def _mention(row: dict, index: int, position: int, stop: frozenset) -> dict:
    actors = {
        name: frozenset(_tokens(name, stop))
        for name in row["actors"]  # a name: capitalised, not 'The'
        if _tokens(name, stop) and any(w[:1].isupper() for w in name.split())
    }
    drop = _tokens(row["trigger"], stop) | _tokens(row.get("timex") or "", stop)
    runs = {
        w: k
        for w, k in _runs(row["text"], stop).items()
        if len(w) >= 3 and not drop & set(w.split())
    }
    return {
        "row": row,
        "article": index,
        "position": position,
        "actors": actors,
        "runs": runs,
        "words": set(runs),
        "rare": set(runs),
        "explicit": row["basis"] == "explicit" and row.get("timex") is not None,
    }


def _overlap(a: dict, b: dict) -> bool:
    (ea, la), (eb, lb) = (a["earliest"], a["latest"]), (b["earliest"], b["latest"])
    return (pd.isna(ea) or pd.isna(lb) or ea <= lb) and (pd.isna(eb) or pd.isna(la) or eb <= la)


def _span(row: dict) -> str:
    first, last = (
        "" if pd.isna(d) else d.date().isoformat() for d in (row["earliest"], row["latest"])
    )
    return (
        first
        if first == last and first
        else f"{first or '...'}..{last}"
        if first or last
        else "undated"
    )


def _shared_actors(a: dict, b: dict) -> tuple[list[str], set[str]]:
    """Actors of both ('Trump' and 'Donald Trump': one's words within the other's), by the longer
    name, and all their words."""
    shared, words = set(), set()
    for name_a, words_a in a["actors"].items():
        for name_b, words_b in b["actors"].items():
            if words_a <= words_b or words_b <= words_a:
                shared.add(max(name_a, name_b, key=lambda n: (len(n), n)))
                words |= words_a | words_b
    return sorted(shared), words


def _compare(a: dict, b: dict, lemma: str, table: dict) -> tuple | None:
    """(shared count, conflict, evidence) when a and b may be one event (rules/merge.yaml), else None."""
    actors, actor_words = _shared_actors(a, b)
    dated = a["explicit"] and b["explicit"]
    same_day = (
        dated
        and a["row"]["earliest"] == b["row"]["earliest"]
        and a["row"]["latest"] == b["row"]["latest"]
    )
    # a word of a shared actor is that actor, not a second item
    words = sorted(
        w
        for w in a["words" if same_day else "rare"] & b["words" if same_day else "rare"]
        if not actor_words & {_norm(part) for part in w.split()}
    )
    shared = len(actors) + len({a["runs"][w] for w in words})
    ra, rb = a["row"], b["row"]
    conflict = not _overlap(ra, rb)
    if (
        not (
            dated
            and actors
            and shared >= table["conflict_min_shared"]
            and max(ra["earliest"] - rb["latest"], rb["earliest"] - ra["latest"]).days
            <= table["conflict_max_gap_days"]
        )
        if conflict
        else shared < (1 if dated else table["min_shared"])
    ):
        return None
    parts = [f"same lemma '{lemma}'"] + [
        f"shared {name}{'s' * (len(items) > 1)} {', '.join(items)}"
        for name, items in (("actor", actors), ("word", words))
        if items
    ]
    sa, sb = _span(ra), _span(rb)
    parts.append(
        f"dates conflict {sa} vs {sb}"
        if conflict
        else f"dates agree {sa}"
        if sa == sb != "undated"
        else f"bounds overlap ({sa} / {sb})"
    )
    return shared, conflict, ", ".join(parts)


def _candidates(per_article: list[list[dict]], table: dict) -> dict[str, list[dict]]:
    """Linkable mentions bucketed by base lemma, in article order then position; topic words removed."""
    stop, families = table["stopwords"], table["modality_families"]
    generic = lexicon().words["generic"]
    skip_tense = {tuple(pair) for pair in table["skip_tense_aspect"]}
    buckets: dict[str, list[dict]] = {}
    for index, rows in enumerate(per_article):
        for position, row in enumerate(sorted(rows, key=lambda r: r["trigger_start"])):
            if (
                (row.get("lemma") or row["trigger"]).lower() in generic
                or row["kind"] in table["skip_kinds"]
                or row["trigger"].lower() in table["skip_triggers"]
                or row["event_class"] in table["skip_classes"]
                or families.get(row["modality"]) is None
                or (row["tense"], row["aspect"]) in skip_tense
            ):
                continue
            lemma = base_lemma(row.get("lemma") or row["trigger"])
            buckets.setdefault(lemma, []).append(_mention(row, index, position, stop))
    # topic words: in more than topic_share of the articles (and more than topic_min_articles) they are no evidence
    # unless both mentions carry the same explicit dates
    seen: dict[str, set] = {}
    for index, rows in enumerate(per_article):
        for word in (w for row in rows for w in _runs(row["text"], stop)):
            seen.setdefault(word, set()).add(index)
    limit = max(table["topic_min_articles"], table["topic_share"] * len(per_article))
    topic = {word for word, articles in seen.items() if len(articles) > limit}
    for m in (m for mentions in buckets.values() for m in mentions):
        m["rare"] -= topic
    return buckets


def link(per_article: list[list[dict]]) -> None:
    """Propose links between mentions of the same event in different articles, in place.

    Sets ``same_as`` and ``merge_evidence`` on linked rows and appends date conflicts
    to their ``warning``. A group holds at most one mention per article, and every
    two of its mentions pass the tests on their own (no chains).

    Examples:
        >>> row = dict(trigger="signed", lemma="sign", kind="action", event_class="OCCURRENCE", modality="asserted",
        ...            tense="past", aspect="none", basis="explicit", timex="1 February", trigger_start=0,
        ...            earliest=pd.Timestamp("2025-02-01"), latest=pd.Timestamp("2025-02-01"), warning=None)
        >>> a = [dict(row, event_id="a-t0", article_id="a", actors=["Trump"], text="Trump signed a memorandum")]
        >>> b = [dict(row, event_id="b-t0", article_id="b", actors=["Donald Trump"], text="the memorandum Trump signed")]
        >>> link([a, b]); b[0]["same_as"], b[0]["merge_evidence"]
        ('a-t0', "same lemma 'sign', shared actor Donald Trump, shared word memorandum, dates agree 2025-02-01")
    """
    if len(per_article) < 2:
        return
    table = rules()
    families = table["modality_families"]
    pairs, evidence = [], {}
    buckets = _candidates(per_article, table)
    for lemma, mentions in sorted(buckets.items()):
        for a, b in ((a, b) for i, a in enumerate(mentions) for b in mentions[i + 1 :]):
            if (
                b["article"] == a["article"]
                or families[b["row"]["modality"]] != families[a["row"]["modality"]]
            ):
                continue
            found = _compare(a, b, lemma, table)
            if found:
                shared, conflict, reason = found
                pairs.append(
                    (
                        (
                            -shared,
                            conflict,
                            a["article"],
                            a["position"],
                            b["article"],
                            b["position"],
                        ),
                        a,
                        b,
                    )
                )
                evidence[id(a), id(b)] = evidence[id(b), id(a)] = reason
    group: dict[int, list[dict]] = {}  # id(mention) -> its group (one list object per group)
    for _, a, b in sorted(pairs, key=lambda p: p[0]):
        ga, gb = group.get(id(a), [a]), group.get(id(b), [b])
        if (
            ga is gb
            or {m["article"] for m in ga} & {m["article"] for m in gb}
            or any((id(m), id(n)) not in evidence for m in ga for n in gb)
        ):  # every pair must pass
            continue
        for m in (merged := ga + gb):
            group[id(m)] = merged
    for members in {
        id(g): g for g in group.values()
    }.values():  # each group once, in insertion order
        _mark(members, evidence)


def _tightness(m: dict) -> tuple:
    """The representative first: an explicit date, the narrowest, then article order and position."""
    first, last = m["row"]["earliest"], m["row"]["latest"]
    return (
        not m["explicit"],
        10**9 if pd.isna(first) or pd.isna(last) else (last - first).days,
        m["article"],
        m["position"],
    )


def _mark(members: list[dict], evidence: dict) -> None:
    members = sorted(members, key=_tightness)
    head = members[0]["row"]
    head["merge_evidence"] = (
        f"representative of {len(members)} mentions: {', '.join(m['row']['event_id'] for m in members)}"
    )
    for m in members[1:]:
        m["row"]["same_as"], m["row"]["merge_evidence"] = (
            head["event_id"],
            evidence[id(members[0]), id(m)],
        )
    for a, b in ((a, b) for i, a in enumerate(members) for b in members[i + 1 :]):
        ra, rb = a["row"], b["row"]
        if a["explicit"] and b["explicit"] and not _overlap(ra, rb):
            note = (
                f"articles disagree on the date: {ra['article_id']} says {_span(ra)} ('{ra['timex']}', "
                f"{ra['event_id']}), {rb['article_id']} says {_span(rb)} ('{rb['timex']}', {rb['event_id']})"
            )
            for row in (ra, rb):
                row["warning"] = "; ".join(filter(None, [row.get("warning"), note]))


def merged_events(df: pd.DataFrame, reject=()) -> pd.DataFrame:
    """One row per real event: each group of linked mentions collapsed into its representative.

    Args:
        df: a timeline frame from :func:`~timeline.build_timeline` (``same_as`` filled).
        reject: (event_id, event_id) pairs the user rejects as one event. The mention of
            the pair that is not the representative leaves the group and stands alone
            (the second one, when neither is).

    Returns:
        The representative rows in timeline order, with the intersection of the group's
        bounds where they agree (the representative's own bounds where they conflict), and
        two more columns: ``mentions`` (event ids, representative first) and ``articles``.

    Examples:
        >>> import timeline
        >>> a = timeline.Article("On 1 February, Donald Trump signed a memorandum on steel tariffs.", id="a", published="2025-02-05")
        >>> b = timeline.Article("Trump signed the memorandum on steel tariffs on 1 February.", id="b", published="2025-02-06")
        >>> df = timeline.build_timeline([a, b])
        >>> merged_events(df).set_index("trigger").loc["signed", "mentions"]
        ['a-t0028', 'b-t0006']
        >>> len(merged_events(df)), len(merged_events(df, reject=[("a-t0028", "b-t0006")])), len(df)
        (3, 4, 4)
    """
    ids = df["event_id"].tolist()
    known = set(ids)  # noqa: E702
    # a representative filtered out of the frame: its mentions stand alone
    head = {
        i: (s if isinstance(s, str) and s in known else i)
        for i, s in zip(ids, df["same_as"].tolist())
    }
    for pair in reject:
        if len(pair) != 2 or not all(p in known for p in pair):
            raise TimelineError(
                f"merged_events: reject: {pair!r} is not a pair of event ids of this frame"
            )
        first, second = pair
        if head[first] == head[second]:
            leaving = first if second == head[second] else second
            head[leaving] = leaving
    members: dict[str, list[int]] = {}
    for k, i in enumerate(ids):
        members.setdefault(head[i], []).append(k)
    rows = []
    for k in (k for k, i in enumerate(ids) if head[i] == i):
        group = sorted(members[ids[k]], key=lambda j: (j != k, j))
        row = df.iloc[k].to_dict()
        earliest, latest = df["earliest"].iloc[group].max(), df["latest"].iloc[group].min()
        if pd.isna(earliest) or pd.isna(latest) or earliest <= latest:
            row["earliest"], row["latest"] = earliest, latest
        row["mentions"] = [ids[j] for j in group]
        row["articles"] = list(dict.fromkeys(df["article_id"].iloc[j] for j in group))
        rows.append(row)
    out = pd.DataFrame(rows, columns=[*df.columns, "mentions", "articles"])
    return out.astype({c: df[c].dtype for c in df.columns}).reset_index(drop=True)
