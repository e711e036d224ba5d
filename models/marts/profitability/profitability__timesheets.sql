{%- set merge = merge_declaration('project_timesheets') %}
{{ config(**merge_config(**merge)) }}
-- Nightly: merges the timesheets a delta touches (declaration `project_timesheets`,
-- macros/incremental/merge_declarations.sql).
-- Level 3: every timesheet with its project, customer account, segment, billable revenue,
-- cost and margin. Grain: one row per timesheet.
with timesheets as (
    select * from {{ ref('int_project_timesheets') }}
    {{- where_touched(merge.touched) }}
),

final as (
    select
        timesheet_id,
        work_date,
        {{ period_start('month', 'work_date') }} as work_month,
        project_id,
        project_name,
        erp_customer_id,
        account_id,
        account_name,
        account_segment,
        employee_id,
        hours,
        is_billable,
        billable_hours,
        hourly_rate,
        hourly_cost,
        billable_revenue,
        cost,
        billable_revenue - cost as margin
    from timesheets
)

select * from final
