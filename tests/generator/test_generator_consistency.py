"""Referential and business consistency of the current (live) state, read as the pipeline would."""


def test_every_order_has_its_customer(landing):
    o, c = landing.live("erp/orders"), landing.live("erp/customers")
    assert landing.scalar(f"SELECT count(*) FROM {o}") > 100
    assert landing.scalar(f"SELECT count(*) FROM {o} WHERE erp_customer_id NOT IN (SELECT erp_customer_id FROM {c})") == 0


def test_every_order_line_has_its_order_and_product(landing):
    lines, p = landing.live("erp/order_lines"), landing.live("erp/products")
    all_orders = landing.rows("erp/orders")  # lines of deleted (tombstoned) orders still name them
    assert landing.scalar(f"SELECT count(*) FROM {lines} WHERE order_id NOT IN (SELECT order_id FROM {all_orders})") == 0
    assert landing.scalar(f"SELECT count(*) FROM {lines} WHERE product_id NOT IN (SELECT product_id FROM {p})") == 0


def test_invoice_amount_is_the_order_net_amount(landing):
    i, lines, o = landing.live("erp/invoices"), landing.live("erp/order_lines"), landing.live("erp/orders")
    n, worst = landing.sql(f"""
        WITH net AS (SELECT order_id, sum(quantity * unit_price * (1 - coalesce(discount_pct, 0) / 100)) AS amount
                     FROM {lines} GROUP BY 1)
        SELECT count(*), max(abs(i.amount_excl_tax - net.amount)) FROM {i} i JOIN net USING (order_id)
        WHERE i.invoice_type = 'invoice'""")[0]
    assert n > 100
    assert worst < 0.005
    assert landing.scalar(f"""SELECT count(*) FROM {i} WHERE invoice_type = 'invoice'
                              AND order_id NOT IN (SELECT order_id FROM {o})""") == 0


def test_invoices_follow_delivery_and_credit_notes_are_positive(landing):
    i, o = landing.live("erp/invoices"), landing.live("erp/orders")
    assert landing.scalar(f"""SELECT count(*) FROM {i} JOIN {o} USING (order_id)
        WHERE invoice_type = 'invoice' AND (status <> 'delivered' OR invoiced_on < CAST(delivered_at AS DATE))""") == 0
    assert landing.scalar(f"SELECT count(*) FROM {i} WHERE invoice_type = 'credit_note'") > 0
    assert landing.scalar(f"SELECT min(amount_excl_tax) FROM {i}") > 0


def test_stage_history_is_ordered_and_ends_in_the_current_stage(landing):
    o, h = landing.live("crm/opportunities"), landing.live("crm/opportunity_stage_history")
    bad = landing.scalar(f"""
        WITH last AS (SELECT opportunity_id, arg_max(stage, entered_at) AS stage, count(*) AS n,
                             count(DISTINCT entered_at) AS distinct_times, min(entered_at) AS first_at
                      FROM {h} GROUP BY 1)
        SELECT count(*) FROM {o} o LEFT JOIN last l USING (opportunity_id)
        WHERE l.stage IS NULL OR l.stage <> o.stage OR l.n <> l.distinct_times OR l.first_at <> o.created_at""")
    assert bad == 0


def test_closed_opportunities_have_closed_at_and_mostly_a_lost_reason(landing):
    o = landing.live("crm/opportunities")
    rows = dict((s, (n, closed, reason)) for s, n, closed, reason in landing.sql(
        f"SELECT stage, count(*), count(closed_at), count(lost_reason) FROM {o} GROUP BY 1"))
    for stage in ("closed_won", "closed_lost"):
        n, closed, _ = rows[stage]
        assert n > 0 and closed == n
    n, _, reason = rows["closed_lost"]
    assert 0.8 * n <= reason < n
    assert sum(rows[s][1] for s in ("prospecting", "qualification", "proposal", "negotiation")) == 0
    assert landing.scalar(f"""SELECT count(*) FROM {o} WHERE stage = 'closed_won' AND probability <> 100
                              OR stage = 'closed_lost' AND probability <> 0""") == 0


