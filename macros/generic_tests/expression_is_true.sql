{#- Rows for which `expression` is not true (false or NULL). Declared under a column, the
    expression is that column's invariant (`column_name` only places it). -#}
{% macro expression_is_true_sql(relation, expression, where_clause=none) %}
    select *
    from {{ relation }}
    where
        not coalesce(({{ expression }}), false)
        {%- if where_clause %} and ({{ where_clause }}){% endif %}
{% endmacro %}

{% test expression_is_true(model, expression, where_clause=none, column_name=none) %}
    {{ expression_is_true_sql(model, expression, where_clause) }}
{% endtest %}
