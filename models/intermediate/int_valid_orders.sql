{%- set touched = {'order_id': ['erp__orders', 'erp__order_lines']} %}
{{ config(**merge_config(touched, unaffected_by=['erp__invoices', 'erp__projects'])) }}
-- Nightly: merges the orders a delta of erp/orders or erp/order_lines touches
-- (macros/incremental/merge_touched.sql). New invoices and projects only add link rows for
-- ERP customer ids (int_erp_customer_links): the link of an order already there is unchanged.
-- Grain: one row per valid order, from int_valid_order_ranges (order attributes are the
-- order's, one value per order). The order KPIs count these rows (summed into month x
-- member cells, macro valid_order_ranges_population) instead of count(distinct order_id)
-- over the range rows: DuckDB's distinct aggregate per grain x dimension was most of their
-- cost (orders_count + average_basket: 318 s at scale 30).
{% set order_attributes = valid_order_attributes() -%}
with valid_order_ranges as (
    select * from {{ ref('int_valid_order_ranges') }}
    {{- where_touched(touched) }}
)

select
    {{ order_attributes | join(',\n    ') }},
    sum(net_amount) as net_amount,
    sum(known_cost_lines) as known_cost_lines,
    sum(known_cost_net_amount) as known_cost_net_amount,
    sum(known_cost_margin) as known_cost_margin
from valid_order_ranges
group by {{ order_attributes | join(', ') }}
