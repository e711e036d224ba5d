{#- Regular expressions are engine-specific and dbt has no cross-database macro for them.

  regex_matches(expression, pattern)
      Boolean: `expression` contains a match of `pattern` (anchor the pattern with ^...$ for a
      whole-value match). NULL expression -> NULL. `pattern` is a Python string holding the
      regex as written in spec/kpis.yml (e.g. '^[^@\s]+@[^@\s]+\.[^@\s]+$'); it must not
      contain a single quote. Only constructs shared by RE2 (DuckDB), POSIX ARE (PostgreSQL)
      and Java (Spark) should be used: classes, bracket expressions, \s, {m,n}, anchors.

  letters_and_digits_only(expression)
      `expression` with every character that is not a Unicode letter or digit removed
      (accents kept: only punctuation, spaces, symbols... go). Used for account-name keys.
-#}

{% macro regex_matches(expression, pattern) -%}
    {{ return(adapter.dispatch('regex_matches', 'pilotage')(expression, pattern)) }}
{%- endmacro %}

{% macro default__regex_matches(expression, pattern) -%}
    regexp_like({{ expression }}, '{{ pattern }}')
{%- endmacro %}

{% macro duckdb__regex_matches(expression, pattern) -%}
    regexp_matches({{ expression }}, '{{ pattern }}')
{%- endmacro %}

{% macro postgres__regex_matches(expression, pattern) -%}
    ({{ expression }} ~ '{{ pattern }}')
{%- endmacro %}

{% macro spark__regex_matches(expression, pattern) -%}
    ({{ expression }} rlike '{{ pattern | replace("\\", "\\\\") }}')
{%- endmacro %}


{% macro letters_and_digits_only(expression) -%}
    {{ return(adapter.dispatch('letters_and_digits_only', 'pilotage')(expression)) }}
{%- endmacro %}

{% macro default__letters_and_digits_only(expression) -%}
    regexp_replace({{ expression }}, '[^\p{L}\p{N}]', '')
{%- endmacro %}

{% macro duckdb__letters_and_digits_only(expression) -%}
    regexp_replace({{ expression }}, '[^\p{L}\p{N}]', '', 'g')
{%- endmacro %}

{% macro postgres__letters_and_digits_only(expression) -%}
    {#- [:alpha:] / [:digit:] follow the database's character classification (Unicode-aware
        with a UTF-8 ctype or the builtin provider). -#}
    regexp_replace({{ expression }}, '[^[:alpha:][:digit:]]', '', 'g')
{%- endmacro %}

{% macro spark__letters_and_digits_only(expression) -%}
    regexp_replace({{ expression }}, '[^\\p{L}\\p{N}]', '')
{%- endmacro %}
