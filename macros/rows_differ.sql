{#- The rows of `columns` found in one of two relations (CTEs) but not the other:
    how a check compares what a test macro flagged with what it should flag.
    `count_duplicates` compares as multisets (a row flagged twice differs from once). -#}
{% macro rows_differ(actual, expected, columns, count_duplicates=false) -%}
    {%- set column_list = columns | join(', ') -%}
    {%- set except = 'except all' if count_duplicates else 'except' -%}
    (
        select {{ column_list }} from {{ actual }}
        {{ except }}
        select {{ column_list }} from {{ expected }}
    )
    union all
    (
        select {{ column_list }} from {{ expected }}
        {{ except }}
        select {{ column_list }} from {{ actual }}
    )
{%- endmacro %}
