"""Property tests (Hypothesis): random and hostile article text, headers and file names.

Every generated article goes through reading, extraction and export as a build does it
(``mapper.extract.extract_article``, then ``mapper.export.article_lines``).  Properties:

- no exception escapes per article: an article gives claims, or an error naming why it was skipped;
- the GeoJSON lines round-trip: each feature's properties are the claim's values;
- the CSV lines round-trip to the same values (text through the spreadsheet escape and back),
  and no CSV cell starts like a spreadsheet formula.

The sentences are invented; place names and claimant phrases are mixed in so that a good share of
the examples do give claims.
"""

from __future__ import annotations

import csv
import io

import orjson
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from mapper.csvsafe import FORMULA_START, header_line, unescape_cell
from mapper.export import CSV_COLUMNS, PROPERTIES, article_lines
from mapper.extract import Extraction, extract_article
from mapper.incidents import assign

#: Characters that have broken readers, terminals or spreadsheets somewhere.
HOSTILE = "=+-@\t\r\n\x00\x07\x1b\x7f\x85\u00ad\u200b\u200d\u200e\u202e\u2028\u2029\ufeff\uff1d'\"<>&;,"
PLACES = ["Tartar", "Barda", "Goranboy", "Aghdam", "Ganja", "Stepanakert", "Shusha", "Terter", "Iggha Badi"]
CLAIMANTS = [
    "the Azerbaijani Defence Ministry said",
    "Armenia's Defence Ministry said",
    "according to the Artsakh Ombudsman",
    '=HYPERLINK("http://x","y") said',
    "@officials said",
]
EVENTS = ["Armenian forces shelled", "Azerbaijani drones struck", "Rockets hit", "Shelling of", "-Artillery fired at"]

hostile_text = st.text(alphabet=st.sampled_from(HOSTILE) | st.characters(codec="utf-8"), max_size=40)


@st.composite
def sentences(draw) -> str:
    place = draw(st.sampled_from(PLACES))
    # A hostile character inside the place name, sometimes: soft hyphens and joiners must not hide it.
    if draw(st.booleans()):
        i = draw(st.integers(1, len(place) - 1))
        place = place[:i] + draw(st.sampled_from("\u00ad\u200d\u200b")) + place[i:]
    figure = draw(st.sampled_from(["", ", killing 3 civilians", ", killing 1234567890123456789012345 people"]))
    sentence = f"{draw(st.sampled_from(EVENTS))} {place}{figure}, {draw(st.sampled_from(CLAIMANTS))}."
    noise = draw(hostile_text)
    return draw(st.sampled_from([sentence, noise + sentence, sentence + noise, noise]))


@st.composite
def articles(draw) -> tuple[str, bytes]:
    headers = draw(
        st.lists(
            st.tuples(
                st.sampled_from(["Title", "Source", "URL", "Date", "Published", "Outlet", "Author"]),
                st.sampled_from(
                    [
                        '=HYPERLINK("http://x","y")',
                        "javascript:alert(1)",
                        "data:text/html,<b>x</b>",
                        "https://news.example.org/a?b=c",
                        "9999-12-31",
                        "0001-01-01",
                        "2020-10-28",
                        "Updated 3 hours ago",
                        "28 October",
                    ]
                )
                | hostile_text,
            ),
            max_size=5,
        )
    )
    body = draw(st.lists(sentences(), min_size=1, max_size=6))
    newline = draw(st.sampled_from(["\n", "\r\n", "\r", "\u2028"]))
    head = "".join(f"{k}: {v}{newline}" for k, v in headers)
    text = head + (newline if headers else "") + newline.join(body) + newline
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"]))
    data = text.encode(encoding, errors="replace")
    if draw(st.integers(0, 9)) == 0:
        data = draw(st.binary(max_size=200))  # sometimes plain garbage
    stem = draw(st.text(alphabet=st.sampled_from(HOSTILE) | st.characters(codec="utf-8"), min_size=1, max_size=30))
    name = (stem.replace("/", "_").replace("\x00", "_") + draw(st.sampled_from([".txt", ".md", ".html"])))[:120]
    return name, data


def _formula_cells(text: str) -> list[str]:
    bad = []
    for row in csv.reader(io.StringIO(text)):
        for cell in row:
            if cell[:1] in FORMULA_START:
                try:
                    float(cell)
                except ValueError:
                    bad.append(cell)
    return bad


@settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture],
)
@given(article=articles())
def test_hostile_articles_never_escape_and_exports_round_trip(article, gazetteer, profile) -> None:
    name, data = article
    ex = extract_article(name, data, gazetteer=gazetteer, profile=profile)  # must not raise
    assert isinstance(ex, Extraction)
    if ex.error is not None:
        assert ex.error and not ex.claims
        assert "could not be processed" not in ex.error, ex.error  # only reasons about the input
        return
    assume(ex.claims)
    lines = article_lines(name, ex.content_hash, list(ex.claims), assign(list(ex.claims)))
    features = orjson.loads(b"[" + lines.features + b"]") if lines.features else []
    by_id = {c.claim_id: c for c in ex.claims}
    assert len(features) == len(lines.incidents)
    for f in features:
        claim = by_id[f["id"]]
        for key in PROPERTIES:
            if key != "incident_id":
                assert f["properties"][key] == getattr(claim, key), key
        for key in ("fatalities", "wounded", "equipment_destroyed"):
            v = f["properties"][key]
            assert v is None or 0 <= v <= 10_000_000
        assert f["properties"]["source_url"] == "" or f["properties"]["source_url"].lower().startswith("http")
    table = header_line(CSV_COLUMNS) + lines.csv.decode("utf-8")
    assert _formula_cells(table) == []
    rows = list(csv.DictReader(io.StringIO(table)))
    assert len(rows) == len(features)
    for row, f in zip(rows, features, strict=True):
        for key in PROPERTIES:
            want = f["properties"][key]
            got = unescape_cell(row[key])
            if isinstance(want, str):
                assert got == want.replace("\t", " "), key
            else:
                assert got == ("" if want is None else str(want)), key


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=st.sampled_from(HOSTILE) | st.characters(), max_size=60))
def test_the_spreadsheet_escape_round_trips_and_leaves_no_formula(text: str) -> None:
    from mapper.csvsafe import csv_line, escape_cell

    cell = escape_cell(text)
    assert unescape_cell(cell) == text.replace("\t", " ")
    assert _formula_cells(csv_line([text, -1.5, 3])) == []
    (row,) = list(csv.reader(io.StringIO(csv_line([text, -1.5, 3]))))
    assert row[1:] == ["-1.5", "3"]


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=st.sampled_from(HOSTILE) | st.characters(), max_size=80))
def test_normalised_text_has_one_kind_of_line_break_and_no_invisible_characters(text: str) -> None:
    from mapper.articles import normalize_text

    once = normalize_text(text)
    assert normalize_text(once) == once
    assert not set(once) & set("\r\u2028\u2029\x85\u00ad\u200b\u200d\ufeff")
