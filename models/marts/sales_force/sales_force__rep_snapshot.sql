-- Level 2: snapshot KPIs by sales rep, one set per as_of date kept by kpi_observations.
-- Grain: one row per as_of date (period_start) x sales_rep.
{{ kpi_wide(['late_visits', 'quotes_to_follow_up', 'open_orders_backlog',
             'action_plan_progress_rate'], 'sales_rep', 'as_of') }}
