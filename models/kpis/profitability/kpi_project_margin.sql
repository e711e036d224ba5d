-- project_margin: project_revenue - project_cost for the same period and member. One
-- population, all timesheets (the union of both components' populations), each carrying its
-- billable revenue (0 when not billable) and its cost.
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
    'project_margin', 'cells',
    numerator='sum(billable_revenue) - sum(cost)'
) }}
