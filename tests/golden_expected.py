"""Hand-derived expected values of the golden fixture (`tests/fixtures/golden/landing/`).

Every literal below was computed by hand from the spec (`spec/landing-contract.md`,
`spec/kpis.yml`, `spec/outputs.md`) and the fixture's story (`tests/fixtures/golden/README.md`),
never by running the pipeline nor by reading the fixture files programmatically. Ratios are
written as the hand fraction (`1400 / 2000`) so the arithmetic stays visible.

Run parameters: as_of = 2026-03-15, reporting time zone Europe/Paris (CET = UTC+1 over the
whole winter; CEST = UTC+2 until 2025-10-26), dbt vars default_ordering_cycle_days = 30,
min_ordering_cycle_days = 7.

Keys of KPI_VALUES / KPI_TARGETS / ABSENT_KPI_ROWS:
    (kpi_code, period_grain, period_start, dimension, dimension_value)
with period_grain in month / quarter / year / as_of, period_start an ISO date string.
A value None means "the row exists and its value is NULL" (zero denominator).
KPI_TARGETS maps a key to the expected `target` column (None = the row exists, target NULL).

CRM_ALERTS entity_type values (one per alert rule family):
    opportunity  opportunity_overdue, won_without_amount, lost_without_reason,
                 stale_opportunity                              entity_id = opportunity_id
    activity     visit_without_report                           entity_id = activity_id
    quote        quote_without_follow_up                        entity_id = quote_id
    contact      contact_unreachable, duplicate_contact         entity_id = contact_id
    order        order_without_account                          entity_id = order_id
    case         case_past_sla                                  entity_id = case_id

CUSTOMER_360 values: dates as ISO strings (None when absent), valid_orders and
days_since_last_order as int, ordering_cycle_days and lifetime_revenue as float.

QUARANTINE reason keywords are short words expected to appear (case-insensitively) in the
quarantine `reason`: the offending column name, or `field` for a wrong field count.

Cast of the fixture (current, live versions):
    reps   R1 Nord/Industrie, R2 Nord/Services (tz-tie winner), R3 Sud/Services,
           R4 Sud/Industrie, R9 absent from sales_reps (team/BU 'unknown')
    accounts (country, segment, owner): A01 FR PME R1, A02 FR TPE R2, A03 BE ETI R3,
           A04 FR TPE R4, A05 FR GE R3, A06 FR NULL R1, A07 FR TPE R4; A08 tombstoned
    ERP links: C01->A01, C02->A02, C03->A03 (fallback via accounts.erp_customer_id),
           C04->A04, C05 unlinked (names tombstoned A08), C06 unlinked, C07->A05, C08->A07
    valid orders (local date, account, channel, rep, net amount):
           O10 2025-10-06 A05 field R3 4000   O11 2025-10-20 A05 field R9 2600
           O12 2025-11-10 A05 phone R3 900    O15 2025-11-25 -   phone R2 500
           O01 2025-12-15 A01 field R1 2300   O05 2026-01-05 A02 field R2 200
           O06 2026-01-09 A02 phone R2 900    O17 2026-01-12 A01 phone R1 300
           O07 2026-01-20 A03 field R3 3250   O02 2026-02-01 A01 phone R1 1600
           O16 2026-02-05 -   web  ?  500     O13 2026-02-20 A07 store R4 240
           O03 2026-03-02 A01 field R1 380 (open)   O04 2026-03-02 A01 web R2 1060
           O14 2026-03-10 A07 field R4 1300 (open)
    invoices (invoiced_on, signed amount, account, rep):
           I08 2025-10-10 +4000 A05 R3   I09 2025-10-25 +2600 A05 R9
           I10 2025-11-15 +900 A05 R3    I15 2025-11-28 +500 -(C05) R2
           I11 2025-12-05 -100 A05 R3    I01 2025-12-20 +2300 A01 R1
           I05 2026-01-10 +200 A02 R2    I07 2026-01-25 +3250 A03 R3
           I06 2026-01-31 +900 A02 R2    I02 2026-02-03 +1600 A01 R1
           I13 2026-02-10 +500 -(C06) ?  I03 2026-02-20 -200 A01 R1
           I12 2026-02-25 +240 A07 R4    I04 2026-03-05 +1060 A01 R2
           I14 2026-03-20 +300 A07 R4 (after as_of)
"""

AS_OF = "2026-03-15"

READINGS = """
- revenue_target_attainment: a member/period whose summed target is 0 has a row with value NULL
  ("a target of 0 is a target (its attainment is NULL)"); the invoiced_revenue row of that
  member carries target 0.0.
- Customer 360 of a prospect: first/last_order_date NULL, valid_orders 0, days_since_last_order
  NULL, lost_on NULL, ordering_cycle_days = default 30 (literal "else default" branch: fewer than
  2 order dates), lifetime_revenue 0.0 (no invoice = zero revenue, not NULL).
- valid_orders in customer_360 counts valid orders (A01: 5 orders on 4 distinct dates).
- lifetime_revenue = signed invoiced revenue (credit notes subtract) with invoiced_on <= as_of.
- campaigns_active at year 2026 counts CP3 (starts 2026-04-01 <= 2026-12-31): the literal
  definition, as_of does not filter period KPIs; no month/quarter row after the as_of period.
- Campaign KPIs (campaign_won_deals, campaign_revenue, campaign_new_customers, campaign_roi)
  use live opportunities only (OP09, tombstoned, carries CP2 and must not count). ROI of a
  campaign with no won amount uses 0 (sum over nothing = 0): CP2 -> (0 - 500) / 500.
  A NULL amount adds nothing to ROI (OP07, CP1).
- mailing_list_size / growth: country = the contact's account country ('unknown' for no or a
  tombstoned account). The total series starts at the month of the earliest live contact
  (2025-03; the two earliest contacts are both opted-in, so "first contact" and "first opted-in
  contact" agree). Growth of the first month (2025-03) and of a member's first month are not
  asserted; rows of a country before its first opted-in contact are not asserted.
- retention_rate of a month whose previous month has no ordering customer (2025-10) is not
  asserted (zero denominator: NULL or absent).
- open_orders_backlog: sales_rep = rep of the order (orders.rep_id, else account owner);
  segment = segment of the order's account.
- calls_per_day: days of the period on or before as_of = whole period for past periods;
  2026-03 -> 15 days, 2026 Q1 -> 31 + 28 + 15 = 74, year 2026 -> 74, year 2025 -> 365.
- avg_handle_time_s counts every call (inbound and outbound) with both answered_at and ended_at.
- Contact KPIs: country and sales_rep = the contact's account country and owner; contacts whose
  account is NULL or tombstoned fall under 'unknown'.
- Snapshot sales_rep for customer-status KPIs = account owner; for late_visits = visit owner;
  for quotes_to_follow_up = quote owner; for pipeline snapshots = opportunity owner.
- stage_duration_days uses real elapsed time: OP02 prospecting spans the 2025-10-26 DST change
  (+02:00 -> +01:00), so 70 days 13 hours, not 70.5 days.
- duplicate_contact tie on created_at: smallest contact_id in code-point order (ids are
  zero-padded, so CT02 < CT12 either way).
- Exact duplicate rows of an append-only entity count once (S4 in web/sessions, OP01
  qualification in stage history).
- lost_reason '' (empty field) is NULL: member 'unknown' of dimension lost_reason.
- Dimension members are written exactly as in the data (case kept): 'Nord', 'Equipement', 'FR',
  'qualité', 'crm/contacts' ...
"""

M, Q, Y, S = "month", "quarter", "year", "as_of"  # period_grain shorthands

