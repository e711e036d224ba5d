-- Grain: one row per month x country x segment x order channel x sales rep x team x
-- has_known_cost of the valid orders (int_valid_orders), their counts and sums added up.
-- The population of the five order KPIs for every dimension but product_range (macro
-- valid_order_ranges_population): built once, each KPI's 21 grain x dimension aggregates read
-- these cells instead of grouping the two million orders of scale 10 again. Every measure is a
-- count or a sum, so a period's value summed over its cells is the value over its orders.
{%- set merge = merge_declaration('order_months') %}
{{ config(**merge_config(**merge)) }}
-- Nightly: rebuilds the months of the orders a delta touches, every other month's cells kept
-- (declaration `order_months`, macros/incremental/merge_declarations.sql).
with valid_orders as (
    select
        *,
        {{ period_start('month', 'ordered_on') }} as month_start
    from {{ ref('int_valid_orders') }}
),

touched_months as (
    select * from valid_orders
    {{- where_touched(merge.touched, merge.through) }}
)

select
    month_start,
    account_country as country,
    account_segment as segment,
    channel as order_channel,
    rep_id as sales_rep,
    rep_team as team,
    known_cost_lines > 0 as has_known_cost,
    {{ valid_order_cell_measures() }}
from touched_months
group by
    month_start,
    account_country,
    account_segment,
    channel,
    rep_id,
    rep_team,
    known_cost_lines > 0
