{#- The number of rejected lines of each document: the tests of published totals and
    of completeness allow for what those lines held. -#}
{% macro rejected_lines_per_document() %}
    select
        source_sha256,
        count(*) as rejected_lines
    from {{ ref('stg_extraction__rejects') }}
    group by source_sha256
{% endmacro %}
