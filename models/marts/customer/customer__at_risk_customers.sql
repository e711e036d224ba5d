-- Level 3 (operational): customers at risk as of as_of, i.e. customer_status 'inactive' or
-- 'lost' (customer status rule), with their owner, last order, cycle and lifetime figures.
-- Grain: one row per live account whose status is inactive or lost.
with customers as (
    select * from {{ ref('customer_360') }}
),

at_risk as (
    select
        account_id,
        account_name,
        country,
        segment,
        owner_rep_id,
        owner_team,
        customer_status,
        first_order_date,
        last_order_date,
        valid_orders,
        ordering_cycle_days,
        days_since_last_order,
        days_since_last_order - ordering_cycle_days as days_beyond_cycle,
        lost_on,
        lifetime_revenue,
        lifetime_gross_margin,
        open_cases,
        as_of_date
    from customers
    where customer_status in ('inactive', 'lost')
)

select * from at_risk
