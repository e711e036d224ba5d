{%- set merge = merge_declaration('orders') %}
{{ config(**merge_config(**merge)) }}
-- Nightly: merges the orders a delta touches (declaration `orders`,
-- macros/incremental/merge_declarations.sql).
-- Grain: one row per valid order, from int_valid_order_ranges (order attributes are the
-- order's, one value per order). The order KPIs count these rows (summed into month x
-- member cells, int_valid_order_month_cells) instead of count(distinct order_id)
-- over the range rows: DuckDB's distinct aggregate per grain x dimension was most of their
-- cost (orders_count + average_basket: 318 s at scale 30).
{% set order_attributes = valid_order_attributes() -%}
with valid_order_ranges as (
    select * from {{ ref('int_valid_order_ranges') }}
    {{- where_touched(merge.touched) }}
)

select
    {{ order_attributes | join(',\n    ') }},
    sum(net_amount) as net_amount,
    -- a BIGINT, not DuckDB's HUGEINT sum (scans of a stored HUGEINT column: ~0.45 s per M rows)
    cast(sum(known_cost_lines) as {{ dbt.type_bigint() }}) as known_cost_lines,
    sum(known_cost_net_amount) as known_cost_net_amount,
    sum(known_cost_margin) as known_cost_margin
from valid_order_ranges
group by {{ order_attributes | join(', ') }}
