-- new_customers: customers (live CRM accounts) whose first valid order (earliest ordered_at,
-- any date: as_of does not filter period KPIs) falls in the period. order_channel = channel
-- of that first order (tie on ordered_at: smallest order_id); sales_rep = account owner.
with first_orders as (
    select * from {{ ref('int_customer_first_valid_orders') }}
),

population as (
    select
        first_ordered_on as kpi_date,
        account_id,
        account_country as country,
        account_segment as segment,
        first_order_channel as order_channel,
        account_owner_rep_id as sales_rep
    from first_orders
)

{{ kpi_observations('new_customers', 'population', numerator='count(*)') }}
