{{ config(**staging_config('crm__cases')) }}
-- Grain: one row per case_id — the current version of each live record of landing `crm/cases`.

with source as (
    select * from {{ source('raw', 'crm__cases') }}
    {{- where_touched_by_delta('crm__cases') }}
),

current_versions as (
    {{ latest_version('source', raw_table_keys('crm__cases')) }}
)

select
        case_id,
        account_id,
        contact_id,
        channel,
        reason,
        priority,
        is_complaint,
        opened_at,
        opened_at_utc,
        first_response_at,
        first_response_at_utc,
        closed_at,
        closed_at_utc,
        sla_due_at,
        sla_due_at_utc,
        agent_id,
        updated_at,
        updated_at_utc,
        is_deleted
from current_versions
where is_deleted is null or not is_deleted
