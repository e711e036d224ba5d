-- utilization_rate: billable hours (is_billable = true) / all hours of timesheets, by
-- work_date. project = project_id.
with timesheets as (
    select * from {{ ref('int_project_timesheets') }}
),

population as (
    select
        work_date as kpi_date,
        timesheet_id,
        project_id as project,
        billable_hours,
        hours
    from timesheets
)

{{ kpi_observations(
    'utilization_rate', 'population',
    numerator='sum(billable_hours)',
    denominator='sum(hours)'
) }}
