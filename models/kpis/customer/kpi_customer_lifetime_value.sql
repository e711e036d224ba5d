-- customer_lifetime_value (snapshot): average of lifetime_revenue (invoiced revenue of the
-- account with invoiced_on <= as_of; 0 without invoice) over customers with at least one
-- valid order on or before as_of.
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
        accounts.country,
        metrics.lifetime_revenue
    from accounts
    inner join metrics on metrics.account_id = accounts.account_id
    where metrics.valid_orders > 0
)

{{ kpi_observations('customer_lifetime_value', 'population',
                    numerator='sum(lifetime_revenue)', denominator='count(*)') }}
