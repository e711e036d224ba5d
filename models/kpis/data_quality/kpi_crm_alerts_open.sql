-- crm_alerts_open (snapshot): rows of the alert table (marts.crm_alerts, outputs.md) for the
-- as_of date, by alert_rule.
with alerts as (
    select * from {{ ref('crm_alerts') }}
),

population as (
    select
        alert_rule,
        entity_id
    from alerts
    where as_of_date = {{ as_of_date() }}
)

{{ kpi_observations('crm_alerts_open', 'population', numerator='count(*)') }}
