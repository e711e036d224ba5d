"""At a small scale every KPI population of spec/kpis.yml still has rows (as of --end)."""
import pytest

AS_OF = "DATE '2026-10-31'"

# name -> (entity paths used as {0}, {1}..., SQL count, minimum)
POPULATIONS = {
    "visits done with and without report": (["crm/activities"],
        "SELECT count(DISTINCT has_report) FROM {0} WHERE activity_type = 'visit' AND status = 'done'", 2),
    "late visits": (["crm/activities"],
        f"SELECT count(*) FROM {{0}} WHERE activity_type = 'visit' AND status = 'planned' AND CAST(due_at AS DATE) < {AS_OF}", 3),
    "planned future activities": (["crm/activities"],
        f"SELECT count(*) FROM {{0}} WHERE status = 'planned' AND CAST(due_at AS DATE) > {AS_OF}", 3),
    "quotes to follow up": (["crm/quotes"], f"SELECT count(*) FROM {{0}} WHERE status = 'sent' AND follow_up_on <= {AS_OF}", 3),
    "open orders backlog": (["erp/orders"], "SELECT count(*) FROM {0} WHERE status = 'open'", 3),
    "cancelled orders": (["erp/orders"], "SELECT count(*) FROM {0} WHERE status = 'cancelled'", 3),
    "order channels": (["erp/orders"], "SELECT count(DISTINCT channel) FROM {0}", 4),
    "active action plans": (["crm/action_plans"], "SELECT count(*) FROM {0} WHERE status = 'active' AND tasks_total > 0", 2),
    "calls on closed opportunities": (["crm/activities", "crm/opportunities"],
        "SELECT count(*) FROM {0} a JOIN {1} o USING (opportunity_id) WHERE a.activity_type = 'call' AND a.status = 'done' "
        "AND o.stage IN ('closed_won', 'closed_lost')", 10),
    "open opportunities by stage": (["crm/opportunities"],
        "SELECT count(DISTINCT stage) FROM {0} WHERE stage NOT IN ('closed_won', 'closed_lost')", 4),
    "overdue opportunities": (["crm/opportunities"],
        f"SELECT count(*) FROM {{0}} WHERE stage NOT LIKE 'closed%' AND expected_close_date < {AS_OF}", 2),
    "won without amount": (["crm/opportunities"], "SELECT count(*) FROM {0} WHERE stage = 'closed_won' AND amount IS NULL", 1),
    "lost without reason": (["crm/opportunities"], "SELECT count(*) FROM {0} WHERE stage = 'closed_lost' AND lost_reason IS NULL", 1),
    "lost reasons": (["crm/opportunities"], "SELECT count(DISTINCT lost_reason) FROM {0}", 5),
    "lead sources": (["crm/leads"], "SELECT count(DISTINCT source) FROM {0} WHERE qualified_at IS NOT NULL", 6),
    "campaign channels": (["crm/campaigns"], "SELECT count(DISTINCT channel) FROM {0} WHERE cost > 0", 5),
    "campaign responses": (["crm/campaign_members"], "SELECT count(*) FROM {0} WHERE responded_at IS NOT NULL", 5),
    "campaign won deals": (["crm/opportunities"], "SELECT count(*) FROM {0} WHERE stage = 'closed_won' AND campaign_id IS NOT NULL", 2),
    "mailing list": (["crm/contacts"], "SELECT count(*) FROM {0} WHERE email_opt_in", 20),
    "unreachable contacts": (["crm/contacts"], "SELECT count(*) FROM {0} WHERE email IS NULL AND phone IS NULL", 1),
    "invalid e-mails": (["crm/contacts"], "SELECT count(*) FROM {0} WHERE NOT regexp_matches(trim(email), '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$')", 1),
    "stale contacts": (["crm/contacts"], f"SELECT count(*) FROM {{0}} WHERE CAST(updated_at AS DATE) < {AS_OF} - 365", 20),
    "prospect accounts": (["crm/accounts", "erp/customers"],
        "SELECT count(*) FROM {0} WHERE erp_customer_id IS NULL AND account_id NOT IN "
        "(SELECT crm_account_id FROM {1} WHERE crm_account_id IS NOT NULL)", 10),
    "customers without order for 6 months": (["erp/orders"],
        f"SELECT count(*) FROM (SELECT erp_customer_id FROM {{0}} WHERE status <> 'cancelled' GROUP BY 1 "
        f"HAVING max(CAST(ordered_at AS DATE)) < {AS_OF} - 180)", 3),
    "new customers in 2026": (["erp/orders"],
        "SELECT count(*) FROM (SELECT erp_customer_id FROM {0} WHERE status <> 'cancelled' GROUP BY 1 "
        "HAVING min(ordered_at) >= DATE '2026-01-01')", 3),
    "multi-range customers": (["erp/order_lines", "erp/products", "erp/orders"],
        "SELECT count(*) FROM (SELECT o.erp_customer_id FROM {0} l JOIN {1} p USING (product_id) JOIN {2} o USING (order_id) "
        "GROUP BY 1 HAVING count(DISTINCT p.product_range) >= 2)", 10),
    "complaints": (["crm/cases"], "SELECT count(*) FROM {0} WHERE is_complaint AND closed_at IS NOT NULL", 5),
    "same-day closures": (["crm/cases"], "SELECT count(*) FROM {0} WHERE CAST(closed_at AS DATE) = CAST(opened_at AS DATE)", 5),
    "cases past SLA still open": (["crm/cases"], f"SELECT count(*) FROM {{0}} WHERE closed_at IS NULL AND sla_due_at < {AS_OF}", 1),
    "contact reasons": (["crm/cases"], "SELECT count(DISTINCT reason) FROM {0}", 8),
    "abandoned inbound calls": (["crm/calls"], "SELECT count(*) FROM {0} WHERE direction = 'inbound' AND answered_at IS NULL", 3),
    "callbacks": (["crm/calls"], "SELECT count(*) FROM {0} WHERE is_callback", 3),
    "non-billable hours": (["erp/timesheets"], "SELECT count(*) FROM {0} WHERE NOT is_billable", 10),
    "under-priced projects": (["erp/timesheets"],
        "SELECT count(DISTINCT project_id) FROM {0} WHERE hourly_rate < hourly_cost", 1),
    "web goals by channel": (["web/sessions"], "SELECT count(DISTINCT channel) FROM {0} WHERE goal_completed", 4),
    "identified web visitors": (["web/sessions"], "SELECT count(*) FROM {0} WHERE contact_id IS NOT NULL", 5),
    "reps who left": (["crm/sales_reps"], "SELECT count(*) FROM {0} WHERE left_on IS NOT NULL", 1),
    "teams": (["crm/sales_reps"], "SELECT count(DISTINCT team) FROM {0} WHERE team <> 'Direction commerciale'", 3),
    "countries": (["crm/accounts"], "SELECT count(DISTINCT country) FROM {0}", 4),
    "segments": (["crm/accounts"], "SELECT count(DISTINCT segment) FROM {0}", 4),
    "August dip": (["erp/orders"],
        "SELECT (SELECT count(*) FROM {0} WHERE month(ordered_at) = 8) * 2 < "
        "(SELECT count(*) FROM {0} WHERE month(ordered_at) IN (6, 9)) / 2 * 2", 1),
    "growth": (["erp/orders"],
        "SELECT (SELECT count(*) FROM {0} WHERE year(ordered_at) = 2025) > (SELECT count(*) FROM {0} WHERE year(ordered_at) = 2024)", 1),
}


@pytest.mark.parametrize("name", sorted(POPULATIONS))
def test_population_is_not_empty(landing, name):
    paths, sql, minimum = POPULATIONS[name]
    value = landing.scalar(sql.format(*[landing.live(p) for p in paths]))
    assert value >= minimum, (name, value)
