-- crm_erp_sync_errors (snapshot): CRM-ERP sync errors by sync_error_type
-- (int_crm_erp_sync_errors): erp_customer_unlinked = ERP customers linked to no live account;
-- crm_link_broken = live accounts whose erp_customer_id is not NULL and names no ERP
-- customer; country_mismatch = linked pairs whose countries are both not NULL and differ.
with sync_errors as (
    select * from {{ ref('int_crm_erp_sync_errors') }}
),

population as (
    select
        sync_error_type,
        erp_customer_id,
        account_id
    from sync_errors
)

{{ kpi_observations('crm_erp_sync_errors', 'population', numerator='count(*)') }}
