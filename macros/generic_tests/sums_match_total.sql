{#-
    Subcomponents sum to their published total, per partition.

    The rows of `model` that match `component_filter` are summed per `partition_by`
    and compared with the row that matches `total_filter`. A partition fails when
    the difference exceeds `tolerance`, or when it has a total but no components,
    components but no total, or several totals. NULL components (suppressed, empty,
    missing) add nothing: a table with them tests with a bound instead
    (`sums_within_suppression_bounds`).
-#}
{% macro sums_match_total_sql(relation, column_name, partition_by, component_filter, total_filter, tolerance=0) %}
    with compared as (
        {{ partition_sums_sql(relation, column_name, partition_by, component_filter, total_filter) }}
    )

    select
        *,
        component_sum - published_total as difference
    from compared
    where
        {{ partition_sums_incomplete() }}
        or abs(component_sum - published_total) > {{ tolerance }}
{% endmacro %}

{% test sums_match_total(model, column_name, partition_by, component_filter, total_filter, tolerance=0) %}
    {{ sums_match_total_sql(model, column_name, partition_by, component_filter, total_filter, tolerance) }}
{% endtest %}
