{#-
    One rate fits every row within the rounding of the denominator.

    The published `denominator` (e.g. man-years) is rounded to `decimals` places, so
    its true value lies within half a unit of it, and each row bounds the rate
    `numerator / denominator` from below and above. Per partition, the rows must
    admit a common rate: the largest lower bound may not exceed the smallest upper
    bound. Misaligned columns or a wrong rate in one row make the bounds cross.
    `decimals` is a column or a number. NULLs are left out.
-#}
{% macro common_rate_within_rounding_sql(relation, numerator, denominator, decimals, partition_by, where_clause=none) %}
    {%- set keys = partition_by | join(', ') -%}
    {%- set half_unit = "0.5 * power(10, -(" ~ decimals ~ "))" -%}
    with bounded as (
        select
            {{ keys }},
            cast({{ numerator }} as double) / (cast({{ denominator }} as double) + {{ half_unit }}) as lowest_rate,
            case
                when {{ denominator }} > {{ half_unit }}
                    then cast({{ numerator }} as double) / (cast({{ denominator }} as double) - {{ half_unit }})
            end as highest_rate
        from {{ relation }}
        where
            {{ numerator }} is not null
            and {{ denominator }} is not null
            {%- if where_clause %} and ({{ where_clause }}){% endif %}
    ),

    per_partition as (
        select
            {{ keys }},
            max(lowest_rate) as rate_at_least,
            min(highest_rate) as rate_at_most,
            count(*) as bounded_rows
        from bounded
        group by {{ keys }}
    )

    select *
    from per_partition
    where rate_at_least > rate_at_most
{% endmacro %}

{% test common_rate_within_rounding(model, numerator, denominator, decimals, partition_by, where_clause=none) %}
    {{ common_rate_within_rounding_sql(model, numerator, denominator, decimals, partition_by, where_clause) }}
{% endtest %}
