-- abandoned_call_rate (period): inbound calls with answered_at NULL / inbound calls, by
-- started_at local date.
with calls as (
    select * from {{ ref('stg_crm__calls') }}
),

population as (
    select
        cast(started_at as date) as kpi_date,
        call_id,
        case when answered_at is null then 1 else 0 end as is_abandoned
    from calls
    where direction = 'inbound'
)

{{ kpi_observations('abandoned_call_rate', 'population',
                    numerator='sum(is_abandoned)', denominator='count(*)') }}
