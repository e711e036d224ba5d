-- PLACEHOLDER: replaced by the real alert model (outputs.md, marts.crm_alerts).
select
    cast(null as {{ dbt.type_string() }}) as alert_rule,
    cast(null as {{ dbt.type_string() }}) as severity,
    cast(null as {{ dbt.type_string() }}) as entity_type,
    cast(null as {{ dbt.type_string() }}) as entity_id,
    cast(null as {{ dbt.type_string() }}) as owner_rep_id,
    cast(null as date) as as_of_date,
    cast(null as {{ dbt.type_string() }}) as message
where 1 = 0
