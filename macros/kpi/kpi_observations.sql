{#-
  Turn a KPI population into observation rows, over exactly the grains and dimensions of the
  KPI's catalogue entry (spec/kpis.yml via the generated `kpi_catalogue()` macro).

  population  name of a CTE/relation with one row per record of the KPI's population, holding
              `kpi_date` (the local date that attributes the record to a period; not needed for
              snapshots) and one column per dimension of the KPI, named like the dimension
              (`country`, `sales_rep`, `team`, ...).
  numerator   SQL aggregate over the population, e.g. `count(*)`, `sum(amount)`.
  denominator SQL aggregate, or none. value = numerator / nullif(denominator, 0): ratios and
              averages are always recomputed from their components at each grain.
  dimension_filters  {dimension: predicate} restricting the population for one dimension only.
  dimension_populations  {dimension: CTE} reading that dimension's rows from another CTE
              holding kpi_date, the dimension and the aggregated columns (e.g. one row per
              order x product range for product_range, one row per order for the others, so
              `count(*)` counts orders without a distinct).
  having      predicate on the aggregates: groups that fail it produce no row. A group exists
              only where the population is non-empty (kpis.yml clarification).
  value       SQL expression replacing the default value; may use numerator, denominator,
              period_grain, period_start.

  Output: kpi_code, period_grain, period_start, dimension, dimension_value, numerator,
  denominator, value. Period KPIs stop at the period holding as_of (kpis.yml clarification);
  forecasts do not. The grain x dimension groups run as GROUPING SETS aggregations
  (kpi_grouping_sets below): one over `population` for every dimension read from it
  unfiltered, one for each dimension of dimension_filters or dimension_populations.
-#}
{% macro kpi_observations(kpi_code, population, numerator, denominator=none,
                          dimension_filters={}, dimension_populations={}, having=none, value=none) %}
    {%- set spec = kpi_catalogue()[kpi_code] -%}
    {%- set grains = ['as_of'] if spec.kind == 'snapshot' else spec.grains -%}
    {#- one aggregation pass for the dimensions read from `population` unfiltered, one for
        each dimension with its own population or filter -#}
    {%- set shared = [] -%}
    {%- for dimension in spec.dimensions
            if dimension not in dimension_filters and dimension not in dimension_populations -%}
        {%- do shared.append(dimension) -%}
    {%- endfor -%}
    {#- a night that merges the module table's periods reads the records of those periods -#}
    {%- set touched = kpi_touched_records(spec.module) if spec.kind == 'period' else '' -%}
    {%- set passes = [] -%}
    {%- if shared -%}
        {%- do passes.append(kpi_grouping_sets(population, grains, shared, numerator, denominator, having,
                                               where=touched or none)) -%}
    {%- endif -%}
    {%- for dimension in spec.dimensions if dimension not in shared -%}
        {%- set predicates = [dimension_filters.get(dimension), touched] | select | list -%}
        {%- do passes.append(kpi_grouping_sets(
                dimension_populations.get(dimension, population), grains, [dimension],
                numerator, denominator, having,
                where=('(' ~ (predicates | join(') and (')) ~ ')') if predicates else none)) -%}
    {%- endfor %}
    select
        '{{ kpi_code }}' as kpi_code,
        period_grain,
        period_start,
        dimension,
        dimension_value,
        numerator,
        denominator,
        cast({{ value if value else ('numerator / nullif(denominator, 0)' if denominator else 'numerator') }} as {{ double_type() }}) as value
    from (
        {{ passes | join('\n        union all\n') }}
    ) as kpi_groups
    {%- if spec.kind == 'period' %}
    where period_start <= {{ period_start_of_as_of('period_grain') }}
    {%- endif %}
{% endmacro %}

{#- Every grain x dimension group of `dimensions` over `population` (restricted by the
    predicate `where`, if any) in one aggregation (GROUPING SETS: one pass over the records
    instead of one per grain x dimension). The grain's period and the dimension's member are
    columns computed first; grouping() tells which set a row belongs to. Same rows and values
    as one `group by` per pair. -#}
{% macro kpi_grouping_sets(population, grains, dimensions, numerator, denominator, having, where=none) -%}
    {%- set periods = [] if grains == ['as_of'] else grains -%}
    {%- set members = [] -%}
    {%- for dimension in dimensions if dimension != 'total' -%}
        {%- do members.append(dimension) -%}
    {%- endfor -%}
    {%- set sets = [] -%}
    {%- for grain in (periods or [none]) -%}
        {%- for dimension in dimensions -%}
            {%- set keys = ([] if grain is none else ['kpi__period_' ~ grain])
                           + ([] if dimension == 'total' else ['kpi__member_' ~ dimension]) -%}
            {%- do sets.append('(' ~ keys | join(', ') ~ ')') -%}
        {%- endfor -%}
    {%- endfor %}
        select
            {%- if periods %}
            case
                {%- for grain in periods %}
                when grouping(kpi__period_{{ grain }}) = 0 then '{{ grain }}'
                {%- endfor %}
            end as period_grain,
            coalesce({% for grain in periods %}kpi__period_{{ grain }}{{ ', ' if not loop.last }}{% endfor %}) as period_start,
            {%- else %}
            'as_of' as period_grain,
            {{ as_of_date() }} as period_start,
            {%- endif %}
            {%- if members %}
            case
                {%- for dimension in members %}
                when grouping(kpi__member_{{ dimension }}) = 0 then '{{ dimension }}'
                {%- endfor %}
                else 'total'
            end as dimension,
            case
                {%- for dimension in members %}
                when grouping(kpi__member_{{ dimension }}) = 0 then kpi__member_{{ dimension }}
                {%- endfor %}
                else 'all'
            end as dimension_value,
            {%- else %}
            'total' as dimension,
            'all' as dimension_value,
            {%- endif %}
            cast({{ numerator }} as {{ double_type() }}) as numerator,
            cast({{ denominator if denominator else 'null' }} as {{ double_type() }}) as denominator
        from (
            select
                {%- for grain in periods %}
                {{ period_start(grain, 'kpi_date') }} as kpi__period_{{ grain }},
                {%- endfor %}
                {%- for dimension in members %}
                coalesce(cast({{ dimension }} as {{ dbt.type_string() }}), 'unknown') as kpi__member_{{ dimension }},
                {%- endfor %}
                *
            from {{ population }}
            {%- set predicates = (['kpi_date is not null'] if periods else []) + (['(' ~ where ~ ')'] if where else []) %}
            {%- if predicates %}
            where {{ predicates | join(' and ') }}
            {%- endif %}
        ) as kpi_records
        group by grouping sets ({{ sets | join(', ') }})
        having count(*) > 0{% if having %} and ({{ having }}){% endif %}
{%- endmacro %}

{#- First day of the period (of the grain held in column `grain_column`) that contains as_of. -#}
{% macro period_start_of_as_of(grain_column) -%}
    case {{ grain_column }}
        when 'month' then {{ period_start('month', as_of_date()) }}
        when 'quarter' then {{ period_start('quarter', as_of_date()) }}
        when 'year' then {{ period_start('year', as_of_date()) }}
    end
{%- endmacro %}
