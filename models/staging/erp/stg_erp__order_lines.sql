{{ config(**staging_config('erp__order_lines')) }}
-- Grain: one row per order_id, line_no — the current version of each record of landing `erp/order_lines`.

with source as (
    select * from {{ source('raw', 'erp__order_lines') }}
    {{- where_touched_by_delta('erp__order_lines') }}
),

current_versions as (
    {{ latest_version('source', raw_table_keys('erp__order_lines')) }}
)

select
        order_id,
        line_no,
        product_id,
        quantity,
        unit_price,
        discount_pct,
        unit_cost,
        updated_at,
        updated_at_utc
from current_versions
