-- Grain: one row per live account and distinct local date on which it placed at least one
-- valid order, on or before as_of; gap_days = days since the previous order date.
with orders as (
    select * from {{ ref('int_orders') }}
),

order_dates as (
    select distinct
        account_id,
        ordered_on as order_date
    from orders
    where is_valid
      and account_id is not null
      and ordered_on <= {{ as_of_date() }}
),

with_previous as (
    select
        account_id,
        order_date,
        lag(order_date) over (partition by account_id order by order_date) as previous_order_date
    from order_dates
)

select
    account_id,
    order_date,
    previous_order_date,
    {{ days_between('previous_order_date', 'order_date') }} as gap_days
from with_previous
