-- Grain: one row per customer (live CRM account) with at least one valid order, whatever its
-- date (period KPIs are not filtered by as_of): its first valid order = earliest ordered_at
-- instant, ties broken by the smallest order_id. Orders of unlinked ERP customers make no
-- customer.
{%- set merge = merge_declaration('first_valid_orders') %}
{{ config(**merge_config(**merge)) }}
-- Nightly: merges the customers whose orders a delta touches (declaration
-- `first_valid_orders`, macros/incremental/merge_declarations.sql): every order of a touched
-- account is ranked again.
with orders as (
    select * from {{ ref('int_orders') }}
    {{- where_touched(merge.touched, merge.through) }}
),

order_instants as (
    select order_id, ordered_at_utc from {{ ref('stg_erp__orders') }}
),

accounts as (
    select * from {{ ref('int_accounts') }}
),

ranked_orders as (
    select
        orders.account_id,
        orders.order_id,
        orders.ordered_at,
        orders.ordered_on,
        orders.channel,
        row_number() over (
            partition by orders.account_id
            order by order_instants.ordered_at_utc, orders.ordered_at, {{ order_by_codepoint('orders.order_id') }}
        ) as order_rank
    from orders
    inner join order_instants on order_instants.order_id = orders.order_id
    where orders.is_valid = true
      and orders.account_id is not null
),

first_orders as (
    select
        ranked_orders.account_id,
        accounts.country as account_country,
        accounts.segment as account_segment,
        accounts.owner_rep_id as account_owner_rep_id,
        ranked_orders.order_id as first_order_id,
        ranked_orders.ordered_at as first_ordered_at,
        ranked_orders.ordered_on as first_ordered_on,
        ranked_orders.channel as first_order_channel
    from ranked_orders
    inner join accounts on accounts.account_id = ranked_orders.account_id
    where ranked_orders.order_rank = 1
)

select * from first_orders
