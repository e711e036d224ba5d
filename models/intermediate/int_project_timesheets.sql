{%- set merge = merge_declaration('project_timesheets') %}
{{ config(**merge_config(**merge)) }}
-- Nightly: merges the timesheets a delta touches (declaration `project_timesheets`,
-- macros/incremental/merge_declarations.sql).
-- Grain: one row per current timesheet (erp/timesheets has no tombstones), with its project,
-- the project's ERP customer and that customer's linked live CRM account (segment), and the
-- amounts of the profitability rules:
--   billable_revenue = hours * coalesce(hourly_rate, 0) on billable timesheets (is_billable = true), else 0;
--   cost = hours * coalesce(hourly_cost, 0) on every timesheet.
-- A timesheet of a project unknown to erp/projects keeps counting: its project attributes
-- (customer, account, segment) are NULL, i.e. member `unknown`.
with timesheets as (
    select * from {{ ref('stg_erp__timesheets') }}
    {{- where_touched(merge.touched) }}
),

projects as (
    select * from {{ ref('stg_erp__projects') }}
),

links as (
    select * from {{ ref('int_erp_customer_links') }}
),

accounts as (
    select * from {{ ref('int_accounts') }}
),

enriched as (
    select
        timesheets.timesheet_id,
        timesheets.project_id,
        projects.name as project_name,
        projects.status as project_status,
        projects.erp_customer_id,
        links.account_id,
        accounts.account_name,
        accounts.segment as account_segment,
        timesheets.employee_id,
        timesheets.work_date,
        timesheets.hours,
        coalesce(timesheets.is_billable, false) as is_billable,
        timesheets.hourly_rate,
        timesheets.hourly_cost,
        case
            when timesheets.is_billable = true then timesheets.hours
            else 0
        end as billable_hours,
        case
            when timesheets.is_billable = true then timesheets.hours * coalesce(timesheets.hourly_rate, 0)
            else 0
        end as billable_revenue,
        timesheets.hours * coalesce(timesheets.hourly_cost, 0) as cost
    from timesheets
    left join projects on projects.project_id = timesheets.project_id
    left join links on links.erp_customer_id = projects.erp_customer_id
    left join accounts on accounts.account_id = links.account_id
)

select * from enriched
