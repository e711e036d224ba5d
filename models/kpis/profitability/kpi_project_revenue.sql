-- project_revenue: sum of hours * coalesce(hourly_rate, 0) over billable timesheets
-- (is_billable = true), by work_date. project = project_id; segment = segment of the account
-- linked to the project's ERP customer (unknown if unlinked or the project is unknown).
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
        billable_revenue
    from timesheets
    where is_billable = true
),

{{ kpi_month_cells('cells', 'population', ['project', 'segment'], {'billable_revenue': 'sum(billable_revenue)'}) }}

{{ kpi_observations('project_revenue', 'cells', numerator='sum(billable_revenue)') }}
