"""The export mess is there, at the configured rates, and can be switched off."""
import re

from orchestration.contract import ENTITIES
from orchestration.generator import MessRates, generate

TAG = "2026-10-31"


def _lines(path):
    return path.read_text(encoding="utf-8").splitlines()


def test_semicolon_files_use_decimal_commas(generated, landing):
    _, root = generated
    for path in ("erp/invoices", "erp/order_lines", "erp/timesheets"):
        lines = _lines(root / path / f"{TAG}-full.csv")
        assert ";" in lines[0] and "," not in lines[0]
        assert any(re.search(r";\d+,\d+(;|$)", ln) for ln in lines[1:50]), path
    inv = landing.live("erp/invoices")
    assert landing.scalar(f"SELECT count(*) FROM {inv} WHERE amount_excl_tax <> round(amount_excl_tax, 2)") == 0
    assert landing.scalar(f"SELECT count(*) FROM {inv} WHERE amount_excl_tax <> floor(amount_excl_tax)") > 0


def test_french_booleans_and_telephony_booleans(generated):
    _, root = generated
    ts = _lines(root / "erp/timesheets" / f"{TAG}-full.csv")[1:]
    assert {ln.split(";")[5] for ln in ts} == {"oui", "non"}
    calls = _lines(root / "crm/calls" / f"{TAG}-full.csv")[1:]
    assert {ln.split(",")[4] for ln in calls} == {'"0"', '"1"'}


def test_at_least_one_unlinked_erp_customer_with_orders(generated, landing):
    report, _ = generated
    c, a, o = landing.live("erp/customers"), landing.rows("crm/accounts"), landing.live("erp/orders")
    unlinked = landing.scalar(f"""SELECT count(*) FROM {c} WHERE crm_account_id IS NULL
        AND erp_customer_id NOT IN (SELECT erp_customer_id FROM {a} WHERE erp_customer_id IS NOT NULL)""")
    assert unlinked >= 1 and unlinked == report.mess["unlinked_customers"]
    assert landing.scalar(f"""SELECT count(*) FROM {o} WHERE erp_customer_id IN (SELECT erp_customer_id FROM {c}
        WHERE crm_account_id IS NULL AND erp_customer_id NOT IN
        (SELECT erp_customer_id FROM {a} WHERE erp_customer_id IS NOT NULL))""") > 0


def test_broken_links_and_country_mismatches(landing):
    c, a = landing.live("erp/customers"), landing.live("crm/accounts")
    assert landing.scalar(f"""SELECT count(*) FROM {a} WHERE erp_customer_id IS NOT NULL
        AND erp_customer_id NOT IN (SELECT erp_customer_id FROM {c})""") >= 1
    assert landing.scalar(f"""SELECT count(*) FROM {c} c JOIN {a} a ON a.account_id = c.crm_account_id
        WHERE c.country <> a.country""") >= 1


def test_duplicate_contact_emails_differ_in_case_or_spaces(generated, landing):
    report, _ = generated
    c = landing.live("crm/contacts")
    groups, extra, variants = landing.sql(f"""
        SELECT count(*), sum(n - 1), sum(variants) FROM (
            SELECT lower(trim(email)) AS k, count(*) AS n, count(DISTINCT email) - 1 AS variants
            FROM {c} WHERE trim(email) <> '' GROUP BY 1 HAVING count(*) > 1)""")[0]
    assert extra >= report.mess["duplicate_contacts"] * 0.7
    assert variants >= 1


def test_duplicate_accounts_by_normalized_name(landing):
    a = landing.live("crm/accounts")
    assert landing.scalar(f"""SELECT count(*) FROM (SELECT regexp_replace(lower(name), '[^[:alnum:]]', '', 'g'),
        coalesce(country, '') FROM {a} GROUP BY ALL HAVING count(*) > 1)""") >= 1


def test_malformed_rows_are_in_the_files_and_unparsable(generated, landing):
    report, root = generated
    for path, pattern in (("erp/order_lines", r";\d+k;"), ("crm/quotes", r',"\d\d/\d\d/\d{4}",'),
                          ("crm/cases", r"-02-30 "), ("crm/activities", r"peut-être")):
        text = (root / path / f"{TAG}-full.csv").read_text(encoding="utf-8")
        assert len(re.findall(pattern, text)) == report.mess[f"malformed:{path}"] >= 1, path
    header, *rows = _lines(root / "erp/orders" / f"{TAG}-full.csv")
    short = [r for r in rows if r.count(",") < header.count(",")]
    assert len(short) == report.mess["malformed:erp/orders"] >= 1
    for ent in ENTITIES:
        written = report.rows[ent.path]
        parsed = landing.scalar(f"SELECT count(*) FROM {landing.rows(ent.path)}")
        assert written - parsed == report.mess.get(f"malformed:{ent.path}", 0), ent.path


