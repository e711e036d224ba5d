-- Grain: one row per live CRM account (a "customer" of kpis.yml), with its owner's team.
with accounts as (
    select * from {{ ref('stg_crm__accounts') }}
),

reps as (
    select * from {{ ref('stg_crm__sales_reps') }}
),

accounts_with_owner as (
    select
        accounts.account_id,
        accounts.name as account_name,
        accounts.country,
        accounts.segment,
        accounts.industry,
        accounts.lead_source,
        accounts.erp_customer_id,
        accounts.owner_rep_id,
        reps.team as owner_team,
        reps.business_unit as owner_business_unit,
        accounts.created_at,
        cast(accounts.created_at as date) as created_on,
        cast(accounts.updated_at as date) as updated_on
    from accounts
    left join reps on reps.rep_id = accounts.owner_rep_id
)

select * from accounts_with_owner
