{#-
    Published components bound their published total when some are suppressed.

    Per `partition_by`, the known components (rows matching `component_filter`
    with a value) sum to S and `n` of them are suppressed (rows matching both
    `component_filter` and `suppressed_filter`); each suppressed cell hides a
    value between 0 and `max_suppressed_value`. The published total T (one row
    matching `total_filter`) must then satisfy S <= T <= S + n * max_suppressed_value,
    which is exact equality where nothing is suppressed. A partition also fails
    when its total is missing or suppressed, or it has a total but no components.

    With `rejects` (see `partition_sums_sql`), a document with rejected lines has
    no upper bound: its rejected rows may hold any part of the total.
-#}
{% macro sums_within_suppression_bounds_sql(relation, column_name, partition_by, component_filter, total_filter, suppressed_filter, max_suppressed_value, rejects=none) %}
    with compared as (
        {{ partition_sums_sql(relation, column_name, partition_by, component_filter, total_filter, suppressed_filter, rejects) }}
    )

    select
        *,
        component_sum + suppressed_cells * {{ max_suppressed_value }} as upper_bound
    from compared
    where
        {{ partition_sums_incomplete() }}
        or published_total < component_sum
        or (rejected_lines = 0 and published_total > component_sum + suppressed_cells * {{ max_suppressed_value }})
{% endmacro %}

{% test sums_within_suppression_bounds(model, column_name, partition_by, component_filter, total_filter, suppressed_filter, max_suppressed_value, rejects=none) %}
    {{ sums_within_suppression_bounds_sql(model, column_name, partition_by, component_filter, total_filter, suppressed_filter, max_suppressed_value, rejects) }}
{% endtest %}
