{{ config(materialized='table') }}
-- Grain: one row per campaign_id — the current version of each record of landing `crm/campaigns`.

with source as (
    select * from {{ source('raw', 'crm__campaigns') }}
),

current_versions as (
    {{ latest_version('source', ['campaign_id']) }}
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
