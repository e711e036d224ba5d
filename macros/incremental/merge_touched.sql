{#- Intermediate models that merge what a nightly delta touches (issue 6).

    A model declares which of its columns a change of a raw table reaches:
        touched = {'order_id': ['erp__orders', 'erp__order_lines']}
    reads "a new file of erp/orders or erp/order_lines changes the rows of the order_ids it
    names, and no other row". Rows are then rebuilt for those values only: the pre-hook deletes
    the rows whose order_id is touched, the model's SQL (filtered with `where_touched`) inserts
    their current version. `unaffected_by` lists raw tables upstream whose new rows change none
    of the model's existing rows (say why in the model). A declaration several models share
    (a model and the models built on it) is named in merge_declarations.sql.
    `through` derives a touched column the raw table does not hold from one it does, through a
    model upstream (an ancestor of the model: build_scope.merge_models checks it; read by its
    relation name, as a ref in a pre-hook would need a dependency dbt cannot see):
        touched = {'account_id': ['erp__orders']},
        through = {'account_id': {'model': 'int_erp_customer_links', 'key': 'erp_customer_id'}}
    reads "the accounts the links give to the erp_customer_ids of the touched orders (every
    loaded version: the account an order left is touched too)". A period column is derived
    from a raw table instead, whose every loaded version keeps the dates a record had:
        touched = {'month_start': ['erp__orders', 'erp__order_lines']},
        through = {'month_start': {'source': 'erp__orders', 'key': 'order_id', 'month_of': 'ordered_at'}}
    reads "the months of ordered_at, in every loaded version, of the orders the new files of
    erp/orders and erp/order_lines touch": a model of month cells rebuilds those months only
    (an order moved to another month leaves its old month too). `periods_of` instead of
    `month_of` makes the touched rows KPI periods (period_grain, period_start: the month,
    quarter and year of each such date, and the periods a move of as_of reaches;
    periods_touched_on below): a module table of period KPIs merges those periods
    (kpi_module_observations).

    Whether a model merges is decided per run by the orchestration (build_scope.merge_models),
    which passes the run parameter `merge_models` (macros/run_parameters.sql, read when the
    model runs by should_full_refresh): only when every raw table that changed upstream is
    append-only and declared, and every rebuilt model upstream is a merged staging model or
    another merging model. Otherwise (a dimension changed, as_of reached a parent, a full
    refresh, PostgreSQL, Spark, a manual `dbt build`) the model is rebuilt whole. -#}

{% macro merge_config(touched, unaffected_by=[], through={}) -%}
    {{ return({
        'materialized': 'incremental',
        'incremental_strategy': 'append',
        'on_schema_change': 'fail',
        'pre_hook': "{% if is_incremental() %}{{ delete_where(this, touched_predicate("
                    ~ tojson(touched) ~ ", " ~ tojson(through) ~ ")) }}{% endif %}",
        'meta': {'merge': {'touched': touched, 'unaffected_by': unaffected_by, 'through': through}},
    }) }}
{%- endmacro %}

