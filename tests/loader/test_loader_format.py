"""File format rules: encoding, delimiter, header, CSV quoting, line numbers, field counts,
whole-file rejections — with the exact audit and quarantine rows."""
from __future__ import annotations

import pytest

import orchestration.loader.load_file as load_file_module

F = "crm/accounts/a.csv"
HEADER = "account_id,name,created_at,updated_at"


def test_comma_and_semicolon_files_with_decimal_comma_load_the_same_values(landing, load, wh):
    landing.write("erp/order_lines/comma.csv",
                  "order_id,line_no,quantity,unit_price,updated_at\n"
                  'O1,1,2,"1234,50",2026-01-15 10:00:00\n'
                  "O2,1,2,1234.50,2026-01-15 10:00:00\n")
    landing.write("erp/order_lines/semicolon.csv",
                  "order_id;line_no;quantity;unit_price;updated_at\n"
                  "O1;1;2;1234,50;2026-01-15 10:00:00\n"
                  "O2;1;2;1234.50;2026-01-15 10:00:00\n")
    load()
    got = wh.rows("SELECT _file_name, order_id, quantity, unit_price FROM raw.erp__order_lines ORDER BY 1, 2")
    assert got == [("comma.csv", "O1", 2.0, 1234.5), ("comma.csv", "O2", 2.0, 1234.5),
                   ("semicolon.csv", "O1", 2.0, 1234.5), ("semicolon.csv", "O2", 2.0, 1234.5)]


def test_delimiter_is_the_one_that_splits_the_header_into_more_fields(landing, load, wh):
    # `;` file whose names contain no comma, and a `,` file with a `;` inside a quoted name.
    landing.write("crm/accounts/semi.csv", "account_id;name;created_at;updated_at\n"
                                           "S1;Dupont, SA;2026-01-05;2026-01-05\n")
    landing.write("crm/accounts/comma.csv", 'account_id,name,"created_at",updated_at\n'
                                            'C1,"A; B",2026-01-05,2026-01-05\n')
    load()
    assert wh.rows("SELECT account_id, name FROM raw.crm__accounts ORDER BY 1") == [
        ("C1", "A; B"), ("S1", "Dupont, SA")]


def test_bom_is_stripped(landing, load, wh):
    landing.write(F, f"{HEADER}\nA1,Acme,2026-01-05,2026-01-05\n", bom=True)
    load()
    assert wh.rows("SELECT account_id FROM raw.crm__accounts") == [("A1",)]
    assert wh.audit(F) == (1, 1, 0)


def test_header_names_are_trimmed_and_case_insensitive(landing, load, wh):
    landing.write(F, " Account_ID ;NAME; created_At;Updated_At \nA1;Acme;2026-01-05;2026-01-06\n")
    load()
    assert wh.rows("SELECT account_id, name, created_at, updated_at FROM raw.crm__accounts") == [
        ("A1", "Acme", *wh.rows("SELECT TIMESTAMP '2026-01-05', TIMESTAMP '2026-01-06'")[0])]


def test_extra_columns_ignored_missing_optional_columns_null_any_order(landing, load, wh):
    landing.write(F, "updated_at,comment,name,account_id,created_at,segment\n"
                     "2026-01-06,hello,Acme,A1,2026-01-05,PME\n")
    load()
    assert wh.rows("SELECT account_id, name, segment, country, is_deleted FROM raw.crm__accounts") == [
        ("A1", "Acme", "PME", None, None)]


def test_missing_required_column_rejects_the_whole_file(landing, load, wh):
    landing.write(F, "account_id,name,created_at\nA1,Acme,2026-01-05\nA2,Beta,2026-01-05\n\n")
    report = load()
    assert wh.quarantine(F) == [(None, "missing required column: updated_at", "account_id,name,created_at")]
    assert wh.audit(F) == (2, 0, 2)
    assert (report.file(F).status, report.file(F).reason) == ("rejected", "missing required column: updated_at")
    assert wh.rows("SELECT count(*) FROM raw.crm__accounts") == [(0,)]


def test_several_missing_required_columns_are_all_named(landing, load, wh):
    landing.write(F, "account_id,name\nA1,Acme\n")
    load()
    assert wh.quarantine(F) == [(None, "missing required columns: created_at, updated_at", "account_id,name")]
    assert wh.audit(F) == (1, 0, 1)


def test_duplicate_contract_column_in_header_rejects_the_file(landing, load, wh):
    landing.write(F, f"{HEADER},Name\nA1,Acme,2026-01-05,2026-01-05,Other\n")
    load()
    assert wh.quarantine(F) == [(None, "duplicate column in header: name", f"{HEADER},Name")]
    assert wh.audit(F) == (1, 0, 1)


