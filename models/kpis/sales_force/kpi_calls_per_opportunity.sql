-- calls_per_opportunity: for live opportunities closed (closed_won or closed_lost) with
-- closed_at in the period: number of live 'call' activities with status 'done' linked to
-- them (whatever their date) / number of those opportunities. Rep = opportunity owner.
with opportunities as (
    select * from {{ ref('int_opportunities') }}
),

activities as (
    select * from {{ ref('int_sales_activities') }}
),

calls_by_opportunity as (
    select
        opportunity_id,
        count(*) as calls_done
    from activities
    where activity_type = 'call'
      and status = 'done'
      and opportunity_id is not null
    group by opportunity_id
),

population as (
    select
        opportunities.closed_on as kpi_date,
        opportunities.opportunity_id,
        opportunities.owner_rep_id as sales_rep,
        opportunities.owner_team as team,
        coalesce(calls_by_opportunity.calls_done, 0) as calls_done
    from opportunities
    left join calls_by_opportunity
        on calls_by_opportunity.opportunity_id = opportunities.opportunity_id
    where opportunities.stage in ('closed_won', 'closed_lost')
      and opportunities.closed_at is not null
)

{{ kpi_observations(
    'calls_per_opportunity', 'population',
    numerator='sum(calls_done)',
    denominator='count(*)'
) }}
