{%- set merge = merge_declaration('orders') %}
{{ config(**merge_config(**merge)) }}
-- Nightly: merges the orders a delta touches (declaration `orders`,
-- macros/incremental/merge_declarations.sql).
-- Grain: one row per valid order (live, status not cancelled) and live line of it; a valid
-- order without any live line appears once, with line_no and the line columns NULL, so that
-- it still counts in order totals (orders_count, orders_amount with 0) but under no
-- product_range. Carries the order's account attributes (NULL = unlinked ERP customer), its
-- rep (orders.rep_id, else the account owner) and channel.
with orders as (
    select * from {{ ref('int_orders') }}
    {{- where_touched(merge.touched) }}
),

order_lines as (
    select * from {{ ref('int_order_lines') }}
    {%- if is_incremental() %}
    where order_id in (select order_id from orders)
    {%- endif %}
),

valid_order_lines as (
    select
        orders.order_id,
        order_lines.line_no,
        orders.erp_customer_id,
        orders.account_id,
        orders.account_country,
        orders.account_segment,
        orders.rep_id,
        orders.rep_team,
        orders.rep_business_unit,
        orders.channel,
        orders.status,
        orders.ordered_at,
        orders.ordered_on,
        order_lines.product_id,
        order_lines.product_range,
        order_lines.line_net_amount,
        order_lines.line_cost,
        coalesce(order_lines.has_known_cost, false) as has_known_cost
    from orders
    left join order_lines on order_lines.order_id = orders.order_id
    where orders.is_valid = true
)

select * from valid_order_lines
