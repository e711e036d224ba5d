-- Grain: one row per month x product_range x has_known_cost of the valid orders' ranges of
-- live lines (int_valid_order_ranges, has_live_line true: an order without live lines counts
-- under no product_range), their counts and sums added up. The product_range population of
-- the five order KPIs (macro valid_order_ranges_population); see int_valid_order_month_cells.
{%- set merge = merge_declaration('order_months') %}
{{ config(**merge_config(**merge)) }}
-- Nightly: rebuilds the months of the orders a delta touches, every other month's cells kept
-- (declaration `order_months`, macros/incremental/merge_declarations.sql).
with valid_order_ranges as (
    select
        *,
        {{ period_start('month', 'ordered_on') }} as month_start
    from {{ ref('int_valid_order_ranges') }}
    where has_live_line = true
),

touched_months as (
    select * from valid_order_ranges
    {{- where_touched(merge.touched, merge.through) }}
)

select
    month_start,
    product_range,
    known_cost_lines > 0 as has_known_cost,
    {{ valid_order_cell_measures() }}
from touched_months
group by
    month_start,
    product_range,
    known_cost_lines > 0