# ---------------------------------------------------------------------------------------------
KPI_VALUES = {
    # ============================== management ==============================================
    # ---- invoiced_revenue (L1): signed invoices by invoiced_on
    ("invoiced_revenue", M, "2025-10-01", "total", "all"): 6600.0,   # I08 4000 + I09 2600
    ("invoiced_revenue", M, "2025-11-01", "total", "all"): 1400.0,   # I10 900 + I15 500 (unlinked C05)
    ("invoiced_revenue", M, "2025-12-01", "total", "all"): 2200.0,   # I01 2300 - credit I11 100
    ("invoiced_revenue", M, "2026-01-01", "total", "all"): 4350.0,   # I05 200 + I07 3250 + I06 900
    ("invoiced_revenue", M, "2026-02-01", "total", "all"): 2140.0,   # I02 1600 + I13 500 - I03 200 + I12 240
    ("invoiced_revenue", M, "2026-03-01", "total", "all"): 1360.0,   # I04 1060 + I14 300 (dated after as_of, still March)
    ("invoiced_revenue", Q, "2025-10-01", "total", "all"): 10200.0,  # 6600 + 1400 + 2200
    ("invoiced_revenue", Q, "2026-01-01", "total", "all"): 7850.0,   # 4350 + 2140 + 1360
    ("invoiced_revenue", Y, "2025-01-01", "total", "all"): 10200.0,  # = Q4 2025
    ("invoiced_revenue", Y, "2026-01-01", "total", "all"): 7850.0,   # = Q1 2026
    ("invoiced_revenue", Q, "2025-10-01", "country", "FR"): 9700.0,  # A05 6600+900-100 + A01 2300
    ("invoiced_revenue", Q, "2025-10-01", "country", "unknown"): 500.0,  # I15 (C05 -> tombstoned A08)
    ("invoiced_revenue", M, "2026-01-01", "country", "BE"): 3250.0,  # I07, A03 linked through accounts.erp_customer_id
    ("invoiced_revenue", M, "2026-02-01", "country", "FR"): 1640.0,  # I02 1600 - I03 200 + I12 240
    ("invoiced_revenue", M, "2026-02-01", "country", "unknown"): 500.0,  # I13 (C06 unlinked)
    ("invoiced_revenue", Q, "2026-01-01", "country", "FR"): 4100.0,  # Jan 1100 + Feb 1640 + Mar 1360
    ("invoiced_revenue", Q, "2026-01-01", "country", "BE"): 3250.0,  # I07
    ("invoiced_revenue", Q, "2025-10-01", "segment", "GE"): 7400.0,  # A05: 4000 + 2600 + 900 - 100
    ("invoiced_revenue", M, "2025-12-01", "segment", "GE"): -100.0,  # credit note I11 alone
    ("invoiced_revenue", Q, "2026-01-01", "segment", "PME"): 2460.0,  # A01: 1600 - 200 + 1060
    ("invoiced_revenue", Q, "2026-01-01", "segment", "TPE"): 1640.0,  # A02 200 + 900, A07 240 + 300
    ("invoiced_revenue", Y, "2026-01-01", "segment", "ETI"): 3250.0,  # I07
    ("invoiced_revenue", Y, "2025-01-01", "segment", "unknown"): 500.0,  # I15
    ("invoiced_revenue", M, "2025-12-01", "sales_rep", "R1"): 2300.0,  # I01
    ("invoiced_revenue", M, "2025-12-01", "sales_rep", "R3"): -100.0,  # I11
    ("invoiced_revenue", M, "2026-02-01", "sales_rep", "R1"): 1400.0,  # I02 1600 - I03 200
    ("invoiced_revenue", Q, "2026-01-01", "sales_rep", "R2"): 2160.0,  # I05 200 + I06 900 + I04 1060 (order rep R2)
    ("invoiced_revenue", Q, "2025-10-01", "sales_rep", "R3"): 4800.0,  # 4000 + 900 - 100
    ("invoiced_revenue", M, "2026-03-01", "sales_rep", "R4"): 300.0,   # I14: no order -> owner of A07
    ("invoiced_revenue", M, "2026-02-01", "sales_rep", "R4"): 240.0,   # I12: order O13 rep NULL -> owner of A07
    ("invoiced_revenue", M, "2025-10-01", "sales_rep", "R9"): 2600.0,  # I09: O11 rep R9 (absent from sales_reps)
    ("invoiced_revenue", M, "2026-02-01", "sales_rep", "unknown"): 500.0,  # I13: no rep anywhere
    ("invoiced_revenue", M, "2025-11-01", "team", "Nord"): 500.0,   # I15 rep R2, R2 current team Nord
    ("invoiced_revenue", M, "2026-01-01", "team", "Nord"): 1100.0,  # I05 200 + I06 900
    ("invoiced_revenue", M, "2026-02-01", "team", "Nord"): 1400.0,  # 1600 - 200
    ("invoiced_revenue", M, "2026-03-01", "team", "Nord"): 1060.0,  # I04
    ("invoiced_revenue", M, "2026-01-01", "team", "Sud"): 3250.0,   # I07
    ("invoiced_revenue", M, "2026-02-01", "team", "Sud"): 240.0,    # I12
    ("invoiced_revenue", M, "2026-03-01", "team", "Sud"): 300.0,    # I14
    ("invoiced_revenue", Q, "2026-01-01", "team", "Nord"): 3560.0,  # 1100 + 1400 + 1060
    ("invoiced_revenue", Q, "2026-01-01", "team", "Sud"): 3790.0,   # 3250 + 240 + 300
    ("invoiced_revenue", Q, "2025-10-01", "team", "unknown"): 2600.0,  # I09 (R9)
    ("invoiced_revenue", M, "2025-10-01", "business_unit", "unknown"): 2600.0,  # I09 (R9)
    ("invoiced_revenue", Q, "2025-10-01", "business_unit", "Industrie"): 2300.0,  # R1: I01
    ("invoiced_revenue", Q, "2025-10-01", "business_unit", "Services"): 5300.0,   # R3 4000+900-100 + R2 500
    ("invoiced_revenue", Q, "2026-01-01", "business_unit", "Industrie"): 1940.0,  # R1 1400 + R4 240 + 300
    ("invoiced_revenue", Q, "2026-01-01", "business_unit", "Services"): 5410.0,   # R2 1100 + 1060 + R3 3250
    ("invoiced_revenue", Q, "2026-01-01", "business_unit", "unknown"): 500.0,     # I13
    # ---- revenue_target_attainment (L1)
    ("revenue_target_attainment", M, "2025-10-01", "total", "all"): 6600 / 6000,
    ("revenue_target_attainment", M, "2025-11-01", "total", "all"): 1400 / 2000,
    ("revenue_target_attainment", M, "2025-12-01", "total", "all"): 2200 / 2000,
    ("revenue_target_attainment", M, "2026-01-01", "total", "all"): 4350 / 5000,  # Jan target re-sent: 5000 wins over 4000
    ("revenue_target_attainment", M, "2026-02-01", "total", "all"): 2140 / 2000,
    ("revenue_target_attainment", M, "2026-03-01", "total", "all"): 1360 / 2000,
    ("revenue_target_attainment", Q, "2025-10-01", "total", "all"): 10200 / 10000,  # targets 6000+2000+2000
    ("revenue_target_attainment", Q, "2026-01-01", "total", "all"): 7850 / 9000,    # targets 5000+2000+2000
    ("revenue_target_attainment", Y, "2025-01-01", "total", "all"): 10200 / 10000,
    ("revenue_target_attainment", Y, "2026-01-01", "total", "all"): 7850 / 9000,
    ("revenue_target_attainment", M, "2026-01-01", "team", "Nord"): 1100 / 1000,
    ("revenue_target_attainment", M, "2026-02-01", "team", "Nord"): 1400 / 2000,
    ("revenue_target_attainment", M, "2026-03-01", "team", "Nord"): 1060 / 1000,
    ("revenue_target_attainment", Q, "2026-01-01", "team", "Nord"): 3560 / 4000,   # 1000+2000+1000
    ("revenue_target_attainment", Y, "2026-01-01", "team", "Nord"): 3560 / 4000,
    ("revenue_target_attainment", M, "2026-01-01", "team", "Sud"): 3250 / 3000,
    ("revenue_target_attainment", M, "2026-02-01", "team", "Sud"): None,  # target 0: a target; attainment NULL
    ("revenue_target_attainment", M, "2026-03-01", "team", "Sud"): 300 / 500,
    ("revenue_target_attainment", Q, "2026-01-01", "team", "Sud"): 3790 / 3500,    # 3000 + 0 + 500
    ("revenue_target_attainment", Y, "2026-01-01", "team", "Sud"): 3790 / 3500,
    ("revenue_target_attainment", M, "2025-12-01", "sales_rep", "R1"): 2300 / 2000,
    ("revenue_target_attainment", M, "2026-02-01", "sales_rep", "R1"): 1400 / 1000,
    ("revenue_target_attainment", Q, "2025-10-01", "sales_rep", "R1"): 2300 / 2000,
    ("revenue_target_attainment", Q, "2026-01-01", "sales_rep", "R1"): 1400 / 1000,  # only Feb has a target
    ("revenue_target_attainment", Y, "2025-01-01", "sales_rep", "R1"): 2300 / 2000,
    ("revenue_target_attainment", Y, "2026-01-01", "sales_rep", "R1"): 1400 / 1000,
    # ---- orders_amount (L2): line net amounts of valid orders by ordered_at (local)
    ("orders_amount", M, "2025-10-01", "total", "all"): 6600.0,  # O10 5*1000*0.8=4000 + O11 40*45 + 10*80 = 2600
    ("orders_amount", M, "2025-11-01", "total", "all"): 1400.0,  # O12 5*200*0.9=900 + O15 500
    ("orders_amount", M, "2025-12-01", "total", "all"): 2300.0,  # O01 2*1000*0.9 + 10*50 (NULL discount = 0)
    ("orders_amount", M, "2026-01-01", "total", "all"): 4650.0,  # O05 4*50 (re-sent line) + O06 700+200 + O17 300 + O07 2850+400
    ("orders_amount", M, "2026-02-01", "total", "all"): 2340.0,  # O02 (23:30Z Jan 31 = Feb 1 local) 1600 + O16 500 + O13 240
    ("orders_amount", M, "2026-03-01", "total", "all"): 2740.0,  # O03 380 + O04 900+160 + O14 1200+100
    ("orders_amount", Q, "2025-10-01", "total", "all"): 10300.0,
    ("orders_amount", Q, "2026-01-01", "total", "all"): 9730.0,  # 4650 + 2340 + 2740 (O08 tombstoned, O09/O18 cancelled)
    ("orders_amount", M, "2026-02-01", "product_range", "unknown"): 100.0,  # O16 line 2, product P99 unknown
    ("orders_amount", Q, "2026-01-01", "product_range", "Consommables"): 3380.0,  # 200+700+300+400+240+380+900+160+100
    ("orders_amount", Q, "2026-01-01", "order_channel", "field"): 5130.0,  # O05 200 + O07 3250 + O03 380 + O14 1300
    # ---- orders_count (L2)
    ("orders_count", M, "2025-10-01", "total", "all"): 2.0,
    ("orders_count", M, "2026-01-01", "total", "all"): 4.0,   # O05 O06 O17 O07
    ("orders_count", M, "2026-02-01", "total", "all"): 3.0,   # O02 O16 O13
    ("orders_count", M, "2026-03-01", "total", "all"): 3.0,   # O03 O04 O14 (two on the same day count twice)
    ("orders_count", Q, "2026-01-01", "total", "all"): 10.0,
    ("orders_count", Q, "2026-01-01", "product_range", "Consommables"): 8.0,  # O05 O06 O17 O16 O13 O03 O04 O14
    ("orders_count", M, "2025-10-01", "sales_rep", "R9"): 1.0,  # O11
    ("orders_count", M, "2026-02-01", "sales_rep", "R4"): 1.0,  # O13 rep NULL -> owner of A07
    # ---- average_basket (L1) = orders_amount / orders_count
    ("average_basket", M, "2025-10-01", "total", "all"): 6600 / 2,
    ("average_basket", M, "2025-11-01", "total", "all"): 1400 / 2,
    ("average_basket", M, "2025-12-01", "total", "all"): 2300 / 1,
    ("average_basket", M, "2026-01-01", "total", "all"): 4650 / 4,
    ("average_basket", M, "2026-02-01", "total", "all"): 2340 / 3,
    ("average_basket", M, "2026-03-01", "total", "all"): 2740 / 3,
    ("average_basket", Q, "2025-10-01", "total", "all"): 10300 / 5,
    ("average_basket", Q, "2026-01-01", "total", "all"): 9730 / 10,
    ("average_basket", Y, "2025-01-01", "total", "all"): 10300 / 5,
    ("average_basket", Y, "2026-01-01", "total", "all"): 9730 / 10,
    ("average_basket", Q, "2026-01-01", "country", "FR"): 5980 / 8,   # Jan 1400/3 + Feb 1840/2 + Mar 2740/3
    ("average_basket", Q, "2026-01-01", "country", "BE"): 3250 / 1,
    ("average_basket", Q, "2025-10-01", "country", "unknown"): 500 / 1,  # O15
    ("average_basket", Q, "2026-01-01", "segment", "PME"): 3340 / 4,  # O17 300 + O02 1600 + O03 380 + O04 1060
    ("average_basket", Q, "2026-01-01", "segment", "TPE"): 2640 / 4,  # O05 200 + O06 900 + O13 240 + O14 1300
    ("average_basket", Q, "2025-10-01", "segment", "GE"): 7500 / 3,   # O10 O11 O12
    ("average_basket", Q, "2026-01-01", "product_range", "Equipement"): 5050 / 3,  # O07 2850, O02 1000, O14 1200
    ("average_basket", Q, "2026-01-01", "product_range", "Consommables"): 3380 / 8,
    ("average_basket", Q, "2026-01-01", "product_range", "Services"): 1200 / 3,   # O06 200, O07 400, O02 600
    ("average_basket", Q, "2025-10-01", "product_range", "Equipement"): 5800 / 2,  # O10 4000, O01 1800
    ("average_basket", M, "2026-02-01", "product_range", "unknown"): 100 / 1,
    ("average_basket", Q, "2026-01-01", "order_channel", "field"): 5130 / 4,
    ("average_basket", Q, "2026-01-01", "order_channel", "phone"): 2800 / 3,  # O06 900 + O17 300 + O02 1600
    ("average_basket", Q, "2026-01-01", "order_channel", "web"): 1560 / 2,    # O16 500 + O04 1060
    ("average_basket", M, "2026-02-01", "order_channel", "store"): 240 / 1,   # O13
    ("average_basket", Q, "2026-01-01", "sales_rep", "R1"): 2280 / 3,  # O17 300 + O02 1600 + O03 380
    ("average_basket", Q, "2026-01-01", "sales_rep", "R2"): 2160 / 3,  # O05 200 + O06 900 + O04 1060
    ("average_basket", Q, "2025-10-01", "sales_rep", "R3"): 4900 / 2,  # O10 4000 + O12 900
    ("average_basket", Q, "2026-01-01", "sales_rep", "R4"): 1540 / 2,  # O13 240 + O14 1300
    ("average_basket", M, "2026-02-01", "sales_rep", "unknown"): 500 / 1,  # O16
    ("average_basket", Q, "2026-01-01", "team", "Nord"): 4440 / 6,
    ("average_basket", Q, "2026-01-01", "team", "Sud"): 4790 / 3,     # O07 3250 + O13 240 + O14 1300
    ("average_basket", Q, "2025-10-01", "team", "Nord"): 2800 / 2,    # O15 500 (R2) + O01 2300
    ("average_basket", Q, "2025-10-01", "team", "unknown"): 2600 / 1,  # O11 (R9)
    # ---- gross_margin (L2): lines with a known cost
    ("gross_margin", M, "2025-10-01", "total", "all"): 2300.0,  # O10 4000-3000 + O11 1800-40*25 + 800-300
    ("gross_margin", M, "2025-12-01", "total", "all"): 850.0,   # O01 1800-1200 + 500-10*25 (P02 cost 25, tie won by products_b)
    ("gross_margin", M, "2026-01-01", "total", "all"): 1800.0,  # O05 120 + O06 400+80 + O17 150 + O07 1050
    ("gross_margin", M, "2026-02-01", "total", "all"): 800.0,   # O02 400 + O16 250 + O13 150
    ("gross_margin", Q, "2026-01-01", "total", "all"): 3990.0,  # 1800 + 800 + 1390
    # ---- gross_margin_rate (L1) = margin / net of the same lines
    ("gross_margin_rate", M, "2025-10-01", "total", "all"): 2300 / 6600,
    ("gross_margin_rate", M, "2025-11-01", "total", "all"): 700 / 1400,   # O12 900-500 + O15 500-200
    ("gross_margin_rate", M, "2025-12-01", "total", "all"): 850 / 2300,
    ("gross_margin_rate", M, "2026-01-01", "total", "all"): 1800 / 4250,  # O07 line 2 (400, both costs NULL) left out
    ("gross_margin_rate", M, "2026-02-01", "total", "all"): 800 / 1640,   # O02 L2 600 and O16 L2 100 left out
    ("gross_margin_rate", M, "2026-03-01", "total", "all"): 1390 / 2740,  # O03 230 + O04 460+100 + O14 550+50
    ("gross_margin_rate", Q, "2025-10-01", "total", "all"): 3850 / 10300,
    ("gross_margin_rate", Q, "2026-01-01", "total", "all"): 3990 / 8630,
    ("gross_margin_rate", Y, "2025-01-01", "total", "all"): 3850 / 10300,
    ("gross_margin_rate", Y, "2026-01-01", "total", "all"): 3990 / 8630,
    ("gross_margin_rate", Q, "2026-01-01", "country", "FR"): 2690 / 5380,
    ("gross_margin_rate", Q, "2026-01-01", "country", "BE"): 1050 / 2850,
    ("gross_margin_rate", Q, "2026-01-01", "country", "unknown"): 250 / 400,
    ("gross_margin_rate", Q, "2025-10-01", "country", "FR"): 3550 / 9800,  # A05 2700/7500 + A01 850/2300
    ("gross_margin_rate", Q, "2026-01-01", "segment", "PME"): 1340 / 2740,  # O17 150/300 O02 400/1000 O03 230/380 O04 560/1060
    ("gross_margin_rate", Q, "2026-01-01", "segment", "TPE"): 1350 / 2640,  # O05 120/200 O06 480/900 O13 150/240 O14 600/1300
    ("gross_margin_rate", Q, "2025-10-01", "segment", "GE"): 2700 / 7500,
    ("gross_margin_rate", M, "2026-01-01", "segment", "ETI"): 1050 / 2850,
    ("gross_margin_rate", Q, "2026-01-01", "product_range", "Equipement"): 2000 / 5050,
    ("gross_margin_rate", Q, "2026-01-01", "product_range", "Consommables"): 1910 / 3380,
    ("gross_margin_rate", Q, "2026-01-01", "product_range", "Services"): 80 / 200,  # only O06 L2 has a cost (line 120)
    ("gross_margin_rate", Q, "2025-10-01", "product_range", "Services"): 400 / 900,  # O12 line cost 100
    ("gross_margin_rate", Q, "2026-01-01", "order_channel", "field"): 2000 / 4730,
    ("gross_margin_rate", Q, "2026-01-01", "order_channel", "phone"): 1030 / 2200,
    ("gross_margin_rate", Q, "2026-01-01", "order_channel", "web"): 810 / 1460,
    ("gross_margin_rate", M, "2026-02-01", "order_channel", "store"): 150 / 240,
    # ---- new_customers (L1): first valid order of a live account
    ("new_customers", M, "2025-10-01", "total", "all"): 1.0,  # A05 (O10)
    ("new_customers", M, "2025-12-01", "total", "all"): 1.0,  # A01 (O01)
    ("new_customers", M, "2026-01-01", "total", "all"): 2.0,  # A02 (O05), A03 (O07)
    ("new_customers", M, "2026-02-01", "total", "all"): 1.0,  # A07 (O13); A04 only cancelled, C06 not a customer
    ("new_customers", Q, "2025-10-01", "total", "all"): 2.0,
    ("new_customers", Q, "2026-01-01", "total", "all"): 3.0,
    ("new_customers", Y, "2025-01-01", "total", "all"): 2.0,
    ("new_customers", Y, "2026-01-01", "total", "all"): 3.0,
    ("new_customers", M, "2026-01-01", "country", "BE"): 1.0,
    ("new_customers", Q, "2026-01-01", "country", "FR"): 2.0,  # A02, A07
    ("new_customers", M, "2025-10-01", "segment", "GE"): 1.0,
    ("new_customers", Q, "2026-01-01", "segment", "TPE"): 2.0,
    ("new_customers", Q, "2026-01-01", "order_channel", "field"): 2.0,  # O05, O07
    ("new_customers", M, "2026-02-01", "order_channel", "store"): 1.0,  # O13
    ("new_customers", M, "2025-12-01", "sales_rep", "R1"): 1.0,  # A01 owner R1 (current version, not R2 of the resend)
    ("new_customers", M, "2026-01-01", "sales_rep", "R2"): 1.0,
    ("new_customers", M, "2026-01-01", "sales_rep", "R3"): 1.0,
    ("new_customers", Y, "2026-01-01", "sales_rep", "R3"): 1.0,  # A03 (A05 was 2025)

    # ============================== sales_force =============================================
    # ---- visits_done (L2) by completed_at local date
    ("visits_done", M, "2025-12-01", "total", "all"): 1.0,  # V01
    ("visits_done", M, "2026-01-01", "total", "all"): 2.0,  # V02, V03
    ("visits_done", M, "2026-03-01", "total", "all"): 3.0,  # V04 (23:30Z Feb 28 = Mar 1 local), V05, V09
    ("visits_done", Q, "2026-01-01", "total", "all"): 5.0,  # V10 tombstoned
    ("visits_done", M, "2026-03-01", "team", "Sud"): 2.0,   # V04 R3, V05 R4
    # ---- visit_report_rate (L2)
    ("visit_report_rate", M, "2026-01-01", "total", "all"): 1 / 2,  # V02 'no', V03 '1'
    ("visit_report_rate", M, "2026-03-01", "total", "all"): 1 / 3,  # V04 TRUE, V05 NULL, V09 false
    ("visit_report_rate", Q, "2026-01-01", "team", "Nord"): 1 / 3,  # V02, V03, V09
    # ---- visit_to_order_ratio (L1) = orders_count / visits_done (visits > 0)
    ("visit_to_order_ratio", M, "2025-12-01", "total", "all"): 1 / 1,
    ("visit_to_order_ratio", M, "2026-01-01", "total", "all"): 4 / 2,
    ("visit_to_order_ratio", M, "2026-03-01", "total", "all"): 3 / 3,
    ("visit_to_order_ratio", Q, "2025-10-01", "total", "all"): 5 / 1,
    ("visit_to_order_ratio", Q, "2026-01-01", "total", "all"): 10 / 5,
    ("visit_to_order_ratio", Y, "2025-01-01", "total", "all"): 5 / 1,
    ("visit_to_order_ratio", Y, "2026-01-01", "total", "all"): 10 / 5,
    ("visit_to_order_ratio", M, "2025-12-01", "sales_rep", "R1"): 1 / 1,  # O01 / V01
    ("visit_to_order_ratio", M, "2026-01-01", "sales_rep", "R1"): 1 / 1,  # O17 / V02
    ("visit_to_order_ratio", Q, "2026-01-01", "sales_rep", "R1"): 3 / 1,  # O17 O02 O03 / V02
    ("visit_to_order_ratio", M, "2026-01-01", "sales_rep", "R2"): 2 / 1,  # O05 O06 / V03
    ("visit_to_order_ratio", M, "2026-03-01", "sales_rep", "R2"): 1 / 1,  # O04 / V09
    ("visit_to_order_ratio", Q, "2026-01-01", "sales_rep", "R2"): 3 / 2,
    ("visit_to_order_ratio", M, "2026-03-01", "sales_rep", "R3"): 0.0,    # V04 but no R3 order in March
    ("visit_to_order_ratio", Q, "2026-01-01", "sales_rep", "R3"): 1 / 1,  # O07 / V04
    ("visit_to_order_ratio", M, "2026-03-01", "sales_rep", "R4"): 1 / 1,  # O14 / V05
    ("visit_to_order_ratio", Q, "2026-01-01", "sales_rep", "R4"): 2 / 1,  # O13 O14 / V05
    ("visit_to_order_ratio", M, "2025-12-01", "team", "Nord"): 1 / 1,
    ("visit_to_order_ratio", M, "2026-01-01", "team", "Nord"): 3 / 2,   # O05 O06 O17 / V02 V03
    ("visit_to_order_ratio", M, "2026-03-01", "team", "Nord"): 2 / 1,   # O03 O04 / V09
    ("visit_to_order_ratio", Q, "2025-10-01", "team", "Nord"): 2 / 1,   # O15 O01 / V01
    ("visit_to_order_ratio", Q, "2026-01-01", "team", "Nord"): 6 / 3,
    ("visit_to_order_ratio", M, "2026-03-01", "team", "Sud"): 1 / 2,    # O14 / V04 V05
    ("visit_to_order_ratio", Q, "2026-01-01", "team", "Sud"): 3 / 2,    # O07 O13 O14 / V04 V05
    # ---- late_visits (L1, snapshot): planned visits due before as_of (local date)
    ("late_visits", S, "2026-03-15", "total", "all"): 1.0,  # V06; V07 due today, V08 due 00:30 local today
    ("late_visits", S, "2026-03-15", "sales_rep", "R4"): 1.0,
    ("late_visits", S, "2026-03-15", "team", "Sud"): 1.0,
    # ---- quotes_to_follow_up (L1, snapshot)
    ("quotes_to_follow_up", S, "2026-03-15", "total", "all"): 2.0,  # Q01 (Mar 1), Q02 (Mar 15 = as_of)
    ("quotes_to_follow_up", S, "2026-03-15", "sales_rep", "R2"): 1.0,
    ("quotes_to_follow_up", S, "2026-03-15", "sales_rep", "R4"): 1.0,
    # ---- open_orders_backlog (L2, snapshot)
    ("open_orders_backlog", S, "2026-03-15", "total", "all"): 1680.0,  # O03 380 + O14 1300
    ("open_orders_backlog", S, "2026-03-15", "sales_rep", "R1"): 380.0,
    ("open_orders_backlog", S, "2026-03-15", "sales_rep", "R4"): 1300.0,
    ("open_orders_backlog", S, "2026-03-15", "segment", "PME"): 380.0,
    ("open_orders_backlog", S, "2026-03-15", "segment", "TPE"): 1300.0,
    # ---- action_plan_progress_rate (L2, snapshot)
    ("action_plan_progress_rate", S, "2026-03-15", "total", "all"): (4 + 5 + 2) / (10 + 5 + 6),  # AP1 AP2 AP5
    ("action_plan_progress_rate", S, "2026-03-15", "sales_rep", "R1"): (4 + 2) / (10 + 6),
    ("action_plan_progress_rate", S, "2026-03-15", "sales_rep", "R3"): 5 / 5,
    ("action_plan_progress_rate", S, "2026-03-15", "team", "Nord"): 6 / 16,
    ("action_plan_progress_rate", S, "2026-03-15", "team", "Sud"): 5 / 5,  # AP4 tasks_total 0 left out
    # ---- calls_per_opportunity (L2)
    ("calls_per_opportunity", M, "2025-12-01", "total", "all"): 1 / 2,  # OP02 (K03) + OP10 (no call); OP09 tombstoned
    ("calls_per_opportunity", M, "2026-01-01", "total", "all"): 2 / 1,  # OP01: K01, K02 done (K04 planned)
    ("calls_per_opportunity", M, "2026-02-01", "total", "all"): 0 / 1,  # OP07
    ("calls_per_opportunity", Q, "2026-01-01", "total", "all"): 2 / 3,  # OP01 OP07 OP08
    ("calls_per_opportunity", M, "2026-02-01", "team", "unknown"): 0.0,  # OP07 owner R9
    ("calls_per_opportunity", Q, "2026-01-01", "team", "Nord"): 2 / 2,   # OP01 (R1) + OP08 (R2)

    # ============================== pipeline ================================================
    # open opportunities at as_of: OP03 1500 p50, OP04 800 p70, OP05 2000 p20, OP06 NULL p10,
    # OP11 6000 p40. OP12 created 23:30Z Mar 15 = Mar 16 local -> not open.
    ("open_pipeline_amount", S, "2026-03-15", "total", "all"): 10300.0,  # 1500 + 800 + 2000 + 0 + 6000
    ("open_pipeline_amount", S, "2026-03-15", "stage", "proposal"): 7500.0,  # OP03 + OP11
    ("open_pipeline_amount", S, "2026-03-15", "stage", "negotiation"): 800.0,
    ("open_pipeline_amount", S, "2026-03-15", "stage", "qualification"): 2000.0,
    ("open_pipeline_amount", S, "2026-03-15", "stage", "prospecting"): 0.0,  # OP06 amount NULL -> 0 (OP12 excluded)
    ("open_pipeline_amount", S, "2026-03-15", "sales_rep", "R1"): 0.0,
    ("open_pipeline_amount", S, "2026-03-15", "sales_rep", "R2"): 1500.0,
    ("open_pipeline_amount", S, "2026-03-15", "sales_rep", "R3"): 2000.0,
    ("open_pipeline_amount", S, "2026-03-15", "sales_rep", "R4"): 6800.0,  # OP04 + OP11
    ("open_pipeline_amount", S, "2026-03-15", "team", "Nord"): 1500.0,
    ("open_pipeline_amount", S, "2026-03-15", "team", "Sud"): 8800.0,
    ("open_pipeline_amount", S, "2026-03-15", "product_range", "Consommables"): 1500.0,
    ("open_pipeline_amount", S, "2026-03-15", "product_range", "Equipement"): 6800.0,  # OP04 800 + OP06 0 + OP11 6000
    ("open_pipeline_amount", S, "2026-03-15", "product_range", "Services"): 2000.0,
    ("weighted_pipeline", S, "2026-03-15", "total", "all"): 4110.0,  # 750 + 560 + 400 + 0 + 2400
    ("weighted_pipeline", S, "2026-03-15", "stage", "proposal"): 3150.0,  # 750 + 2400
    ("weighted_pipeline", S, "2026-03-15", "stage", "negotiation"): 560.0,
    ("weighted_pipeline", S, "2026-03-15", "stage", "prospecting"): 0.0,
    ("weighted_pipeline", S, "2026-03-15", "sales_rep", "R4"): 2960.0,  # 560 + 2400
    ("weighted_pipeline", S, "2026-03-15", "team", "Nord"): 750.0,      # OP03 750 + OP06 0
    ("weighted_pipeline", S, "2026-03-15", "team", "Sud"): 3360.0,      # 560 + 400 + 2400
    ("weighted_pipeline", S, "2026-03-15", "product_range", "Equipement"): 2960.0,
    ("weighted_pipeline", S, "2026-03-15", "product_range", "Services"): 400.0,
    ("open_opportunities", S, "2026-03-15", "total", "all"): 5.0,
    ("open_opportunities", S, "2026-03-15", "stage", "proposal"): 2.0,
    ("open_opportunities", S, "2026-03-15", "stage", "prospecting"): 1.0,
    ("open_opportunities", S, "2026-03-15", "team", "Sud"): 3.0,
    # ---- pipeline_forecast (L2): month of greatest(expected_close_date, as_of)
    ("pipeline_forecast", M, "2026-03-01", "total", "all"): 960.0,   # OP04 560 (Mar 10 < as_of) + OP05 400 (NULL) + OP06 0 (Feb 28)
    ("pipeline_forecast", M, "2026-04-01", "total", "all"): 750.0,   # OP03
    ("pipeline_forecast", M, "2026-06-01", "total", "all"): 2400.0,  # OP11
    ("pipeline_forecast", M, "2026-03-01", "sales_rep", "R1"): 0.0,
    ("pipeline_forecast", M, "2026-06-01", "sales_rep", "R4"): 2400.0,
    ("pipeline_forecast", M, "2026-03-01", "team", "Sud"): 960.0,
    ("pipeline_forecast", M, "2026-04-01", "team", "Nord"): 750.0,
    # ---- opportunities_created (L2)
    ("opportunities_created", M, "2025-10-01", "total", "all"): 3.0,  # OP02 (22:30Z Sep 30 = Oct 1 local), OP05, OP10
    ("opportunities_created", M, "2025-11-01", "total", "all"): 2.0,  # OP01, OP06 (OP09 tombstoned)
    ("opportunities_created", M, "2026-03-01", "total", "all"): 1.0,  # OP12 (Mar 16 local, counts in its period)
    ("opportunities_created", Q, "2025-10-01", "total", "all"): 6.0,
    ("opportunities_created", Q, "2026-01-01", "total", "all"): 5.0,  # OP07 OP04 OP03 OP08 OP12
    ("opportunities_created", M, "2025-10-01", "lead_source", "partner"): 2.0,
    ("opportunities_created", Q, "2025-10-01", "team", "Sud"): 4.0,  # OP02 OP05 OP10 (R3) + OP11 (R4)
    ("opportunities_created", M, "2026-01-01", "team", "unknown"): 1.0,  # OP07 owner R9
    # ---- deals_won (L2)
    ("deals_won", M, "2025-12-01", "total", "all"): 1.0,  # OP10 (OP09 tombstoned)
    ("deals_won", Q, "2026-01-01", "total", "all"): 2.0,  # OP01, OP07
    ("deals_won", M, "2026-02-01", "sales_rep", "R9"): 1.0,
    ("deals_won", Q, "2026-01-01", "segment", "PME"): 2.0,
    # ---- deals_won_amount (L1)
    ("deals_won_amount", M, "2025-12-01", "total", "all"): 4000.0,  # OP10
    ("deals_won_amount", M, "2026-01-01", "total", "all"): 5000.0,  # OP01
    ("deals_won_amount", M, "2026-02-01", "total", "all"): 0.0,     # OP07 amount NULL -> 0
    ("deals_won_amount", Q, "2025-10-01", "total", "all"): 4000.0,
    ("deals_won_amount", Q, "2026-01-01", "total", "all"): 5000.0,
    ("deals_won_amount", Y, "2025-01-01", "total", "all"): 4000.0,
    ("deals_won_amount", Y, "2026-01-01", "total", "all"): 5000.0,
    ("deals_won_amount", M, "2025-12-01", "sales_rep", "R3"): 4000.0,
    ("deals_won_amount", M, "2026-01-01", "sales_rep", "R1"): 5000.0,
    ("deals_won_amount", M, "2026-02-01", "sales_rep", "R9"): 0.0,
    ("deals_won_amount", Q, "2025-10-01", "team", "Sud"): 4000.0,
    ("deals_won_amount", Q, "2026-01-01", "team", "Nord"): 5000.0,
    ("deals_won_amount", Q, "2026-01-01", "team", "unknown"): 0.0,
    ("deals_won_amount", M, "2025-12-01", "lead_source", "partner"): 4000.0,
    ("deals_won_amount", M, "2026-01-01", "lead_source", "event"): 5000.0,
    ("deals_won_amount", M, "2026-02-01", "lead_source", "email"): 0.0,
    ("deals_won_amount", Q, "2025-10-01", "product_range", "Equipement"): 4000.0,
    ("deals_won_amount", Q, "2026-01-01", "product_range", "Equipement"): 5000.0,
    ("deals_won_amount", M, "2026-02-01", "product_range", "Consommables"): 0.0,
    ("deals_won_amount", M, "2025-12-01", "segment", "ETI"): 4000.0,  # OP10 on A03
    ("deals_won_amount", Q, "2026-01-01", "segment", "PME"): 5000.0,  # OP01 + OP07 on A01
    # ---- deals_lost (L2)
    ("deals_lost", M, "2025-12-01", "total", "all"): 1.0,  # OP02
    ("deals_lost", M, "2026-03-01", "total", "all"): 1.0,  # OP08
    ("deals_lost", M, "2025-12-01", "lost_reason", "prix"): 1.0,
    ("deals_lost", M, "2026-03-01", "lost_reason", "unknown"): 1.0,  # empty lost_reason
    # ---- win_rate (L1)
    ("win_rate", M, "2025-12-01", "total", "all"): 1 / 2,  # OP10 won, OP02 lost
    ("win_rate", M, "2026-01-01", "total", "all"): 1 / 1,
    ("win_rate", M, "2026-02-01", "total", "all"): 1 / 1,
    ("win_rate", M, "2026-03-01", "total", "all"): 0 / 1,  # OP08 lost
    ("win_rate", Q, "2025-10-01", "total", "all"): 1 / 2,
    ("win_rate", Q, "2026-01-01", "total", "all"): 2 / 3,
    ("win_rate", Y, "2025-01-01", "total", "all"): 1 / 2,
    ("win_rate", Y, "2026-01-01", "total", "all"): 2 / 3,
    ("win_rate", M, "2025-12-01", "sales_rep", "R3"): 1 / 2,
    ("win_rate", M, "2026-03-01", "sales_rep", "R2"): 0.0,
    ("win_rate", M, "2026-02-01", "sales_rep", "R9"): 1.0,
    ("win_rate", Q, "2026-01-01", "team", "Nord"): 1 / 2,  # OP01 won, OP08 lost
    ("win_rate", Q, "2026-01-01", "team", "unknown"): 1.0,
    ("win_rate", M, "2025-12-01", "lead_source", "partner"): 1.0,
    ("win_rate", M, "2025-12-01", "lead_source", "referral"): 0.0,
    ("win_rate", Q, "2026-01-01", "lead_source", "email"): 1.0,
    # ---- sales_cycle_days (L1): local dates created -> closed over deals_won
    ("sales_cycle_days", M, "2025-12-01", "total", "all"): 71.0,  # OP10 Oct 10 -> Dec 20
    ("sales_cycle_days", M, "2026-01-01", "total", "all"): 84.0,  # OP01 Nov 5 local (23:30Z Nov 4) -> Jan 28
    ("sales_cycle_days", M, "2026-02-01", "total", "all"): 36.0,  # OP07 Jan 10 -> Feb 15
    ("sales_cycle_days", Q, "2025-10-01", "total", "all"): 71.0,
    ("sales_cycle_days", Q, "2026-01-01", "total", "all"): (84 + 36) / 2,
    ("sales_cycle_days", Y, "2025-01-01", "total", "all"): 71.0,
    ("sales_cycle_days", Y, "2026-01-01", "total", "all"): (84 + 36) / 2,
    ("sales_cycle_days", M, "2026-01-01", "lead_source", "event"): 84.0,
    ("sales_cycle_days", M, "2025-12-01", "lead_source", "partner"): 71.0,
    ("sales_cycle_days", M, "2026-02-01", "sales_rep", "R9"): 36.0,
    ("sales_cycle_days", Q, "2026-01-01", "segment", "PME"): 60.0,
    ("sales_cycle_days", M, "2025-12-01", "segment", "ETI"): 71.0,
    # ---- stage_duration_days (L2, dimension stage only)
    ("stage_duration_days", M, "2025-11-01", "stage", "prospecting"): 15.0,  # OP01 Nov 5 09:00 -> Nov 20 09:00
    ("stage_duration_days", M, "2025-12-01", "stage", "prospecting"): 70 + 13 / 24,  # OP02 22:30Z Sep 30 -> 11:30Z Dec 10
    ("stage_duration_days", M, "2025-12-01", "stage", "qualification"): 20.5,  # OP01 Nov 20 09:00 -> Dec 10 21:00 (dup row once)
    ("stage_duration_days", M, "2026-01-01", "stage", "proposal"): 48.5,  # OP01 Dec 10 21:00 -> Jan 28 09:00
    ("stage_duration_days", M, "2026-02-01", "stage", "prospecting"): 76.0,  # OP11 Dec 1 10:00 -> Feb 15 10:00
    ("stage_duration_days", Q, "2025-10-01", "stage", "prospecting"): (15 + 70 + 13 / 24) / 2,
    ("stage_duration_days", Y, "2025-01-01", "stage", "prospecting"): (15 + 70 + 13 / 24) / 2,
    ("stage_duration_days", Q, "2026-01-01", "stage", "prospecting"): 76.0,
    # ---- leads_created (L2)
    ("leads_created", M, "2025-10-01", "total", "all"): 2.0,  # L01, L02
    ("leads_created", Q, "2026-01-01", "total", "all"): 3.0,  # L04, L05, L07 (L06 tombstoned)
    ("leads_created", M, "2026-02-01", "country", "unknown"): 1.0,  # L05 country NULL
    ("leads_created", M, "2025-11-01", "country", "BE"): 1.0,
    # ---- qualified_leads (L1) by qualified_at
    ("qualified_leads", M, "2025-10-01", "total", "all"): 1.0,  # L01
    ("qualified_leads", M, "2025-11-01", "total", "all"): 1.0,  # L02
    ("qualified_leads", M, "2026-01-01", "total", "all"): 1.0,  # L04
    ("qualified_leads", M, "2026-03-01", "total", "all"): 1.0,  # L07 (L06 tombstoned, Feb)
    ("qualified_leads", Q, "2025-10-01", "total", "all"): 2.0,
    ("qualified_leads", Q, "2026-01-01", "total", "all"): 2.0,
    ("qualified_leads", Y, "2025-01-01", "total", "all"): 2.0,
    ("qualified_leads", Y, "2026-01-01", "total", "all"): 2.0,
    ("qualified_leads", M, "2025-10-01", "lead_source", "event"): 1.0,
    ("qualified_leads", Q, "2025-10-01", "lead_source", "email"): 1.0,
    ("qualified_leads", Q, "2026-01-01", "lead_source", "email"): 1.0,
    ("qualified_leads", M, "2026-03-01", "lead_source", "organic"): 1.0,
    ("qualified_leads", Q, "2026-01-01", "sales_rep", "R1"): 1.0,
    ("qualified_leads", Q, "2026-01-01", "sales_rep", "R2"): 1.0,
    ("qualified_leads", M, "2025-11-01", "sales_rep", "R2"): 1.0,
    # ---- lead_conversion_rate (L1): cohort by created_at
    ("lead_conversion_rate", M, "2025-10-01", "total", "all"): 1 / 2,  # L01 converted, L02 not
    ("lead_conversion_rate", M, "2025-11-01", "total", "all"): 0 / 1,  # L03
    ("lead_conversion_rate", M, "2026-01-01", "total", "all"): 1 / 1,  # L04
    ("lead_conversion_rate", M, "2026-02-01", "total", "all"): 0 / 1,  # L05
    ("lead_conversion_rate", M, "2026-03-01", "total", "all"): 0 / 1,  # L07
    ("lead_conversion_rate", Q, "2025-10-01", "total", "all"): 1 / 3,
    ("lead_conversion_rate", Q, "2026-01-01", "total", "all"): 1 / 3,
    ("lead_conversion_rate", Y, "2025-01-01", "total", "all"): 1 / 3,
    ("lead_conversion_rate", Y, "2026-01-01", "total", "all"): 1 / 3,
    ("lead_conversion_rate", M, "2025-10-01", "lead_source", "event"): 1.0,
    ("lead_conversion_rate", M, "2025-10-01", "lead_source", "email"): 0.0,
    ("lead_conversion_rate", Q, "2026-01-01", "lead_source", "email"): 1.0,
    ("lead_conversion_rate", M, "2025-11-01", "lead_source", "paid_ads"): 0.0,

    # ============================== marketing ===============================================
    # ---- campaigns_active (L2)
    ("campaigns_active", M, "2025-10-01", "total", "all"): 1.0,  # CP1
    ("campaigns_active", M, "2025-12-01", "total", "all"): 1.0,  # CP2 (CP1 ended Nov 30)
    ("campaigns_active", M, "2026-01-01", "total", "all"): 2.0,  # CP2, CP5
    ("campaigns_active", Q, "2025-10-01", "total", "all"): 2.0,  # CP1, CP2
    ("campaigns_active", Y, "2026-01-01", "total", "all"): 3.0,  # CP2, CP5, CP3 (Apr 2026); CP4 starts_on NULL
    ("campaigns_active", M, "2026-01-01", "campaign_channel", "email"): 2.0,
    ("campaigns_active", Y, "2026-01-01", "campaign_channel", "social"): 1.0,
    # ---- campaign_messages_sent / campaign_responses (L2)
    ("campaign_messages_sent", M, "2025-10-01", "total", "all"): 2.0,
    ("campaign_messages_sent", Q, "2025-10-01", "total", "all"): 4.0,
    ("campaign_messages_sent", M, "2026-01-01", "campaign", "CP2"): 2.0,  # CT04 (two versions, one key), CT05
    ("campaign_responses", M, "2025-12-01", "total", "all"): 1.0,  # CP1 x CT03 responded Dec 2
    ("campaign_responses", M, "2026-01-01", "total", "all"): 2.0,  # CP2 x CT04 (newer version), CP5 x CT02
    # ---- campaign_response_rate (L1)
    ("campaign_response_rate", M, "2025-10-01", "total", "all"): 1 / 2,  # CT01 yes, CT02 no
    ("campaign_response_rate", M, "2025-11-01", "total", "all"): 1 / 1,  # CT03 (responded in Dec)
    ("campaign_response_rate", M, "2025-12-01", "total", "all"): 0 / 1,  # CP2 x CT01
    ("campaign_response_rate", M, "2026-01-01", "total", "all"): 2 / 3,
    ("campaign_response_rate", Q, "2025-10-01", "total", "all"): 2 / 4,
    ("campaign_response_rate", Q, "2026-01-01", "total", "all"): 2 / 3,
    ("campaign_response_rate", Y, "2025-01-01", "total", "all"): 2 / 4,
    ("campaign_response_rate", Y, "2026-01-01", "total", "all"): 2 / 3,
    ("campaign_response_rate", Q, "2025-10-01", "campaign", "CP1"): 2 / 3,
    ("campaign_response_rate", M, "2026-01-01", "campaign", "CP2"): 1 / 2,
    ("campaign_response_rate", M, "2026-01-01", "campaign", "CP5"): 1.0,
    ("campaign_response_rate", M, "2025-12-01", "campaign", "CP2"): 0.0,
    ("campaign_response_rate", M, "2026-01-01", "campaign_channel", "email"): 2 / 3,
    ("campaign_response_rate", Q, "2025-10-01", "campaign_channel", "event"): 2 / 3,
    ("campaign_response_rate", Q, "2025-10-01", "campaign_channel", "email"): 0.0,
    # ---- campaign_won_deals (L2), campaign_revenue (L1)
    ("campaign_won_deals", Q, "2026-01-01", "total", "all"): 2.0,  # OP01, OP07 (CP1)
    ("campaign_won_deals", M, "2026-02-01", "campaign", "CP1"): 1.0,
    ("campaign_revenue", M, "2026-01-01", "total", "all"): 5000.0,  # OP01
    ("campaign_revenue", M, "2026-02-01", "total", "all"): 0.0,     # OP07 amount NULL
    ("campaign_revenue", Q, "2026-01-01", "total", "all"): 5000.0,
    ("campaign_revenue", Y, "2026-01-01", "total", "all"): 5000.0,
    ("campaign_revenue", M, "2026-01-01", "campaign", "CP1"): 5000.0,
    ("campaign_revenue", Q, "2026-01-01", "campaign", "CP1"): 5000.0,
    ("campaign_revenue", Q, "2026-01-01", "campaign_channel", "event"): 5000.0,
    ("campaign_revenue", M, "2026-02-01", "campaign_channel", "event"): 0.0,
    # ---- campaign_new_customers (L2)
    ("campaign_new_customers", M, "2026-01-01", "total", "all"): 1.0,  # A01 first won OP01 carries CP1
    ("campaign_new_customers", Q, "2026-01-01", "campaign", "CP1"): 1.0,
    # ---- campaign_roi (L1, snapshot): CP1 cost 2000, CP2 cost 500 (CP3 future, CP4 no start, CP5 cost 0)
    ("campaign_roi", S, "2026-03-15", "total", "all"): (5000 - 2500) / 2500,
    ("campaign_roi", S, "2026-03-15", "campaign", "CP1"): (5000 - 2000) / 2000,  # OP01 5000 + OP07 NULL
    ("campaign_roi", S, "2026-03-15", "campaign", "CP2"): (0 - 500) / 500,       # OP09 tombstoned
    ("campaign_roi", S, "2026-03-15", "campaign_channel", "event"): 1.5,
    ("campaign_roi", S, "2026-03-15", "campaign_channel", "email"): -1.0,  # CP2 only (CP5 cost 0)
    # ---- mailing_list_size (L2): opted-in live contacts CT06 CT01 (2025-03), CT02 CT12 (Oct),
    #      CT03 (Nov), CT09 (Dec, account tombstoned), CT05 (Jan)
    ("mailing_list_size", M, "2025-03-01", "total", "all"): 2.0,
    ("mailing_list_size", M, "2025-09-01", "total", "all"): 2.0,
    ("mailing_list_size", M, "2025-10-01", "total", "all"): 4.0,
    ("mailing_list_size", M, "2025-12-01", "total", "all"): 6.0,
    ("mailing_list_size", M, "2026-03-01", "total", "all"): 7.0,
    ("mailing_list_size", M, "2026-03-01", "country", "FR"): 5.0,
    ("mailing_list_size", M, "2026-01-01", "country", "BE"): 1.0,
    ("mailing_list_size", M, "2025-12-01", "country", "unknown"): 1.0,
    # ---- mailing_list_growth_rate (L1)
    ("mailing_list_growth_rate", M, "2025-04-01", "total", "all"): 0.0,  # 2 -> 2
    ("mailing_list_growth_rate", M, "2025-05-01", "total", "all"): 0.0,
    ("mailing_list_growth_rate", M, "2025-06-01", "total", "all"): 0.0,
    ("mailing_list_growth_rate", M, "2025-07-01", "total", "all"): 0.0,
    ("mailing_list_growth_rate", M, "2025-08-01", "total", "all"): 0.0,
    ("mailing_list_growth_rate", M, "2025-09-01", "total", "all"): 0.0,
    ("mailing_list_growth_rate", M, "2025-10-01", "total", "all"): (4 - 2) / 2,
    ("mailing_list_growth_rate", M, "2025-11-01", "total", "all"): (5 - 4) / 4,
    ("mailing_list_growth_rate", M, "2025-12-01", "total", "all"): (6 - 5) / 5,
    ("mailing_list_growth_rate", M, "2026-01-01", "total", "all"): (7 - 6) / 6,
    ("mailing_list_growth_rate", M, "2026-02-01", "total", "all"): 0.0,
    ("mailing_list_growth_rate", M, "2026-03-01", "total", "all"): 0.0,
    ("mailing_list_growth_rate", M, "2025-10-01", "country", "FR"): (4 - 2) / 2,
    ("mailing_list_growth_rate", M, "2025-11-01", "country", "FR"): (5 - 4) / 4,
    ("mailing_list_growth_rate", M, "2025-12-01", "country", "FR"): 0.0,
    ("mailing_list_growth_rate", M, "2026-02-01", "country", "BE"): 0.0,
    ("mailing_list_growth_rate", M, "2026-01-01", "country", "unknown"): 0.0,

    # ============================== customer ================================================
    # statuses: A01 active, A07 active, A03 inactive, A02 lost, A05 lost, A04 prospect, A06 prospect
    ("active_customers", S, "2026-03-15", "total", "all"): 2.0,
    ("active_customers", S, "2026-03-15", "segment", "PME"): 1.0,
    ("active_customers", S, "2026-03-15", "segment", "TPE"): 1.0,
    ("active_customers", S, "2026-03-15", "country", "FR"): 2.0,
    ("active_customers", S, "2026-03-15", "sales_rep", "R1"): 1.0,
    ("active_customers", S, "2026-03-15", "sales_rep", "R4"): 1.0,
    ("inactive_customers", S, "2026-03-15", "total", "all"): 1.0,  # A03: 54 days, cycle 30
    ("inactive_customers", S, "2026-03-15", "segment", "ETI"): 1.0,
    ("inactive_customers", S, "2026-03-15", "country", "BE"): 1.0,
    ("inactive_customers", S, "2026-03-15", "sales_rep", "R3"): 1.0,
    ("lost_customers", S, "2026-03-15", "total", "all"): 2.0,  # A02 (65 > 2*7), A05 (125 > 2*17.5)
    ("lost_customers", S, "2026-03-15", "segment", "TPE"): 1.0,
    ("lost_customers", S, "2026-03-15", "segment", "GE"): 1.0,
    ("lost_customers", S, "2026-03-15", "country", "FR"): 2.0,
    ("lost_customers", S, "2026-03-15", "sales_rep", "R2"): 1.0,
    ("lost_customers", S, "2026-03-15", "sales_rep", "R3"): 1.0,
    ("prospect_accounts", S, "2026-03-15", "total", "all"): 2.0,  # A04 (cancelled only), A06
    ("prospect_accounts", S, "2026-03-15", "segment", "unknown"): 1.0,  # A06 segment NULL
    ("prospect_accounts", S, "2026-03-15", "sales_rep", "R4"): 1.0,
    ("customers_lost", M, "2025-12-01", "total", "all"): 1.0,  # A05 lost_on 2025-12-16
    ("customers_lost", M, "2026-01-01", "total", "all"): 1.0,  # A02 lost_on 2026-01-24
    ("customers_lost", Y, "2025-01-01", "segment", "GE"): 1.0,
    ("customers_lost", Q, "2026-01-01", "segment", "TPE"): 1.0,
    # ---- customer_lifetime_value (L1): lifetime revenue of customers with a valid order
    ("customer_lifetime_value", S, "2026-03-15", "total", "all"): (4760 + 1100 + 3250 + 7400 + 240) / 5,
    ("customer_lifetime_value", S, "2026-03-15", "segment", "PME"): 4760.0,  # A01 2300 + 1600 - 200 + 1060
    ("customer_lifetime_value", S, "2026-03-15", "segment", "TPE"): (1100 + 240) / 2,  # A02, A07 (I14 after as_of)
    ("customer_lifetime_value", S, "2026-03-15", "segment", "ETI"): 3250.0,
    ("customer_lifetime_value", S, "2026-03-15", "segment", "GE"): 7400.0,  # A05 4000 + 2600 + 900 - 100
    ("customer_lifetime_value", S, "2026-03-15", "country", "FR"): (4760 + 1100 + 7400 + 240) / 4,
    ("customer_lifetime_value", S, "2026-03-15", "country", "BE"): 3250.0,
    # ---- retention_rate (L1): customers ordering by month: Oct {A05} Nov {A05} Dec {A01}
    #      Jan {A01 A02 A03} Feb {A01 A07} Mar {A01 A07}
    ("retention_rate", M, "2025-11-01", "total", "all"): 1 / 1,
    ("retention_rate", M, "2025-12-01", "total", "all"): 0 / 1,
    ("retention_rate", M, "2026-01-01", "total", "all"): 1 / 1,
    ("retention_rate", M, "2026-02-01", "total", "all"): 1 / 3,
    ("retention_rate", M, "2026-03-01", "total", "all"): 2 / 2,
    ("retention_rate", M, "2026-02-01", "segment", "PME"): 1.0,
    ("retention_rate", M, "2026-02-01", "segment", "TPE"): 0.0,  # A02 in Jan, not in Feb
    ("retention_rate", M, "2026-03-01", "segment", "TPE"): 1.0,  # A07
    ("retention_rate", M, "2026-02-01", "segment", "ETI"): 0.0,
    ("retention_rate", M, "2025-12-01", "segment", "GE"): 0.0,
    # ---- cross_sell_ratio (L2): distinct ranges, orders in [2025-03-16, 2026-03-15]
    ("cross_sell_ratio", S, "2026-03-15", "total", "all"): (3 + 2 + 2 + 3 + 2) / 5,  # A01 A02 A03 A05 A07
    ("cross_sell_ratio", S, "2026-03-15", "segment", "PME"): 3.0,
    ("cross_sell_ratio", S, "2026-03-15", "segment", "TPE"): 2.0,
    ("cross_sell_ratio", S, "2026-03-15", "segment", "GE"): 3.0,

    # ============================== service =================================================
    ("cases_opened", M, "2026-03-01", "total", "all"): 3.0,  # CS04 CS05 CS06
    ("cases_opened", Q, "2026-01-01", "total", "all"): 6.0,  # CS01 CS02 CS03 + March (CS07 tombstoned)
    ("cases_opened", Q, "2026-01-01", "priority", "high"): 2.0,  # CS02, CS04
    # ---- cases_closed (L1) by closed_at local
    ("cases_closed", M, "2025-11-01", "total", "all"): 1.0,  # CS09
    ("cases_closed", M, "2025-12-01", "total", "all"): 1.0,  # CS08
    ("cases_closed", M, "2026-01-01", "total", "all"): 1.0,  # CS01
    ("cases_closed", M, "2026-02-01", "total", "all"): 1.0,  # CS02
    ("cases_closed", M, "2026-03-01", "total", "all"): 1.0,  # CS03 (23:30Z Feb 28 = Mar 1 local)
    ("cases_closed", Q, "2025-10-01", "total", "all"): 2.0,
    ("cases_closed", Q, "2026-01-01", "total", "all"): 3.0,
    ("cases_closed", Y, "2025-01-01", "total", "all"): 2.0,
    ("cases_closed", Y, "2026-01-01", "total", "all"): 3.0,
    ("cases_closed", Q, "2026-01-01", "contact_reason", "livraison"): 2.0,
    ("cases_closed", M, "2025-11-01", "contact_reason", "unknown"): 1.0,  # CS09 reason NULL
    ("cases_closed", M, "2025-12-01", "contact_reason", "qualité"): 1.0,
    ("cases_closed", M, "2026-03-01", "case_channel", "chat"): 1.0,
    ("cases_closed", Q, "2025-10-01", "case_channel", "email"): 1.0,
    ("cases_closed", M, "2026-03-01", "priority", "urgent"): 1.0,
    ("cases_closed", Q, "2025-10-01", "priority", "normal"): 2.0,
    # ---- same_day_closure_rate (L1)
    ("same_day_closure_rate", M, "2025-11-01", "total", "all"): 1.0,  # CS09 same day
    ("same_day_closure_rate", M, "2025-12-01", "total", "all"): 0.0,  # CS08 next day
    ("same_day_closure_rate", M, "2026-01-01", "total", "all"): 1.0,  # CS01
    ("same_day_closure_rate", M, "2026-02-01", "total", "all"): 0.0,  # CS02
    ("same_day_closure_rate", M, "2026-03-01", "total", "all"): 0.0,  # CS03 Feb 27 -> Mar 1 local
    ("same_day_closure_rate", Q, "2025-10-01", "total", "all"): 1 / 2,
    ("same_day_closure_rate", Q, "2026-01-01", "total", "all"): 1 / 3,
    ("same_day_closure_rate", Y, "2025-01-01", "total", "all"): 1 / 2,
    ("same_day_closure_rate", Y, "2026-01-01", "total", "all"): 1 / 3,
    ("same_day_closure_rate", Q, "2026-01-01", "contact_reason", "livraison"): 1 / 2,  # CS01 yes, CS03 no
    ("same_day_closure_rate", Q, "2026-01-01", "contact_reason", "facturation"): 0.0,
    ("same_day_closure_rate", Q, "2026-01-01", "case_channel", "phone"): 1.0,
    ("same_day_closure_rate", Q, "2025-10-01", "case_channel", "email"): 0.0,
    # ---- avg_resolution_hours (L1)
    ("avg_resolution_hours", M, "2025-11-01", "total", "all"): 2.0,    # CS09 14:00 -> 16:00
    ("avg_resolution_hours", M, "2025-12-01", "total", "all"): 24.0,   # CS08
    ("avg_resolution_hours", M, "2026-01-01", "total", "all"): 8.0,    # CS01 09:00 -> 17:00
    ("avg_resolution_hours", M, "2026-02-01", "total", "all"): 336.0,  # CS02 14 days
    ("avg_resolution_hours", M, "2026-03-01", "total", "all"): 25.5,   # CS03 22:00Z Feb 27 -> 23:30Z Feb 28
    ("avg_resolution_hours", Q, "2025-10-01", "total", "all"): (2 + 24) / 2,
    ("avg_resolution_hours", Q, "2026-01-01", "total", "all"): (8 + 336 + 25.5) / 3,
    ("avg_resolution_hours", Y, "2025-01-01", "total", "all"): (2 + 24) / 2,
    ("avg_resolution_hours", Y, "2026-01-01", "total", "all"): (8 + 336 + 25.5) / 3,
    ("avg_resolution_hours", Q, "2026-01-01", "contact_reason", "livraison"): (8 + 25.5) / 2,
    ("avg_resolution_hours", Q, "2025-10-01", "contact_reason", "qualité"): 24.0,
    ("avg_resolution_hours", Q, "2026-01-01", "case_channel", "chat"): 25.5,
    ("avg_resolution_hours", Q, "2026-01-01", "case_channel", "email"): 336.0,
    ("avg_resolution_hours", Q, "2026-01-01", "priority", "high"): 336.0,
    ("avg_resolution_hours", Q, "2025-10-01", "priority", "normal"): 13.0,
    # ---- complaint_resolution_hours (L2)
    ("complaint_resolution_hours", M, "2026-02-01", "total", "all"): 336.0,  # CS02 'oui'
    ("complaint_resolution_hours", Q, "2026-01-01", "total", "all"): (336 + 25.5) / 2,  # + CS03 'TRUE'
    ("complaint_resolution_hours", M, "2026-03-01", "contact_reason", "livraison"): 25.5,
    # ---- sla_compliance_rate (L1)
    ("sla_compliance_rate", M, "2025-11-01", "total", "all"): 1.0,  # CS09 16:00 <= 18:00
    ("sla_compliance_rate", M, "2026-01-01", "total", "all"): 1.0,  # CS01
    ("sla_compliance_rate", M, "2026-02-01", "total", "all"): 0.0,  # CS02 closed Feb 3 > due Jan 27
    ("sla_compliance_rate", M, "2026-03-01", "total", "all"): 1.0,  # CS03 23:30Z <= 00:00Z
    ("sla_compliance_rate", Q, "2025-10-01", "total", "all"): 1.0,  # CS08 has no SLA
    ("sla_compliance_rate", Q, "2026-01-01", "total", "all"): 2 / 3,
    ("sla_compliance_rate", Y, "2025-01-01", "total", "all"): 1.0,
    ("sla_compliance_rate", Y, "2026-01-01", "total", "all"): 2 / 3,
    ("sla_compliance_rate", Q, "2026-01-01", "contact_reason", "livraison"): 1.0,
    ("sla_compliance_rate", Q, "2026-01-01", "contact_reason", "facturation"): 0.0,
    ("sla_compliance_rate", Q, "2025-10-01", "contact_reason", "unknown"): 1.0,
    ("sla_compliance_rate", Q, "2026-01-01", "priority", "high"): 0.0,
    ("sla_compliance_rate", M, "2026-03-01", "priority", "urgent"): 1.0,
    # ---- first_response_hours (L2) by opened_at
    ("first_response_hours", M, "2025-11-01", "total", "all"): 0.0,   # CS09
    ("first_response_hours", M, "2026-01-01", "total", "all"): (0.5 + 24) / 2,  # CS01, CS02
    ("first_response_hours", Q, "2026-01-01", "total", "all"): (0.5 + 24 + 0.5) / 3,  # + CS03 (opened Feb 27 local)
    ("first_response_hours", M, "2026-01-01", "case_channel", "email"): 24.0,
    # ---- open_cases_past_sla (L1, snapshot): open, sla_due_at before end of Mar 15 local
    ("open_cases_past_sla", S, "2026-03-15", "total", "all"): 2.0,  # CS04, CS05 (due 18:00 today); CS06 due 00:30 Mar 16 local
    ("open_cases_past_sla", S, "2026-03-15", "contact_reason", "qualité"): 1.0,
    ("open_cases_past_sla", S, "2026-03-15", "contact_reason", "facturation"): 1.0,  # CS07 tombstoned
    ("open_cases_past_sla", S, "2026-03-15", "priority", "high"): 1.0,
    ("open_cases_past_sla", S, "2026-03-15", "priority", "low"): 1.0,
    # ---- calls (calls_broken.csv rejected whole)
    ("inbound_calls", M, "2026-01-01", "total", "all"): 2.0,  # CA1, CA2
    ("inbound_calls", M, "2026-03-01", "total", "all"): 2.0,  # CA5, CA7 (Mar 20, after as_of)
    ("inbound_calls", Q, "2026-01-01", "total", "all"): 5.0,  # + CA4 (Feb 27 local)
    ("calls_per_day", M, "2025-12-01", "total", "all"): 1 / 31,  # CA6
    ("calls_per_day", M, "2026-01-01", "total", "all"): 2 / 31,
    ("calls_per_day", M, "2026-02-01", "total", "all"): 1 / 28,
    ("calls_per_day", M, "2026-03-01", "total", "all"): 2 / 15,  # days Mar 1..15
    ("calls_per_day", Q, "2025-10-01", "total", "all"): 1 / 92,  # 31 + 30 + 31
    ("calls_per_day", Q, "2026-01-01", "total", "all"): 5 / 74,  # 31 + 28 + 15
    ("calls_per_day", Y, "2025-01-01", "total", "all"): 1 / 365,
    ("calls_per_day", Y, "2026-01-01", "total", "all"): 5 / 74,
    ("abandoned_call_rate", M, "2025-12-01", "total", "all"): 0.0,
    ("abandoned_call_rate", M, "2026-01-01", "total", "all"): 1 / 2,  # CA2 unanswered
    ("abandoned_call_rate", M, "2026-02-01", "total", "all"): 0.0,
    ("abandoned_call_rate", M, "2026-03-01", "total", "all"): 1 / 2,  # CA5 unanswered
    ("abandoned_call_rate", Q, "2025-10-01", "total", "all"): 0.0,
    ("abandoned_call_rate", Q, "2026-01-01", "total", "all"): 2 / 5,
    ("abandoned_call_rate", Y, "2025-01-01", "total", "all"): 0.0,
    ("abandoned_call_rate", Y, "2026-01-01", "total", "all"): 2 / 5,
    ("avg_handle_time_s", M, "2025-12-01", "total", "all"): 1200.0,  # CA6 08:51 -> 09:11
    ("avg_handle_time_s", M, "2026-01-01", "total", "all"): 600.0,   # CA1 600, CA3 600 (outbound)
    ("avg_handle_time_s", Q, "2026-01-01", "total", "all"): (600 + 600 + 300 + 300) / 4,  # + CA4, CA7
    ("callbacks", Q, "2026-01-01", "total", "all"): 2.0,  # CA3 'true', CA5 'oui'

    # ============================== data_quality ============================================
    # live contacts: CT01..CT09, CT11, CT12 (CT10 tombstoned, CT13 quarantined); filled fields
    # CT01 6, CT02 3, CT03 6 (last line), CT04 5, CT05 5, CT06 6, CT07 1 (phone blank), CT08 4,
    # CT09 4, CT11 1, CT12 3 -> 44
    ("contact_completeness_rate", S, "2026-03-15", "total", "all"): 44 / 66,
    ("contact_completeness_rate", S, "2026-03-15", "country", "FR"): 29 / 42,  # CT01 CT02 CT03 CT06 CT07 CT08 CT12
    ("contact_completeness_rate", S, "2026-03-15", "country", "BE"): 10 / 12,  # CT04 CT05
    ("contact_completeness_rate", S, "2026-03-15", "country", "unknown"): 5 / 12,  # CT09 (A08 tombstoned), CT11 (no account)
    ("contact_completeness_rate", S, "2026-03-15", "sales_rep", "R1"): 10 / 18,  # CT01 CT02 (A01), CT07 (A06)
    ("contact_completeness_rate", S, "2026-03-15", "sales_rep", "R2"): 6 / 6,    # CT03
    ("contact_completeness_rate", S, "2026-03-15", "sales_rep", "R3"): 16 / 18,  # CT04 CT05 CT06
    ("contact_completeness_rate", S, "2026-03-15", "sales_rep", "R4"): 7 / 12,   # CT08 CT12
    ("contact_completeness_rate", S, "2026-03-15", "sales_rep", "unknown"): 5 / 12,
    # completeness 44/66; validity (7 valid of 8 emails + 4 of 5 phones) 11/13;
    # uniqueness 1 - 2/11; freshness 10/11 (CT06 updated 366 days ago; CT01 365 days local)
    ("data_quality_index", S, "2026-03-15", "total", "all"): 100 * (44 / 66 + 11 / 13 + 9 / 11 + 10 / 11) / 4,
    ("duplicate_contacts", S, "2026-03-15", "total", "all"): 2.0,  # {CT04, CT05} + {CT02, CT12}
    ("duplicate_accounts", S, "2026-03-15", "total", "all"): 1.0,  # 'Café Léon' / 'CAFÉ-LÉON' FR (A08 tombstoned)
    ("new_prospects", M, "2025-10-01", "total", "all"): 3.0,  # A01, A03, A05 (23:00Z Sep 30 = Oct 1 local)
    ("new_prospects", Q, "2025-10-01", "total", "all"): 4.0,  # + A02 (A08 tombstoned)
    ("new_prospects", Q, "2026-01-01", "total", "all"): 3.0,  # A04, A06, A07
    ("new_prospects", M, "2025-10-01", "lead_source", "unknown"): 1.0,  # A05
    ("new_prospects", M, "2025-10-01", "sales_rep", "R3"): 2.0,
    ("new_prospects", M, "2025-10-01", "country", "BE"): 1.0,
    # ---- crm_alerts_open (L1, snapshot)
    ("crm_alerts_open", S, "2026-03-15", "total", "all"): 17.0,
    ("crm_alerts_open", S, "2026-03-15", "alert_rule", "opportunity_overdue"): 2.0,
    ("crm_alerts_open", S, "2026-03-15", "alert_rule", "won_without_amount"): 1.0,
    ("crm_alerts_open", S, "2026-03-15", "alert_rule", "lost_without_reason"): 1.0,
    ("crm_alerts_open", S, "2026-03-15", "alert_rule", "stale_opportunity"): 1.0,
    ("crm_alerts_open", S, "2026-03-15", "alert_rule", "visit_without_report"): 2.0,
    ("crm_alerts_open", S, "2026-03-15", "alert_rule", "quote_without_follow_up"): 1.0,
    ("crm_alerts_open", S, "2026-03-15", "alert_rule", "contact_unreachable"): 2.0,
    ("crm_alerts_open", S, "2026-03-15", "alert_rule", "duplicate_contact"): 2.0,
    ("crm_alerts_open", S, "2026-03-15", "alert_rule", "order_without_account"): 3.0,
    ("crm_alerts_open", S, "2026-03-15", "alert_rule", "case_past_sla"): 2.0,
    # ---- crm_erp_sync_errors (L1, snapshot)
    ("crm_erp_sync_errors", S, "2026-03-15", "total", "all"): 4.0,
    ("crm_erp_sync_errors", S, "2026-03-15", "sync_error_type", "erp_customer_unlinked"): 2.0,  # C05, C06
    ("crm_erp_sync_errors", S, "2026-03-15", "sync_error_type", "crm_link_broken"): 1.0,        # A06 -> C99
    ("crm_erp_sync_errors", S, "2026-03-15", "sync_error_type", "country_mismatch"): 1.0,       # C07 BE vs A05 FR
    # ---- data_freshness_days (L2): accounts 42+69+68+62+104+42+14 = 401,
    #      contacts 365+151+133+115+69+366+42+33+100+14+151 = 1539
    ("data_freshness_days", S, "2026-03-15", "total", "all"): (401 + 1539) / 18,
    # ---- quarantined_rows (L1, snapshot)
    ("quarantined_rows", S, "2026-03-15", "total", "all"): 5.0,
    ("quarantined_rows", S, "2026-03-15", "entity", "crm/contacts"): 1.0,
    ("quarantined_rows", S, "2026-03-15", "entity", "crm/opportunities"): 1.0,
    ("quarantined_rows", S, "2026-03-15", "entity", "crm/activities"): 1.0,
    ("quarantined_rows", S, "2026-03-15", "entity", "crm/calls"): 1.0,  # whole file = one row
    ("quarantined_rows", S, "2026-03-15", "entity", "erp/invoices"): 1.0,

    # ============================== profitability ===========================================
    # PR1 (A01 PME): TS1 Dec 8h bill 720/320, TS2 Dec 4h NULL-billable 0/160, TS3 Jan 6h bill rate NULL 0/240
    # PR2 (A05 GE):  TS4 Jan 10h 1000/500, TS5 Feb 5h 500/0, TS7 Mar 3h non-bill 0/150, TS8 Mar 4h 440/200
    # PR3 (C06 unknown): TS6 Feb 2h 160/90
    ("project_revenue", M, "2026-01-01", "total", "all"): 1000.0,  # TS3 0 + TS4 1000
    ("project_revenue", M, "2026-01-01", "project", "PR1"): 0.0,
    ("project_revenue", Q, "2026-01-01", "segment", "GE"): 1940.0,
    ("project_cost", M, "2025-12-01", "total", "all"): 480.0,
    ("project_cost", M, "2026-03-01", "project", "PR2"): 350.0,
    ("project_margin", M, "2025-12-01", "total", "all"): 240.0,  # 720 - 480
    ("project_margin", M, "2026-01-01", "total", "all"): 260.0,  # 1000 - 740
    ("project_margin", M, "2026-02-01", "total", "all"): 570.0,  # 660 - 90
    ("project_margin", M, "2026-03-01", "total", "all"): 90.0,   # 440 - 350
    ("project_margin", Q, "2025-10-01", "total", "all"): 240.0,
    ("project_margin", Q, "2026-01-01", "total", "all"): 920.0,  # 2100 - 1180
    ("project_margin", Y, "2025-01-01", "total", "all"): 240.0,
    ("project_margin", Y, "2026-01-01", "total", "all"): 920.0,
    ("project_margin", M, "2026-01-01", "project", "PR1"): -240.0,
    ("project_margin", Q, "2026-01-01", "project", "PR2"): 1090.0,  # 1940 - 850
    ("project_margin", M, "2026-02-01", "project", "PR3"): 70.0,
    ("project_margin", Q, "2025-10-01", "segment", "PME"): 240.0,
    ("project_margin", Q, "2026-01-01", "segment", "unknown"): 70.0,
    ("project_margin_rate", M, "2025-12-01", "total", "all"): 240 / 720,
    ("project_margin_rate", M, "2026-01-01", "total", "all"): 260 / 1000,
    ("project_margin_rate", M, "2026-02-01", "total", "all"): 570 / 660,
    ("project_margin_rate", M, "2026-03-01", "total", "all"): 90 / 440,
    ("project_margin_rate", Q, "2025-10-01", "total", "all"): 240 / 720,
    ("project_margin_rate", Q, "2026-01-01", "total", "all"): 920 / 2100,
    ("project_margin_rate", Y, "2025-01-01", "total", "all"): 240 / 720,
    ("project_margin_rate", Y, "2026-01-01", "total", "all"): 920 / 2100,
    ("project_margin_rate", M, "2026-01-01", "project", "PR1"): None,  # revenue 0 -> NULL
    ("project_margin_rate", Q, "2026-01-01", "segment", "PME"): None,
    ("project_margin_rate", Q, "2026-01-01", "project", "PR2"): 1090 / 1940,
    ("project_margin_rate", M, "2026-02-01", "segment", "unknown"): 70 / 160,
    ("utilization_rate", M, "2025-12-01", "total", "all"): 8 / 12,
    ("utilization_rate", M, "2026-01-01", "total", "all"): 16 / 16,
    ("utilization_rate", M, "2026-02-01", "total", "all"): 7 / 7,
    ("utilization_rate", M, "2026-03-01", "total", "all"): 4 / 7,
    ("utilization_rate", Q, "2025-10-01", "total", "all"): 8 / 12,
    ("utilization_rate", Q, "2026-01-01", "total", "all"): 27 / 30,
    ("utilization_rate", Y, "2025-01-01", "total", "all"): 8 / 12,
    ("utilization_rate", Y, "2026-01-01", "total", "all"): 27 / 30,
    ("utilization_rate", Q, "2026-01-01", "project", "PR2"): 19 / 22,
    ("utilization_rate", M, "2025-12-01", "project", "PR1"): 8 / 12,

    # ============================== digital =================================================
    # sessions: S2 Dec 15, S1 (23:15Z Dec 31 = Jan 1 local), S3, S4 (dup once) Jan, S5 Feb 28 23:45 naive, S6 Mar
    ("web_sessions", M, "2025-12-01", "total", "all"): 1.0,
    ("web_sessions", M, "2026-01-01", "total", "all"): 3.0,
    ("web_sessions", Y, "2025-01-01", "total", "all"): 1.0,
    ("web_sessions", M, "2026-01-01", "web_channel", "organic"): 2.0,
    ("pageviews", M, "2026-01-01", "total", "all"): 10.0,  # 4 + NULL + 6 (S4 once)
    ("pageviews", Q, "2026-01-01", "total", "all"): 18.0,
    ("avg_session_duration_s", M, "2025-12-01", "total", "all"): 60.0,
    ("avg_session_duration_s", M, "2026-01-01", "total", "all"): (120 + 300) / 2,  # S3 NULL left out
    ("avg_session_duration_s", M, "2026-02-01", "total", "all"): 180.0,
    ("avg_session_duration_s", M, "2026-03-01", "total", "all"): 240.0,
    ("avg_session_duration_s", Q, "2025-10-01", "total", "all"): 60.0,
    ("avg_session_duration_s", Q, "2026-01-01", "total", "all"): (120 + 300 + 180 + 240) / 4,
    ("avg_session_duration_s", Y, "2025-01-01", "total", "all"): 60.0,
    ("avg_session_duration_s", Y, "2026-01-01", "total", "all"): (120 + 300 + 180 + 240) / 4,
    ("avg_session_duration_s", M, "2026-01-01", "web_channel", "organic"): 120.0,
    ("avg_session_duration_s", M, "2026-01-01", "web_channel", "email"): 300.0,
    ("avg_session_duration_s", M, "2026-02-01", "web_channel", "unknown"): 180.0,
    ("avg_session_duration_s", Q, "2025-10-01", "web_channel", "paid"): 60.0,
    ("goal_completion_rate", M, "2025-12-01", "total", "all"): 0.0,
    ("goal_completion_rate", M, "2026-01-01", "total", "all"): 2 / 3,  # S1 true, S3 false, S4 '1'
    ("goal_completion_rate", M, "2026-02-01", "total", "all"): 0.0,    # S5 'no'
    ("goal_completion_rate", M, "2026-03-01", "total", "all"): 1.0,    # S6 'TRUE'
    ("goal_completion_rate", Q, "2025-10-01", "total", "all"): 0.0,
    ("goal_completion_rate", Q, "2026-01-01", "total", "all"): 3 / 5,
    ("goal_completion_rate", Y, "2025-01-01", "total", "all"): 0.0,
    ("goal_completion_rate", Y, "2026-01-01", "total", "all"): 3 / 5,
    ("goal_completion_rate", M, "2026-01-01", "web_channel", "organic"): 1 / 2,
    ("goal_completion_rate", M, "2026-03-01", "web_channel", "paid"): 1.0,
}

