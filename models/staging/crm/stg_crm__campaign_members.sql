{{ config(**staging_config('crm__campaign_members')) }}
-- Grain: one row per campaign_id, contact_id — the current version of each record of landing `crm/campaign_members`.

with source as (
    select * from {{ source('raw', 'crm__campaign_members') }}
    {{- where_touched_by_delta('crm__campaign_members') }}
),

current_versions as (
    {{ latest_version('source', raw_table_keys('crm__campaign_members')) }}
)

select
        campaign_id,
        contact_id,
        sent_at,
        sent_at_utc,
        opened_at,
        opened_at_utc,
        clicked_at,
        clicked_at_utc,
        responded_at,
        responded_at_utc,
        unsubscribed_at,
        unsubscribed_at_utc,
        updated_at,
        updated_at_utc
from current_versions
