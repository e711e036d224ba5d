-- open_opportunities: count of open opportunities. Snapshot as of as_of.
with opportunities as (
    select * from {{ ref('int_opportunities') }}
),

population as (
    select
        opportunity_id,
        stage,
        owner_rep_id as sales_rep,
        owner_team as team,
        product_range
    from opportunities
    where {{ is_open_opportunity() }}
)

{{ kpi_observations('open_opportunities', 'population', numerator='count(*)') }}
