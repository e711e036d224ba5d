{#- The CTEs `valid_order_ranges` and `population` of the order KPIs (orders_count,
    orders_amount, average_basket): one row per valid order and product range of its live
    lines, plus one row per valid order without live lines (has_live_line false, amount 0),
    with the order dimensions under their catalogue names. By product_range, filter on
    `has_live_line = true`. Use: `with {{ valid_order_ranges_population() }}`. -#}
{% macro valid_order_ranges_population() -%}
valid_order_ranges as (
    select * from {{ ref('int_valid_order_ranges') }}
),

population as (
    select
        ordered_on as kpi_date,
        order_id,
        has_live_line,
        account_country as country,
        account_segment as segment,
        product_range,
        channel as order_channel,
        rep_id as sales_rep,
        rep_team as team,
        net_amount as line_net_amount
    from valid_order_ranges
)
{%- endmacro %}
