-- Level 3: every live ERP order (cancelled ones included, flagged) with its account, rep,
-- channel, net amount and gross margin on the lines with a known cost, and whether it is
-- the customer's first valid order (new customer). Grain: one row per live order.
with orders as (
    select * from {{ ref('int_orders') }}
),

order_lines as (
    select * from {{ ref('int_order_lines') }}
),

accounts as (
    select * from {{ ref('int_accounts') }}
),

first_orders as (
    select * from {{ ref('int_customer_first_valid_orders') }}
),

margins as (
    select
        order_id,
        sum(case when has_known_cost = true then line_net_amount else 0 end) as costed_net_amount,
        sum(case when has_known_cost = true then line_net_amount - line_cost else 0 end) as gross_margin,
        sum(case when has_known_cost = true then 0 else 1 end) as lines_without_cost
    from order_lines
    group by order_id
),

final as (
    select
        orders.order_id,
        orders.ordered_at,
        orders.ordered_on,
        {{ period_start('month', 'orders.ordered_on') }} as ordered_month,
        orders.status,
        orders.is_valid,
        orders.channel,
        orders.erp_customer_id,
        orders.account_id,
        accounts.account_name,
        orders.account_country,
        orders.account_segment,
        orders.rep_id,
        orders.rep_team,
        orders.line_count,
        orders.order_net_amount,
        coalesce(margins.costed_net_amount, 0) as costed_net_amount,
        coalesce(margins.gross_margin, 0) as gross_margin,
        coalesce(margins.lines_without_cost, 0) as lines_without_cost,
        first_orders.first_order_id is not null as is_first_order,
        orders.account_id is null as is_unlinked
    from orders
    left join accounts on accounts.account_id = orders.account_id
    left join margins on margins.order_id = orders.order_id
    left join first_orders on first_orders.first_order_id = orders.order_id
)

select * from final
