"""Every validation rule of the labeled-token dataset, each with a bad row; merging; the shipped file."""

import csv
from datetime import date

import numpy as np
import pytest
from sklearn.metrics import roc_auc_score

from app.core.data.dataset import COLUMNS, check_file, check_table, is_primary_source, merge_rows, read_rows, write_rows
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
        ({"unit": ""}, "unit: is empty"),
        ({"channel": "ico"}, "channel: 'ico' is not one of"),
        ({"date_precision": "week"}, "date_precision: 'week' is not one of"),
        ({"first_action_date": "2019-04-02", "date_precision": "month"}, "is known only to the month: write its first day"),
        ({"first_action_date": "2019-01-01", "date_precision": "year", "as_of": "2019-05-01"}, None),
        ({"as_of": "2019-04-30"}, "as_of: 2019-04-30 is before the first action (2019-05-01)"),
        ({"disposition_date": "2019-13-01"}, "disposition_date: '2019-13-01' is not a real date"),
        ({"disposition_date": ""}, None),
        ({"disposition": "pending", "label_basis": "sec_complaint"}, "a 'pending' case has no disposition date"),
        ({"label_basis": "registered_offering", "label": "not_security", "disposition": "not_applicable",
          "disposition_date": ""}, "only supports the label 'security'"),
        ({"investment_of_money": "maybe"}, "investment_of_money: 'maybe' is not one of yes, no, unclear"),
        ({"efforts_of_others": ""}, "efforts_of_others: is empty"),
    ],
)
def test_each_bad_value_is_reported(changes, expected):
    found = problems_for(**changes)
    if expected is None:  # a control: the same kind of value, written right
        assert found == []
        return
    assert any(expected in p for p in found), found
    assert all(p.startswith(("line 2 ", "line 2:")) for p in found)


def test_a_unit_listed_twice_and_header_problems():
    rows = [GOOD, {**GOOD, "name": "Other"}, {**GOOD, "unit": "Acme Token secondary trading 2019",
                                              "channel": "secondary_market"}]
    found = [str(p) for p in check_table(list(COLUMNS), rows, TODAY)]
    assert found == ["line 3 (ACME): unit: (symbol, unit) duplicates line 2"], "one token may have several units"
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


def test_merge_rows_reports_each_kind_by_unit():
    _, rows = read_rows(DATA)
    named = [f"{r['symbol']}: {r['unit']}" for r in rows]
    other_unit = {**rows[2], "unit": rows[2]["unit"] + " (second unit)", "label": "not_security"}
    relabeled = {**rows[3], "label": "not_security" if rows[3]["label"] == "security" else "security"}
    report = merge_rows(rows[:5], [rows[0], {**rows[1], "name": "Renamed"}, rows[6], other_unit, relabeled],
                        allow_updates=False)
    assert (report.duplicates, report.updates) == ([named[0]], [named[1]])
    assert report.added == [named[6], f"{named[2]} (second unit)"], "a new unit of a known token is added"
    assert report.conflicts == [f"{named[3]}: labeled {rows[3]['label']!r} in the dataset, {relabeled['label']!r} in the new rows"]
    assert report.merged[1]["name"] == rows[1]["name"]


def test_shipped_dataset_meets_its_coverage_targets():
    _, rows = read_rows(DATA)
    security = [r for r in rows if r["label"] == "security"]
    not_security = [r for r in rows if r["label"] == "not_security"]
    sec_actions = {c.strip() for r in security for c in r["cases"].split(";") if c.strip().startswith(("SEC v.", "In the Matter of"))}
    assert len(rows) >= 250, "at least 250 units of sale"
    assert len(security) >= 120 and len(sec_actions) >= 60
    assert len(not_security) >= 70 and len({r["label_basis"] for r in not_security}) >= 8
    primary = sum(is_primary_source(r["source_url"]) for r in rows)
    assert primary >= 0.9 * len(rows), f"{primary} of {len(rows)} sources are primary"


def test_labels_belong_to_units_of_sale():
    """The law tells some sales of one token apart; the data does too."""
    _, rows = read_rows(DATA)
    units: dict[str, set[str]] = {}
    for row in rows:
        units.setdefault(row["symbol"], set()).add(row["label"])
    split = {symbol for symbol in units if sum(r["symbol"] == symbol for r in rows) > 1}
    assert {"XRP", "BNB", "ETH"} <= split and len(split) >= 8
    assert {"XRP", "ETH"} <= {symbol for symbol, labels in units.items() if labels == {"security", "not_security"}}


def test_neither_the_era_nor_fraud_gives_the_label_away():
    """Labels that follow the year of the action, or only frauds among the securities, teach the
    model a date or a scandal rather than the offering's economics."""
    _, rows = read_rows(DATA)
    security = np.array([r["label"] == "security" for r in rows])
    earliness = -np.array([int(r["first_action_date"][:4]) for r in rows])
    assert roc_auc_score(security, earliness) <= 0.75, "the year of the first action alone ranks the labels"
    before_2020 = [r for r in rows if r["first_action_date"] < "2020"]
    since_2025 = [r for r in rows if r["first_action_date"] >= "2025"]
    assert sum(r["label"] == "not_security" for r in before_2020) >= 10
    assert sum(r["label"] == "security" for r in since_2025) >= 15
    assert sum(r["label_basis"] == "registered_offering" for r in rows) >= 20, "securities that are not frauds"


def test_outside_list_of_actions_is_covered():
    """At least 90% of the token-naming actions in an outside list (ChoiceCoin/Solana-Compliance,
    SEC blockchain actions to April 2022) are in the dataset or excluded with a reason."""
    _, rows = read_rows(DATA)
    symbols = {r["symbol"] for r in rows}
    with open(DATA.parent / "sources" / "outside-list-coverage.csv", newline="", encoding="utf-8") as handle:
        listed = list(csv.DictReader(handle))
    assert len(listed) >= 45
    for entry in listed:
        assert bool(entry["symbol"]) != bool(entry["excluded_because"]), entry
        assert not entry["symbol"] or entry["symbol"] in symbols, entry
    covered = sum(bool(e["symbol"]) for e in listed)
    assert covered >= 0.9 * len(listed), f"{covered} of {len(listed)}"


@pytest.mark.parametrize(("url", "primary"), [
    ("https://www.sec.gov/litigation/litreleases/2019/lr24665.htm", True),
    ("https://sec.gov/news/press-release/2023-150", True),
    ("https://www.cftc.gov/PressRoom/PressReleases/8450-21", True),
    ("https://www.courtlistener.com/docket/123/sec-v-lbry-inc/", True),
    ("https://ecf.nysd.uscourts.gov/doc1/127", True),
    ("https://www.coindesk.com/policy/2022/08/16/sec-files-complaint", False),
    ("https://sec.gov.example.com/fake", False),
    ("https://notsec.gov/x", False),
])
def test_primary_sources_are_the_regulators_and_the_courts_own_pages(url, primary):
    assert is_primary_source(url) is primary
