"""Several articles: linking mentions of the same real event, and reporting conflicts.

After each article's rows exist, :func:`link` proposes links between mentions in
DIFFERENT articles that tell the same real event. The evidence, all required
(tables in ``rules/merge.yaml``): the same act (:func:`base_lemma`: "signed",
"signing" and "signature" are all ``sign``), a shared actor or content word of
the clauses, the same modality family, and bounds that overlap -- or, when both
mentions carry explicit dates that do not overlap, stronger shared evidence: then
the link is proposed and the conflict written in the ``warning`` of both rows.

A merge is a proposal: every row keeps its own bounds, ``same_as`` names the
group's representative (the mention with the tightest explicit date, ties by
article order then position) and ``merge_evidence`` says why.
:func:`merged_events` collapses a frame to one row per real event, leaving out
the links the user rejects.
"""
from __future__ import annotations

import functools
import re
from pathlib import Path

import lemminflect
import pandas as pd

from .errors import RuleError, TimelineError
from .lexicon import lexicon

RULES = Path(__file__).resolve().parent / "rules" / "merge.yaml"
_TABLES = ("derivations", "modality_families", "skip_kinds", "skip_triggers", "skip_classes", "skip_tense_aspect", "min_shared",
           "topic_share", "topic_min_articles", "conflict_min_shared", "conflict_max_gap_days", "stopwords")
_WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019-]+")
_QUOTED = re.compile(r'["\u201c][^"\u201d]*(?:["\u201d]|$)')   # quoted words: what was said, not the event


@functools.lru_cache(maxsize=None)
def rules() -> dict:
    """The tables of ``rules/merge.yaml`` (derivations as variant -> base).

    Examples:
        >>> rules()["variants"]["signature"]
        'sign'
    """
    from .rules import _read_yaml
    data = _read_yaml(RULES)
    for key in _TABLES:
        if key not in data:
            raise RuleError(f"{RULES.name}: missing table {key!r}")
    variants = {}
    for row in data["derivations"]:
        if not isinstance(row, dict) or not {"id", "base", "variants"} <= set(row):
            raise RuleError(f"{RULES.name}: derivations: each row needs id, base and variants, got {row!r}")
        for word in [row["base"], *row["variants"]]:
            if variants.setdefault(str(word).lower(), row["base"]) != row["base"]:
                raise RuleError(f"{RULES.name}: derivation {row['id']!r}: {word!r} already belongs to {variants[word]!r}")
    tables = dict(data, variants=variants)
    tables["stopwords"] = frozenset(str(w).lower() for w in data["stopwords"])
    return tables


