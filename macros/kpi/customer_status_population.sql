{#- The CTEs `accounts`, `statuses` and `population` of the customer-status snapshot KPIs
    (active_customers, inactive_customers, lost_customers, prospect_accounts): live CRM accounts
    whose status as of as_of (int_customer_status, the rule of outputs.md) is `status`, with
    their dimensions; rep = account owner. Refs stay in their own CTEs (dbt --empty on
    PostgreSQL). Use: `with {{ customer_status_population('active') }}`. -#}
{% macro customer_status_population(status) -%}
accounts as (
    select * from {{ ref('int_accounts') }}
),

statuses as (
    select * from {{ ref('int_customer_status') }}
),

population as (
    select
        accounts.account_id,
        accounts.segment,
        accounts.country,
        accounts.owner_rep_id as sales_rep
    from accounts
    inner join statuses on statuses.account_id = accounts.account_id
    where statuses.customer_status = '{{ status }}'
)
{%- endmacro %}
