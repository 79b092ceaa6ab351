{#-
    Components sum to at most their published total and fall short of it by no more
    than a share of it, per partition.

    For totals that count more than their components (e.g. people with unknown
    residence): `component_sum` may not exceed `published_total` by more than
    `excess_per_component` × the number of components with a value (each
    component rounded on its own), nor fall below `published_total` ×
    (1 − `max_shortfall_share`). A partition also fails with a total but no
    components, components but no total, or more than one total. NULL components
    add nothing and are not counted.
-#}
{% macro sum_within_share_of_total_sql(relation, column_name, partition_by, component_filter, total_filter, max_shortfall_share, excess_per_component=0) %}
    {%- set keys = partition_by | join(', ') -%}
    with components as (
        select
            {{ keys }},
            sum({{ column_name }}) as component_sum,
            count({{ column_name }}) as component_values,
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
            components.component_values,
            totals.published_total,
            totals.total_rows,
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
        or component_sum > published_total + {{ excess_per_component }} * component_values
        or component_sum < published_total * (1 - {{ max_shortfall_share }})
{% endmacro %}

{% test sum_within_share_of_total(model, column_name, partition_by, component_filter, total_filter, max_shortfall_share, excess_per_component=0) %}
    {{ sum_within_share_of_total_sql(model, column_name, partition_by, component_filter, total_filter, max_shortfall_share, excess_per_component) }}
{% endtest %}
