-- Level 3: the open orders backlog as of the run's as_of (the open_orders_backlog
-- population): live orders with status 'open' whose ordered_at local date <= as_of, with
-- their rep, account, net amount and age. Grain: one row per open order.
with orders as (
    select * from {{ ref('int_orders') }}
),

order_dates as (
    select order_id, requested_delivery_on from {{ ref('stg_erp__orders') }}
),

accounts as (
    select * from {{ ref('int_accounts') }}
),

final as (
    select
        orders.order_id,
        orders.ordered_at,
        orders.ordered_on,
        order_dates.requested_delivery_on,
        orders.channel,
        orders.rep_id,
        orders.rep_team,
        orders.erp_customer_id,
        orders.account_id,
        accounts.account_name,
        orders.account_segment,
        orders.line_count,
        orders.order_net_amount,
        {{ days_between('orders.ordered_on', as_of_date()) }} as days_open,
        {{ as_of_date() }} as as_of_date
    from orders
    left join order_dates on order_dates.order_id = orders.order_id
    left join accounts on accounts.account_id = orders.account_id
    where orders.status = 'open'
      and orders.ordered_on <= {{ as_of_date() }}
)

select * from final
