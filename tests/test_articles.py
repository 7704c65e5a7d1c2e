from __future__ import annotations

from pathlib import Path

import pytest

from mapper.articles import MAX_BYTES, parse_article, read_article
from mapper.errors import ArticleError
from mapper.language import language_of

BODY = "Armenian forces shelled Tartar, the Azerbaijani Defence Ministry said."


def test_header_lines_are_metadata_not_text() -> None:
    a = parse_article(
        "a.txt", f"Title: Barda shelled\nSource: https://en.trend.az/x\nDate: 2020-10-28\n\n{BODY}\n".encode()
    )
    assert (a.title, a.published, a.source_url, a.outlet) == (
        "Barda shelled",
        "2020-10-28",
        "https://en.trend.az/x",
        "trend.az",
    )
    assert a.text.strip() == BODY


def test_without_headers_the_first_line_is_the_title() -> None:
    a = parse_article("a.txt", f"Home / news / Shelling in Tartar\n\n{BODY}".encode())
    assert a.title == "Shelling in Tartar" and a.published == ""


def test_date_from_the_file_name() -> None:
    assert parse_article("2020-10-05_barda.txt", BODY.encode()).published == "2020-10-05"


@pytest.mark.parametrize(
    "encoded",
    [
        BODY.encode("utf-8"),
        b"\xef\xbb\xbf" + BODY.encode("utf-8"),
        BODY.encode("utf-16"),
        ("Título — " + BODY).encode("cp1252"),
        ("Азербайджан: " + BODY).encode("cp1251"),
    ],
    ids=["utf8", "utf8-bom", "utf16", "cp1252", "cp1251"],
)
def test_common_encodings_are_read(encoded: bytes) -> None:
    assert BODY in parse_article("a.txt", encoded).text


def test_cyrillic_cp1251_decodes_to_cyrillic() -> None:
    text = "Азербайджанские войска обстреляли Степанакерт. " * 3
    assert "Степанакерт" in parse_article("a.txt", text.encode("cp1251")).text


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"   \n\t\n", "empty"),
        (b"\x00\x01\x02\x03binary\x00\x00" * 50, "binary"),
        (bytes(range(256)) * 20, "binary"),
    ],
    ids=["empty", "blank", "nul", "bytes"],
)
def test_bad_input_is_refused_with_a_reason(data: bytes, reason: str) -> None:
    with pytest.raises(ArticleError, match=reason) as info:
        parse_article("bad.txt", data)
    assert "bad.txt" in str(info.value)


def test_huge_file_is_refused(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * (MAX_BYTES + 1))
    with pytest.raises(ArticleError, match="too large"):
        read_article(big)


def test_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ArticleError, match="directory"):
        read_article(tmp_path)


def test_html_main_text_and_metadata_are_extracted() -> None:
    html = f"""<!doctype html><html><head><title>Shelling of Barda</title>
    <meta property="og:url" content="https://example.org/barda">
    <meta name="date" content="2020-10-27"><script>var tracker = 1;</script></head>
    <body><nav>Home | World | Sport</nav><article><h1>Shelling of Barda</h1>
    <p>{BODY}</p><p>{BODY.replace("Tartar", "Barda")} It was the third attack this week on the town,
    residents told reporters on Tuesday.</p></article><footer>Copyright 2020</footer></body></html>"""
    a = parse_article("page.html", html.encode())
    assert "shelled Tartar" in a.text and "tracker" not in a.text and "Copyright" not in a.text
    assert a.title == "Shelling of Barda" and a.published == "2020-10-27"


def test_markdown_is_read_as_text() -> None:
    a = parse_article("a.md", f"# Barda\n\n{BODY}\n".encode())
    assert BODY in a.text


def test_text_longer_than_any_article_is_refused() -> None:
    with pytest.raises(ArticleError, match="too long for a news article"):
        parse_article("paste.txt", ("Armenian forces shelled Tartar. " * 20000).encode())


