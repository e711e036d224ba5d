{{ config(**staging_config('crm__opportunities')) }}
-- Grain: one row per opportunity_id — the current version of each live record of landing `crm/opportunities`.

with source as (
    select * from {{ source('raw', 'crm__opportunities') }}
    {{- where_touched_by_delta('crm__opportunities') }}
),

current_versions as (
    {{ latest_version('source', raw_table_keys('crm__opportunities')) }}
)

select
        opportunity_id,
        account_id,
        owner_rep_id,
        lead_id,
        campaign_id,
        lead_source,
        product_range,
        stage,
        amount,
        probability,
        created_at,
        created_at_utc,
        expected_close_date,
        closed_at,
        closed_at_utc,
        lost_reason,
        updated_at,
        updated_at_utc,
        is_deleted
from current_versions
where is_deleted is null or not is_deleted
