-- gross_margin: sum over lines of valid orders with a known cost of
-- (line net amount - line cost), by ordered_at. Lines whose line and product unit costs are
-- both NULL are left out.
with valid_order_lines as (
    select * from {{ ref('int_valid_order_lines') }}
),

population as (
    select
        ordered_on as kpi_date,
        account_country as country,
        account_segment as segment,
        product_range,
        channel as order_channel,
        line_net_amount - line_cost as line_margin
    from valid_order_lines
    where line_no is not null
      and has_known_cost = true
)

{{ kpi_observations('gross_margin', 'population', numerator='sum(line_margin)') }}
