"""Typed parsing: every accepted spelling, every rejected one with its exact quarantine reason,
NULL and spaces-only handling, time zone conversion and the `_utc` twins."""
from __future__ import annotations

import datetime as dt

import pytest

OPP = "crm/opportunities/o.csv"
OPP_HEADER = "opportunity_id,stage,created_at,updated_at,amount,probability,expected_close_date,is_deleted"


def load_opp(landing, load, wh, column: str, value: str):
    """One `;`-delimited opportunity row with `value` in `column`; returns (typed value or
    None, quarantine rows)."""
    fields = {"opportunity_id": "OP1", "stage": "proposal", "created_at": "2026-01-05",
              "updated_at": "2026-01-05", "amount": "", "probability": "", "expected_close_date": "",
              "is_deleted": "", column: value}
    landing.write(OPP, OPP_HEADER.replace(",", ";") + "\n" + ";".join(fields[c] for c in OPP_HEADER.split(",")) + "\n")
    load()
    got = wh.rows(f"SELECT {column} FROM raw.crm__opportunities")
    return (got[0][0] if got else None), wh.quarantine(OPP)


@pytest.mark.parametrize("text, value", [
    ("42", 42), ("-3", -3), ("+7", 7), (" 42 ", 42), ("0", 0), ("9223372036854775807", 9223372036854775807)])
def test_int_accepted(landing, load, wh, text, value):
    assert load_opp(landing, load, wh, "probability", text) == (value, [])


@pytest.mark.parametrize("text", ["4.0", "4,5", "1e3", "12k", "forty", "99999999999999999999", "1 000", "   "])
def test_int_rejected(landing, load, wh, text):
    got, quarantined = load_opp(landing, load, wh, "probability", text)
    assert got is None
    assert [(n, r) for n, r, _ in quarantined] == [(2, f"invalid integer in probability: '{text}'")]


@pytest.mark.parametrize("text, value", [
    ("1234.50", 1234.5), ("1234,50", 1234.5), ("-3", -3.0), ("+2.5", 2.5), (" 7 ", 7.0),
    ("0,05", 0.05), ("1e3", 1000.0), ("1.5E-2", 0.015), ("1,234", 1.234)])
def test_num_accepted_decimal_point_or_comma(landing, load, wh, text, value):
    assert load_opp(landing, load, wh, "amount", text) == (pytest.approx(value), [])


@pytest.mark.parametrize("text", ["12k", "1 234,50", "1,234.50", "1.234,50", "nan", "inf", ".5", "12.", "€12", "   "])
def test_num_rejected(landing, load, wh, text):
    got, quarantined = load_opp(landing, load, wh, "amount", text)
    assert got is None
    assert [(n, r) for n, r, _ in quarantined] == [(2, f"invalid number in amount: '{text}'")]


@pytest.mark.parametrize("text, value", [
    ("true", True), ("false", False), ("TRUE", True), ("False", False), ("1", True), ("0", False),
    ("yes", True), ("no", False), ("YES", True), ("No", False), ("oui", True), ("non", False),
    ("OUI", True), ("Non", False), (" true ", True)])
def test_bool_spellings(landing, load, wh, text, value):
    assert load_opp(landing, load, wh, "is_deleted", text) == (value, [])


@pytest.mark.parametrize("text", ["peut-être", "vrai", "y", "2", "t", "   "])
def test_bool_rejected(landing, load, wh, text):
    got, quarantined = load_opp(landing, load, wh, "is_deleted", text)
    assert got is None
    assert [(n, r) for n, r, _ in quarantined] == [(2, f"invalid boolean in is_deleted: '{text}'")]


@pytest.mark.parametrize("text, value", [("2026-05-31", dt.date(2026, 5, 31)), (" 2026-02-28 ", dt.date(2026, 2, 28)),
                                         ("2024-02-29", dt.date(2024, 2, 29))])
def test_date_accepted(landing, load, wh, text, value):
    assert load_opp(landing, load, wh, "expected_close_date", text) == (value, [])


