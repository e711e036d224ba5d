-- duplicate_contacts (snapshot): live contacts grouped by lower(trim(email)) (NULL or empty:
-- not grouped): sum over groups of (size - 1) = number of contacts that are not the first of
-- their group. Population = the grouped contacts (non-empty e-mail).
with duplicates as (
    select * from {{ ref('int_contact_duplicates') }}
),

population as (
    select
        contact_id,
        case when is_duplicate = true then 1 else 0 end as is_duplicate
    from duplicates
    where email_key is not null
)

{{ kpi_observations('duplicate_contacts', 'population', numerator='sum(is_duplicate)') }}
