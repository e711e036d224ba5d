{#- The CTEs of the order KPIs (orders_count, orders_amount, average_basket, gross_margin,
    gross_margin_rate), with the order dimensions under their catalogue names, the amount as
    `net_amount` and the sums over lines with a known cost (`known_cost_*`):
    `population`        one row per valid order (int_valid_orders), for every dimension but
                        product_range;
    `range_population`  one row per valid order x product range of its live lines
                        (int_valid_order_ranges without its rows of orders without live
                        lines: those count under no product_range), for product_range.
    Both are unique per order (per order x range), so the KPIs count orders with count(*).
    `where` restricts both (e.g. `known_cost_lines > 0` for the margin KPIs).
    Use: `with {{ valid_order_ranges_population() }}` and
    `dimension_populations={'product_range': 'range_population'}`. -#}
{% macro valid_order_ranges_population(where=none) -%}
valid_orders as (
    select * from {{ ref('int_valid_orders') }}
),

valid_order_ranges as (
    select * from {{ ref('int_valid_order_ranges') }}
),
{%- for cte, source, filters in [('population', 'valid_orders', []),
                                 ('range_population', 'valid_order_ranges', ['has_live_line = true'])] %}

{{ cte }} as (
    select
        ordered_on as kpi_date,
        account_country as country,
        account_segment as segment,
        {%- if cte == 'range_population' %}
        product_range,
        {%- endif %}
        channel as order_channel,
        rep_id as sales_rep,
        rep_team as team,
        net_amount,
        known_cost_lines,
        known_cost_net_amount,
        known_cost_margin
    from {{ source }}
    {%- set predicates = filters + (['(' ~ where ~ ')'] if where else []) %}
    {%- if predicates %}
    where {{ predicates | join(' and ') }}
    {%- endif %}
){{ ',' if not loop.last }}
{%- endfor %}
{%- endmacro %}

{#- The attributes of a valid order (one value per order), in the order of the order models. -#}
{% macro valid_order_attributes() -%}
    {{ return(['order_id', 'ordered_on', 'account_country', 'account_segment', 'rep_id', 'rep_team', 'channel']) }}
{%- endmacro %}
