{#- The rows of `columns` found in one of two relations (CTEs) but not the other:
    how a check compares what a test macro flagged with what it should flag. -#}
{% macro rows_differ(actual, expected, columns) -%}
    {%- set column_list = columns | join(', ') -%}
    (
        select {{ column_list }} from {{ actual }}
        except
        select {{ column_list }} from {{ expected }}
    )
    union all
    (
        select {{ column_list }} from {{ expected }}
        except
        select {{ column_list }} from {{ actual }}
    )
{%- endmacro %}
