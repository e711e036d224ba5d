-- Level 3: every live ERP order (cancelled ones included, flagged) with its account, rep,
-- channel, net amount and gross margin on the lines with a known cost, and whether it is
-- the customer's first valid order (new customer). Grain: one row per live order.
{%- set merge = merge_declaration('customer_orders') %}
{{ config(**merge_config(**merge)) }}
-- Nightly: merges the orders a delta touches and every order of their customers (whose
-- first order may change): declaration `customer_orders`, macros/incremental/merge_declarations.sql.
with orders as (
    select * from {{ ref('int_orders') }}
    {{- where_touched(merge.touched, merge.through) }}
),

accounts as (
    select * from {{ ref('int_accounts') }}
),

first_orders as (
    select * from {{ ref('int_customer_first_valid_orders') }}
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
        orders.costed_net_amount,
        orders.gross_margin,
        orders.lines_without_cost,
        first_orders.first_order_id is not null as is_first_order,
        orders.account_id is null as is_unlinked
    from orders
    left join accounts on accounts.account_id = orders.account_id
    left join first_orders on first_orders.first_order_id = orders.order_id
)

select * from final