def test_timestamps_mostly_naive_some_with_offsets(generated):
    _, root = generated
    text = (root / "crm/activities" / f"{TAG}-full.csv").read_text(encoding="utf-8")
    naive = len(re.findall(r'"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d"', text))
    zulu = len(re.findall(r'"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"', text))
    offset = len(re.findall(r'"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0[12]:00"', text))
    assert zulu > 0 and offset > 0
    assert naive > 20 * (zulu + offset)
    sessions = (root / "web/sessions" / f"{TAG}-full.csv").read_text(encoding="utf-8")
    assert len(re.findall(r'\dZ"', sessions)) == len(_lines(root / "web/sessions" / f"{TAG}-full.csv")) - 1


def test_versions_and_tombstones(generated, landing):
    report, _ = generated
    for path in ("crm/opportunities", "erp/orders", "crm/activities", "crm/accounts", "crm/contacts"):
        ent = next(e for e in ENTITIES if e.path == path)
        key = ent.key[0]
        allrows = landing.rows(path)
        multi = landing.scalar(f"SELECT count(*) FROM (SELECT {key} FROM {allrows} GROUP BY 1 HAVING count(DISTINCT _file) > 1)")
        assert multi >= 1, path
        later = landing.scalar(f"""SELECT count(*) FROM {allrows} u JOIN {allrows} f USING ({key})
            WHERE u._file LIKE '%-updates.csv' AND f._file LIKE '%-full.csv' AND u.updated_at <= f.updated_at""")
        assert later == 0, path
        assert report.mess.get(f"tombstones:{path}", 0) >= 1, path
    o, allo = landing.live("crm/opportunities"), landing.rows("crm/opportunities")
    assert landing.scalar(f"SELECT count(DISTINCT opportunity_id) FROM {allo}") > landing.scalar(f"SELECT count(*) FROM {o}")


def test_append_only_resends_are_exact_duplicates(generated, landing):
    report, _ = generated
    for path in ("web/sessions", "crm/opportunity_stage_history"):
        total = landing.scalar(f"SELECT count(*) FROM {landing.rows(path)}")
        distinct = landing.scalar(f"SELECT count(*) FROM {landing.live(path)}")
        assert total - distinct == report.mess[f"duplicates:{path}"] >= 1


def test_missing_fields(landing):
    c = landing.live("crm/contacts")
    for col in ("job_title", "department", "phone", "email"):
        assert landing.scalar(f"SELECT count(*) FROM {c} WHERE {col} IS NULL") >= 1, col
    p = landing.live("erp/products")
    assert landing.scalar(f"SELECT count(*) FROM {p} WHERE unit_cost IS NULL") >= 1
    lines = landing.live("erp/order_lines")
    assert landing.scalar(f"SELECT count(*) FROM {lines} WHERE discount_pct IS NULL") >= 1
    assert landing.scalar(f"SELECT count(*) FROM {lines} WHERE unit_cost IS NULL") >= 1
    q = landing.live("crm/quotes")
    assert landing.scalar(f"SELECT count(*) FROM {q} WHERE status = 'sent' AND follow_up_on IS NULL") >= 1


def test_mess_can_be_switched_off(tmp_path):
    clean = MessRates(duplicate_contacts=0, duplicate_accounts=0, orphan_contacts=0, missing_fields=0,
                      invalid_contact_data=0, unlinked_customers=0, broken_crm_links=0, country_mismatches=0,
                      malformed_rows=0, offset_timestamps=0, versions=0, tombstones=0, duplicate_events=0,
                      semicolon_entities=())
    report = generate(tmp_path / "l", scale=0.005, seed=9, mess=clean)
    assert not any(k.startswith(("malformed", "duplicates", "tombstones", "versions")) for k in report.mess)
    assert report.mess["unlinked_customers"] == 0 and report.mess["orphan_contacts"] == 0
    for f in (tmp_path / "l").rglob("*.csv"):
        head = f.read_text(encoding="utf-8")
        assert ";" not in head.splitlines()[0]
        if "sessions" not in f.parts:  # the web analytics tool always exports UTC: not mess
            assert "Z\"" not in head and "+02:00" not in head
    assert not list((tmp_path / "l").rglob("*-updates.csv"))