@pytest.mark.parametrize("text", ["2026-02-30", "31/05/2026", "2026-5-1", "2026/05/31", "20260531",
                                  "2026-05-31T10:00:00", "2025-02-29"])
def test_date_rejected(landing, load, wh, text):
    got, quarantined = load_opp(landing, load, wh, "expected_close_date", text)
    assert got is None
    assert [(n, r) for n, r, _ in quarantined] == [(2, f"invalid date in expected_close_date: '{text}'")]


def test_empty_field_is_null_and_optional_typed_columns_may_be_null(landing, load, wh):
    landing.write(OPP, OPP_HEADER + "\nOP1,proposal,2026-01-05,2026-01-05,,,,\n")
    load()
    assert wh.rows("SELECT amount, probability, expected_close_date, is_deleted, lost_reason "
                   "FROM raw.crm__opportunities") == [(None, None, None, None, None)]


def test_spaces_only_string_is_kept_not_null(landing, load, wh):
    landing.write(OPP, "opportunity_id,stage,lost_reason,created_at,updated_at\n"
                       "OP1,   ,  ,2026-01-05,2026-01-05\n")
    load()
    # A required string of spaces is present (not missing); strings are never trimmed.
    assert wh.rows("SELECT stage, lost_reason FROM raw.crm__opportunities") == [("   ", "  ")]
    assert wh.quarantine(OPP) == []


def test_missing_required_value_is_quarantined(landing, load, wh):
    landing.write(OPP, OPP_HEADER + "\n,proposal,2026-01-05,2026-01-05,,,,\nOP2,proposal,,2026-01-05,,,,\n")
    load()
    assert wh.quarantine(OPP) == [
        (2, "missing required value: opportunity_id", ",proposal,2026-01-05,2026-01-05,,,,"),
        (3, "missing required value: created_at", "OP2,proposal,,2026-01-05,,,,")]


def test_first_problem_in_contract_order_is_the_reason(landing, load, wh):
    landing.write(OPP, OPP_HEADER + "\nOP1,proposal,2026-01-05,,12k,x,2026-02-30,peut-être\n")
    load()
    # contract order: ... amount, probability, created_at, expected_close_date, ..., updated_at
    assert wh.quarantine(OPP)[0][1] == "invalid number in amount: '12k'"


# ---------------------------------------------------------------- timestamps

CM = "crm/campaign_members/m.csv"


def load_ts(landing, load, wh, text: str, timezone: str = "Europe/Paris"):
    """(updated_at, updated_at_utc) of one campaign member whose updated_at is `text`."""
    landing.write(CM, f"campaign_id;contact_id;updated_at\nC1;K1;{text}\n")
    load(timezone)
    got = wh.rows("SELECT updated_at::VARCHAR, updated_at_utc::VARCHAR FROM raw.crm__campaign_members")
    return got[0] if got else wh.quarantine(CM)


