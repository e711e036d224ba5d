-- project_margin_rate: project_margin / project_revenue, recomputed from both sums at every
-- grain. Population: all timesheets (the margin's); a period and member with no billable
-- revenue has a row with value NULL (zero denominator).
-- Summed into month x member cells first (kpi_month_cells).
with timesheets as (
    select * from {{ ref('int_project_timesheets') }}
),

population as (
    select
        work_date as kpi_date,
        timesheet_id,
        project_id as project,
        account_segment as segment,
        billable_revenue,
        cost
    from timesheets
),

{{ kpi_month_cells('cells', 'population', ['project', 'segment'], {'billable_revenue': 'sum(billable_revenue)', 'cost': 'sum(cost)'}) }}

{{ kpi_observations(
    'project_margin_rate', 'cells',
    numerator='sum(billable_revenue) - sum(cost)',
    denominator='sum(billable_revenue)'
) }}
