{#-
    Published components bound their published total when some are suppressed.

    Per `partition_by`, the known components (rows matching `component_filter`
    with a value) sum to S and `n` of them are suppressed (rows matching both
    `component_filter` and `suppressed_filter`); each suppressed cell hides a
    value between 0 and `max_suppressed_value`. The published total T (one row
    matching `total_filter`) must then satisfy S <= T <= S + n * max_suppressed_value,
    which is exact equality where nothing is suppressed. A partition also fails
    when its total is missing or suppressed, or it has a total but no components.
-#}
{% macro sums_within_suppression_bounds_sql(relation, column_name, partition_by, component_filter, total_filter, suppressed_filter, max_suppressed_value) %}
    {%- set keys = partition_by | join(', ') -%}
    with components as (
        select
            {{ keys }},
            coalesce(sum({{ column_name }}), 0) as known_sum,
            count(*) filter (where {{ suppressed_filter }}) as suppressed_cells,
            count(*) as component_rows,
        from {{ relation }}
        where {{ component_filter }}
        group by {{ keys }}
    ),

    totals as (
        select
            {{ keys }},
            max({{ column_name }}) as published_total,
            count(*) as total_rows,
        from {{ relation }}
        where {{ total_filter }}
        group by {{ keys }}
    ),

    compared as (
        select
            {% for key in partition_by -%}
            coalesce(components.{{ key }}, totals.{{ key }}) as {{ key }},
            {% endfor -%}
            components.known_sum,
            components.suppressed_cells,
            totals.published_total,
            totals.total_rows,
            components.known_sum
            + components.suppressed_cells * {{ max_suppressed_value }} as upper_bound,
        from components
        full outer join totals
            on {% for key in partition_by -%}
            components.{{ key }} is not distinct from totals.{{ key }}{{ " and " if not loop.last }}
            {%- endfor %}
    )

    select *
    from compared
    where
        known_sum is null
        or published_total is null
        or total_rows > 1
        or published_total < known_sum
        or published_total > upper_bound
{% endmacro %}

{% test sums_within_suppression_bounds(model, column_name, partition_by, component_filter, total_filter, suppressed_filter, max_suppressed_value) %}
    {{ sums_within_suppression_bounds_sql(model, column_name, partition_by, component_filter, total_filter, suppressed_filter, max_suppressed_value) }}
{% endtest %}
