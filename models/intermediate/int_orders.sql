{%- set merge = merge_declaration('orders') %}
{{ config(**merge_config(**merge)) }}
-- Nightly: merges the orders a delta touches (declaration `orders`,
-- macros/incremental/merge_declarations.sql).
-- Grain: one row per live ERP order, enriched with its linked account, its rep
-- (orders.rep_id, else the account owner) and that rep's team, and its net amount.
with orders as (
    select * from {{ ref('stg_erp__orders') }}
    {{- where_touched(merge.touched) }}
),

links as (
    select * from {{ ref('int_erp_customer_links') }}
),

accounts as (
    select * from {{ ref('int_accounts') }}
),

reps as (
    select * from {{ ref('stg_crm__sales_reps') }}
),

order_totals as (
    select
        order_id,
        sum(line_net_amount) as order_net_amount,
        count(*) as line_count,
        -- the order's margin on its lines with a known cost (management__orders)
        sum(case when has_known_cost = true then line_net_amount else 0 end) as costed_net_amount,
        sum(case when has_known_cost = true then line_net_amount - line_cost else 0 end) as gross_margin,
        -- a count (BIGINT): DuckDB sums integers into a HUGEINT, slow to scan once stored
        count(case when has_known_cost = true then null else 1 end) as lines_without_cost
    from {{ ref('int_order_lines') }}
    {%- if is_incremental() %}
    where order_id in (select order_id from orders)
    {%- endif %}
    group by order_id
),

orders_with_account as (
    select
        orders.order_id,
        orders.erp_customer_id,
        links.account_id,
        accounts.country as account_country,
        accounts.segment as account_segment,
        accounts.owner_rep_id as account_owner_rep_id,
        coalesce(orders.rep_id, accounts.owner_rep_id) as rep_id,
        orders.channel,
        orders.status,
        orders.status <> 'cancelled' as is_valid,
        orders.ordered_at,
        cast(orders.ordered_at as date) as ordered_on,
        coalesce(order_totals.order_net_amount, 0) as order_net_amount,
        coalesce(order_totals.line_count, 0) as line_count,
        coalesce(order_totals.costed_net_amount, 0) as costed_net_amount,
        coalesce(order_totals.gross_margin, 0) as gross_margin,
        coalesce(order_totals.lines_without_cost, 0) as lines_without_cost
    from orders
    left join links on links.erp_customer_id = orders.erp_customer_id
    left join accounts on accounts.account_id = links.account_id
    left join order_totals on order_totals.order_id = orders.order_id
),

final as (
    select
        orders_with_account.*,
        reps.team as rep_team,
        reps.business_unit as rep_business_unit
    from orders_with_account
    left join reps on reps.rep_id = orders_with_account.rep_id
)

select * from final
