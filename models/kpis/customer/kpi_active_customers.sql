-- active_customers (snapshot): Customers with customer_status 'active' (customer status rule, outputs.md). Rep = account owner.
-- Customers = live CRM accounts; status as of as_of from int_customer_status.
with accounts as (
    select * from {{ ref('int_accounts') }}
),

statuses as (
    select * from {{ ref('int_customer_status') }}
),

population as (
    select
        accounts.account_id,
        accounts.segment,
        accounts.country,
        accounts.owner_rep_id as sales_rep
    from accounts
    inner join statuses on statuses.account_id = accounts.account_id
    where statuses.customer_status = 'active'
)

{{ kpi_observations('active_customers', 'population', numerator='count(*)') }}
