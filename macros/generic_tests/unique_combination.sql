{#- Combinations of `columns` that occur more than once (NULLs count as a value). -#}
{% macro unique_combination_sql(relation, columns) %}
    select
        {{ columns | join(', ') }},
        count(*) as occurrences
    from {{ relation }}
    group by {{ columns | join(', ') }}
    having count(*) > 1
{% endmacro %}

{% test unique_combination(model, columns) %}
    {{ unique_combination_sql(model, columns) }}
{% endtest %}
