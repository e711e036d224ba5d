"""Every KPI of the catalogue has its recette decision, and the decisions are consistent."""
from __future__ import annotations

from orchestration.recette.rules import Kpi
from orchestration.recette.spec import load_spec, suite_file


def test_every_kpi_has_a_decision_in_its_module_suite():
    spec = load_spec()
    for module in spec.modules:
        decided = set(suite_file(module).KPIS)
        assert decided == set(spec.module_kpis(module)), module
        assert all(isinstance(rule, Kpi) for rule in suite_file(module).KPIS.values())


def test_decisions_fit_the_catalogue():
    spec = load_spec()
    for code, rule in spec.rules.items():
        kpi = spec.kpis[code]
        assert set(rule.additive) <= set(kpi["dimensions"]) - {"total"}, code
        if rule.additive or rule.time_additive:
            assert kpi["unit"] in ("eur", "count"), f"{code}: only sums and counts add up"
        if rule.time_additive:
            assert kpi["kind"] == "period" and kpi["grains"] == ["month", "quarter", "year"], code
        for bounds in (rule.bounds, rule.clean_bounds):
            assert bounds is None or (bounds[0] is None or bounds[1] is None or bounds[0] < bounds[1])


def test_multi_member_dimensions_are_not_additive():
    spec = load_spec()
    assert "product_range" not in spec.rule("orders_count").additive
    assert not spec.rule("campaigns_active").time_additive
    assert spec.rule("invoiced_revenue").bounds is None  # credit notes
    assert spec.rule("gross_margin").bounds is None and spec.rule("project_margin").bounds is None