def test_contacts_belong_to_accounts_except_the_injected_orphans(generated, landing):
    report, _ = generated
    c, a = landing.live("crm/contacts"), landing.rows("crm/accounts")
    orphans = landing.scalar(f"SELECT count(*) FROM {c} WHERE account_id NOT IN (SELECT account_id FROM {a})")
    assert orphans <= report.mess["orphan_contacts"]
    assert orphans >= 1


def test_activities_point_to_existing_records(landing):
    act = landing.live("crm/activities")
    for col, ent, key in (("account_id", "crm/accounts", "account_id"), ("owner_rep_id", "crm/sales_reps", "rep_id"),
                          ("opportunity_id", "crm/opportunities", "opportunity_id"), ("contact_id", "crm/contacts", "contact_id")):
        assert landing.scalar(f"SELECT count(*) FROM {act} WHERE {col} NOT IN (SELECT {key} FROM {landing.rows(ent)})") == 0, col


def test_leads_funnel_timestamps(landing):
    ld = landing.live("crm/leads")
    rows = {s: (n, q, c, acc) for s, n, q, c, acc in landing.sql(
        f"SELECT status, count(*), count(qualified_at), count(converted_at), count(converted_account_id) FROM {ld} GROUP BY 1")}
    assert set(rows) == {"new", "working", "qualified", "disqualified", "converted"}
    n, q, c, acc = rows["converted"]
    assert n == q == c == acc
    assert rows["qualified"][1] == rows["qualified"][0] and rows["qualified"][2] == 0
    assert landing.scalar(f"SELECT count(*) FROM {ld} WHERE converted_at < qualified_at OR qualified_at < created_at") == 0


def test_cases_and_calls_timelines(landing):
    cs, cl = landing.live("crm/cases"), landing.live("crm/calls")
    assert landing.scalar(f"""SELECT count(*) FROM {cs} WHERE closed_at < opened_at OR first_response_at < opened_at
                              OR sla_due_at < opened_at""") == 0
    assert landing.scalar(f"SELECT count(*) FROM {cl} WHERE answered_at < started_at OR ended_at < started_at") == 0
    assert landing.scalar(f"SELECT count(*) FROM {cl} WHERE case_id NOT IN (SELECT case_id FROM {landing.rows('crm/cases')})") == 0


def test_erp_links(landing):
    c, a = landing.live("erp/customers"), landing.live("crm/accounts")
    linked_both = landing.scalar(f"""SELECT count(*) FROM {c} c JOIN {a} a
                                     ON c.crm_account_id = a.account_id AND a.erp_customer_id = c.erp_customer_id""")
    only_account = landing.scalar(f"""SELECT count(*) FROM {c} c WHERE crm_account_id IS NULL
                                      AND erp_customer_id IN (SELECT erp_customer_id FROM {a})""")
    assert linked_both > 0.7 * landing.scalar(f"SELECT count(*) FROM {c}")
    assert only_account >= 1


def test_targets_cover_every_scope_and_kpi(landing):
    t, r = landing.live("plan/targets"), landing.live("crm/sales_reps")
    kpis = {k for (k,) in landing.sql(f"SELECT DISTINCT kpi_code FROM {t}")}
    assert kpis == {"invoiced_revenue", "orders_amount", "orders_count", "new_customers", "visits_done", "deals_won_amount"}
    assert {s for (s,) in landing.sql(f"SELECT DISTINCT scope FROM {t}")} == {"company", "team", "rep"}
    assert landing.scalar(f"SELECT count(*) FROM {t} WHERE scope = 'company' AND scope_id <> 'all'") == 0
    assert landing.scalar(f"SELECT count(*) FROM {t} WHERE scope = 'team' AND scope_id NOT IN (SELECT team FROM {r})") == 0
    assert landing.scalar(f"SELECT count(*) FROM {t} WHERE scope = 'rep' AND scope_id NOT IN (SELECT rep_id FROM {r})") == 0
    assert landing.scalar(f"SELECT count(*) FROM {t} WHERE day(period_month) <> 1") == 0
    assert landing.scalar(f"SELECT count(DISTINCT period_month) FROM {t}") == 36
