-- callbacks (period): calls (any direction) with is_callback = true, by started_at local date.
with calls as (
    select * from {{ ref('stg_crm__calls') }}
),

population as (
    select
        cast(started_at as date) as kpi_date,
        call_id
    from calls
    where is_callback = true
)

{{ kpi_observations('callbacks', 'population', numerator='count(*)') }}
