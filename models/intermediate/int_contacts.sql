{%- set touched = {'contact_id': ['crm__contacts']} %}
{{ config(**merge_config(touched)) }}
-- Nightly: merges the contacts a delta of crm/contacts touches
-- (macros/incremental/merge_touched.sql).
-- Grain: one row per live contact, with its live account's country and owner, and the
-- trimmed values the data-quality rules work on (a field is filled when not NULL and not
-- empty after trimming).
with contacts as (
    select * from {{ ref('stg_crm__contacts') }}
    {{- where_touched(touched) }}
),

accounts as (
    select * from {{ ref('int_accounts') }}
),

trimmed as (
    select
        contacts.contact_id,
        contacts.account_id,
        accounts.country as account_country,
        accounts.owner_rep_id as account_owner_rep_id,
        contacts.email_opt_in,
        contacts.created_at,
        cast(contacts.created_at as date) as created_on,
        cast(contacts.updated_at as date) as updated_on,
        nullif(trim(contacts.first_name), '') as first_name,
        nullif(trim(contacts.last_name), '') as last_name,
        nullif(trim(contacts.job_title), '') as job_title,
        nullif(trim(contacts.department), '') as department,
        nullif(trim(contacts.email), '') as email,
        nullif(trim(contacts.phone), '') as phone
    from contacts
    left join accounts on accounts.account_id = contacts.account_id
)

select
    trimmed.*,
    lower(email) as email_key
from trimmed