{#- The values of `column` in every loaded version of the records a table's new files touch
    (an update that moves an order to another customer touches the old customer too). -#}
{% macro touched_values(raw_table, column) -%}
    select {{ column }} from {{ source('raw', raw_table) }}
    where {{ in_delta_files(raw_table) if raw_table_keys(raw_table) == [column] else touched_keys_predicate(raw_table) }}
{%- endmacro %}

{#- `(order_id in (<touched values>) or ...)`; `1 = 0` when nothing is touched. For a
    declaration of KPI periods (`periods_of`, below), the periods' rows, or with `date_column`
    the records whose date falls in one of them. -#}
{% macro touched_predicate(touched, through={}, date_column=none) -%}
    {%- set terms = [] -%}
    {%- for column in touched | sort -%}
        {%- set via = through.get(column, {}) -%}
        {%- set held = via['key'] if via else column -%}
        {%- set selects = [] -%}
        {%- for raw_table in touched[column] if delta_files(raw_table) -%}
            {%- do selects.append(touched_values(raw_table, held)) -%}
        {%- endfor -%}
        {%- if selects -%}
            {%- set values = selects | join(' union all ') -%}
            {%- if 'periods_of' in via -%}
                {%- do terms.append(periods_touched_on(
                        'select cast(' ~ via['periods_of'] ~ ' as date) as touched_on from '
                        ~ source('raw', via['source']) ~ ' where ' ~ held ~ ' in (' ~ values ~ ')', date_column)) -%}
            {%- elif 'month_of' in via -%}
                {%- do terms.append(column ~ ' in (select ' ~ period_start('month', 'cast(' ~ via['month_of'] ~ ' as date)')
                                    ~ ' from ' ~ source('raw', via['source']) ~ ' where ' ~ held ~ ' in (' ~ values ~ '))') -%}
            {%- elif via -%}
                {%- do terms.append(column ~ ' in (select ' ~ column ~ ' from ' ~ model_relation(via['model'])
                                    ~ ' where ' ~ held ~ ' in (' ~ values ~ '))') -%}
            {%- else -%}
                {%- do terms.append(column ~ ' in (' ~ values ~ ')') -%}
            {%- endif -%}
        {%- endif -%}
        {%- set moved = periods_as_of_moved(date_column) if 'periods_of' in via else '' -%}
        {%- if moved -%}
            {%- do terms.append(moved) -%}
        {%- endif -%}
    {%- endfor -%}
    {{ '(' ~ (terms | join(' or ')) ~ ')' if terms else '1 = 0' }}
{%- endmacro %}

{#- KPI periods (a module table of period KPIs, e.g. kpi_observations_profitability). Its rows
    are (period_grain, period_start) of the grains below; a period's row depends only on the
    records dated in it, and on as_of, which stops the rows at the period holding it
    (kpi_observations). A night rebuilds:
    - for every date in `touched_on` (each loaded version of the touched records: a record
      moved to another date leaves its old periods too), the month, quarter and year holding it;
    - when as_of moved, for each grain, the periods after the one holding the earlier as_of up
      to the one holding the later (none when both fall in the same period).
    With `date_column`, the records those periods need: the records of the touched years (a
    touched month or quarter lies in a touched year, whose row needs all its records), one
    subquery instead of one per grain, as it is repeated in every aggregation pass of every KPI. -#}
{% macro periods_touched_on(touched_on, date_column=none) -%}
    {%- if date_column -%}
        {{ return(period_start('year', date_column) ~ ' in (select ' ~ period_start('year', 'touched_on')
                  ~ ' from (' ~ touched_on ~ ') as touched)') }}
    {%- endif -%}
    {%- set terms = [] -%}
    {%- for grain in ['month', 'quarter', 'year'] -%}
        {%- set periods = 'select ' ~ period_start(grain, 'touched_on') ~ ' from (' ~ touched_on ~ ') as touched' -%}
        {%- do terms.append("(period_grain = '" ~ grain ~ "' and period_start in (" ~ periods ~ '))') -%}
    {%- endfor -%}
    {{ return('(' ~ (terms | join(' or ')) ~ ')') }}
{%- endmacro %}

{#- '' when as_of did not move since the copied warehouse's build (run parameter as_of_move:
    [before, now], set by the dbt step on a merging night). It reads the move, not as_of: the
    models that call touched_predicate do not read as_of (build_scope.as_of_models). -#}
{% macro periods_as_of_moved(date_column=none) -%}
    {%- set move = run_parameter('as_of_move', []) -%}
    {%- if move | length != 2 or move[0] == move[1] -%}
        {{ return('') }}
    {%- endif -%}
    {%- set low, high = move | min, move | max -%}
    {%- set terms = [] -%}
    {%- for grain in ['month', 'quarter', 'year'] -%}
        {%- set period = period_start(grain, date_column) if date_column else 'period_start' -%}
        {%- set after = period ~ ' > ' ~ period_start(grain, "cast('" ~ low ~ "' as date)") ~ ' and '
                        ~ period ~ ' <= ' ~ period_start(grain, "cast('" ~ high ~ "' as date)") -%}
        {%- do terms.append('(' ~ ('' if date_column else "period_grain = '" ~ grain ~ "' and ") ~ after ~ ')') -%}
    {%- endfor -%}
    {{ return('(' ~ (terms | join(' or ')) ~ ')') }}
{%- endmacro %}

{#- The filter on a model's driving rows on a merging run; nothing otherwise. -#}
{% macro where_touched(touched, through={}) -%}
    {%- if is_incremental() %}
    where {{ touched_predicate(touched, through) }}
    {%- endif %}
{%- endmacro %}

{#- The relation of model `name` of this project, from the graph (for `through`). -#}
{% macro model_relation(name) -%}
    {%- set node = project_model(name) -%}
    {%- if node is none -%}
        {{ exceptions.raise_compiler_error("merge declaration: `through` names no model '" ~ name ~ "'") }}
    {%- endif -%}
    {{ return(node.relation_name) }}
{%- endmacro %}
