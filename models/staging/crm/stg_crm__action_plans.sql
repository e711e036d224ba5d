{{ config(**staging_config('crm__action_plans')) }}
-- Grain: one row per action_plan_id — the current version of each record of landing `crm/action_plans`.

with source as (
    select * from {{ source('raw', 'crm__action_plans') }}
    {{- where_touched_by_delta('crm__action_plans') }}
),

current_versions as (
    {{ latest_version('source', raw_table_keys('crm__action_plans')) }}
)

select
        action_plan_id,
        owner_rep_id,
        account_id,
        title,
        starts_on,
        due_on,
        tasks_total,
        tasks_done,
        status,
        updated_at,
        updated_at_utc
from current_versions
