"""Every validation rule of the labeled-token dataset, each with a bad row; merging; the shipped file."""

from datetime import date

import pytest

from app.core.data.dataset import COLUMNS, check_file, check_table, merge_rows, read_rows, write_rows
from tests.helpers.paths import DATA
from tests.helpers.rows import GOOD

TODAY = date(2026, 11, 25)


def problems_for(**changes):
    row = {**GOOD, **changes}
    return [str(p) for p in check_table(list(COLUMNS), [row], TODAY)]


def test_good_row_passes():
    assert problems_for() == []


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"symbol": ""}, "symbol: is empty"),
        ({"symbol": "acme coin"}, "not an upper-case ticker"),
        ({"name": " Acme"}, "leading or trailing white space"),
        ({"label": "maybe"}, "label: 'maybe' is not one of"),
        ({"label_basis": "tweet"}, "label_basis: 'tweet' is not one of"),
        ({"disposition": "won"}, "disposition: 'won' is not one of"),
        ({"label_basis": "sec_no_action_letter"}, "only supports the label 'not_security'"),
        ({"label": "not_security"}, "only supports the label 'security'"),
        ({"label": "not_security", "label_basis": "court_ruling", "disposition": "settled"}, "contradicts the label"),
        ({"cases": "SEC v. A; ; SEC v. B"}, "cases: has an empty entry"),
        ({"first_action_date": "05/01/2019"}, "is not YYYY-MM-DD"),
        ({"first_action_date": "2019-02-30"}, "is not a real date"),
        ({"first_action_date": "2027-01-01"}, "is outside"),
        ({"first_action_date": "2009-01-03"}, "is outside"),
        ({"source_url": "sec.gov/litigation"}, "is not an http(s) URL"),
        ({"summary": "Too short to describe a token."}, "words; it needs 40 to 300"),
        ({"summary": "word " * 301}, "has 301 words"),
        ({"summary": GOOD["summary"] + " The SEC later sued."}, "mentions 'SEC'"),
        ({"summary": GOOD["summary"] + " It settled the case."}, "mentions 'settled'"),
        ({"summary": GOOD["summary"] + " A judge disagreed."}, "mentions 'judge'"),
        ({"investment_of_money": "maybe"}, "investment_of_money: 'maybe' is not one of yes, no, unclear"),
        ({"efforts_of_others": ""}, "efforts_of_others: is empty"),
    ],
)
def test_each_bad_value_is_reported(changes, expected):
    found = problems_for(**changes)
    assert any(expected in p for p in found), found
    assert all(p.startswith(("line 2 ", "line 2:")) for p in found)


def test_duplicate_symbols_and_header_problems():
    rows = [GOOD, {**GOOD, "name": "Other"}]
    found = [str(p) for p in check_table(list(COLUMNS), rows, TODAY)]
    assert found == ["line 3 (ACME): symbol: duplicates line 2"]
    header = [c for c in COLUMNS if c != "forum"] + ["extra"]
    found = [str(p) for p in check_table(header, [GOOD], TODAY)]
    assert "line 1: missing column(s): forum" in found
    assert "line 1: unknown column(s): extra" in found


def test_too_many_fields_and_bad_encoding(tmp_path):
    path = tmp_path / "bad.csv"
    write_rows(path, [GOOD])
    path.write_text(path.read_text() + path.read_text().splitlines()[1] + ",surplus\n")
    assert any("more field(s) than the header" in str(p) for p in check_file(path))
    latin = tmp_path / "latin.csv"
    latin.write_bytes("symbol\nCAF\xc9\n".encode("latin-1"))
    assert "not UTF-8" in str(check_file(latin)[0])


def test_round_trip_keeps_rows(tmp_path):
    path = tmp_path / "rows.csv"
    write_rows(path, [GOOD])
    header, rows = read_rows(path)
    assert header == list(COLUMNS) and rows == [GOOD]


def test_merge_rows_reports_each_kind():
    _, rows = read_rows(DATA)
    report = merge_rows(rows[:5], [rows[0], {**rows[1], "name": "Renamed"}, rows[6]], allow_updates=False)
    assert (report.duplicates, report.updates, report.added) == ([rows[0]["symbol"]], [rows[1]["symbol"]], [rows[6]["symbol"]])
    assert report.merged[1]["name"] == rows[1]["name"]


def test_shipped_dataset_meets_its_coverage_targets():
    _, rows = read_rows(DATA)
    security = [r for r in rows if r["label"] == "security"]
    not_security = [r for r in rows if r["label"] == "not_security"]
    sec_actions = {c.strip() for r in security for c in r["cases"].split(";") if c.strip().startswith(("SEC v.", "In the Matter of"))}
    assert len(rows) >= 150
    assert len(security) >= 100 and len(sec_actions) >= 40
    assert len(not_security) >= 50 and len({r["label_basis"] for r in not_security}) >= 5
