"""One compiled scanner for all temporal rules, dispatched by the first word.

Every rule becomes a named alternative ``(?P<rN>...)`` of one regular
expression, in priority order (the first alternative that matches at a
position wins). Trying ~60 alternatives at every word of a text is slow, so
the scanner first finds, with one small trie-shaped regex, the positions where
some rule can start (a "lead" word such as ``the``, ``last``, ``Feb``, a digit),
and there runs the alternation of only those rules that can start with that
word. Which rules can start with which word is computed from the rules
themselves (partial matching with the ``regex`` package), never listed by hand.
A lead word that many rules share ("the", "a") is narrowed once more by the
text that follows it ("the pas"): the rules that cannot match any text
beginning so are left out, again found by partial matching, once per such
beginning and process.
"""

from __future__ import annotations

import functools
import itertools
import re

import regex

from timeline import settings
from timeline.errors import RuleError

from .rulebook import Rule, fragments_and_tables, load_rules, uniquify

_START = r"(?<![\w@#])"
_END = r"(?![\w@]|-\d)"
_SEPARATORS = (" ", "-", ".", ",", "'", ":", "/", ";", ")", "1", "2")
_DIGIT, _QUOTE = "#", "'"


def trie(words) -> str:
    """A regex matching exactly the given words, shaped as a trie (fast in ``re``).

    Examples:
        >>> trie(["may", "march", "mar"])
        'ma(?:r(?:ch)?|y)'
    """
    root: dict = {}
    for word in sorted(set(words)):
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node) -> str:
        alts = [re.escape(c) + emit(node[c]) for c in sorted(node) if c]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if "" in node:
            body = f"(?:{body})?" if len(alts) > 1 or len(alts[0]) > 1 else f"{body}?"
        return body

    return emit(root)


def _leads(rule_pattern: str, vocabulary) -> set[str]:
    """The lead keys (lower-case words, '#' for a digit, "'" for '90) a rule can start with."""
    compiled = regex.compile(rule_pattern, regex.IGNORECASE | regex.V0)
    keys = set()
    if any(compiled.match(probe, partial=True) for probe in ("0", "1", "2", "3", "9")):
        keys.add(_DIGIT)
    if any(compiled.match(probe, partial=True) for probe in ("'0", "'9")):
        keys.add(_QUOTE)
    for word in sorted(vocabulary):
        # a word that cannot even begin a match cannot begin one when followed by anything
        forms = [
            form
            for form in {word, word.capitalize(), word.upper()}
            if compiled.match(form, partial=True)
        ]
        if any(compiled.match(form + sep, partial=True) for form in forms for sep in _SEPARATORS):
            keys.add(word)
    return keys


