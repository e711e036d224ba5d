{#- Custom schema names are used as they are (`marts`, not `main_marts`): they are the
    published interface. PILOTAGE_SCHEMA_SUFFIX lets the PostgreSQL target build into
    shadow schemas (`marts__build`) that the publish step swaps in. -#}
{% macro generate_schema_name(custom_schema_name, node) -%}
    {%- set base = custom_schema_name if custom_schema_name is not none else target.schema -%}
    {{ (base ~ env_var('PILOTAGE_SCHEMA_SUFFIX', '')) | trim }}
{%- endmacro %}
