-- lead_conversion_rate: cohort of live leads created in the period (created_at local date):
-- share with converted_at not NULL.
with leads as (
    select * from {{ ref('int_leads') }}
),

population as (
    select
        created_on as kpi_date,
        lead_source,
        case when is_converted = true then 1 else 0 end as is_converted_lead
    from leads
)

{{ kpi_observations('lead_conversion_rate', 'population', numerator='sum(is_converted_lead)', denominator='count(*)') }}
