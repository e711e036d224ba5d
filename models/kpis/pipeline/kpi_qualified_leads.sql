-- qualified_leads: live leads by qualified_at (local date; NULL: not counted).
-- lead_source = leads.source; rep = owner_rep_id.
with leads as (
    select * from {{ ref('int_leads') }}
),

population as (
    select
        qualified_on as kpi_date,
        lead_source,
        owner_rep_id as sales_rep
    from leads
    where qualified_on is not null
)

{{ kpi_observations('qualified_leads', 'population', numerator='count(*)') }}
