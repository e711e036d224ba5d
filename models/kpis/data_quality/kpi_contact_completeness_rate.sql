-- contact_completeness_rate (snapshot): over live contacts, filled fields among (first_name,
-- last_name, job_title, department, email, phone) / (6 * contacts). A field is filled when
-- not NULL and not empty after trimming (int_contacts holds the trimmed values, empty = NULL).
-- country and sales_rep = country and owner of the contact's live account (unknown otherwise).
{%- set fields = ['first_name', 'last_name', 'job_title', 'department', 'email', 'phone'] %}
with contacts as (
    select * from {{ ref('int_contacts') }}
),

population as (
    select
        contact_id,
        account_country as country,
        account_owner_rep_id as sales_rep,
        {% for field in fields -%}
        case when {{ field }} is not null then 1 else 0 end{{ ' +' if not loop.last }}
        {% endfor -%}
        as filled_fields
    from contacts
)

{{ kpi_observations('contact_completeness_rate', 'population',
                    numerator='sum(filled_fields)', denominator='6 * count(*)') }}
