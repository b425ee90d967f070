"""Every character window, slack, reach and block size of the pipeline, in one place.

These are tuning and cost bounds, not lexical decisions (which word, which pattern: those
live in each stage's ``rules/*.yaml``). Modules read them as ``settings.NAME`` at call
time, so a test can change one with ``monkeypatch.setattr(settings, "NAME", ...)``.
A ``*_CHARS`` window is how far from a position (in characters of the article text) a
pattern is looked for; ``*_TOKENS`` counts tokens of a sentence; ``*_DAYS`` counts days.

Examples:
    >>> from timeline import settings
    >>> settings.BLOCK_EVENTS, settings.MAX_SPAN_TOKENS
    (240, 120)
"""

from __future__ import annotations

# --- io ----------------------------------------------------------------------------------

#: Longest article accepted: news articles are a few thousand characters; a much larger
#: input is a dump or a concatenation and would give a meaningless single-article timeline.
MAX_ARTICLE_CHARS = 1_000_000
#: How much of an article's start is searched for HTML tags: markup shows in the head.
HTML_SNIFF_CHARS = 20_000

# --- temporal ----------------------------------------------------------------------------

#: A date without a year goes in the year nearest the reference date unless a past-tense
#: clause puts it more than this many days ahead: past clauses still name near deadlines
#: ("extended the deadline to Nov. 20").
PAST_SLACK_DAYS = 92
#: The same slack for a month without a day ("in March"): a month is a coarser bet.
MONTH_PAST_SLACK_DAYS = 62
#: A future-tense clause may still name a day of the past month ("would speak of the Aug. 7
#: blasts" written on Aug. 18): only a date more than a month back moves a year ahead.
FUTURE_SLACK_DAYS = 31
#: Up to this many (row, column) pairs a constraint network's update runs in plain Python
#: (the same sums, so the same bounds): most constraints tie points that reach few others
#: (median one pair), where numpy's per-call cost is most of the time.
NETWORK_FEW_PAIRS = 32
#: Lead words shared by at least this many scanner rules are narrowed by the next word.
SCANNER_NARROW_FROM = 3
#: At most this many narrowed beginnings are remembered (then forgotten all at once): a
#: memory bound on hostile input.
SCANNER_NARROWED_MAX = 50_000
#: How far back an anaphor ("that day", "the quarter") finds its antecedent when its rule
#: sets no ``window`` of its own: about a paragraph.
ANAPHOR_WINDOW_CHARS = 400
#: Look-behind for "ended" before a period's antecedent ("the quarter ended June 30").
PERIOD_END_CHARS = 30
#: Look-behind for "ended" right before an expression: one or two words.
ENDED_CHARS = 12
#: How far either side of an expression its sentence's tense cue is looked for.
TENSE_CUE_CHARS = 250
#: Look-behind for a name before "Today" ("KZQ Today" is a programme, not a date).
NAMED_TODAY_CHARS = 12
#: Look-behind for the context that makes a capitalized unit a title ('on "60 Minutes"').
TITLE_CONTEXT_CHARS = 20
#: Look-ahead for a day named just after a clock time ("9:50 a.m. (0650 GMT) Friday").
WEEKDAY_AFTER_CHARS = 40

# --- events ------------------------------------------------------------------------------

#: Most words between a done act and the "to" of what it achieved: a result stands a short
#: object or adjunct after its act ("beat the Kansas City Owls 23 - 13 to clinch", 7 words);
#: farther, the infinitive belongs to a noun between ("worked for years with faith in the
#: freedom of every tenant to vote").
RESULT_INFINITIVE_TOKENS = 8

#: Most words from a passive participle to the "by" of its agent: right after it, or after its
#: complement, a preposition and a noun phrase of up to four words ("put on the injured reserve
#: list by the Hawks": the sixth word).
AGENT_SEARCH_TOKENS = 6

#: Most words between a verb of besting and the feat it acts on: a noun phrase with a possessor
#: and modifiers ("breaking Ana Lind's single - season passing record", 7 words) or an
#: object and a "for" ("passed Ana Lind for the record").
FEAT_OBJECT_TOKENS = 8

