-- campaign_responses: campaign members by responded_at (local date; NULL: no response).
with members as (
    select * from {{ ref('int_campaign_members') }}
),

population as (
    select
        responded_on as kpi_date,
        campaign_id as campaign,
        campaign_channel
    from members
    where responded_on is not null
)

{{ kpi_observations('campaign_responses', 'population', numerator='count(*)') }}
