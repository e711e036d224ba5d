{{ config(**staging_config('erp__products')) }}
-- Grain: one row per product_id — the current version of each record of landing `erp/products`.

with source as (
    select * from {{ source('raw', 'erp__products') }}
    {{- where_touched_by_delta('erp__products') }}
),

current_versions as (
    {{ latest_version('source', raw_table_keys('erp__products')) }}
)

select
        product_id,
        name,
        product_range,
        category,
        list_price,
        unit_cost,
        updated_at,
        updated_at_utc
from current_versions
