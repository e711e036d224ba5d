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
    (an order moved to another month leaves its old month too).

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

{#- `(order_id in (<touched values>) or ...)`; `1 = 0` when no declared table has new files. -#}
{% macro touched_predicate(touched, through={}) -%}
    {%- set terms = [] -%}
    {%- for column in touched | sort -%}
        {%- set held = through[column]['key'] if column in through else column -%}
        {%- set selects = [] -%}
        {%- for raw_table in touched[column] if delta_files(raw_table) -%}
            {%- do selects.append(touched_values(raw_table, held)) -%}
        {%- endfor -%}
        {%- if selects -%}
            {%- set values = selects | join(' union all ') -%}
            {%- if column in through and 'source' in through[column] -%}
                {%- set values = 'select ' ~ period_start('month', 'cast(' ~ through[column]['month_of'] ~ ' as date)')
                                 ~ ' from ' ~ source('raw', through[column]['source'])
                                 ~ ' where ' ~ held ~ ' in (' ~ values ~ ')' -%}
            {%- elif column in through -%}
                {%- set values = 'select ' ~ column ~ ' from ' ~ model_relation(through[column]['model'])
                                 ~ ' where ' ~ held ~ ' in (' ~ values ~ ')' -%}
            {%- endif -%}
            {%- do terms.append(column ~ ' in (' ~ values ~ ')') -%}
        {%- endif -%}
    {%- endfor -%}
    {{ '(' ~ (terms | join(' or ')) ~ ')' if terms else '1 = 0' }}
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
