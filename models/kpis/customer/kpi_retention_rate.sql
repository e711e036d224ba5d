-- retention_rate (period, month): customers with a valid order in both month m-1 and month m
-- / customers with a valid order in month m-1. The value is attributed to month m (kpi_date =
-- first day of m): one population row per customer and month m whose previous month holds
-- one of its valid orders. Period KPI: as_of does not filter orders (a valid order after
-- as_of counts in its month); the macro drops months after the as_of month.
with orders as (
    select * from {{ ref('int_orders') }}
),

accounts as (
    select * from {{ ref('int_accounts') }}
),

customer_months as (
    select distinct
        account_id,
        {{ period_start('month', 'ordered_on') }} as order_month
    from orders
    where is_valid = true
      and account_id is not null
),

population as (
    select
        cast({{ dbt.dateadd('month', 1, 'previous_month.order_month') }} as date) as kpi_date,
        previous_month.account_id,
        accounts.segment,
        case when current_month.account_id is not null then 1 else 0 end as is_retained
    from customer_months as previous_month
    inner join accounts on accounts.account_id = previous_month.account_id
    left join customer_months as current_month
        on current_month.account_id = previous_month.account_id
        and current_month.order_month = cast({{ dbt.dateadd('month', 1, 'previous_month.order_month') }} as date)
)

{{ kpi_observations('retention_rate', 'population',
                    numerator='sum(is_retained)', denominator='count(*)') }}
