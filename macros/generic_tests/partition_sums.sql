{#-
    The comparison behind our "components against their published total" tests.

    Per `partition_by`: the rows matching `component_filter` give `component_sum`
    (NULL values add nothing), `component_values` (how many have a value),
    `component_rows` and `suppressed_cells` (those also matching
    `suppressed_filter`); the rows matching `total_filter` give `published_total`
    and `total_rows`. A full outer join keeps partitions that have only one side
    (their other side's columns are NULL), so every test can fail them.

    With `rejects` (a relation of rejected lines by `source_sha256`, which must be
    one of the `partition_by` keys), `rejected_lines` counts the document's rejected
    lines: the tests then check such a partition one-sidedly (see
    `partition_sums_incomplete`), since a rejected row's value is in the total but
    not in the sum.
-#}
{% macro partition_sums_sql(relation, column_name, partition_by, component_filter, total_filter, suppressed_filter='false', rejects=none) %}
    {%- set keys = partition_by | join(', ') -%}
    with components as (
        select
            {{ keys }},
            coalesce(sum({{ column_name }}), 0) as component_sum,
            count({{ column_name }}) as component_values,
            count(*) as component_rows,
            count(*) filter (where {{ suppressed_filter }}) as suppressed_cells
        from {{ relation }}
        where {{ component_filter }}
        group by {{ keys }}
    ),

    totals as (
        select
            {{ keys }},
            max({{ column_name }}) as published_total,
            count(*) as total_rows
        from {{ relation }}
        where {{ total_filter }}
        group by {{ keys }}
    )

    {%- if rejects is not none %},

    rejected as (
        select
            source_sha256,
            count(*) as rejected_lines
        from {{ rejects }}
        group by source_sha256
    )
    {%- endif %}

    select
        {% for key in partition_by -%}
        coalesce(components.{{ key }}, totals.{{ key }}) as {{ key }},
        {% endfor -%}
        components.component_sum,
        components.component_values,
        components.component_rows,
        components.suppressed_cells,
        totals.published_total,
        totals.total_rows,
        {% if rejects is not none -%}
        coalesce(rejected.rejected_lines, 0) as rejected_lines
        {%- else -%}
        0 as rejected_lines
        {%- endif %}
    from components
    full outer join totals
        on {% for key in partition_by -%}
        components.{{ key }} is not distinct from totals.{{ key }}{{ " and " if not loop.last }}
        {%- endfor %}
    {%- if rejects is not none %}
    left join rejected
        on coalesce(components.source_sha256, totals.source_sha256) = rejected.source_sha256
    {%- endif %}
{% endmacro %}

{#- Partitions with no components, no total, or more than one total row. A document
    with rejected lines may lack either side: its rejected row was that side. -#}
{% macro partition_sums_incomplete() -%}
    total_rows > 1
    or (rejected_lines = 0 and (component_rows is null or published_total is null))
{%- endmacro %}
