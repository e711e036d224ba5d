-- Grain: one row per live CRM account: lifetime figures as of as_of (kpis.yml clarification:
-- lifetime figures use only what is dated on or before as_of).
--   valid_orders          valid orders (live, not cancelled) with ordered_at local date <= as_of
--   lifetime_revenue      invoiced revenue of the account's live invoices with invoiced_on <= as_of
--                         (0 when none)
--   lifetime_gross_margin sum of (line net amount - line cost) over the lines with a known cost
--                         of those valid orders (0 when none)
--   valid_orders_365d /   valid orders with ordered_at local date in [as_of - 364, as_of], and
--   product_ranges_365d   the number of distinct non-NULL product ranges on their live lines
with accounts as (
    select * from {{ ref('int_accounts') }}
),

orders as (
    select * from {{ ref('int_orders') }}
),

order_lines as (
    select * from {{ ref('int_order_lines') }}
),

invoices as (
    select * from {{ ref('int_invoices') }}
),

valid_orders as (
    select
        account_id,
        order_id,
        ordered_on,
        gross_margin
    from orders
    where is_valid = true
      and account_id is not null
      and ordered_on <= {{ as_of_date() }}
),

-- int_orders.gross_margin is the order's margin on its lines with a known cost (0 when none):
-- summed per account, the lifetime margin without reading the order lines again
order_summary as (
    select
        account_id,
        cast(count(*) as {{ dbt.type_bigint() }}) as valid_orders,
        cast(sum(case when ordered_on >= {{ add_days(as_of_date(), -364) }} then 1 else 0 end) as {{ dbt.type_bigint() }}) as valid_orders_365d,
        sum(gross_margin) as lifetime_gross_margin
    from valid_orders
    group by account_id
),

range_summary as (
    select
        valid_orders.account_id,
        cast(count(distinct order_lines.product_range) as {{ dbt.type_bigint() }}) as product_ranges_365d
    from valid_orders
    inner join order_lines on order_lines.order_id = valid_orders.order_id
    where valid_orders.ordered_on >= {{ add_days(as_of_date(), -364) }}
    group by valid_orders.account_id
),

revenue_summary as (
    select
        account_id,
        sum(invoiced_revenue) as lifetime_revenue
    from invoices
    where account_id is not null
      and invoiced_on <= {{ as_of_date() }}
    group by account_id
),

final as (
    select
        accounts.account_id,
        coalesce(order_summary.valid_orders, 0) as valid_orders,
        coalesce(revenue_summary.lifetime_revenue, 0) as lifetime_revenue,
        coalesce(order_summary.lifetime_gross_margin, 0) as lifetime_gross_margin,
        coalesce(order_summary.valid_orders_365d, 0) as valid_orders_365d,
        coalesce(range_summary.product_ranges_365d, 0) as product_ranges_365d
    from accounts
    left join order_summary on order_summary.account_id = accounts.account_id
    left join range_summary on range_summary.account_id = accounts.account_id
    left join revenue_summary on revenue_summary.account_id = accounts.account_id
)

select * from final