def test_header_only_file_loads_zero_rows(landing, load, wh):
    landing.write(F, f"{HEADER}\n")
    report = load()
    assert wh.audit(F) == (0, 0, 0)
    assert wh.quarantine(F) == []
    assert report.file(F).status == "loaded"


@pytest.mark.parametrize("content", [b"", b"\xef\xbb\xbf"], ids=["zero-bytes", "bom-only"])
def test_empty_file_is_rejected_with_no_rows(landing, load, wh, content):
    landing.write(F, content)
    report = load()
    # One quarantine entry, while rows_read = rows_quarantined = 0 (they count data rows).
    assert wh.quarantine(F) == [(None, "empty file (no header)", None)]
    assert wh.audit(F) == (0, 0, 0)
    assert report.file(F).status == "rejected"


def test_blank_header_line_rejects_the_file(landing, load, wh):
    landing.write(F, f"\n{HEADER}\nA1,Acme,2026-01-05,2026-01-05\n")
    load()
    assert wh.quarantine(F) == [(None, "blank header line", None)]
    assert wh.audit(F) == (2, 0, 2)  # non-blank lines after line 1


def test_binary_file_is_rejected_whole(landing, load, wh):
    landing.write(F, b"PK\x03\x04\x00\x00binary\nmore\x00stuff\nend\n")
    load()
    assert wh.quarantine(F) == [(None, "binary file, not CSV text: NUL byte on line 1", None)]
    assert wh.audit(F) == (2, 0, 2)


def test_invalid_utf8_file_is_rejected_whole_before_any_row_loads(landing, load, wh):
    text = f"{HEADER}\nA1,Acme,2026-01-05,2026-01-05\nA2,Caf\xe9,2026-01-05,2026-01-05\n"
    landing.write(F, text.encode("latin-1"))
    load()
    assert wh.quarantine(F) == [(None, "not valid UTF-8: undecodable byte on line 3", None)]
    assert wh.audit(F) == (2, 0, 2)
    assert wh.rows("SELECT count(*) FROM raw.crm__accounts") == [(0,)]


def test_utf8_accents_load(landing, load, wh):
    landing.write(F, f"{HEADER}\nA1,Société Générale — Café,2026-01-05,2026-01-05\n")
    load()
    assert wh.rows("SELECT name FROM raw.crm__accounts") == [("Société Générale — Café",)]


def test_quoted_delimiters_quotes_and_newlines(landing, load, wh):
    landing.write(F, f'{HEADER}\n'
                     'A1,"Dupont, SA",2026-01-05,2026-01-05\n'
                     'A2,"Say ""hi""",2026-01-05,2026-01-05\n'
                     'A3,"two\nlines",2026-01-05,2026-01-05\n'
                     'A4,after,2026-01-05,2026-01-05\n')
    load()
    assert wh.rows("SELECT account_id, name, _line FROM raw.crm__accounts ORDER BY 1") == [
        ("A1", "Dupont, SA", 2), ("A2", 'Say "hi"', 3), ("A3", "two\nlines", 4), ("A4", "after", 6)]


def test_wrong_number_of_fields_is_quarantined_with_its_line(landing, load, wh):
    landing.write(F, f"{HEADER}\n"
                     "A1,Acme,2026-01-05,2026-01-05\n"
                     "A2,Acme,2026-01-05\n"
                     "A3,Acme,2026-01-05,2026-01-05,extra\n"
                     "A4,Acme,2026-01-05,2026-01-05\n")
    load()
    assert wh.quarantine(F) == [
        (3, "wrong number of fields: expected 4, got 3", "A2,Acme,2026-01-05"),
        (4, "wrong number of fields: expected 4, got 5", "A3,Acme,2026-01-05,2026-01-05,extra")]
    assert wh.audit(F) == (4, 2, 2)
    assert wh.rows("SELECT account_id, _line FROM raw.crm__accounts ORDER BY 1") == [("A1", 2), ("A4", 5)]


def test_blank_lines_are_not_rows_but_count_in_line_numbers(landing, load, wh):
    landing.write(F, f"{HEADER}\n\nA1,Acme,2026-01-05,2026-01-05\n\n\nA2,,2026-01-05,2026-01-05\n\n")
    load()
    assert wh.audit(F) == (2, 1, 1)
    assert wh.rows("SELECT _line FROM raw.crm__accounts") == [(3,)]
    assert wh.quarantine(F) == [(6, "missing required value: name", "A2,,2026-01-05,2026-01-05")]


