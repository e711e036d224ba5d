{#- The key of each raw table (landing-contract.md): the columns that name one record, whose
    latest version staging keeps. One list for the staging models, their nightly merge
    (staging_delta.sql) and the intermediate models that merge the keys a delta touches
    (macros/incremental/merge_touched.sql). crm__opportunity_stage_history is append-only:
    its staging model re-derives the events of each touched opportunity. -#}

{% macro raw_table_keys(raw_table) -%}
    {%- set keys = {
        'crm__accounts': ['account_id'],
        'crm__action_plans': ['action_plan_id'],
        'crm__activities': ['activity_id'],
        'crm__calls': ['call_id'],
        'crm__campaign_members': ['campaign_id', 'contact_id'],
        'crm__campaigns': ['campaign_id'],
        'crm__cases': ['case_id'],
        'crm__contacts': ['contact_id'],
        'crm__leads': ['lead_id'],
        'crm__opportunities': ['opportunity_id'],
        'crm__opportunity_stage_history': ['opportunity_id'],
        'crm__quotes': ['quote_id'],
        'crm__sales_reps': ['rep_id'],
        'erp__customers': ['erp_customer_id'],
        'erp__invoices': ['invoice_id'],
        'erp__order_lines': ['order_id', 'line_no'],
        'erp__orders': ['order_id'],
        'erp__products': ['product_id'],
        'erp__projects': ['project_id'],
        'erp__timesheets': ['timesheet_id'],
        'plan__targets': ['period_month', 'scope', 'scope_id', 'kpi_code'],
        'web__sessions': ['session_id'],
    } -%}
    {%- if raw_table not in keys -%}
        {{ exceptions.raise_compiler_error("raw_table_keys: no key for raw table '" ~ raw_table ~ "'") }}
    {%- endif -%}
    {{ return(keys[raw_table]) }}
{%- endmacro %}
