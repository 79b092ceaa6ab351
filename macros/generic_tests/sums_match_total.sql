{#-
    Subcomponents sum to their published total, per partition.

    The rows of `model` that match `component_filter` are summed per `partition_by`
    and compared with the rows that match `total_filter` (one per partition). A
    partition fails when the difference exceeds `tolerance`, or when it has a total
    but no components or components but no total. NULL components (suppressed,
    empty, missing) add nothing, so a table with them should test with a bound, not
    with this test.
-#}
{% macro sums_match_total_sql(relation, column_name, partition_by, component_filter, total_filter, tolerance=0) %}
    {%- set keys = partition_by | join(', ') -%}
    with components as (
        select
            {{ keys }},
            sum({{ column_name }}) as component_sum,
            count(*) as component_rows,
        from {{ relation }}
        where {{ component_filter }}
        group by {{ keys }}
    ),

    totals as (
        select
            {{ keys }},
            sum({{ column_name }}) as published_total,
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
            components.component_sum,
            totals.published_total,
            totals.total_rows,
            components.component_sum - totals.published_total as difference,
        from components
        full outer join totals
            on {% for key in partition_by -%}
            components.{{ key }} is not distinct from totals.{{ key }}{{ " and " if not loop.last }}
            {%- endfor %}
    )

    select *
    from compared
    where
        component_sum is null
        or published_total is null
        or total_rows > 1
        or abs(difference) > {{ tolerance }}
{% endmacro %}

{% test sums_match_total(model, column_name, partition_by, component_filter, total_filter, tolerance=0) %}
    {{ sums_match_total_sql(model, column_name, partition_by, component_filter, total_filter, tolerance) }}
{% endtest %}
