"""Reading articles and rejecting bad input with errors that name the problem."""

import datetime as dt
import json

import pandas as pd
import pytest
from conftest import SEED_PATH

import timeline
from timeline.errors import ArticleError
from timeline.io.article import read_articles
from timeline.settings import MAX_ARTICLE_CHARS


def test_seed_read_with_sidecar_metadata():
    article = timeline.read_article(SEED_PATH)
    assert article.id == "000_03aee5fa6f29c944"
    assert article.published == dt.date(2025, 2, 28)
    assert article.title == "Iraq's Ruling Coalition to Discuss US Warnings"
    assert article.text == SEED_PATH.read_text(encoding="utf-8")


def test_published_argument_overrides_metadata():
    assert timeline.read_article(SEED_PATH, published="2025-03-01").published == dt.date(2025, 3, 1)


def test_article_accepts_string_or_date_and_derives_stable_id():
    a = timeline.Article("Talks resumed.", published="2025-02-28")
    b = timeline.Article("Talks resumed.", published=dt.date(2025, 2, 28))
    assert a == b and a.id == b.id and a.id.startswith("a")
    assert timeline.Article("Talks resumed.").published is None


def test_markdown_front_matter(tmp_path):
    path = tmp_path / "story.md"
    path.write_text(
        "---\ntitle: Talks\nsource: Wire\npublished: 2024-05-06\n---\nTalks resumed on Monday.\n"
    )
    article = timeline.read_article(path)
    assert (article.title, article.source, article.published) == (
        "Talks",
        "Wire",
        dt.date(2024, 5, 6),
    )
    assert article.text == "Talks resumed on Monday.\n"


def test_json_article(tmp_path):
    path = tmp_path / "story.json"
    path.write_text(json.dumps({"text": "Talks resumed.", "title": "T", "published": "2024-05-06"}))
    assert timeline.read_article(path).published == dt.date(2024, 5, 6)


