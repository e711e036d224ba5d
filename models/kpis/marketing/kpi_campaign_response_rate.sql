-- campaign_response_rate: members with sent_at in the period (local date): share with
-- responded_at not NULL (whatever the response date).
with members as (
    select * from {{ ref('int_campaign_members') }}
),

population as (
    select
        sent_on as kpi_date,
        campaign_id as campaign,
        campaign_channel,
        case when has_responded = true then 1 else 0 end as is_response
    from members
    where sent_on is not null
)

{{ kpi_observations('campaign_response_rate', 'population', numerator='sum(is_response)', denominator='count(*)') }}