# ---------------------------------------------------------------------------------------------
# Expected `target` column (sum of the months of the period that have a target row).
KPI_TARGETS = {
    ("invoiced_revenue", M, "2025-10-01", "total", "all"): 6000.0,
    ("invoiced_revenue", M, "2025-11-01", "total", "all"): 2000.0,
    ("invoiced_revenue", M, "2025-12-01", "total", "all"): 2000.0,
    ("invoiced_revenue", M, "2026-01-01", "total", "all"): 5000.0,  # re-sent 5000 (newer) beats 4000
    ("invoiced_revenue", M, "2026-02-01", "total", "all"): 2000.0,
    ("invoiced_revenue", M, "2026-03-01", "total", "all"): 2000.0,
    ("invoiced_revenue", Q, "2025-10-01", "total", "all"): 10000.0,  # 6000 + 2000 + 2000
    ("invoiced_revenue", Q, "2026-01-01", "total", "all"): 9000.0,   # 5000 + 2000 + 2000
    ("invoiced_revenue", Y, "2025-01-01", "total", "all"): 10000.0,
    ("invoiced_revenue", Y, "2026-01-01", "total", "all"): 9000.0,
    ("invoiced_revenue", M, "2026-01-01", "team", "Nord"): 1000.0,
    ("invoiced_revenue", Q, "2026-01-01", "team", "Nord"): 4000.0,   # 1000 + 2000 + 1000
    ("invoiced_revenue", M, "2025-11-01", "team", "Nord"): None,     # no team target in 2025
    ("invoiced_revenue", M, "2026-02-01", "team", "Sud"): 0.0,       # a target of 0 is a target
    ("invoiced_revenue", Q, "2026-01-01", "team", "Sud"): 3500.0,    # 3000 + 0 + 500
    ("invoiced_revenue", M, "2025-12-01", "sales_rep", "R1"): 2000.0,
    ("invoiced_revenue", Q, "2026-01-01", "sales_rep", "R1"): 1000.0,  # Feb only
    ("invoiced_revenue", Q, "2026-01-01", "sales_rep", "R2"): None,
    ("invoiced_revenue", Q, "2026-01-01", "country", "FR"): None,    # no scope maps to country
    ("revenue_target_attainment", M, "2026-01-01", "total", "all"): None,  # attainment rows carry target NULL
    ("revenue_target_attainment", Q, "2026-01-01", "team", "Nord"): None,
    ("orders_count", M, "2026-01-01", "total", "all"): 4.0,
    ("orders_count", Q, "2026-01-01", "total", "all"): 12.0,  # 4 + 4 + 4
    ("orders_count", M, "2025-10-01", "total", "all"): None,
    ("visits_done", M, "2026-01-01", "total", "all"): 2.0,
    ("visits_done", M, "2026-03-01", "total", "all"): 2.0,
    ("visits_done", Q, "2026-01-01", "total", "all"): 6.0,    # Jan + Feb + Mar rows (Feb has no visits row)
    ("visits_done", M, "2025-12-01", "total", "all"): None,
    ("deals_won_amount", M, "2026-01-01", "total", "all"): 4000.0,
    ("deals_won_amount", Q, "2026-01-01", "total", "all"): 4000.0,
    ("deals_won_amount", M, "2025-12-01", "total", "all"): None,
    ("new_customers", M, "2026-01-01", "sales_rep", "R2"): 1.0,
    ("new_customers", M, "2026-01-01", "total", "all"): None,
    ("average_basket", Q, "2026-01-01", "total", "all"): None,  # KPI without target
}