@pytest.mark.parametrize(
    "content, message",
    [
        ("", "empty"),
        ("  \n\t ", "empty"),
        ("<!DOCTYPE html><html><body><p>x</p></body></html>", "HTML"),
        ("<html>\n<p>a</p><p>b</p><div>c</div><span>d</span><a href='x'>e</a></html>", "HTML"),
    ],
)
def test_bad_text_files(tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_text(content)
    with pytest.raises(ArticleError, match=message) as info:
        timeline.read_article(path)
    assert str(path) in str(info.value)


def test_not_utf8_names_file_and_line(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("first line\nsecond caf\xe9 line".encode("latin-1"))
    with pytest.raises(ArticleError, match=r"latin.txt: line 2: not UTF-8"):
        timeline.read_article(path)


def test_binary_file(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(ArticleError, match="binary"):
        timeline.read_article(path)


def test_oversized_article(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_text("Talks resumed. " * (10_000_000 // 15))
    with pytest.raises(ArticleError, match=f"{MAX_ARTICLE_CHARS:,}"):
        timeline.read_article(path)


@pytest.mark.parametrize(
    "value, message",
    [
        ("2025-02-30", "not a real date"),
        ("yesterday", "not a date in YYYY-MM-DD form"),
        ("28/02/2025", "not a date in YYYY-MM-DD form"),
    ],
)
def test_front_matter_bad_date_names_line_and_field(tmp_path, value, message):
    path = tmp_path / "story.md"
    path.write_text(f"---\ntitle: Talks\npublished: {value}\n---\nTalks resumed.\n")
    with pytest.raises(ArticleError, match=rf"story.md: line 3: field 'published'.*{message}"):
        timeline.read_article(path)


@pytest.mark.parametrize(
    "name, content, message",
    [
        (
            "story.md",
            "---\nauthor: Someone\n---\nText.\n",
            "line 2: unknown front matter field 'author'",
        ),
        ("story.md", "---\ntitle: Talks\n", "never closed"),
        ("story.json", '{"text": "a",\n "published": }', "story.json: line 2: invalid JSON"),
        ("story.pdf", "%PDF", "unsupported file type"),
    ],
    ids=["unknown-field", "unclosed-front-matter", "bad-json", "unsupported-suffix"],
)
def test_malformed_file_names_the_problem(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_text(content)
    with pytest.raises(ArticleError, match=message):
        timeline.read_article(path)
    with pytest.raises(ArticleError, match="no such file"):
        timeline.read_article(tmp_path / "missing.txt")


def test_folder_reading_skips_sidecars(tmp_path):
    (tmp_path / "b.txt").write_text("Second.")
    (tmp_path / "a.txt").write_text("First.")
    (tmp_path / "a.meta.json").write_text('{"published": "2024-01-02"}')
    articles = read_articles([tmp_path])
    assert [a.id for a in articles] == ["a", "b"]
    assert articles[0].published == dt.date(2024, 1, 2) and articles[1].published is None
    (tmp_path / "empty").mkdir()
    with pytest.raises(ArticleError, match="empty: folder holds no article files"):
        read_articles([tmp_path / "empty"])


@pytest.mark.parametrize(
    "written, expected",
    [
        ("Fri, 28 Feb 2025 23:30:00 -0500", dt.date(2025, 2, 28)),
        ("February 28, 2025", dt.date(2025, 2, 28)),
        ("2025-02-28T10:00:00Z", dt.date(2025, 2, 28)),
    ],
)
def test_front_matter_dates_written_out(tmp_path, written, expected):
    path = tmp_path / "story.md"
    path.write_text(f"---\npublished: {written}\n---\nTalks resumed.\n")
    assert timeline.read_article(path).published == expected


@pytest.mark.parametrize(
    "written, message",
    [
        ("May 2025", "not a complete, real date"),
        ("Feb 30, 2025", "not a complete, real date"),
        ("yesterday", "not a date in YYYY-MM-DD form"),
        ("02/03/2025", "not a date in YYYY-MM-DD form"),
    ],
)
def test_incomplete_ambiguous_or_relative_dates_are_refused(written, message):
    with pytest.raises(ArticleError, match=message):
        timeline.Article("Talks resumed.", published=written)


# -- saved web pages -----------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Framework weighs US warnings | Example Wire</title>
{meta}
</head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/subscribe">Subscribe</a></li></ul></nav></header>
<main><article>
<h1>Framework weighs US warnings</h1>
<p>Iraq's Coordination Framework met on Monday to discuss the warnings Washington sent last week,
two members of the coalition said.</p>
<p>The leaders agreed to send a delegation to Washington before the end of the month, according to a
statement released after the meeting.</p>
<p>The United States has asked Baghdad to limit Iran's influence over armed factions and over its
banking system, which Washington says has been used to move dollars to Tehran.</p>
</article>
<aside><h3>Most read</h3><ul><li><a href="/a">Markets slide</a></li><li><a href="/b">Storm hits coast</a></li></ul></aside>
</main>
<footer><p>Copyright 2025 Example Wire. All rights reserved.</p><p><a href="/privacy">Privacy</a></p></footer>
</body></html>
"""


@pytest.mark.parametrize(
    "meta",
    [
        '<meta property="article:published_time" content="2025-03-03T09:30:00+03:00">',
        '<script type="application/ld+json">{"@context": "https://schema.org", "@graph": ['
        '{"@type": "WebPage"}, {"@type": "NewsArticle", "headline": "Framework weighs US warnings",'
        ' "datePublished": "2025-03-03T09:30:00+03:00"}]}</script>',
    ],
    ids=["article-published-time", "json-ld-date-published"],
)
def test_saved_web_page_gives_main_text_title_and_date(tmp_path, meta):
    path = tmp_path / "framework.html"
    path.write_text(PAGE.format(meta=meta), encoding="utf-8")
    article = timeline.read_article(path)
    assert article.published == dt.date(2025, 3, 3)
    assert article.title == "Framework weighs US warnings"
    assert article.id == "framework"
    assert "met on Monday to discuss the warnings" in article.text
    for boilerplate in ("Subscribe", "Most read", "Markets slide", "Copyright", "Privacy"):
        assert boilerplate not in article.text
    df = timeline.build_timeline(article)
    met = df[df.trigger == "met"].iloc[0]
    assert (met.earliest, met.latest) == (pd.Timestamp("2025-03-03"), pd.Timestamp("2025-03-03"))


def test_page_without_date_metadata_has_no_date(tmp_path):
    path = tmp_path / "undated.html"
    path.write_text(PAGE.format(meta=""), encoding="utf-8")
    assert timeline.read_article(path).published is None  # never guessed from text or today


def test_page_with_bad_json_ld_names_file_and_line(tmp_path):
    path = tmp_path / "bad.html"
    path.write_text(
        PAGE.format(meta='<script type="application/ld+json">{"datePublished": </script>'),
        encoding="utf-8",
    )
    with pytest.raises(ArticleError, match=r"bad.html: line 4: JSON-LD block 1 is not valid JSON"):
        timeline.read_article(path)


def test_page_with_impossible_date_names_the_field(tmp_path):
    path = tmp_path / "bad-date.html"
    meta = '<meta property="article:published_time" content="2025-02-30T10:00:00Z">'
    path.write_text(PAGE.format(meta=meta), encoding="utf-8")
    with pytest.raises(
        ArticleError, match="bad-date.html: meta article:published_time: .* not a real date"
    ):
        timeline.read_article(path)


def test_page_without_article_text(tmp_path):
    path = tmp_path / "empty.html"
    path.write_text("<html><head><title>x</title></head><body></body></html>", encoding="utf-8")
    with pytest.raises(ArticleError, match="empty.html: no article text found"):
        timeline.read_article(path)


# -- several articles: folders, globs, lists, JSON list strings -----------------------------------


def _two_articles(folder):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "a.md").write_text("---\npublished: 2025-03-01\n---\nTalks resumed on Monday.\n")
    (folder / "b.md").write_text("---\npublished: 2025-03-02\n---\nTalks stalled on Tuesday.\n")
    (folder / "notes.csv").write_text("not,an,article\n")


@pytest.mark.parametrize(
    "given",
    [
        "stories",
        "stories/*.md",
        ["stories/a.md", "stories/b.md"],
        '["stories/a.md", "stories/b.md"]',
        '["stories/*.md"]',
    ],
    ids=["folder", "glob", "list", "json-list", "json-list-of-glob"],
)
def test_articles_from_folder_glob_list_or_json_list(tmp_path, given):
    _two_articles(tmp_path / "stories")
    articles = read_articles(given, base=tmp_path)
    assert [a.id for a in articles] == ["a", "b"]


def test_relative_paths_resolve_from_the_base_not_the_working_folder(tmp_path, monkeypatch):
    _two_articles(tmp_path / "stories")
    monkeypatch.chdir(tmp_path / "stories")
    assert [a.id for a in read_articles("stories/a.md", base=tmp_path)] == ["a"]
    assert [a.id for a in read_articles("a.md")] == ["a"]  # no base: the working folder


def test_a_glob_that_matches_nothing_or_a_bad_json_list(tmp_path):
    with pytest.raises(ArticleError, match=r"\*.md: no file matches this pattern"):
        read_articles("*.md", base=tmp_path)
    with pytest.raises(ArticleError, match="is not a JSON list"):
        read_articles('["a.md",', base=tmp_path)