#: Most tokens an event's span reaches on each side of its trigger: a clause with no boundary
#: for longer (a run-on or hostile text) would otherwise make every span the whole sentence,
#: quadratic in memory. News clauses are far shorter.
MAX_SPAN_TOKENS = 120
#: Most words a line may have to be read as a title-case headline: headlines are short, and a
#: long capitalized run (a list of names or months, hostile input) is no headline; reading it
#: as one would make its dictionary words verbs and nouns by the thousand.
HEADLINE_MAX_WORDS = 30
#: Look-behind for a capitalized premodifier naming a nominal's actor ("US sanctions").
PREMODIFIER_ACTOR_CHARS = 60

# --- ordering ----------------------------------------------------------------------------

#: Most events in one network; longer articles are solved in blocks of whole sentences
#: (the network is quadratic in memory and each constraint costs O(n^2)).
BLOCK_EVENTS = 240
#: How far after a trigger an adjunct timex outside the clause span may stand (twice this
#: for a date after "is scheduled for").
ANCHOR_TRAILING_CHARS = 60
#: Longest gap between a timex and the nominal it modifies: keeps anchoring linear in the
#: length of an article (a real gap of two modifier words is far shorter).
ANCHOR_MODIFIER_CHARS = 200
#: Longest distance of a preposed timex before its clause ("On February 1, ... signed"):
#: a cost bound, no real preposed date comes near it.
ANCHOR_PREPOSED_CHARS = 1000
#: Added to a date-as-adjective's distance ("third-quarter net rose"): larger than any real
#: distance, so any adjunct date of the verb comes first.
ANCHOR_PREMODIFIER_PENALTY = 10_000
#: Look-behind (within the sentence) for a record phrase before a date ("highest since").
RECORD_SINCE_CHARS = 120
#: Look-behind for a determiner before a date used as an adjective ("the 2024 budget").
DETERMINER_BEFORE_CHARS = 8
#: Look-behind for a signal word before a date ("by the end of the second quarter").
SIGNAL_CHARS = 40
#: How far before its object a support verb may stand ("held a long phone call"): the words
#: between are few, so this bound only keeps long articles from costing quadratic time.
CUE_SUPPORT_CHARS = 300
#: How far before the first event and after the last a cue may stand and still concern them.
CUE_MARGIN_CHARS = 400
#: How far after a window cue ("recent") the two words before its event may reach.
CUE_MODIFIER_CHARS = 200
#: With no event right after a window cue, the nearest event within this distance takes it.
CUE_NEAR_CHARS = 25
#: How many events back "since then" looks for the dated event it means.
LAST_DATED_REACH = 12
#: First stretch searched back for the last clause mark; it grows fourfold until one is
#: found (a cost bound: searching from the start of the text each time is quadratic).
CLAUSE_MARK_SEARCH_CHARS = 256
#: How far past a block's own stretch a vague duration phrase may run ("for weeks").
VAGUE_TAIL_CHARS = 100
#: Look-behind for "within" before a counted duration ("within ten days").
WITHIN_CHARS = 20
#: Look-behind for the determiner of a nominal that refers back ("the talks").
DEFINITE_DETERMINER_CHARS = 30
#: Look-behind for a tense rule's ``preceded_by`` pattern: a few words before the trigger.
TENSE_PRECEDED_CHARS = 40

# --- entities ----------------------------------------------------------------------------

#: Characters between a mention and a trigger just after it outside its clause ("Acme's recall").
POSSESSIVE_CHARS = 3
#: Look-behind for the comma that closes the clause before a trailing participle.
TRAILING_PARTICIPLE_CHARS = 16

# --- forecast ----------------------------------------------------------------------------

#: Longest ledger line read: a longer line is not a ledger record (a corrupt or hostile file).
MAX_LEDGER_LINE_CHARS = 10_000_000

#: Look-behind for a control verb's object before its infinitive ("pressured Baghdad to").
CONTROLLER_CHARS = 80