# ---------------------------------------------------------------------------------------------
# Keys that must NOT exist in marts.kpi_observations.
ABSENT_KPI_ROWS = [
    ("invoiced_revenue", M, "2026-04-01", "total", "all"),        # after the as_of period
    ("invoiced_revenue", Q, "2026-04-01", "total", "all"),
    ("invoiced_revenue", M, "2025-09-01", "total", "all"),        # no invoice
    ("revenue_target_attainment", M, "2025-11-01", "team", "Nord"),  # no target
    ("revenue_target_attainment", Q, "2026-01-01", "sales_rep", "R2"),  # no target
    ("revenue_target_attainment", Q, "2026-01-01", "country", "FR"),    # not a dimension of the KPI
    ("orders_amount", M, "2026-01-01", "order_channel", "web"),    # no web order in January
    ("orders_count", M, "2026-02-01", "sales_rep", "R3"),          # O08 tombstoned
    ("orders_count", M, "2026-03-01", "order_channel", "store"),    # O13 (store) is February
    ("gross_margin_rate", M, "2026-02-01", "product_range", "unknown"),  # P99 line has no cost
    ("gross_margin_rate", M, "2026-02-01", "product_range", "Services"),  # O02 L2 has no cost
    ("new_customers", M, "2025-11-01", "total", "all"),
    ("new_customers", M, "2026-03-01", "total", "all"),
    ("new_customers", M, "2026-02-01", "order_channel", "web"),    # O16 web, but C06 is not a customer
    ("visits_done", M, "2026-02-01", "total", "all"),              # V10 tombstoned, V04 is March local
    ("visit_to_order_ratio", M, "2026-02-01", "total", "all"),
    ("visit_to_order_ratio", M, "2025-10-01", "total", "all"),
    ("visit_to_order_ratio", Q, "2025-10-01", "sales_rep", "R2"),  # orders, no visits
    ("visit_to_order_ratio", Q, "2025-10-01", "team", "Sud"),
    ("visit_to_order_ratio", Q, "2026-01-01", "team", "unknown"),
    ("late_visits", S, "2026-03-15", "sales_rep", "R1"),           # V07 due today
    ("late_visits", S, "2026-03-15", "sales_rep", "R3"),           # V08 due 00:30 local today
    ("late_visits", S, "2026-03-15", "team", "Nord"),
    ("quotes_to_follow_up", S, "2026-03-15", "sales_rep", "R1"),   # Q03 later, Q05 accepted
    ("quotes_to_follow_up", S, "2026-03-15", "sales_rep", "R3"),   # Q04 follow_up_on NULL
    ("action_plan_progress_rate", S, "2026-03-15", "sales_rep", "R4"),  # tasks_total 0
    ("action_plan_progress_rate", S, "2026-03-15", "sales_rep", "R2"),  # completed plan only
    ("open_pipeline_amount", S, "2026-03-15", "stage", "closed_won"),
    ("open_pipeline_amount", S, "2026-03-15", "sales_rep", "R9"),
    ("open_opportunities", S, "2026-03-15", "sales_rep", "R9"),
    ("pipeline_forecast", M, "2026-05-01", "total", "all"),        # OP12 is not open
    ("pipeline_forecast", M, "2026-02-01", "total", "all"),        # OP06 moved to the as_of month
    ("deals_won", M, "2025-12-01", "segment", "GE"),               # OP09 tombstoned
    ("deals_won_amount", M, "2025-12-01", "segment", "GE"),
    ("deals_won", M, "2026-03-01", "total", "all"),
    ("qualified_leads", M, "2026-02-01", "total", "all"),          # L06 tombstoned
    ("campaigns_active", M, "2026-04-01", "total", "all"),         # after the as_of period
    ("campaigns_active", Q, "2026-04-01", "total", "all"),
    ("campaign_won_deals", M, "2025-12-01", "total", "all"),       # OP09 tombstoned, OP10 no campaign
    ("campaign_won_deals", M, "2025-12-01", "campaign", "CP2"),
    ("campaign_revenue", M, "2025-12-01", "total", "all"),
    ("campaign_new_customers", M, "2025-12-01", "total", "all"),
    ("campaign_responses", M, "2025-11-01", "total", "all"),
    ("campaign_roi", S, "2026-03-15", "campaign", "CP3"),          # starts after as_of
    ("campaign_roi", S, "2026-03-15", "campaign", "CP4"),          # starts_on NULL
    ("campaign_roi", S, "2026-03-15", "campaign", "CP5"),          # cost 0
    ("campaign_roi", S, "2026-03-15", "campaign_channel", "social"),
    ("mailing_list_size", M, "2026-04-01", "total", "all"),
    ("mailing_list_size", M, "2025-02-01", "total", "all"),        # before the first contact's month
    ("active_customers", S, "2026-03-15", "segment", "GE"),
    ("active_customers", S, "2026-03-15", "country", "BE"),
    ("inactive_customers", S, "2026-03-15", "country", "FR"),
    ("lost_customers", S, "2026-03-15", "sales_rep", "R1"),
    ("customers_lost", M, "2026-02-01", "total", "all"),
    ("customer_lifetime_value", S, "2026-03-15", "segment", "unknown"),  # A06 has no valid order
    ("sla_compliance_rate", M, "2025-12-01", "total", "all"),      # CS08 has no sla_due_at
    ("sla_compliance_rate", Q, "2025-10-01", "contact_reason", "qualité"),
    ("first_response_hours", M, "2026-03-01", "total", "all"),     # no first response in March
    ("complaint_resolution_hours", M, "2026-01-01", "total", "all"),
    ("open_cases_past_sla", S, "2026-03-15", "priority", "normal"),  # CS06 due 00:30 local tomorrow
    ("open_cases_past_sla", S, "2026-03-15", "contact_reason", "information"),
    ("cases_opened", M, "2025-10-01", "total", "all"),
    ("inbound_calls", M, "2025-11-01", "total", "all"),
    ("calls_per_day", M, "2025-11-01", "total", "all"),
    ("calls_per_day", M, "2026-04-01", "total", "all"),
    ("callbacks", M, "2025-12-01", "total", "all"),
    ("quarantined_rows", S, "2026-03-15", "entity", "erp/order_lines"),
    ("quarantined_rows", S, "2026-03-15", "entity", "crm/accounts"),
    ("project_revenue", M, "2025-11-01", "total", "all"),
    ("web_sessions", M, "2025-12-01", "web_channel", "organic"),   # S1 is January local
    ("web_sessions", M, "2026-03-01", "web_channel", "unknown"),   # S5 naive Feb 28 23:45 stays February
]

