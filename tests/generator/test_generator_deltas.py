"""Daily delta folders: applied in order, the landing stays consistent and moves forward."""
import shutil

import pytest

from orchestration.generator import apply_delta


@pytest.fixture(scope="module")
def after_deltas(generated, tmp_path_factory, landing_reader):
    report, landing = generated
    target = tmp_path_factory.mktemp("applied") / "landing"
    shutil.copytree(landing, target)
    copied = [rel for day in report.delta_days for rel in apply_delta(report.deltas_dir, day, target)]
    return report, landing_reader(landing), landing_reader(target), copied


def test_every_night_brings_new_rows_and_a_tombstone(after_deltas):
    report, _, _, copied = after_deltas
    assert len(copied) == len(report.delta_files) == len(set(copied))
    for day in report.delta_days:
        files = [c for c in copied if c.endswith(f"delta-{day}.csv")]
        tombstones = 0
        for rel in files:
            path = report.deltas_dir / day / rel
            lines = path.read_text(encoding="utf-8").splitlines()
            header = lines[0].split(",")
            if "is_deleted" in header:
                tombstones += sum(1 for ln in lines[1:] if ln.endswith(",true"))
        assert tombstones >= 1, day


def test_new_records_and_greater_updated_at(after_deltas):
    _, before, after, _ = after_deltas
    for path, key in (("erp/orders", "order_id"), ("erp/invoices", "invoice_id"), ("crm/activities", "activity_id"),
                      ("crm/cases", "case_id"), ("crm/calls", "call_id")):
        assert after.scalar(f"SELECT count(*) FROM {after.live(path)}") > before.scalar(f"SELECT count(*) FROM {before.live(path)}"), path
    assert after.scalar(f"SELECT count(*) FROM {after.live('web/sessions')}") > before.scalar(f"SELECT count(*) FROM {before.live('web/sessions')}")
    moved = after.scalar(f"""SELECT count(*) FROM {after.live('crm/opportunities')} a JOIN {after.live('crm/opportunities', base_only=True)} b
        USING (opportunity_id) WHERE a.stage <> b.stage AND a.updated_at > b.updated_at""")
    assert moved >= 1
    delivered = after.scalar(f"""SELECT count(*) FROM {after.live('erp/orders')} a JOIN {after.live('erp/orders', base_only=True)} b
        USING (order_id) WHERE b.status = 'open' AND a.status = 'delivered'""")
    assert delivered >= 1


def test_consistency_holds_after_the_deltas(after_deltas):
    _, _, after, _ = after_deltas
    o, h = after.live("crm/opportunities"), after.live("crm/opportunity_stage_history")
    assert after.scalar(f"""WITH last AS (SELECT opportunity_id, arg_max(stage, entered_at) AS s FROM {h} GROUP BY 1)
        SELECT count(*) FROM {o} JOIN last USING (opportunity_id) WHERE s <> stage""") == 0
    assert after.scalar(f"SELECT count(*) FROM {o} WHERE stage LIKE 'closed%' AND closed_at IS NULL") == 0
    i, lines = after.live("erp/invoices"), after.live("erp/order_lines")
    worst = after.scalar(f"""WITH net AS (SELECT order_id, sum(quantity * unit_price * (1 - coalesce(discount_pct, 0) / 100)) AS n
        FROM {lines} GROUP BY 1) SELECT max(abs(amount_excl_tax - n)) FROM {i} JOIN net USING (order_id)
        WHERE invoice_type = 'invoice'""")
    assert worst < 0.005
    orders = after.live("erp/orders")
    assert after.scalar(f"SELECT count(*) FROM {lines} WHERE order_id NOT IN (SELECT order_id FROM {after.rows('erp/orders')})") == 0
    assert after.scalar(f"SELECT count(*) FROM {orders} WHERE ordered_at >= DATE '2026-11-01'") >= 1
