-- deals_lost: live opportunities with stage closed_lost, by closed_at (local date; closed_at
-- NULL: not counted). Rep = owner; lost_reason = opportunities.lost_reason.
-- Summed into month x member cells first (kpi_month_cells): its aggregates are counts and sums.
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
),

{{ kpi_month_cells('cells', 'population', ['sales_rep', 'team', 'lost_reason'], {'deals': 'count(*)'}) }}

{{ kpi_observations('deals_lost', 'cells', numerator='sum(deals)') }}
