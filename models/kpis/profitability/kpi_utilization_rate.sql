-- utilization_rate: billable hours (is_billable = true) / all hours of timesheets, by
-- work_date. project = project_id.
-- Summed into month x member cells first (kpi_month_cells).
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
),

{{ kpi_month_cells('cells', 'population', ['project'], {'billable_hours': 'sum(billable_hours)', 'hours': 'sum(hours)'}) }}

{{ kpi_observations(
    'utilization_rate', 'cells',
    numerator='sum(billable_hours)',
    denominator='sum(hours)'
) }}
