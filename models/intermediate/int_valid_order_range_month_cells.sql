-- Grain: one row per month x product_range x has_known_cost of the valid orders' ranges of
-- live lines (int_valid_order_ranges, has_live_line true: an order without live lines counts
-- under no product_range), their counts and sums added up. The product_range population of
-- the five order KPIs (macro valid_order_ranges_population); see int_valid_order_month_cells.
with valid_order_ranges as (
    select * from {{ ref('int_valid_order_ranges') }}
    where has_live_line = true
)

select
    {{ period_start('month', 'ordered_on') }} as month_start,
    product_range,
    known_cost_lines > 0 as has_known_cost,
    {{ valid_order_cell_measures() }}
from valid_order_ranges
group by
    {{ period_start('month', 'ordered_on') }},
    product_range,
    known_cost_lines > 0
