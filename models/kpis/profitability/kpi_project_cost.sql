-- project_cost: sum of hours * coalesce(hourly_cost, 0) over all timesheets, by work_date.
-- project = project_id; segment = segment of the account linked to the project's ERP customer.
with timesheets as (
    select * from {{ ref('int_project_timesheets') }}
),

population as (
    select
        work_date as kpi_date,
        timesheet_id,
        project_id as project,
        account_segment as segment,
        cost
    from timesheets
)

{{ kpi_observations('project_cost', 'population', numerator='sum(cost)') }}
