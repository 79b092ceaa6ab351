{#- Partitions whose number of rows differs from `expected_rows`. -#}
{% macro rows_per_partition_sql(relation, partition_by, expected_rows, where_clause=none) %}
    select
        {{ partition_by | join(', ') }},
        count(*) as actual_rows,
        {{ expected_rows }} as expected_rows
    from {{ relation }}
    {%- if where_clause %}
    where {{ where_clause }}
    {%- endif %}
    group by {{ partition_by | join(', ') }}
    having count(*) != {{ expected_rows }}
{% endmacro %}

{% test rows_per_partition(model, partition_by, expected_rows, where_clause=none) %}
    {{ rows_per_partition_sql(model, partition_by, expected_rows, where_clause) }}
{% endtest %}
