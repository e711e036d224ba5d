-- Grain: one row per calendar month, from the month of the earliest date a calendar-based
-- KPI needs (earliest campaign starts_on, earliest live contact creation date; the as_of
-- month when both are later or absent) to the month holding as_of (period KPIs stop there).
-- Portable spine: numbers 0..99999 from a cross join of digits (no generate_series).
with bound_dates as (
    select starts_on as bound_date from {{ ref('stg_crm__campaigns') }}
    union all
    select created_on as bound_date from {{ ref('int_contacts') }}
    union all
    select {{ as_of_date() }} as bound_date
),

bounds as (
    select
        {{ period_start('month', 'min(bound_date)') }} as first_month,
        {{ period_start('month', as_of_date()) }} as last_month
    from bound_dates
),

digits as (
    select 0 as digit union all select 1 union all select 2 union all select 3
    union all select 4 union all select 5 union all select 6 union all select 7
    union all select 8 union all select 9
),

numbers as (
    select
        units.digit
        + 10 * tens.digit
        + 100 * hundreds.digit
        + 1000 * thousands.digit
        + 10000 * ten_thousands.digit as month_offset
    from digits as units
    cross join digits as tens
    cross join digits as hundreds
    cross join digits as thousands
    cross join digits as ten_thousands
),

months as (
    select
        cast({{ dbt.dateadd('month', 'numbers.month_offset', 'bounds.first_month') }} as date) as month_start
    from numbers
    cross join bounds
    where numbers.month_offset <= {{ dbt.datediff('bounds.first_month', 'bounds.last_month', 'month') }}
)

select
    month_start,
    {{ period_end('month', 'month_start') }} as month_end
from months
