{#- A KPI population summed into cells of one month and one member of every dimension, for a
    period KPI whose numerator and denominator are sums or counts (additive): each of its
    grain x dimension aggregates then reads the cells instead of every record (the web KPIs:
    6 passes over 4 M sessions at scale 10 -> one). A period's value summed over its cells is
    the value over its records; a group has a row exactly where a cell, so a record, exists.

    name        the CTE to define (pass it to kpi_observations as the population)
    population  the CTE of records: kpi_date and the KPI's dimensions under their names
    dimensions  the dimension columns to keep (the KPI's dimensions but `total`)
    measures    {column: aggregate over the records}, e.g. {'pageviews': 'sum(pageviews)'};
                the KPI's numerator / denominator then sum them: 'sum(pageviews)'.
    Use: `with ..., population as (...), {{ kpi_month_cells('cells', 'population', [...], {...}) }}`. -#}
{% macro kpi_month_cells(name, population, dimensions, measures) -%}
{{ name }} as (
    select
        {{ period_start('month', 'kpi_date') }} as kpi_date,
        {%- for dimension in dimensions %}
        {{ dimension }},
        {%- endfor %}
        {%- for column, aggregate in measures.items() %}
        {{ aggregate }} as {{ column }}{{ ',' if not loop.last }}
        {%- endfor %}
    from {{ population }}
    group by {{ ([period_start('month', 'kpi_date')] + dimensions) | join(', ') }}
)
{%- endmacro %}
