-- cross_sell_ratio (snapshot): average, over customers with a valid order whose ordered_at
-- local date is in [as_of - 364, as_of], of the number of distinct product ranges on the
-- live lines of those orders (a customer whose lines carry no known range counts 0).
with accounts as (
    select * from {{ ref('int_accounts') }}
),

metrics as (
    select * from {{ ref('int_customer_metrics') }}
),

population as (
    select
        accounts.account_id,
        accounts.segment,
        metrics.product_ranges_365d
    from accounts
    inner join metrics on metrics.account_id = accounts.account_id
    where metrics.valid_orders_365d > 0
)

{{ kpi_observations('cross_sell_ratio', 'population',
                    numerator='sum(product_ranges_365d)', denominator='count(*)') }}
