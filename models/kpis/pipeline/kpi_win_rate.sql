-- win_rate: deals_won / (deals_won + deals_lost) for the same period and member: over live
-- opportunities closed_won or closed_lost by closed_at local date, the share won. Recomputed
-- from its components at every grain.
-- Summed into month x member cells first (kpi_month_cells): its aggregates are counts and sums.
with opportunities as (
    select * from {{ ref('int_opportunities') }}
),

population as (
    select
        closed_on as kpi_date,
        owner_rep_id as sales_rep,
        owner_team as team,
        lead_source,
        case when is_won = true then 1 else 0 end as is_won_deal
    from opportunities
    where (is_won = true or is_lost = true)
      and closed_on is not null
),

{{ kpi_month_cells('cells', 'population', ['sales_rep', 'team', 'lead_source'],
                   {'won': 'sum(is_won_deal)', 'closed': 'count(*)'}) }}

{{ kpi_observations('win_rate', 'cells', numerator='sum(won)', denominator='sum(closed)') }}
