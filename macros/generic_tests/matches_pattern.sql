{#- Values that are not wholly a match of the regular expression `pattern`; NULLs pass. -#}
{% macro matches_pattern_sql(relation, column_name, pattern) %}
    select *
    from {{ relation }}
    where
        {{ column_name }} is not null
        and not regexp_full_match({{ column_name }}, '{{ pattern }}')
{% endmacro %}

{% test matches_pattern(model, column_name, pattern) %}
    {{ matches_pattern_sql(model, column_name, pattern) }}
{% endtest %}