@pytest.mark.parametrize("text, local, utc", [
    # offset or Z: converted to local time; the twin is the instant in UTC
    ("2026-03-31T23:30:00Z", "2026-04-01 01:30:00", "2026-03-31 23:30:00"),
    ("2026-03-31T23:30:00z", "2026-04-01 01:30:00", "2026-03-31 23:30:00"),
    ("2026-03-31T23:30:00+02:00", "2026-03-31 23:30:00", "2026-03-31 21:30:00"),
    ("2026-03-31T23:30:00+0200", "2026-03-31 23:30:00", "2026-03-31 21:30:00"),
    ("2026-03-31T23:30:00+02", "2026-03-31 23:30:00", "2026-03-31 21:30:00"),
    ("2026-03-31 23:30:00+05:30", "2026-03-31 20:00:00", "2026-03-31 18:00:00"),
    ("2026-01-15T08:00:00-05:00", "2026-01-15 14:00:00", "2026-01-15 13:00:00"),
    ("2026-01-15T08:00+01:00", "2026-01-15 08:00:00", "2026-01-15 07:00:00"),
    ("2026-01-15T08:00:00.250Z", "2026-01-15 09:00:00.25", "2026-01-15 08:00:00.25"),
    ("2026-12-31T23:30:00Z", "2027-01-01 00:30:00", "2026-12-31 23:30:00"),
    # naive: already local; the twin is its instant in UTC
    ("2026-03-31 23:30:00", "2026-03-31 23:30:00", "2026-03-31 21:30:00"),
    ("2026-03-31T23:30:00", "2026-03-31 23:30:00", "2026-03-31 21:30:00"),
    ("2026-01-15 08:00", "2026-01-15 08:00:00", "2026-01-15 07:00:00"),
    ("2026-01-15 08:00:00.123456", "2026-01-15 08:00:00.123456", "2026-01-15 07:00:00.123456"),
    ("2026-01-01 00:30:00", "2026-01-01 00:30:00", "2025-12-31 23:30:00"),
    ("2026-01-15", "2026-01-15 00:00:00", "2026-01-14 23:00:00"),  # date only: local midnight
    (" 2026-01-15 08:00:00 ", "2026-01-15 08:00:00", "2026-01-15 07:00:00"),
    # DST: a nonexistent time reads with the offset before the change, an ambiguous one as
    # standard time (the later instant) -- the PostgreSQL rules
    ("2026-03-29 02:30:00", "2026-03-29 02:30:00", "2026-03-29 01:30:00"),
    ("2026-10-25 02:30:00", "2026-10-25 02:30:00", "2026-10-25 01:30:00"),
    ("2026-10-25 01:59:59", "2026-10-25 01:59:59", "2026-10-24 23:59:59"),
    ("2026-10-25T00:30:00Z", "2026-10-25 02:30:00", "2026-10-25 00:30:00"),
])
def test_timestamp_formats_in_paris(landing, load, wh, text, local, utc):
    assert load_ts(landing, load, wh, text) == (local, utc)


@pytest.mark.parametrize("timezone, text, local, utc", [
    ("UTC", "2026-03-31T23:30:00+02:00", "2026-03-31 21:30:00", "2026-03-31 21:30:00"),
    ("UTC", "2026-03-31 23:30:00", "2026-03-31 23:30:00", "2026-03-31 23:30:00"),
    ("America/New_York", "2026-07-01T02:00:00Z", "2026-06-30 22:00:00", "2026-07-01 02:00:00"),
    ("America/New_York", "2026-07-01 02:00:00", "2026-07-01 02:00:00", "2026-07-01 06:00:00"),
])
def test_timestamps_follow_the_reporting_time_zone(landing, load, wh, timezone, text, local, utc):
    assert load_ts(landing, load, wh, text, timezone) == (local, utc)


@pytest.mark.parametrize("text", [
    "31/05/2026 10:00", "2026-02-30T10:00:00Z", "2026-03-31T25:00:00", "2026-03-31T23:60:00",
    "2026-03-31T23:30:00+19:00", "2026-03-31T23:30:00+02:60", "2026-03-31T23:30:00 +02:00",
    "2026-03-31T23:30:00 CEST", "2026-03-31Z", "2026-03-31t23:30:00", "now", "1775000000", "   "])
def test_timestamp_rejected(landing, load, wh, text):
    assert load_ts(landing, load, wh, text) == [
        (2, f"invalid timestamp in updated_at: '{text}'", f"C1;K1;{text}")]


def test_every_ts_column_gets_a_utc_twin(landing, load, wh):
    landing.write(CM, "campaign_id,contact_id,sent_at,opened_at,updated_at\n"
                      "C1,K1,2026-06-01T08:00:00Z,2026-06-01 10:00:00,2026-06-02\n")
    load()
    assert wh.rows("SELECT sent_at::VARCHAR, sent_at_utc::VARCHAR, opened_at::VARCHAR, opened_at_utc::VARCHAR, "
                   "clicked_at, clicked_at_utc FROM raw.crm__campaign_members") == [
        ("2026-06-01 10:00:00", "2026-06-01 08:00:00", "2026-06-01 10:00:00", "2026-06-01 08:00:00", None, None)]
