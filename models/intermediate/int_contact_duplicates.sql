-- Grain: one row per live contact. Duplicate groups of kpis.yml duplicate_contacts: live
-- contacts grouped by lower(trim(email)); a NULL or empty e-mail is not grouped. Inside a
-- group, contacts are ranked by creation instant, then contact_id; every contact but the
-- first (rank 1) is a duplicate, so sum(is_duplicate) = sum over groups of (size - 1).
with contacts as (
    select * from {{ ref('int_contacts') }}
),

creation_instants as (
    select contact_id, created_at_utc from {{ ref('stg_crm__contacts') }}
),

ranked as (
    select
        contacts.contact_id,
        contacts.account_id,
        contacts.email_key,
        contacts.created_at,
        case when contacts.email_key is not null then
            count(*) over (partition by contacts.email_key)
        end as duplicate_group_size,
        case when contacts.email_key is not null then
            row_number() over (
                partition by contacts.email_key
                order by creation_instants.created_at_utc, {{ order_by_codepoint('contacts.contact_id') }}
            )
        end as duplicate_rank
    from contacts
    left join creation_instants on creation_instants.contact_id = contacts.contact_id
)

select
    ranked.*,
    coalesce(duplicate_rank > 1, false) as is_duplicate
from ranked
