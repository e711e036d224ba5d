{#- The CTEs of the order KPIs (orders_count, orders_amount, average_basket, gross_margin,
    gross_margin_rate): the month cells of the valid orders, built once for the five of them
    (int_valid_order_month_cells, int_valid_order_range_month_cells): each KPI's 21 grain x
    dimension aggregates read cells instead of every order. Every column is a count or a sum,
    so a period's value summed over its cells is the value over its orders.
    `population`        one row per month x country x segment x order_channel x sales_rep x
                        team (x has_known_cost) of the valid orders, for every dimension but
                        product_range;
    `range_population`  one row per month x product_range (x has_known_cost) of the valid
                        orders' ranges of live lines (orders without live lines count under no
                        product_range), for product_range.
    Columns: kpi_date (first day of the month), the dimensions under their catalogue names,
    `orders` (orders, or orders x range: count them with sum(orders)), `net_amount` and the sums
    over lines with a known cost (`known_cost_*`).
    known_cost_only  only the orders (order x range rows) with a line of known cost (the margin
                     KPIs): a cell then exists only where one of them does.
    Use: `with {{ valid_order_ranges_population() }}` and
    `dimension_populations={'product_range': 'range_population'}`. -#}
{% macro valid_order_ranges_population(known_cost_only=false) -%}
{%- for cte, cells, dimensions in [
        ('population', 'int_valid_order_month_cells',
         ['country', 'segment', 'order_channel', 'sales_rep', 'team']),
        ('range_population', 'int_valid_order_range_month_cells', ['product_range'])] %}
{{ cte }} as (
    select
        month_start as kpi_date,
        {%- for dimension in dimensions %}
        {{ dimension }},
        {%- endfor %}
        orders,
        net_amount,
        known_cost_lines,
        known_cost_net_amount,
        known_cost_margin
    from {{ ref(cells) }}
    {%- if known_cost_only %}
    where has_known_cost = true
    {%- endif %}
){{ ',' if not loop.last }}
{%- endfor %}
{%- endmacro %}

{#- The counts and sums a month cell of valid orders (or order x range rows) holds
    (int_valid_order_month_cells, int_valid_order_range_month_cells). -#}
{% macro valid_order_cell_measures() -%}
    count(*) as orders,
    sum(net_amount) as net_amount,
    cast(sum(known_cost_lines) as {{ dbt.type_bigint() }}) as known_cost_lines,
    sum(known_cost_net_amount) as known_cost_net_amount,
    sum(known_cost_margin) as known_cost_margin
{%- endmacro %}

{#- The attributes of a valid order (one value per order), in the order of the order models. -#}
{% macro valid_order_attributes() -%}
    {{ return(['order_id', 'ordered_on', 'account_country', 'account_segment', 'rep_id', 'rep_team', 'channel']) }}
{%- endmacro %}