# ---------------------------------------------------------------------------------------------
CUSTOMER_360 = {
    # A01: dates 2025-12-15, 2026-01-12, 2026-02-01 (O02 23:30Z Jan 31), 2026-03-02 (O03 + O04)
    #      gaps 28, 20, 29 -> median 28; 13 days <= 28 -> active
    "A01": dict(customer_status="active", first_order_date="2025-12-15", last_order_date="2026-03-02",
                valid_orders=5, ordering_cycle_days=28.0, days_since_last_order=13, lost_on=None,
                lifetime_revenue=4760.0),  # 2300 + 1600 - 200 + 1060
    # A02: 2026-01-05, 2026-01-09 -> gap 4 -> greatest(4, 7) = 7; 65 > 14 -> lost on Jan 9 + 15
    "A02": dict(customer_status="lost", first_order_date="2026-01-05", last_order_date="2026-01-09",
                valid_orders=2, ordering_cycle_days=7.0, days_since_last_order=65, lost_on="2026-01-24",
                lifetime_revenue=1100.0),  # 200 + 900
    # A03: one order date (O08 tombstoned) -> default 30; 54 days -> inactive
    "A03": dict(customer_status="inactive", first_order_date="2026-01-20", last_order_date="2026-01-20",
                valid_orders=1, ordering_cycle_days=30.0, days_since_last_order=54, lost_on=None,
                lifetime_revenue=3250.0),
    # A04: only a cancelled order -> prospect (C05 is NOT linked to it despite A04.erp_customer_id)
    "A04": dict(customer_status="prospect", first_order_date=None, last_order_date=None,
                valid_orders=0, ordering_cycle_days=30.0, days_since_last_order=None, lost_on=None,
                lifetime_revenue=0.0),
    # A05: 2025-10-06, 10-20, 11-10 -> gaps 14, 21 (even count) -> 17.5; 125 > 35 -> lost on Nov 10 + 36
    "A05": dict(customer_status="lost", first_order_date="2025-10-06", last_order_date="2025-11-10",
                valid_orders=3, ordering_cycle_days=17.5, days_since_last_order=125, lost_on="2025-12-16",
                lifetime_revenue=7400.0),  # 4000 + 2600 + 900 - 100
    # A06: no order at all
    "A06": dict(customer_status="prospect", first_order_date=None, last_order_date=None,
                valid_orders=0, ordering_cycle_days=30.0, days_since_last_order=None, lost_on=None,
                lifetime_revenue=0.0),
    # A07: 2026-02-20, 2026-03-10 -> gap 18; 5 days -> active
    "A07": dict(customer_status="active", first_order_date="2026-02-20", last_order_date="2026-03-10",
                valid_orders=2, ordering_cycle_days=18.0, days_since_last_order=5, lost_on=None,
                lifetime_revenue=240.0),  # I12 240 (I14 dated 2026-03-20 > as_of)
}

