-- inbound_calls (period): calls with direction 'inbound', by started_at local date. crm/calls
-- has no is_deleted: every current version counts.
with calls as (
    select * from {{ ref('stg_crm__calls') }}
),

population as (
    select
        cast(started_at as date) as kpi_date,
        call_id
    from calls
    where direction = 'inbound'
)

{{ kpi_observations('inbound_calls', 'population', numerator='count(*)') }}
