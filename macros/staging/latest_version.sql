{#- Current version of each key (landing contract "Versions"): greatest updated_at instant,
    then the file whose name sorts last in code-point order, then the last line. -#}
{% macro latest_version(relation, key_columns) -%}
    select *
    from (
        select
            versions.*,
            row_number() over (
                partition by {{ key_columns | join(', ') }}
                order by updated_at_utc desc,
                         {{ order_by_codepoint('_file_name') }} desc,
                         _line desc
            ) as version_rank
        from {{ relation }} as versions
    ) as ranked
    where version_rank = 1
{%- endmacro %}