# ---------------------------------------------------------------------------------------------
CRM_ALERTS = {
    ("opportunity_overdue", "opportunity", "OP04"),    # expected 2026-03-10 (quarantined 12k version ignored)
    ("opportunity_overdue", "opportunity", "OP06"),    # expected 2026-02-28
    ("won_without_amount", "opportunity", "OP07"),     # amount NULL
    ("lost_without_reason", "opportunity", "OP08"),    # lost_reason empty
    ("stale_opportunity", "opportunity", "OP06"),      # only E01 (Dec 1) and a tombstoned visit; OP05/OP11 saved
    ("visit_without_report", "activity", "V02"),       # has_report 'no', Jan 15
    ("visit_without_report", "activity", "V09"),       # 'false', Mar 13 = as_of - 2 (V05 Mar 14 not yet)
    ("quote_without_follow_up", "quote", "Q04"),       # Q06 tombstoned
    ("contact_unreachable", "contact", "CT07"),        # phone of spaces only
    ("contact_unreachable", "contact", "CT11"),
    ("duplicate_contact", "contact", "CT05"),          # CT04 created first
    ("duplicate_contact", "contact", "CT12"),          # created_at tie with CT02 -> smallest id CT02 kept
    ("order_without_account", "order", "O15"),         # C05 -> tombstoned A08
    ("order_without_account", "order", "O16"),         # C06 linked to nothing
    ("order_without_account", "order", "O18"),         # C06, cancelled included
    ("case_past_sla", "case", "CS04"),
    ("case_past_sla", "case", "CS05"),
}

