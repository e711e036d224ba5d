-- Grain: one row per live account and distinct local date on which it placed at least one
-- valid order, whatever the date; gap_days = days since the previous order date. Readers keep
-- the dates on or before as_of (int_customer_status): a date's gap depends on earlier dates
-- only, so the rows up to as_of are those of the dates up to as_of, and the model does not
-- read as_of (a nightly that only moves as_of keeps it).
{%- set merge = merge_declaration('first_valid_orders') %}
{{ config(**merge_config(**merge)) }}
-- Nightly: merges the accounts whose orders a delta touches (declaration `first_valid_orders`,
-- macros/incremental/merge_declarations.sql): every order date of a touched account again.
with orders as (
    select * from {{ ref('int_orders') }}
    {{- where_touched(merge.touched, merge.through) }}
),

order_dates as (
    select distinct
        account_id,
        ordered_on as order_date
    from orders
    where is_valid
      and account_id is not null
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
