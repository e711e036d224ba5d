{#- The CTEs of the order KPIs (orders_count, orders_amount, average_basket, gross_margin,
    gross_margin_rate): valid orders summed into cells of one month and one member of every
    dimension, so that each KPI's 21 grain x dimension aggregates read cells (about a fifth of
    the orders at scale 1, far fewer at scale 10) instead of every order (about 2 s -> 0.4 s
    per KPI at scale 10; kpi_month_cells sums them). Every column is a count or a sum, so a
    period's value summed over its cells is the value over its orders.
    `population`        one row per month x country x segment x order_channel x sales_rep x
                        team of the valid orders (int_valid_orders), for every dimension but
                        product_range;
    `range_population`  one row per month x product_range of the valid orders' ranges of live
                        lines (int_valid_order_ranges without its rows of orders without live
                        lines: those count under no product_range), for product_range.
    Columns: kpi_date (first day of the month of ordered_on), the dimensions under their
    catalogue names, `orders` (orders, or orders x range: count them with sum(orders)),
    `net_amount` and the sums over lines with a known cost (`known_cost_*`).
    `where` restricts the orders (order x range rows) before they are summed (e.g.
    `known_cost_lines > 0` for the margin KPIs): a cell exists only where one of them does.
    Use: `with {{ valid_order_ranges_population() }}` and
    `dimension_populations={'product_range': 'range_population'}`. -#}
{% macro valid_order_ranges_population(where=none) -%}
valid_orders as (
    select * from {{ ref('int_valid_orders') }}
),

valid_order_ranges as (
    select * from {{ ref('int_valid_order_ranges') }}
),
{%- for cte, source, filters, dimensions in [
        ('population', 'valid_orders', [],
         {'country': 'account_country', 'segment': 'account_segment', 'order_channel': 'channel',
          'sales_rep': 'rep_id', 'team': 'rep_team'}),
        ('range_population', 'valid_order_ranges', ['has_live_line = true'],
         {'product_range': 'product_range'})] %}

{{ cte }}_records as (
    select
        ordered_on as kpi_date,
        {%- for dimension, column in dimensions.items() %}
        {{ column }} as {{ dimension }},
        {%- endfor %}
        net_amount,
        known_cost_lines,
        known_cost_net_amount,
        known_cost_margin
    from {{ source }}
    {%- set predicates = filters + (['(' ~ where ~ ')'] if where else []) %}
    {%- if predicates %}
    where {{ predicates | join(' and ') }}
    {%- endif %}
),

{{ kpi_month_cells(cte, cte ~ '_records', dimensions.keys() | list, {
    'orders': 'count(*)', 'net_amount': 'sum(net_amount)', 'known_cost_lines': 'sum(known_cost_lines)',
    'known_cost_net_amount': 'sum(known_cost_net_amount)', 'known_cost_margin': 'sum(known_cost_margin)'}) }}
{{- ',' if not loop.last }}
{%- endfor %}
{%- endmacro %}

{#- The attributes of a valid order (one value per order), in the order of the order models. -#}
{% macro valid_order_attributes() -%}
    {{ return(['order_id', 'ordered_on', 'account_country', 'account_segment', 'rep_id', 'rep_team', 'channel']) }}
{%- endmacro %}