def test_crlf_line_endings_and_a_last_line_without_newline(landing, load, wh):
    landing.write(F, f"{HEADER}\r\nA1,Acme,2026-01-05,2026-01-05\r\nA2,,2026-01-05,2026-01-05\r\n"
                     'A3,"x\r\ny",2026-01-05,2026-01-05')
    load()
    assert wh.rows("SELECT account_id, name, updated_at::VARCHAR, _line FROM raw.crm__accounts ORDER BY 1") == [
        ("A1", "Acme", "2026-01-05 00:00:00", 2), ("A3", "x\r\ny", "2026-01-05 00:00:00", 4)]
    assert wh.quarantine(F) == [(3, "missing required value: name", "A2,,2026-01-05,2026-01-05")]


def test_bad_multiline_record_keeps_first_line_number_and_full_raw_text(landing, load, wh):
    landing.write(F, f"{HEADER}\n"
                     'A1,"multi\nline\nname",2026-01-05,oops\n'
                     "A2,,2026-01-05,2026-01-05\n")
    load()
    assert wh.quarantine(F) == [
        (2, "invalid timestamp in updated_at: 'oops'", 'A1,"multi\nline\nname",2026-01-05,oops'),
        (5, "missing required value: name", "A2,,2026-01-05,2026-01-05")]


def test_line_numbers_and_raw_text_across_chunk_boundaries(landing, load, wh, monkeypatch):
    monkeypatch.setattr(load_file_module, "CHUNK_ROWS", 2)
    body = ['A1,"x\ny",2026-01-05,2026-01-05', "", "A2,Acme,bad,2026-01-05",
            'A3,"p\nq\nr",2026-01-05,nope', "A4,Acme,2026-01-05,2026-01-05", "A5,Acme,2026-01-05",
            "A6,Acme,2026-01-05,2026-01-05"]
    landing.write(F, HEADER + "\n" + "\n".join(body) + "\n")
    load()
    assert wh.rows("SELECT account_id, _line FROM raw.crm__accounts ORDER BY 1") == [
        ("A1", 2), ("A4", 9), ("A6", 11)]
    assert wh.quarantine(F) == [
        (5, "invalid timestamp in created_at: 'bad'", "A2,Acme,bad,2026-01-05"),
        (6, "invalid timestamp in updated_at: 'nope'", 'A3,"p\nq\nr",2026-01-05,nope'),
        (10, "wrong number of fields: expected 4, got 3", "A5,Acme,2026-01-05")]
    assert wh.audit(F) == (6, 3, 3)


def test_unclosed_quote_at_end_of_file_is_one_bad_record(landing, load, wh):
    landing.write(F, f'{HEADER}\nA1,Acme,2026-01-05,2026-01-05\nA2,"never closed,2026-01-05,2026-01-05\n')
    load()
    assert wh.quarantine(F) == [
        (3, "wrong number of fields: expected 4, got 2", 'A2,"never closed,2026-01-05,2026-01-05')]
    assert wh.audit(F) == (2, 1, 1)


def test_csv_structure_error_mid_file_rejects_it_whole_and_drops_rows_already_written(
        landing, load, wh, monkeypatch):
    monkeypatch.setattr(load_file_module, "CHUNK_ROWS", 1)  # A1 is inserted before the error
    landing.write(F, f'{HEADER}\nA1,Acme,2026-01-05,2026-01-05\n\nA2,"{"x" * 140_000}\nA3,y\n')
    report = load()
    assert wh.quarantine(F) == [
        (None, "unreadable CSV near line 4: field larger than field limit (131072)", None)]
    assert wh.audit(F) == (3, 0, 3)  # non-blank physical lines after the header
    assert wh.rows("SELECT count(*) FROM raw.crm__accounts") == [(0,)]
    assert report.file(F).status == "rejected"


def test_unreadable_file_is_rejected_and_retried_next_time(landing, load, wh, monkeypatch):
    import orchestration.loader.load as load_module
    landing.write(F, f"{HEADER}\nA1,Acme,2026-01-05,2026-01-05\n")
    real = load_module.fingerprint

    def denied(path):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(load_module, "fingerprint", denied)
    monkeypatch.setattr(load_file_module, "count_data_lines", denied)
    load()
    assert wh.quarantine(F) == [(None, "cannot read file: Permission denied", None)]
    assert wh.audit(F) == (0, 0, 0)
    assert wh.rows("SELECT file_hash FROM audit.load_audit") == [(None,)]
    monkeypatch.setattr(load_module, "fingerprint", real)
    load()
    assert wh.audit(F) == (1, 1, 0) and wh.quarantine(F) == []
