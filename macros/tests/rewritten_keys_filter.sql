{#- Uniqueness tests of a model this run merged (an incremental staging model given new files,
    a merging model named in merge_models) look only at the keys the run rewrote: every other
    row is as the previous run left it, when it passed the same test. The filter keeps every
    row whose key is among the rewritten rows' keys, so a new row that repeats an older row's
    key is caught with it. '' (no filter) on any other run. -#}
{% macro rewritten_keys_filter(model, columns) -%}
    {%- set rewritten = rewritten_rows_predicate(model) -%}
    {%- if rewritten -%}
        ({{ columns | join(', ') }}) in (select {{ columns | join(', ') }} from {{ model }} where {{ rewritten }})
    {%- endif -%}
{%- endmacro %}

{#- The predicate of the rows this run rewrote in `model` (its merge pre-hook deleted them and
    the model's SQL inserted their current version); '' when the model was rebuilt whole. -#}
{% macro rewritten_rows_predicate(model) -%}
    {%- if not execute or flags.FULL_REFRESH -%}
        {{ return('') }}
    {%- endif -%}
    {%- set node = project_model(model.identifier) -%}
    {%- set meta = node.config.meta if node else {} -%}
    {%- if not merges_this_run(model.identifier, meta) -%}
        {{ return('') }}
    {%- elif 'staging_of' in meta -%}
        {{ return(touched_keys_predicate(meta['staging_of'])) }}
    {%- endif -%}
    {{ return(touched_predicate(meta['merge']['touched'], meta['merge'].get('through', {}))) }}
{%- endmacro %}
