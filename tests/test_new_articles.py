"""End to end on short articles written for these tests (not from any corpus): the dated,
ordered rows an analyst reads first, for stories unlike the seed."""

import pytest

import timeline

MERGER = (
    "Zentek Corp. agreed on Monday to buy rival chipmaker Volta Systems for $12 billion.\n"
    "The boards of both companies approved the transaction over the weekend, and it is "
    "expected to close in the second half of next year.\n"
    "The companies first held talks last spring but broke them off in July after disagreeing "
    "over price."
)

STRIKE = (
    "Shares of Northwind Motors fell 8% on Monday after the carmaker cut its profit forecast.\n"
    "The company said late on Friday that a strike at its main plant, which began on March 3 "
    "and ended two weeks later, would cost it about $400 million.\n"
    "Northwind will report first-quarter results on April 28."
)

FLOODS = (
    "Flooding forced thousands of residents from their homes overnight, a day after the region "
    "recorded its heaviest rainfall in two decades.\n"
    "Rescue teams worked through Tuesday night to reach villages cut off since Sunday, the "
    "civil protection agency said on Wednesday morning.\n"
    "In recent days, farmers have complained that aid promised in mid-January has still not "
    "arrived."
)

ELECTION = (
    "The electoral commission announced on Thursday that President Amara Keita had won 52 "
    "percent of the vote in the September 14 election.\n"
    "Opposition leader Daniel Osei, who has refused to concede, said his party would challenge "
    "the result in the Supreme Court within ten days.\n"
    "Protests broke out in the capital hours after the announcement.\n"
    "Last month the commission twice delayed publication of the results.\n"
    "International observers are due to publish their final report in early December."
)

RATES = (
    "The central bank raised its key interest rate to 4.5 percent on Wednesday.\n"
    "Governor Lena Brandt told reporters that inflation, which reached 7.1 percent in October, "
    "was expected to ease early next year.\n"
    "The next policy meeting is scheduled for January 29."
)


@pytest.mark.parametrize(
    "text, published, expected",
    [
        (
            MERGER,
            "2025-11-18",
            {
                "agreed": ("2025-11-17", "2025-11-17", ["Zentek Corp"]),
                "approved": ("2025-11-15", "2025-11-16", ["boards of both companies"]),
                "close": ("2026-07-01", "2026-12-31", []),
                "held": ("2025-03-01", "2025-05-31", ["companies"]),
                "broke": ("2025-07-01", "2025-07-31", ["companies"]),
            },
        ),
        (
            STRIKE,
            "2025-04-08",
            {
                "fell": ("2025-04-07", "2025-04-07", ["Shares of Northwind Motors"]),
                "began": ("2025-03-03", "2025-03-03", None),
                "ended": ("2025-03-17", "2025-03-17", None),
                "report": ("2025-04-28", "2025-04-28", ["Northwind"]),
            },
        ),
        (
            FLOODS,
            "2025-03-19",
            {
                "forced": ("2025-03-18", "2025-03-18", ["Flooding"]),
                "recorded": ("2025-03-17", "2025-03-17", ["region"]),
                "worked": (None, "2025-03-18", ["Rescue teams"]),  # through the night: ends in it
                "promised": ("2025-01-11", "2025-01-21", []),  # the middle third; aid undergoes it
                "arrived": (None, "2025-03-19", ["aid"]),
            },
        ),
        (
            ELECTION,
            "2025-10-23",
            {
                "won": ("2025-09-14", "2025-09-14", ["Amara Keita"]),
                "refused": (None, "2025-10-23", ["Daniel Osei"]),
                "challenge": ("2025-10-23", "2025-11-02", ["his party"]),  # within ten days
                "announcement": ("2025-10-23", "2025-10-23", None),  # is "announced"
                "broke": ("2025-10-23", "2025-10-23", ["Protests"]),  # hours after it
                "delayed": ("2025-09-01", "2025-09-30", ["commission"]),
                "publish": ("2025-12-01", "2025-12-11", ["International observers"]),
            },
        ),
        (
            RATES,
            "2025-11-19",
            {
                "raised": ("2025-11-19", "2025-11-19", ["central bank"]),
                "reached": ("2025-10-01", "2025-10-31", ["inflation"]),
                "ease": ("2026-01-01", "2026-05-02", ["inflation"]),
                "meeting": ("2026-01-29", "2026-01-29", None),
            },
        ),
    ],
    ids=["merger", "strike", "floods", "election", "rates"],
)
def test_the_dated_rows_of_a_new_article(text, published, expected):
    frame = timeline.build_timeline(timeline.Article(text, id="a", published=published)).set_index(
        "trigger"
    )

    def day(value):
        return None if value != value or value is None else value.date().isoformat()

    for trigger, (earliest, latest, actors) in expected.items():
        row = frame.loc[trigger]
        assert (day(row["earliest"]), day(row["latest"])) == (earliest, latest), trigger
        if actors is not None:
            assert list(row["actors"]) == actors, trigger
    assert (
        frame["earliest"].isna() | frame["latest"].isna() | (frame["earliest"] <= frame["latest"])
    ).all()
