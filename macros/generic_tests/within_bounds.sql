{#- Values outside [min_value, max_value] (either bound may be omitted); NULLs pass. -#}
{% macro within_bounds_sql(relation, column_name, min_value=none, max_value=none, where_clause=none) %}
    select *
    from {{ relation }}
    where
        {{ column_name }} is not null
        {%- if where_clause %} and ({{ where_clause }}){% endif %}
        and (
            false
            {%- if min_value is not none %} or {{ column_name }} < {{ min_value }}{% endif %}
            {%- if max_value is not none %} or {{ column_name }} > {{ max_value }}{% endif %}
        )
{% endmacro %}

{% test within_bounds(model, column_name, min_value=none, max_value=none, where_clause=none) %}
    {{ within_bounds_sql(model, column_name, min_value, max_value, where_clause) }}
{% endtest %}