class Scanner:
    """All rules compiled into one alternation, with a lead-word dispatch for speed."""

    def __init__(self, rules: tuple[Rule, ...]):
        self.rules = list(rules)
        parts, self.groups = [], []
        for index, rule in enumerate(self.rules):
            body, pairs = uniquify(rule.pattern, f"g{index}_")
            parts.append(f"(?P<r{index}>{body})")
            self.groups.append(pairs)
        self.parts = parts
        #: the whole alternation; the dispatch below gives the same matches, faster.
        self.pattern = re.compile(_START + "(?:" + "|".join(parts) + ")" + _END, re.IGNORECASE)
        self.index = {f"r{i}": i for i in range(len(parts))}
        _, tables = fragments_and_tables()
        vocabulary = set()
        for rule in self.rules:
            vocabulary |= {w.lower() for w in re.findall(r"[A-Za-z]+", rule.pattern)}
        for table in tables.values():
            vocabulary |= {w for key in table for w in re.findall(r"[a-z]+", key)}
        vocabulary |= {w + "s" for w in vocabulary}
        by_key: dict[str, list[int]] = {}
        for index, rule in enumerate(self.rules):
            keys = _leads(rule.pattern, vocabulary)
            if not keys:
                raise RuleError(
                    f"{rule.source}: rule {rule.id}: no word or digit can start it (a pattern must not "
                    "begin with a look-behind; match the context and mark the expression as group 'core')"
                )
            for key in keys:
                by_key.setdefault(key, []).append(index)
        self._by_key = {key: tuple(sorted(ids)) for key, ids in by_key.items()}
        words = [k for k in self._by_key if k not in (_DIGIT, _QUOTE)]
        # group 2, for narrowing: a space and the next word's first three letters ("the pas"), or a
        # shorter word and the character after it ("the 1st", "the end,"): few distinct beginnings
        lead = (
            "(?=("
            + trie(words)
            + r")(?![a-z])( [a-z]{1,3}(?:(?![a-z])[\s\S]?)?)?|([0-9])|('[0-9]))"
        )
        self.trigger = re.compile(_START + lead, re.IGNORECASE)
        # the same positions after the first, found faster: a pattern that starts by consuming the
        # character before the lead (the negation of _START's look-behind) lets ``re`` skip to
        # the characters that can precede a lead instead of trying every position of every word
        self._after_first = re.compile(r"[^\w@#]" + lead, re.IGNORECASE)
        self._narrow = {
            key for key, ids in self._by_key.items() if len(ids) >= settings.SCANNER_NARROW_FROM
        }
        self._probes: dict[int, object] = {}
        self._narrowed: dict[str, object] = {}

    @functools.cache
    def _compiled(self, ids: tuple[int, ...]):
        return re.compile(
            _START + "(?:" + "|".join(self.parts[i] for i in ids) + ")" + _END, re.IGNORECASE
        )

    def matcher(self, key: str):
        ids = self._by_key.get(key)
        return self._compiled(ids) if ids else None

    def narrowed(self, key: str, beginning: str):
        """Matchers, in priority order, of the rules of lead ``key`` that can match a text starting with ``beginning``.

        A rule is left out only when no text beginning so can match it (partial
        matching); the first of these matchers that matches finds what the lead's
        matcher finds.

        Examples:
            >>> scan = scanner()
            >>> [m.match("the coming days").group() for m in scan.narrowed("the", "the com")
            ...  if m.match("the coming days")][:1]
            ['the coming days']
            >>> scan.narrowed("the", "the gov")
            ()
        """
        matchers = self._narrowed.get(beginning)
        if matchers is None:
            if len(self._narrowed) >= settings.SCANNER_NARROWED_MAX:
                self._narrowed.clear()
            ids = [i for i in self._by_key[key] if self._probe(i).match(beginning, partial=True)]
            # one matcher per rule, tried in priority order: as the alternation does, the first rule
            # that matches wins; few rules remain, and each rule is compiled once, not each subset
            matchers = self._narrowed[beginning] = tuple(self._compiled((i,)) for i in ids)
        return matchers

    def _probe(self, index: int):
        probe = self._probes.get(index)
        if probe is None:
            probe = self._probes[index] = regex.compile(
                self.rules[index].pattern, regex.IGNORECASE | regex.V0
            )
        return probe

    def scan(self, text: str):
        """Yield (rule, groups, match) for each leftmost-first, non-overlapping match."""
        last_end = 0
        matchers = {}
        narrow, narrowed = self._narrow, self._narrowed
        first = self.trigger.match(text)
        for trigger in itertools.chain((first,) if first else (), self._after_first.finditer(text)):
            start = trigger.end()  # the lead starts where the match ends (it is a look-ahead)
            if start < last_end:
                continue
            word, after, digit, quote = trigger.groups()
            key = word.lower() if word else (_DIGIT if digit else _QUOTE)
            if after and key in narrow:
                beginning = word + after
                candidates = narrowed.get(beginning)
                if candidates is None:
                    candidates = self.narrowed(key, beginning)
                for matcher in candidates:
                    match = matcher.match(text, start)
                    if match is not None:
                        break
                else:
                    continue
                last_end = match.end()
                rule, groups = self.rule_of(match)
                yield rule, groups, match
                continue
            matcher = matchers.get(key)
            if matcher is None:
                matcher = matchers[key] = self.matcher(key) or False
            if not matcher:
                continue
            match = matcher.match(text, start)
            if match is None:
                continue
            last_end = match.end()
            rule, groups = self.rule_of(match)
            yield rule, groups, match

    def rule_of(self, match):
        i = self.index[match.lastgroup]
        groups = {}
        for name, global_name in self.groups[i]:
            value = match.group(global_name)
            if value is not None and name not in groups:
                groups[name] = value
        return self.rules[i], groups


@functools.cache
def scanner() -> Scanner:
    """The scanner of all rules of ``timeline/rules`` (built once per process).

    Examples:
        >>> [(rule.id, m.group()) for rule, _, m in scanner().scan("Talks ended on Feb. 3, 2025.")]
        [('date_mdy', 'Feb. 3, 2025')]
    """
    return Scanner(load_rules())
