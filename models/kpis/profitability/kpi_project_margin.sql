-- project_margin: project_revenue - project_cost for the same period and member. One
-- population, all timesheets (the union of both components' populations), each carrying its
-- billable revenue (0 when not billable) and its cost.
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
)

{{ kpi_observations(
    'project_margin', 'population',
    numerator='sum(billable_revenue) - sum(cost)'
) }}
