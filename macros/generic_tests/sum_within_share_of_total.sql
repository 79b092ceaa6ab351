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

    With `rejects` (see `partition_sums_sql`), a document with rejected lines has
    no shortfall bound: its rejected rows may hold any part of the total.
-#}
{% macro sum_within_share_of_total_sql(relation, column_name, partition_by, component_filter, total_filter, max_shortfall_share, excess_per_component=0, rejects=none) %}
    with compared as (
        {{ partition_sums_sql(relation, column_name, partition_by, component_filter, total_filter, rejects=rejects) }}
    )

    select *
    from compared
    where
        {{ partition_sums_incomplete() }}
        or (rejected_lines = 0 and component_values = 0)
        or component_sum > published_total + {{ excess_per_component }} * component_values
        or (rejected_lines = 0 and component_sum < published_total * (1 - {{ max_shortfall_share }}))
{% endmacro %}

{% test sum_within_share_of_total(model, column_name, partition_by, component_filter, total_filter, max_shortfall_share, excess_per_component=0, rejects=none) %}
    {{ sum_within_share_of_total_sql(model, column_name, partition_by, component_filter, total_filter, max_shortfall_share, excess_per_component, rejects) }}
{% endtest %}
