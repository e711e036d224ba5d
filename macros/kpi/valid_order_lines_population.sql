{#- The CTEs `valid_order_lines` and `population` of the order KPIs (orders_count,
    orders_amount, average_basket): one row per live line of a valid order, plus one row per
    valid order without live lines (line_no NULL, amount 0), with the order dimensions under
    their catalogue names. Use: `with {{ valid_order_lines_population() }}`. -#}
{% macro valid_order_lines_population() -%}
valid_order_lines as (
    select * from {{ ref('int_valid_order_lines') }}
),

population as (
    select
        ordered_on as kpi_date,
        order_id,
        line_no,
        account_country as country,
        account_segment as segment,
        product_range,
        channel as order_channel,
        rep_id as sales_rep,
        rep_team as team,
        coalesce(line_net_amount, 0) as line_net_amount
    from valid_order_lines
)
{%- endmacro %}
