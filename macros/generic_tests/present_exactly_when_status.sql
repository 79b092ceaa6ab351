{#-
    Rows whose value and status disagree: a number where the status says none was
    printed (a symbol read as zero), or none where the status says one was (a number
    lost). `statuses` are the ones that carry a number, e.g. `published`, `derived`.
-#}
{% macro present_exactly_when_status_sql(relation, column_name, status_column, statuses) %}
    select *
    from {{ relation }}
    where
        ({{ column_name }} is not null)
        != coalesce({{ status_column }} in ('{{ statuses | join("', '") }}'), false)
{% endmacro %}

{% test present_exactly_when_status(model, column_name, status_column, statuses=['published']) %}
    {{ present_exactly_when_status_sql(model, column_name, status_column, statuses) }}
{% endtest %}
