{#-
    Every printed total of a kind's documents beside the sum of the rows read
    (`partition_sums_sql` with `rejects`): one row per total, `total_of` naming it by
    the partition keys after `source_sha256`, `gap` what the rejected rows (and
    suppressed cells) hold, `tolerance` the rule its test applies. Feeds
    `audit_published_totals` (and through it `audit_total_gaps`).
-#}
{% macro total_gaps_sql(document_kind, relation, column_name, partition_by, component_filter, total_filter, suppressed_filter='false', tolerance='') %}
    {%- set described = [] -%}
    {%- for key in partition_by[1:] -%}
        {%- do described.append("'" ~ key ~ "=' || coalesce(cast(" ~ key ~ " as varchar), 'NULL')") -%}
    {%- endfor -%}
    with compared as (
        {{ partition_sums_sql(relation, column_name, partition_by, component_filter, total_filter, suppressed_filter, ref('stg_extraction__rejects')) }}
    )

    select
        '{{ document_kind }}' as document_kind,
        source_sha256,
        {{ described | join(" || ', ' || ") }} as total_of,
        cast(published_total as decimal(18, 2)) as published_total,
        cast(component_sum as decimal(18, 2)) as read_sum,
        cast(published_total - component_sum as decimal(18, 2)) as gap,
        cast(suppressed_cells as bigint) as suppressed_cells,
        cast(rejected_lines as bigint) as rejected_lines,
        '{{ tolerance }}' as tolerance
    from compared
{% endmacro %}
