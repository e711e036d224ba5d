-- customer_360 (outputs.md): one row per live CRM account, as of as_of. Status columns follow
-- the customer status rule (int_customer_status); lifetime figures use only what is dated on
-- or before as_of (int_customer_metrics).
with accounts as (
    select * from {{ ref('int_accounts') }}
),

statuses as (
    select * from {{ ref('int_customer_status') }}
),

metrics as (
    select * from {{ ref('int_customer_metrics') }}
),

erp_links as (
    select
        account_id,
        cast(count(*) as {{ dbt.type_bigint() }}) as linked_erp_customers
    from {{ ref('int_erp_customer_links') }}
    where account_id is not null
    group by account_id
),

contacts as (
    select
        account_id,
        cast(count(*) as {{ dbt.type_bigint() }}) as live_contacts
    from {{ ref('int_contacts') }}
    where account_id is not null
    group by account_id
),

cases as (
    select
        account_id,
        cast(sum(case when closed_at is null and opened_on <= {{ as_of_date() }} then 1 else 0 end) as {{ dbt.type_bigint() }}) as open_cases,
        cast(sum(case when {{ is_open_past_sla() }} then 1 else 0 end) as {{ dbt.type_bigint() }}) as open_cases_past_sla
    from {{ ref('int_service_cases') }}
    where account_id is not null
    group by account_id
),

final as (
    select
        accounts.account_id,
        accounts.account_name,
        accounts.country,
        accounts.segment,
        accounts.industry,
        accounts.lead_source,
        accounts.owner_rep_id,
        accounts.owner_team,
        accounts.owner_business_unit,
        accounts.created_on,
        accounts.erp_customer_id,
        coalesce(erp_links.linked_erp_customers, 0) as linked_erp_customers,
        statuses.first_order_date,
        statuses.last_order_date,
        metrics.valid_orders,
        statuses.ordering_cycle_days,
        statuses.days_since_last_order,
        statuses.customer_status,
        statuses.lost_on,
        metrics.lifetime_revenue,
        metrics.lifetime_gross_margin,
        metrics.valid_orders_365d,
        metrics.product_ranges_365d,
        coalesce(contacts.live_contacts, 0) as live_contacts,
        coalesce(cases.open_cases, 0) as open_cases,
        coalesce(cases.open_cases_past_sla, 0) as open_cases_past_sla,
        {{ as_of_date() }} as as_of_date
    from accounts
    inner join statuses on statuses.account_id = accounts.account_id
    inner join metrics on metrics.account_id = accounts.account_id
    left join erp_links on erp_links.account_id = accounts.account_id
    left join contacts on contacts.account_id = accounts.account_id
    left join cases on cases.account_id = accounts.account_id
)

select * from final
