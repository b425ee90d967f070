"""Sentence segmentation: spans, abbreviations, quotes, paragraphs."""

import pytest

from timeline.io.segment import sentences


def split(text):
    return [text[s:e] for s, e in sentences(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Mr. Smith met Dr. Jones. They talked.", ["Mr. Smith met Dr. Jones.", "They talked."]),
        ("The U.S. Embassy said so. Then it left.", ["The U.S. Embassy said so.", "Then it left."]),
        ("Talks with the U.S. The talks ended.", ["Talks with the U.S.", "The talks ended."]),
        ("On Feb. 1 he signed. Is it over? Yes!", ["On Feb. 1 he signed.", "Is it over?", "Yes!"]),
        ("He said, “It ended.” She agreed.", ["He said, “It ended.”", "She agreed."]),
        ("J. R. Smith spoke. It was 3.5 percent.", ["J. R. Smith spoke.", "It was 3.5 percent."]),
        ("First line\nSecond line", ["First line", "Second line"]),
        ("  \n\nOnly one.  \n", ["Only one."]),
        ("", []),
    ],
)
def test_split(text, expected):
    assert split(text) == expected


def test_offsets_index_the_text():
    text = "\nOne here. Two there.\n\nThree."
    spans = sentences(text)
    assert spans == [(1, 10), (11, 21), (23, 29)]
    assert all(text[s:e].strip() == text[s:e] for s, e in spans)


def test_seed_sentences(seed_article):
    text = seed_article.text
    found = split(text)
    assert len(found) == 17
    assert found[0].startswith("Iraq’s ruling coalition") and found[0].endswith("al-Sudani.")
    assert found[-1].startswith("While Iraq had previously announced")


WRAPPED = (
    "Port strike ends\n"
    "\n"
    "Dock workers at the northern port ended\n"
    "their strike on Tuesday after the owners\n"
    "agreed to a pay rise, and the union said\n"
    "ships would sail again on\n"
    "March 20.\n"
)


def test_a_hard_wrapped_article_keeps_its_sentences_whole():
    assert split(WRAPPED) == [
        "Port strike ends",
        "Dock workers at the northern port ended\ntheir strike on Tuesday after the owners\n"
        "agreed to a pay rise, and the union said\nships would sail again on\nMarch 20.",
    ]


def test_a_wrapped_date_dates_its_event():
    import timeline

    frame = timeline.build_timeline([timeline.Article(WRAPPED, published="2025-03-12")])
    sail = frame[frame.trigger == "sail"].iloc[0]
    assert (sail.timex, str(sail.earliest.date())) == ("March 20", "2025-03-20")
    assert WRAPPED[sail.trigger_start : sail.trigger_end] == "sail"
    ended = frame[frame.trigger == "ended"].iloc[0]
    assert (ended.timex, str(ended.earliest.date())) == ("Tuesday", "2025-03-11")