ALERT_SEVERITY = {
    "opportunity_overdue": "warning",
    "won_without_amount": "error",
    "lost_without_reason": "warning",
    "stale_opportunity": "warning",
    "visit_without_report": "warning",
    "quote_without_follow_up": "warning",
    "contact_unreachable": "warning",
    "duplicate_contact": "info",
    "order_without_account": "error",
    "case_past_sla": "error",
}

# ---------------------------------------------------------------------------------------------
# file -> (rows_read, rows_loaded, rows_quarantined)
LOAD_AUDIT = {
    "crm/sales_reps/2026-01-01_reps_full.csv": (4, 4, 0),
    "crm/sales_reps/2026-01-02_reps_delta.csv": (1, 1, 0),
    "crm/accounts/accounts_2026-02-15_full.csv": (8, 8, 0),
    "crm/accounts/accounts_2026-03-01_resend.csv": (3, 3, 0),
    "crm/contacts/contacts.csv": (14, 13, 1),            # CT03 twice (both load), CT13 13 fields
    "crm/leads/leads.csv": (7, 7, 0),
    "crm/opportunities/opportunities_01.csv": (3, 2, 1),  # OP04 amount '12k'
    "crm/opportunities/opportunities_02.csv": (12, 12, 0),
    "crm/opportunity_stage_history/history_01.csv": (10, 10, 0),
    "crm/opportunity_stage_history/history_02.csv": (2, 2, 0),  # exact duplicate still loads
    "crm/activities/activities.csv": (17, 16, 1),         # empty activity_id
    "crm/quotes/quotes.csv": (6, 6, 0),
    "crm/action_plans/action_plans.csv": (5, 5, 0),
    "crm/campaigns/campaigns.csv": (5, 5, 0),
    "crm/campaign_members/members.csv": (8, 8, 0),
    "crm/cases/cases.csv": (9, 9, 0),
    "crm/calls/calls.csv": (7, 7, 0),
    "crm/calls/calls_broken.csv": (2, 0, 2),              # required column direction missing
    "erp/customers/customers.csv": (8, 8, 0),
    "erp/products/products_a.csv": (4, 4, 0),
    "erp/products/products_b.csv": (1, 1, 0),
    "erp/orders/orders_00.csv": (1, 1, 0),
    "erp/orders/orders_01.csv": (18, 18, 0),
    "erp/order_lines/lines_01.csv": (21, 21, 0),
    "erp/order_lines/lines_02.csv": (5, 5, 0),            # ';' and decimal commas
    "erp/invoices/invoices_01.csv": (11, 11, 0),
    "erp/invoices/invoices_02.csv": (5, 4, 1),            # BOM; I16 due_on '31/05/2026'
    "erp/projects/projects.csv": (3, 3, 0),
    "erp/timesheets/timesheets.csv": (8, 8, 0),
    "web/sessions/sessions.csv": (7, 7, 0),               # exact duplicate still loads
    "plan/targets/targets_2025-12-01.csv": (5, 5, 0),
    "plan/targets/targets_2026-01-02.csv": (18, 18, 0),
}

# (file, physical line number or None for a whole-file rejection, reason keyword)
QUARANTINE = {
    ("crm/contacts/contacts.csv", 15, "field"),
    ("crm/opportunities/opportunities_01.csv", 4, "amount"),
    ("crm/activities/activities.csv", 18, "activity_id"),
    ("erp/invoices/invoices_02.csv", 6, "due_on"),
    ("crm/calls/calls_broken.csv", None, "direction"),
}
