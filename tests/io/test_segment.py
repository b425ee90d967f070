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
