{{ config(**staging_config('crm__campaigns')) }}
-- Grain: one row per campaign_id — the current version of each record of landing `crm/campaigns`.

with source as (
    select * from {{ source('raw', 'crm__campaigns') }}
    {{- where_touched_by_delta('crm__campaigns') }}
),

current_versions as (
    {{ latest_version('source', raw_table_keys('crm__campaigns')) }}
)

select
        campaign_id,
        name,
        channel,
        starts_on,
        ends_on,
        cost,
        updated_at,
        updated_at_utc
from current_versions
