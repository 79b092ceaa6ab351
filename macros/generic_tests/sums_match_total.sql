{#-
    Subcomponents sum to their published total, per partition.

    The rows of `model` that match `component_filter` are summed per `partition_by`
    and compared with the row that matches `total_filter`. A partition fails when
    the difference exceeds `tolerance`, or when it has a total but no components,
    components but no total, or several totals. NULL components (suppressed, empty,
    missing) add nothing: a table with them tests with a bound instead
    (`sums_within_suppression_bounds`).

    With `rejects` (see `partition_sums_sql`), a document with rejected lines only
    fails where its components exceed the total: the shortfall is the value of
    the rejected rows (listed in `audit_total_gaps`).
-#}
{% macro sums_match_total_sql(relation, column_name, partition_by, component_filter, total_filter, tolerance=0, rejects=none) %}
    with compared as (
        {{ partition_sums_sql(relation, column_name, partition_by, component_filter, total_filter, rejects=rejects) }}
    )

    select
        *,
        component_sum - published_total as difference
    from compared
    where
        {{ partition_sums_incomplete() }}
        or (rejected_lines = 0 and abs(component_sum - published_total) > {{ tolerance }})
        or (rejected_lines > 0 and component_sum - published_total > {{ tolerance }})
{% endmacro %}

{% test sums_match_total(model, column_name, partition_by, component_filter, total_filter, tolerance=0, rejects=none) %}
    {{ sums_match_total_sql(model, column_name, partition_by, component_filter, total_filter, tolerance, rejects) }}
{% endtest %}
