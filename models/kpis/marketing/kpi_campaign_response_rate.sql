-- campaign_response_rate: members with sent_at in the period (local date): share with
-- responded_at not NULL (whatever the response date).
-- Summed into month x member cells first (kpi_month_cells): its aggregates are counts and sums.
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
),

{{ kpi_month_cells('cells', 'population', ['campaign', 'campaign_channel'],
                   {'responses': 'sum(is_response)', 'messages': 'count(*)'}) }}

{{ kpi_observations('campaign_response_rate', 'cells', numerator='sum(responses)', denominator='sum(messages)') }}
