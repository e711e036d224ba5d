{%- set merge = merge_declaration('invoices') %}
{{ config(**merge_config(**merge)) }}
-- Nightly: merges the invoices a delta touches (declaration `invoices`,
-- macros/incremental/merge_declarations.sql).
-- Grain: one row per live invoice or credit note, signed (credit notes negative), with the
-- account of its ERP customer and its rep: the rep of its (live) order, else the owner of
-- the order's account, else the owner of the invoice's own account.
with invoices as (
    select * from {{ ref('stg_erp__invoices') }}
    {{- where_touched(merge.touched) }}
),

links as (
    select * from {{ ref('int_erp_customer_links') }}
),

accounts as (
    select * from {{ ref('int_accounts') }}
),

orders as (
    select * from {{ ref('int_orders') }}
    {%- if is_incremental() %}
    where order_id in (select order_id from invoices)
    {%- endif %}
),

reps as (
    select * from {{ ref('stg_crm__sales_reps') }}
),

invoices_with_account as (
    select
        invoices.invoice_id,
        invoices.order_id,
        invoices.erp_customer_id,
        links.account_id,
        accounts.country as account_country,
        accounts.segment as account_segment,
        coalesce(orders.rep_id, accounts.owner_rep_id) as rep_id,
        invoices.invoice_type,
        invoices.invoiced_on,
        invoices.amount_excl_tax,
        case invoices.invoice_type
            when 'invoice' then invoices.amount_excl_tax
            when 'credit_note' then -invoices.amount_excl_tax
        end as invoiced_revenue
    from invoices
    left join links on links.erp_customer_id = invoices.erp_customer_id
    left join accounts on accounts.account_id = links.account_id
    left join orders on orders.order_id = invoices.order_id
),

final as (
    select
        invoices_with_account.*,
        reps.team as rep_team,
        reps.business_unit as rep_business_unit
    from invoices_with_account
    left join reps on reps.rep_id = invoices_with_account.rep_id
)

select * from final
