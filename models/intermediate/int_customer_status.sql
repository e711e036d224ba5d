-- Grain: one row per live account: the customer status rule of outputs.md as of the run's
-- as_of. cycle = greatest(median gap between consecutive order dates, min_ordering_cycle_days)
-- with >= 2 order dates, else default_ordering_cycle_days; status prospect / active
-- (<= cycle days since the last order) / inactive (<= 2 x cycle) / lost.
with accounts as (
    select * from {{ ref('int_accounts') }}
),

order_dates as (
    -- the dates up to as_of (the model holds every date: their gaps depend on earlier dates only)
    select * from {{ ref('int_customer_order_dates') }}
    where order_date <= {{ as_of_date() }}
),

ranked_gaps as (
    select
        account_id,
        gap_days,
        row_number() over (partition by account_id order by gap_days) as gap_rank,
        count(*) over (partition by account_id) as gap_count
    from order_dates
    where gap_days is not null
),

median_gaps as (
    -- the middle gap, or the mean of the two middle gaps for an even count
    select
        account_id,
        avg(cast(gap_days as {{ double_type() }})) as median_gap_days
    from ranked_gaps
    where gap_rank in (
        cast(floor((gap_count + 1) / 2.0) as integer),
        cast(floor((gap_count + 2) / 2.0) as integer)
    )
    group by account_id
),

order_date_summary as (
    select
        account_id,
        min(order_date) as first_order_date,
        max(order_date) as last_order_date,
        count(*) as order_date_count
    from order_dates
    group by account_id
),

cycles as (
    select
        accounts.account_id,
        order_date_summary.first_order_date,
        order_date_summary.last_order_date,
        case
            when coalesce(order_date_summary.order_date_count, 0) >= 2 then
                case
                    when median_gaps.median_gap_days > {{ var('min_ordering_cycle_days') }}
                        then median_gaps.median_gap_days
                    else cast({{ var('min_ordering_cycle_days') }} as {{ double_type() }})
                end
            else cast({{ var('default_ordering_cycle_days') }} as {{ double_type() }})
        end as ordering_cycle_days,
        {{ days_between('order_date_summary.last_order_date', as_of_date()) }} as days_since_last_order
    from accounts
    left join order_date_summary on order_date_summary.account_id = accounts.account_id
    left join median_gaps on median_gaps.account_id = accounts.account_id
),

statuses as (
    select
        account_id,
        first_order_date,
        last_order_date,
        ordering_cycle_days,
        days_since_last_order,
        case
            when last_order_date is null then 'prospect'
            when days_since_last_order <= ordering_cycle_days then 'active'
            when days_since_last_order <= 2 * ordering_cycle_days then 'inactive'
            else 'lost'
        end as customer_status
    from cycles
)

select
    statuses.*,
    case
        when customer_status = 'lost' then
            {{ add_days('last_order_date', 'cast(floor(2 * ordering_cycle_days) as integer) + 1') }}
    end as lost_on
from statuses
