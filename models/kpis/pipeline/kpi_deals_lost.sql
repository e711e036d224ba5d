-- deals_lost: live opportunities with stage closed_lost, by closed_at (local date; closed_at
-- NULL: not counted). Rep = owner; lost_reason = opportunities.lost_reason.
with opportunities as (
    select * from {{ ref('int_opportunities') }}
),

population as (
    select
        closed_on as kpi_date,
        owner_rep_id as sales_rep,
        owner_team as team,
        lost_reason
    from opportunities
    where is_lost = true
      and closed_on is not null
)

{{ kpi_observations('deals_lost', 'population', numerator='count(*)') }}
