"""Row counts grow linearly with --scale (reps, teams and the catalogue sub-linearly)."""
from orchestration.generator import generate
from orchestration.generator.world import BASE_VOLUMES

LINEAR = ["crm/accounts", "crm/contacts", "crm/leads", "crm/opportunities", "crm/activities", "crm/cases",
          "crm/calls", "crm/campaign_members", "erp/orders", "erp/order_lines", "erp/invoices",
          "erp/timesheets", "web/sessions"]


def test_double_scale_doubles_rows(generated, tmp_path):
    small, _ = generated  # scale 0.02
    big = generate(tmp_path / "l", scale=0.04, seed=small.seed)
    for path in LINEAR:
        ratio = big.rows[path] / small.rows[path]
        assert 1.75 <= ratio <= 2.25, (path, ratio)
    assert big.rows["crm/sales_reps"] < 2 * small.rows["crm/sales_reps"]


def test_scale_one_volumes_are_the_documented_ones():
    assert BASE_VOLUMES["accounts"] == 10_000 and BASE_VOLUMES["contacts"] == 30_000
    assert BASE_VOLUMES["opportunities"] == 40_000 and BASE_VOLUMES["activities"] == 300_000
    assert BASE_VOLUMES["orders"] == 200_000


def test_rows_per_scale_unit(generated):
    report, _ = generated
    per_unit = {p: report.rows[p] / 0.02 for p in ("crm/accounts", "erp/orders", "erp/order_lines", "crm/activities")}
    assert 9_000 <= per_unit["crm/accounts"] <= 11_500
    assert 180_000 <= per_unit["erp/orders"] <= 230_000
    assert 500_000 <= per_unit["erp/order_lines"] <= 700_000
    assert 270_000 <= per_unit["crm/activities"] <= 340_000
