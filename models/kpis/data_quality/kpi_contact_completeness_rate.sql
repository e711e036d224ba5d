-- PLACEHOLDER: replaced by the real model of contact_completeness_rate (see docs/kpi_authoring.md).
select
    'contact_completeness_rate' as kpi_code,
    cast(null as {{ dbt.type_string() }}) as period_grain,
    cast(null as date) as period_start,
    cast(null as {{ dbt.type_string() }}) as dimension,
    cast(null as {{ dbt.type_string() }}) as dimension_value,
    cast(null as {{ double_type() }}) as numerator,
    cast(null as {{ double_type() }}) as denominator,
    cast(null as {{ double_type() }}) as value
where 1 = 0