@pytest.mark.parametrize(
    "text",
    [
        "Armenian forces shelled " + ", ".join(["Tartar"] * 20000) + ", the ministry said.",
        " ".join(["Aaa", "Bbb", "Tartar", "Barda"] * 15000),
        '"' * 50000 + " Tartar shelled " + "“" * 20000,
    ],
    ids=["huge-list", "capitalised-run", "quotes"],
)
def test_pathological_text_is_cut_into_sentences_of_bounded_length(text: str, gazetteer, profile) -> None:
    from mapper.claims import extract_claims
    from mapper.text import MAX_SENTENCE, split_sentences

    article = parse_article("x.txt", text.encode())
    assert max(len(s.text) for s in split_sentences(article.text)) <= MAX_SENTENCE
    claims = extract_claims(article, gazetteer, profile).claims  # completes (linear work per sentence)
    assert all(c.place in ("Tartar", "Barda") for c in claims)


# Invented sentences, one per language, each long enough to judge.
_IN_RUSSIAN = (
    "Вечером в пятницу беспилотник атаковал окраину города, сообщил глава администрации района. "
    "По его словам, пострадали два человека, повреждены несколько домов и линия электропередачи."
)
_IN_UKRAINIAN = (
    "Увечері в п'ятницю безпілотник атакував околицю міста, повідомив голова адміністрації району. "
    "За його словами, постраждали двоє людей, пошкоджені кілька будинків і лінія електропередачі."
)
_IN_ITALIAN = (
    "Nella notte di venerdì un drone ha colpito la periferia della città, secondo il capo "
    "dell'amministrazione locale. Due persone sono rimaste ferite e sono state danneggiate alcune case."
)
_IN_ENGLISH = (
    "On Friday evening a drone struck the outskirts of the town, the head of the district administration "
    "said. Two people were wounded and several houses and a power line were damaged, he added."
)
#: A terse wire item, thick with names and thin in articles and prepositions.
_TERSE_ENGLISH = (
    "Syrskyi: Ukrainian forces repelled attacks near Kupiansk\nRussian troops attacked Ukrainian positions near "
    "Kupiansk eight times on Tuesday, the commander said. Fighting also continued near Lyman."
)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (_IN_RUSSIAN, "ru"),
        (_IN_UKRAINIAN, "uk"),
        (_IN_ITALIAN, "it"),
        (_IN_ENGLISH, "en"),
        (_TERSE_ENGLISH, "en"),
        ("Barda, Tartar", "en"),
    ],
)
def test_the_language_of_an_article_is_told_by_script_and_function_words(text: str, code: str) -> None:
    assert language_of(text).code == code


def test_an_article_not_in_english_carries_a_note_saying_how_it_is_read() -> None:
    a = parse_article("ru.txt", f"Title: Атака\n\n{_IN_RUSSIAN}\n".encode())
    assert any("written in Russian: its claims are read from event words" in n for n in a.notes)
    it = parse_article("it.txt", f"Title: Attacco\n\n{_IN_ITALIAN}\n".encode())
    assert any("written in Italian, not English" in n for n in it.notes)
    assert not parse_article("en.txt", _IN_ENGLISH.encode()).notes


@pytest.mark.parametrize(
    ("source", "url"),
    [
        ("https://unn.ua/en/news/1", "https://unn.ua/en/news/1"),
        ("UNN (https://unn.ua/en/news/1)", "https://unn.ua/en/news/1"),
        ("Reuters, https://www.reuters.com/a", "https://www.reuters.com/a"),
        ("javascript:alert(1)", ""),
        ("the Sumy regional administration", ""),
    ],
)
def test_the_source_line_may_name_the_outlet_before_its_address(source: str, url: str) -> None:
    raw = f"Title: t\nSource: {source}\nDate: 2024-01-01\n\nRussian troops shelled Sumy.\n"
    art = parse_article("a.txt", raw.encode())
    assert art.source_url == url
