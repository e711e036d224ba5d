-- campaigns_active: campaigns with starts_on <= period end and (ends_on NULL or ends_on >=
-- period start); starts_on NULL: never active. A period KPI over a calendar: the condition is
-- evaluated literally on each month, quarter and year (not derived from months), over the
-- periods of the month spine (int_calendar_months: from the earliest campaign start to the
-- as_of month), so rows exist for every period holding at least one active campaign, from
-- the period of the earliest starts_on up to the as_of period.
{%- set grains = kpi_catalogue()['campaigns_active'].grains %}
{#- period end = start + N months - 1 day (months, not dateadd(grain): PostgreSQL has no
    'quarter' interval) -#}
{%- set months_in = {'month': 1, 'quarter': 3, 'year': 12} %}
with campaigns as (
    select * from {{ ref('stg_crm__campaigns') }}
),

months as (
    select * from {{ ref('int_calendar_months') }}
),
{% for grain in grains %}
{{ grain }}_periods as (
    select distinct {{ period_start(grain, 'month_start') }} as period_start
    from months
),

{{ grain }}_population as (
    -- one row per campaign active in a {{ grain }}
    select
        periods.period_start as kpi_date,
        campaigns.campaign_id,
        campaigns.channel as campaign_channel
    from {{ grain }}_periods as periods
    inner join campaigns
        on campaigns.starts_on <= cast({{ dbt.dateadd('day', -1, dbt.dateadd('month', months_in[grain], 'periods.period_start')) }} as date)
        and (campaigns.ends_on is null or campaigns.ends_on >= periods.period_start)
){{ ',' if not loop.last }}
{% endfor %}
{%- for grain in grains %}
select * from (
    {{ kpi_observations('campaigns_active', grain ~ '_population', numerator='count(distinct campaign_id)') }}
) as {{ grain }}_observations
where period_grain = '{{ grain }}'
{{ 'union all' if not loop.last }}
{%- endfor %}
