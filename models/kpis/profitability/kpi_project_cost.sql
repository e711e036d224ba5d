-- project_cost: sum of hours * coalesce(hourly_cost, 0) over all timesheets, by work_date.
-- project = project_id; segment = segment of the account linked to the project's ERP customer.
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
        cost
    from timesheets
),

{{ kpi_month_cells('cells', 'population', ['project', 'segment'], {'cost': 'sum(cost)'}) }}

{{ kpi_observations('project_cost', 'cells', numerator='sum(cost)') }}
