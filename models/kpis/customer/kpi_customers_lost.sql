-- customers_lost (period): customers with customer_status 'lost' (as of as_of) whose lost_on
-- falls in the period. lost_on = last order date + floor(2 x cycle) + 1 day, always <= as_of.
with accounts as (
    select * from {{ ref('int_accounts') }}
),

statuses as (
    select * from {{ ref('int_customer_status') }}
),

population as (
    select
        statuses.lost_on as kpi_date,
        accounts.account_id,
        accounts.segment
    from accounts
    inner join statuses on statuses.account_id = accounts.account_id
    where statuses.customer_status = 'lost'
)

{{ kpi_observations('customers_lost', 'population', numerator='count(*)') }}
