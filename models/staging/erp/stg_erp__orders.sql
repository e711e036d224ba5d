{{ config(**staging_config('erp__orders')) }}
-- Grain: one row per order_id — the current version of each live record of landing `erp/orders`.

with source as (
    select * from {{ source('raw', 'erp__orders') }}
    {{- where_touched_by_delta('erp__orders') }}
),

current_versions as (
    {{ latest_version('source', raw_table_keys('erp__orders')) }}
)

select
        order_id,
        erp_customer_id,
        rep_id,
        channel,
        status,
        ordered_at,
        ordered_at_utc,
        requested_delivery_on,
        delivered_at,
        delivered_at_utc,
        updated_at,
        updated_at_utc,
        is_deleted
from current_versions
where is_deleted is null or not is_deleted
