{%- set merge = merge_declaration('orders') %}
{{ config(**merge_config(**merge)) }}
-- Nightly: merges the orders a delta touches (declaration `orders`,
-- macros/incremental/merge_declarations.sql).
-- Grain: one row per valid order x product_range of its live lines (NULL range: lines of an
-- unknown product), and one row for a valid order without live lines (product_range NULL,
-- has_live_line false). The order KPIs read it for product_range (an order is one row per
-- range instead of one per line) and int_valid_orders, built on it, for the other dimensions;
-- so do the margin KPIs, on the lines with a known cost.
{% set order_attributes = valid_order_attributes() -%}
with valid_order_lines as (
    select * from {{ ref('int_valid_order_lines') }}
    {{- where_touched(merge.touched) }}
)

select
    {{ order_attributes | join(',\n    ') }},
    product_range,
    count(line_no) > 0 as has_live_line,
    sum(coalesce(line_net_amount, 0)) as net_amount,
    -- the lines with a known cost, for gross_margin and gross_margin_rate (NULL amounts stay
    -- NULL in the sums, as the KPIs' sums over lines ignore them)
    count(case when line_no is not null and has_known_cost = true then 1 end) as known_cost_lines,
    sum(case when line_no is not null and has_known_cost = true then line_net_amount end) as known_cost_net_amount,
    sum(case when line_no is not null and has_known_cost = true then line_net_amount - line_cost end) as known_cost_margin
from valid_order_lines
group by {{ order_attributes | join(', ') }}, product_range
