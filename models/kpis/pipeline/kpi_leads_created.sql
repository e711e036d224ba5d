-- leads_created: live leads by created_at (local date). lead_source = leads.source;
-- country = leads.country.
with leads as (
    select * from {{ ref('int_leads') }}
),

population as (
    select
        created_on as kpi_date,
        lead_source,
        country
    from leads
)

{{ kpi_observations('leads_created', 'population', numerator='count(*)') }}
