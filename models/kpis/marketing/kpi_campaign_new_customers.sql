-- campaign_new_customers: accounts whose first closed_won opportunity (earliest closed_at
-- instant; tie: smallest opportunity_id) has a campaign_id, counted in the period of that
-- closed_at (local date). Customers are live accounts: opportunities of deleted or unknown
-- accounts take no part; closed_won opportunities without closed_at cannot be first.
with opportunities as (
    select * from {{ ref('int_opportunities') }}
),

opportunity_instants as (
    select opportunity_id, closed_at_utc from {{ ref('stg_crm__opportunities') }}
),

accounts as (
    select * from {{ ref('int_accounts') }}
),

ranked_wins as (
    select
        opportunities.account_id,
        opportunities.opportunity_id,
        opportunities.campaign_id,
        opportunities.closed_on,
        row_number() over (
            partition by opportunities.account_id
            order by opportunity_instants.closed_at_utc,
                     {{ order_by_codepoint('opportunities.opportunity_id') }}
        ) as win_rank
    from opportunities
    inner join accounts
        on accounts.account_id = opportunities.account_id
    inner join opportunity_instants
        on opportunity_instants.opportunity_id = opportunities.opportunity_id
    where opportunities.is_won = true
      and opportunities.closed_at is not null
),

population as (
    select
        closed_on as kpi_date,
        account_id,
        campaign_id as campaign
    from ranked_wins
    where win_rank = 1
      and campaign_id is not null
)

{{ kpi_observations('campaign_new_customers', 'population', numerator='count(*)') }}