@functools.lru_cache(maxsize=4096)
def base_lemma(word: str) -> str:
    """The act a lemma (or a word form) names: the derivation table, else its verb lemma.

    Examples:
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


def _stem(word: str) -> str:
    """A crude singular, so 'tariffs' meets 'tariff'."""
    return word[:-1] if len(word) > 4 and word.endswith("s") and not word.endswith("ss") else word


def _norm(word: str) -> str:
    return _stem(word.lower().rstrip("'\u2019").removesuffix("'s").removesuffix("\u2019s"))


def _tokens(text: str, stop: frozenset) -> set[str]:
    return {_norm(w) for w in _WORD.findall(text or "") if w.lower() not in stop}


def _runs(text: str, stop: frozenset) -> dict[str, int]:
    """Content words outside quotations, each with the index of its run: adjacent capitalised
    words are one name ('San Francisco'), so they count as one shared item."""
    words, run, capital = {}, 0, False
    for word in _WORD.findall(_QUOTED.sub(" ", text or "")):
        upper = word[:1].isupper()
        if not (upper and capital):
            run += 1
        capital = upper
        if word.lower() not in stop:
            words.setdefault(_norm(word), run)
    return words


def _mention(row: dict, index: int, position: int, stop: frozenset) -> dict:
    actors = {}
    for name in row["actors"]:
        words = frozenset(_tokens(name, stop))
        if words and any(w[:1].isupper() for w in name.split()):
            actors[name] = words
    drop = (set().union(*actors.values()) if actors else set()) | _tokens(row["trigger"], stop) \
        | _tokens(row.get("timex") or "", stop)
    runs = {w: k for w, k in _runs(row["text"], stop).items() if w not in drop and len(w) >= 3 and not w.isdigit()}
    return {"row": row, "article": index, "position": position, "actors": actors, "runs": runs,
            "words": set(runs), "rare": set(runs),
            "explicit": row["basis"] == "explicit" and row.get("timex") is not None}


def _overlap(a: dict, b: dict) -> bool:
    (ea, la), (eb, lb) = (a["earliest"], a["latest"]), (b["earliest"], b["latest"])
    return (pd.isna(ea) or pd.isna(lb) or ea <= lb) and (pd.isna(eb) or pd.isna(la) or eb <= la)


def _span(row: dict) -> str:
    first, last = row["earliest"], row["latest"]
    if pd.isna(first) and pd.isna(last):
        return "undated"
    if not pd.isna(first) and not pd.isna(last) and first == last:
        return first.date().isoformat()
    return f"{'...' if pd.isna(first) else first.date().isoformat()}..{'' if pd.isna(last) else last.date().isoformat()}"


def _shared_actors(a: dict, b: dict) -> list[str]:
    """Actors named in both ('Trump' and 'Donald Trump': one's words within the other's), the longer name."""
    shared = set()
    for name_a, words_a in a["actors"].items():
        for name_b, words_b in b["actors"].items():
            if words_a <= words_b or words_b <= words_a:
                shared.add(max(name_a, name_b, key=lambda n: (len(n), n)))
    return sorted(shared)


def _gap_days(ra: dict, rb: dict) -> int:
    """Days between two non-overlapping bounded intervals."""
    first, second = (ra, rb) if ra["latest"] < rb["earliest"] else (rb, ra)
    return (second["earliest"] - first["latest"]).days


def _compare(a: dict, b: dict, lemma: str, table: dict) -> tuple | None:
    """(shared count, conflict, evidence) when a and b may be one event (rules/merge.yaml), else None."""
    actors = _shared_actors(a, b)
    dated = a["explicit"] and b["explicit"]
    same_day = dated and a["row"]["earliest"] == b["row"]["earliest"] and a["row"]["latest"] == b["row"]["latest"]
    words = sorted(a["words" if same_day else "rare"] & b["words" if same_day else "rare"])
    shared = len(actors) + len({a["runs"][w] for w in words})
    ra, rb = a["row"], b["row"]
    conflict = not _overlap(ra, rb)
    if conflict:
        if not (dated and actors and shared >= table["conflict_min_shared"]
                and _gap_days(ra, rb) <= table["conflict_max_gap_days"]):
            return None
    elif shared < (1 if dated else table["min_shared"]):
        return None
    parts = [f"same lemma '{lemma}'"]
    if actors:
        parts.append(f"shared actor{'s' if len(actors) > 1 else ''} {', '.join(actors)}")
    if words:
        parts.append(f"shared word{'s' if len(words) > 1 else ''} {', '.join(words)}")
    sa, sb = _span(ra), _span(rb)
    if conflict:
        parts.append(f"dates conflict {sa} vs {sb}")
    elif sa == sb and sa != "undated":
        parts.append(f"dates agree {sa}")
    else:
        parts.append(f"bounds overlap ({sa} / {sb})")
    return shared, conflict, ", ".join(parts)


def _candidates(per_article: list[list[dict]], table: dict) -> dict[str, list[dict]]:
    """Linkable mentions bucketed by base lemma, in article order then position; topic words removed."""
    stop, families = table["stopwords"], table["modality_families"]
    generic = lexicon().words["generic"]
    skip_tense = {tuple(pair) for pair in table["skip_tense_aspect"]}
    buckets: dict[str, list[dict]] = {}
    for index, rows in enumerate(per_article):
        for position, row in enumerate(sorted(rows, key=lambda r: r["trigger_start"])):
            if ((row.get("lemma") or row["trigger"]).lower() in generic or row["kind"] in table["skip_kinds"]
                    or row["trigger"].lower() in table["skip_triggers"]
                    or row["event_class"] in table["skip_classes"] or families.get(row["modality"]) is None
                    or (row["tense"], row["aspect"]) in skip_tense):
                continue
            lemma = base_lemma(row.get("lemma") or row["trigger"])
            buckets.setdefault(lemma, []).append(_mention(row, index, position, stop))
    # topic words: in more than topic_share of the articles (and more than topic_min_articles) they are no evidence
    # unless both mentions carry the same explicit dates
    seen: dict[str, set] = {}
    for index, rows in enumerate(per_article):
        for row in rows:
            for word in _tokens(row["text"], stop):
                seen.setdefault(word, set()).add(index)
    limit = max(table["topic_min_articles"], table["topic_share"] * len(per_article))
    topic = {word for word, articles in seen.items() if len(articles) > limit}
    for mentions in buckets.values():
        for m in mentions:
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
    for lemma in sorted(buckets):
        mentions = buckets[lemma]
        for i, a in enumerate(mentions):
            for b in mentions[i + 1:]:
                if b["article"] == a["article"] or families[b["row"]["modality"]] != families[a["row"]["modality"]]:
                    continue
                found = _compare(a, b, lemma, table)
                if found:
                    shared, conflict, reason = found
                    pairs.append(((-shared, conflict, a["article"], a["position"], b["article"], b["position"]), a, b))
                    evidence[id(a), id(b)] = evidence[id(b), id(a)] = reason
    group: dict[int, list[dict]] = {}   # id(mention) -> its group (one list object per group)
    for _, a, b in sorted(pairs, key=lambda p: p[0]):
        ga, gb = group.get(id(a), [a]), group.get(id(b), [b])
        if ga is gb or {m["article"] for m in ga} & {m["article"] for m in gb}:
            continue
        if any((id(m), id(n)) not in evidence for m in ga for n in gb):
            continue
        merged = ga + gb
        for m in merged:
            group[id(m)] = merged
    done = set()
    for members in group.values():
        if id(members) not in done:
            done.add(id(members))
            _mark(members, evidence)


def _tightness(m: dict) -> tuple:
    row = m["row"]
    width = (row["latest"] - row["earliest"]).days if not (pd.isna(row["earliest"]) or pd.isna(row["latest"])) else 10**9
    return (not m["explicit"], width, m["article"], m["position"])


def _mark(members: list[dict], evidence: dict) -> None:
    members = sorted(members, key=_tightness)
    head = members[0]["row"]
    head["merge_evidence"] = f"representative of {len(members)} mentions: {', '.join(m['row']['event_id'] for m in members)}"
    for m in members[1:]:
        m["row"]["same_as"], m["row"]["merge_evidence"] = head["event_id"], evidence[id(members[0]), id(m)]
    for i, a in enumerate(members):
        for b in members[i + 1:]:
            ra, rb = a["row"], b["row"]
            if a["explicit"] and b["explicit"] and not _overlap(ra, rb):
                note = (f"articles disagree on the date: {ra['article_id']} says {_span(ra)} ('{ra['timex']}', "
                        f"{ra['event_id']}), {rb['article_id']} says {_span(rb)} ('{rb['timex']}', {rb['event_id']})")
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
    known = set(ids)
    # a representative filtered out of the frame: its mentions stand alone
    head = {i: (s if isinstance(s, str) and s in known else i) for i, s in zip(ids, df["same_as"].tolist())}
    for pair in reject:
        if len(pair) != 2 or not all(p in known for p in pair):
            raise TimelineError(f"merged_events: reject: {pair!r} is not a pair of event ids of this frame")
        first, second = pair
        if head[first] != head[second]:
            continue
        leaving = first if second == head[second] else second
        head[leaving] = leaving
    members: dict[str, list[int]] = {}
    for k, i in enumerate(ids):
        members.setdefault(head[i], []).append(k)
    rows = []
    for k, i in enumerate(ids):
        if head[i] != i:
            continue
        group = sorted(members[i], key=lambda j: (j != k, j))
        row = df.iloc[k].to_dict()
        earliest = df["earliest"].iloc[group].max()
        latest = df["latest"].iloc[group].min()
        if pd.isna(earliest) or pd.isna(latest) or earliest <= latest:
            row["earliest"], row["latest"] = earliest, latest
        row["mentions"] = [ids[j] for j in group]
        row["articles"] = list(dict.fromkeys(df["article_id"].iloc[j] for j in group))
        rows.append(row)
    out = pd.DataFrame(rows, columns=[*df.columns, "mentions", "articles"])
    return out.astype({c: df[c].dtype for c in df.columns}).reset_index(drop=True)
