-- open_orders_backlog (snapshot as of as_of): sum of order net amounts of live orders with
-- status 'open' whose ordered_at local date <= as_of (an order without live lines weighs 0).
-- segment = segment of the linked account (unknown if unlinked); rep = order rep
-- (orders.rep_id, else the account owner).
with orders as (
    select * from {{ ref('int_orders') }}
),

population as (
    select
        order_id,
        rep_id as sales_rep,
        account_segment as segment,
        order_net_amount
    from orders
    where status = 'open'
      and ordered_on <= {{ as_of_date() }}
)

{{ kpi_observations('open_orders_backlog', 'population', numerator='sum(order_net_amount)') }}
