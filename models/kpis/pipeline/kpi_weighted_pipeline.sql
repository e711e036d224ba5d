-- weighted_pipeline: sum of coalesce(amount, 0) * coalesce(probability, 0) / 100 over open
-- opportunities. Snapshot as of as_of.
with opportunities as (
    select * from {{ ref('int_opportunities') }}
),

population as (
    select
        stage,
        owner_rep_id as sales_rep,
        owner_team as team,
        product_range,
        coalesce(amount, 0) * coalesce(probability, 0) / 100.0 as weighted_amount
    from opportunities
    where {{ is_open_opportunity() }}
)

{{ kpi_observations('weighted_pipeline', 'population', numerator='sum(weighted_amount)') }}
