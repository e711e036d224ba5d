-- new_prospects (period): live accounts by created_at local date. lead_source =
-- accounts.lead_source; country = account country; sales_rep = account owner.
with accounts as (
    select * from {{ ref('int_accounts') }}
),

population as (
    select
        created_on as kpi_date,
        account_id,
        country,
        lead_source,
        owner_rep_id as sales_rep
    from accounts
)

{{ kpi_observations('new_prospects', 'population', numerator='count(*)') }}
