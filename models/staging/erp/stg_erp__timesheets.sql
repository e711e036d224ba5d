{{ config(**staging_config('erp__timesheets')) }}
-- Grain: one row per timesheet_id — the current version of each record of landing `erp/timesheets`.

with source as (
    select * from {{ source('raw', 'erp__timesheets') }}
    {{- where_touched_by_delta('erp__timesheets') }}
),

current_versions as (
    {{ latest_version('source', raw_table_keys('erp__timesheets')) }}
)

select
        timesheet_id,
        project_id,
        employee_id,
        work_date,
        hours,
        is_billable,
        hourly_cost,
        hourly_rate,
        updated_at,
        updated_at_utc
from current_versions
