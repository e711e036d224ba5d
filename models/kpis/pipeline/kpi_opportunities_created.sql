-- opportunities_created: live opportunities by created_at (local date).
-- lead_source = opportunities.lead_source; rep = owner.
-- Summed into month x member cells first (kpi_month_cells): its aggregates are counts and sums.
with opportunities as (
    select * from {{ ref('int_opportunities') }}
),

population as (
    select
        created_on as kpi_date,
        lead_source,
        owner_rep_id as sales_rep,
        owner_team as team
    from opportunities
),

{{ kpi_month_cells('cells', 'population', ['lead_source', 'sales_rep', 'team'], {'opportunities': 'count(*)'}) }}

{{ kpi_observations('opportunities_created', 'cells', numerator='sum(opportunities)') }}
