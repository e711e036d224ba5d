-- campaign_messages_sent: campaign members by sent_at (local date; NULL: not sent).
-- campaign = campaign_id; campaign_channel = channel of the campaign.
-- Summed into month x member cells first (kpi_month_cells): its aggregates are counts and sums.
with members as (
    select * from {{ ref('int_campaign_members') }}
),

population as (
    select
        sent_on as kpi_date,
        campaign_id as campaign,
        campaign_channel
    from members
    where sent_on is not null
),

{{ kpi_month_cells('cells', 'population', ['campaign', 'campaign_channel'], {'messages': 'count(*)'}) }}

{{ kpi_observations('campaign_messages_sent', 'cells', numerator='sum(messages)') }}
