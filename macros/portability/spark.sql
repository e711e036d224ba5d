{#- Spark (dbt-spark) versions of dbt's own cross-database macros, found first because the root
    project is searched before the adapter (docs/spark.md "What differs").

    dbt-spark's dateadd/datediff wrap every argument in `coalesce(f(x), nvl2(f(x),
    assert_true(...)))` three or four times; nested (add_days(dbt.dateadd(...))) the text
    grows exponentially: kpi_calls_per_day compiled to 110 kB, more than the Hive metastore
    (Derby) accepts for a view's text (32,700 characters). These versions are plain Spark SQL
    with the semantics of dbt-duckdb's (date_add / date_diff): dateadd returns a timestamp and
    clamps to the end of month; datediff counts the boundaries crossed. -#}

{% macro spark__dateadd(datepart, interval, from_date_or_timestamp) -%}
    {%- set units = {'day': 'DAY', 'week': 'WEEK', 'month': 'MONTH', 'quarter': 'QUARTER', 'year': 'YEAR',
                     'hour': 'HOUR', 'minute': 'MINUTE', 'second': 'SECOND'} -%}
    {%- if datepart not in units -%}
        {{ exceptions.raise_compiler_error("dateadd: datepart '" ~ datepart ~ "' is not supported on Spark") }}
    {%- endif -%}
    timestampadd({{ units[datepart] }}, cast({{ interval }} as int), {{ from_date_or_timestamp }})
{%- endmacro %}

{% macro spark__datediff(first_date, second_date, datepart) -%}
    {%- set f, s = first_date, second_date -%}
    {%- if datepart == 'day' -%}
        datediff(cast({{ s }} as date), cast({{ f }} as date))
    {%- elif datepart == 'week' -%}
        cast(datediff(cast(date_trunc('week', {{ s }}) as date), cast(date_trunc('week', {{ f }}) as date)) / 7 as bigint)
    {%- elif datepart == 'month' -%}
        ((year({{ s }}) - year({{ f }})) * 12 + month({{ s }}) - month({{ f }}))
    {%- elif datepart == 'quarter' -%}
        ((year({{ s }}) - year({{ f }})) * 4 + quarter({{ s }}) - quarter({{ f }}))
    {%- elif datepart == 'year' -%}
        (year({{ s }}) - year({{ f }}))
    {%- elif datepart in ('hour', 'minute', 'second') -%}
        {%- set seconds = {'hour': 3600, 'minute': 60, 'second': 1}[datepart] -%}
        (floor(unix_timestamp({{ s }}) / {{ seconds }}) - floor(unix_timestamp({{ f }}) / {{ seconds }}))
    {%- else -%}
        {{ exceptions.raise_compiler_error("datediff: datepart '" ~ datepart ~ "' is not supported on Spark") }}
    {%- endif -%}
{%- endmacro %}


{#- Seeds. dbt_project.yml types kpi_catalogue's text columns `varchar`, which Spark only accepts
    with a length (DATATYPE_MISSING_SIZE): the table is created by dbt-spark's macro with the
    column types translated (varchar/text -> string). Rows are inserted as escaped literals:
    dbt-spark's session method substitutes bindings as '<value>' without escaping, so
    "Chiffre d'affaires" breaks the statement and a NULL becomes the string 'None'. -#}

{% macro spark_seed_type(data_type) -%}
    {%- set t = (data_type | string | trim | lower) -%}
    {{- 'string' if t in ('varchar', 'text', 'character varying') else data_type -}}
{%- endmacro %}

{% macro _spark_seed_model(model) -%}
    {%- set types = {} -%}
    {%- for name, data_type in (model['config'].get('column_types') or {}).items() -%}
        {%- do types.update({name: spark_seed_type(data_type)}) -%}
    {%- endfor -%}
    {%- set config = dict(model['config']) -%}
    {%- do config.update({'column_types': types}) -%}
    {%- set patched = dict(model) -%}
    {%- do patched.update({'config': config}) -%}
    {{- return(patched) -}}
{%- endmacro %}

{% macro spark_literal(value) -%}
    {%- if value is none -%}null
    {%- elif value is boolean -%}{{ 'true' if value else 'false' }}
    {%- elif value is number -%}{{ value }}
    {%- else -%}'{{ value | string | replace('\\', '\\\\') | replace("'", "\\'") }}'
    {%- endif -%}
{%- endmacro %}

{% macro spark__create_csv_table(model, agate_table) -%}
    {{ return(dbt.spark__create_csv_table(_spark_seed_model(model), agate_table)) }}
{%- endmacro %}

{% macro spark__load_csv_rows(model, agate_table) -%}
    {%- set column_override = _spark_seed_model(model)['config']['column_types'] -%}
    {%- set types = [] -%}
    {%- for col_name in agate_table.column_names -%}
        {%- do types.append(column_override.get(col_name, adapter.convert_type(agate_table, loop.index0))) -%}
    {%- endfor -%}
    {%- set statements = [] -%}
    {%- for chunk in agate_table.rows | batch(get_batch_size()) -%}
        {%- set sql -%}
            insert into {{ this.render() }} values
            {%- for row in chunk %}
            ({% for value in row %}cast({{ spark_literal(value) }} as {{ types[loop.index0] }}){{ ', ' if not loop.last }}{% endfor %}){{ ',' if not loop.last }}
            {%- endfor %}
        {%- endset -%}
        {%- do adapter.add_query(sql, abridge_sql_log=True) -%}
        {%- do statements.append(sql) -%}
    {%- endfor -%}
    {{ return(statements[0] if statements else '') }}
{%- endmacro %}
