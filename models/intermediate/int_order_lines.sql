{%- set touched = {'order_id': ['erp__order_lines']} %}
{{ config(**merge_config(touched)) }}
-- Nightly: merges the orders whose lines a delta of erp/order_lines touches
-- (macros/incremental/merge_touched.sql).
-- Grain: one row per live order line, with its net amount and cost (kpis.yml rules):
-- net = quantity * unit_price * (1 - coalesce(discount_pct, 0) / 100);
-- cost = quantity * coalesce(line unit_cost, current product unit_cost), NULL when unknown.
with order_lines as (
    select * from {{ ref('stg_erp__order_lines') }}
    {{- where_touched(touched) }}
),

products as (
    select * from {{ ref('stg_erp__products') }}
),

priced_lines as (
    select
        order_lines.order_id,
        order_lines.line_no,
        order_lines.product_id,
        products.product_range,
        order_lines.quantity,
        order_lines.unit_price,
        order_lines.discount_pct,
        order_lines.quantity * order_lines.unit_price
            * (1 - coalesce(order_lines.discount_pct, 0) / 100.0) as line_net_amount,
        order_lines.quantity * coalesce(order_lines.unit_cost, products.unit_cost) as line_cost,
        coalesce(order_lines.unit_cost, products.unit_cost) is not null as has_known_cost
    from order_lines
    left join products on products.product_id = order_lines.product_id
)

select * from priced_lines
