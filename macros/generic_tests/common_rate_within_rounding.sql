{#-
    One rate fits every row within the rounding of the denominator.

    The published `denominator` (e.g. man-years) is rounded to `decimals` places, so
    its true value lies within half a unit of it, and each row bounds the rate
    `numerator / denominator` from below and above. Per partition, the rows must
    admit a common rate: the largest lower bound may not exceed the smallest upper
    bound. Misaligned columns or a wrong rate in one row make the bounds cross.
    `decimals` is a column or a number. NULLs are left out.

    With `row_columns` (such as `['source_line']`), a failing partition is reported by
    the rows that do not admit the rate most of its rows admit (the point covered by
    the most rows' bounds), when they are few (at most `max_outlier_share` of its
    rows): a damaged row then names itself, and costs only itself. Otherwise the
    partition is one failing row with `row_columns` NULL.
-#}
{% macro common_rate_within_rounding_sql(relation, numerator, denominator, decimals, partition_by, where_clause=none, row_columns=[], max_outlier_share=0.05) %}
    {%- set keys = partition_by | join(', ') -%}
    {%- set half_unit = "0.5 * power(10, -(" ~ decimals ~ "))" -%}
    with bounded as (
        select
            {{ keys }},
            {% for column in row_columns -%}
            {{ column }},
            {% endfor -%}
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
    ),

    failing as (
        select *
        from per_partition
        where rate_at_least > rate_at_most
    )

    {%- if row_columns %},

    {%- set same_partition = [] %}
    {%- for key in partition_by %}{% do same_partition.append("candidate." ~ key ~ " is not distinct from covering." ~ key) %}{% endfor %}

    candidates as (
        select distinct
            {{ keys }},
            lowest_rate
        from bounded
    ),

    coverage as (
        select
            {% for key in partition_by -%}
            candidate.{{ key }},
            {% endfor -%}
            candidate.lowest_rate as candidate_rate,
            count(*) as covering_rows
        from candidates as candidate
        inner join bounded as covering
            on {{ same_partition | join(" and ") }}
            and covering.lowest_rate <= candidate.lowest_rate
            and (covering.highest_rate is null or covering.highest_rate >= candidate.lowest_rate)
        group by {% for key in partition_by %}candidate.{{ key }}, {% endfor %}candidate.lowest_rate
    ),

    common as (
        select
            {{ keys }},
            arg_max(candidate_rate, covering_rows) as common_rate
        from coverage
        group by {{ keys }}
    ),

    outliers as (
        select
            {% for key in partition_by -%}
            failing.{{ key }},
            {% endfor -%}
            {% for column in row_columns -%}
            bounded.{{ column }},
            {% endfor -%}
            bounded.lowest_rate as rate_at_least,
            bounded.highest_rate as rate_at_most,
            common.common_rate,
            failing.bounded_rows,
            count(*) over (partition by {% for key in partition_by %}failing.{{ key }}{{ ", " if not loop.last }}{% endfor %}) as outlier_rows
        from failing
        inner join bounded
            on {% for key in partition_by -%}
            failing.{{ key }} is not distinct from bounded.{{ key }}{{ " and " if not loop.last }}
            {%- endfor %}
        inner join common
            on {% for key in partition_by -%}
            failing.{{ key }} is not distinct from common.{{ key }}{{ " and " if not loop.last }}
            {%- endfor %}
        where bounded.lowest_rate > common.common_rate or bounded.highest_rate < common.common_rate
    ),

    named_rows as (
        select * exclude (outlier_rows)
        from outliers
        where outlier_rows <= {{ max_outlier_share }} * bounded_rows
    )

    select * from named_rows
    union all by name
    select
        {% for key in partition_by -%}
        failing.{{ key }},
        {% endfor -%}
        failing.rate_at_least,
        failing.rate_at_most,
        failing.bounded_rows
    from failing
    where not exists (
        select 1
        from named_rows
        where {% for key in partition_by -%}
            named_rows.{{ key }} is not distinct from failing.{{ key }}{{ " and " if not loop.last }}
            {%- endfor %}
    )
    {%- else %}

    select * from failing
    {%- endif %}
{% endmacro %}

{% test common_rate_within_rounding(model, numerator, denominator, decimals, partition_by, where_clause=none, row_columns=[], max_outlier_share=0.05) %}
    {{ common_rate_within_rounding_sql(model, numerator, denominator, decimals, partition_by, where_clause, row_columns, max_outlier_share) }}
{% endtest %}
