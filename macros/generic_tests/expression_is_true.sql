{#- Rows for which `expression` is not true (false or NULL). -#}
{% macro expression_is_true_sql(relation, expression, where_clause=none) %}
    select *
    from {{ relation }}
    where
        not coalesce(({{ expression }}), false)
        {%- if where_clause %} and ({{ where_clause }}){% endif %}
{% endmacro %}

{% test expression_is_true(model, expression, where_clause=none) %}
    {{ expression_is_true_sql(model, expression, where_clause) }}
{% endtest %}
