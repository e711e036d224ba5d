-- calls_per_day (period): inbound_calls / number of days of the period on or before as_of.
-- A period ending before as_of counts all its days; the period holding as_of counts the
-- days from its first day to as_of inclusive (inbound calls after as_of inside that period
-- still count in the numerator: as_of does not filter period KPIs).
{#- last day of the period: first day + 1, 3 or 12 months - 1 day (month arithmetic only:
    PostgreSQL has no 'quarter' interval, so period_end('quarter', ...) cannot be used there) -#}
{%- set months_in = {'month': 1, 'quarter': 3, 'year': 12} %}
{%- set last_counted_day -%}
    case period_grain
        {%- for grain, months in months_in.items() %}
        {%- set last_day = add_days(dbt.dateadd('month', months, 'period_start'), -1) %}
        when '{{ grain }}' then
            case when {{ last_day }} < {{ as_of_date() }} then {{ last_day }} else {{ as_of_date() }} end
        {%- endfor %}
    end
{%- endset %}
with calls as (
    select * from {{ ref('stg_crm__calls') }}
),

population as (
    select
        cast(started_at as date) as kpi_date,
        call_id
    from calls
    where direction = 'inbound'
)

{{ kpi_observations('calls_per_day', 'population', numerator='count(*)',
                    value='numerator / nullif(' ~ days_between('period_start', last_counted_day) ~ ' + 1, 0)') }}
